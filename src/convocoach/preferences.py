"""How the app looks (the theme), remembered between runs in ``preferences.yaml``."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

from convocoach.diagnostics import InvalidFile, UserError
from convocoach.schema import INVALID, Field, Record, Text, convert_document
from convocoach.yamlsafe import compose_bytes

DEFAULT_THEME = "textual-dark"


@dataclass(frozen=True, slots=True)
class Preferences:
    theme: str = DEFAULT_THEME


PREFERENCES = Record("Preferences", "How the app looks.", (
    Field("theme", Text(max_length=60, one_line=True, pattern=re.compile(r"[a-z0-9][a-z0-9-]*"),
                        pattern_hint="a theme name like textual-light"),
          "The colour theme (any name in the app's theme picker).", default=DEFAULT_THEME),
), Preferences)


def load_preferences(path: Path) -> Preferences:
    """The preferences in ``path``; defaults when missing; :class:`InvalidFile` when bad."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Preferences()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    root = compose_bytes(data, str(path))
    if root is None:
        return Preferences()
    value, problems = convert_document(root, PREFERENCES, str(path))
    if problems or value is INVALID:
        raise InvalidFile(str(path), problems)
    assert isinstance(value, Preferences)
    return value


def save_preferences(path: Path, preferences: Preferences) -> None:
    import yaml

    from convocoach.atomicfile import write_text_atomic

    text = "# convocoach preferences (the app writes this file)\n" + yaml.safe_dump(
        asdict(preferences), sort_keys=False, allow_unicode=True)
    write_text_atomic(path, text)
