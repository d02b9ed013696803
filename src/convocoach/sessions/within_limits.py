"""A whole session, or one next step, checked against the limits (an import, a copy, a step
added): the same numbers the app's fields stop at."""

from __future__ import annotations

from convocoach.sessions.limits import (
    ACTION,
    ANSWERS,
    CAME_UP,
    CHECKINS,
    FIELDS,
    LINE,
    MOVES,
    MOVES_IN_SESSION,
    NEXT_STEPS,
    PROMPT,
    PROSE,
    check_count,
    check_field,
    check_list,
    check_text,
)
from convocoach.sessions.model import NextStep, Session


def check_step(step: NextStep) -> None:
    check_text("A next step", step.action, ACTION)
    check_text("A next step's owner", step.owner_name, LINE)
    check_count("Moves of one next step", len(step.moves), MOVES)
    for move in step.moves:
        check_text("The reason for a move", move.reason, LINE)


def check_session(session: Session) -> None:
    """Every text and list of ``session`` within its limit (an import, a copy)."""
    for name in FIELDS:
        value: object = session
        for part in name.split("."):
            value = getattr(value, part)
        check_field(name, str(value))
    check_count("Answers", len(session.answers), ANSWERS)
    for answer in session.answers:
        check_text("An answer", answer.answer, PROSE)
        check_text("A preparation prompt", answer.prompt, PROMPT)
    check_list("phrases", session.phrases)
    check_list("points", session.points)
    check_count("Next steps", len(session.next_steps), NEXT_STEPS)
    for step in session.next_steps:
        check_step(step)
    moves = sum(len(step.moves) for step in session.next_steps)
    check_count("Moves of next steps", moves, MOVES_IN_SESSION)
    check_count("Questions that came up", len(session.outcome.came_up), CAME_UP)
    for question in session.outcome.came_up:
        check_text("A question that came up", question, PROMPT)
    check_count("Check-ins held", len(session.checkins), CHECKINS)
