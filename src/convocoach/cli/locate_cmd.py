"""``convocoach locate``: every folder and file convocoach reads or writes."""

from __future__ import annotations

import argparse
import json

from convocoach.cli.context import CliContext
from convocoach.cli.output import emit


def cmd_locate(ctx: CliContext, args: argparse.Namespace) -> int:
    loc = ctx.locations
    rows: list[tuple[str, str]] = [
        ("bundled playbooks", str(loc.bundled_playbooks)),
        ("bundled templates", str(loc.bundled_templates)),
        ("user playbooks", str(loc.user_playbooks)),
        ("user templates", str(loc.user_templates)),
        ("settings", str(loc.settings_file)),
        ("preferences", str(loc.preferences_file)),
        ("data folder", str(loc.data_dir)),
        ("sessions database", str(loc.database)),
    ]
    rows += [("$CONVOCOACH_PLAYBOOKS", str(p)) for p in loc.env_playbook_dirs]
    rows += [("--playbooks", str(p)) for p in loc.option_playbook_dirs]
    if args.format == "json":
        emit(
            json.dumps([{"what": what, "path": path} for what, path in rows], indent=2) + "\n", None
        )
        return 0
    width = max(len(what) for what, _ in rows)
    emit("".join(f"{what.ljust(width)}  {path}\n" for what, path in rows), None)
    return 0
