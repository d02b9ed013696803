"""A participant's seat: their own group's round and nothing else of the room's database,
refused by SQLite itself, not only left out of the screens."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from convocoach.diagnostics import UserError
from convocoach.sessions.store import SessionStore
from convocoach.workshop.plan import make_plan
from convocoach.workshop.seat import Seat
from convocoach.workshop.store import WorkshopLog

ROOM = ["Ana", "Ben", "Cy", "Dee", "Eli", "Fay"]


@pytest.fixture
def room(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "sessions.db"
    with SessionStore.open(path) as store:
        store.create("project-delays", title="The trainer's own client")
        wid = WorkshopLog(store).create(make_plan("Room", ["a"], 3, 10, "triads", ROOM))
    return path, wid


def test_each_participant_sees_their_own_group_only(room: tuple[Path, int]) -> None:
    path, wid = room
    cy, fay = Seat.open(path, wid, "cy"), Seat.open(path, wid, "Fay")
    try:
        # Round 1: the third of each triad observes and keeps the checklist.
        assert (cy.person, cy.role(1), fay.role(1)) == ("Cy", "observer", "observer")
        cy.tick(1, "FEEL")
        cy.add_note(1, "Cy's quote")
        fay.add_note(1, "Fay's quote")
        fay.tick(1, "NOBLAME")
        mine = cy.workshop()
        assert mine.plan.people == ("Ana", "Ben", "Cy")
        assert [g.number for g in mine.plan.groups] == [1]
        assert mine.round(1).ticks == {"FEEL": 1}
        assert [n.text for n in mine.round(1).group(1).notes] == ["Cy's quote"]
        assert "Fay" not in repr(mine)
        assert fay.workshop().round(1).notes == "Fay: Fay's quote"
    finally:
        cy.close()
        fay.close()


def test_only_who_keeps_the_checklist_ticks(room: tuple[Path, int]) -> None:
    path, wid = room
    ana = Seat.open(path, wid, "Ana")
    try:
        with pytest.raises(UserError, match="in round 1 Ana is the professional"):
            ana.tick(1, "FEEL")
        assert ana.role(2) == "observer"
        assert ana.tick(2, "FEEL") == 1
    finally:
        ana.close()


def test_a_name_not_on_the_list_has_no_seat(room: tuple[Path, int]) -> None:
    path, wid = room
    with pytest.raises(UserError, match="'Zed' is not on the list of workshop"):
        Seat.open(path, wid, "Zed")


@pytest.mark.parametrize(
    "crafted",
    [
        "SELECT title FROM sessions",
        "SELECT * FROM rehearsals",
        "UPDATE sessions SET title = 'mine'",
        "UPDATE workshops SET current_round = 3",
        "UPDATE workshops SET clock_since = 1",
        "DELETE FROM workshops",
        "INSERT INTO workshop_rounds (workshop_id, round) VALUES (1, 2)",
        "PRAGMA writable_schema = 1",
        "ATTACH DATABASE ':memory:' AS other",
    ],
)
def test_the_database_refuses_what_a_seat_must_not_do(room: tuple[Path, int], crafted: str) -> None:
    path, wid = room
    seat = Seat.open(path, wid, "Ben")
    try:
        with pytest.raises(sqlite3.DatabaseError, match=r"not authorized|prohibited"):
            seat._store.connection.execute(crafted)
    finally:
        seat.close()
    with SessionStore.open(path) as store:
        assert [row.title for row in store.list_sessions()] == ["The trainer's own client"]
        assert WorkshopLog(store).get(wid).current_round == 1


def test_a_score_is_published_under_the_participant_s_own_name(room: tuple[Path, int]) -> None:
    path, wid = room
    dee = Seat.open(path, wid, "Dee")
    try:
        dee.publish_score(1, "project-delays", 64, 5, "agreement")
    finally:
        dee.close()
    with SessionStore.open(path) as store:
        [score] = WorkshopLog(store).scores(wid)
    assert (score.person, score.score, score.ending) == ("Dee", 64, "agreement")
