"""A whole workshop as one debrief: the plan, each round as recorded, then the tallies per
round and per person."""

from __future__ import annotations

from collections.abc import Mapping

from convocoach.coach.model import Rubric
from convocoach.htmlpage import markdown_to_html_page
from convocoach.markdown_text import md_inline, md_lines
from convocoach.wording import counted
from convocoach.workshop.behaviours import behaviours
from convocoach.workshop.groups import Group
from convocoach.workshop.plan import GROUP_LABELS, ROLE_LABELS, ROLES
from convocoach.workshop.record import GroupRound, RoundRecord, Workshop
from convocoach.workshop.tallies import person_tallies, played
from convocoach.workshop.timer import clock_face

NOT_PLAYED = "not played"
PRINT_CSS = """\
@page { size: A4; margin: 16mm 14mm; }
table { border-collapse: collapse; margin: .5rem 0 1.2rem; font-size: .95em; }
th, td { border: 1px solid #6e7781; padding: .3rem .6rem; text-align: left;
         vertical-align: top; }
thead th { background: #eaeef2; }
thead { display: table-header-group; }
tr, li, p { break-inside: avoid; page-break-inside: avoid; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
@media print { table { font-size: 10pt; } th, td { padding: 2pt 5pt; } }
"""
"""Print rules for any workshop printout: an A4 page, ruled tables whose rows never split
across pages, headings kept with what follows."""


def behaviour_labels(rubric: Rubric) -> dict[str, str]:
    """Each rubric code as the checklist words it (in the checklist's order) and its code."""
    return {b.code: f"{b.text} ({b.code})" for b in behaviours(rubric)}


def _codes(workshop: Workshop, labels: Mapping[str, str]) -> list[str]:
    """Every code ticked anywhere: the rubric's in checklist order, then any others."""
    ticked = {code for record in workshop.rounds for code in record.ticks}
    return [c for c in labels if c in ticked] + sorted(ticked - set(labels))


def _label(code: str, labels: Mapping[str, str]) -> str:
    return md_inline(labels.get(code, code))


def _round(
    workshop: Workshop, record: RoundRecord, titles: Mapping[str, str], labels: Mapping[str, str]
) -> list[str]:
    plan = workshop.plan
    number = record.number
    scenario = md_inline(titles.get(plan.playbook_for(number), plan.playbook_for(number)))
    lines = [f"## Round {number}: {scenario}", ""]
    if not played(record):
        return [*lines, *(_cast(g, number) for g in plan.groups), "", "Not played.", ""]
    state = "finished" if record.finished else "not finished"
    lines += [
        f"Clock: {clock_face(record.seconds)} of {clock_face(plan.round_minutes * 60)}"
        f" used; {state}.",
        "",
    ]
    rooms = len(plan.groups) > 1
    for group in plan.groups:
        if rooms:
            lines += [f"### Group {group.number}", ""]
        lines += _group_round(workshop, group, record.group(group.number), number, labels)
    return lines


def _cast(group: Group, number: int) -> str:
    return "; ".join(
        f"{ROLE_LABELS[role]}: **{md_inline(person)}**"
        for person, role in sorted(
            group.roles(number).items(), key=lambda item: ROLES.index(item[1])
        )
    )


def _group_round(
    workshop: Workshop, group: Group, record: GroupRound, number: int, labels: Mapping[str, str]
) -> list[str]:
    lines = [_cast(group, number), ""]
    ticker = group.person_in(number, group.ticker)
    if record.ticks:
        lines += [
            f"Behaviours ticked by {md_inline(ticker)}:" if ticker else "Behaviours ticked:",
            "",
        ]
        lines += [
            f"- {_label(code, labels)}: {record.ticks[code]}"
            for code in _codes(workshop, labels)
            if code in record.ticks
        ]
        lines += [f"- Total: {sum(record.ticks.values())}", ""]
    else:
        lines += ["No behaviours ticked.", ""]
    for heading, text in record.texts():
        lines += [f"**{heading}**", "", md_lines(text), ""]
    return lines


def _per_round(workshop: Workshop, labels: Mapping[str, str], rubric: Rubric) -> list[str]:
    codes = _codes(workshop, labels)
    lines = ["### Per round", ""]
    if not codes:
        return [*lines, "No behaviours ticked yet.", ""]
    numbers = [r.number for r in workshop.rounds]
    lines += [
        "| behaviour | " + " | ".join(f"round {n}" for n in numbers) + " | all rounds |",
        "|---" * (len(numbers) + 2) + "|",
    ]

    def row(name: str, count: dict[int, int]) -> str:
        cells = [str(count[r.number]) if played(r) else NOT_PLAYED for r in workshop.rounds]
        return f"| {name} | " + " | ".join(cells) + f" | {sum(count.values())} |"

    for code in codes:
        lines.append(
            row(_label(code, labels), {r.number: r.ticks.get(code, 0) for r in workshop.rounds})
        )
    kinds = {b.code: b.kind for b in behaviours(rubric)}
    for label, kind in (("**Good**", "do"), ("**Watch-outs**", "avoid")):
        lines.append(
            row(
                label,
                {
                    r.number: sum(n for c, n in r.ticks.items() if kinds.get(c) == kind)
                    for r in workshop.rounds
                },
            )
        )
    return [*lines, ""]


def _rounds(numbers: tuple[int, ...]) -> str:
    if not numbers:
        return "none"
    return ("round " if len(numbers) == 1 else "rounds ") + ", ".join(map(str, numbers))


def _per_person(workshop: Workshop, labels: Mapping[str, str], rubric: Rubric) -> list[str]:
    roles = ROLES[: max(g.players for g in workshop.plan.groups)]
    tallies = person_tallies(workshop, rubric)
    lines = [
        "### Per person",
        "",
        "Ticks while each was the professional: good behaviours and ones to watch apart, "
        "never added together.",
        "",
        "| person | "
        + " | ".join(ROLE_LABELS[r].lower() for r in roles)
        + " | good ticks | watch-outs |",
        "|---" * (len(roles) + 3) + "|",
    ]
    for tally in tallies:
        cells = [_rounds(tally.rounds.get(role, ())) for role in roles]
        lines.append(
            f"| {md_inline(tally.name)} | "
            + " | ".join(cells)
            + f" | {tally.good} | {tally.watch} |"
        )
    lines.append("")
    codes = [c for c in _codes(workshop, labels) if any(c in t.ticks for t in tallies)]
    if codes:
        lines += [
            "Behaviours ticked while each person was the professional:",
            "",
            "| behaviour | " + " | ".join(md_inline(t.name) for t in tallies) + " |",
            "|---" * (len(tallies) + 1) + "|",
        ]
        lines += [
            f"| {_label(code, labels)} | "
            + " | ".join(str(t.ticks.get(code, 0)) for t in tallies)
            + " |"
            for code in codes
        ]
        lines += [
            "| **Good** | " + " | ".join(str(t.good) for t in tallies) + " |",
            "| **Watch-outs** | " + " | ".join(str(t.watch) for t in tallies) + " |",
            "",
        ]
    return lines


def workshop_markdown(workshop: Workshop, titles: Mapping[str, str], rubric: Rubric) -> str:
    """The debrief; ``titles`` maps playbook ids to their titles (an id stands for itself)."""
    plan = workshop.plan
    labels = behaviour_labels(rubric)
    done = sum(r.finished for r in workshop.rounds)
    scenarios = ", ".join(md_inline(titles.get(pid, pid)) for pid in plan.playbook_ids)
    lines = [
        f"# Workshop debrief: {md_inline(plan.title)}",
        "",
        f"Started {md_inline(workshop.created_at[:10])}; last changed "
        f"{md_inline(workshop.updated_at[:10])}. "
        f"{done} of {counted(plan.rounds, 'round')} finished.",
        "",
        "## Plan",
        "",
        f"- Scenarios: {scenarios}",
        f"- Rounds: {plan.rounds} of {counted(plan.round_minutes, 'minute')} each",
        f"- Groups: {GROUP_LABELS[plan.group]}: "
        + "; ".join(", ".join(md_inline(p) for p in g.members) for g in plan.groups),
        f"- The checklist is kept by the {ROLE_LABELS[plan.ticker].lower()}"
        + ("" if plan.ticker == "observer" else ", after the round"),
        "",
    ]
    for record in workshop.rounds:
        lines += _round(workshop, record, titles, labels)
    lines += [
        "## Tallies",
        "",
        *_per_round(workshop, labels, rubric),
        *_per_person(workshop, labels, rubric),
    ]
    return "\n".join(lines).rstrip() + "\n"


# The tallies are the debrief's last section: on a sheet of their own, to hand round.
_TALLIES_CSS = (
    "@media print { h2:last-of-type { break-before: page; page-break-before: always; } }\n"
)


def printable_page(markdown: str, title: str, css: str = "") -> str:
    """A workshop printout written in Markdown (the debrief; later a person's own handout) as
    a standalone A4 page with ruled tables, then ``css`` of its own (outside text stays text:
    raw HTML is not rendered)."""
    return markdown_to_html_page(markdown, title, css=PRINT_CSS + css)


def workshop_html(workshop: Workshop, titles: Mapping[str, str], rubric: Rubric) -> str:
    """The debrief as a standalone printable page."""
    return printable_page(
        workshop_markdown(workshop, titles, rubric),
        f"Workshop debrief: {workshop.plan.title}",
        _TALLIES_CSS,
    )
