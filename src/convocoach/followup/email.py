"""Render a session's follow-up email in any output format."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from convocoach.diagnostics import UserError
from convocoach.emailaddress import ADDRESS_HINT, is_address
from convocoach.followup.context import build_context, subject_for
from convocoach.followup.email_playbook import EmailPlaybook
from convocoach.followup.formats import FORMATS, Draft
from convocoach.followup.language import ENGLISH, EmailLanguage
from convocoach.followup.localise import words_in
from convocoach.locations import Locations
from convocoach.profile import Profile
from convocoach.sessions.model import Session
from convocoach.sessions.template_name import check_template_name, is_template_name
from convocoach.textsafety import clean_text
from convocoach.yamlsafe import decode_utf8, read_limited

TEMPLATE_SUFFIX = ".md.j2"
DEFAULT_TEMPLATE = "standard"
CHECKIN_PREFIX = "checkin-"
"""A check-in email template's name starts so (``checkin-standard``); a follow-up's never does."""
MAX_TEMPLATE_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    source: str
    trusted: bool
    """Bundled templates render in-process; the user's own in a limited child process."""


def template_names(locations: Locations, checkin: bool = False) -> list[str]:
    """The names a session may use: templates inside the bundled and the user's folder, of
    the follow-up or (``checkin``) of the check-in email (see :data:`CHECKIN_PREFIX`)."""
    names = set()
    for folder in (locations.bundled_templates, locations.user_templates):
        if folder.is_dir():
            names |= {
                name
                for p in folder.glob(f"*{TEMPLATE_SUFFIX}")
                if is_template_name(name := p.name.removesuffix(TEMPLATE_SUFFIX))
                and _inside(p, folder)
                and name.startswith(CHECKIN_PREFIX) == checkin
            }
    return sorted(names)


def _inside(path: Path, folder: Path) -> bool:
    # A symlink in the templates folder may point anywhere: the resolved file must stay in.
    return path.resolve().is_relative_to(folder.resolve())


def find_template(
    locations: Locations, name: str = DEFAULT_TEMPLATE, checkin: bool = False
) -> Template:
    """A template by NAME, looked up only inside the user's folder (which wins) and the bundled
    one; a path, or a name whose file resolves outside its folder, is refused, and so is a
    name of the other family (a check-in template for the follow-up, or the other way).

    A session's template (typed, stored or imported) always comes through here, so no value
    read from a file can make the app read another file.
    """
    try:
        check_template_name(name)
    except ValueError as exc:
        raise UserError(f"template {name!r}: {exc}", _hint(locations, checkin)) from None
    if name.startswith(CHECKIN_PREFIX) != checkin:
        kind = "follow-up" if checkin else "check-in"
        raise UserError(f"{name!r} is a {kind} email template", _hint(locations, checkin))
    for folder, trusted in ((locations.user_templates, False), (locations.bundled_templates, True)):
        path = folder / f"{name}{TEMPLATE_SUFFIX}"
        if not path.exists():
            continue
        if not _inside(path, folder):
            raise UserError(
                f"template {name!r} leads outside {folder}",
                "keep the template itself in the templates folder, not a link",
            )
        source = _read(path)
        return Template(path.name if trusted else str(path), source, trusted)
    raise UserError(f"no template {name!r}", _hint(locations, checkin))


def _hint(locations: Locations, checkin: bool) -> str:
    return "templates: " + ", ".join(template_names(locations, checkin))


def template_file(path: Path) -> Template:
    """The template in ``path``, for ``--template FILE`` typed on the user's own command line."""
    return Template(str(path), _read(path), trusted=False)


def _read(path: Path) -> str:
    try:
        data = read_limited(path, MAX_TEMPLATE_BYTES)
    except FileNotFoundError:
        raise UserError(f"no template file {path}") from None
    except OSError as exc:
        raise UserError(f"cannot read template {path}: {exc.strerror or exc}") from None
    return decode_utf8(data, str(path))


def render_markdown(
    template: Template,
    session: Session,
    playbook: EmailPlaybook | None,
    profile: Profile,
    language: EmailLanguage = ENGLISH,
) -> str:
    context = build_context(session, playbook, profile, language)
    return render_template(template, context, language)


def render_template(
    template: Template, context: Mapping[str, Any], language: EmailLanguage = ENGLISH
) -> str:
    """``template`` filled with ``context`` in ``language``: a bundled one here, a user's in
    a limited child process (``render.py``)."""
    # Lazy: Jinja only when an email is rendered, not when the app's follow-up step loads this
    from convocoach.followup.render import render_trusted, render_untrusted

    render = render_trusted if template.trusted else render_untrusted
    return render(template.source, template.name, context, language)


def render_followup(
    fmt: str,
    template: Template,
    session: Session,
    playbook: EmailPlaybook | None,
    profile: Profile,
    now: datetime | None = None,
    language: EmailLanguage = ENGLISH,
) -> bytes:
    """The follow-up in ``fmt`` (one of ``formats.FORMATS``) as bytes ready to write."""
    return render_all((fmt,), template, session, playbook, profile, now, language)[fmt]


def render_all(
    formats: tuple[str, ...],
    template: Template,
    session: Session,
    playbook: EmailPlaybook | None,
    profile: Profile,
    now: datetime | None = None,
    language: EmailLanguage = ENGLISH,
) -> dict[str, bytes]:
    """Several formats at once, in ``language``; the template runs once and the others
    derive from it.

    The template runs even when only the ``.ics`` is asked for, so a broken template is
    reported whichever format is chosen. Control characters (ESC, BEL... from a user's
    template, a draft or a field) are removed here, once, before any format is made.
    """
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown formats {sorted(unknown)}")
    # The user's own edit of the email wins over the template once they have made one.
    markdown = session.email_draft or render_markdown(
        template, session, playbook, profile, language
    )
    draft = Draft(
        clean_text(subject_for(session, playbook, words_in(language))),
        clean_text(markdown),
        session,
        playbook,
        profile,
        now or datetime.now(timezone.utc),
        language,
    )
    return made(formats, draft)


def made(formats: tuple[str, ...], draft: Draft) -> dict[str, bytes]:
    """Each of ``formats`` made from the written email."""
    return {fmt: FORMATS[fmt].make(draft) for fmt in formats}


def address_warnings(formats: tuple[str, ...], session: Session, profile: Profile) -> list[str]:
    """What the ``.eml`` and ``.ics`` leave out because an address is not one address."""
    if not any(FORMATS[fmt].needs_addresses for fmt in formats):
        return []
    found = []
    for who, value, header, where in (
        (
            "the client's email",
            session.client.email,
            "To: and no invite attendee",
            "the session's Situation step",
        ),
        ("your email", profile.email, "From: and no invite organizer", "your profile"),
    ):
        if value and not is_address(value):
            found.append(
                f"{who} {value!r} is not {ADDRESS_HINT}: the draft has no {header}; "
                f"fix it in {where}"
            )
    return found
