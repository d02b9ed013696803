"""Render a session's follow-up email in any output format."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from convocoach.diagnostics import UserError
from convocoach.followup.context import build_context
from convocoach.locations import Locations
from convocoach.playbooks.model import Playbook
from convocoach.profile import Profile
from convocoach.sessions.model import Session

FORMATS = ("md", "txt", "html", "eml", "ics")
TEMPLATE_SUFFIX = ".md.j2"
DEFAULT_TEMPLATE = "standard"


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    source: str
    trusted: bool
    """Bundled templates render in-process; the user's own in a limited child process."""


def template_names(locations: Locations) -> list[str]:
    names = set()
    for folder in (locations.bundled_templates, locations.user_templates):
        if folder.is_dir():
            names |= {p.name.removesuffix(TEMPLATE_SUFFIX)
                      for p in folder.glob(f"*{TEMPLATE_SUFFIX}")}
    return sorted(names)


def find_template(locations: Locations, ref: str = DEFAULT_TEMPLATE) -> Template:
    """A template by name (user folder wins over bundled) or by path."""
    candidates: list[tuple[Path, bool]]
    if "/" in ref or ref.endswith(".j2"):
        candidates = [(Path(ref), False)]
    else:
        candidates = [(locations.user_templates / f"{ref}{TEMPLATE_SUFFIX}", False),
                      (locations.bundled_templates / f"{ref}{TEMPLATE_SUFFIX}", True)]
    for path, trusted in candidates:
        try:
            source = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"cannot read template {path}: {exc}",
                            "save it as UTF-8 text") from None
        return Template(str(path) if not trusted else path.name, source, trusted)
    raise UserError(f"no template {ref!r}",
                    "templates: " + ", ".join(template_names(locations)) + " (or a file path)")


def render_markdown(template: Template, session: Session, playbook: Playbook | None,
                    profile: Profile) -> str:
    from convocoach.followup.render import render_trusted, render_untrusted

    context = build_context(session, playbook, profile)
    render = render_trusted if template.trusted else render_untrusted
    return render(template.source, template.name, context)


def render_followup(fmt: str, template: Template, session: Session, playbook: Playbook | None,
                    profile: Profile, now: datetime | None = None) -> bytes:
    """The follow-up in ``fmt`` (md, txt, html, eml, ics) as bytes ready to write."""
    return render_all((fmt,), template, session, playbook, profile, now)[fmt]


def render_all(formats: tuple[str, ...], template: Template, session: Session,
               playbook: Playbook | None, profile: Profile,
               now: datetime | None = None) -> dict[str, bytes]:
    """Several formats at once; the template runs once and the others derive from it."""
    from convocoach.followup.context import subject_for

    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown formats {sorted(unknown)}")
    subject = subject_for(session, playbook)
    out: dict[str, bytes] = {}
    if "ics" in formats:
        out["ics"] = _ics(session, playbook, profile, subject, now or datetime.now(timezone.utc))
    if not set(formats) - {"ics"}:
        return out
    # The user's own edit of the email wins over the template once they have made one.
    markdown = session.email_draft or render_markdown(template, session, playbook, profile)
    out["md"] = markdown.encode("utf-8")
    if set(formats) & {"txt", "html", "eml"}:
        from convocoach.followup.htmlmail import markdown_to_email_html
        from convocoach.followup.plaintext import markdown_to_text

        text = markdown_to_text(markdown)
        html = markdown_to_email_html(markdown, subject)
        out["txt"], out["html"] = text.encode("utf-8"), html.encode("utf-8")
        if "eml" in formats:
            from convocoach.followup.eml import build_eml

            out["eml"] = build_eml(subject, text, html, profile.name, profile.email,
                                   session.client.name, session.client.email)
    return {fmt: out[fmt] for fmt in formats}


def _ics(session: Session, playbook: Playbook | None, profile: Profile, subject: str,
         now: datetime) -> bytes:
    from zoneinfo import ZoneInfo

    from convocoach.followup.ics import build_ics, checkin_start, first_checkin, last_checkin

    zone = ZoneInfo(profile.timezone)
    day = first_checkin(session.next_checkin, session.meeting.date, session.cadence,
                        now.astimezone(zone).date() if now.tzinfo else date.today())
    start = checkin_start(day, session.meeting.time or profile.business_start, zone)
    steps = "\n".join(f"- {s.action}" + (f" (by {s.due})" if s.due else "")
                      for s in session.next_steps if s.status == "open")
    return build_ics(uid=f"{session.uuid}-checkin@convocoach", summary=f"Check-in: {subject}",
                     description=steps or subject, start=start, cadence=session.cadence,
                     until=last_checkin(day, session.checkin_until),
                     organizer=profile.email, attendee=session.client.email, stamp=now)
