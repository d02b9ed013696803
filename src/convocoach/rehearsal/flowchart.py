"""A role-play drawn as a flowchart: the client's moves as boxes, what moves them as labelled
arrows, the three endings, and the path one rehearsal took. Laid out by grandalf (a layered,
Sugiyama layout), drawn as SVG for the HTML prep sheet, and as an indented tree for a terminal."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, Literal

from convocoach.rehearsal import case
from convocoach.rehearsal.script import ENDING_LABELS, Branch, Ending, Script

_BOX_W, _BOX_H = 190.0, 64.0
_GAP_X, _GAP_Y = 40.0, 110.0
_MARGIN = 20.0
_EXCERPT = 60
_FILL = {"agreement": "#d8f0dc", "stalemate": "#eeeeee", "walkout": "#f6d5d5", "": "#ffffff"}


@dataclass(frozen=True, slots=True)
class Arrow:
    source: str
    target: str
    label: str
    """What takes the client this way ("FEEL passes, +1"; several such, one per line)."""


def test_words(branch: Branch) -> str:
    """A branch's test in words, with its mood change."""
    parts = (
        [f"{' and '.join(branch.if_pass)} pass{'es' if len(branch.if_pass) == 1 else ''}"]
        if branch.if_pass
        else []
    )
    if branch.if_fail:
        parts.append(f"{' or '.join(branch.if_fail)} fail{'s' if len(branch.if_fail) == 1 else ''}")
    if branch.if_offered:
        parts.append(f"offers {' or '.join(branch.if_offered)}")
    if branch.if_answered:
        parts.append(f"{' and '.join(branch.if_answered)} given")
    test = ", ".join(parts) or "otherwise"
    return f"{test} ({branch.mood:+d})" if branch.mood else test


def arrows(script: Script) -> list[Arrow]:
    """One arrow per turn and target, its label every branch that leads there."""
    found: dict[tuple[str, str], list[str]] = {}
    for turn in script.turns:
        for branch in turn.branches:
            found.setdefault((turn.id, branch.goto), []).append(test_words(branch))
    return [Arrow(a, b, "; ".join(labels)) for (a, b), labels in found.items()]


def excerpt(text: str, limit: int = _EXCERPT) -> str:
    """The start of a client line as it reads with no figures known yet."""
    flat = " ".join(case.render(text, {}).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


def path_of(turn_ids: list[str]) -> set[tuple[str, str]]:
    """The arrows a rehearsal went along, from the turns it visited in order."""
    return set(itertools.pairwise(turn_ids))


def tree_text(script: Script, taken: Sequence[str] = ()) -> str:
    """The role-play as an indented list a terminal shows well: each turn, what the client
    says, and where each kind of reply takes them. With ``taken`` (one rehearsal's turns in
    order), the turns it reached are marked ● and the ways it went ⇒."""
    visited, went = set(taken), path_of(list(taken))
    lines = []
    for turn in script.turns:
        head = f"{turn.id}" + (f" [{ENDING_LABELS[turn.ending]}]" if turn.ending else "")
        head += f" (asks: {', '.join(turn.asks)})" if turn.asks else ""
        mark = ("\u25cf " if turn.id in visited else "  ") if taken else ""
        lines.append(f"{mark}{head}: \u201c{excerpt(turn.client, 90)}\u201d")
        indent = "    " if taken else "  "
        for target in dict.fromkeys(b.goto for b in turn.branches):
            tests = "; ".join(test_words(b) for b in turn.branches if b.goto == target)
            arrow = "\u21d2" if (turn.id, target) in went else "\u2192"
            lines.append(f"{indent}{arrow} {target}: {tests}")
    return "\n".join(lines) + "\n"


def map_markdown(script: Script) -> str:
    """The role-play's map as a Markdown section, for the prep sheet in a terminal."""
    return (
        "\n## The role-play as a map\n\nEach turn, what the client says, and where each "
        "kind of reply takes them:\n\n```text\n" + tree_text(script) + "```\n"
    )


@dataclass(frozen=True, slots=True)
class _Placed:
    x: float
    y: float


Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Layout:
    places: dict[str, _Placed]
    """Centre of each turn's box."""
    routes: dict[tuple[str, str], list[Point]]
    """Each arrow's line, from the edge of one box to the edge of the other, in vertical
    and horizontal legs: it crosses from one layer of boxes to the next in a lane of its own
    in the gap between them, and an arrow that skips layers goes down the slot the layout
    kept for it, so no arrow runs through a box or along another arrow."""


class _EdgeView:
    def __init__(self) -> None:
        self.points: list[Point] = []

    def setpath(self, points: list[Point]) -> None:
        self.points = [(float(x), float(y)) for x, y in points]


def layout(script: Script) -> Layout:
    """Where each turn's box goes (top to bottom from the opening), and each arrow's line."""
    # Lazy: grandalf (and the random module it loads) only for the drawn map; the map as
    # text, the scorecard's tree and "playbooks show --format md" do without it.
    from grandalf.graphs import Edge, Graph, Vertex
    from grandalf.layouts import SugiyamaLayout  # Lazy: as grandalf.graphs, above

    class _View:
        w, h = _BOX_W, _BOX_H
        xy = (0.0, 0.0)

    class _Vertex(Vertex):  # type: ignore[misc]
        # grandalf keeps vertices in sets: hashing by position in the script (not by memory
        # address) makes the layout the same on every run.
        def __hash__(self) -> int:
            return self.order  # type: ignore[no-any-return]

    vertices: dict[str, Any] = {}
    for order, turn in enumerate(script.turns):
        vertex = _Vertex(turn.id)
        vertex.order = order
        vertices[turn.id] = vertex
    for vertex in vertices.values():
        vertex.view = _View()

    class _Edge(Edge):  # type: ignore[misc]
        # Fixed when made: the layout turns edges round (cycles), which must not change it.
        def __init__(self, source: Any, target: Any) -> None:
            super().__init__(source, target)
            self.key = source.order * 1000 + target.order

        def __hash__(self) -> int:
            return self.key  # type: ignore[no-any-return]

    edges = {
        (a.source, a.target): _Edge(vertices[a.source], vertices[a.target])
        for a in arrows(script)
        if a.source != a.target
    }
    for edge in edges.values():
        edge.view = _EdgeView()
    graph = Graph(list(vertices.values()), list(edges.values()))
    for component in graph.C:
        sugiyama = SugiyamaLayout(component)
        sugiyama.xspace, sugiyama.yspace = _GAP_X, _GAP_Y
        roots = [vertices[script.start]] if vertices[script.start] in component.sV else None
        sugiyama.init_all(roots=roots)
        sugiyama.draw()
    # The slots kept for long arrows can lie outside the boxes: the drawing holds them too.
    xs = [v.view.xy[0] for v in vertices.values()]
    xs += [x + _BOX_W / 2 for e in edges.values() for x, _ in e.view.points]
    ys = [v.view.xy[1] for v in vertices.values()]
    left, top = min(xs) - _BOX_W / 2 - _MARGIN, min(ys) - _BOX_H / 2 - _MARGIN
    places = {key: _Placed(v.view.xy[0] - left, v.view.xy[1] - top) for key, v in vertices.items()}
    centres = {
        key: [(x - left, y - top) for x, y in edge.view.points] for key, edge in edges.items()
    }
    return Layout(places, _orthogonal(centres))


def _orthogonal(centres: dict[tuple[str, str], list[Point]]) -> dict[tuple[str, str], list[Point]]:
    """Each arrow through its layers' centres (its boxes', then the layout's slots for it)
    as vertical and horizontal legs, each crossing of a gap in a lane of its own."""
    crossings: dict[tuple[float, float], list[tuple[tuple[str, str], int, float]]] = {}
    for key, points in centres.items():
        for leg, (a, b) in enumerate(itertools.pairwise(points)):
            gap = (min(a[1], b[1]), max(a[1], b[1]))
            crossings.setdefault(gap, []).append((key, leg, min(a[0], b[0])))
    lane: dict[tuple[tuple[str, str], int], float] = {}
    for (upper, lower), legs in crossings.items():
        top, room = upper + _BOX_H / 2, lower - upper - _BOX_H
        for n, (key, leg, _) in enumerate(sorted(legs, key=lambda item: (item[2], item[0]))):
            lane[(key, leg)] = top + room * (n + 1) / (len(legs) + 1)
    routes: dict[tuple[str, str], list[Point]] = {}
    for key, points in centres.items():
        last = len(points) - 2
        out: list[Point] = []
        for leg, (a, b) in enumerate(itertools.pairwise(points)):
            half = _BOX_H / 2 if b[1] > a[1] else -_BOX_H / 2
            start = (a[0], a[1] + half) if leg == 0 else a
            end = (b[0], b[1] - half) if leg == last else b
            y = lane[(key, leg)]
            out += [start, (a[0], y), (b[0], y)]
            if leg == last:
                out.append(end)
        routes[key] = out
    return routes


def svg(script: Script, taken: list[str] | None = None) -> str:
    """The flowchart as an SVG element; ``taken`` (turn ids in order) draws one rehearsal's
    path in bold."""
    placed = layout(script)
    places = placed.places
    bold = path_of(taken or [])
    xs = [p.x for p in places.values()]
    xs += [x for points in placed.routes.values() for x, _ in points]
    width = max(xs) + _BOX_W / 2 + _MARGIN
    height = max(p.y for p in places.values()) + _BOX_H / 2 + _MARGIN
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="flowchart" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'font-family="sans-serif" font-size="11">',
        "<title>How the client reacts: each box is something they say, each arrow what "
        "takes them there</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/>'
        "</marker></defs>",
    ]
    for arrow in arrows(script):
        if arrow.source == arrow.target:
            continue
        points = placed.routes[(arrow.source, arrow.target)]
        (x1, y1), (x2, _) = points[1], points[2]  # the first crossing, in its own lane
        weight = "2.5" if (arrow.source, arrow.target) in bold else "1"
        line = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
        out.append(
            f'<g class="arrow"><title>{escape(arrow.label)}</title>'
            f'<polyline points="{line}" fill="none" '
            f'stroke="#444" stroke-width="{weight}" marker-end="url(#arrow)"/>'
            # On the first crossing, just above its lane: each arrow's label has
            # a line of its own.
            f'<text x="{min(x1, x2) + 4:.0f}" y="{y1 - 2:.0f}" '
            f'fill="#333">{escape(excerpt(arrow.label, 40))}</text></g>'
        )
    visited = set(taken or [])
    for turn in script.turns:
        p = places[turn.id]
        stroke = "2.5" if turn.id in visited else "1"
        said = escape(excerpt(turn.client, 600))
        out.append(
            f'<g class="turn" id="turn-{escape(turn.id)}"><title>{said}'
            f'</title><rect x="{p.x - _BOX_W / 2:.0f}" y="{p.y - _BOX_H / 2:.0f}" '
            f'width="{_BOX_W:.0f}" height="{_BOX_H:.0f}" rx="8" '
            f'fill="{_FILL[turn.ending]}" stroke="#222" stroke-width="{stroke}"/>'
            f'<text x="{p.x:.0f}" y="{p.y - 12:.0f}" text-anchor="middle" '
            f'font-weight="bold">{escape(_heading(turn.id, turn.ending))}</text>'
            + "".join(
                f'<text x="{p.x:.0f}" y="{p.y + 4 + 13 * n:.0f}" '
                f'text-anchor="middle">{escape(line)}</text>'
                for n, line in enumerate(_wrap(excerpt(turn.client), 32)[:2])
            )
            + "</g>"
        )
    out.append("</svg>")
    return "\n".join(out)


def _heading(turn_id: str, ending: Ending | Literal[""]) -> str:
    return f"{turn_id}: {ENDING_LABELS[ending]}" if ending else turn_id


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return lines
