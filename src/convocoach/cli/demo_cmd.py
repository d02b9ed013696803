"""``convocoach demo``: a sample session to try the other commands on."""

from __future__ import annotations

import argparse
from datetime import date

from convocoach.cli.context import CliContext
from convocoach.cli.output import say, warn
from convocoach.demo import DEMO_PLAYBOOK, create_demo_session, existing_demo_session


def cmd_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.store() as store:
        sid = None if args.new else existing_demo_session(store)
        made = sid is None
        if sid is None:
            sid = create_demo_session(store, ctx.playbook(DEMO_PLAYBOOK), date.today())
    say(str(sid))
    warn(
        f"{'created' if made else 'reusing'} demo session {sid}"
        f"{'' if made else ' (--new makes a fresh one)'}; try:\n"
        f"  convocoach sessions show {sid}\n"
        f"  convocoach email {sid} --format md\n"
        f"  convocoach email {sid} --format eml -o followup.eml"
    )
    return 0
