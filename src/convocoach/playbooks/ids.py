"""A playbook's id and tags: short names of lowercase letters, digits and single hyphens."""

from __future__ import annotations

import re

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_HINT = "a short name of lowercase letters, digits and single hyphens, like 'project-delays'"
