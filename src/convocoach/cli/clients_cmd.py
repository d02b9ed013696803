"""``convocoach clients [list]``: every client, numbered, with their conversations."""

from __future__ import annotations

import argparse
import json

from convocoach.cli.context import CliContext
from convocoach.cli.output import aligned, emit, warn
from convocoach.followthrough.clients import ClientGroup, list_clients


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.reader() as store:
        groups = list_clients(store, store.today())
    if args.format == "json":
        listed = [_as_json(number, group) for number, group in enumerate(groups, 1)]
        emit(json.dumps(listed, indent=2, ensure_ascii=False) + "\n", None)
        return 0
    if not groups:
        warn("no sessions yet; start one in the app ('convocoach') or run 'convocoach demo'")
        return 0
    table = [("#", "CLIENT", "COMPANY", "SESSIONS", "OPEN", "OVERDUE", "LAST MEETING")]
    table += [
        (
            str(number),
            group.name if group.named else group.label,
            group.company or "-",
            str(len(group.conversations)),
            str(group.open_steps),
            str(group.overdue_steps),
            group.last_meeting or "-",
        )
        for number, group in enumerate(groups, 1)
    ]
    emit(aligned(table), None)
    return 0


def _as_json(number: int, group: ClientGroup) -> dict[str, object]:
    return {
        "number": number,
        "name": group.name,
        "company": group.company,
        "label": group.label,
        "open_steps": group.open_steps,
        "overdue_steps": group.overdue_steps,
        "last_meeting": group.last_meeting,
        "conversations": [
            {
                "session_id": c.session_id,
                "title": c.title,
                "playbook_id": c.playbook_id,
                "meeting_date": c.meeting_date,
                "outcome": c.result,
                "outcome_label": c.result_label,
                "sent_at": c.sent_at,
                "open_steps": c.open_steps,
                "overdue_steps": c.overdue_steps,
            }
            for c in group.conversations
        ],
    }
