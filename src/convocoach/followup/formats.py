"""Every format the follow-up is exported in, declared once: its name (the file suffix and the
``--format`` choice), the label the app shows, and how it is made from the rendered email.

To add a format, write its maker (a function of :class:`Draft` to bytes, in its own module
if it is more than a few lines) and add one :class:`Format` to ``FORMATS``: the CLI's choices,
the app's export form and ``render_all`` all read this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from convocoach.followup.email_words import BY_DATE, CHECKIN_SUBJECT
from convocoach.followup.language import ENGLISH, EmailLanguage
from convocoach.followup.localise import words_in
from convocoach.sessions.checkin_dates import first_checkin, last_checkin
from convocoach.textsafety import clean_text

if TYPE_CHECKING:  # only named here: the command line reads the table without loading them
    from convocoach.playbooks.model import Playbook
    from convocoach.profile import Profile
    from convocoach.sessions.model import Session


@dataclass
class Draft:
    """The email once written (by the template or by the user), that every format is made
    from; the plain text and the HTML are made once, on first use."""

    subject: str
    markdown: str
    session: Session
    playbook: Playbook | None
    profile: Profile
    now: datetime
    language: EmailLanguage = ENGLISH

    @cached_property
    def text(self) -> str:
        # Lazy: markdown-it only for a format that needs it; "email --format md" starts
        # without it, and "playbooks list" reads this table for the format names.
        from convocoach.followup.plaintext import markdown_to_text

        return markdown_to_text(self.markdown)

    @cached_property
    def html(self) -> str:
        # Lazy: markdown-it only for a format that needs it (as for the text above)
        from convocoach.followup.htmlmail import markdown_to_email_html

        return markdown_to_email_html(self.markdown, self.subject, self.language.tag)


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    """The file suffix and the ``--format`` choice."""
    label: str
    """What the app's export form says about it."""
    make: Callable[[Draft], bytes]
    needs_addresses: bool = False
    """Whether it carries the addresses (a draft or an invite leaves out one that is not)."""


def _markdown(draft: Draft) -> bytes:
    return draft.markdown.encode("utf-8")


def _text(draft: Draft) -> bytes:
    return draft.text.encode("utf-8")


def _html(draft: Draft) -> bytes:
    return draft.html.encode("utf-8")


def _eml(draft: Draft) -> bytes:
    # Lazy: the email package only when a draft is written
    from convocoach.followup.eml import build_eml

    profile, client = draft.profile, draft.session.client
    return build_eml(
        draft.subject,
        draft.text,
        draft.html,
        profile.name,
        profile.email,
        client.name,
        client.email,
        draft.language.tag,
    )


def _ics(draft: Draft) -> bytes:
    # Lazy: the time zone database only when an invite is written
    from zoneinfo import ZoneInfo

    # Lazy: the email package (through eml) and icalendar only when an invite is written
    from convocoach.followup.ics import build_ics, checkin_start

    session, profile, now = draft.session, draft.profile, draft.now
    zone = ZoneInfo(profile.timezone)
    day = first_checkin(
        session.next_checkin,
        session.meeting.date,
        session.cadence,
        now.astimezone(zone).date() if now.tzinfo else date.today(),
    )
    start = checkin_start(day, session.meeting.time or profile.business_start, zone)
    words = words_in(draft.language)
    steps = "\n".join(
        f"- {s.action}"
        + (" (" + words.gettext(BY_DATE) % {"date": words.date(s.due)} + ")" if s.due else "")
        for s in session.next_steps
        if s.status == "open"
    )
    return build_ics(
        uid=f"{session.uuid}-checkin@convocoach",
        summary=words.gettext(CHECKIN_SUBJECT) % {"subject": draft.subject},
        description=clean_text(steps) or draft.subject,
        start=start,
        cadence=session.cadence,
        until=last_checkin(day, session.checkin_until),
        organizer=profile.email,
        attendee=session.client.email,
        stamp=now,
    )


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("md", "Markdown (.md)", _markdown),
        Format("txt", "Plain text (.txt)", _text),
        Format("html", "HTML (.html)", _html),
        Format("eml", "Email draft to open in your mail app (.eml)", _eml, needs_addresses=True),
        Format("ics", "Calendar invite for the next check-in (.ics)", _ics, needs_addresses=True),
    )
}
FORMAT_NAMES: tuple[str, ...] = tuple(FORMATS)
