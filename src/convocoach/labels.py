"""Display names for channels and check-in cadences.

Kept apart from the playbook model so screens that only show labels load no dataclasses.
"""

from __future__ import annotations

CHANNEL_LABELS: dict[str, str] = {
    "in_person": "In person",
    "video": "Video call",
    "phone": "Phone call",
    "email": "Email",
}
CADENCE_LABELS: dict[str, str] = {
    "daily": "Daily",
    "weekly": "Weekly",
    "twice_monthly": "Twice a month",
    "monthly": "Monthly",
}
OUTCOME_LABELS: dict[str, str] = {
    "agreed": "Agreed",
    "partly": "Partly agreed",
    "none": "No agreement",
    "escalated": "Escalated",
}
"""How a meeting went, by the word stored with the session."""
