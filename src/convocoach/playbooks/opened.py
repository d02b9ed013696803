"""The playbooks an app can open: listed from their summaries, each read in full on first use.

The app's first screen is drawn from summaries alone (no YAML parsed); a playbook's file is
read and validated only when the user opens it, and kept for the rest of the run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from convocoach.diagnostics import InvalidFile
from convocoach.playbooks.library import Library
from convocoach.playbooks.summary import PlaybookSummary

if TYPE_CHECKING:
    from convocoach.playbooks.model import PlaybookFile


class OpenedPlaybooks:
    def __init__(self, library: Library[PlaybookSummary]) -> None:
        self.library = library
        self._read: dict[str, PlaybookFile | None] = {}
        self._problems: dict[str, str] = {}

    def get(self, playbook_id: str) -> PlaybookFile | None:
        """The full playbook, read on first use; None if it is gone or no longer valid."""
        if playbook_id not in self._read:
            self._read[playbook_id] = self._load(playbook_id)
        return self._read[playbook_id]

    def why_unreadable(self, playbook_id: str) -> str:
        """Why :meth:`get` gave None, in words for a notice."""
        return self._problems.get(playbook_id, f"The playbook {playbook_id!r} could not be read.")

    def _load(self, playbook_id: str) -> PlaybookFile | None:
        summary = self.library.get(playbook_id)
        if summary is None:
            return None
        # Lazy: PyYAML and the models load when a playbook is first opened, not at start-up.
        from convocoach.playbooks.loader import load_playbook_file

        try:
            return load_playbook_file(summary.path, summary.origin)
        except InvalidFile as exc:  # changed on disk since the library was listed
            self._problems[playbook_id] = exc.format()
            return None
