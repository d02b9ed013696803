"""The client never says the same line twice in one rehearsal, and every bundled role-play has
many lines to say."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convocoach.playbooks.coaching import coach_for
from convocoach.playbooks.loader import load_playbook_file
from convocoach.playbooks.model import Playbook
from convocoach.rehearsal.engine import client_line
from convocoach.rehearsal.headless import play
from convocoach.rehearsal.script import ENDINGS, Branch, Script, Turn
from tests.conftest import BUNDLED

MIN_LINES, MAX_LINES = 53, 69  # every bundled client has 53 to 69 (the README says so)


@cache
def playbooks() -> tuple[Playbook, ...]:
    return tuple(load_playbook_file(path).playbook for path in sorted(BUNDLED.glob("*.yaml")))


def test_each_visit_to_a_turn_gets_the_next_phrasing_then_a_marked_repeat() -> None:
    turn = Turn("t", "First.", variants=("Second.", "Third."), branches=(Branch("t"),))
    said = [turn.phrasing(visit) for visit in range(6)]
    assert said[:3] == ["First.", "Second.", "Third."]
    assert len(set(said)) == 6
    assert all(line.endswith(("First.", "Second.", "Third.")) for line in said)


def test_every_bundled_role_play_has_many_distinct_client_lines() -> None:
    for playbook in playbooks():
        script = playbook.rehearsal
        assert script is not None
        lines = {line for turn in script.turns for line in (turn.client, *turn.variants)}
        assert MIN_LINES <= len(lines) <= MAX_LINES, (playbook.id, len(lines))


REPLIES = st.sampled_from(
    [
        "I'm sorry, that's on us. What matters most to you now?",
        "I understand you feel frustrated. What would help most? I'll send the plan by Friday.",
        "We are working on it.",
        "You should have told us sooner.",
        "It sounds like this puts you in a hard spot with your board.",
        "I'll call you tomorrow at 10 with two options and their costs.",
        "ok",
    ]
)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 11), st.lists(REPLIES, min_size=1, max_size=12))
def test_no_client_line_is_said_twice_in_one_rehearsal(which: int, replies: list[str]) -> None:
    playbook = playbooks()[which]
    script = playbook.rehearsal
    assert script is not None
    state = play(script, coach_for(playbook), replies).state
    said = [e.client for e in state.exchanges] + [client_line(script, state)]
    assert len(said) == len(set(said)), playbook.id


def _paths_to(script: Script, kind: str) -> int:
    """Distinct routes (no turn twice) from the opening to a turn ending this way."""
    ends = {t.id for t in script.turns if t.ending == kind}

    def walk(turn_id: str, seen: frozenset[str]) -> int:
        if turn_id in ends:
            return 1
        targets = {b.goto for b in script.turn(turn_id).branches} - seen
        return sum(walk(target, seen | {target}) for target in targets)

    return walk(script.start, frozenset({script.start}))


def test_every_ending_can_be_reached_by_more_than_one_path() -> None:
    for playbook in playbooks():
        script = playbook.rehearsal
        assert script is not None
        for kind in ENDINGS:
            assert _paths_to(script, kind) >= 2, (playbook.id, kind)
