"""Rehearsals in the session exchange file, so that moving a session keeps its role-plays.

The file's shape is declared once, on the entries below; each is then made into what the
app uses (a verdict pair, an :class:`Exchange`, a :class:`SavedRehearsal`).
"""

from __future__ import annotations

import re
from typing import Any, get_args

from convocoach.coach.kinds import STATUSES, Status
from convocoach.rehearsal.asks import ASKS, Ask
from convocoach.rehearsal.case import FACTS
from convocoach.rehearsal.engine import Exchange, State
from convocoach.rehearsal.hearing import Heard, as_heard
from convocoach.rehearsal.script import ENDINGS, Ending
from convocoach.schema import (
    Choice,
    Formatted,
    Integer,
    ListOf,
    Record,
    Text,
    spec_dataclass,
    spec_field,
)
from convocoach.sessions.file_fields import PLAYBOOK_ID, TEXT, TIMESTAMP
from convocoach.sessions.rehearsals import SavedRehearsal

NO_ENDING = "none"
_SECONDS = re.compile(r"\d{1,9}(?:\.\d{1,3})?")

_id = Text(max_length=64, one_line=True)
_code = Text(max_length=32, one_line=True)
_mood = Integer(0, 10)
_seconds = Formatted(_SECONDS, "seconds, like 42.5")
_HEARD = ("none", *(h for h in get_args(Heard) if h))


@spec_dataclass
class VerdictEntry:
    code: str = spec_field(_code, "The dimension's code, like FEEL.", required=True)
    status: Status = spec_field(Choice(STATUSES), "pass, fail or not-applicable.", required=True)


def _verdict(entry: VerdictEntry) -> tuple[str, Status]:
    return entry.code, entry.status


VERDICT = Record.of(
    VerdictEntry, "Verdict", "The coach's verdict on one dimension of a reply.", then=_verdict
)


@spec_dataclass
class FactEntry:
    fact: str = spec_field(Choice(tuple(f.name for f in FACTS)), "Which fact.", required=True)
    value: str = spec_field(
        Text(max_length=200, one_line=True), "As the user wrote it.", required=True
    )


def _fact(entry: FactEntry) -> tuple[str, str]:
    return entry.fact, entry.value


FACT = Record.of(FactEntry, "Fact", "A fact of the case the reply told.", then=_fact)


@spec_dataclass
class ExchangeEntry:
    turn_id: str = spec_field(_id, "The client's turn replied to.", required=True)
    client: str = spec_field(TEXT, "What the client had said.")
    reply: str = spec_field(TEXT, "The reply.")
    statuses: tuple[tuple[str, Status], ...] = spec_field(
        ListOf(VERDICT, max_items=64), "The coach's verdicts."
    )
    penalties: tuple[str, ...] = spec_field(
        ListOf(_code, max_items=64), "Dimensions whose penalty fired."
    )
    mood_before: int = spec_field(_mood, "The client's mood before the reply.", required=True)
    mood_after: int = spec_field(_mood, "The client's mood after it.", required=True)
    note: str = spec_field(TEXT, "Why the client reacted so.")
    commitments: tuple[str, ...] = spec_field(
        ListOf(TEXT, max_items=64), "Next steps offered in the reply."
    )
    seconds: str = spec_field(_seconds, "Time taken over the reply.")
    heard: str = spec_field(
        Choice(_HEARD),
        "What the client noticed besides the verdicts: a repeat, "
        "a refusal, words off the subject, a question unanswered ('none': nothing).",
    )
    learned: tuple[tuple[str, str], ...] = spec_field(
        ListOf(FACT, max_items=16), "Facts of the case the reply told."
    )
    gave: tuple[Ask, ...] = spec_field(
        ListOf(Choice(ASKS), max_items=len(ASKS), unique=True),
        "What the reply gave the client: reason, date, cost, options, apology, reassurance.",
    )
    offered: tuple[str, ...] = spec_field(
        ListOf(_id, max_items=20), "The playbook's options the reply offered."
    )
    passed: tuple[str, ...] = spec_field(
        ListOf(_id, max_items=10),
        "Turns the client moved through because the reply had answered them already.",
    )
    offending: str = spec_field(
        Text(max_length=200, one_line=True, allow_empty=True),
        "The sentence of the reply the client took offence at.",
    )
    unclear: str = spec_field(
        Text(max_length=200, one_line=True, allow_empty=True),
        "The words of the reply a client reading a second language asked about.",
        default="",
    )


def _exchange(entry: ExchangeEntry) -> Exchange:
    return Exchange(
        turn_id=entry.turn_id,
        client=entry.client,
        reply=entry.reply,
        statuses=entry.statuses,
        penalties=entry.penalties,
        mood_before=entry.mood_before,
        mood_after=entry.mood_after,
        note=entry.note,
        commitments=entry.commitments,
        seconds=float(entry.seconds or 0),
        heard=as_heard(entry.heard),
        learned=entry.learned,
        gave=entry.gave,
        offered=entry.offered,
        passed=entry.passed,
        offending=entry.offending,
        unclear=entry.unclear,
    )


EXCHANGE = Record.of(
    ExchangeEntry, "Exchange", "One reply to the client and what it did.", then=_exchange
)


@spec_dataclass
class RehearsalEntry:
    playbook_id: str = spec_field(
        PLAYBOOK_ID, "The playbook whose client was played.", required=True
    )
    started_at: str = spec_field(TIMESTAMP, "When it began.")
    updated_at: str = spec_field(TIMESTAMP, "When it last changed.")
    ending: str = spec_field(Choice((NO_ENDING, *ENDINGS)), "How it ended (none: not finished).")
    turn_id: str = spec_field(_id, "Where the client is in the script.", required=True)
    mood: int = spec_field(_mood, "The client's mood now.", required=True)
    seconds: str = spec_field(_seconds, "Time spent replying.")
    exchanges: tuple[Exchange, ...] = spec_field(
        ListOf(EXCHANGE, max_items=500), "Every reply, in order."
    )


def _rehearsal(entry: RehearsalEntry) -> SavedRehearsal:
    end: Ending | None = next((e for e in ENDINGS if e == entry.ending), None)
    return SavedRehearsal(
        0,
        0,
        entry.playbook_id,
        entry.started_at,
        entry.updated_at,
        State(entry.turn_id, entry.mood, entry.exchanges, end),
        float(entry.seconds or 0),
    )


REHEARSAL = Record.of(
    RehearsalEntry, "Rehearsal", "A role-play against the playbook's client.", then=_rehearsal
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
                "unclear": e.unclear,
            }
            for e in state.exchanges
        ],
    }


def _rounded(seconds: float) -> str:
    # Written as text: the milliseconds survive, and YAML and JSON read it back the same.
    return f"{max(0.0, seconds):.3f}".rstrip("0").rstrip(".")
