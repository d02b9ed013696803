"""The shapes the coach must recognise, each with a look-alike it must leave alone.

These are the examples of the coach issue (the labelled corpora carry hundreds more, in other
words); each case names the dimension and the status a careful human coach would give.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from convocoach.coach.loader import bundled_rubric
from convocoach.coach.score import Coach, coach_for_rubric


@lru_cache(maxsize=1)
def coach() -> Coach:
    return coach_for_rubric(bundled_rubric())


def status(text: str, code: str, client: str = "") -> str:
    return coach().score(text, client)[code].status


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        # Indirect blame, carried by grammar rather than "you".
        ("The approval sat with your finance people for a month.", "NOBLAME", "fail"),
        ("Had your side replied in March, none of this would have happened.", "NOBLAME", "fail"),
        ("How come the client team never flagged it?", "NOBLAME", "fail"),
        ("This was signed off by your operations director in May.", "NOBLAME", "fail"),
        # ...and what is not blame.
        ("That was the date we told you, and we missed it.", "NOBLAME", "pass"),
        ("No, it isn't your fault.", "NOBLAME", "pass"),
        ("That was my call and it was the wrong one.", "NOBLAME", "pass"),
        # Ownership without the word sorry.
        ("That was my call and it was the wrong one.", "OWN", "pass"),
        ("Nobody on our side checked it with you, and that's on us.", "OWN", "pass"),
        ("That was the date we told you, and we missed it.", "OWN", "pass"),
        # Non-apologies.
        ("We regret that you were disappointed.", "OWN", "fail"),
        ("Sorry for any trouble this may have caused.", "OWN", "fail"),
        ("I apologise if the plan was unclear.", "OWN", "fail"),
        ("We apologise for the delay. However, the specification changed twice.", "OWN", "fail"),
        ("Mistakes were made in the handover.", "OWN", "fail"),
        # Dismissive wording.
        ("Look, it's just a couple of weeks.", "NODISMISS", "fail"),
        ("There's no need to get worked up about it.", "NODISMISS", "fail"),
        ("I get it, but rules are rules.", "NODISMISS", "fail"),
        ("A deadline is a deadline.", "NODISMISS", "fail"),
        ("I hear you, and here is what we can change by Friday.", "NODISMISS", "pass"),
        # Absolutes: a verdict about the person, or a harmless one.
        ("Your people never read the release notes.", "NOABS", "fail"),
        ("Nobody on our side checked it with you.", "NOABS", "pass"),
        ("Our door is always open, and you can always call me.", "NOABS", "pass"),
        ("This will never happen again.", "NOABS", "pass"),
        # Questions: leading or accusing ones are not open; inviting imperatives are.
        ("Is it fair to say the plan was too tight?", "OPENQ", "fail"),
        ("Shouldn't we have caught that together?", "OPENQ", "fail"),
        ("Describe what a good outcome looks like for your director.", "OPENQ", "pass"),
        # Next steps in the many ways people write a time; a deliverable alone is half a step.
        ("I'll send the figures by noon Thursday.", "NEXT", "pass"),
        ("I'll call you first thing Monday.", "NEXT", "pass"),
        ("We'll have the plan with you before your board meets on the 14th.", "NEXT", "pass"),
        ("I'll get the revised quote to you in the next 48 hours.", "NEXT", "pass"),
        ("I'll send you the revised plan.", "NEXT", "fail"),
        # Feelings: a wide vocabulary, non-native phrasing; the wrong feeling fails.
        ("You must have felt blindsided by the news.", "FEEL", "pass"),
        ("I can see this leaves you in a bind with the board.", "FEEL", "pass"),
        ("Your team must be rattled after the outage.", "FEEL", "pass"),
        ("This is a big worry for you, we understand.", "FEEL", "pass"),
        ("You must be pleased with how it went.", "FEEL", "fail"),
        # Reflection with no client line; an accusing paraphrase fails.
        ("What I'm hearing is that the launch date matters more than the extras.", "REFL", "pass"),
        ("If I follow you, the board needs the figures before the 14th.", "REFL", "pass"),
        ("So this is our fault, then?", "REFL", "fail"),
    ],
)
def test_each_shape(text: str, code: str, expected: str) -> None:
    assert status(text, code) == expected


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("I apologise for the delay.", "I apologize for the delay."),
        (
            "I realise how frustrating this is for you.",
            "I realize how frustrating this is for you.",
        ),
        ("We recognise we let you down.", "We recognize we let you down."),
    ],
)
def test_british_and_american_spelling_alike(british: str, american: str) -> None:
    assert coach().score(british).statuses() == coach().score(american).statuses()
