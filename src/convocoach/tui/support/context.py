"""Everything the app holds: where files live, the playbooks, the store, the profile, the clock.

Only the app holds it whole: each screen is given it typed as the narrow context Protocol it
declares from the roles in ``tui.support.needs``. Full playbooks and the sender profile are
read the first time something needs them, so the first screen appears quickly.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from convocoach.diagnostics import InvalidFile, UserError
from convocoach.locations import Locations
from convocoach.playbooks.opened import OpenedPlaybooks
from convocoach.preferences import Preferences, save_preferences
from convocoach.sessions.database import Database
from convocoach.sessions.session_rows import SessionRow, list_sessions
from convocoach.tui.support.saving import Saver

if TYPE_CHECKING:
    from convocoach.profile import Profile
    from convocoach.sessions.rehearsals import RehearsalLog
    from convocoach.sessions.store import SessionStore
    from convocoach.workshop.seat import Seat
    from convocoach.workshop.store import WorkshopLog

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def unusable_settings(exc: InvalidFile | UserError) -> str:
    """What to tell the user about a settings file the app could not read."""
    return exc.format() + "\nThe app uses defaults until the file is fixed."


@dataclass
class LiveFeedback:
    """Whether the coach reads along while the user types a rehearsal reply (F8): one switch
    for every rehearsal until the app quits."""

    on: bool = True


@dataclass
class AppContext:
    locations: Locations
    playbooks: OpenedPlaybooks
    database: Database
    """The sessions database, opened and migrated; :attr:`store` reads and writes sessions."""
    clock: Clock = utc_now
    export_dir: Path = field(default_factory=Path.cwd)
    """Where every export goes (follow-up, prep sheet, debriefs, role cards): the folder the
    user last chose, remembered in preferences.json, else the current directory."""
    preferences: Preferences = field(default_factory=Preferences)
    preferences_problem: str = ""
    """Why preferences.json could not be read; it is then never overwritten."""
    _profile: Profile | None = None
    profile_problem: str = ""
    _profile_reported: bool = False
    """Why the settings file could not be read (the app then runs on defaults)."""
    live_feedback: LiveFeedback = field(default_factory=LiveFeedback)
    _rehearsals: RehearsalLog | None = None
    _workshops: WorkshopLog | None = None
    saver: Saver = field(default_factory=Saver)
    """Every write the screens make goes through it (see ``tui.saving``)."""
    seat: Seat | None = None
    """A participant's place in a served room (``workshop join``); None otherwise."""
    seconds: Callable[[], float] = time.time
    """Wall-clock seconds for the room's clock (tests replace it to move time on at will)."""
    _store: SessionStore | None = None

    @property
    def store(self) -> SessionStore:
        if self._store is None:
            # Lazy: the session model and its schema (with PyYAML, a fifth of the app's
            # imports) load after the first paint; the home screen lists the sessions
            # without them (session_rows).
            from convocoach.sessions.store import SessionStore

            self._store = SessionStore.sharing(self.database)
        return self._store

    def session_rows(self, limit: int = -1) -> list[SessionRow]:
        """The sessions, most recently changed first (the ``limit`` first)."""
        return list_sessions(self.database.connection, limit)

    @property
    def rehearsals(self) -> RehearsalLog:
        if self._rehearsals is None:
            # Lazy: the rehearsal engine and the coach load when a rehearsal is first shown.
            from convocoach.sessions.rehearsals import RehearsalLog

            self._rehearsals = RehearsalLog(self.store)
        return self._rehearsals

    @property
    def workshops(self) -> WorkshopLog:
        if self._workshops is None:
            # Lazy: the workshop models load when a workshop is first opened.
            from convocoach.workshop.store import WorkshopLog

            self._workshops = WorkshopLog(self.store)
        return self._workshops

    @property
    def profile(self) -> Profile:
        return self._read_profile()

    def use_profile(self, profile: Profile) -> None:
        self._profile = profile
        self.profile_problem = ""

    def _read_profile(self) -> Profile:
        if self._profile is None:
            # Lazy: the settings file (YAML, time zones) is read after the first paint.
            from convocoach.profile import Profile, load_profile

            try:
                self._profile = load_profile(self.locations.settings_file)
            except (InvalidFile, UserError) as exc:
                self._profile = Profile()
                self.profile_problem = unusable_settings(exc)
        return self._profile

    def take_profile_problem(self) -> str:
        """Why the settings file could not be read, the first time it is asked (then "")."""
        if self._profile_reported:
            return ""
        self._profile_reported = True
        self._read_profile()
        return self.profile_problem

    def now(self) -> datetime:
        return self.clock()

    def remember(self, **changes: str | bool) -> None:
        """Change preferences and save them; OSError when the file cannot be written."""
        self.preferences = dataclasses.replace(self.preferences, **changes)  # type: ignore[arg-type]
        if not self.preferences_problem:
            save_preferences(self.locations.preferences_file, self.preferences)

    def refuses_export_dir(self, folder: Path) -> str:
        """Why exports may not go to ``folder`` ("" when they may): a participant in a served
        room, whose app runs as the trainer's user, writes inside their own folder only."""
        if self.seat is None:
            return ""
        own, chosen = self.locations.data_dir.resolve(), folder.resolve()
        if chosen == own or own in chosen.parents:
            return ""
        return f"In a workshop room, your files are saved in your own folder only: {own}"

    def use_export_dir(self, folder: Path) -> str:
        """Send every later export to ``folder`` and remember it; what went wrong, if anything."""
        self.export_dir = folder
        try:
            self.remember(export_dir=str(folder))
        except OSError as exc:
            return f"The folder is used until you quit, but could not be remembered: {exc}"
        return ""

    def local(self, when: datetime) -> datetime:
        """``when`` in the profile's time zone (checked when the profile was read)."""
        # Lazy: zoneinfo (with sysconfig) only once a time is shown, after the first paint.
        from zoneinfo import ZoneInfo

        return when.astimezone(ZoneInfo(self.profile.timezone))

    def today(self) -> date:
        return self.local(self.clock()).date()
