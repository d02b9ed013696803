"""The ``convocoach`` command. Only starting the app imports Textual.

Every command is an entry of the table in ``table.py``: see there to add one.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from convocoach.diagnostics import InvalidFile, UserError


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code (2 for bad input)."""
    from convocoach.cli.context import CliContext

    words = sys.argv[1:] if argv is None else list(argv)
    try:
        if not words:  # the app, as most runs are: no parser to build first
            from convocoach.cli.app_cmd import run_app
            from convocoach.locations import Locations

            return run_app(CliContext(Locations.from_env()))
        from convocoach.cli.parser import parse
        from convocoach.cli.table import load_handler

        args = parse(words)
        ctx = CliContext.from_args(args)
        if args.command is None:  # only common options: the app, on the folders they name
            from convocoach.cli.app_cmd import run_app

            return run_app(ctx)
        return load_handler(args.command)(ctx, args)
    except (UserError, InvalidFile) as exc:
        from convocoach.cli.output import warn

        warn(exc.format())
        return 2
    except Exception as exc:
        # The disk or the database failed under us (full, read-only, locked too long):
        # say so plainly; a genuine bug still shows its traceback.
        if isinstance(exc, OSError) or type(exc).__module__ == "sqlite3":
            from convocoach.cli.output import warn

            warn(
                f"error: {exc}\n    fix: check free space and permissions of the data "
                "folder ('convocoach locate')"
            )
            return 1
        raise


def run() -> None:
    """Console-script entry point."""
    try:
        code = main()
        sys.stdout.flush()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        # The reader went away (``| head``); stay quiet like other command-line tools.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    sys.exit(code)
