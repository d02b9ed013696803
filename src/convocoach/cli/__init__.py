"""The ``convocoach`` command. Only starting the app imports Textual.

Every command is an entry of the table in ``table.py``: see there to add one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from convocoach.cli.output import warn
from convocoach.diagnostics import InvalidFile, UserError

TYPE_CHECKING = False  # typing costs a shell prompt's "convocoach due" a sixth of its start
if TYPE_CHECKING:
    from convocoach.cli.context import CliContext


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code (2 for bad input)."""
    words = sys.argv[1:] if argv is None else list(argv)
    try:
        if words[:1] == ["due"]:
            # Lazy: a shell prompt runs "due" before every line; a plain one needs neither
            # the parser nor the playbook library (see due_cmd.quick).
            from convocoach.cli.due_cmd import quick

            code = quick(words[1:])
            if code is not None:
                return code
        # Lazy: the playbook library's modules and pathlib, which "due" above does without.
        from convocoach.cli.context import CliContext
        from convocoach.locations import Locations  # Lazy: as above

        if not words:  # the app, as most runs are: no parser to build first
            return _run_app(CliContext(Locations.from_env()))
        # Lazy: argparse and the table of commands only when a command is given; the app
        # starts without them.
        from convocoach.cli import parser, table

        args = parser.parse(words)
        ctx = CliContext.from_args(args)
        if args.command is None:  # only common options: the app, on the folders they name
            return _run_app(ctx)
        return table.load_handler(args.command)(ctx, args)
    except (UserError, InvalidFile) as exc:
        warn(exc.format())
        return 2
    except Exception as exc:
        # The disk or the database failed under us (full, read-only, locked too long):
        # say so plainly; a genuine bug still shows its traceback.
        if isinstance(exc, OSError) or type(exc).__module__ == "sqlite3":
            warn(
                f"error: {exc}\n    fix: check free space and permissions of the data "
                "folder ('convocoach locate')"
            )
            return 1
        raise


def _run_app(ctx: CliContext) -> int:
    # Lazy: like each command's module (see table.load_handler), the app's is imported only
    # when it runs.
    from convocoach.cli.app_cmd import run_app

    return run_app(ctx)


def run() -> None:
    """Console-script entry point."""
    try:
        code = main()
        sys.stdout.flush()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        # The reader went away (``| head``); stay quiet like other command-line tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    sys.exit(code)
