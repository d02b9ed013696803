"""A session as the rest of convocoach sees it: the client, the meeting, the plan, the agreement.

Each field is also a key of the session exchange file (``fileformat.py``), declared once
here with its kind of value, description and default.
"""

from __future__ import annotations

import re
from datetime import date, time
from typing import Literal

import yaml

from convocoach.labels import CADENCE_LABELS, CHANNEL_LABELS
from convocoach.languages import EMAIL_REGISTERS
from convocoach.rehearsal.case import SESSION_FACTS
from convocoach.schema import (
    EMAIL,
    Checked,
    Choice,
    Conversion,
    Formatted,
    Integer,
    ListOf,
    Record,
    Text,
    spec_dataclass,
    spec_field,
)
from convocoach.sessions import limits
from convocoach.sessions.email_choice import language_problem
from convocoach.sessions.file_fields import PLAYBOOK_ID, TEXT, TIMESTAMP
from convocoach.sessions.template_name import TEMPLATE_NAME, TEMPLATE_NAME_HINT

OwnerKind = Literal["us", "client", "person"]
StepStatus = Literal["open", "done", "dropped"]
OutcomeResult = Literal["agreed", "partly", "none", "escalated"]
TechLevel = Literal["low", "medium", "high"]
Seniority = Literal["staff", "manager", "director", "executive"]

OWNER_KINDS: tuple[str, ...] = ("us", "client", "person")
STEP_STATUSES: tuple[str, ...] = ("open", "done", "dropped")
OUTCOME_RESULTS: tuple[OutcomeResult, ...] = ("agreed", "partly", "none", "escalated")
TECH_LEVELS: tuple[str, ...] = ("low", "medium", "high")
SENIORITIES: tuple[str, ...] = ("staff", "manager", "director", "executive")

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_line = Text(max_length=limits.LINE, one_line=True, allow_empty=True, strip=False)
_phrase = Text(max_length=limits.PHRASE, allow_empty=True, strip=False)
_date = Formatted(re.compile(r"\d{4}-\d{2}-\d{2}"), "a date like 2026-11-27", date.fromisoformat)
_time = Formatted(re.compile(r"\d{2}:\d{2}"), "a 24-hour time like 09:30", time.fromisoformat)


@spec_dataclass
class Client:
    name: str = spec_field(_line, "The person's name.", default="")
    company: str = spec_field(_line, "Their organisation.", default="")
    role: str = spec_field(_line, "Their role or job title.", default="")
    seniority: str = spec_field(
        Choice(SENIORITIES), "staff, manager, director or executive.", default="manager"
    )
    tech_level: str = spec_field(
        Choice(TECH_LEVELS), "How technical they are: low, medium, high.", default="medium"
    )
    language: str = spec_field(
        _line, "Preferred language (a tag like en, fr, pt-BR).", default="en"
    )
    email: str = spec_field(EMAIL, "Their email address (one).", default="")


CLIENT = Record.of(Client, "Client", "Who you are meeting.")


@spec_dataclass
class Meeting:
    date: str = spec_field(_date, "Meeting date.", default="")
    """ISO date (YYYY-MM-DD), or empty when not set yet."""
    time: str = spec_field(_time, "Start time, in the sender's time zone.", default="")
    """24-hour HH:MM in the sender's time zone, or empty."""
    duration_min: int = spec_field(Integer(5, 600), "Length in minutes.", default=60)
    channel: str = spec_field(
        Choice(tuple(CHANNEL_LABELS)), "in_person, video, phone or email.", default="video"
    )
    place: str = spec_field(_line, "Where (a room, a video link).", default="")


MEETING = Record.of(Meeting, "Meeting", "When and how you meet.")


@spec_dataclass
class Case:
    """The facts the conversation turns on, as the user writes them ("£4,100", "14 March");
    the role-play's client speaks them (empty: not known yet)."""

    old_date: str = spec_field(_line, "The date first agreed.", default="")
    new_date: str = spec_field(_line, "The new date.", default="")
    delay: str = spec_field(_line, "How long the delay is.", default="")
    old_price: str = spec_field(_line, "The price until now.", default="")
    new_price: str = spec_field(_line, "The new price.", default="")
    amount: str = spec_field(
        _line, "The amount at stake (an invoice, an overrun, a budget gap).", default=""
    )
    out_of_scope: str = spec_field(_line, "What is out of scope.", default="")


CASE = Record.of(Case, "Case", "The facts the conversation turns on, as you would say them.")


def case_lines(session: Session) -> list[tuple[str, str]]:
    """The case's facts the user has given, labelled, in the Prepare step's order."""
    return [
        (fact.label, getattr(session.case, fact.name).strip())
        for fact in SESSION_FACTS
        if getattr(session.case, fact.name).strip()
    ]


@spec_dataclass
class Answer:
    section: str = spec_field(
        Text(max_length=limits.SHORT, one_line=True), "Playbook section.", required=True
    )
    position: int = spec_field(
        Integer(0, 999), "Index of the prompt in its section.", required=True
    )
    prompt: str = spec_field(
        Text(max_length=limits.PROMPT, allow_empty=True, strip=False),
        "The prompt as it read when answered.",
    )
    answer: str = spec_field(
        Text(max_length=limits.PROSE, allow_empty=True, strip=False), "Your answer.", required=True
    )


ANSWER = Record.of(Answer, "Answer", "Your answer to one preparation prompt.")


@spec_dataclass
class StepMove:
    """A next step's due date moved, and why (the next check-in email says so)."""

    moved_on: str = spec_field(_date, "The day it was moved.", required=True)
    old_due: str = spec_field(_date, "The due date before.", default="")
    new_due: str = spec_field(_date, "The due date after.", default="")
    reason: str = spec_field(_line, "Why it moved.", default="")


STEP_MOVE = Record.of(StepMove, "Move", "A next step's due date moved, with the reason.")


@spec_dataclass
class NextStep:
    action: str = spec_field(
        Text(max_length=limits.ACTION, allow_empty=True, strip=False),
        "What will be done.",
        required=True,
    )
    owner_kind: str = spec_field(Choice(OWNER_KINDS), "us, client or person.", default="us")
    owner_name: str = spec_field(_line, "The named person, when owner_kind is person.", default="")
    due: str = spec_field(_date, "Due date.", default="")
    status: str = spec_field(Choice(STEP_STATUSES), "open, done or dropped.", default="open")
    done_on: str = spec_field(_date, "The day it was done (status done).", default="")
    created_on: str = spec_field(_date, "The day it was agreed or added.", default="")
    moves: tuple[StepMove, ...] = spec_field(
        ListOf(STEP_MOVE, max_items=limits.MOVES), "Each time its due date moved.", default=()
    )
    id: int = 0
    """Database id; 0 for a step not stored yet (not in the exchange file)."""


NEXT_STEP = Record.of(NextStep, "Next step", "An agreed action with its owner and date.")


_result = Formatted(
    re.compile("|".join(OUTCOME_RESULTS)), "agreed, partly, none or escalated (empty: not recorded)"
)


@spec_dataclass
class Outcome:
    """How the real meeting went, recorded after it."""

    result: str = spec_field(
        _result, "agreed, partly (agreed), none (no agreement) or escalated.", default=""
    )
    """Empty until the user records the outcome."""
    reaction: str = spec_field(_line, "The client's reaction, in a sentence.", default="")
    worked: str = spec_field(TEXT, "What worked.", default="")
    change: str = spec_field(TEXT, "What to change next time (becomes a lesson).", default="")
    came_up: tuple[str, ...] = spec_field(
        ListOf(
            Text(max_length=limits.PROMPT, allow_empty=True, strip=False),
            max_items=limits.CAME_UP,
        ),
        "The prepared questions that actually came up, as they read.",
        default=(),
    )
    recorded_at: str = spec_field(TIMESTAMP, "When the outcome was recorded.", default="")


OUTCOME = Record.of(Outcome, "Outcome", "How the meeting went.")


@spec_dataclass
class Checkin:
    """A check-in that came due at the session's cadence, and when the user marked it done."""

    due_on: str = spec_field(_date, "The day it came due.", required=True)
    done_at: str = spec_field(TIMESTAMP, "When it was marked done.", default="")


CHECKIN = Record.of(Checkin, "Check-in", "A check-in held.")


def _points_fit(points: tuple[str, ...], node: yaml.Node, ctx: Conversion, path: str) -> object:
    # The Agree step edits the points as one box of lines; the box's limit is for them all.
    length = len("\n".join(points))
    if length > limits.PROSE:
        return ctx.report(
            node,
            path,
            f"the points are {length:,} characters long together; the limit is {limits.PROSE:,}",
            "shorten them",
            "too-long",
        )
    return None


def _writable(tag: str, node: yaml.Node, ctx: Conversion, path: str) -> object:
    problem = language_problem(tag)
    if problem:
        return ctx.report(
            node, path, problem, "leave it empty to follow the client's language", "language"
        )
    return None


_email_language = Checked(
    Text(max_length=limits.SHORT, one_line=True, allow_empty=True, strip=False), _writable
)


@spec_dataclass
class Session:
    """Everything a user prepared and agreed for one conversation."""

    uuid: str = spec_field(
        Text(max_length=36, pattern=_UUID, pattern_hint="a UUID"),
        "Identifies the session across machines.",
        required=True,
    )
    playbook_id: str = spec_field(PLAYBOOK_ID, "The playbook this session follows.", required=True)
    playbook_digest: str = spec_field(
        Text(max_length=64, allow_empty=True),
        "SHA-256 of the playbook file when the session was prepared.",
        default="",
    )
    title: str = spec_field(_line, "A name for the session.", default="")
    client: Client = spec_field(CLIENT, "Who you are meeting.", default=Client())
    meeting: Meeting = spec_field(MEETING, "When and how.", default=Meeting())
    stakes: str = spec_field(TEXT, "What is at stake.", default="")
    case: Case = spec_field(CASE, "The facts the conversation turns on.", default=Case())
    answers: tuple[Answer, ...] = spec_field(
        ListOf(ANSWER, max_items=limits.ANSWERS), "Preparation answers.", default=()
    )
    phrases: tuple[str, ...] = spec_field(
        ListOf(_phrase, max_items=limits.PHRASES), "Empathy phrases chosen to use.", default=()
    )
    points: tuple[str, ...] = spec_field(
        Checked(ListOf(TEXT, max_items=limits.POINTS), _points_fit),
        f"Discussion points, at most {limits.PROSE:,} characters together.",
        default=(),
    )
    next_steps: tuple[NextStep, ...] = spec_field(
        ListOf(NEXT_STEP, max_items=limits.NEXT_STEPS), "Agreed next steps.", default=()
    )
    cadence: str = spec_field(Choice(tuple(CADENCE_LABELS)), "Check-in cadence.", default="weekly")
    next_checkin: str = spec_field(_date, "Date of the next check-in.", default="")
    checkin_until: str = spec_field(
        _date, "Last day the check-ins repeat; empty: three months of them.", default=""
    )
    """The last day the check-ins repeat (ISO date); empty means three months of them."""
    notes: str = spec_field(TEXT, "Free notes.", default="")
    step: str = spec_field(
        Text(max_length=limits.SHORT, one_line=True), "The step to resume at.", default="situation"
    )
    template: str = spec_field(
        Text(
            max_length=limits.TEMPLATE_NAME_MAX,
            one_line=True,
            pattern=TEMPLATE_NAME,
            pattern_hint=TEMPLATE_NAME_HINT,
        ),
        "The follow-up template's name.",
        default="standard",
    )
    """The follow-up template's name."""
    email_draft: str = spec_field(
        Text(max_length=limits.EMAIL, allow_empty=True, strip=False),
        "Your own edit of the follow-up email (Markdown).",
        default="",
    )
    """The user's own edit of the follow-up (Markdown); empty means render the template."""
    email_language: str = spec_field(
        _email_language,
        "The language of the emails (a tag like de, fr, pt-BR); empty: the client's language.",
        default="",
    )
    """The user's choice of language for this session's emails; empty follows the client's."""
    email_register: str = spec_field(
        Choice(EMAIL_REGISTERS),
        "How the emails address the client: formal (the default) or informal.",
        default="formal",
    )
    exported_at: str = spec_field(
        TIMESTAMP, "When the follow-up was last saved or copied.", default=""
    )
    """When the follow-up was last saved to files or copied; empty if never."""
    sent_at: str = spec_field(TIMESTAMP, "When the follow-up email was sent.", default="")
    """When the user says the follow-up went out; empty if not yet."""
    outcome: Outcome = spec_field(OUTCOME, "How the meeting went.", default=Outcome())
    checkins: tuple[Checkin, ...] = spec_field(
        ListOf(CHECKIN, max_items=limits.CHECKINS), "Check-ins held.", default=()
    )
    created_at: str = spec_field(TIMESTAMP, "When the session was created.", default="")
    updated_at: str = spec_field(TIMESTAMP, "When it last changed.", default="")
    id: int = 0
    """Local database id (what the CLI shows); not part of an export."""
