"""``convocoach due``: what is overdue or due today, for a shell prompt or cron.

A prompt runs it before every line, so it starts fast: this module imports only the lean
due list (``followthrough.due``) and the standard library, and :func:`quick` runs a plain
command line (``due [--format F] [--now T] [--data-dir D] [--config-dir D]``) without
building the parser. Anything else (``--help``, a typo) goes through the parser as every
command does, and ends in :func:`cmd_due` all the same.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import datetime, timezone

from convocoach import folders
from convocoach.cli.output import emit
from convocoach.diagnostics import UserError
from convocoach.followthrough.business_hours import BusinessHours, read_business_hours
from convocoach.followthrough.due import due_items, due_line
from convocoach.followthrough.due_db import open_for_due
from convocoach.textsafety import visible

TYPE_CHECKING = False  # typing costs a shell prompt's "convocoach due" a sixth of its start
if TYPE_CHECKING:
    from convocoach.cli.context import CliContext
    from convocoach.cli.table import Arguments

NOW_VARIABLE = "CONVOCOACH_NOW"
FORMATS = ("text", "json")
_QUICK_OPTIONS = ("--format", "--now", "--data-dir", "--config-dir")


def cmd_due(ctx: CliContext, args: Arguments) -> int:
    locations = ctx.locations
    return run_due(locations.settings_file, locations.database, args.format, args.now)


def quick(words: Sequence[str]) -> int | None:
    """Run ``due`` from the words after its name when they are plain; None otherwise (the
    parser then reads them, and says what is wrong)."""
    values: dict[str, str] = {}
    rest = list(words)
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=")
        if name not in _QUICK_OPTIONS or name in values:
            return None
        if not equals:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        values[name] = value
    fmt = values.get("--format", "text")
    if fmt not in FORMATS:
        return None
    config_dir = folders.user_dir("config", os.environ, values.get("--config-dir") or None)
    data_dir = folders.user_dir("data", os.environ, values.get("--data-dir") or None)
    if config_dir is None or data_dir is None:
        return None  # only platformdirs knows the folders: the full way finds them
    settings_file = os.path.join(config_dir, folders.SETTINGS_FILE)
    database = os.path.join(data_dir, folders.DATABASE_FILE)
    return run_due(settings_file, database, fmt, values.get("--now"))


def run_due(
    settings_file: str | os.PathLike[str],
    database: str | os.PathLike[str],
    fmt: str,
    now_text: str | None,
) -> int:
    """Print what is due (nothing at all when nothing is); 0, or raise a UserError."""
    hours = read_business_hours(settings_file)
    now = read_now(now_text, hours)
    db = open_for_due(database)
    if db is None:
        items = []
    else:
        try:
            items = due_items(db, hours, now)
        finally:
            db.close()
    if fmt == "json":
        # Lazy: json only for --format json; a prompt's plain lines start without it.
        import json

        emit(json.dumps([item.as_json() for item in items], indent=2) + "\n", None)
    elif items:
        lines = (due_line(item) for item in items)
        # Most lines hold no control character: only those go through visible()'s search.
        text = "".join((line if line.isprintable() else visible(line)) + "\n" for line in lines)
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    return 0


def read_now(given: str | None, hours: BusinessHours) -> datetime:
    """``--now``, else ``$CONVOCOACH_NOW``, else the clock; a time with no offset is the
    sender's own (the profile's zone)."""
    source, text = "--now", given
    if text is None:
        source, text = NOW_VARIABLE, os.environ.get(NOW_VARIABLE, "").strip() or None
    if text is None:
        return datetime.now(timezone.utc)
    try:
        # Python 3.10 reads an offset but not the "Z" (UTC) that 3.11 also reads.
        when = datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in "Zz" else text)
    except ValueError:
        raise UserError(
            f"{source}: {text!r} is not a date and time",
            "give one like 2026-11-23T09:00 or 2026-11-23T09:00+00:00",
        ) from None
    return when if when.tzinfo is not None else when.replace(tzinfo=hours.zone)
