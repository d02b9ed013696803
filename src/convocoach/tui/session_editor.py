"""One open session: every change goes straight to the store, and a failed write is reported.

Saving on every change (not on a timer) is what makes Ctrl+C, a closed terminal or a crash
lose nothing: each change is its own SQLite transaction, a fraction of a millisecond in WAL mode.
A write that passes the value its step last read raises ``WriteConflict`` when another copy of
the app changed it since (see ``sessions.merge``); the step decides what to show.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeVar

from convocoach.diagnostics import UserError
from convocoach.sessions.flow import meeting_key
from convocoach.sessions.model import NextStep, Session
from convocoach.sessions.store import UNCHECKED, SessionStore

Report = Callable[[str], None]
T = TypeVar("T")


class SessionEditor:
    def __init__(
        self, store: SessionStore, session_id: int, report: Report, changed: Callable[[], None]
    ) -> None:
        self.store = store
        self.session_id = session_id
        self._report = report
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
            self._attempt(lambda: self.store.set_timing_checked(self.session_id, key))

    def _attempt(self, write: Callable[[], T]) -> T | None:
        """What ``write`` returned, or None when it failed (and the failure was reported)."""
        try:
            result = write()
        except (sqlite3.Error, OSError) as exc:
            self._report(
                f"Could not save: {exc}. What you typed is still on screen; "
                "the next change tries again."
            )
            return None
        except UserError as exc:
            self._report(exc.message)
            return None
        self._session = None
        self._changed()
        return result

    def set_field(
        self, name: str, value: str | int, expected: object = UNCHECKED
    ) -> str | int | None:
        """The field as stored, or None when the write failed."""
        return self._attempt(lambda: self.store.set_field(self.session_id, name, value, expected))

    def set_answer(
        self, section: str, position: int, prompt: str, answer: str, expected: object = UNCHECKED
    ) -> str | None:
        """The answer as stored, or None when the write failed."""
        return self._attempt(
            lambda: self.store.set_answer(
                self.session_id, section, position, prompt, answer, expected
            )
        )

    def set_list(
        self, kind: str, items: list[str], base: tuple[str, ...] | None = None
    ) -> tuple[str, ...] | None:
        """The list as stored (merged with another copy's changes since ``base``), or None
        when the write failed."""
        return self._attempt(lambda: self.store.set_list(self.session_id, kind, items, base))

    def add_next_step(self, step: NextStep) -> None:
        self._attempt(lambda: self.store.add_next_step(self.session_id, step))

    def update_next_step(
        self, step_id: int, expected: NextStep | None = None, **changes: str
    ) -> None:
        self._attempt(lambda: self.store.update_next_step(step_id, expected, **changes))

    def move_next_step(self, step_id: int, new_index: int) -> None:
        self._attempt(lambda: self.store.move_next_step(step_id, new_index))

    def delete_next_step(self, step_id: int, expected: NextStep | None = None) -> None:
        self._attempt(lambda: self.store.delete_next_step(step_id, expected))
