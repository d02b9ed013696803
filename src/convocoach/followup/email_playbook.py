"""What an email needs of its playbook: its id, title, approach and subject line.

A full ``playbooks.model.Playbook`` has them, and so does a playbook's cached summary
(``playbooks.summary.PlaybookSummary``): ``convocoach email`` writes an email from the
summary, without reading and checking the whole playbook file.
"""

from __future__ import annotations

from typing import Protocol


class EmailPlaybook(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def approach(self) -> str: ...

    @property
    def subject_line(self) -> str:
        """The email's subject (before the client's company)."""
