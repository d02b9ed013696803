"""One set of limits: a session with every text and list at its maximum exports and imports
back identical, within the import limit; the store refuses anything longer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

import pytest
import yaml

from convocoach.diagnostics import UserError
from convocoach.locations import Locations
from convocoach.sessions import limits, within_limits
from convocoach.sessions.fileformat import SESSION_MAX_BYTES, dump_session, parse_session
from convocoach.sessions.model import Answer, Client, Meeting, NextStep, Session
from convocoach.sessions.store import SessionStore

# Characters that cost the most bytes in YAML or JSON: quotes, backslashes, tabs, a
# zero-width no-break space (6 bytes in YAML), an emoji (4), a line separator (3).
_LINE = 'Zoë "O\'Brien" \\ \t\ufeff😀\u2028[/] {{ x }} '
_PROSE = _LINE + "\n  indented\n\n"


def _fill(length: int, sample: str = _LINE) -> str:
    return (sample * (length // len(sample) + 1))[:length]


def _longest_address() -> str:
    domain = ".".join(("d" * 63, "e" * 63, "f" * (limits.ADDRESS - 64 - 1 - 128)))
    return "z" * 64 + "@" + domain


def _max_session() -> Session:
    line = _fill(limits.LINE)
    short = _fill(limits.SHORT)
    per_point = (limits.PROSE - (limits.POINTS - 1)) // limits.POINTS
    points = [_fill(per_point) for _ in range(limits.POINTS)]
    points[-1] = _fill(per_point + limits.PROSE - len("\n".join(points)))
    return Session(
        uuid="0b0e6b8a-3f1c-4c8e-9a51-6f4f3c2d1e0f",
        playbook_id="p" * 64,
        playbook_digest="ab" * 32,
        title=line,
        client=Client(line, line, line, "executive", "high", line, _longest_address()),
        meeting=Meeting("2026-12-24", "23:59", 600, "in_person", line),
        stakes=_fill(limits.PROSE, _PROSE),
        answers=tuple(
            Answer(short, n, _fill(limits.PROMPT, _PROSE), _fill(limits.PROSE, _PROSE))
            for n in range(limits.ANSWERS)
        ),
        phrases=tuple(_fill(limits.PHRASE) for _ in range(limits.PHRASES)),
        points=tuple(points),
        next_steps=tuple(
            NextStep(_fill(limits.ACTION, _PROSE), "person", line, "2027-01-31", "dropped")
            for _ in range(limits.NEXT_STEPS)
        ),
        cadence="twice_monthly",
        next_checkin="2027-01-07",
        checkin_until="2027-12-31",
        notes=_fill(limits.PROSE, _PROSE),
        step=short,
        template=_fill(limits.TEMPLATE_NAME_MAX - 1, 'Zoë "O\'Brien" 😀 {{ x }} ') + "x",
        email_draft=_fill(limits.EMAIL, _PROSE),
        exported_at="2026-12-04T10:00:00+00:00",
        created_at="2026-12-01T09:00:00+00:00",
        updated_at="2026-12-04T10:00:00+00:00",
    )


@pytest.fixture
def store() -> Iterator[SessionStore]:
    opened = SessionStore.open(Locations.from_env().database)
    yield opened
    opened.close()


def _without_ids(session: Session) -> Session:
    return replace(session, id=0, next_steps=tuple(replace(s, id=0) for s in session.next_steps))


def test_the_fullest_session_is_at_every_limit() -> None:
    session = _max_session()
    assert len("\n".join(session.points)) == limits.PROSE
    within_limits.check_session(session)
    with pytest.raises(UserError, match="over the limit of 20,000"):
        within_limits.check_session(replace(session, notes=session.notes + "x"))


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_a_session_at_every_limit_exports_and_imports_back_identical(
    store: SessionStore, fmt: str
) -> None:
    original = _max_session()
    stored = store.get(store.insert_session(original))
    assert _without_ids(stored) == replace(original, id=0)
    data = dump_session(stored, fmt).encode()
    assert len(data) <= SESSION_MAX_BYTES
    imported = parse_session(data, f"s.{fmt}").session
    assert imported == _without_ids(stored)
    again = store.get(store.insert_session(imported, replace=True))
    assert _without_ids(again) == _without_ids(stored)


def test_the_import_limit_holds_any_session_the_limits_allow() -> None:
    # The most characters a session holds, each at the most bytes it can cost, and the
    # keys, quotes and indents around them: still under what import reads.
    structure = 200 * (limits.ANSWERS + limits.PHRASES + limits.POINTS + 8 * limits.NEXT_STEPS)
    assert limits.max_chars() * limits.WORST_BYTES_PER_CHAR + structure < SESSION_MAX_BYTES


@pytest.mark.parametrize(
    "char", ["a", '"', "\\", "\t", "\n", "'", "\ufeff", "\u2028", "\u00a0", "\ufffd", "😀", " \n"]
)
def test_no_character_costs_more_than_the_bound(char: str) -> None:
    text = _fill(limits.PROSE, char)
    nested = {"answers": [{"prompt": "", "answer": text}]}
    for dumped in (
        yaml.safe_dump(nested, allow_unicode=True, width=100),
        json.dumps(nested, ensure_ascii=False, indent=2),
    ):
        assert len(dumped.encode()) - 100 <= len(text) * limits.WORST_BYTES_PER_CHAR


def test_the_store_refuses_text_over_its_limit(store: SessionStore) -> None:
    sid = store.create("project-delays")
    store.set_field(sid, "notes", "n" * limits.PROSE)
    with pytest.raises(UserError, match="The notes: 20,001 characters, over the limit of 20,000"):
        store.set_field(sid, "notes", "n" * (limits.PROSE + 1))
    with pytest.raises(UserError, match="The client name: 301 characters"):
        store.set_field(sid, "client.name", "n" * (limits.LINE + 1))
    with pytest.raises(UserError, match="An answer: 20,001 characters"):
        store.set_answer(sid, "facts", 0, "What?", "a" * (limits.PROSE + 1))
    with pytest.raises(UserError, match="The discussion points together"):
        store.set_list(sid, "points", ["p" * 10_000, "q" * 10_000])
    with pytest.raises(UserError, match="Empathy phrases: 201, over the limit of 200"):
        store.set_list(sid, "phrases", ["p"] * (limits.PHRASES + 1))
    with pytest.raises(UserError, match="A next step: 501 characters"):
        store.add_next_step(sid, NextStep("s" * (limits.ACTION + 1)))
    assert store.get(sid).notes == "n" * limits.PROSE


def test_the_store_refuses_one_list_item_too_many(store: SessionStore) -> None:
    sid = store.create("project-delays")
    for n in range(limits.ANSWERS):
        store.set_answer(sid, "facts", n, "What?", "yes")
    store.set_answer(sid, "facts", 0, "What?", "changed")  # changing one is not adding one
    with pytest.raises(UserError, match="Answers: 151, over the limit of 150"):
        store.set_answer(sid, "facts", limits.ANSWERS, "What?", "one more")
    for _ in range(limits.NEXT_STEPS):
        store.add_next_step(sid, NextStep("Call"))
    with pytest.raises(UserError, match="Next steps: 201, over"):
        store.add_next_step(sid, NextStep("Call"))


def test_a_copy_of_a_session_with_the_longest_title_exports_and_imports(
    store: SessionStore,
) -> None:
    sid = store.create("project-delays", title="t" * limits.LINE)
    copy = store.get(store.duplicate(sid))
    assert copy.title.endswith("t (copy)")
    assert len(copy.title) == limits.LINE
    assert parse_session(dump_session(copy, "yaml").encode(), "s.yaml").session.title == copy.title


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize("nothing", ["   ", "\u200b", "\ufeff\u00ad", "\t\n"])
def test_text_that_shows_nothing_exports_and_imports_as_it_was_typed(
    store: SessionStore, fmt: str, nothing: str
) -> None:
    sid = store.create("project-delays", title=nothing.replace("\n", ""))
    store.set_field(sid, "notes", nothing)
    store.set_answer(sid, "facts", 0, "What slipped?", nothing)
    store.set_list(sid, "phrases", [nothing])
    store.add_next_step(sid, NextStep(nothing))
    stored = store.get(sid)
    imported = parse_session(dump_session(stored, fmt).encode(), f"s.{fmt}").session
    assert imported == _without_ids(stored)
