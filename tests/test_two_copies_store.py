"""Two copies of convocoach on one database: a write from a stale screen never wins unseen."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from convocoach.sessions.merge import WriteConflict, merge_lists
from convocoach.sessions.model import NextStep
from convocoach.sessions.store import SessionStore


@pytest.fixture()
def two(tmp_path: Path) -> tuple[SessionStore, SessionStore, int]:
    path = tmp_path / "sessions.db"
    a = SessionStore.open(path)
    sid = a.create("project-delays")
    b = SessionStore.open(path)
    yield a, b, sid  # type: ignore[misc]
    a.close()
    b.close()


def test_a_field_written_from_a_stale_screen_is_refused(
        two: tuple[SessionStore, SessionStore, int]) -> None:
    """The tester's case: B still shows "Northwind Retail" when A has saved more."""
    a, b, sid = two
    a.set_field(sid, "client.company", "Northwind Retail")
    seen_by_b = b.get(sid).client.company
    a.set_field(sid, "client.company", "Northwind Retail12345", expected=seen_by_b)
    with pytest.raises(WriteConflict) as caught:
        b.set_field(sid, "client.company", "Northwind RetailZ", expected=seen_by_b)
    assert caught.value.stored == "Northwind Retail12345"
    assert a.get(sid).client.company == "Northwind Retail12345"
    # Keeping their own text is a new write against what is stored now.
    b.set_field(sid, "client.company", "Northwind RetailZ", expected=caught.value.stored)
    assert a.get(sid).client.company == "Northwind RetailZ"


def test_an_answer_written_from_a_stale_screen_is_refused(
        two: tuple[SessionStore, SessionStore, int]) -> None:
    a, b, sid = two
    a.set_answer(sid, "facts", 0, "What happened?", "the API", expected="")
    with pytest.raises(WriteConflict) as caught:
        b.set_answer(sid, "facts", 0, "What happened?", "Z", expected="")
    assert caught.value.stored == "the API"
    assert b.get(sid).answers[0].answer == "the API"


def test_points_added_in_both_copies_are_both_kept(
        two: tuple[SessionStore, SessionStore, int]) -> None:
    """The tester's second case: a point added in B replaced A's."""
    a, b, sid = two
    a.set_list(sid, "points", ["Launch moves to 8 January"])
    base = b.get(sid).points
    a.set_list(sid, "points", [*base, "Weekly status call"], base=base)
    stored = b.set_list(sid, "points", [*base, "Free extra training day"], base=base)
    assert stored == ("Launch moves to 8 January", "Free extra training day",
                      "Weekly status call")
    assert a.get(sid).points == stored


def test_list_merge_per_item() -> None:
    assert merge_lists(["a", "b"], ["a"], ["a", "b", "c"]) == ("a", "c")
    assert merge_lists(["a", "b", "c"], ["a", "b", "c", "y"], ["a", "B", "c"]) == (
        "a", "B", "c", "y")
    assert merge_lists(["a"], ["a2"], ["a3"]) == ("a2", "a3")  # both edits kept
    assert merge_lists(["a"], ["a", "x"], ["a", "x"]) == ("a", "x")  # same addition once


def test_next_step_edits_from_two_copies(two: tuple[SessionStore, SessionStore, int]) -> None:
    a, b, sid = two
    step_id = a.add_next_step(sid, NextStep("Send the plan", due="2026-12-01"))
    seen = b.get(sid).next_steps[0]
    a.update_next_step(step_id, expected=seen, action="Send the revised plan",
                       due=seen.due, owner_kind=seen.owner_kind, owner_name="", status="open")
    # Another field changed from the stale form: both changes kept.
    b.update_next_step(step_id, expected=seen, action=seen.action, due="2026-12-05",
                       owner_kind=seen.owner_kind, owner_name="", status="open")
    step = a.get(sid).next_steps[0]
    assert (step.action, step.due) == ("Send the revised plan", "2026-12-05")
    # The same field changed to something else: refused, theirs kept.
    with pytest.raises(WriteConflict):
        b.update_next_step(step_id, expected=seen, action="Call them", due=seen.due,
                           owner_kind="us", owner_name="", status="open")
    assert a.get(sid).next_steps[0].action == "Send the revised plan"
    # Removing a step changed elsewhere since is refused; one already removed is no error.
    with pytest.raises(WriteConflict):
        b.delete_next_step(step_id, expected=seen)
    current = b.get(sid).next_steps[0]
    a.delete_next_step(step_id, expected=current)
    b.delete_next_step(step_id, expected=current)
    with pytest.raises(WriteConflict):
        b.update_next_step(step_id, expected=current, action="Gone", due="",
                           owner_kind="us", owner_name="", status="open")


def test_data_version_sees_the_other_copy(two: tuple[SessionStore, SessionStore, int]) -> None:
    a, b, sid = two
    before = b.data_version()
    b.set_field(sid, "notes", "own write")
    assert b.data_version() == before  # its own writes do not count
    a.set_field(sid, "notes", "theirs")
    assert b.data_version() != before


FIELDS = ("title", "client.company", "stakes", "notes")


def test_no_silent_overwrite_in_1000_interleaved_edits(
        two: tuple[SessionStore, SessionStore, int]) -> None:
    """Issue 13's goal: every edit lands or is reported; a landed value is replaced only by
    a copy that had seen it, and a list item goes only when a copy that saw it removed it."""
    copies = two[:2]
    sid = two[2]
    rng = random.Random(1313)
    seen = [copies[0].get(sid), copies[0].get(sid)]
    truth = {name: "" for name in FIELDS}  # the last value that landed
    truth["title"] = seen[0].title
    points_added: set[str] = set()
    points_removed_knowingly: set[str] = set()
    landed = reported = 0
    n = 0
    while landed + reported < 1000:
        n += 1
        who = rng.randrange(2)
        store = copies[who]
        if rng.random() < 0.15:  # the other copy's screen refreshes
            seen[who] = store.get(sid)
            continue
        if rng.random() < 0.6:
            name = rng.choice(FIELDS)
            base = _dotted(seen[who], name)
            value = f"{name} {n} by {who}"
            try:
                store.set_field(sid, name, value, expected=base)
            except WriteConflict as conflict:
                reported += 1
                assert conflict.stored == truth[name] != base
                assert _dotted(store.get(sid), name) == truth[name]
            else:
                landed += 1
                assert base == truth[name], "a value the writer never saw was replaced"
                truth[name] = value
            seen[who] = store.get(sid) if rng.random() < 0.5 else seen[who]
            continue
        base_points = seen[who].points
        mine = list(base_points)
        if mine and rng.random() < 0.4:
            points_removed_knowingly.add(mine.pop(rng.randrange(len(mine))))
        else:
            mine.insert(rng.randrange(len(mine) + 1), f"point {n} by {who}")
            points_added.add(f"point {n} by {who}")
        stored = store.set_list(sid, "points", mine, base=base_points)
        landed += 1
        assert stored == store.get(sid).points
        seen[who] = replace(seen[who], points=stored)  # the screen shows the merged list
    final = copies[0].get(sid)
    for name in FIELDS:
        assert _dotted(final, name) == truth[name]
    lost = points_added - set(final.points) - points_removed_knowingly
    assert not lost, f"points silently lost: {sorted(lost)}"
    assert reported > 50


def _dotted(session: object, name: str) -> object:
    for part in name.split("."):
        session = getattr(session, part)
    return session
