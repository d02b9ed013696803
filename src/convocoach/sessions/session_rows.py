"""The list of sessions, one line each, read without the session model.

The home screen draws this list first; reading it with the standard library alone lets the
app paint before the session model and its schema have loaded (see ``AppContext.store``).
"""

from __future__ import annotations

import sqlite3

TYPE_CHECKING = False  # the app's first paint needs no typing here (see named_tuple)
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from convocoach.named_tuple import NamedTuple


class SessionRow(NamedTuple):
    """One line of ``sessions list``."""

    id: int
    uuid: str
    title: str
    playbook_id: str
    client: str
    company: str
    meeting_date: str
    updated_at: str


def list_sessions(db: sqlite3.Connection, limit: int = -1) -> list[SessionRow]:
    """Every session (or the ``limit`` first), most recently changed first."""
    rows = db.execute(
        "SELECT id, uuid, title, playbook_id, client_name, client_company, meeting_date, "
        "updated_at FROM sessions ORDER BY updated_at DESC, id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [SessionRow(*row) for row in rows]
