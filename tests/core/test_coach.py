"""The bundled rubric on the cases that are easy to get wrong, each pinned."""

from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convocoach.coach.model import Level
from convocoach.coach.score import Coach, Score
from convocoach.locations import Locations


@lru_cache(maxsize=1)
def coach() -> Coach:
    from convocoach.coach.loader import find_rubric

    return Coach(find_rubric(Locations.from_env()))


def score(text: str, client: str = "", level: Level = "medium") -> Score:
    return coach().score(text, client, level)


def status(text: str, code: str, client: str = "", level: Level = "medium") -> str:
    return score(text, client, level)[code].status


# --- blame: a negation does not rescue it ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "You should have told us about the change sooner.",
        "I'm not saying you should have told us sooner, but it would have helped.",
        "I don't think it's your fault, but you need to send the files on time.",
        "As I told you last week, the date depended on the content.",
    ],
)
def test_blame_fails_even_when_negated(text: str) -> None:
    result = score(text)["NOBLAME"]
    assert result.status == "fail"
    assert result.penalty
    assert result.matches


def test_describing_each_side_is_not_blame() -> None:
    assert (
        status(
            "The content arrived on Friday and we had planned for Monday; we should have "
            "flagged the risk earlier.",
            "NOBLAME",
        )
        == "pass"
    )


# --- absolutes: at the client fails, a promise about ourselves does not ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "You always change the scope at the last minute.",
        "Your team never answers our emails.",
        "Obviously the brief was unclear.",
    ],
)
def test_absolutes_at_the_client_fail(text: str) -> None:
    assert status(text, "NOABS") == "fail"


@pytest.mark.parametrize(
    "text",
    [
        "We will never again let a date slip without warning you first.",
        "I'll always copy you in from now on.",
        "That will never happen again on our side.",
    ],
)
def test_commitments_with_never_and_always_pass(text: str) -> None:
    assert status(text, "NOABS") == "pass"


def test_quoted_client_words_are_not_the_reply_speaking() -> None:
    reply = 'You said "you always miss our dates" and I hear how tired you are of it.'
    result = score(reply)
    assert result["NOABS"].status == "pass"  # the absolute is the client's, quoted
    assert result["FEEL"].status == "pass"


@pytest.mark.parametrize(
    "text",
    [
        "Oh great, another delay, just what you needed this week.",
        "So you'd like us to run the whole event on credit and hope for the best?",
        "Fireworks in ten days? Sure, and I'll book the moon while I'm at it.",
        "I'm not sure how much clearer we could have been.",
    ],
)
def test_sarcasm_in_its_common_shapes_is_dismissive(text: str) -> None:
    result = score(text)["NODISMISS"]
    assert (result.status, result.penalty) == ("fail", True)


def test_sarcasm_without_a_telltale_shape_is_a_known_limit() -> None:
    """Sarcasm that only the tone carries reads as its literal words (see the README)."""
    assert (
        score("What a shame the laws of physics apply to your project too.")["NODISMISS"].status
        == "pass"
    )


def test_sarcasm_in_stock_words_is_weighed() -> None:
    result = score("Sure, because that always works out so well.")["NODISMISS"]
    assert result.status == "fail"
    assert "dismissal-weighed" in {m.rule_id for m in result.matches}


# --- apologies ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry, but the spec changed twice.",
        "Sorry if the update was confusing.",
        "I'm sorry you feel that way.",
        "Mistakes were made on the release.",
    ],
)
def test_hedged_apologies_fail(text: str) -> None:
    result = score(text)["OWN"]
    assert result.status == "fail"
    assert result.penalty


def test_clean_apology_passes_and_no_apology_is_not_applicable() -> None:
    assert status("I'm sorry we missed the date. That's on us.", "OWN") == "pass"
    assert status("The new date is the 4th of December.", "OWN") == "not-applicable"


# --- next steps --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'll send you the revised plan by Thursday noon.",
        "We'll call you tomorrow at 10 am with the test results.",
        "Let's meet on Monday to agree the new dates.",
        "I will have the breakdown in your inbox within two days.",
    ],
)
def test_commitments_with_a_time_or_deliverable_pass(text: str) -> None:
    assert status(text, "NEXT") == "pass"


def test_a_vague_commitment_fails_and_none_is_not_applicable() -> None:
    # A missed reward, not a wording to avoid: `check` exits 0 for it (1 only with --strict).
    vague = score("Don't worry, we'll fix it.")["NEXT"]
    assert (vague.status, vague.penalty) == ("fail", False)
    assert status("That sounds really frustrating.", "NEXT") == "not-applicable"


def test_a_timed_step_elsewhere_does_not_excuse_nothing() -> None:
    # Each sentence is judged: one concrete step is enough for a pass.
    assert status("We'll look into it. I'll send the revised plan by Friday.", "NEXT") == "pass"


# --- questions ---------------------------------------------------------------------------------


def test_open_closed_and_invitations() -> None:
    assert status("What worries you most about the new date?", "OPENQ") == "pass"
    assert status("And the launch itself, how does it look from your side?", "OPENQ") == "pass"
    assert status("Walk me through what happened at your end.", "OPENQ") == "pass"
    closed = score("Can we meet on Tuesday?")["OPENQ"]
    assert (closed.status, closed.penalty) == ("fail", False)  # a miss, not a penalty
    assert "yes/no" in closed.reason


# --- reflection ---------------------------------------------------------------------------------


def test_reflection_by_opener_or_by_the_clients_words() -> None:
    client = "The checkout was promised for the holidays and I've already briefed my board."
    assert status("So the real worry is what you tell your board.", "REFL", client) == "pass"
    assert (
        status(
            "The holiday checkout promise and your board briefing are both at risk.", "REFL", client
        )
        == "pass"
    )
    assert status("Thanks for your time today.", "REFL", client) == "fail"
    assert status("Thanks for your time today.", "REFL") == "not-applicable"  # nothing to echo


# --- plain words and acronyms ------------------------------------------------------------------


def test_jargon_fails_at_any_level_with_a_rewrite() -> None:
    result = score("Let's circle back on this going forward.", level="high")["PLAIN"]
    assert result.status == "fail"
    assert {m.text: m.instead for m in result.matches} == {
        "circle back": "come back to",
        "going forward": "from now on",
    }
    assert result.rewrite == "Let's come back to on this from now on."


def test_technical_words_and_acronyms_depend_on_the_client() -> None:
    text = "The API latency on staging caused it."
    assert status(text, "PLAIN", level="low") == "fail"
    assert status(text, "PLAIN", level="high") == "pass"
    medium = score(text, level="medium")["PLAIN"]
    assert [m.text for m in medium.matches] == ["API"]  # words are fine, the acronym is not
    spelt = "The application programming interface (API) was slow; the API is fixed now."
    assert status(spelt, "PLAIN", level="medium") == "pass"


def test_i_understand_but_versus_and() -> None:
    but = score("I understand, but the budget is fixed.")["NODISMISS"]
    assert but.status == "fail"
    assert but.matches[0].instead == "I understand, and"
    assert status("I understand, and the budget is fixed.", "NODISMISS") == "pass"


# --- readability ---------------------------------------------------------------------------------


def test_readability_judges_only_replies_long_enough() -> None:
    assert status("Fair point.", "READ") == "not-applicable"
    dense = (
        "Notwithstanding the aforementioned considerations regarding organisational "
        "prioritisation, implementation of the comprehensive remediation programme "
        "necessitates substantial additional investigation and documentation activities."
    )
    result = score(dense)["READ"]
    assert result.status == "fail"
    assert "reading ease" in result.reason
    assert (
        status("I'm sorry the date moved. Here is what we will do this week to fix it.", "READ")
        == "pass"
    )


# --- the whole result --------------------------------------------------------------------------


def test_every_dimension_is_reported_in_rubric_order() -> None:
    codes = [r.code for r in score("Hello.").results]
    assert codes == [
        "FEEL",
        "REFL",
        "OPENQ",
        "NEXT",
        "OWN",
        "NOBLAME",
        "NOABS",
        "NODISMISS",
        "PLAIN",
        "READ",
    ]


def test_spans_point_at_the_words() -> None:
    text = "Calm down, please."
    match = score(text)["NODISMISS"].matches[0]
    assert text[match.start : match.end] == match.text == "Calm down"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.text(max_size=120), st.sampled_from(["low", "medium", "high"]))
def test_any_text_gets_a_result_and_the_same_one_twice(
    text: str, client: str, level: Level
) -> None:
    first = coach().score(text, client, level)
    assert len(first.results) == 10
    assert first == coach().score(text, client, level)
    for result in first.results:
        for m in result.matches:
            assert text[m.start : m.end] == m.text
