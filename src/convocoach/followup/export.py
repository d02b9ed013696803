"""Write a session's follow-up (or check-in email) to a folder, one file per format, each
written atomically."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from convocoach.atomicfile import write_bytes_atomic
from convocoach.filenames import slug
from convocoach.followup.checkin_email import render_checkin_all
from convocoach.followup.email import Template, render_all
from convocoach.followup.email_playbook import EmailPlaybook
from convocoach.followup.language import ENGLISH, EmailLanguage
from convocoach.profile import Profile
from convocoach.sessions.model import Session


def file_stem(session: Session, kind: str = "followup") -> str:
    """A safe, readable file name stem, e.g. ``northwind-checkout-launch-followup``."""
    source = session.title or session.client.company or session.client.name or "session"
    return f"{slug(source, 'session')}-{kind}"


def export_followup(
    folder: Path,
    formats: tuple[str, ...],
    template: Template,
    session: Session,
    playbook: EmailPlaybook | None,
    profile: Profile,
    now: datetime,
    language: EmailLanguage = ENGLISH,
) -> list[Path]:
    """Render ``formats`` in ``language`` and write them into ``folder``; returns the paths
    written."""
    rendered = render_all(formats, template, session, playbook, profile, now, language)
    return _write(folder, file_stem(session), rendered)


def export_checkin(
    folder: Path,
    formats: tuple[str, ...],
    template: Template,
    session: Session,
    playbook: EmailPlaybook | None,
    profile: Profile,
    now: datetime,
    language: EmailLanguage = ENGLISH,
) -> list[Path]:
    """The check-in email in ``formats`` and ``language``, written into ``folder``
    (``…-checkin.md`` …)."""
    rendered = render_checkin_all(formats, template, session, playbook, profile, now, language)
    return _write(folder, file_stem(session, "checkin"), rendered)


def _write(folder: Path, stem: str, rendered: dict[str, bytes]) -> list[Path]:
    written = []
    for fmt, data in rendered.items():
        path = folder / f"{stem}.{fmt}"
        write_bytes_atomic(path, data)
        written.append(path)
    return written
