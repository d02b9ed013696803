"""Named word sets in a rubric's patterns: ``{feeling}`` stands for every word of the set."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from convocoach.coach import model, trie
from convocoach.coach.prefilter import phrase_key, required_words
from convocoach.coach.typed import typed_forms, with_typed_variants

# Braces around a name, never a regex repetition such as {2} or {1,3}.
_REFERENCE = re.compile(r"\{([a-z][a-z_]{1,30})\}")


def forms(words: Iterable[str], patterns: Iterable[str] = ()) -> tuple[str, ...]:
    """A set's forms as regular expressions: its patterns first (they are the wider forms),
    then its words folded into one trie."""
    parts = [f"(?:{p})" for p in patterns]
    listed = list(words)
    if listed:
        parts.append(trie.alternation(listed))
    return tuple(parts)


def alternation(parts: Iterable[str]) -> str:
    """A set's forms as one pattern."""
    return "(?:" + "|".join(parts) + ")"


class WordSets(dict[str, str]):
    """Each set's name and its words as one alternation, with what any match of it needs."""

    def __init__(
        self,
        sources: dict[str, str],
        needs: dict[str, frozenset[str] | None],
        parts: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        super().__init__(sources)
        self.needs = needs
        """Lower-case words one of which is in any text the set matches (None: no such list)."""
        self.parts = parts or {}
        """Each set's forms, the branches of its alternation (a pattern that is the set alone
        runs them one by one, each filtered on its own words)."""


def sets(rubric: model.Rubric) -> WordSets:
    """The rubric's word sets, ready for patterns and for the filters that skip them; a
    "you" in a set also takes its chat spellings ("ur team")."""
    typed = [_typed(v) for v in rubric.vocabulary]
    parts = {v.name: forms(v.words, v.patterns) for v in typed}
    return WordSets(
        {name: alternation(branches) for name, branches in parts.items()},
        {v.name: _needs(v) for v in typed},
        parts,
    )


def _typed(vocab: model.Vocabulary) -> model.Vocabulary:
    return model.Vocabulary(
        vocab.name,
        with_typed_variants(vocab.words),
        tuple(typed_forms(p) for p in vocab.patterns),
    )


def _needs(vocab: model.Vocabulary) -> frozenset[str] | None:
    found: set[str] = set()
    for word in vocab.words:
        piece = phrase_key(word)
        if len(piece) < 2:
            return None
        found.add(piece)
    for pattern in vocab.patterns:
        needs = required_words(pattern)
        if needs is None:
            return None
        found |= needs[0]
    return frozenset(found)


def expand(pattern: str, named: Mapping[str, str]) -> str:
    """``pattern`` with each ``{name}`` of a known set replaced by the set's alternation."""
    return _REFERENCE.sub(lambda m: named.get(m.group(1), m.group(0)), pattern)


def names_used(pattern: str) -> list[str]:
    return _REFERENCE.findall(pattern)


def merge(
    base: tuple[model.Vocabulary, ...], extra: tuple[model.Vocabulary, ...]
) -> tuple[model.Vocabulary, ...]:
    """``base`` with ``extra``'s words added to the set of the same name (or as a new set)."""
    merged = {v.name: v for v in base}
    for v in extra:
        old = merged.get(v.name)
        merged[v.name] = (
            v
            if old is None
            else model.Vocabulary(
                v.name,
                tuple(dict.fromkeys(old.words + v.words)),
                tuple(dict.fromkeys(old.patterns + v.patterns)),
            )
        )
    return tuple(merged.values())


def patterns_of(rule: model.Rule) -> list[str]:
    """Every pattern of a rule that may name a set."""
    if isinstance(rule, model.Existence):
        return [*rule.patterns, *rule.unless.patterns]
    if isinstance(rule, model.Weighed):
        return list(rule.unless.patterns)
    if isinstance(rule, model.Cooccurrence):
        return [*rule.trigger.patterns, *rule.requires.patterns, *rule.partial.patterns]
    if isinstance(rule, model.Question):
        return [*rule.leading.patterns, *rule.invitation_patterns]
    return []


def unknown_names(rubric: model.Rubric) -> list[tuple[str, str]]:
    """(rule id, name) for every ``{name}`` that no set of the rubric defines."""
    known = {v.name for v in rubric.vocabulary}
    return [
        (rule.id, name)
        for dim in rubric.dimensions
        for rule in dim.rules
        for pattern in patterns_of(rule)
        for name in names_used(pattern)
        if name not in known
    ]
