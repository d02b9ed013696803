"""``convocoach email``: a session's follow-up email, or its check-in email, in any format;
and marking the follow-up sent."""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from convocoach.cli.context import CliContext
from convocoach.cli.output import emit, say, warn
from convocoach.diagnostics import UserError
from convocoach.followup.checkin_context import checkin_for, checkin_send_by
from convocoach.followup.checkin_email import (
    CHECKIN_FORMATS,
    DEFAULT_CHECKIN_TEMPLATE,
    find_checkin_template,
    render_checkin_all,
)
from convocoach.followup.context import send_by_for
from convocoach.followup.email import (
    Template,
    address_warnings,
    find_template,
    render_followup,
    template_file,
)
from convocoach.followup.email_playbook import EmailPlaybook
from convocoach.followup.language import EmailLanguage, choose_language
from convocoach.followup.own_words import own_words, own_words_note
from convocoach.followup.sent import sent_stamp, sent_state
from convocoach.profile import Profile, load_profile
from convocoach.sessions.model import Session
from convocoach.wording import date_words, datetime_words


def cmd_email(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.at is not None and not args.mark_sent:
        raise UserError("--at goes with --mark-sent", "convocoach email ID --mark-sent --at WHEN")
    if (args.mark_sent or args.mark_unsent) and (args.language or args.register):
        raise UserError(
            "--language and --register choose how the email is written, not whether it was sent",
            "convocoach email ID --language de --register informal",
        )
    if args.mark_sent or args.mark_unsent:
        return _mark(ctx, args)
    if args.checkin:
        return _checkin(ctx, args)
    session, playbook, language, profile = _read(ctx, args)
    template = _template(ctx, args.template or "", session.template)
    if args.template:
        session = replace(session, email_draft="")  # an explicit template beats an edited draft
    data = render_followup(args.format, template, session, playbook, profile, None, language)
    _warn(args, session, profile, language, own_words(session))
    deadline = send_by_for(session, profile)
    if deadline is not None:
        _warn_send_by(deadline, profile, "the meeting")
    emit(data, args.output)
    return 0


def _checkin(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.format not in CHECKIN_FORMATS:
        raise UserError(
            f"the check-in email has no .{args.format}",
            f"formats: {', '.join(CHECKIN_FORMATS)} (the follow-up's .ics holds every check-in)",
        )
    session, playbook, language, profile = _read(ctx, args)
    typed = args.template or ""
    template = (
        template_file(Path(typed))
        if _is_path(typed)
        else find_checkin_template(ctx.locations, typed or DEFAULT_CHECKIN_TEMPLATE)
    )
    now = datetime.now(timezone.utc)
    rendered = render_checkin_all(
        (args.format,), template, session, playbook, profile, now, language
    )
    _warn(args, session, profile, language, own_words(session, checkin=True))
    zone = ZoneInfo(profile.timezone)
    day = checkin_for(session, now.astimezone(zone).date(), zone).day
    if day is not None:
        deadline = checkin_send_by(session, profile, day)
        _warn_send_by(deadline, profile, f"the check-in on {date_words(day)}")
    emit(rendered[args.format], args.output)
    return 0


def _mark(ctx: CliContext, args: argparse.Namespace) -> int:
    """``--mark-sent [--at WHEN]`` or ``--mark-unsent``; says when, against the send-by."""
    profile = load_profile(ctx.locations.settings_file)
    at = "" if args.mark_unsent else (sent_stamp(args.at, profile) if args.at else None)
    with ctx.store() as store:
        store.get(args.id)  # a missing session is said before anything is written
        store.mark_sent(args.id, at)
        session = store.get(args.id)
    say(sent_state(session, profile).words())
    return 0


def _read(
    ctx: CliContext, args: argparse.Namespace
) -> tuple[Session, EmailPlaybook | None, EmailLanguage, Profile]:
    """The session, what its email needs of its playbook, the email's language and the
    sender's profile."""
    with ctx.reader() as store:
        session = store.get(args.id)
    playbook = ctx.email_playbook(session)
    language = _language(session, args)
    return session, playbook, language, load_profile(ctx.locations.settings_file)


def _warn(
    args: argparse.Namespace,
    session: Session,
    profile: Profile,
    language: EmailLanguage,
    parts: list[str],
) -> None:
    """On stderr: the user's own words to translate, and the addresses left out."""
    note = own_words_note(language, parts)
    if note:
        warn(note)
    for problem in address_warnings((args.format,), session, profile):
        warn(problem)


def _warn_send_by(deadline: datetime, profile: Profile, after: str) -> None:
    warn(
        f"send by {datetime_words(deadline)} ({profile.timezone}): 3 business hours "
        f"after {after}, within the same business day"
    )


def _language(session: Session, args: argparse.Namespace) -> EmailLanguage:
    """The session's own choice (its email language, else its client's; its register),
    unless ``--language`` or ``--register`` say otherwise; UserError for a language
    convocoach cannot write, never English in its place."""
    return choose_language(
        args.language or session.email_language,
        session.client.language,
        args.register or session.email_register,
    )


def _is_path(typed: str) -> bool:
    return "/" in typed or os.sep in typed or typed.endswith(".j2")


def _template(ctx: CliContext, typed: str, stored: str) -> Template:
    """``--template`` may name a file (the user's own choice on their own command line);
    the session's stored template is only ever a name inside the templates folders."""
    if _is_path(typed):
        return template_file(Path(typed))
    return find_template(ctx.locations, typed or stored)
