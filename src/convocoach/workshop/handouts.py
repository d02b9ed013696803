"""A handout for each person: their rounds, what was seen while they were the professional
(good behaviours and ones to watch apart), their group's notes and debrief answers, and room
to write their own one change. Printed one person to a page."""

from __future__ import annotations

from collections.abc import Mapping

from convocoach.coach.model import Rubric
from convocoach.markdown_text import md_inline, md_lines
from convocoach.workshop.behaviours import behaviours
from convocoach.workshop.debrief import printable_page
from convocoach.workshop.plan import ROLE_LABELS
from convocoach.workshop.record import Workshop
from convocoach.workshop.tallies import PersonTally, person_tallies

WRITE_IN = 3
"""Ruled lines for the person's own one change."""
_ONE_A_PAGE = (
    "h1 { break-before: page; page-break-before: always; }\n"
    "h1:first-of-type { break-before: auto; page-break-before: auto; }\n"
)


def handouts_markdown(workshop: Workshop, titles: Mapping[str, str], rubric: Rubric) -> str:
    """Every person's handout, in the room's order."""
    return "\n".join(
        handout_markdown(workshop, tally, titles, rubric)
        for tally in person_tallies(workshop, rubric)
    )


def handout_markdown(
    workshop: Workshop, tally: PersonTally, titles: Mapping[str, str], rubric: Rubric
) -> str:
    plan = workshop.plan
    group = next(g for g in plan.groups if g.number == tally.group)
    others = [md_inline(m) for m in group.members if m != tally.name]
    lines = [
        f"# {md_inline(tally.name)}: your workshop handout",
        "",
        f"{md_inline(plan.title)}, {md_inline(workshop.created_at[:10])}. Group {group.number}, "
        f"with {', '.join(others)}.",
        "",
        "## Your rounds",
        "",
        "| round | scenario | your role |",
        "|---|---|---|",
    ]
    for number in range(1, plan.rounds + 1):
        pid = plan.playbook_for(number)
        lines.append(
            f"| {number} | {md_inline(titles.get(pid, pid))} | "
            f"{ROLE_LABELS[group.roles(number)[tally.name]]} |"
        )
    lines += ["", "## What was seen while you were the professional", ""]
    seen = [(b, tally.ticks.get(b.code, 0)) for b in behaviours(rubric)]
    lines += [
        f"Good behaviours: {tally.good}. To watch: {tally.watch}. (Kept apart: one never "
        "makes up for the other.)",
        "",
    ]
    for title, kind in (("Good behaviours seen", "do"), ("To watch", "avoid")):
        ticked = [(b, n) for b, n in seen if b.kind == kind and n]
        if ticked:
            lines += [f"**{title}**", "", *(f"- {md_inline(b.text)}: {n}" for b, n in ticked), ""]
    lines += _from_your_rounds(workshop, tally)
    lines += ["## My one change for next time", "", *(["\\_" * 60, ""] * WRITE_IN)]
    return "\n".join(lines) + "\n"


def _from_your_rounds(workshop: Workshop, tally: PersonTally) -> list[str]:
    lines: list[str] = []
    for number in tally.rounds.get("professional", ()):
        parts = workshop.round(number).group(tally.group).texts()
        if parts:
            lines += [f"## Round {number}, as the professional", ""]
            for heading, text in parts:
                lines += [f"**{heading}**", "", md_lines(text), ""]
    return lines


def handouts_html(workshop: Workshop, titles: Mapping[str, str], rubric: Rubric) -> str:
    """Every person's handout as one printable page set, each person on a page of their own."""
    return printable_page(
        handouts_markdown(workshop, titles, rubric),
        f"Handouts: {workshop.plan.title}",
        _ONE_A_PAGE,
    )
