"""How people type in chat, so that a cue written the long way finds it too: "u" and "ur"
for "you" and "your" ("u said end of jan" is the same reminder as "you said end of
January"), and contractions without their apostrophe ("dont", "ill send it friday")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# Whole words only, in any case; "you're" before "you" so it is taken as one word. (What
# starts a word is known from the pattern's text: after "\\b" an assertion would fail.)
_WORD = re.compile(r"(you're|your|you)(?![\w'])", re.IGNORECASE)
_PHRASE_WORD = re.compile(r"\b" + _WORD.pattern, re.IGNORECASE)
_TYPED = {"you're": ("ur", "youre"), "your": ("ur",), "you": ("u",)}
# Contractions whose apostrophe stays: without it they are other common words ("were",
# "well", "hell", "shed", "wed", "id").
_KEEP_APOSTROPHE = frozenset(
    (
        ("we", "re"),
        ("we", "ll"),
        ("we", "d"),
        ("he", "ll"),
        ("she", "ll"),
        ("she", "d"),
        ("i", "d"),
        ("he", "d"),
    )
)
_CONTRACTION = re.compile(r"\b([A-Za-z]+)'([A-Za-z]+)\b")


def _drops_apostrophe(before: str, after: str) -> bool:
    """Whether the contraction before'after is typed without its apostrophe ("don't",
    "I'll", "that's"): an ending of one to three letters, not one that makes another word."""
    return 1 <= len(after) <= 3 and (before.lower(), after.lower()) not in _KEEP_APOSTROPHE


def with_typed_variants(phrases: Iterable[str]) -> tuple[str, ...]:
    """``phrases`` followed by their chat spellings, each once."""
    listed = list(phrases)
    return tuple(dict.fromkeys((*listed, *(t for p in listed for t in typed_variants(p)))))


def typed_variants(phrase: str) -> list[str]:
    """The chat spellings of a plain phrase ("your team" → "ur team", "don't" → "dont")."""
    spellings = {phrase} | {_PHRASE_WORD.sub(_typed(n), phrase) for n in (0, -1)}
    spellings |= {_CONTRACTION.sub(_without_apostrophe, spelling) for spelling in spellings}
    spellings.discard(phrase)
    return sorted(spellings)


def _typed(choice: int) -> Callable[[re.Match[str]], str]:
    """A substitution giving each "you" word its first (or last) chat spelling."""
    return lambda found: _TYPED[found.group(1).lower()][choice]


def _without_apostrophe(found: re.Match[str]) -> str:
    before, after = found.group(1), found.group(2)
    return before + after if _drops_apostrophe(before, after) else found.group(0)


def typed_forms(pattern: str) -> str:
    """``pattern`` (a regular expression) with each literal "you", "your" and "you're" also
    taking its chat spellings, as a group that captures nothing (groups keep their numbers),
    and the apostrophe of a literal contraction made optional. Escapes and character
    classes are left as they are."""
    out: list[str] = []
    index, in_class, word_start = 0, False, True
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            # An escape (\b, \s, \W) ends any word before it.
            word_start = True
            index += 2
            continue
        if in_class:
            in_class = char != "]"
            out.append(char)
            index += 1
            continue
        if pattern.startswith(("(?<=", "(?<!"), index):
            # A look-behind must keep a fixed width: copied as it is.
            end = _group_end(pattern, index)
            out.append(pattern[index:end])
            index, word_start = end, True
            continue
        if char == "[":
            in_class = True
        if char == "'" and _contraction_at(pattern, index):
            out.append("'?")
            index += 1
            word_start = False
            continue
        named_group = pattern.endswith(("(?P<", "(?P="), 0, index)
        found = _WORD.match(pattern, index) if word_start and not named_group else None
        if found is not None:
            word = found.group(1).lower()
            typed = "(?:" + "|".join((word, *_TYPED[word])) + ")"
            if pattern.startswith(typed, index - 3):  # done already: the same again
                out.append(typed[3:])
                index += len(typed) - 3
            else:
                out.append(typed)
                index = found.end()
            word_start = False
            continue
        out.append(char)
        word_start = not char.isalnum() and char != "_"
        index += 1
    return "".join(out)


def _contraction_at(pattern: str, index: int) -> bool:
    """Whether the apostrophe at ``index`` joins the letters of a contraction written out in
    ``pattern`` ("don't", "I'll"), one that is typed without it."""
    start = index
    while start > 0 and pattern[start - 1].isalpha():
        start -= 1
    if start > 0 and pattern[start - 1] == "\\":
        start += 1  # the first letter belongs to an escape: \bdon't
    end = index + 1
    while end < len(pattern) and pattern[end].isalpha():
        end += 1
    before, after = pattern[start:index], pattern[index + 1 : end]
    if not before or not after or (end < len(pattern) and pattern[end] in "?*+{"):
        return False  # not whole letters on both sides ("can'?t" made by hand already)
    return _drops_apostrophe(before, after)


def _group_end(pattern: str, start: int) -> int:
    """The index just after the group that opens at ``start`` (escapes and classes skipped)."""
    depth, index, in_class = 0, start, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(pattern)
