"""Start the terminal app (the only command that imports Textual)."""

from __future__ import annotations

import gc

from convocoach.cli.context import CliContext
from convocoach.lifeline import end_with_server
from convocoach.sessions.integrity import EarlyCheck


def run_app(ctx: CliContext) -> int:
    # Start-up builds many long-lived objects (classes, style rules, widgets) and next to no
    # garbage, yet the cyclic collector would walk them again and again before the first
    # paint. The app turns it back on once its first screen is drawn.
    gc.disable()
    end_with_server()
    # The sessions database is checked whole before the app reads it: begun now, the check
    # runs beside the imports below instead of after them.
    checked = EarlyCheck(ctx.locations.database)
    # Lazy: Textual and the app only once the collector is off (above), which an import at
    # the top of this module would come before.
    from convocoach.tui.app import make_app

    app = make_app(ctx.locations, checked=checked)
    app.run()
    return app.return_code or 0
