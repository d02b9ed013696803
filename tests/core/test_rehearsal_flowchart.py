"""The role-play as a map: laid out by grandalf, drawn as SVG and as a terminal tree."""

from __future__ import annotations

import dataclasses
import itertools
import xml.etree.ElementTree as ET
from functools import cache

import pytest

from convocoach.cli import main
from convocoach.playbooks.coaching import coach_for
from convocoach.playbooks.loader import load_playbook_file
from convocoach.playbooks.model import Playbook
from convocoach.rehearsal import flowchart
from convocoach.rehearsal.debrief import debrief_markdown
from convocoach.rehearsal.headless import play
from tests.conftest import BUNDLED

SVG = "{http://www.w3.org/2000/svg}"


@cache
def playbooks() -> tuple[Playbook, ...]:
    return tuple(load_playbook_file(path).playbook for path in sorted(BUNDLED.glob("*.yaml")))


def test_every_branch_is_an_arrow_with_its_test_in_words() -> None:
    for playbook in playbooks():
        script = playbook.rehearsal
        assert script is not None
        drawn = {(a.source, a.target) for a in flowchart.arrows(script)}
        assert drawn == {(t.id, b.goto) for t in script.turns for b in t.branches}
    opening = playbooks()[8].rehearsal
    assert opening is not None
    labels = {a.target: a.label for a in flowchart.arrows(opening) if a.source == "opening"}
    assert labels["escalates"] == "NOBLAME or NODISMISS fail (-2)"
    assert labels["wants_facts"] == "FEEL passes (+1); OWN passes (+1)"


def test_the_layout_places_every_turn_and_no_two_boxes_overlap() -> None:
    for playbook in playbooks():
        script = playbook.rehearsal
        assert script is not None
        places = flowchart.layout(script).places
        assert set(places) == {t.id for t in script.turns}
        assert places[script.start].y == min(p.y for p in places.values())  # opening on top
        boxes = list(places.values())
        for n, a in enumerate(boxes):
            for b in boxes[n + 1 :]:
                assert abs(a.x - b.x) >= 190 or abs(a.y - b.y) >= 64, playbook.id
        assert flowchart.layout(script).places == places  # the same map every time


def _crosses(a: tuple[float, float], b: tuple[float, float], box: object) -> bool:
    """Whether the segment a-b passes through the inside of a turn's box (Liang-Barsky)."""
    x0, y0, x1, y1 = (box.x - 94, box.y - 31, box.x + 94, box.y + 31)  # type: ignore[attr-defined]
    dx, dy = b[0] - a[0], b[1] - a[1]
    low, high = 0.0, 1.0
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def test_arrows_go_round_the_boxes_they_do_not_join() -> None:
    for playbook in playbooks():
        script = playbook.rehearsal
        assert script is not None
        drawn = flowchart.layout(script)
        for (source, target), points in drawn.routes.items():
            others = [p for key, p in drawn.places.items() if key not in (source, target)]
            for a, b in itertools.pairwise(points):
                assert not any(_crosses(a, b, box) for box in others), (playbook.id, source, target)


def test_the_svg_is_well_formed_escapes_text_and_shows_the_path_taken() -> None:
    script = playbooks()[8].rehearsal
    assert script is not None
    first = script.turns[0]
    hostile = dataclasses.replace(first, client="<script>alert(1)</script> & more")
    script = dataclasses.replace(script, turns=(hostile, *script.turns[1:]))
    drawing = flowchart.svg(script, taken=["opening", "wants_facts"])
    root = ET.fromstring(drawing)
    turns = root.findall(f"{SVG}g[@class='turn']")
    assert len(turns) == len(script.turns)
    assert "<script>" not in drawing
    widths = [
        line.get("stroke-width")
        for g in root.findall(f"{SVG}g[@class='arrow']")
        if (line := g.find(f"{SVG}polyline")) is not None
    ]
    bold = [width for width in widths if width == "2.5"]
    assert len(bold) == 1


def test_the_terminal_tree_lists_each_turn_and_where_replies_lead() -> None:
    script = playbooks()[8].rehearsal
    assert script is not None
    tree = flowchart.tree_text(script)
    assert tree.startswith("opening (asks: ")
    assert "  \u2192 escalates: NOBLAME or NODISMISS fail (-2)" in tree
    assert "walkout [The client walked out]:" in tree


def test_playbooks_show_draws_the_map(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["playbooks", "show", "project-delays", "--format", "html"]) == 0
    html = capsys.readouterr().out
    assert "<h2>The role-play as a map</h2>" in html
    script = next(p for p in playbooks() if p.id == "project-delays").rehearsal
    assert script is not None
    assert html.count('<g class="turn"') == len(script.turns)
    assert main(["playbooks", "show", "project-delays", "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert "## The role-play as a map" in md
    first = script.turn(script.start).branches[0]
    assert f"\u2192 {first.goto}: {flowchart.test_words(first)}" in md


def test_the_debrief_gives_the_path_through_the_map() -> None:
    playbook = playbooks()[8]
    script = playbook.rehearsal
    assert script is not None
    coach = coach_for(playbook)
    state = play(
        script,
        coach,
        [
            "You should have read the status reports.",
            "Calm down, as I told you the risks were in the plan.",
        ],
    ).state
    text = debrief_markdown("T", script, state, coach.rubric)
    assert "Path through the role-play: opening \u2192 escalates \u2192 walkout" in text


def test_the_tree_marks_the_path_one_rehearsal_took() -> None:
    script = playbooks()[8].rehearsal
    assert script is not None
    second = script.turn(script.start).branches[-1].goto
    tree = flowchart.tree_text(script, [script.start, second])
    assert tree.startswith("\u25cf " + script.start)
    assert f"    \u21d2 {second}: " in tree
    assert tree.count("\u21d2") == 1
    assert tree.count("\u25cf") == len({script.start, second})
