"""``convocoach playbooks preview FILE``: the app on one playbook file, read again on every save."""

from __future__ import annotations

import argparse
import gc
from pathlib import Path
from typing import TYPE_CHECKING

from convocoach.cli.context import CliContext
from convocoach.diagnostics import UserError

if TYPE_CHECKING:
    from convocoach.tui.app import ConvocoachApp


def cmd_preview(ctx: CliContext, args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.exists():
        raise UserError(
            f"no file {str(path)!r}",
            "check the path, or write a starter with 'convocoach playbooks new ID'",
        )
    if not path.is_file():
        raise UserError(f"{str(path)!r} is not a file", "give the path of one playbook file")
    # The file need not be valid: the preview shows what is wrong and waits for a good save.
    gc.disable()  # as for the app itself: see app_cmd
    # Lazy: Textual and the app only once the collector is off, as in app_cmd
    from convocoach.tui.app import make_app

    app = make_app(ctx.locations, open_with=lambda app: open_preview(app, path))
    app.run()
    return app.return_code or 0


def open_preview(app: ConvocoachApp, path: Path) -> None:
    # Lazy: the preview screen once the app runs, as Textual in cmd_preview
    from convocoach.tui.screens.playbook_preview import PlaybookPreviewScreen

    app.push_screen(PlaybookPreviewScreen(app.context, path))
