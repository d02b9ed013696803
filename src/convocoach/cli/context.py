"""What every command needs: resolved locations, and the library on demand."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from convocoach.cli.output import warn
from convocoach.locations import Locations
from convocoach.playbooks.library import Library, load_library, search_path
from convocoach.playbooks.summary import PlaybookSummary, load_summaries

if TYPE_CHECKING:
    from convocoach.playbooks.model import Playbook, PlaybookFile
    from convocoach.sessions.model import Session
    from convocoach.sessions.store import SessionStore


class CommonOptions(Protocol):
    """The options every command takes (``table.Arguments`` has them)."""

    playbooks: list[Path]
    data_dir: Path | None
    config_dir: Path | None


class CliContext:
    """Built once per command from the parsed arguments."""

    def __init__(self, locations: Locations) -> None:
        self.locations = locations
        self._library: Library[PlaybookFile] | None = None

    @classmethod
    def from_args(cls, args: CommonOptions) -> CliContext:
        return cls(
            Locations.from_env(
                data_dir=args.data_dir, config_dir=args.config_dir, playbook_dirs=args.playbooks
            )
        )

    @property
    def library(self) -> Library[PlaybookFile]:
        """Every playbook, fully loaded and validated."""
        if self._library is None:
            # Lazy: PyYAML and the playbook model only for a command that reads playbooks in
            # full; "playbooks list" reads the summary cache.
            from convocoach.playbooks.loader import load_playbook_file

            self._library = load_library(search_path(self.locations), load_playbook_file)
        return self._library

    def summaries(self) -> Library[PlaybookSummary]:
        """Every playbook's id, title and tags, through the summary cache (fast)."""
        return load_summaries(self.locations)

    def store(self) -> SessionStore:
        """The sessions database (created on first use)."""
        return self._open_store(read_only=False)

    def reader(self) -> SessionStore:
        """The sessions database for a command that only reads (works in a read-only folder)."""
        return self._open_store(read_only=True)

    def _open_store(self, *, read_only: bool) -> SessionStore:
        # Lazy: sqlite3 and the session model only for a command that opens the database;
        # "playbooks list" and "locate" do not.
        from convocoach.sessions.store import SessionStore

        return SessionStore.open(self.locations.database, read_only=read_only)

    def playbook(self, playbook_id: str) -> PlaybookFile | None:
        """One playbook by id, found through the summary cache and loaded alone (fast)."""
        if self._library is not None:
            return self._library.get(playbook_id)
        entry = self.summaries().get(playbook_id)
        if entry is None:
            return None
        # Lazy: PyYAML and the playbook model, as in library above
        from convocoach.playbooks.loader import load_playbook_file

        return load_playbook_file(entry.path, entry.origin)

    def session_playbook(self, session: Session) -> Playbook | None:
        """The session's playbook; warns on stderr when it changed since the session began."""
        loaded = self.playbook(session.playbook_id)
        if loaded is None:
            return None
        _warn_if_changed(session, loaded.digest)
        return loaded.playbook

    def email_playbook(self, session: Session) -> PlaybookSummary | None:
        """What an email needs of the session's playbook, from the summary cache (the file is
        not read when the cache knows it); warns as :meth:`session_playbook` does."""
        summary = self.summaries().get(session.playbook_id)
        if summary is not None:
            _warn_if_changed(session, summary.digest)
        return summary


def _warn_if_changed(session: Session, digest: str) -> None:
    if session.playbook_digest and digest != session.playbook_digest:
        warn(f"note: playbook {session.playbook_id!r} changed since this session was prepared")
