"""The coach for a client who reads English as a second language: who counts as one, the
CLEAR dimension on hand-labelled replies (tests/data/non_native_replies.yaml, labelled
before the coach ran on them), and the rubric's ``readers`` condition."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from convocoach.coach import model
from convocoach.coach.loader import bundled_rubric, parse_rubric
from convocoach.coach.reader import reader_for
from convocoach.coach.score import Coach, Score
from convocoach.diagnostics import InvalidFile

LABELS = Path(__file__).resolve().parent.parent / "data" / "non_native_replies.yaml"
IDIOM_RULES = ("idioms", "idioms-with-technical-words")
RULES_OF_KIND = {
    "idiom": IDIOM_RULES,
    "question": ("negative-question",),
    "length": ("long-sentence",),
}


@lru_cache(maxsize=1)
def coach() -> Coach:
    return Coach(bundled_rubric())


def labelled(kind: str) -> list[dict[str, Any]]:
    with LABELS.open(encoding="utf-8") as handle:
        entries: list[dict[str, Any]] = yaml.safe_load(handle)
    return [e for e in entries if e["kind"] == kind]


@lru_cache(maxsize=1)
def weighed_rules() -> frozenset[str]:
    """Weighed rules weigh every word of the reply, taken as a whole: a word of an idiom
    among them ('line' of 'the bottom line') is no phrase flagged twice."""
    rubric = bundled_rubric()
    return frozenset(
        r.id for d in rubric.dimensions for r in d.rules if isinstance(r, model.Weighed)
    )


def flagged_elsewhere(score: Score, start: int, end: int) -> list[str]:
    """The other dimensions whose phrases or patterns flag words in ``start:end``."""
    return [
        result.code
        for result in score.penalties
        if result.code != "CLEAR"
        and any(
            m.start < end and start < m.end and m.rule_id not in weighed_rules()
            for m in result.matches
        )
    ]


def clear_matches(score: Score, rules: tuple[str, ...]) -> list[str]:
    return [m.text for m in score["CLEAR"].matches if m.rule_id in rules]


# --- who reads English as a second language -------------------------------------------------


@pytest.mark.parametrize(
    ("client", "own", "reader"),
    [
        ("fr", "en", "non_native"),
        ("pt-BR", "en", "non_native"),
        ("en-GB", "en", "native"),
        ("en", "en-US", "native"),
        ("EN_gb", "en", "native"),
        ("", "en", "native"),
        ("  ", "fr", "native"),
        ("fr-CA", "fr", "native"),
        ("en", "fr", "non_native"),
        ("de", "", "non_native"),
        ("en", "", "native"),
    ],
)
def test_reader_is_decided_by_primary_language(client: str, own: str, reader: str) -> None:
    assert reader_for(client, own) == reader


# --- the labelled replies ----------------------------------------------------------------


def _entry_id(entry: dict[str, Any]) -> str:
    return str(entry["id"])


@pytest.mark.parametrize("entry", labelled("idiom"), ids=_entry_id)
def test_labelled_idioms(entry: dict[str, Any]) -> None:
    flag = str(entry["flag"])
    theirs = coach().score(entry["reply"], "", "medium", "non_native")
    found = clear_matches(theirs, IDIOM_RULES)
    if flag:
        assert flag.lower() in (f.lower() for f in found), theirs["CLEAR"].reason
        assert theirs["CLEAR"].status == "fail"
        assert theirs["CLEAR"].penalty
        # Each with a plain alternative, and the reply rewritten with it.
        assert all(m.instead for m in theirs["CLEAR"].matches if m.rule_id in IDIOM_RULES)
        assert flag.lower() not in theirs["CLEAR"].rewrite.lower()
    else:
        assert found == []
    ours = coach().score(entry["reply"], "", "medium", "native")
    assert "CLEAR" not in ours.statuses()
    if flag:
        start = entry["reply"].lower().index(flag.lower())
        end = start + len(flag)
        assert flagged_elsewhere(ours, start, end) == []


@pytest.mark.parametrize("entry", labelled("plain"), ids=_entry_id)
def test_idioms_plain_flags_are_flagged_once_for_every_reader(entry: dict[str, Any]) -> None:
    for reader in model.READERS:
        score = coach().score(entry["reply"], "", "medium", reader)
        assert entry["flag"].lower() in (m.text.lower() for m in score["PLAIN"].matches)
        if reader == "non_native":
            assert clear_matches(score, IDIOM_RULES) == []


@pytest.mark.parametrize("kind", ["question", "length"])
def test_labelled_questions_and_long_sentences(kind: str) -> None:
    for entry in labelled(kind):
        theirs = coach().score(entry["reply"], "", "medium", "non_native")
        found = clear_matches(theirs, RULES_OF_KIND[kind])
        if entry["flag"]:
            assert any(entry["flag"].lower() in f.lower() for f in found), (entry["id"], found)
            assert theirs["CLEAR"].penalty
        else:
            assert found == [], entry["id"]
        assert "CLEAR" not in coach().score(entry["reply"]).statuses()


def test_a_long_sentence_says_how_long_and_to_split_it() -> None:
    text = labelled("length")[0]["reply"]
    result = coach().score(text, "", "high", "non_native")["CLEAR"]
    assert "split it" in result.reason
    assert "1 sentence of 24 words; aim for 20 or fewer" in result.reason


def test_quoting_the_client_is_not_our_idiom() -> None:
    text = 'You wrote "please bear with us" last week; thank you for waiting.'
    assert coach().score(text, "", "medium", "non_native")["CLEAR"].status == "pass"


def test_read_leaves_sentence_length_to_clear_for_a_second_language_reader() -> None:
    text = labelled("length")[4]["reply"]  # one sentence of 27 words
    assert coach().score(text)["READ"].status == "fail"
    second = coach().score(text, "", "medium", "non_native")
    assert second["READ"].status == "pass"
    assert second["CLEAR"].status == "fail"


# --- nothing penalised twice -----------------------------------------------------------------


def _phrases(dim: model.Dimension, level: model.Level, reader: model.Reader) -> set[str]:
    return {
        " ".join(s.use.lower().split())
        for rule in dim.rules
        if isinstance(rule, model.Substitution) and level in rule.levels and reader in rule.readers
        for s in rule.swaps
    }


@pytest.mark.parametrize("level", model.LEVELS)
def test_no_phrase_is_in_both_plain_and_clear(level: model.Level) -> None:
    rubric = bundled_rubric()
    plain = _phrases(rubric.dimensions[8], level, "non_native")
    clear = _phrases(rubric.dimensions[10], level, "non_native")
    assert rubric.dimensions[8].code == "PLAIN"
    assert rubric.dimensions[10].code == "CLEAR"
    assert len(clear) >= 65
    assert not plain & clear
    # Nor one inside the other ("in the pipeline" holds PLAIN's "pipeline").
    for ours in clear:
        for theirs in plain:
            assert not re.search(rf"\b{re.escape(theirs)}\b", ours), (ours, theirs)
            assert not re.search(rf"\b{re.escape(ours)}\b", theirs), (ours, theirs)


def test_no_idiom_is_flagged_by_another_dimension_and_no_alternative_is_an_idiom() -> None:
    rubric = bundled_rubric()
    clear = rubric.dimension("CLEAR")
    assert clear is not None
    for rule in clear.rules:
        if not isinstance(rule, model.Substitution):
            continue
        for swap in rule.swaps:
            text = f"Thanks. {swap.use[0].upper()}{swap.use[1:]} is what I said."
            start, end = 8, 8 + len(swap.use)
            for level in rule.levels:
                score = coach().score(text, "", level, "non_native")
                assert score["CLEAR"].status == "fail", swap.use
                assert flagged_elsewhere(score, start, end) == [], swap.use
    for dim in rubric.dimensions:
        for rule in dim.rules:
            for swap in getattr(rule, "swaps", ()):
                if swap.instead:
                    said = coach().score(swap.instead, "", "medium", "non_native")
                    assert said["CLEAR"].status == "pass", (dim.code, swap.use, swap.instead)


# --- the rubric's readers condition ----------------------------------------------------------

HEAD = "format: 1\nid: mine\n"


def test_a_bad_readers_value_is_refused_where_it_is() -> None:
    text = (
        HEAD
        + """dimensions:
  - code: TEST
    rules:
      - kind: existence
        id: idiom
        effect: fail
        message: An idiom
        readers: [foreign]
        phrases: [ballpark]
"""
    )
    with pytest.raises(InvalidFile) as caught:
        parse_rubric(text.encode(), "mine.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.rule) == (10, 19, "choice")
    assert "'foreign' is not one of native, non_native" in problem.message
    shown = str(caught.value)
    assert "mine.yaml:10:19" in shown


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[]", "at least 1"),
        ("[native, native]", "twice"),
        ("non_native", "expected a list"),
    ],
)
def test_readers_must_be_a_list_of_distinct_readers(value: str, message: str) -> None:
    text = (
        HEAD
        + f"""dimensions:
  - code: TEST
    rules:
      - kind: sentence_length
        id: long
        message: Long
        readers: {value}
"""
    )
    with pytest.raises(InvalidFile) as caught:
        parse_rubric(text.encode(), "mine.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 9
    assert message in problem.message


def test_a_dimension_for_second_language_readers_only_is_left_out_for_others() -> None:
    text = (
        HEAD
        + """dimensions:
  - code: BOTH
    rules:
      - {kind: existence, id: everyone, effect: fail, message: Said, phrases: [ballpark]}
  - code: THEIRS
    rules:
      - kind: existence
        id: second
        effect: fail
        message: An idiom
        readers: [non_native]
        phrases: [ballpark]
"""
    )
    coach_ = Coach(parse_rubric(text.encode(), "mine.yaml"))
    ours = coach_.score("A ballpark figure.")
    assert [r.code for r in ours.results] == ["BOTH"]
    assert ours.reader == "native"
    theirs = coach_.score("A ballpark figure.", reader="non_native")
    assert [r.code for r in theirs.results] == ["BOTH", "THEIRS"]
    assert [r.code for r in theirs.penalties] == ["BOTH", "THEIRS"]
