"""Rehearsals in the session exchange file, so that moving a session keeps its role-plays."""

from __future__ import annotations

import re
from typing import Any, get_args

from convocoach.coach.model import Status
from convocoach.rehearsal.asks import ASKS
from convocoach.rehearsal.case import FACTS
from convocoach.rehearsal.engine import Exchange, State
from convocoach.rehearsal.hearing import Heard, as_heard
from convocoach.rehearsal.script import ENDINGS, Ending
from convocoach.schema import Choice, Field, Formatted, Integer, ListOf, Record, Text
from convocoach.sessions.file_fields import PLAYBOOK_ID, TEXT, TIMESTAMP
from convocoach.sessions.rehearsals import SavedRehearsal

NO_ENDING = "none"
_SECONDS = re.compile(r"\d{1,9}(?:\.\d{1,3})?")

_id = Text(max_length=64, one_line=True)
_code = Text(max_length=32, one_line=True)
_mood = Integer(0, 10)
_seconds = Formatted(_SECONDS, "seconds, like 42.5")

VERDICT = Record(
    "Verdict",
    "The coach's verdict on one dimension of a reply.",
    (
        Field("code", _code, "The dimension's code, like FEEL.", required=True),
        Field("status", Choice(get_args(Status)), "pass, fail or not-applicable.", required=True),
    ),
    lambda code, status: (code, status),
)


_HEARD = ("none", *(h for h in get_args(Heard) if h))


FACT = Record(
    "Fact",
    "A fact of the case the reply told.",
    (
        Field("fact", Choice(tuple(f.name for f in FACTS)), "Which fact.", required=True),
        Field("value", Text(max_length=200, one_line=True), "As the user wrote it.", required=True),
    ),
    lambda fact, value: (fact, value),
)


def _exchange(
    seconds: str, statuses: tuple[tuple[str, Status], ...], heard: str, **fields: Any
) -> Exchange:
    return Exchange(statuses=statuses, seconds=float(seconds or 0), heard=as_heard(heard), **fields)


EXCHANGE = Record(
    "Exchange",
    "One reply to the client and what it did.",
    (
        Field("turn_id", _id, "The client's turn replied to.", required=True),
        Field("client", TEXT, "What the client had said."),
        Field("reply", TEXT, "The reply."),
        Field("statuses", ListOf(VERDICT, max_items=64), "The coach's verdicts."),
        Field("penalties", ListOf(_code, max_items=64), "Dimensions whose penalty fired."),
        Field("mood_before", _mood, "The client's mood before the reply.", required=True),
        Field("mood_after", _mood, "The client's mood after it.", required=True),
        Field("note", TEXT, "Why the client reacted so."),
        Field("commitments", ListOf(TEXT, max_items=64), "Next steps offered in the reply."),
        Field("seconds", _seconds, "Time taken over the reply."),
        Field(
            "heard",
            Choice(_HEARD),
            "What the client noticed besides the verdicts: a repeat, "
            "a refusal, words off the subject, a question unanswered ('none': nothing).",
            default="none",
        ),
        Field("learned", ListOf(FACT, max_items=16), "Facts of the case the reply told."),
        Field(
            "gave",
            ListOf(Choice(ASKS), max_items=len(ASKS), unique=True),
            "What the reply gave the client: reason, date, cost, options, apology, reassurance.",
        ),
        Field("offered", ListOf(_id, max_items=20), "The playbook's options the reply offered."),
        Field(
            "passed",
            ListOf(_id, max_items=10),
            "Turns the client moved through because the reply had answered them already.",
        ),
        Field(
            "offending",
            Text(max_length=200, one_line=True, allow_empty=True),
            "The sentence of the reply the client took offence at.",
        ),
    ),
    _exchange,
)


def _rehearsal(
    playbook_id: str,
    started_at: str,
    updated_at: str,
    ending: str,
    turn_id: str,
    mood: int,
    seconds: str,
    exchanges: tuple[Exchange, ...],
) -> SavedRehearsal:
    end: Ending | None = next((e for e in ENDINGS if e == ending), None)
    return SavedRehearsal(
        0,
        0,
        playbook_id,
        started_at,
        updated_at,
        State(turn_id, mood, exchanges, end),
        float(seconds or 0),
    )


REHEARSAL = Record(
    "Rehearsal",
    "A role-play against the playbook's client.",
    (
        Field("playbook_id", PLAYBOOK_ID, "The playbook whose client was played.", required=True),
        Field("started_at", TIMESTAMP, "When it began."),
        Field("updated_at", TIMESTAMP, "When it last changed."),
        Field(
            "ending",
            Choice((NO_ENDING, *ENDINGS)),
            "How it ended (none: not finished).",
            default=NO_ENDING,
        ),
        Field("turn_id", _id, "Where the client is in the script.", required=True),
        Field("mood", _mood, "The client's mood now.", required=True),
        Field("seconds", _seconds, "Time spent replying."),
        Field("exchanges", ListOf(EXCHANGE, max_items=500), "Every reply, in order."),
    ),
    _rehearsal,
)


def rehearsal_to_data(saved: SavedRehearsal) -> dict[str, Any]:
    """A rehearsal as plain data in file order (no database ids)."""
    state = saved.state
    return {
        "playbook_id": saved.playbook_id,
        "started_at": saved.started_at,
        "updated_at": saved.updated_at,
        "ending": state.ending or NO_ENDING,
        "turn_id": state.turn_id,
        "mood": state.mood,
        "seconds": _rounded(saved.seconds),
        "exchanges": [
            {
                "turn_id": e.turn_id,
                "client": e.client,
                "reply": e.reply,
                "statuses": [{"code": code, "status": status} for code, status in e.statuses],
                "penalties": list(e.penalties),
                "mood_before": e.mood_before,
                "mood_after": e.mood_after,
                "note": e.note,
                "commitments": list(e.commitments),
                "seconds": _rounded(e.seconds),
                "heard": e.heard or "none",
                "learned": [{"fact": k, "value": v} for k, v in e.learned],
                "gave": list(e.gave),
                "offered": list(e.offered),
                "passed": list(e.passed),
                "offending": e.offending,
            }
            for e in state.exchanges
        ],
    }


def _rounded(seconds: float) -> str:
    # Written as text: the milliseconds survive, and YAML and JSON read it back the same.
    return f"{max(0.0, seconds):.3f}".rstrip("0").rstrip(".")
