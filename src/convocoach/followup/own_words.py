"""Which parts of an email are the user's own words, which convocoach never translates.

An email in another language has its fixed text, dates and labels in that language; what
the user typed (the points, the next steps, a move's reason, the title used as the topic,
the place, their own edit of the email) stays as they typed it. The app and the command
line say which parts those are, in the same words (:func:`own_words_note`).
"""

from __future__ import annotations

from convocoach.followup.language import ENGLISH, EmailLanguage
from convocoach.sessions.model import Session

TITLE = "the title (the email's topic)"
PLACE = "the meeting's place"
POINTS = "the discussion points"
NEXT_STEPS = "the next steps"
REASONS = "the reasons a next step moved"
DRAFT = "your own edit of the email"


def own_words(session: Session, checkin: bool = False) -> list[str]:
    """The parts of ``session``'s email (its check-in email with ``checkin``) that hold
    text the user typed, named for a person, in the email's order. The follow-up the user
    edited is their edit alone; the check-in email never uses that edit."""
    if session.email_draft.strip() and not checkin:
        return [DRAFT]
    kept = [step for step in session.next_steps if step.status != "dropped"]
    present = (
        (TITLE, bool(session.title.strip())),
        (PLACE, bool(session.meeting.place.strip())),
        (POINTS, any(point.strip() for point in session.points)),
        (NEXT_STEPS, any(step.action.strip() for step in kept)),
        (REASONS, checkin and any(m.reason.strip() for step in kept for m in step.moves)),
    )
    return [part for part, there in present if there]


def own_words_note(language: EmailLanguage, parts: list[str]) -> str:
    """ "Written in German, formal. Your own words stay as you wrote them: the discussion
    points, the next steps — translate them yourself."; empty for English."""
    if language.tag == ENGLISH.tag:
        return ""
    note = f"Written in {language.label}."
    if parts:
        note += (
            f" Your own words stay as you wrote them: {', '.join(parts)} — translate them yourself."
        )
    return note
