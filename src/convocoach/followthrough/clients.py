"""Sessions grouped by client: every conversation with them, how it went, and what each side
still owes.

A client is a person at a company, the same across sessions whatever the case and spacing
(``sessions.lessons.client_key``); sessions with no client name go under "No client named".
The list of clients is one query over the sessions and their open next steps; whole sessions
are read only for the client being shown (:func:`client_history`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from convocoach.diagnostics import UserError
from convocoach.labels import OUTCOME_LABELS
from convocoach.markdown_text import md_inline
from convocoach.sessions.lessons import client_key
from convocoach.sessions.model import NextStep, Session
from convocoach.sessions.store import SessionStore
from convocoach.sessions.summary_md import owner_label
from convocoach.wording import counted

NO_CLIENT = "No client named"
"""Where sessions with no client name are listed."""
NOT_RECORDED = "Not recorded"
"""The outcome of a conversation whose outcome the user has not recorded yet."""

Side = Literal["us", "client", "other"]
SIDES: dict[Side, str] = {
    "us": "What we owe",
    "client": "What the client owes",
    "other": "What others owe",
}
"""The sides of an open commitment, in the order shown, with their headings."""

ClientKey = tuple[str, str]

# One pass: each session with its client and its open next steps counted (those overdue too).
_LIST_QUERY = """
SELECT s.id, s.uuid, s.title, s.playbook_id, s.client_name, s.client_company,
       s.meeting_date, s.outcome_result, s.sent_at, s.updated_at,
       COUNT(n.id), COALESCE(SUM(n.due != '' AND n.due < ?), 0)
FROM sessions AS s
LEFT JOIN next_steps AS n ON n.session_id = s.id AND n.status = 'open'
GROUP BY s.id
"""


@dataclass(frozen=True, slots=True)
class Conversation:
    """One session with a client, as the list of clients shows it."""

    session_id: int
    uuid: str
    title: str
    playbook_id: str
    meeting_date: str
    result: str
    """agreed, partly, none, escalated; "" until the outcome is recorded."""
    sent_at: str
    """When the follow-up was sent; "" if not yet."""
    open_steps: int
    overdue_steps: int
    company: str = ""
    """The company as typed in this session (under "No client named", it tells them apart)."""

    @property
    def result_label(self) -> str:
        return OUTCOME_LABELS.get(self.result, NOT_RECORDED)

    @property
    def sent(self) -> bool:
        return bool(self.sent_at)

    @property
    def display_title(self) -> str:
        return self.title or "Untitled session"


@dataclass(frozen=True, slots=True)
class ClientGroup:
    """A client and every conversation with them, in meeting-date order."""

    key: ClientKey
    name: str
    """As typed in their most recently changed session."""
    company: str
    conversations: tuple[Conversation, ...]

    @property
    def named(self) -> bool:
        return bool(self.key[1])

    @property
    def label(self) -> str:
        """ "Dana Whitfield, Northwind Retail", "Dana Whitfield" or "No client named"."""
        if not self.named:
            return NO_CLIENT
        return ", ".join(part for part in (self.name, self.company) if part)

    @property
    def open_steps(self) -> int:
        return sum(c.open_steps for c in self.conversations)

    @property
    def overdue_steps(self) -> int:
        return sum(c.overdue_steps for c in self.conversations)

    @property
    def last_meeting(self) -> str:
        """The latest meeting date of their conversations ("" if none has one)."""
        return max((c.meeting_date for c in self.conversations), default="")

    def counts(self) -> str:
        """ "2 conversations · 3 open next steps · 1 overdue"."""
        parts = [counted(len(self.conversations), "conversation")]
        parts.append(counted(self.open_steps, "open next step"))
        if self.overdue_steps:
            parts.append(f"{self.overdue_steps} overdue")
        return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class Commitment:
    """An open next step, with whose it is and whether its day has passed."""

    session_id: int
    session_title: str
    step: NextStep
    side: Side
    owner: str
    """Worded for ourselves: "Us", "The client" or the named person."""
    overdue: bool


@dataclass(frozen=True, slots=True)
class ClientHistory:
    """A client's whole history: their sessions read in full, and what is still open."""

    group: ClientGroup
    sessions: tuple[Session, ...]
    """In meeting-date order (sessions without a date last)."""
    commitments: tuple[Commitment, ...]
    """Open next steps, the earliest due first (those without a date last)."""
    today: date

    def on_side(self, side: Side) -> list[Commitment]:
        return [c for c in self.commitments if c.side == side]


def _conversation_order(conversation: Conversation) -> tuple[bool, str, int]:
    return (not conversation.meeting_date, conversation.meeting_date, conversation.session_id)


def _group_order(group: ClientGroup) -> tuple[bool, str, str]:
    return (not group.named, group.key[0], group.key[1])


def list_clients(store: SessionStore, today: date) -> list[ClientGroup]:
    """Every client, by company and then name ("No client named" last); open next steps due
    before ``today`` count as overdue."""
    rows = store.connection.execute(_LIST_QUERY, (today.isoformat(),)).fetchall()
    members: dict[ClientKey, list[tuple[str, Conversation, str, str]]] = {}
    for sid, uuid, title, playbook, name, company, when, result, sent, updated, n, late in rows:
        key = client_key(name, company) if name.strip() else ("", "")
        conversation = Conversation(
            int(sid), uuid, title, playbook, when, result, sent, int(n), int(late), company
        )
        members.setdefault(key, []).append((updated, conversation, name, company))
    groups = []
    for key, items in members.items():
        # The spelling of their most recently changed session names them.
        _, _, name, company = max(items, key=lambda item: (item[0], item[1].session_id))
        conversations = sorted((item[1] for item in items), key=_conversation_order)
        name, company = (" ".join(name.split()), " ".join(company.split())) if key[1] else ("", "")
        groups.append(ClientGroup(key, name, company, tuple(conversations)))
    return sorted(groups, key=_group_order)


def _side(step: NextStep, client_name: str) -> Side:
    if step.owner_kind == "us":
        return "us"
    if step.owner_kind == "client":
        return "client"
    name = step.owner_name.casefold().split()
    return "client" if name and name == client_name.casefold().split() else "other"


def commitments(sessions: Iterable[Session], today: date) -> list[Commitment]:
    """The open next steps of ``sessions``, the earliest due first (no date last)."""
    found = [
        Commitment(
            session.id,
            session.title or "Untitled session",
            step,
            _side(step, session.client.name),
            owner_label(step),
            bool(step.due) and step.due < today.isoformat(),
        )
        for session in sessions
        for step in session.next_steps
        if step.status == "open"
    ]
    return sorted(found, key=lambda c: (not c.step.due, c.step.due))


def client_history(store: SessionStore, group: ClientGroup, today: date) -> ClientHistory:
    """``group``'s sessions read in full (one deleted since the list was made is left out)."""
    sessions = []
    for conversation in group.conversations:
        try:
            sessions.append(store.get(conversation.session_id))
        except UserError:
            continue
    return ClientHistory(group, tuple(sessions), tuple(commitments(sessions, today)), today)


def find_client(groups: Sequence[ClientGroup], wanted: str) -> ClientGroup:
    """The client named by ``wanted``: a number from the list (1 is the first), or a name or
    company, whole or in part, case and spacing aside. :class:`UserError` if it names none,
    or several."""
    text = " ".join(wanted.casefold().split())
    if text.isdigit():
        number = int(text)
        if 1 <= number <= len(groups):
            return groups[number - 1]
        raise UserError(
            f"there is no client number {number}"
            + (f"; the list goes from 1 to {len(groups)}" if groups else "; there are none yet"),
            "run 'convocoach clients list' to see them",
        )
    if not text:
        raise UserError("no client given", "give a number from 'convocoach clients list' or a name")
    named = [(n, g) for n, g in enumerate(groups, 1) if g.named]
    exact = [(n, g) for n, g in named if text in (g.key[1], g.key[0], _key_label(g))]
    partial = [(n, g) for n, g in named if text in g.key[1] or text in g.key[0]]
    found = exact or partial
    if len(found) == 1:
        return found[0][1]
    if not found:
        raise UserError(
            f"no client matches {wanted!r}", "run 'convocoach clients list' to see them"
        )
    choices = "; ".join(f"{n} {g.label}" for n, g in found[:10])
    more = f" and {len(found) - 10} more" if len(found) > 10 else ""
    raise UserError(
        f"{wanted!r} matches {len(found)} clients: {choices}{more}",
        "give the client's number from the list, or more of the name",
    )


def _key_label(group: ClientGroup) -> str:
    return ", ".join(part for part in (group.key[1], group.key[0]) if part)


def overview_markdown(group: ClientGroup) -> str:
    """A client at a glance, from the list alone: each conversation, how it went, whether
    the follow-up went out, and how many of its next steps are open."""
    out = [f"# {md_inline(group.label)}", "", group.counts(), "", "## Conversations", ""]
    for c in group.conversations:
        parts = [c.meeting_date or "no date", c.result_label]
        parts.append("follow-up sent" if c.sent else "follow-up not sent")
        if c.open_steps:
            late = f", {c.overdue_steps} overdue" if c.overdue_steps else ""
            parts.append(f"{counted(c.open_steps, 'open next step')}{late}")
        company = f" ({md_inline(c.company)})" if not group.named and c.company.strip() else ""
        out.append(f"- **{md_inline(c.display_title)}**{company}: {md_inline(' · '.join(parts))}")
    return "\n".join(out) + "\n"
