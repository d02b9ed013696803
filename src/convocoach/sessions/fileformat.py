"""The session exchange file (YAML or JSON): what ``sessions export`` writes and ``import`` reads.

Defined with the same schema machinery as playbooks, so an imported file gets the same
precise errors (file, line, column, field, fix) and nothing is stored unless all is valid.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

import yaml

from convocoach.diagnostics import InvalidFile, Problem, UserError
from convocoach.schema import (
    INVALID,
    Integer,
    ListOf,
    Record,
    convert_document,
    inline_field,
    refuse_newer_format,
    spec_dataclass,
    spec_field,
)
from convocoach.sessions import limits, model
from convocoach.sessions.lessons import LESSON, Lesson
from convocoach.sessions.rehearsal_file import REHEARSAL, rehearsal_to_data
from convocoach.sessions.rehearsals import SavedRehearsal
from convocoach.yamlsafe import compose_bytes

FILE_VERSION = 6
"""2 added the session's rehearsals, 3 the end of the check-ins, 4 the case's facts, 5 what
came after the meeting (the outcome, the follow-up sent, each next step's days and moves,
the check-ins held, the lessons), 6 the emails' language and register; older files import
as before (their emails follow the client's language, formally)."""
SESSION_MAX_BYTES = 32 * 1024 * 1024
"""An exchange file's size limit: import must take whatever export wrote. A session with every
text and list at its limit (``limits``) writes at most ``limits.max_chars()`` characters of 7
bytes each, about 25 MB; the rest is room for its rehearsals."""


@spec_dataclass
class SessionFile:
    """What an exchange file holds: the session, and its rehearsals."""

    convocoach_session: int = spec_field(
        Integer(1, FILE_VERSION), f"File format version; write {FILE_VERSION}.", required=True
    )
    """The version of the format the file was written in."""
    session: model.Session = inline_field(model.Session)
    """The session's keys are written at the top level, after the version."""
    rehearsals: tuple[SavedRehearsal, ...] = spec_field(
        ListOf(REHEARSAL, max_items=limits.REHEARSALS), "Role-plays, with every reply.", default=()
    )
    lessons: tuple[Lesson, ...] = spec_field(
        ListOf(LESSON, max_items=limits.LESSONS), "Lessons kept from it.", default=()
    )


SESSION = Record.of(SessionFile, "convocoach session", "A prepared client conversation.")


def session_to_data(
    session: model.Session,
    rehearsals: Sequence[SavedRehearsal] = (),
    lessons: Sequence[Lesson] = (),
) -> dict[str, Any]:
    """The session as plain data in file order (no local database ids)."""
    data = asdict(session)
    data.pop("id")
    for step in data["next_steps"]:
        step.pop("id")
    kept = [asdict(lesson) for lesson in lessons]
    for lesson in kept:
        lesson.pop("id")
        lesson.pop("session_id")
    return {
        "convocoach_session": FILE_VERSION,
        **data,
        "rehearsals": [rehearsal_to_data(r) for r in rehearsals],
        "lessons": kept,
    }


def dump_session(
    session: model.Session,
    fmt: str,
    rehearsals: Sequence[SavedRehearsal] = (),
    lessons: Sequence[Lesson] = (),
) -> str:
    """The session (and its rehearsals and lessons) as ``yaml`` or ``json`` text."""
    data = session_to_data(session, rehearsals, lessons)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    dumped: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return dumped


def export_session(
    session: model.Session,
    fmt: str,
    rehearsals: Sequence[SavedRehearsal] = (),
    lessons: Sequence[Lesson] = (),
) -> tuple[str, int]:
    """The exchange file, and how many of the oldest rehearsals it leaves out.

    Import takes at most :data:`limits.REHEARSALS` rehearsals and :data:`SESSION_MAX_BYTES`:
    the newest that fit both are written, so that what export writes always imports.
    """
    newest = list(rehearsals)[-limits.REHEARSALS :]

    def fits(dropped: int) -> str | None:
        text = dump_session(session, fmt, newest[dropped:], lessons)
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
    return value
