"""Counts whose noun agrees with the number, and the texts that use them."""

from __future__ import annotations

from convocoach.coach.loader import bundled_rubric
from convocoach.coach.readability import describe_ease
from convocoach.rehearsal.debrief import debrief_markdown
from convocoach.rehearsal.scorecard import listening, scorecard
from convocoach.wording import counted
from tests.core.test_coach import score
from tests.core.test_rehearsal_engine import AGREE, BLAME, delays, play


def test_counted() -> None:
    assert counted(1, "reply") == "1 reply"
    assert counted(0, "reply") == "0 replies"
    assert counted(2, "day") == "2 days"
    assert counted(3, "round") == "3 rounds"
    assert counted(-1, "point") == "-1 point"
    assert counted(2, "person", "people") == "2 people"


def test_the_debrief_counts_one_reply_as_one() -> None:
    text = debrief_markdown("One go", delays(), play(AGREE[0]), bundled_rubric())
    assert "after 1 reply." in text


def test_no_reflections_or_questions_is_said_in_words() -> None:
    card = scorecard(play(*BLAME), bundled_rubric())
    assert (card.reflections, card.questions) == (0, 0)
    assert listening(card).startswith("No reflections or questions yet")
    assert "0:0" not in debrief_markdown("Blame", delays(), play(*BLAME), bundled_rubric())


def test_the_listening_ratio_when_there_is_one() -> None:
    card = scorecard(play(*AGREE), bundled_rubric())
    assert listening(card).startswith(
        f"Reflections to questions: {card.reflections}:{card.questions}"
    )


def test_reading_ease_is_shown_on_its_0_to_100_scale_with_its_meaning() -> None:
    assert describe_ease(109.4) == "reading ease 100/100 (very easy)"
    assert describe_ease(-12.0) == "reading ease 0/100 (very hard)"
    assert describe_ease(64.6) == "reading ease 65/100 (plain)"
    easy = score("I'm sorry the date moved. Here is what we will do this week to fix it.")
    assert "reading ease 100/100 (very easy)" in easy["READ"].reason


def test_too_short_to_judge_counts_its_words() -> None:
    assert "(2 words)" in score("Fair point.")["READ"].reason
