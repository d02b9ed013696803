"""The one policy for a write the app could not make, for every screen.

A write that fails because of the database or the disk (locked by another program, read-only,
full) is reported once as "Not saved" with the reason, and tried again every few seconds until
it succeeds or a newer write of the same thing replaces it; the app goes on, and what the user
typed stays on screen. A write the store refuses for what it holds (too long, gone) is reported
and not retried: trying again would fail again. A conflict with another window is not a
failure: the caller asks the user (``WriteConflict`` passes through).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from textual.app import App
from textual.timer import Timer

from convocoach.diagnostics import UserError
from convocoach.sessions.db_errors import StoreWriteError
from convocoach.sessions.merge import WriteConflict

T = TypeVar("T")

RETRY_SECONDS = 2.0
"""How long to wait before trying a failed write again."""
NOT_SAVED = "Not saved"


def _reason(exc: BaseException) -> str:
    """The cause in words, without the store's own advice (this module says what happens)."""
    text = exc.message if isinstance(exc, UserError) else str(exc)
    return text[:1].upper() + text[1:]


def failed_write(exc: BaseException) -> bool:
    """Whether ``exc`` is the database or the disk failing a write (worth trying again)."""
    if isinstance(exc, StoreWriteError):
        return True
    return isinstance(exc, (sqlite3.Error, OSError)) and not isinstance(exc, UserError)


@dataclass
class _Pending:
    write: Callable[[], Any]
    then: Callable[[Any], None] | None


class Saver:
    """Makes every write of the app under the policy above.

    One for the whole app (see ``AppContext.saver``), so a write still waiting when its
    screen closes is tried until it lands, and quitting can warn about it. The app is its
    ``owner`` (:meth:`attach`): it shows the notices and runs the retry timer.
    """

    def __init__(self, retry_seconds: float = RETRY_SECONDS) -> None:
        self._owner: App[Any] | None = None
        self._retry_seconds = retry_seconds
        self._pending: dict[Hashable, _Pending] = {}
        self._timer: Timer | None = None
        self._reported = False

    def attach(self, owner: App[Any]) -> None:
        self._owner = owner

    @property
    def pending(self) -> int:
        """How many writes wait to be tried again."""
        return len(self._pending)

    def attempt(
        self,
        write: Callable[[], T],
        key: Hashable | None = None,
        then: Callable[[T], None] | None = None,
        retry: bool = True,
    ) -> T | None:
        """What ``write`` returned, or None when it failed (and the failure was reported).

        ``key`` names what is written (a field, a rehearsal): a later write of the same key
        replaces one waiting to be retried. ``then`` gets the result of a write that only
        succeeds on a retry. ``retry=False`` is for a write whose result is needed at once
        (a new session to open): it is reported with "try again" and forgotten.
        """
        try:
            result = write()
        except WriteConflict:
            raise
        except Exception as exc:
            if not (failed_write(exc) or isinstance(exc, UserError)):
                raise
            if retry and failed_write(exc):
                self._pending[key if key is not None else object()] = _Pending(write, then)
                self._schedule()
                self._report(f"{_reason(exc)}\nWhat you typed is kept; saving again shortly.")
            else:
                text = _reason(exc) + ("" if retry else "\nNothing was changed; try again.")
                self._report(text, once=False)
            return None
        if key is not None:
            self._pending.pop(key, None)
        return result

    def saved(
        self, write: Callable[[], object], key: Hashable | None = None, retry: bool = True
    ) -> bool:
        """Whether ``write`` (which returns nothing worth keeping) was saved now; as
        :meth:`attempt` otherwise."""
        done = object()

        def write_then_mark() -> object:
            write()
            return done

        return self.attempt(write_then_mark, key, retry=retry) is done

    def flush(self) -> bool:
        """Try every pending write now; whether none is left."""
        for key, pending in list(self._pending.items()):
            try:
                result = pending.write()
            except WriteConflict:
                self._pending.pop(key, None)
                self._report(
                    "Another window changed this meanwhile; its version is kept. "
                    "Type yours again if it should win.",
                    once=False,
                )
                continue
            except Exception as exc:
                if not failed_write(exc):
                    self._pending.pop(key, None)
                    if isinstance(exc, UserError):
                        self._report(_reason(exc), once=False)
                        continue
                    raise
                continue
            self._pending.pop(key, None)
            if pending.then is not None:
                pending.then(result)
        if not self._pending:
            if self._reported and self._owner is not None:
                self._owner.notify("Everything is saved again.", title="Saved", markup=False)
            self._reported = False
            self._stop()
        return not self._pending

    def _schedule(self) -> None:
        if self._timer is None and self._owner is not None:
            self._timer = self._owner.set_interval(self._retry_seconds, self.flush)

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _report(self, message: str, once: bool = True) -> None:
        # A failure to retry is told once: a locked database would otherwise raise a notice
        # per keystroke until it is free again.
        if once:
            if self._reported:
                return
            self._reported = True
        if self._owner is None:  # not running (a command, a test of the core): nobody to tell
            return
        self._owner.notify(message, title=NOT_SAVED, severity="error", timeout=10, markup=False)
