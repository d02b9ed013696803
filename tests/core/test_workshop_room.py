"""A room: the roster in groups, roles turning within each group, one clock for all of them,
and several programs writing to one workshop at once without losing a tick or a note."""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from convocoach.diagnostics import UserError
from convocoach.sessions.schema_sql import MIGRATIONS
from convocoach.sessions.store import SessionStore
from convocoach.workshop.groups import ROLES, Group, assigned, split
from convocoach.workshop.plan import make_plan
from convocoach.workshop.room_clock import RoomClock, room_face
from convocoach.workshop.scores import RoomScore
from convocoach.workshop.store import WorkshopLog

PEOPLE = [f"P{n:02d}" for n in range(1, 31)]


def shape(groups: tuple[Group, ...]) -> list[tuple[int, int]]:
    return [(len(g.members), g.players) for g in groups]


@pytest.mark.parametrize(
    ("count", "kind", "leftover", "expected"),
    [
        (12, "triads", "mixed", [(3, 3)] * 4),
        (12, "pairs", "mixed", [(2, 2)] * 6),
        (7, "triads", "mixed", [(3, 3), (2, 2), (2, 2)]),
        (7, "triads", "observer", [(3, 3), (4, 3)]),
        (8, "triads", "mixed", [(3, 3), (3, 3), (2, 2)]),
        (7, "pairs", "mixed", [(2, 2), (2, 2), (3, 3)]),
        (7, "pairs", "observer", [(2, 2), (2, 2), (3, 2)]),
        (4, "triads", "mixed", [(2, 2), (2, 2)]),
        (30, "triads", "mixed", [(3, 3)] * 10),
        (30, "pairs", "mixed", [(2, 2)] * 15),
        (2, "pairs", "mixed", [(2, 2)]),
    ],
)
def test_the_room_is_split_with_nobody_left_out(
    count: int, kind: str, leftover: str, expected: list[tuple[int, int]]
) -> None:
    plan = make_plan("Room", ["a"], 3, 10, kind, PEOPLE[:count], leftover)
    assert shape(plan.groups) == expected
    assert [p for g in plan.groups for p in g.members] == PEOPLE[:count]
    assert [g.number for g in plan.groups] == list(range(1, len(expected) + 1))


def test_six_people_in_triads_make_two_groups() -> None:
    """The testers' room: refused before, two triads now."""
    plan = make_plan("T", ["a"], 3, 10, "triads", ["Ana", "Ben", "Cy", "Dee", "Eli", "Fay"])
    assert [g.members for g in plan.groups] == [("Ana", "Ben", "Cy"), ("Dee", "Eli", "Fay")]


def test_each_player_plays_each_role_once_and_an_extra_observer_only_observes() -> None:
    group = split(PEOPLE[:4], "triads", "observer")[0]
    seen: dict[str, Counter[str]] = {p: Counter() for p in group.members}
    for round_no in (1, 2, 3):
        roles = group.roles(round_no)
        assert sorted(roles.values()) == sorted([*ROLES, "observer"])
        for person, role in roles.items():
            seen[person][role] += 1
    for player in group.members[:3]:
        assert seen[player] == Counter(ROLES)
    assert seen[group.members[3]] == Counter({"observer": 3})
    assert group.ticker == "observer"


def test_a_pair_swaps_roles_and_its_client_ticks() -> None:
    pair = split(["Ana", "Ben"], "pairs")[0]
    assert pair.roles(1) == {"Ana": "professional", "Ben": "client"}
    assert pair.roles(2) == {"Ana": "client", "Ben": "professional"}
    assert pair.ticker == "client"


def test_roles_of_the_whole_room_by_name() -> None:
    plan = make_plan("T", ["a"], 2, 10, "pairs", ["Ana", "Ben", "Cy", "Dee"])
    assert plan.roles(1) == {
        "Ana": "professional",
        "Ben": "client",
        "Cy": "professional",
        "Dee": "client",
    }
    assert plan.group_of("Dee") == plan.groups[1]
    assert plan.group_of("Zed") is None


def test_the_trainer_can_say_who_is_with_whom() -> None:
    people = ["Ana", "Ben", "Cy", "Dee", "Eli"]
    plan = make_plan(
        "T", ["a"], 2, 10, "triads", people, chosen=[["eli", "Ana"], ["Ben", "Cy", "Dee"]]
    )
    assert [g.members for g in plan.groups] == [("Eli", "Ana"), ("Ben", "Cy", "Dee")]
    # Without a list of people, the groups are the list.
    only = make_plan(
        "T", ["a"], 2, 10, "pairs", chosen=[["Ana", "Ben"], ["Cy", "Dee", "Eli", "Fay"]]
    )
    assert only.people == ("Ana", "Ben", "Cy", "Dee", "Eli", "Fay")
    assert shape(only.groups) == [(2, 2), (4, 3)]


@pytest.mark.parametrize(
    ("chosen", "message"),
    [
        ([["Ana", "Ben"], ["Cy", "Zed"]], "'Zed' is in group 2 but not on the list"),
        ([["Ana", "Ben"], ["Ben", "Cy"]], "'Ben' is in two groups"),
        ([["Ana", "Ben"]], "'Cy' is in no group"),
        ([["Ana"], ["Ben", "Cy"]], "group 1 has 1 people"),
    ],
)
def test_own_groups_that_do_not_fit_are_refused(chosen: list[list[str]], message: str) -> None:
    with pytest.raises(UserError, match=message):
        assigned(chosen, ["Ana", "Ben", "Cy"])


# --- the room's clock ---------------------------------------------------------------------------


def test_the_room_clock_pauses_extends_and_counts_overtime() -> None:
    clock = RoomClock(600.0)
    assert room_face(clock, 0) == "10:00"
    clock = clock.started(100.0)
    assert room_face(clock, 160.0) == "09:00"
    clock = clock.paused(160.0)
    assert room_face(clock, 5000.0) == "09:00"
    clock = clock.extended(60).started(200.0)
    assert room_face(clock, 200.0) == "10:00"
    assert clock.stage(200.0 + 600.0 - 30.0) == "thirty-seconds"
    assert room_face(clock, 200.0 + 600.0 + 65.0) == "+01:05"
    assert clock.overtime(200.0 + 600.0 + 65.0) == 65.0
    assert clock.stage(200.0 + 600.0 + 65.0) == "time-up"


def test_a_pause_anywhere_is_seen_by_every_copy(tmp_path: Path) -> None:
    path = tmp_path / "room.db"
    with SessionStore.open(path) as trainer, SessionStore.open(path) as group_two:
        wid = WorkshopLog(trainer).create(make_plan("R", ["a"], 2, 10, "triads", PEOPLE[:7]))
        WorkshopLog(trainer).start_clock(wid, 1000.0)
        WorkshopLog(group_two).start_clock(wid, 1030.0)  # already running: no change
        seen = WorkshopLog(group_two).get(wid).clock
        assert (seen.running, room_face(seen, 1090.0)) == (True, "08:30")
        before = group_two.data_version()
        WorkshopLog(trainer).pause_clock(wid, 1120.0)
        WorkshopLog(trainer).extend_clock(wid, 120)
        assert group_two.data_version() != before
        seen = WorkshopLog(group_two).get(wid).clock
        assert (seen.running, room_face(seen, 9999.0)) == (False, "10:00")
        WorkshopLog(group_two).set_round(wid, 2)
        fresh = WorkshopLog(trainer).get(wid)
        assert (fresh.current_round, fresh.clock) == (2, RoomClock(600.0))


# --- several writers ----------------------------------------------------------------------------


def test_ticks_notes_and_answers_are_kept_per_group(tmp_path: Path) -> None:
    with SessionStore.open(tmp_path / "r.db") as store:
        log = WorkshopLog(store)
        wid = log.create(make_plan("R", ["a"], 2, 10, "triads", PEOPLE[:6]))
        log.tick(wid, 1, "FEEL", group=1)
        log.tick(wid, 1, "FEEL", group=2)
        log.tick(wid, 1, "NOBLAME", group=2)
        log.add_note(wid, 1, "P03", "\u201cI hear you\u201d", group=1)
        log.add_note(wid, 1, "P06", "blamed finance", group=2)
        log.set_text(wid, 1, "worked", "named the worry", group=2)
        record = log.get(wid).round(1)
        assert record.group(1).ticks == {"FEEL": 1}
        assert record.group(2).ticks == {"FEEL": 1, "NOBLAME": 1}
        assert record.ticks == {"FEEL": 2, "NOBLAME": 1}
        assert [(n.author, n.text) for n in record.group(2).notes] == [("P06", "blamed finance")]
        assert record.notes == "P03: \u201cI hear you\u201d\nP06: blamed finance"
        assert (record.group(2).worked, record.group(1).worked) == ("named the worry", "")
        with pytest.raises(UserError, match="a note needs some text"):
            log.add_note(wid, 1, "P03", "  \n ")


def test_scores_are_published_and_replaced(tmp_path: Path) -> None:
    with SessionStore.open(tmp_path / "r.db") as store:
        log = WorkshopLog(store)
        wid = log.create(make_plan("R", ["a"], 2, 10, "pairs", PEOPLE[:4]))
        log.publish_score(wid, RoomScore(1, "P01", "a", 40, 2))
        log.publish_score(wid, RoomScore(1, "P01", "a", 72, 5, "agreement"))
        log.publish_score(wid, RoomScore(1, "P03", "a", 55, 3))
        assert [(s.person, s.score, s.replies, s.ending) for s in log.scores(wid)] == [
            ("P01", 72, 5, "agreement"),
            ("P03", 55, 3, ""),
        ]


WRITES = 250
"""Of each kind, by each writer: 1,000 writes in all."""


def _write_half(path: str, wid: int, author: str) -> None:
    with SessionStore.open(Path(path), busy_seconds=30) as store:
        log = WorkshopLog(store)
        for n in range(WRITES):
            log.tick(wid, 1, "FEEL", group=1)
            log.add_note(wid, 1, author, f"{author} {n}", group=1)


@pytest.mark.slow
def test_two_writers_lose_no_tick_and_no_note(tmp_path: Path) -> None:
    """Ticks of one behaviour and notes from two programs, 1,000 writes interleaved: every
    one is kept."""
    path = tmp_path / "room.db"
    with SessionStore.open(path) as store:
        wid = WorkshopLog(store).create(make_plan("R", ["a"], 1, 10, "pairs", ["Ana", "Ben"]))
    spawn = multiprocessing.get_context("spawn")
    writers = [spawn.Process(target=_write_half, args=(str(path), wid, a)) for a in "AB"]
    for w in writers:
        w.start()
    for w in writers:
        w.join(timeout=120)
        assert w.exitcode == 0
    with SessionStore.open(path) as store:
        group = WorkshopLog(store).get(wid).round(1).group(1)
    assert group.ticks == {"FEEL": 2 * WRITES}
    texts = Counter(n.author for n in group.notes)
    assert texts == {"A": WRITES, "B": WRITES}
    assert len({n.text for n in group.notes}) == 2 * WRITES


# --- workshops from before rooms ----------------------------------------------------------------


def test_a_workshop_from_before_rooms_keeps_its_ticks_and_notes(tmp_path: Path) -> None:
    path = tmp_path / "sessions.db"
    db = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:8]:
        db.executescript(script)
    db.execute(
        "INSERT INTO workshops (title, playbooks, rounds, round_minutes, group_kind, people, "
        "created_at, updated_at) VALUES ('Old', '[\"a\"]', 2, 8, 'triads', "
        "'[\"Ana\", \"Ben\", \"Cy\"]', 'x', '2025-01-01T10:00:00+00:00')"
    )
    db.execute(
        "INSERT INTO workshop_rounds (workshop_id, round, ticks, notes, worked, try_next, "
        'seconds, finished) VALUES (1, 1, \'{"FEEL": 3, "bad": "x"}\', \'quoted\', '
        "'paused', 'ask', 480, 1), (1, 2, 'not json', '', '', '', 0, 0)"
    )
    db.execute("PRAGMA user_version = 8")
    db.close()
    with SessionStore.open(path) as store:
        workshop = WorkshopLog(store).get(1)
    assert [g.members for g in workshop.plan.groups] == [("Ana", "Ben", "Cy")]
    first = workshop.round(1)
    assert (first.ticks, first.notes, first.worked, first.try_next) == (
        {"FEEL": 3},
        "quoted",
        "paused",
        "ask",
    )
    assert (first.seconds, first.finished) == (480.0, True)
    assert workshop.round(2).ticks == {}
    assert workshop.clock == RoomClock(480.0)
