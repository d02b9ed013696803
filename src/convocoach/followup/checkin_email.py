"""Render a session's check-in email (the second template family, ``checkin-NAME``) in the
follow-up's formats but the ``.ics`` (the follow-up's invite already holds every check-in)."""

from __future__ import annotations

from datetime import datetime, timezone

from convocoach.followup.checkin_context import build_checkin_context, checkin_subject
from convocoach.followup.email import Template, find_template, made, render_template
from convocoach.followup.email_playbook import EmailPlaybook
from convocoach.followup.formats import FORMATS, Draft
from convocoach.followup.language import ENGLISH, EmailLanguage
from convocoach.locations import Locations
from convocoach.profile import Profile
from convocoach.sessions.model import Session
from convocoach.textsafety import clean_text

DEFAULT_CHECKIN_TEMPLATE = "checkin-standard"
CHECKIN_FORMATS: tuple[str, ...] = ("md", "txt", "html", "eml")
CHECKIN_FORMAT_LABELS: dict[str, str] = {name: FORMATS[name].label for name in CHECKIN_FORMATS}


def find_checkin_template(locations: Locations, name: str = DEFAULT_CHECKIN_TEMPLATE) -> Template:
    """A check-in template by NAME (``checkin-…``), found as a follow-up one is."""
    return find_template(locations, name, checkin=True)


def render_checkin_markdown(
    template: Template,
    session: Session,
    playbook: EmailPlaybook | None,
    profile: Profile,
    now: datetime,
    language: EmailLanguage = ENGLISH,
) -> str:
    context = build_checkin_context(session, playbook, profile, now, language)
    return render_template(template, context, language)


def render_checkin_all(
    formats: tuple[str, ...],
    template: Template,
    session: Session,
    playbook: EmailPlaybook | None,
    profile: Profile,
    now: datetime | None = None,
    language: EmailLanguage = ENGLISH,
) -> dict[str, bytes]:
    """The check-in email in several of :data:`CHECKIN_FORMATS` at once, in ``language``
    (the template runs once). Control characters are removed once, before any format is
    made."""
    unknown = set(formats) - set(CHECKIN_FORMATS)
    if unknown:
        raise ValueError(f"not a check-in email format: {sorted(unknown)}")
    moment = now or datetime.now(timezone.utc)
    subject = clean_text(checkin_subject(session, playbook, language))
    markdown = clean_text(
        render_checkin_markdown(template, session, playbook, profile, moment, language)
    )
    draft = Draft(subject, markdown, session, playbook, profile, moment, language)
    return made(formats, draft)
