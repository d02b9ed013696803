"""Start the terminal app (the only command that imports Textual)."""

from __future__ import annotations

from convocoach.cli.context import CliContext


def run_app(ctx: CliContext) -> int:
    from convocoach.tui.app import make_app

    app = make_app(ctx.locations)
    app.run()
    return app.return_code or 0
