"""A client's history as files: Markdown to read, CSV of the next steps for a spreadsheet or
a CRM, and one calendar file with every dated next step as a to-do.

Text people typed goes into the Markdown as data (``markdown_text``), into the CSV guarded
against formulas, and into the calendar through the calendar library, which escapes and
folds it (RFC 5545).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, datetime, time, timezone
from pathlib import Path

from convocoach.atomicfile import write_bytes_atomic
from convocoach.filenames import slug
from convocoach.followthrough.clients import NO_CLIENT, ClientHistory
from convocoach.followup.eml import header_safe
from convocoach.labels import OUTCOME_LABELS
from convocoach.markdown_text import md_inline, md_lines
from convocoach.sessions.model import NextStep, Session, StepMove
from convocoach.sessions.summary_md import owner_label
from convocoach.wording import counted

CLIENT_FORMATS: dict[str, str] = {
    "md": "Markdown, every conversation (.md)",
    "csv": "CSV of the next steps, for a spreadsheet or CRM (.csv)",
    "ics": "Calendar to-dos of the dated next steps (.ics)",
}
"""The formats of a client's history, with the labels the app's export form shows."""

CSV_COLUMNS = (
    "client",
    "company",
    "session",
    "meeting_date",
    "action",
    "owner",
    "due",
    "status",
    "done_on",
    "created_on",
    "moves",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MARKS = {"open": "[ ]", "done": "[x]", "dropped": "[-]"}


def history_stem(history: ClientHistory) -> str:
    """A file name stem, e.g. ``dana-whitfield-northwind-retail-history``."""
    return f"{slug(history.group.label, 'client')}-history"


# --- Markdown ---------------------------------------------------------------------------------


def _lines(text: str) -> str:
    """Several lines kept as hard breaks, indented to stay inside a list item."""
    return md_lines(text).replace("\n", "\n  ")


def move_words(move: StepMove) -> str:
    """ "moved from 2026-11-27 to 2026-12-04 on 2026-11-25: legal review"."""
    old = move.old_due or "no date"
    new = move.new_due or "no date"
    return f"moved from {old} to {new} on {move.moved_on}" + (
        f": {move.reason}" if move.reason else ""
    )


def _step_line(step: NextStep, today: date) -> str:
    due = f", due {step.due}" if step.due else ""
    mark = _MARKS.get(step.status, "[ ]")
    head = f"- {mark} {md_inline(step.action)} ({md_inline(owner_label(step))}{due})"
    if step.status == "done":
        status = f"done on {step.done_on}" if step.done_on else "done"
    elif step.status == "dropped":
        status = "dropped"
    else:
        status = "open, overdue" if step.due and step.due < today.isoformat() else "open"
    lines = [f"{head}: {status}"]
    lines += [f"  - {md_inline(move_words(move))}" for move in step.moves]
    return "\n".join(lines)


def _outcome(session: Session) -> list[str]:
    o = session.outcome
    out = [f"- **Outcome:** {OUTCOME_LABELS.get(o.result, 'not recorded')}"]
    if o.reaction.strip():
        out.append(f"- **Their reaction:** {md_inline(o.reaction)}")
    if o.worked.strip():
        out.append(f"- **What worked:** {_lines(o.worked)}")
    if o.change.strip():
        out.append(f"- **What to change:** {_lines(o.change)}")
    sent = f"sent on {session.sent_at[:10]}" if session.sent_at else "not sent"
    out.append(f"- **Follow-up email:** {sent}")
    return out


def _conversation(session: Session, today: date) -> list[str]:
    when = session.meeting.date or "No meeting date"
    out = [f"## {when}: {md_inline(session.title or 'Untitled session')}", ""]
    out.append(f"- **Playbook:** {md_inline(session.playbook_id)}")
    if session.client.company.strip() and not session.client.name.strip():
        out.append(f"- **Company:** {md_inline(session.client.company)}")
    out += _outcome(session)
    out.append("")
    if session.next_steps:
        out += ["### Next steps", ""]
        out += [_step_line(step, today) for step in session.next_steps]
        out.append("")
    return out


def client_markdown(history: ClientHistory) -> str:
    """Every conversation with the client in date order, its outcome and its next steps."""
    group = history.group
    title = group.label if group.named else NO_CLIENT
    overdue = sum(1 for c in history.commitments if c.overdue)
    summary = (
        f"{counted(len(history.sessions), 'conversation')}, "
        f"{counted(len(history.commitments), 'open next step')}"
        + (f" ({overdue} overdue)" if overdue else "")
        + f" on {history.today.isoformat()}"
    )
    out = [f"# {md_inline(title)}", "", f"*Client history: {summary}.*", ""]
    for session in history.sessions:
        out += _conversation(session, history.today)
    return "\n".join(out).rstrip() + "\n"


# --- CSV --------------------------------------------------------------------------------------


def _cell(value: str) -> str:
    # A spreadsheet runs a cell that starts with = + - or @ as a formula (and some also after
    # a leading tab or carriage return): "=HYPERLINK(...)" typed as a next step would become a
    # live link or worse in the user's spreadsheet. Such a cell is prefixed with a single
    # quote, which spreadsheets take as "this is text" (OWASP's advice on CSV injection).
    return "'" + value if value.startswith(_FORMULA_START) else value


def _who(history: ClientHistory, session: Session) -> tuple[str, str]:
    """The client's name and company, spelt the same on every row (the company of each
    session under "No client named")."""
    group = history.group
    if group.named:
        return group.name, group.company
    return "", " ".join(session.client.company.split())


def client_csv(history: ClientHistory) -> bytes:
    """One row per next step of every conversation (UTF-8 with a byte-order mark, so that
    Excel reads accented names right; CRLF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for session in history.sessions:
        for step in session.next_steps:
            row = (
                *_who(history, session),
                session.title or "Untitled session",
                session.meeting.date,
                step.action,
                owner_label(step),
                step.due,
                step.status,
                step.done_on,
                step.created_on,
                "; ".join(move_words(move) for move in step.moves),
            )
            writer.writerow([_cell(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


# --- Calendar ---------------------------------------------------------------------------------


def step_uid(session: Session, position: int) -> str:
    """A to-do's UID, the same in every export: the session's uuid and the step's place."""
    return f"{session.uuid}-step-{position + 1}@convocoach"


def _description(history: ClientHistory, session: Session, step: NextStep) -> str:
    name, company = _who(history, session)
    lines = [
        f"Client: {name or NO_CLIENT}" + (f", {company}" if company else ""),
        f"Conversation: {session.title or 'Untitled session'}"
        + (f" ({session.meeting.date})" if session.meeting.date else ""),
        f"Owner: {owner_label(step)}",
    ]
    lines += [f"Due date {move_words(move)}" for move in step.moves]
    return "\n".join(lines)


def client_ics(history: ClientHistory, stamp: datetime) -> bytes:
    """Every next step with a due date as a VTODO: DUE on its day, done ones COMPLETED,
    dropped ones CANCELLED. ``stamp`` is the DTSTAMP (when the file was made)."""
    # Lazy: icalendar (about 50 ms) only when a calendar file is written; listing clients
    # and the other formats do without it.
    from icalendar import Calendar, Todo

    cal = Calendar()
    cal.add("prodid", "-//convocoach//client history//EN")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")  # a saved file, not a scheduling message (see followup.ics)
    cal.add("x-wr-calname", header_safe(f"Next steps: {history.group.label}"))
    utc_stamp = stamp.astimezone(timezone.utc)
    for session in history.sessions:
        for position, step in enumerate(session.next_steps):
            if not step.due:
                continue
            todo = Todo()
            todo.add("uid", step_uid(session, position))
            todo.add("dtstamp", utc_stamp)
            todo.add("summary", header_safe(step.action) or "Next step")
            todo.add("description", _description(history, session, step))
            todo.add("due", date.fromisoformat(step.due))
            if step.status == "done":
                todo.add("status", "COMPLETED")
                if step.done_on:
                    # COMPLETED is a UTC date-time; midday keeps the day the same in most zones.
                    done = datetime.combine(date.fromisoformat(step.done_on), time(12))
                    todo.add("completed", done.replace(tzinfo=timezone.utc))
                todo.add("percent-complete", 100)
            elif step.status == "dropped":
                todo.add("status", "CANCELLED")
            else:
                todo.add("status", "NEEDS-ACTION")
            cal.add_component(todo)
    data: bytes = cal.to_ical()
    return data


# --- files ------------------------------------------------------------------------------------


def render_history(history: ClientHistory, fmt: str, stamp: datetime) -> bytes:
    """The history in one of :data:`CLIENT_FORMATS`."""
    makers: dict[str, Callable[[], bytes]] = {
        "md": lambda: client_markdown(history).encode("utf-8"),
        "csv": lambda: client_csv(history),
        "ics": lambda: client_ics(history, stamp),
    }
    if fmt not in makers:
        raise ValueError(f"unknown format {fmt!r}")
    return makers[fmt]()


def write_history(
    folder: Path, formats: tuple[str, ...], history: ClientHistory, stamp: datetime
) -> list[Path]:
    """Write the history into ``folder``, one file per format, each atomically."""
    stem = history_stem(history)
    made = {fmt: render_history(history, fmt, stamp) for fmt in formats}
    written = []
    for fmt, data in made.items():
        path = folder / f"{stem}.{fmt}"
        write_bytes_atomic(path, data)
        written.append(path)
    return written
