"""One whole session read from the database's tables into a :class:`Session`."""

from __future__ import annotations

import json
import sqlite3

from convocoach.diagnostics import UserError
from convocoach.sessions.model import (
    Answer,
    Case,
    Checkin,
    Client,
    Meeting,
    NextStep,
    Outcome,
    Session,
    StepMove,
)
from convocoach.sessions.schema_sql import CASE_FACTS

LIST_KINDS = ("phrases", "points")


def read_session(db: sqlite3.Connection, session_id: int) -> Session:
    """The session with this id, from inside the caller's transaction; :class:`UserError`
    if there is none."""
    db.row_factory = sqlite3.Row
    try:
        row = db.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise UserError(
                f"no session with id {session_id}", "run 'convocoach sessions list' to see ids"
            )
        answers = tuple(
            Answer(r["section"], r["position"], r["prompt"], r["answer"])
            for r in db.execute(
                "SELECT * FROM answers WHERE session_id = ? ORDER BY section, position",
                (session_id,),
            )
        )
        lists: dict[str, list[str]] = {kind: [] for kind in LIST_KINDS}
        for r in db.execute(
            "SELECT kind, text FROM list_items WHERE session_id = ? ORDER BY kind, position",
            (session_id,),
        ):
            lists[r["kind"]].append(r["text"])
        moves: dict[int, list[StepMove]] = {}
        for r in db.execute(
            "SELECT m.* FROM next_step_moves AS m JOIN next_steps AS s ON s.id = m.step_id "
            "WHERE s.session_id = ? ORDER BY m.id",
            (session_id,),
        ):
            moves.setdefault(r["step_id"], []).append(
                StepMove(r["moved_on"], r["old_due"], r["new_due"], r["reason"])
            )
        steps = tuple(
            NextStep(
                r["action"],
                r["owner_kind"],
                r["owner_name"],
                r["due"],
                r["status"],
                r["done_on"],
                r["created_on"],
                tuple(moves.get(r["id"], ())),
                r["id"],
            )
            for r in db.execute(
                "SELECT * FROM next_steps WHERE session_id = ? ORDER BY position, id",
                (session_id,),
            )
        )
        checkins = tuple(
            Checkin(r["due_on"], r["done_at"])
            for r in db.execute(
                "SELECT due_on, done_at FROM checkins WHERE session_id = ? ORDER BY due_on",
                (session_id,),
            )
        )
    finally:
        db.row_factory = None
    return Session(
        uuid=row["uuid"],
        playbook_id=row["playbook_id"],
        playbook_digest=row["playbook_digest"],
        title=row["title"],
        client=Client(
            row["client_name"],
            row["client_company"],
            row["client_role"],
            row["client_seniority"],
            row["client_tech_level"],
            row["client_language"],
            row["client_email"],
        ),
        meeting=Meeting(
            row["meeting_date"],
            row["meeting_time"],
            row["meeting_duration_min"],
            row["meeting_channel"],
            row["meeting_place"],
        ),
        stakes=row["stakes"],
        case=Case(**{name: row[f"case_{name}"] for name in CASE_FACTS}),
        answers=answers,
        phrases=tuple(lists["phrases"]),
        points=tuple(lists["points"]),
        next_steps=steps,
        cadence=row["cadence"],
        next_checkin=row["next_checkin"],
        checkin_until=row["checkin_until"],
        notes=row["notes"],
        step=row["step"],
        template=row["template"],
        email_draft=row["email_draft"],
        email_language=row["email_language"],
        email_register=row["email_register"],
        exported_at=row["exported_at"],
        sent_at=row["sent_at"],
        outcome=Outcome(
            row["outcome_result"],
            row["outcome_reaction"],
            row["outcome_worked"],
            row["outcome_change"],
            came_up_from_json(row["outcome_came_up"]),
            row["outcome_recorded_at"],
        ),
        checkins=checkins,
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        id=row["id"],
    )


def came_up_from_json(text: str) -> tuple[str, ...]:
    """The stored list of questions that came up (anything else reads as none)."""
    try:
        value = json.loads(text)
    except ValueError:
        return ()
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, str))
