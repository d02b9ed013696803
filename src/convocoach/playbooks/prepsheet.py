"""A playbook as a one-page Markdown prep sheet, to read in the terminal, print or keep open."""

from __future__ import annotations

from collections.abc import Iterable

from convocoach.markdown_text import md_inline
from convocoach.playbooks.model import CADENCE_LABELS, CHANNEL_LABELS, Playbook


def prep_sheet_markdown(playbook: Playbook) -> str:
    """The whole playbook as Markdown, in the order of a real conversation."""
    p = playbook
    out: list[str] = [
        f"# {md_inline(p.title)}",
        "",
        f"*{md_inline(p.approach)}*",
        "",
        md_inline(p.summary),
        "",
    ]
    if p.tags:
        out += ["Tags: " + ", ".join(md_inline(t) for t in p.tags), ""]

    out += ["## 1. Prepare", ""]
    out += _section("Facts to gather", p.prepare.facts)
    persp = p.prepare.perspective
    out += _section("The client probably feels", persp.feels)
    out += _section("The client needs", persp.needs)
    out += _section("The client fears", persp.fears)
    if p.prepare.options:
        out += ["### Options and trade-offs", ""]
        for option in p.prepare.options:
            out.append(f"- **{md_inline(option.name)}**")
            out += [f"  - gains: {md_inline(g)}" for g in option.gains]
            out += [f"  - costs: {md_inline(c)}" for c in option.costs]
        out.append("")
    out += _section("Your walk-away", p.prepare.walk_away)
    if p.prepare.questions:
        out += ["### Questions to expect", ""]
        out += [f"- **{md_inline(q.question)}** {md_inline(q.answer)}" for q in p.prepare.questions]
        out.append("")

    s = p.setting
    out += ["## 2. Timing and setting", ""]
    out += _section("Timing", s.timing)
    out += _section("Place", s.place)
    if s.channels:
        out += ["### Channel", "", f"Usually best: **{CHANNEL_LABELS[s.best_channel]}**", ""]
        for advice in s.channels:
            line = f"- **{CHANNEL_LABELS[advice.channel]}**: {md_inline(advice.fits)}"
            if advice.caution:
                line += f" *Watch out:* {md_inline(advice.caution)}"
            out.append(line)
        out.append("")
    out += _section("Who should be there", s.people)

    out += ["## 3. Listen", ""]
    out += _section("Prompts that invite them to say more", p.listen.prompts)
    out += _section("Reflecting back", [f"{r}…" for r in p.listen.reflections])

    out += ["## 4. Empathise", ""]
    out += _section("Say", p.empathy.use)
    if p.empathy.avoid:
        out += ["### Avoid", ""]
        out += [
            f"- ~~{md_inline(a.phrase)}~~ {md_inline(a.why)} **Instead:** {md_inline(a.instead)}"
            for a in p.empathy.avoid
        ]
        out.append("")

    out += ["## 5. Towards next steps", ""]
    if p.solutions.steps:
        out += [f"{n}. {md_inline(step)}" for n, step in enumerate(p.solutions.steps, 1)]
        out.append("")
    out += _section("Typical next steps", p.solutions.next_steps)

    f = p.followup
    out += [
        "## 6. Follow up",
        "",
        f"Subject: **{md_inline(p.subject_line)}**",
        "",
        f"Check-ins: **{CADENCE_LABELS[f.cadence]}**"
        + (f" ({md_inline(f.cadence_reason)})" if f.cadence_reason else ""),
        "",
    ]
    out += _section("The email covers", f.outline)

    t = p.tailoring
    out += ["## 7. Tailor it", ""]
    out += _section("A non-technical client", t.non_technical)
    out += _section("A senior executive", t.executive)
    out += _section("A client in another language", t.other_language)
    if p.sources:
        out += ["---", "", "Draws on: " + "; ".join(md_inline(s) for s in p.sources), ""]
    return "\n".join(out).rstrip() + "\n"


def _section(heading: str, items: Iterable[str]) -> list[str]:
    lines = [f"- {md_inline(item)}" for item in items]
    return [f"### {heading}", "", *lines, ""] if lines else []
