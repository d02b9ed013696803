"""The session exchange file (YAML or JSON): what ``sessions export`` writes and ``import`` reads.

Defined with the same schema machinery as playbooks, so an imported file gets the same
precise errors (file, line, column, field, fix) and nothing is stored unless all is valid.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, time
from typing import Any

import yaml

from convocoach.diagnostics import InvalidFile, Problem, UserError
from convocoach.playbooks.model import CADENCE_LABELS, CHANNEL_LABELS
from convocoach.schema import (
    INVALID,
    Choice,
    Context,
    Field,
    Formatted,
    Integer,
    ListOf,
    Record,
    Text,
    convert_document,
    refuse_newer_format,
)
from convocoach.schema_kinds import EMAIL, Checked
from convocoach.sessions import limits, model
from convocoach.sessions.file_fields import PLAYBOOK_ID, TEXT, TIMESTAMP
from convocoach.sessions.rehearsal_file import REHEARSAL, rehearsal_to_data
from convocoach.sessions.rehearsals import SavedRehearsal
from convocoach.sessions.template_name import TEMPLATE_NAME, TEMPLATE_NAME_HINT
from convocoach.yamlsafe import compose_bytes

FILE_VERSION = 4
"""2 added the session's rehearsals, 3 the end of the check-ins, 4 the case's facts; older
files import as before."""
SESSION_MAX_BYTES = 32 * 1024 * 1024
"""An exchange file's size limit: import must take whatever export wrote. A session with every
text and list at its limit (``limits``) writes at most ``limits.max_chars()`` characters of 7
bytes each, about 25 MB; the rest is room for its rehearsals."""
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

_line = Text(max_length=limits.LINE, one_line=True, allow_empty=True, strip=False)
_phrase = Text(max_length=limits.PHRASE, allow_empty=True, strip=False)
_date = Formatted(re.compile(r"\d{4}-\d{2}-\d{2}"), "a date like 2026-11-27", date.fromisoformat)
_time = Formatted(re.compile(r"\d{2}:\d{2}"), "a 24-hour time like 09:30", time.fromisoformat)


def _points_fit(points: tuple[str, ...], node: yaml.Node, ctx: Context, path: str) -> object:
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


CLIENT = Record(
    "Client",
    "Who you are meeting.",
    (
        Field("name", _line, "The person's name."),
        Field("company", _line, "Their organisation."),
        Field("role", _line, "Their role or job title."),
        Field(
            "seniority",
            Choice(model.SENIORITIES),
            "staff, manager, director or executive.",
            default="manager",
        ),
        Field(
            "tech_level",
            Choice(model.TECH_LEVELS),
            "How technical they are: low, medium, high.",
            default="medium",
        ),
        Field("language", _line, "Preferred language (a tag like en, fr, pt-BR).", default="en"),
        Field("email", EMAIL, "Their email address (one)."),
    ),
    model.Client,
)

MEETING = Record(
    "Meeting",
    "When and how you meet.",
    (
        Field("date", _date, "Meeting date."),
        Field("time", _time, "Start time, in the sender's time zone."),
        Field("duration_min", Integer(5, 600), "Length in minutes.", default=60),
        Field(
            "channel",
            Choice(tuple(CHANNEL_LABELS)),
            "in_person, video, phone or email.",
            default="video",
        ),
        Field("place", _line, "Where (a room, a video link)."),
    ),
    model.Meeting,
)

CASE = Record(
    "Case",
    "The facts the conversation turns on, as you would say them.",
    (
        Field("old_date", _line, "The date first agreed."),
        Field("new_date", _line, "The new date."),
        Field("delay", _line, "How long the delay is."),
        Field("old_price", _line, "The price until now."),
        Field("new_price", _line, "The new price."),
        Field("amount", _line, "The amount at stake (an invoice, an overrun, a budget gap)."),
        Field("out_of_scope", _line, "What is out of scope."),
    ),
    model.Case,
)

ANSWER = Record(
    "Answer",
    "Your answer to one preparation prompt.",
    (
        Field(
            "section",
            Text(max_length=limits.SHORT, one_line=True),
            "Playbook section.",
            required=True,
        ),
        Field("position", Integer(0, 999), "Index of the prompt in its section.", required=True),
        Field(
            "prompt",
            Text(max_length=limits.PROMPT, allow_empty=True, strip=False),
            "The prompt as it read when answered.",
        ),
        Field(
            "answer",
            Text(max_length=limits.PROSE, allow_empty=True, strip=False),
            "Your answer.",
            required=True,
        ),
    ),
    model.Answer,
)

NEXT_STEP = Record(
    "Next step",
    "An agreed action with its owner and date.",
    (
        Field(
            "action",
            Text(max_length=limits.ACTION, allow_empty=True, strip=False),
            "What will be done.",
            required=True,
        ),
        Field("owner_kind", Choice(model.OWNER_KINDS), "us, client or person.", default="us"),
        Field("owner_name", _line, "The named person, when owner_kind is person."),
        Field("due", _date, "Due date."),
        Field("status", Choice(model.STEP_STATUSES), "open, done or dropped.", default="open"),
    ),
    lambda **kw: model.NextStep(**kw),
)

SESSION = Record(
    "convocoach session",
    "A prepared client conversation.",
    (
        Field(
            "convocoach_session",
            Integer(1, FILE_VERSION),
            f"File format version; write {FILE_VERSION}.",
            required=True,
        ),
        Field(
            "uuid",
            Text(max_length=36, pattern=_UUID, pattern_hint="a UUID"),
            "Identifies the session across machines.",
            required=True,
        ),
        Field("playbook_id", PLAYBOOK_ID, "The playbook this session follows.", required=True),
        Field(
            "playbook_digest",
            Text(max_length=64, allow_empty=True),
            "SHA-256 of the playbook file when the session was prepared.",
        ),
        Field("title", _line, "A name for the session."),
        Field("client", CLIENT, "Who you are meeting."),
        Field("meeting", MEETING, "When and how."),
        Field("stakes", TEXT, "What is at stake."),
        Field("case", CASE, "The facts the conversation turns on."),
        Field("answers", ListOf(ANSWER, max_items=limits.ANSWERS), "Preparation answers."),
        Field(
            "phrases", ListOf(_phrase, max_items=limits.PHRASES), "Empathy phrases chosen to use."
        ),
        Field(
            "points",
            Checked(ListOf(TEXT, max_items=limits.POINTS), _points_fit),
            f"Discussion points, at most {limits.PROSE:,} characters together.",
        ),
        Field("next_steps", ListOf(NEXT_STEP, max_items=limits.NEXT_STEPS), "Agreed next steps."),
        Field("cadence", Choice(tuple(CADENCE_LABELS)), "Check-in cadence.", default="weekly"),
        Field("next_checkin", _date, "Date of the next check-in."),
        Field(
            "checkin_until", _date, "Last day the check-ins repeat; empty: three months of them."
        ),
        Field("notes", TEXT, "Free notes."),
        Field(
            "step",
            Text(max_length=limits.SHORT, one_line=True),
            "The step to resume at.",
            default="situation",
        ),
        Field(
            "template",
            Text(
                max_length=limits.TEMPLATE_NAME_MAX,
                one_line=True,
                pattern=TEMPLATE_NAME,
                pattern_hint=TEMPLATE_NAME_HINT,
            ),
            "The follow-up template's name.",
            default="standard",
        ),
        Field(
            "email_draft",
            Text(max_length=limits.EMAIL, allow_empty=True, strip=False),
            "Your own edit of the follow-up email (Markdown).",
        ),
        Field("exported_at", TIMESTAMP, "When the follow-up was last saved or copied."),
        Field("created_at", TIMESTAMP, "When the session was created."),
        Field("updated_at", TIMESTAMP, "When it last changed."),
        Field(
            "rehearsals",
            ListOf(REHEARSAL, max_items=limits.REHEARSALS),
            "Role-plays, with every reply.",
        ),
    ),
    lambda convocoach_session, rehearsals, **kw: SessionFile(model.Session(**kw), rehearsals),
)


@dataclass(frozen=True, slots=True)
class SessionFile:
    """What an exchange file holds: the session, and its rehearsals."""

    session: model.Session
    rehearsals: tuple[SavedRehearsal, ...] = ()


def session_to_data(
    session: model.Session, rehearsals: Sequence[SavedRehearsal] = ()
) -> dict[str, Any]:
    """The session as plain data in file order (no local database ids)."""
    data = asdict(session)
    data.pop("id")
    for step in data["next_steps"]:
        step.pop("id")
    return {
        "convocoach_session": FILE_VERSION,
        **data,
        "rehearsals": [rehearsal_to_data(r) for r in rehearsals],
    }


def dump_session(
    session: model.Session, fmt: str, rehearsals: Sequence[SavedRehearsal] = ()
) -> str:
    """The session (and its rehearsals) as ``yaml`` or ``json`` text."""
    data = session_to_data(session, rehearsals)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    import yaml

    dumped: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return dumped


def export_session(
    session: model.Session, fmt: str, rehearsals: Sequence[SavedRehearsal] = ()
) -> tuple[str, int]:
    """The exchange file, and how many of the oldest rehearsals it leaves out.

    Import takes at most :data:`limits.REHEARSALS` rehearsals and :data:`SESSION_MAX_BYTES`:
    the newest that fit both are written, so that what export writes always imports.
    """
    newest = list(rehearsals)[-limits.REHEARSALS :]

    def fits(dropped: int) -> str | None:
        text = dump_session(session, fmt, newest[dropped:])
        return text if len(text.encode("utf-8")) <= SESSION_MAX_BYTES else None

    text = fits(0)
    if text is None:  # the fewest oldest to leave out, found by halving
        low, high = 1, len(newest)
        if fits(high) is None:
            raise UserError(
                "this session is too large to export",
                "shorten its longest texts, then export again",
            )
        while low < high:
            middle = (low + high) // 2
            if fits(middle) is None:
                low = middle + 1
            else:
                high = middle
        text = fits(low)
        assert text is not None
        return text, len(rehearsals) - len(newest) + low
    return text, len(rehearsals) - len(newest)


def parse_session(data: bytes, source: str) -> SessionFile:
    """Validate an exchange file (YAML or JSON); raise :class:`InvalidFile` with every problem."""
    root = compose_bytes(data, source, SESSION_MAX_BYTES)
    if root is None:
        raise InvalidFile(
            source,
            [
                Problem(
                    source,
                    1,
                    1,
                    "",
                    "the file is empty",
                    "export a session with 'convocoach sessions export'",
                    "empty",
                )
            ],
        )
    refuse_newer_format(root, "convocoach_session", FILE_VERSION, "session file", source)
    value, problems = convert_document(root, SESSION, source)
    if problems or value is INVALID:
        raise InvalidFile(source, problems)
    assert isinstance(value, SessionFile)
    return value
