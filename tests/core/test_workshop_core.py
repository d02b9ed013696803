"""Workshop plan, round timer and the workshop store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from convocoach.diagnostics import UserError
from convocoach.sessions.db_errors import StoreError
from convocoach.sessions.store import SessionStore
from convocoach.workshop.plan import MAX_NAME, ROLES, make_plan
from convocoach.workshop.record import RoundRecord
from convocoach.workshop.scores import RoomScore
from convocoach.workshop.store import MAX_TICKS, WorkshopLog
from convocoach.workshop.timer import RoundTimer, clock_face

# --- plan ---------------------------------------------------------------------------------


def test_triads_over_three_rounds_play_every_role_once() -> None:
    plan = make_plan("T", ["a"], 3, 10, "triads", ["Ana", "Ben", "Cy"])
    for number in (1, 2, 3):
        assert sorted(plan.roles(number).values()) == sorted(ROLES)
    for person in plan.people:
        assert sorted(plan.roles(n)[person] for n in (1, 2, 3)) == sorted(ROLES)
    assert plan.roles(1) == {"Ana": "professional", "Ben": "client", "Cy": "observer"}
    assert plan.roles(4) == plan.roles(1)
    assert plan.person_in(2, "professional") == "Ben"
    assert plan.ticker == "observer"


def test_pairs_swap_each_round() -> None:
    plan = make_plan("P", ["a", "b"], 4, 5, "pairs", ["Ana", "Ben"])
    assert plan.roles(1) == {"Ana": "professional", "Ben": "client"}
    assert plan.roles(2) == {"Ana": "client", "Ben": "professional"}
    assert plan.roles(3) == plan.roles(1)
    assert plan.person_in(1, "observer") == ""
    assert plan.ticker == "client"
    assert [plan.playbook_for(n) for n in (1, 2, 3, 4)] == ["a", "b", "a", "b"]


def test_plan_defaults_and_tidying() -> None:
    plan = make_plan("  ", [" a ", ""], 1, 1, "triads")
    assert (plan.title, plan.playbook_ids, plan.people) == (
        "Role-play workshop",
        ("a",),
        ("A", "B", "C"),
    )
    long = make_plan("A   long\n title", ["a"], 12, 60, "pairs", ["  Ana  Maria ", "x" * 99, ""])
    assert long.title == "A long title"
    assert long.people == ("Ana Maria", "x" * MAX_NAME)


@pytest.mark.parametrize(
    ("group", "playbooks", "rounds", "minutes", "people", "words"),
    [
        ("quads", ["a"], 2, 5, [], "unknown group"),
        ("pairs", ["", " "], 2, 5, [], "at least one playbook"),
        ("pairs", ["a"], 0, 5, [], "0 rounds"),
        ("pairs", ["a"], 13, 5, [], "13 rounds"),
        ("pairs", ["a"], 2, 0, [], "0 minutes"),
        ("pairs", ["a"], 2, 61, [], "61 minutes"),
        ("pairs", ["a"], 2, 5, ["Ana"], "pairs need at least 2 people, got 1"),
        ("triads", ["a"], 2, 5, ["Ana", "Ben"], "triads need at least 3 people, got 2"),
        ("pairs", ["a"], 2, 5, [f"P{n}" for n in range(31)], "at most 30 people, got 31"),
        ("pairs", ["a"], 2, 5, ["Ana", "ANA"], "same name"),
    ],
)
def test_make_plan_says_what_is_wrong(
    group: str, playbooks: list[str], rounds: int, minutes: int, people: list[str], words: str
) -> None:
    with pytest.raises(UserError) as caught:
        make_plan("T", playbooks, rounds, minutes, group, people)
    assert words in caught.value.message
    assert caught.value.fix


# --- timer --------------------------------------------------------------------------------


def test_pause_and_resume() -> None:
    timer = RoundTimer(600)
    assert not timer.running
    assert timer.remaining(50) == 600
    timer.start(0)
    assert timer.elapsed(10) == 10
    timer.pause(10)
    assert timer.remaining(100) == 590
    timer.toggle(100)
    assert (timer.running, timer.remaining(110)) == (True, 580)
    timer.toggle(110)
    assert (timer.running, timer.used) == (False, 20)


def test_warnings_come_once_each_and_time_up_stops_the_clock() -> None:
    timer = RoundTimer(300)
    timer.start(0)
    assert [timer.due(t) for t in (100, 179.9, 180, 181, 269, 270, 271)] == [
        None,
        None,
        "two-minutes",
        None,
        None,
        "thirty-seconds",
        None,
    ]
    assert timer.due(300) == "time-up"
    assert not timer.running
    assert timer.finished(300)
    assert timer.due(400) is None
    assert timer.elapsed(1000) == 300
    timer.start(1000)
    assert not timer.running


def test_a_one_minute_round_skips_the_two_minute_warning() -> None:
    timer = RoundTimer(60)
    timer.start(0)
    assert [timer.due(t) for t in (0, 1, 30, 59, 60)] == [
        None,
        None,
        "thirty-seconds",
        None,
        "time-up",
    ]
    two = RoundTimer(120)
    two.start(0)
    assert two.due(0) is None
    assert two.due(90) == "thirty-seconds"


def test_a_resumed_round_does_not_repeat_passed_warnings() -> None:
    timer = RoundTimer(300, used=200)
    timer.start(1000)
    assert timer.due(1000) is None
    assert timer.due(1070) == "thirty-seconds"
    assert timer.due(1100) == "time-up"
    done = RoundTimer(300, used=300)
    done.start(0)
    assert not done.running
    assert done.due(0) is None


def test_several_warnings_in_one_tick_give_the_latest_only() -> None:
    timer = RoundTimer(300)
    timer.start(0)
    assert timer.due(280) == "thirty-seconds"
    assert timer.due(281) is None


@pytest.mark.parametrize(
    ("seconds", "face"),
    [
        (0, "00:00"),
        (0.2, "00:01"),
        (59, "00:59"),
        (59.01, "01:00"),
        (61, "01:01"),
        (600, "10:00"),
        (3599.5, "60:00"),
    ],
)
def test_clock_face_rounds_up(seconds: float, face: str) -> None:
    assert clock_face(seconds) == face


# --- store --------------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SessionStore]:
    with SessionStore.open(tmp_path / "s.db", clock=Clock()) as opened:
        yield opened


def _rows(store: SessionStore, workshop_id: int) -> int:
    return sum(
        int(
            store.connection.execute(
                f"SELECT COUNT(*) FROM {table} WHERE workshop_id = ?", (workshop_id,)
            ).fetchone()[0]
        )
        for table in ("workshop_rounds", "workshop_ticks", "workshop_notes", "workshop_debriefs")
    )


def test_create_and_get(store: SessionStore) -> None:
    log = WorkshopLog(store)
    plan = make_plan("Drill", ["late-payment", "scope-creep"], 3, 8, "triads", ["Ana", "Ben", "Cy"])
    wid = log.create(plan)
    workshop = log.get(wid)
    assert workshop.plan == plan
    assert workshop.id == wid
    assert workshop.current_round == 1
    assert workshop.rounds == tuple(RoundRecord(n) for n in (1, 2, 3))
    assert workshop.created_at == "2025-03-01T09:00:01+00:00"
    assert not workshop.finished
    with pytest.raises(StoreError):
        log.get(wid + 1)


def test_ticks_go_up_and_down_but_never_below_zero(store: SessionStore) -> None:
    log = WorkshopLog(store)
    wid = log.create(make_plan("T", ["a"], 2, 5, "pairs"))
    assert [log.tick(wid, 1, "FEEL") for _ in range(3)] == [1, 2, 3]
    assert log.tick(wid, 1, "FEEL", -1) == 2
    assert log.tick(wid, 1, "NOBLAME", -1) == 0
    assert log.tick(wid, 2, "OPENQ", 5000) == MAX_TICKS
    record = log.get(wid).round(1)
    assert record.ticks == {"FEEL": 2}
    assert record.total == 2
    log.tick(wid, 1, "FEEL", -5)
    assert log.get(wid).round(1).ticks == {}


def test_text_clock_and_round(store: SessionStore) -> None:
    log = WorkshopLog(store)
    wid = log.create(make_plan("T", ["a"], 2, 5, "pairs"))
    log.add_note(wid, 2, "", "line one\n\tline two")
    log.set_text(wid, 2, "worked", "a\x00b\x1b[31mc\u202ed\r")
    log.set_text(wid, 2, "try_next", "pause")
    log.set_clock(wid, 2, 123.5, finished=True)
    log.set_round(wid, 2)
    workshop = log.get(wid)
    record = workshop.round(2)
    assert (record.notes, record.worked, record.try_next) == (
        "line one\n\tline two",
        "ab[31mcd",
        "pause",
    )
    assert (record.seconds, record.finished) == (123.5, True)
    assert workshop.current_round == 2
    assert workshop.round(1) == RoundRecord(1)
    with pytest.raises(ValueError, match="not a debrief answer"):
        log.set_text(wid, 1, "notes", "x")
    log.set_round(wid, 9)
    assert log.get(wid).current_round == 2  # clamped to the plan
    with pytest.raises(StoreError):
        log.set_round(wid + 1, 1)


def test_names_and_title_are_cleaned(store: SessionStore) -> None:
    log = WorkshopLog(store)
    wid = log.create(make_plan("Drill\x07 one", ["a"], 1, 5, "pairs", ["An\x1ba", "B\u202eob"]))
    plan = log.get(wid).plan
    assert (plan.title, plan.people) == ("Drill one", ("Ana", "Bob"))


def test_recent_and_delete(store: SessionStore) -> None:
    log = WorkshopLog(store)
    first = log.create(make_plan("One", ["a"], 2, 5, "pairs"))
    second = log.create(make_plan("Two", ["a"], 2, 5, "pairs"))
    assert [w.id for w in log.readable()[0]] == [second, first]
    log.tick(first, 1, "FEEL")
    log.set_clock(first, 2, 10)
    assert [w.id for w in log.readable()[0]] == [first, second]
    assert _rows(store, first) == 2
    log.delete(first)
    assert [w.id for w in log.readable()[0]] == [second]
    assert _rows(store, first) == 0
    with pytest.raises(StoreError):
        log.get(first)


# --- bad input never reaches the store --------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "args"),
    [
        ("tick", (1, "FEEL")),
        ("set_text", (1, "worked", "x")),
        ("add_note", (1, "Ana", "x")),
        ("start_clock", (5.0,)),
        ("publish_score", (RoomScore(1, "Ana", "a", 50),)),
        ("set_clock", (1, 5.0)),
    ],
)
def test_changing_a_missing_workshop_is_a_store_error(
    store: SessionStore, change: str, args: tuple[object, ...]
) -> None:
    change_it = getattr(WorkshopLog(store), change)
    with pytest.raises(StoreError):
        change_it(99, *args)


@pytest.mark.parametrize("people", [["Ana\x1b", "Ana"], ["\x1b", "Bob"]])
def test_a_workshop_that_was_created_can_be_read_back(
    store: SessionStore, people: list[str]
) -> None:
    log = WorkshopLog(store)
    try:
        wid = log.create(make_plan("T", ["a"], 1, 5, "pairs", people))
    except UserError:
        return  # refused up front: the names are checked as they would be stored
    assert log.get(wid).id == wid
    assert [w.id for w in log.readable()[0]] == [wid]
