"""``convocoach sessions sheet``: a session's whole plan as a one-page prep sheet.

A module of its own: the sheet reads the playbook model and the profile (with its time
zones), which listing or showing sessions does without.
"""

from __future__ import annotations

import argparse
from datetime import date

from convocoach.cli.context import CliContext
from convocoach.cli.output import emit
from convocoach.profile import load_profile
from convocoach.sessions.plan_sheet import plan_sheet_html, plan_sheet_markdown
from convocoach.sessions.timing_check import check_timing


def cmd_sheet(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.reader() as store:
        session = store.get(args.id)
    playbook = ctx.session_playbook(session)
    profile = load_profile(ctx.locations.settings_file)
    notes = check_timing(session, playbook, profile, date.today())
    render = plan_sheet_html if args.format == "html" else plan_sheet_markdown
    emit(render(session, playbook, notes, profile.language), args.output)
    return 0
