"""Two copies of convocoach on one database: a write from a stale screen never wins unseen."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from convocoach.sessions.merge import WriteConflict, merge_lists
from convocoach.sessions.model import NextStep
from convocoach.sessions.store import SessionStore


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[SessionStore, SessionStore, int]]:
    path = tmp_path / "sessions.db"
    a = SessionStore.open(path)
    sid = a.create("project-delays")
    b = SessionStore.open(path)
    yield a, b, sid
    a.close()
    b.close()


def test_a_field_written_from_a_stale_screen_is_refused(
    two: tuple[SessionStore, SessionStore, int],
) -> None:
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
    two: tuple[SessionStore, SessionStore, int],
) -> None:
    a, b, sid = two
    a.set_answer(sid, "facts", 0, "What happened?", "the API", expected="")
    with pytest.raises(WriteConflict) as caught:
        b.set_answer(sid, "facts", 0, "What happened?", "Z", expected="")
    assert caught.value.stored == "the API"
    assert b.get(sid).answers[0].answer == "the API"


def test_points_added_in_both_copies_are_both_kept(
    two: tuple[SessionStore, SessionStore, int],
) -> None:
    """The tester's second case: a point added in B replaced A's."""
    a, b, sid = two
    a.set_list(sid, "points", ["Launch moves to 8 January"])
    base = b.get(sid).points
    a.set_list(sid, "points", [*base, "Weekly status call"], base=base)
    stored = b.set_list(sid, "points", [*base, "Free extra training day"], base=base)
    assert stored == ("Launch moves to 8 January", "Free extra training day", "Weekly status call")
    assert a.get(sid).points == stored


def test_list_merge_per_item() -> None:
    assert merge_lists(["a", "b"], ["a"], ["a", "b", "c"]) == ("a", "c")
    assert merge_lists(["a", "b", "c"], ["a", "b", "c", "y"], ["a", "B", "c"]) == (
        "a",
        "B",
        "c",
        "y",
    )
    assert merge_lists(["a"], ["a2"], ["a3"]) == ("a2", "a3")  # both edits kept
    assert merge_lists(["a"], ["a", "x"], ["a", "x"]) == ("a", "x")  # same addition once


def test_next_step_edits_from_two_copies(two: tuple[SessionStore, SessionStore, int]) -> None:
    a, b, sid = two
    step_id = a.add_next_step(sid, NextStep("Send the plan", due="2026-12-01"))
    seen = b.get(sid).next_steps[0]
    a.update_next_step(
        step_id,
        expected=seen,
        action="Send the revised plan",
        due=seen.due,
        owner_kind=seen.owner_kind,
        owner_name="",
        status="open",
    )
    # Another field changed from the stale form: both changes kept.
    b.update_next_step(
        step_id,
        expected=seen,
        action=seen.action,
        due="2026-12-05",
        owner_kind=seen.owner_kind,
        owner_name="",
        status="open",
    )
    step = a.get(sid).next_steps[0]
    assert (step.action, step.due) == ("Send the revised plan", "2026-12-05")
    # The same field changed to something else: refused, theirs kept.
    with pytest.raises(WriteConflict):
        b.update_next_step(
            step_id,
            expected=seen,
            action="Call them",
            due=seen.due,
            owner_kind="us",
            owner_name="",
            status="open",
        )
    assert a.get(sid).next_steps[0].action == "Send the revised plan"
    # Removing a step changed elsewhere since is refused; one already removed is no error.
    with pytest.raises(WriteConflict):
        b.delete_next_step(step_id, expected=seen)
    current = b.get(sid).next_steps[0]
    a.delete_next_step(step_id, expected=current)
    b.delete_next_step(step_id, expected=current)
    with pytest.raises(WriteConflict):
        b.update_next_step(
            step_id,
            expected=current,
            action="Gone",
            due="",
            owner_kind="us",
            owner_name="",
            status="open",
        )


def test_data_version_sees_the_other_copy(two: tuple[SessionStore, SessionStore, int]) -> None:
    a, b, sid = two
    before = b.data_version()
    b.set_field(sid, "notes", "own write")
    assert b.data_version() == before  # its own writes do not count
    a.set_field(sid, "notes", "theirs")
    assert b.data_version() != before


FIELDS = ("title", "client.company", "stakes", "notes")


def test_no_silent_overwrite_in_1000_interleaved_edits(
    two: tuple[SessionStore, SessionStore, int],
) -> None:
    """Issue 13's goal, over fields, answers, points and next steps: every edit lands or is
    reported; a landed value replaces only what its writer had seen, and a point or a step
    goes only when a copy that saw it removed it."""
    copies, sid = two[:2], two[2]
    rng = random.Random(1313)
    seen = [copies[0].get(sid), copies[0].get(sid)]
    truth: dict[str, object] = {name: _dotted(seen[0], name) for name in FIELDS}
    truth_steps: dict[int, str] = {}  # next step id -> its action, as last landed
    points_added: set[str] = set()
    points_removed_knowingly: set[str] = set()
    landed = reported = n = 0
    while landed + reported < 1000:
        n += 1
        who = rng.randrange(2)
        store = copies[who]
        roll = rng.random()
        if roll < 0.1:  # this copy's screen shows what is stored now
            seen[who] = store.get(sid)
            continue
        value = f"edit {n} by {who}"
        try:
            if roll < 0.45:
                name = rng.choice(FIELDS)
                base = _dotted(seen[who], name)
                try:
                    store.set_field(sid, name, value, expected=base)
                finally:
                    assert _dotted(store.get(sid), name) in (value, truth[name])
                assert base == truth[name], "a value the writer never saw was replaced"
                truth[name] = value
            elif roll < 0.6:
                position = rng.randrange(3)
                name = f"answer {position}"
                base = next((a.answer for a in seen[who].answers if a.position == position), "")
                truth.setdefault(name, "")
                store.set_answer(sid, "facts", position, "prompt", value, expected=base)
                assert base == truth[name], "an answer the writer never saw was replaced"
                truth[name] = value
            elif roll < 0.8:
                mine = list(seen[who].points)
                if mine and rng.random() < 0.4:
                    points_removed_knowingly.add(mine.pop(rng.randrange(len(mine))))
                else:
                    mine.insert(rng.randrange(len(mine) + 1), value)
                    points_added.add(value)
                stored = store.set_list(sid, "points", mine, base=seen[who].points)
                assert stored == store.get(sid).points
                seen[who] = replace(seen[who], points=stored)  # the merged list is shown
            elif not seen[who].next_steps or rng.random() < 0.3:
                truth_steps[store.add_next_step(sid, NextStep(value))] = value
            else:
                step = rng.choice(seen[who].next_steps)
                if rng.random() < 0.7:
                    store.update_next_step(
                        step.id,
                        step,
                        action=value,
                        owner_kind="us",
                        owner_name="",
                        due="",
                        status="open",
                    )
                    assert truth_steps[step.id] == step.action, "a step edit was lost"
                    truth_steps[step.id] = value
                else:
                    store.delete_next_step(step.id, step)
                    assert truth_steps.pop(step.id, step.action) == step.action
        except WriteConflict:
            reported += 1
        else:
            landed += 1
        if rng.random() < 0.3:
            seen[who] = store.get(sid)
    final = copies[1].get(sid)
    for name in FIELDS:
        assert _dotted(final, name) == truth[name]
    for answer in final.answers:
        assert truth[f"answer {answer.position}"] == answer.answer
    assert {s.id: s.action for s in final.next_steps} == truth_steps
    lost = points_added - set(final.points) - points_removed_knowingly
    assert not lost, f"points silently lost: {sorted(lost)}"
    assert reported > 100
    assert landed > 500


def _dotted(session: object, name: str) -> object:
    for part in name.split("."):
        session = getattr(session, part)
    return session
