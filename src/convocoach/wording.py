"""Counts in words that agree with their number: "1 reply", "2 replies", "0 rounds"."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str = "") -> str:
    """``number`` and ``noun``, the noun in the plural unless the number is one (or minus one).

    The plural is ``plural`` when given, else the noun with "ies" for a consonant and "y"
    ("reply"), else with "s".
    """
    if abs(number) == 1:
        return f"{number} {noun}"
    if not plural:
        consonant_y = noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u")
        plural = noun[:-1] + "ies" if consonant_y else noun + "s"
    return f"{number} {plural}"
