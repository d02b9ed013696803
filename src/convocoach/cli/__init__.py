"""The ``convocoach`` command. Only starting the app imports Textual."""

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
        from convocoach.cli.parser import build_parser

        args = build_parser().parse_args(words)
        ctx = CliContext.from_args(args)
        if args.command is None:
            from convocoach.cli.app_cmd import run_app

            return run_app(ctx)
        if args.command == "locate" or getattr(args, "action", None) == "locate":
            from convocoach.cli.locate_cmd import locate

            return locate(ctx, args)
        if args.command == "rehearse":
            from convocoach.cli.rehearse_cmd import cmd_rehearse

            return cmd_rehearse(ctx, args)
        if args.command == "serve":
            from convocoach.cli.serve_cmd import cmd_serve

            return cmd_serve(ctx, args)
        if args.command == "workshop":
            from convocoach.cli import workshop_cmd

            run_workshop = getattr(workshop_cmd, f"cmd_{args.action or 'open'}")
            return int(run_workshop(ctx, args))
        if args.command == "check":
            from convocoach.cli.check_cmd import cmd_check

            return cmd_check(ctx, args)
        if args.command in ("email", "demo", "profile"):
            from convocoach.cli import followup_cmd

            code: int = getattr(followup_cmd, f"cmd_{args.command}")(ctx, args)
            return code
        if args.command == "sessions":
            from convocoach.cli import sessions_cmd as commands
        else:
            from convocoach.cli import playbooks_cmd as commands  # type: ignore[no-redef]

        handler = getattr(commands, f"cmd_{args.action}")
        result: int = handler(ctx, args)
        return result
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
