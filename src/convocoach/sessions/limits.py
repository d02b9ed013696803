"""How much text a session holds: one set of numbers for the app, the store and the file.

The boxes and fields of the app stop typing and pasting at these limits (and say so), the
store refuses anything longer, and the exchange file accepts exactly as much: so whatever
the app let the user write, ``sessions export`` writes and ``sessions import`` reads back.
"""

from __future__ import annotations

from convocoach.diagnostics import UserError
from convocoach.emailaddress import MAX_ADDRESS
from convocoach.rehearsal.case import SESSION_FACTS

LINE = 300
"""A one-line field: the title, the client's name, company, role, language and email, the place,
a next step's owner."""
PHRASE = 300
"""One empathy phrase (the playbook's are shorter)."""
ACTION = 500
"""What a next step will do."""
PROSE = 20_000
"""A box of prose: what is at stake, the notes, one answer, all the discussion points together."""
PROMPT = 1_000
"""A preparation prompt as it read when answered (a playbook's prompt is at most 600)."""
EMAIL = 100_000
"""The user's own edit of the follow-up email."""
REPLY = 2_000
"""One reply in a rehearsal."""
SHORT = 60
"""The stored names: a section, the step, the cadence, a date or a time."""

ANSWERS = 150
"""Answers: a playbook asks at most 134 prompts (40 facts, 3 on the client's perspective,
20 options and one more, 40 walk-away points, 30 questions)."""
PHRASES = 200
POINTS = 200
NEXT_STEPS = 200
REHEARSALS = 200
"""Rehearsals in one exchange file: export leaves out the oldest beyond it (and says so)."""
MOVES = 50
"""Times one next step's due date moved."""
MOVES_IN_SESSION = 400
"""Moves of all a session's next steps together."""
CAME_UP = 40
"""Prepared questions that came up (a playbook lists at most 30)."""
CHECKINS = 500
"""Check-ins held: daily ones for about two years."""
LESSON = 2_000
"""One lesson."""
LESSONS = 50
"""Lessons that came from one session."""

ADDRESS = MAX_ADDRESS
"""An email address (RFC 5321's longest path)."""
TEMPLATE_NAME_MAX = 64
"""A follow-up template's name (sessions/template_name.py matches it)."""

FIELDS: dict[str, int] = {
    "title": LINE,
    "client.name": LINE,
    "client.company": LINE,
    "client.role": LINE,
    "client.language": LINE,
    "client.email": ADDRESS,
    "meeting.place": LINE,
    "stakes": PROSE,
    "notes": PROSE,
    "outcome.reaction": LINE,
    "outcome.worked": PROSE,
    "outcome.change": PROSE,
    "email_draft": EMAIL,
    "template": TEMPLATE_NAME_MAX,
    "playbook_id": 64,
    "playbook_digest": 64,
    **{f"case.{fact.name}": LINE for fact in SESSION_FACTS},
}
"""The longest text of each field ``SessionStore.set_field`` takes; any other, :data:`SHORT`."""

WORST_BYTES_PER_CHAR = 7
"""The most a character of session text takes in an exchange file: U+FEFF is written as
``\\uFEFF`` in YAML (6 bytes), and a long line folded at 100 adds a backslash and an indent."""


def field_limit(name: str) -> int:
    """The longest text field ``name`` may hold."""
    return FIELDS.get(name, SHORT)


def max_chars() -> int:
    """The most characters of text one session can hold, at every limit at once."""
    one_line = 7 * LINE + FIELDS["template"] + 2 * 64 + 8 * SHORT
    answers = ANSWERS * (SHORT + PROMPT + PROSE)
    steps = NEXT_STEPS * (ACTION + LINE + 4 * SHORT) + MOVES_IN_SESSION * (LINE + 3 * SHORT)
    outcome = 2 * SHORT + LINE + 2 * PROSE + CAME_UP * PROMPT
    after = CHECKINS * 2 * SHORT + LESSONS * (LESSON + 3 * LINE + 4 * SHORT)
    return (
        one_line + 2 * PROSE + EMAIL + answers + PHRASES * PHRASE + PROSE + steps + outcome + after
    )


def check_text(what: str, text: str, limit: int) -> None:
    """:class:`UserError` if ``text`` is longer than ``limit`` characters."""
    if len(text) > limit:
        raise UserError(
            f"{what}: {len(text):,} characters, over the limit of {limit:,}", "shorten it"
        )


def check_field(name: str, text: str) -> None:
    """:class:`UserError` if ``text`` is too long for the session field ``name``."""
    check_text(f"The {name.replace('.', ' ').replace('_', ' ')}", text, field_limit(name))


def check_count(what: str, count: int, limit: int) -> None:
    """:class:`UserError` if a list holds more than ``limit`` items."""
    if count > limit:
        raise UserError(f"{what}: {count:,}, over the limit of {limit:,}", "remove some")


def check_list(kind: str, items: tuple[str, ...] | list[str]) -> None:
    """The chosen ``phrases`` or the discussion ``points`` within their limits."""
    if kind == "phrases":
        check_count("Empathy phrases", len(items), PHRASES)
        for phrase in items:
            check_text("An empathy phrase", phrase, PHRASE)
    else:
        check_count("Discussion points", len(items), POINTS)
        check_text("The discussion points together", "\n".join(items), PROSE)
