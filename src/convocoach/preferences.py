"""How the app looks (the theme, a still cursor) and where it saves files, remembered in
``preferences.json``.

The app writes this file itself, so it is JSON: read without a YAML parser at start-up.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from convocoach.atomicfile import write_text_atomic
from convocoach.diagnostics import InvalidFile, Problem, UserError

DEFAULT_THEME = "textual-dark"
_THEME = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")


@dataclass(frozen=True, slots=True)
class Preferences:
    theme: str = DEFAULT_THEME
    cursor_blink: bool = True
    """False holds text cursors still (easier on some eyes; also used by the tests)."""
    export_dir: str = ""
    """The folder exports go to, as last chosen; empty means the current directory."""


def load_preferences(path: Path) -> Preferences:
    """The preferences in ``path``; defaults when missing; :class:`InvalidFile` when bad."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Preferences()
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read {path}: {exc}", "delete the file to start afresh") from None
    source = str(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidFile(
            source,
            [
                Problem(
                    source,
                    exc.lineno,
                    exc.colno,
                    "",
                    exc.msg,
                    "delete the file to start afresh",
                    "json",
                )
            ],
        ) from None
    if not isinstance(data, dict):
        raise InvalidFile(
            source,
            [
                Problem(
                    source,
                    1,
                    1,
                    "",
                    "expected a JSON object",
                    "delete the file to start afresh",
                    "json",
                )
            ],
        )
    theme = data.get("theme", DEFAULT_THEME)
    if not isinstance(theme, str) or not _THEME.fullmatch(theme):
        raise InvalidFile(
            source,
            [
                Problem(
                    source,
                    1,
                    1,
                    "theme",
                    f"{theme!r} is not a theme name",
                    "use a name like textual-light",
                    "theme",
                )
            ],
        )
    blink = data.get("cursor_blink", True)
    if not isinstance(blink, bool):
        raise InvalidFile(
            source,
            [
                Problem(
                    source,
                    1,
                    1,
                    "cursor_blink",
                    f"{blink!r} is not true or false",
                    "write true or false",
                    "cursor_blink",
                )
            ],
        )
    export_dir = data.get("export_dir", "")
    if not isinstance(export_dir, str) or "\x00" in export_dir:
        raise InvalidFile(
            source,
            [
                Problem(
                    source,
                    1,
                    1,
                    "export_dir",
                    f"{export_dir!r} is not a folder",
                    "write a folder path in quotes, or remove the key",
                    "export_dir",
                )
            ],
        )
    return Preferences(theme=theme, cursor_blink=blink, export_dir=export_dir)


def save_preferences(path: Path, preferences: Preferences) -> None:
    data = asdict(preferences)
    if not data["export_dir"]:
        del data["export_dir"]  # absent: the current directory, wherever the app starts
    write_text_atomic(path, json.dumps(data, indent=2) + "\n")
