"""One open session: every change goes straight to the store, and a failed write is reported.

Saving on every change (not on a timer) is what makes Ctrl+C, a closed terminal or a crash
lose nothing: each change is its own SQLite transaction, a fraction of a millisecond in WAL mode.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from convocoach.diagnostics import UserError
from convocoach.sessions.flow import meeting_key
from convocoach.sessions.model import NextStep, Session
from convocoach.sessions.store import SessionStore

Report = Callable[[str], None]


class SessionEditor:
    def __init__(self, store: SessionStore, session_id: int, report: Report,
                 changed: Callable[[], None]) -> None:
        self.store = store
        self.session_id = session_id
        self._report = report
        self._changed = changed
        self._session: Session | None = None
        self._timing_checked: str | None = None

    @property
    def session(self) -> Session:
        """The session as stored, read again only after a change (not on every keystroke)."""
        if self._session is None:
            self._session = self.store.get(self.session_id)
        return self._session

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
            with self._saving():
                self.store.set_timing_checked(self.session_id, key)

    @contextmanager
    def _saving(self) -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            self._report(f"Could not save: {exc}. What you typed is still on screen; "
                         "the next change tries again.")
            return
        except UserError as exc:
            self._report(exc.message)
            return
        self._session = None
        self._changed()

    def set_field(self, name: str, value: str | int) -> None:
        with self._saving():
            self.store.set_field(self.session_id, name, value)

    def set_answer(self, section: str, position: int, prompt: str, answer: str) -> None:
        with self._saving():
            self.store.set_answer(self.session_id, section, position, prompt, answer)

    def set_list(self, kind: str, items: list[str]) -> None:
        with self._saving():
            self.store.set_list(self.session_id, kind, items)

    def add_next_step(self, step: NextStep) -> None:
        with self._saving():
            self.store.add_next_step(self.session_id, step)

    def update_next_step(self, step_id: int, **changes: str) -> None:
        with self._saving():
            self.store.update_next_step(step_id, **changes)

    def move_next_step(self, step_id: int, new_index: int) -> None:
        with self._saving():
            self.store.move_next_step(step_id, new_index)

    def delete_next_step(self, step_id: int) -> None:
        with self._saving():
            self.store.delete_next_step(step_id)
