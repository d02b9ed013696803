"""A role-play drawn as a flowchart: the client's moves as boxes, what moves them as labelled
arrows, the three endings, and the path one rehearsal took. Laid out by grandalf (a layered,
Sugiyama layout), drawn as SVG for the HTML prep sheet, and as an indented tree for a terminal."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape
from typing import Any, Literal

from convocoach.rehearsal import case
from convocoach.rehearsal.script import ENDING_LABELS, Branch, Ending, Script

_BOX_W, _BOX_H = 190.0, 64.0
_GAP_X, _GAP_Y = 40.0, 70.0
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
    parts = [f"{' and '.join(branch.if_pass)} pass{'es' if len(branch.if_pass) == 1 else ''}"
             ] if branch.if_pass else []
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
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "\u2026"


def path_of(turn_ids: list[str]) -> set[tuple[str, str]]:
    """The arrows a rehearsal went along, from the turns it visited in order."""
    return set(itertools.pairwise(turn_ids))


def tree_text(script: Script) -> str:
    """The role-play as an indented list a terminal shows well: each turn, what the client
    says, and where each kind of reply takes them."""
    lines = []
    for turn in script.turns:
        head = f"{turn.id}" + (f" [{ENDING_LABELS[turn.ending]}]" if turn.ending else "")
        head += f" (asks: {', '.join(turn.asks)})" if turn.asks else ""
        lines.append(f"{head}: \u201c{excerpt(turn.client, 90)}\u201d")
        for branch in turn.branches:
            lines.append(f"  \u2192 {branch.goto}: {test_words(branch)}")
    return "\n".join(lines) + "\n"


def map_markdown(script: Script) -> str:
    """The role-play's map as a Markdown section, for the prep sheet in a terminal."""
    return ("\n## The role-play as a map\n\nEach turn, what the client says, and where each "
            "kind of reply takes them:\n\n```text\n" + tree_text(script) + "```\n")


@dataclass(frozen=True, slots=True)
class _Placed:
    x: float
    y: float


def layout(script: Script) -> dict[str, _Placed]:
    """Centre of each turn's box, top to bottom from the opening."""
    from grandalf.graphs import Edge, Graph, Vertex
    from grandalf.layouts import SugiyamaLayout

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

    edges = [_Edge(vertices[a.source], vertices[a.target]) for a in arrows(script)
             if a.source != a.target]
    graph = Graph(list(vertices.values()), edges)
    for component in graph.C:
        sugiyama = SugiyamaLayout(component)
        sugiyama.xspace, sugiyama.yspace = _GAP_X, _GAP_Y
        roots = [vertices[script.start]] if vertices[script.start] in component.sV else None
        sugiyama.init_all(roots=roots)
        sugiyama.draw()
    xs = [v.view.xy[0] for v in vertices.values()]
    ys = [v.view.xy[1] for v in vertices.values()]
    left, top = min(xs) - _BOX_W / 2 - _MARGIN, min(ys) - _BOX_H / 2 - _MARGIN
    return {key: _Placed(v.view.xy[0] - left, v.view.xy[1] - top)
            for key, v in vertices.items()}


def svg(script: Script, taken: list[str] | None = None) -> str:
    """The flowchart as an SVG element; ``taken`` (turn ids in order) draws one rehearsal's
    path in bold."""
    places = layout(script)
    bold = path_of(taken or [])
    width = max(p.x for p in places.values()) + _BOX_W / 2 + _MARGIN
    height = max(p.y for p in places.values()) + _BOX_H / 2 + _MARGIN
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="flowchart" role="img" '
           f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
           f'font-family="sans-serif" font-size="11">',
           "<title>How the client reacts: each box is something they say, each arrow what "
           "takes them there</title>",
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/>'
           "</marker></defs>"]
    for arrow in arrows(script):
        if arrow.source == arrow.target:
            continue
        a, b = places[arrow.source], places[arrow.target]
        down = b.y >= a.y
        y1 = a.y + (_BOX_H / 2 if down else -_BOX_H / 2)
        y2 = b.y - (_BOX_H / 2 if down else -_BOX_H / 2)
        weight = "2.5" if (arrow.source, arrow.target) in bold else "1"
        out.append(f'<g class="arrow"><title>{escape(arrow.label)}</title>'
                   f'<line x1="{a.x:.0f}" y1="{y1:.0f}" x2="{b.x:.0f}" y2="{y2:.0f}" '
                   f'stroke="#444" stroke-width="{weight}" marker-end="url(#arrow)"/>'
                   # A third of the way along: the labels of two arrows between the same
                   # pair of turns, one each way, do not land on each other.
                   f'<text x="{a.x + (b.x - a.x) / 3 + 4:.0f}" y="{y1 + (y2 - y1) / 3:.0f}" '
                   f'fill="#333">{escape(excerpt(arrow.label, 40))}</text></g>')
    visited = set(taken or [])
    for turn in script.turns:
        p = places[turn.id]
        stroke = "2.5" if turn.id in visited else "1"
        said = escape(excerpt(turn.client, 600))
        out.append(f'<g class="turn" id="turn-{escape(turn.id)}"><title>{said}'
                   f'</title><rect x="{p.x - _BOX_W / 2:.0f}" y="{p.y - _BOX_H / 2:.0f}" '
                   f'width="{_BOX_W:.0f}" height="{_BOX_H:.0f}" rx="8" '
                   f'fill="{_FILL[turn.ending]}" stroke="#222" stroke-width="{stroke}"/>'
                   f'<text x="{p.x:.0f}" y="{p.y - 12:.0f}" text-anchor="middle" '
                   f'font-weight="bold">{escape(_heading(turn.id, turn.ending))}</text>'
                   + "".join(f'<text x="{p.x:.0f}" y="{p.y + 4 + 13 * n:.0f}" '
                             f'text-anchor="middle">{escape(line)}</text>'
                             for n, line in enumerate(_wrap(excerpt(turn.client), 32)[:2]))
                   + "</g>")
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
