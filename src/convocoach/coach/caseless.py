"""Cue patterns for text whose capitals are made small: matching without the
case-insensitive flag, which makes every comparison slower, and with the same matches."""

from __future__ import annotations

import re
from typing import Any

from convocoach.coach.regex_tree import REPEATS as _REPEATS
from convocoach.coach.regex_tree import parser as _sre

_CAPITALS = range(ord("A"), ord("Z") + 1)
# What any pattern with case trouble holds: a character by its code (\x41, \u0041, \N{...},
# octal \101) or flags turned off ("(?-i:", "(?s-i:"). Others need not be parsed.
_SUSPECT = re.compile(r"\\[xuUN0-7]|\(\?[a-zA-Z]*-")


def small_letters(pattern: str) -> str:
    """``pattern`` with its ASCII capitals made small: on text with its ASCII capitals
    made small it matches what ``pattern`` matches in any case. An escape is kept as it is
    (``\\W`` is not ``\\w``), and so is the ``P`` of a named group."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if pattern.startswith("(?P", index):
            out.append("(?P")
            index += 3
            continue
        out.append(char.lower() if "A" <= char <= "Z" else char)
        index += 1
    return "".join(out)


def case_trouble(pattern: str) -> str | None:
    """Why ``pattern`` cannot be matched in any case by its small-letter form, or None: it
    turns case-insensitivity off (``(?-i:...)``), or asks for a capital by its code
    (``\\x41``), which small-letter text never holds."""
    if not _SUSPECT.search(pattern):
        return None  # the only ways in: an escape giving a letter by code, or "(?-"
    try:
        parsed = _sre.parse(small_letters(pattern))
    except Exception:
        return None  # not a pattern at all: the compile check says so
    return _trouble(list(parsed))


def _trouble(items: list[tuple[Any, Any]]) -> str | None:
    for op, arg in items:
        if op is _sre.LITERAL and arg in _CAPITALS:
            return f"it asks for the capital {chr(arg)!r} by its code"
        if op is _sre.IN:
            found = _capital_in_set(arg)
        elif op is _sre.SUBPATTERN:
            if arg[2] & re.IGNORECASE:
                return "it turns off matching in any case, (?-i:...)"
            found = _trouble(list(arg[-1]))
        elif op is _sre.BRANCH:
            found = next(filter(None, (_trouble(list(b)) for b in arg[1])), None)
        elif op in _REPEATS:
            found = _trouble(list(arg[2]))
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            found = _trouble(list(arg[1]))
        else:
            found = None
        if found:
            return found
    return None


def _capital_in_set(members: list[tuple[Any, Any]]) -> str | None:
    for op, arg in members:
        if op is _sre.LITERAL and arg in _CAPITALS:
            return f"it asks for the capital {chr(arg)!r} by its code"
        if op is _sre.RANGE and arg[0] in _CAPITALS and arg[1] in _CAPITALS:
            return f"it asks for the capitals {chr(arg[0])}-{chr(arg[1])} by their codes"
    return None
