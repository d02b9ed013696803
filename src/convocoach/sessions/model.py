"""A session as the rest of convocoach sees it: the client, the meeting, the plan, the agreement."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from convocoach.rehearsal.case import SESSION_FACTS

OwnerKind = Literal["us", "client", "person"]
StepStatus = Literal["open", "done", "dropped"]
TechLevel = Literal["low", "medium", "high"]
Seniority = Literal["staff", "manager", "director", "executive"]

OWNER_KINDS: tuple[str, ...] = ("us", "client", "person")
STEP_STATUSES: tuple[str, ...] = ("open", "done", "dropped")
TECH_LEVELS: tuple[str, ...] = ("low", "medium", "high")
SENIORITIES: tuple[str, ...] = ("staff", "manager", "director", "executive")


@dataclass(frozen=True, slots=True)
class Client:
    name: str = ""
    company: str = ""
    role: str = ""
    seniority: str = "manager"
    tech_level: str = "medium"
    language: str = "en"
    email: str = ""


@dataclass(frozen=True, slots=True)
class Meeting:
    date: str = ""
    """ISO date (YYYY-MM-DD), or empty when not set yet."""
    time: str = ""
    """24-hour HH:MM in the sender's time zone, or empty."""
    duration_min: int = 60
    channel: str = "video"
    place: str = ""


@dataclass(frozen=True, slots=True)
class Case:
    """The facts the conversation turns on, as the user writes them ("£4,100", "14 March");
    the role-play's client speaks them (empty: not known yet)."""

    old_date: str = ""
    new_date: str = ""
    delay: str = ""
    old_price: str = ""
    new_price: str = ""
    amount: str = ""
    out_of_scope: str = ""


def case_lines(session: Session) -> list[tuple[str, str]]:
    """The case's facts the user has given, labelled, in the Prepare step's order."""
    return [
        (fact.label, getattr(session.case, fact.name).strip())
        for fact in SESSION_FACTS
        if getattr(session.case, fact.name).strip()
    ]


@dataclass(frozen=True, slots=True)
class Answer:
    section: str
    position: int
    prompt: str
    answer: str


@dataclass(frozen=True, slots=True)
class NextStep:
    action: str
    owner_kind: str = "us"
    owner_name: str = ""
    due: str = ""
    status: str = "open"
    id: int = 0
    """Database id; 0 for a step not stored yet."""


@dataclass(frozen=True, slots=True)
class Session:
    """Everything a user prepared and agreed for one conversation."""

    uuid: str
    playbook_id: str
    playbook_digest: str = ""
    title: str = ""
    client: Client = field(default_factory=Client)
    meeting: Meeting = field(default_factory=Meeting)
    stakes: str = ""
    case: Case = field(default_factory=Case)
    answers: tuple[Answer, ...] = ()
    phrases: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    next_steps: tuple[NextStep, ...] = ()
    cadence: str = "weekly"
    next_checkin: str = ""
    checkin_until: str = ""
    """The last day the check-ins repeat (ISO date); empty means three months of them."""
    notes: str = ""
    step: str = "situation"
    template: str = "standard"
    """The follow-up template's name."""
    email_draft: str = ""
    """The user's own edit of the follow-up (Markdown); empty means render the template."""
    exported_at: str = ""
    """When the follow-up was last saved to files or copied; empty if never."""
    created_at: str = ""
    updated_at: str = ""
    id: int = 0
    """Local database id (what the CLI shows); not part of an export."""
