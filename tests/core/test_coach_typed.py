"""A cue written the long way also finds chat spellings: "u" and "ur" for "you" and "your",
contractions without their apostrophe, and any kind of apostrophe."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convocoach.coach.loader import bundled_rubric
from convocoach.coach.score import coach_for_rubric
from convocoach.coach.typed import typed_forms, typed_variants


@pytest.mark.parametrize(
    ("pattern", "typed"),
    [
        (r"\byou\s+said\b", r"\b(?:you|u)\s+said\b"),
        (r"\b(?:your|the)\s+team\b", r"\b(?:(?:your|ur)|the)\s+team\b"),
        (r"\byou're\s+late", r"\b(?:you're|ur|youre)\s+late"),
        # Not a word of its own, an escape, a class or a group's name: left alone.
        (r"\byouth\b|\byours\b|[you]|(?P<you>x)(?P=you)", None),
        # A contraction's apostrophe is optional, unless dropping it makes another word.
        (r"\bdon't\s+panic\b|\bI'll\s+send", r"\bdon'?t\s+panic\b|\bI'?ll\s+send"),
        (r"\bwe're\s+sorry|\bwe'll\s+see|\bI'd\s+say", None),
        # A look-behind keeps its fixed width.
        (r"(?<!don't )(?<!you )said", None),
    ],
)
def test_you_takes_its_chat_spellings(pattern: str, typed: str | None) -> None:
    assert typed_forms(pattern) == (typed or pattern)
    assert typed_forms(typed_forms(pattern)) == typed_forms(pattern)


def test_a_phrase_gets_its_chat_spellings() -> None:
    assert typed_variants("as you know") == ["as u know"]
    assert typed_variants("you're right") == ["ur right", "youre right"]
    assert typed_variants("don't panic") == ["dont panic"]
    assert typed_variants("we're sorry") == []
    assert typed_variants("as we agreed") == []


_PIECES = [
    "you",
    "your",
    "you're",
    "don't",
    "I'll",
    "said",
    " ",
    r"\s+",
    r"\b",
    "(?:",
    "(?<!",
    "(?<=",
    ")",
    "|",
    "team",
    "r",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=7),
    st.text(alphabet="yourt '.saidemnIl", max_size=30),
)
def test_a_typed_pattern_finds_all_the_pattern_finds(pieces: list[str], text: str) -> None:
    pattern = "".join(pieces)
    try:
        plain = re.compile(pattern)
    except re.error:
        return
    typed = re.compile(typed_forms(pattern))
    assert typed.groups == plain.groups
    for found in plain.finditer(text):
        assert typed.match(text, found.start()), (pattern, text)


def test_the_coach_reads_chat_spellings_as_it_reads_the_long_way() -> None:
    coach = coach_for_rubric(bundled_rubric())
    assert coach.score("as u know, the fee covers two visits")["NOBLAME"].status == "fail"
    assert coach.score("as you know, the fee covers two visits")["NOBLAME"].status == "fail"
    assert coach.score("u were right to ask, the fee covers two visits")["NOBLAME"].status == "pass"
    assert coach.score("We’ve been over this: the fee covers two visits.")["NOBLAME"].status == (
        "fail"
    )
    assert coach.score("ill send the plan tmrw")["NEXT"].status == "pass"


def test_a_pattern_its_chat_spellings_would_break_is_refused_with_its_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from convocoach.coach import values
    from convocoach.coach.loader import parse_rubric
    from convocoach.diagnostics import InvalidFile

    monkeypatch.setattr(values, "typed_forms", lambda pattern: pattern + "(")
    body = (
        "format: 1\nid: t\ntitle: T\ndimensions:\n  - code: NOBLAME\n    rules:\n"
        "      - kind: existence\n        id: b\n        effect: fail\n        message: m\n"
        "        patterns: ['\\byou said\\b']\n"
    )
    with pytest.raises(InvalidFile) as caught:
        parse_rubric(body.encode(), "t.yaml")
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (11, 20)
    assert "chat spellings" in problem.message


def test_a_phrase_found_in_its_chat_spelling_gets_the_phrase_s_advice() -> None:
    coach = coach_for_rubric(bundled_rubric())
    written = coach.score("You're overreacting.")["NODISMISS"]
    typed = coach.score("Youre overreacting.")["NODISMISS"]
    assert typed.status == written.status == "fail"
    assert typed.rewrite == written.rewrite == "I can see this matters a lot."
