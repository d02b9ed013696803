"""A session as readable Markdown, for ``sessions show`` and ``export --format md``."""

from __future__ import annotations

from convocoach.labels import CADENCE_LABELS, CHANNEL_LABELS, OUTCOME_LABELS
from convocoach.markdown_text import md_inline
from convocoach.sessions.model import NextStep, Session, case_lines

OWNER_LABELS = {"us": "Us", "client": "The client"}


def owner_label(step: NextStep) -> str:
    return step.owner_name if step.owner_kind == "person" else OWNER_LABELS[step.owner_kind]


def session_markdown(session: Session) -> str:
    s = session
    c, m = s.client, s.meeting
    who = ", ".join(part for part in (c.name, c.role, c.company) if part) or "not set"
    when = " ".join(part for part in (m.date, m.time) if part) or "not set"
    out = [
        f"# {md_inline(s.title or 'Untitled session')}",
        "",
        f"- **Playbook:** {md_inline(s.playbook_id)}",
        f"- **Client:** {md_inline(who)}" + (f", {md_inline(c.email)}" if c.email else ""),
        f"- **Meeting:** {md_inline(when)}, {m.duration_min} min, "
        f"{CHANNEL_LABELS.get(m.channel, m.channel)}"
        + (f", {md_inline(m.place)}" if m.place else ""),
        f"- **Check-ins:** {CADENCE_LABELS.get(s.cadence, s.cadence)}"
        + (f", next on {s.next_checkin}" if s.next_checkin else "")
        + (f", until {s.checkin_until}" if s.checkin_until else ""),
        "",
    ]
    if s.stakes.strip():
        out += ["## What is at stake", "", md_inline(s.stakes), ""]
    if case_lines(s):
        out += [
            "## The case in figures",
            "",
            *[f"- **{label}:** {md_inline(value)}" for label, value in case_lines(s)],
            "",
        ]
    if s.answers:
        out += ["## Preparation", ""]
        for a in s.answers:
            out.append(f"- *{md_inline(a.prompt)}* {md_inline(a.answer)}")
        out.append("")
    if s.phrases:
        out += ["## Phrases to use", "", *[f"- {md_inline(p)}" for p in s.phrases], ""]
    if s.points:
        out += ["## Discussion points", "", *[f"- {md_inline(p)}" for p in s.points], ""]
    if s.next_steps:
        out += ["## Next steps", ""]
        for step in s.next_steps:
            due = f", by {step.due}" if step.due else ""
            mark = {"open": "[ ]", "done": "[x]", "dropped": "[-]"}[step.status]
            done = f", done on {step.done_on}" if step.status == "done" and step.done_on else ""
            out.append(
                f"- {mark} {md_inline(step.action)} ({md_inline(owner_label(step))}{due}{done})"
            )
            out += [
                f"  - moved on {move.moved_on} from {move.old_due or 'no date'} to "
                f"{move.new_due}: {md_inline(move.reason)}"
                for move in step.moves
            ]
        out.append("")
    out += _after_the_meeting(s)
    if s.notes.strip():
        out += ["## Notes", "", md_inline(s.notes), ""]
    return "\n".join(out).rstrip() + "\n"


def _after_the_meeting(s: Session) -> list[str]:
    o = s.outcome
    lines = []
    if s.sent_at:
        lines.append(f"- **Follow-up sent:** {s.sent_at}")
    if s.checkins:
        lines.append("- **Check-ins held:** " + ", ".join(c.due_on for c in s.checkins))
    if o.result:
        lines.append(f"- **How it went:** {OUTCOME_LABELS.get(o.result, o.result)}")
    for label, text in (
        ("The client's reaction", o.reaction),
        ("What worked", o.worked),
        ("What to change", o.change),
    ):
        if text.strip():
            lines.append(f"- **{label}:** {md_inline(text)}")
    if o.came_up:
        lines.append("- **Prepared questions that came up:**")
        lines += [f"  - {md_inline(question)}" for question in o.came_up]
    return ["## After the meeting", "", *lines, ""] if lines else []
