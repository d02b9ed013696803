"""``convocoach email``, ``convocoach demo`` and ``convocoach profile``."""

from __future__ import annotations

import argparse
import os
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from convocoach.cli.context import CliContext
from convocoach.cli.output import emit, say, warn
from convocoach.profile import Profile, dump_profile, load_profile, with_value

if TYPE_CHECKING:
    from convocoach.followup.email import Template


def _profile(ctx: CliContext) -> Profile:
    return load_profile(ctx.locations.settings_file)


def cmd_email(ctx: CliContext, args: argparse.Namespace) -> int:
    from convocoach.followup.email import address_warnings, render_followup

    with ctx.reader() as store:
        session = store.get(args.id)
    playbook = ctx.session_playbook(session)
    template = _template(ctx, args.template or "", session.template)
    if args.template:
        session = replace(session, email_draft="")  # an explicit template beats an edited draft
    profile = _profile(ctx)
    data = render_followup(args.format, template, session, playbook, profile)
    for problem in address_warnings((args.format,), session, profile):
        warn(problem)
    from convocoach.followup.context import send_by_for
    from convocoach.wording import datetime_words

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
    from convocoach.followup.email import find_template, template_file

    if typed and ("/" in typed or os.sep in typed or typed.endswith(".j2")):
        return template_file(Path(typed))
    return find_template(ctx.locations, typed or stored)


def cmd_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from convocoach.demo import DEMO_PLAYBOOK, create_demo_session, existing_demo_session

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


def cmd_profile_set(ctx: CliContext, args: argparse.Namespace) -> int:
    path = ctx.locations.settings_file
    profile = with_value(_profile(ctx), args.key, args.value, str(path))
    emit(dump_profile(profile), path)
    return 0


def cmd_profile_show(ctx: CliContext, args: argparse.Namespace) -> int:
    profile = _profile(ctx)
    width = max(len(k) for k in asdict(profile))
    for key, value in asdict(profile).items():
        shown = value.replace("\n", " / ") if value else "-"
        say(f"{key.ljust(width)}  {shown}")
    return 0
