"""Hand the terminal to the user's own editor ($VISUAL or $EDITOR) for one text."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from textual.app import App, SuspendNotSupported


class EditorUnavailable(Exception):
    """No editor could be run; the message says what to do instead."""


def editor_command() -> list[str]:
    configured = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if configured:
        return shlex.split(configured)
    for fallback in ("nano", "vi"):
        if shutil.which(fallback):
            return [fallback]
    raise EditorUnavailable(
        "Set $EDITOR to your editor (e.g. export EDITOR=nano), or press E to edit here."
    )


def edit_in_editor(app: App[object], text: str) -> str | None:
    """The text after editing; None when the file came back unchanged."""
    argv = editor_command()
    # The email holds client details: a private folder, removed as soon as we are done.
    with tempfile.TemporaryDirectory(prefix="convocoach-") as folder:
        path = Path(folder) / "followup.md"
        path.write_text(text, encoding="utf-8")
        try:
            with app.suspend():
                status = subprocess.call([*argv, str(path)])
        except SuspendNotSupported:
            raise EditorUnavailable(
                "This terminal cannot hand over to another program; press E to edit here."
            ) from None
        except OSError as exc:
            raise EditorUnavailable(
                f"Could not start {argv[0]}: {exc.strerror or exc}. "
                "Set $EDITOR, or press E to edit here."
            ) from None
        if status != 0:
            raise EditorUnavailable(
                f"{argv[0]} exited with status {status}; the email was not changed."
            )
        edited = path.read_text(encoding="utf-8", errors="replace")
    return None if edited == text else edited
