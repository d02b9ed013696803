"""Rehearsals kept in the sessions database: saved after every reply, resumed, listed."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any, get_args

from convocoach.coach.model import Status
from convocoach.rehearsal.asks import ASKS
from convocoach.rehearsal.engine import Exchange, State
from convocoach.rehearsal.hearing import as_heard
from convocoach.rehearsal.script import ENDINGS, Ending
from convocoach.sessions.db_errors import StoreError
from convocoach.sessions.store import SessionStore
from convocoach.textsafety import clean_text

_STATUSES = frozenset(get_args(Status))


@dataclass(frozen=True, slots=True)
class SavedRehearsal:
    id: int
    session_id: int
    playbook_id: str
    started_at: str
    updated_at: str
    state: State
    seconds: float
    """Time spent replying so far (pauses excluded)."""
    draft: str = ""
    """The reply being typed and not yet sent."""

    @property
    def finished(self) -> bool:
        return self.state.ending is not None


class RehearsalLog:
    """The rehearsals table of a :class:`SessionStore`; each call is one transaction."""

    def __init__(self, store: SessionStore) -> None:
        self._store = store
        self._db = store.connection

    def start(self, session_id: int, playbook_id: str, state: State) -> int:
        now = self._store.now()
        with self._store.transaction():
            cur = self._db.execute(
                "INSERT INTO rehearsals (session_id, playbook_id, started_at, updated_at, "
                "turn_id, mood) VALUES (?, ?, ?, ?, ?, ?)",
                (session_id, playbook_id, now, now, state.turn_id, state.mood),
            )
        return int(cur.lastrowid or 0)

    def save(self, rehearsal_id: int, state: State, seconds: float, draft: str = "") -> None:
        with self._store.transaction():
            self._db.execute(
                "UPDATE rehearsals SET updated_at = ?, ending = ?, turn_id = ?, mood = ?, "
                "seconds = ?, exchanges = ?, draft = ? WHERE id = ?",
                (
                    self._store.now(),
                    state.ending or "",
                    state.turn_id,
                    state.mood,
                    seconds,
                    _exchanges_json(state),
                    clean_text(draft),
                    rehearsal_id,
                ),
            )

    def save_draft(self, rehearsal_id: int, draft: str) -> None:
        """Keep the unsent reply (the rehearsal itself has not moved)."""
        with self._store.transaction():
            self._db.execute(
                "UPDATE rehearsals SET draft = ? WHERE id = ?", (clean_text(draft), rehearsal_id)
            )

    def get(self, rehearsal_id: int) -> SavedRehearsal:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM rehearsals WHERE id = ?", (rehearsal_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no rehearsal with id {rehearsal_id}", "")
        return _saved(row)

    def unfinished(self, session_id: int) -> SavedRehearsal | None:
        """The session's latest rehearsal if it has not ended (to resume it)."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM rehearsals WHERE session_id = ? ORDER BY id DESC LIMIT 1",
            (session_id,),
        ).fetchone()
        saved = _saved(row) if row is not None else None
        return saved if saved is not None and not saved.finished else None

    def history(self, session_id: int | None = None) -> list[SavedRehearsal]:
        """Rehearsals with at least one reply, oldest first (of one session, or all)."""
        where = "WHERE exchanges != '[]'" + (" AND session_id = ?" if session_id else "")
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM rehearsals {where} ORDER BY id",
            (session_id,) if session_id else (),
        ).fetchall()
        return [_saved(row) for row in rows]

    def insert_rows(self, session_id: int, rehearsals: tuple[SavedRehearsal, ...]) -> None:
        """Add imported rehearsals to a session, inside the caller's transaction."""
        self._db.executemany(
            "INSERT INTO rehearsals (session_id, playbook_id, started_at, updated_at, ending, "
            "turn_id, mood, seconds, exchanges) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    session_id,
                    r.playbook_id,
                    r.started_at or self._store.now(),
                    r.updated_at or self._store.now(),
                    r.state.ending or "",
                    r.state.turn_id,
                    r.state.mood,
                    r.seconds,
                    clean_text(_exchanges_json(r.state)),
                )
                for r in rehearsals
            ],
        )

    def delete(self, rehearsal_id: int) -> None:
        with self._store.transaction():
            self._db.execute("DELETE FROM rehearsals WHERE id = ?", (rehearsal_id,))


_COLUMNS = (
    "id, session_id, playbook_id, started_at, updated_at, ending, turn_id, mood, "
    "seconds, exchanges, draft"
)


def _exchanges_json(state: State) -> str:
    return json.dumps([_exchange_json(e) for e in state.exchanges], ensure_ascii=False)


def _exchange_json(exchange: Exchange) -> dict[str, Any]:
    data = asdict(exchange)
    data["statuses"] = dict(exchange.statuses)
    data["learned"] = dict(exchange.learned)
    return data


def _saved(row: tuple[Any, ...]) -> SavedRehearsal:
    rid, session_id, playbook_id, started, updated, ending, turn_id, mood, seconds, raw, draft = row
    try:
        exchanges = tuple(_exchange(item) for item in json.loads(raw))
    except (ValueError, TypeError, KeyError) as exc:
        raise StoreError(
            f"rehearsal {rid} in the sessions database is damaged ({exc})",
            "delete it from the session's rehearsal step",
        ) from None
    end: Ending | None = ending if ending in ENDINGS else None
    return SavedRehearsal(
        rid,
        session_id,
        playbook_id,
        started,
        updated,
        State(turn_id, int(mood), exchanges, end),
        float(seconds),
        str(draft),
    )


def _exchange(item: dict[str, Any]) -> Exchange:
    statuses = tuple(
        (str(code), status)
        for code, status in dict(item["statuses"]).items()
        if status in _STATUSES
    )
    return Exchange(
        turn_id=str(item["turn_id"]),
        client=str(item["client"]),
        reply=str(item["reply"]),
        statuses=statuses,
        penalties=tuple(str(c) for c in item["penalties"]),
        mood_before=int(item["mood_before"]),
        mood_after=int(item["mood_after"]),
        note=str(item.get("note", "")),
        commitments=tuple(str(c) for c in item.get("commitments", ())),
        seconds=float(item.get("seconds", 0.0)),
        heard=as_heard(item.get("heard", "")),
        learned=tuple((str(k), str(v)) for k, v in dict(item.get("learned", {})).items()),
        gave=tuple(a for a in ASKS if a in item.get("gave", ())),
        offered=tuple(str(o) for o in item.get("offered", ())),
        passed=tuple(str(t) for t in item.get("passed", ())),
        offending=str(item.get("offending", "")),
        unclear=str(item.get("unclear", "")),
    )
