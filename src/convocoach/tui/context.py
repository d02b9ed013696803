"""What the screens share: where files live, the library, the store, the profile, the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from convocoach.locations import Locations
from convocoach.playbooks.library import Library
from convocoach.playbooks.model import PlaybookFile
from convocoach.profile import Profile
from convocoach.sessions.store import SessionStore

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class AppContext:
    locations: Locations
    library: Library[PlaybookFile]
    store: SessionStore
    profile: Profile
    clock: Clock = utc_now
    export_dir: Path = field(default_factory=Path.cwd)
    """Where the follow-up files go unless the user picks another folder."""
    profile_problem: str = ""
    """Why the settings file could not be read (the app then runs on defaults)."""

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        from zoneinfo import ZoneInfo

        return self.clock().astimezone(ZoneInfo(self.profile.timezone)).date()

    def playbook(self, playbook_id: str) -> PlaybookFile | None:
        return self.library.get(playbook_id)
