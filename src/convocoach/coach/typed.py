"""How people type "you" in chat ("u", "ur"), so that a cue written with "you" finds it too:
"u said end of jan" is the same reminder as "you said end of January"."""

from __future__ import annotations

import re

# Whole words only, in any case; "you're" before "you" so it is taken as one word. (What
# starts a word is known from the pattern's text: after "\\b" an assertion would fail.)
_WORD = re.compile(r"(you're|your|you)(?![\w'])", re.IGNORECASE)
_PHRASE_WORD = re.compile(r"\b(you're|your|you)(?![\w'])", re.IGNORECASE)
_TYPED = {"you're": ("ur", "youre"), "your": ("ur",), "you": ("u",)}


def typed_variants(phrase: str) -> list[str]:
    """The chat spellings of a plain phrase ("your team" → "ur team"); none without "you"."""
    if not _PHRASE_WORD.search(phrase):
        return []
    spellings = {_PHRASE_WORD.sub(lambda m: _TYPED[m.group(1).lower()][0], phrase)}
    spellings.add(_PHRASE_WORD.sub(lambda m: _TYPED[m.group(1).lower()][-1], phrase))
    return sorted(spellings)


def typed_forms(pattern: str) -> str:
    """``pattern`` (a regular expression) with each literal "you", "your" and "you're" also
    taking its chat spellings, as a group that captures nothing (groups keep their numbers).
    Escapes and character classes are left as they are."""
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
        if char == "[":
            in_class = True
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
