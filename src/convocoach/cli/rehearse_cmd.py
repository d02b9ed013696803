"""``convocoach rehearse``: straight into a role-play, for a session or a playbook."""

from __future__ import annotations

import argparse
import gc

from convocoach.cli.context import CliContext
from convocoach.diagnostics import UserError

PRACTICE = "Practice: "


def cmd_rehearse(ctx: CliContext, args: argparse.Namespace) -> int:
    store = ctx.store()
    if args.session:
        session = store.get(args.session)
        playbook_id, session_id = session.playbook_id, args.session
    else:
        playbook_id, session_id = args.playbook, 0
    loaded = ctx.playbook(playbook_id)
    if loaded is None:
        raise UserError(f"no playbook {playbook_id!r}",
                        "see the ids with 'convocoach playbooks list'")
    if loaded.playbook.rehearsal is None:
        raise UserError(f"the playbook {playbook_id!r} has no role-play",
                        "pick one with a 'rehearsal' section (every bundled playbook has one)")
    if not session_id:
        # One practice session per playbook, reused: practising should not fill the list.
        title = PRACTICE + loaded.title
        session_id = store.find_titled(playbook_id, title) or \
            store.create(playbook_id, loaded.digest, title)
    store.close()
    gc.disable()  # as for the app itself: see app_cmd
    from convocoach.tui.app import make_app

    app = make_app(ctx.locations, rehearse_session=session_id,
                   live_feedback=not args.no_live_feedback)
    app.run()
    return app.return_code or 0
