"""Lessons in words: where each came from, for the Prepare step and the Lessons view.

"Last time with Dana Whitfield (2026-11-20, Launch slips): bring the phased plan in writing"
for a lesson kept with the same client; "From \u2018Launch slips\u2019 with Northwind: \u2026"
for one kept with the same playbook and another client. Plain text: the screens show it
without markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from convocoach.rehearsal.scorecard import Scorecard
from convocoach.sessions.lessons import Lesson, LessonOrigin, client_key

SOURCE_LABELS: dict[str, str] = {
    "outcome": "Outcome",
    "scorecard": "Rehearsal",
    "own": "Your own",
}
"""Where a lesson came from, by the word stored with it."""

DELETED = "session deleted"


def lesson_day(lesson: Lesson, origin: LessonOrigin | None) -> str:
    """The day a lesson belongs to: its session's meeting, else the day it was kept."""
    if origin is not None and origin.meeting_date:
        return origin.meeting_date
    return lesson.created_at[:10]


def _quoted(title: str) -> str:
    return f"\u2018{' '.join(title.split())}\u2019"


def same_client(lesson: Lesson, client_name: str, client_company: str) -> bool:
    """Whether a lesson was kept with this client (a client with a name)."""
    key = client_key(client_name, client_company)
    return bool(key[1]) and client_key(lesson.client_name, lesson.client_company) == key


def prepare_line(lesson: Lesson, origin: LessonOrigin | None, with_client: bool) -> str:
    """One lesson as the Prepare step shows it: where it came from, then the lesson."""
    text = " ".join(lesson.text.split())
    rehearsal = lesson.source == "scorecard"
    if with_client:
        details = [lesson_day(lesson, origin)]
        if origin is None:
            details.append(DELETED)
        elif origin.title.strip():
            details.append(" ".join(origin.title.split()))
        if rehearsal:
            details.append("in rehearsal")
        name = " ".join(lesson.client_name.split())
        return f"Last time with {name} ({', '.join(d for d in details if d)}): {text}"
    who = " ".join((lesson.client_company or lesson.client_name).split())
    if origin is None:
        where = "From a deleted session"
    elif origin.title.strip():
        where = f"From {_quoted(origin.title)}"
    else:
        where = "From an untitled session"
    if rehearsal:
        where += " (rehearsal)"
    return f"{where}{' with ' + who if who else ''}: {text}"


def prepare_lines(
    lessons: Sequence[Lesson],
    origins: Mapping[int, LessonOrigin],
    client_name: str,
    client_company: str,
) -> list[str]:
    """The lessons of ``LessonBook.for_prepare`` in words, in its order (the same client's
    first), for a session with this client."""
    return [
        prepare_line(
            lesson, origins.get(lesson.id), same_client(lesson, client_name, client_company)
        )
        for lesson in lessons
    ]


def origin_title(origin: LessonOrigin | None) -> str:
    """The title of the session a lesson came from, or that it was deleted."""
    if origin is None:
        return DELETED
    return " ".join(origin.title.split()) or "Untitled session"


def origin_words(lesson: Lesson, origin: LessonOrigin | None) -> str:
    """The session a lesson came from and its day, for the Lessons view."""
    return f"{origin_title(origin)} ({lesson_day(lesson, origin)})"


def who_words(lesson: Lesson) -> str:
    """The client a lesson was kept with: "Dana Whitfield, Northwind" (or one of them)."""
    parts = (" ".join(lesson.client_name.split()), " ".join(lesson.client_company.split()))
    return ", ".join(part for part in parts if part)


_COST = re.compile(r"\s*\(it cost \d+ of the client's mood\)")


def scorecard_lesson(card: Scorecard) -> str:
    """A rehearsal's main thing to change, as a lesson: the scorecard's first tip (what cost
    the client's mood most, else what was shown least), without this rehearsal's figures;
    else the weakest dimension; "" when every dimension passed more often than not."""
    if card.tips:
        return _COST.sub("", card.tips[0]).strip()
    judged = [t for t in card.dimensions if t.rate is not None and t.rate < 0.5]
    if not judged:
        return ""
    weakest = min(judged, key=lambda t: (t.rate or 0.0, t.code))
    return f"{weakest.title}: show it more often (it passed {weakest.passed} of {weakest.judged})."
