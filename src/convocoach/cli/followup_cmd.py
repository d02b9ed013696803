"""``convocoach email``: a session's follow-up email, in any format."""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from pathlib import Path

from convocoach.cli.context import CliContext
from convocoach.cli.output import emit, warn
from convocoach.followup.context import send_by_for
from convocoach.followup.email import (
    Template,
    address_warnings,
    find_template,
    render_followup,
    template_file,
)
from convocoach.profile import load_profile
from convocoach.wording import datetime_words


def cmd_email(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.reader() as store:
        session = store.get(args.id)
    playbook = ctx.session_playbook(session)
    template = _template(ctx, args.template or "", session.template)
    if args.template:
        session = replace(session, email_draft="")  # an explicit template beats an edited draft
    profile = load_profile(ctx.locations.settings_file)
    data = render_followup(args.format, template, session, playbook, profile)
    for problem in address_warnings((args.format,), session, profile):
        warn(problem)
    deadline = send_by_for(session, profile)
    if deadline is not None:
        warn(
            f"send by {datetime_words(deadline)} ({profile.timezone}): 3 business hours "
            "after the meeting, within the same business day"
        )
    emit(data, args.output)
    return 0


def _template(ctx: CliContext, typed: str, stored: str) -> Template:
    """``--template`` may name a file (the user's own choice on their own command line);
    the session's stored template is only ever a name inside the templates folders."""
    if typed and ("/" in typed or os.sep in typed or typed.endswith(".j2")):
        return template_file(Path(typed))
    return find_template(ctx.locations, typed or stored)
