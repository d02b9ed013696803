"""What a session's template may be: a NAME in the templates folders, never a path.

A session's template comes from the app, the database or an imported exchange file; if it
could be a path, a crafted file naming ``/etc/passwd`` would print that file as the email.
"""

from __future__ import annotations

import re

from convocoach.sessions.limits import TEMPLATE_NAME_MAX

TEMPLATE_NAME_HINT = "a template name like standard (no folder, no path)"
# No folder separator, no drive colon, no leading dot (so no "..") and no control character:
# NAME.md.j2 can then only be a file directly inside a templates folder.
TEMPLATE_NAME = re.compile(
    r"[^/\\:.\x00-\x1f\x7f-\x9f][^/\\:\x00-\x1f\x7f-\x9f]{0," + str(TEMPLATE_NAME_MAX - 1) + "}"
)


def is_template_name(text: str) -> bool:
    return TEMPLATE_NAME.fullmatch(text) is not None and text == text.strip()


def check_template_name(text: str) -> None:
    """ValueError unless ``text`` is a template name."""
    if not is_template_name(text):
        raise ValueError(f"write {TEMPLATE_NAME_HINT}")
