"""``convocoach clients export``: one client's history as Markdown, CSV or a calendar file.

A module of its own: the formats (the calendar library among them) are what listing clients
does without.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timezone

from convocoach.cli.context import CliContext
from convocoach.cli.output import emit, warn
from convocoach.followthrough.client_export import render_history
from convocoach.followthrough.clients import client_history, find_client, list_clients


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.reader() as store:
        today = store.today()
        group = find_client(list_clients(store, today), args.client)
        history = client_history(store, group, today)
    emit(render_history(history, args.format, datetime.now(timezone.utc)), args.output)
    if args.format == "ics" and not any(
        step.due for session in history.sessions for step in session.next_steps
    ):
        warn(f"note: no next step with {group.label} has a date, so the calendar has no to-dos")
    return 0
