"""Value kinds the session exchange file uses in more than one record."""

from __future__ import annotations

import re

from convocoach.playbooks.ids import SLUG
from convocoach.schema import Formatted, Text
from convocoach.sessions.limits import PROSE

STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2}|Z)?")

TEXT = Text(max_length=PROSE, allow_empty=True, strip=False)
"""Text kept exactly as typed (no stripping), so that export and import round-trip."""
TIMESTAMP = Formatted(STAMP, "a timestamp like 2026-11-23T09:30:00+00:00")
PLAYBOOK_ID = Text(max_length=64, pattern=SLUG, pattern_hint="a playbook id")
