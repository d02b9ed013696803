"""Moving through a session's steps, and which of them the user has done."""

from __future__ import annotations

from dataclasses import astuple

from convocoach.sessions.model import Meeting, Session
from convocoach.sessions.prompts import PrepPrompt, answered_count
from convocoach.sessions.steps import STEP_KEYS, StepKey, step_key


def resume_step(session: Session) -> StepKey:
    """The step to reopen a session at (the first one if the stored step is unknown)."""
    return step_key(session.step) or STEP_KEYS[0]


def neighbour(step: StepKey, offset: int) -> StepKey:
    """The step ``offset`` places from ``step``, kept within the first and the last."""
    index = STEP_KEYS.index(step) if step in STEP_KEYS else 0
    return STEP_KEYS[max(0, min(len(STEP_KEYS) - 1, index + offset))]


def meeting_key(meeting: Meeting) -> str:
    """The meeting in one string, to tell whether the Timing step has seen this one."""
    return "|".join(str(value) for value in astuple(meeting))


def steps_done(
    session: Session,
    prompts: tuple[PrepPrompt, ...],
    rehearsed: bool = False,
    timing_checked: str = "",
) -> frozenset[StepKey]:
    """The steps whose work is complete, judged from what the session holds, whether a
    rehearsal of it was played to an end, and which meeting the Timing step last checked
    (its :func:`meeting_key`: a changed meeting needs a new look). The outcome is done once
    how the meeting went is recorded."""
    done: set[StepKey] = set()
    if session.client.name.strip() and session.meeting.date:
        done.add("situation")
    if prompts and answered_count(prompts, session.answers) == len(prompts):
        done.add("prepare")
    if (
        session.meeting.date
        and session.meeting.time
        and timing_checked == meeting_key(session.meeting)
    ):
        done.add("timing")
    if session.phrases:
        done.add("listen")
    if rehearsed:
        done.add("rehearse")
    if session.next_steps and session.next_checkin:
        done.add("agree")
    if session.exported_at:
        done.add("followup")
    if session.outcome.result:
        done.add("outcome")
    return frozenset(done)
