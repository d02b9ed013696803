"""One open session: every change goes straight to the store, and a failed write is reported.

Saving on every change (not on a timer) is what makes Ctrl+C, a closed terminal or a crash
lose nothing: each change is its own SQLite transaction, a fraction of a millisecond in WAL mode.
A write that passes the value its step last read raises ``WriteConflict`` when another copy of
the app changed it since (see ``sessions.merge``); the step decides what to show.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Hashable
from datetime import date
from typing import TypeVar

from convocoach.sessions.flow import meeting_key
from convocoach.sessions.model import NextStep, Session
from convocoach.sessions.store import UNCHECKED, SessionStore
from convocoach.tui.support.saving import Saver

T = TypeVar("T")


class SessionEditor:
    def __init__(
        self, store: SessionStore, session_id: int, saver: Saver, changed: Callable[[], None]
    ) -> None:
        self.store = store
        self.session_id = session_id
        self._saver = saver
        self._changed = changed
        self._session: Session | None = None
        self._timing_checked: str | None = None
        self._data_version = store.data_version()

    @property
    def session(self) -> Session:
        """The session as stored, read again only after a change saved here or in another
        window (see :meth:`poll`), not on every keystroke."""
        if self._session is None:
            self._session = self.store.get(self.session_id)
        return self._session

    def poll(self) -> bool:
        """Whether another copy of the app has saved something since the last look; the
        session is read again when it has. Cheap enough for a few times a second."""
        try:
            version = self.store.data_version()
        except sqlite3.Error:
            return False
        if version == self._data_version:
            return False
        self._data_version = version
        self._session = None
        self._timing_checked = None
        return True

    @property
    def timing_checked(self) -> str:
        """The meeting the Timing step last checked (see ``flow.meeting_key``)."""
        if self._timing_checked is None:
            self._timing_checked = self.store.timing_checked(self.session_id)
        return self._timing_checked

    def timing_seen(self) -> None:
        """The user is looking at the Timing step's check of the meeting as it is now."""
        key = meeting_key(self.session.meeting)
        if key != self.timing_checked:
            self._timing_checked = None
            self._attempt(
                lambda: self.store.set_timing_checked(self.session_id, key), ("timing", None)
            )

    def _attempt(
        self,
        write: Callable[[], T],
        key: Hashable | None = None,
        then: Callable[[T], None] | None = None,
    ) -> T | None:
        """What ``write`` returned, or None when it failed (see ``tui.saving`` for what then)."""

        def write_and_show() -> T:
            result = write()
            self._session = None
            self._changed()
            return result

        return self._saver.attempt(write_and_show, key, then)

    def set_field(
        self,
        name: str,
        value: str | int,
        expected: object = UNCHECKED,
        then: Callable[[str | int], None] | None = None,
    ) -> str | int | None:
        """The field as stored, or None when the write failed (``then``: see ``tui.saving``)."""
        return self._attempt(
            lambda: self.store.set_field(self.session_id, name, value, expected),
            ("field", name),
            then,
        )

    def set_answer(
        self,
        section: str,
        position: int,
        prompt: str,
        answer: str,
        expected: object = UNCHECKED,
        then: Callable[[str], None] | None = None,
    ) -> str | None:
        """The answer as stored, or None when the write failed."""
        return self._attempt(
            lambda: self.store.set_answer(
                self.session_id, section, position, prompt, answer, expected
            ),
            ("answer", section, position),
            then,
        )

    def set_list(
        self, kind: str, items: list[str], base: tuple[str, ...] | None = None
    ) -> tuple[str, ...] | None:
        """The list as stored (merged with another copy's changes since ``base``), or None
        when the write failed."""
        return self._attempt(
            lambda: self.store.set_list(self.session_id, kind, items, base), ("list", kind)
        )

    def add_next_step(self, step: NextStep) -> None:
        self._attempt(lambda: self.store.add_next_step(self.session_id, step))

    def update_next_step(
        self,
        step_id: int,
        expected: NextStep | None = None,
        then: Callable[[None], None] | None = None,
        **changes: str,
    ) -> None:
        """Change fields of one next step (``then``: see ``tui.saving``)."""
        self._attempt(
            lambda: self.store.update_next_step(step_id, expected, **changes),
            ("step", step_id),
            then,
        )

    def move_next_step(self, step_id: int, new_index: int) -> None:
        self._attempt(lambda: self.store.move_next_step(step_id, new_index), ("move", step_id))

    def delete_next_step(self, step_id: int, expected: NextStep | None = None) -> None:
        self._attempt(lambda: self.store.delete_next_step(step_id, expected), ("step", step_id))

    def mark_sent(
        self, at: str | None = None, then: Callable[[str], None] | None = None
    ) -> str | None:
        """Record that the follow-up went out ``at`` (now if None; "" takes it back); the
        stored value, or None when the write failed (``then``: see ``tui.saving``)."""
        return self._attempt(
            lambda: self.store.mark_sent(self.session_id, at), ("sent", None), then
        )

    def mark_checkin(
        self, due_on: date, done: bool = True, then: Callable[[None], None] | None = None
    ) -> None:
        """Record the check-in that came due on ``due_on`` as held now (or take it back)."""
        self._attempt(
            lambda: self.store.mark_checkin(self.session_id, due_on, done),
            ("checkin", due_on),
            then,
        )

    def set_came_up(
        self, items: list[str], expected: tuple[str, ...] | None = None
    ) -> tuple[str, ...] | None:
        """The prepared questions that came up, as stored, or None when the write failed
        (``expected``: the list last read; ``WriteConflict`` if another copy changed it)."""
        return self._attempt(
            lambda: self.store.set_came_up(self.session_id, items, expected), ("came_up", None)
        )

    def reschedule_next_step(
        self,
        step_id: int,
        new_due: str,
        reason: str,
        expected: NextStep | None = None,
        then: Callable[[None], None] | None = None,
    ) -> None:
        """Move a next step's due date, with the reason (``WriteConflict`` if another copy
        changed its date since ``expected`` was read; ``then``: see ``tui.saving``)."""
        self._attempt(
            lambda: self.store.reschedule_next_step(step_id, new_due, reason, expected),
            ("step", step_id),
            then,
        )
