"""Cues run as small-letter patterns on text with its capitals made small: the same matches
as matching in any case, and patterns that could not keep that promise are refused."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convocoach.coach.caseless import case_trouble, small_letters
from convocoach.coach.loader import parse_rubric
from convocoach.diagnostics import InvalidFile

_SMALL = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def test_escapes_and_group_names_keep_their_letters() -> None:
    assert small_letters(r"\bI\W+(?P<Name>Sorry)\s(?P=Name)\B") == (
        r"\bi\W+(?P<name>sorry)\s(?P=name)\B"
    )


_PIECES = [
    "Sorry",
    "YOU",
    "i",
    "We'Re",
    r"\b",
    r"\B",
    r"\w+",
    r"\W",
    r"\s",
    r"\S",
    r"\d",
    "[A-Z]",
    "[^a-z]",
    "[A-Fx]",
    r"[\w']",
    ".",
    " ",
    "(?:Ok|no)",
    "(?=Y)",
    "(?<!X)",
    "(?P<G>Ab)",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6),
    st.text(alphabet="aAbByYoOuUkKxXsS '.-1ÉéßİıK\u00a0", max_size=40),
)
def test_a_small_letter_pattern_matches_what_the_pattern_matches_in_any_case(
    pieces: list[str], text: str
) -> None:
    pattern = "".join(pieces)
    if pattern.count("(?P<G>") > 1:
        pattern = pattern.replace("(?P<G>", "(?:", pattern.count("(?P<G>") - 1)
    if "(?P<G>" in pattern:
        pattern += "(?P=G)?"
    if re.compile(pattern).match(""):
        return
    anycase = [m.span() for m in re.finditer(pattern, text, re.IGNORECASE | re.ASCII)]
    small_text = text.translate(_SMALL)
    small = [m.span() for m in re.finditer(small_letters(pattern), small_text, re.ASCII)]
    assert small == anycase


@pytest.mark.parametrize(
    ("pattern", "says"),
    [
        (r"\b(?-i:ASAP)\b", "(?-i:...)"),
        (r"\x41SAP", "'A' by its code"),
        (r"[\x41-\x5A]{4}", "A-Z by their codes"),
        (r"(?:ok|\x4Eo)", "'N' by its code"),
    ],
)
def test_a_pattern_that_cannot_match_in_any_case_is_refused(pattern: str, says: str) -> None:
    assert says in (case_trouble(pattern) or "")


@pytest.mark.parametrize("pattern", [r"\bASAP\b", r"[A-Z]{4}", r"\x61sap", r"(?i:ASAP)", r"\W"])
def test_capitals_written_as_letters_are_no_trouble(pattern: str) -> None:
    assert case_trouble(pattern) is None


def test_the_rubric_loader_names_the_pattern_that_cannot_match_in_any_case() -> None:
    body = """format: 1
id: t
title: T
dimensions:
  - code: PLAIN
    rules:
      - kind: existence
        id: acronym
        effect: fail
        message: m
        patterns: ['\\b(?-i:ASAP)\\b']
"""
    with pytest.raises(InvalidFile) as caught:
        parse_rubric(body.encode(), "t.yaml")
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (11, 20)
    assert "cues match in any case" in problem.message
    assert "(?-i:...)" in problem.fix
