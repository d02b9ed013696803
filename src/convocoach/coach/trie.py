"""Many literal phrases as one regular expression that shares their common beginnings.

Python's ``re`` tries the branches of an alternation one by one at every position, so a list
of three hundred feelings written as ``(?:upset|angry|...)`` costs three hundred tries per
character. Folded into a trie (``(?:a(?:ngry|nnoy...)|u(?:pset...)...)``) it costs a handful,
and it matches exactly the same text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_APOSTROPHES = "'’"
_SPACE = r"\s+"
_APOSTROPHE = "['’]"
_ANY_ENDING = r"[\w'’-]*"
_END = ""  # marks where a phrase may stop


def atoms(phrase: str) -> list[str]:
    """The phrase as pieces of a regular expression: whole words (a ``\\b`` where a word
    starts or ends), any run of spaces, either apostrophe; a final ``*`` takes any ending."""
    star = phrase.endswith("*")
    text = phrase[:-1] if star else phrase
    out: list[str] = [r"\b"] if text[:1].isalnum() else []
    spaced = False
    for char in text.strip():
        if char.isspace():
            if not spaced:
                out.append(_SPACE)
            spaced = True
            continue
        spaced = False
        out.append(_APOSTROPHE if char in _APOSTROPHES else re.escape(char.lower()))
    if star:
        out.append(_ANY_ENDING)
    elif text[-1:].isalnum():
        out.append(r"\b")
    return out


def alternation(phrases: Iterable[str]) -> str:
    """One non-capturing group matching any of ``phrases`` (case is the caller's flag)."""
    return _group(atoms(p) for p in phrases if p.strip(" *"))


def literal_alternation(strings: Iterable[str]) -> str:
    """Any of ``strings`` exactly, anywhere (no word boundaries, no spacing rules)."""
    return _group([re.escape(c) for c in s] for s in strings if s)


def _group(sequences: Iterable[list[str]]) -> str:
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for sequence in sequences:
        node = root
        for atom in sequence:
            node = node.setdefault(atom, {})
        node[_END] = {}
    return f"(?:{_emit(root)})" if root else "(?!)"


def _emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    # Longer continuations first, the stop last: "let down" is tried before "let".
    keys = sorted(node, key=lambda k: k == _END)
    parts = [key + _emit(node[key]) if key != _END else "" for key in keys]
    if len(parts) == 1:
        return parts[0]
    return "(?:" + "|".join(parts) + ")"
