"""What a follow-up template sees: plain, copied data (never the live objects)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from convocoach.followup import email_words
from convocoach.followup.language import ENGLISH, EmailLanguage
from convocoach.followup.localise import Words, words_in
from convocoach.followup.owners import ReaderOwner, reader_owner, signoff
from convocoach.followup.sendby import send_by
from convocoach.playbooks.model import Playbook
from convocoach.profile import Profile
from convocoach.sessions.model import Session


def meeting_end(session: Session, zone: Any) -> datetime | None:
    """When the meeting ends, in the sender's zone; None until a date is set."""
    if not session.meeting.date:
        return None
    start = time.fromisoformat(session.meeting.time or "09:00")
    begin = datetime.combine(
        datetime.fromisoformat(session.meeting.date).date(), start, tzinfo=zone
    )
    return begin + timedelta(minutes=session.meeting.duration_min)


def send_by_for(session: Session, profile: Profile) -> datetime | None:
    """When the follow-up should be sent, in the sender's zone; None without a meeting date."""
    zone = ZoneInfo(profile.timezone)
    end = meeting_end(session, zone)
    if end is None:
        return None
    return send_by(
        end,
        time.fromisoformat(profile.business_start),
        time.fromisoformat(profile.business_end),
        zone,
    )


def subject_for(session: Session, playbook: Playbook | None, words: Words | None = None) -> str:
    """The email's subject: the playbook's subject line and the client's company. In
    another language, the line's translation, or a plain one when it has none (a playbook
    of the user's own)."""
    words = words or words_in(ENGLISH)
    base = playbook.subject_line if playbook else email_words.SUBJECT
    translated = words.gettext(base)
    if translated == base and words.language.tag != ENGLISH.tag:
        translated = words.gettext(email_words.SUBJECT)
    company = session.client.company.strip()
    return f"{translated} ({company})" if company else translated


def _owner_in(owner: ReaderOwner, words: Words) -> ReaderOwner:
    """``owner`` worded in the email's language (a named person's name stays as it is)."""
    if owner.party == "other":
        heading = words.gettext(email_words.OTHER_HEADING) % {"name": owner.label}
        return ReaderOwner(owner.party, owner.label, heading, owner.formal)
    label = words.gettext(owner.label) if owner.label in email_words.OWNER_LABELS else owner.label
    formal = (
        words.gettext(owner.formal) if owner.formal in email_words.OWNER_LABELS else owner.formal
    )
    return ReaderOwner(owner.party, label, words.gettext(owner.heading), formal)


def topic_for(session: Session, playbook: Playbook | None, words: Words | None = None) -> str:
    """What the meeting was about: the session's title, else the playbook's subject line
    (in the email's language when it has a translation)."""
    title = " ".join(session.title.split())
    if title or playbook is None:
        return title
    return (words or words_in(ENGLISH)).gettext(playbook.subject_line)


def build_context(
    session: Session,
    playbook: Playbook | None,
    profile: Profile,
    language: EmailLanguage = ENGLISH,
) -> dict[str, Any]:
    """The template's variables. Every value is a fresh str, int, list or dict.

    Owners are worded for the reader: the client is "you", our side "us" (see owners.py).
    Dates, owners and labels are in ``language``; what people typed is as they typed it.
    """
    words = words_in(language)
    date_words = words.date
    deadline = send_by_for(session, profile)
    c, m = session.client, session.meeting
    steps = []
    for s in session.next_steps:
        if s.status == "dropped":
            continue
        owner = _owner_in(reader_owner(s, c, profile), words)
        steps.append(
            {
                "action": s.action,
                "owner": owner.label,
                "owner_heading": owner.heading,
                "owner_formal": owner.formal,
                "owner_party": owner.party,
                "owner_kind": s.owner_kind,
                "due": s.due,
                "due_words": date_words(s.due) if s.due else "",
                "status": s.status,
            }
        )
    groups: dict[str, list[dict[str, Any]]] = {}
    for step in steps:
        groups.setdefault(step["owner_heading"], []).append(step)
    subject = subject_for(session, playbook, words)
    return {
        "subject": subject,
        "language": {"tag": language.tag, "register": language.register, "name": language.name},
        "topic": topic_for(session, playbook, words),
        "client": {
            "name": c.name,
            "first_name": c.name.split()[0] if c.name.split() else "",
            "company": c.company,
            "role": c.role,
            "seniority": c.seniority,
            "tech_level": c.tech_level,
            "language": c.language,
            "email": c.email,
        },
        "meeting": {
            "date": m.date,
            "date_words": date_words(m.date) if m.date else "",
            "time": m.time,
            "duration_min": m.duration_min,
            "channel": m.channel,
            "channel_label": words.gettext(email_words.channel_words(m.channel)),
            "place": m.place,
        },
        "session": {"title": session.title, "stakes": session.stakes, "notes": session.notes},
        "points": list(session.points),
        "next_steps": steps,
        "steps_by_owner": [
            {"owner": items[0]["owner"], "heading": heading, "steps": items}
            for heading, items in groups.items()
        ],
        "cadence": session.cadence,
        "cadence_label": words.gettext(email_words.cadence_words(session.cadence)),
        "next_checkin": session.next_checkin,
        "next_checkin_words": date_words(session.next_checkin) if session.next_checkin else "",
        "checkin_until": session.checkin_until,
        "checkin_until_words": date_words(session.checkin_until) if session.checkin_until else "",
        "playbook": {
            "id": playbook.id if playbook else session.playbook_id,
            "title": playbook.title if playbook else "",
            "approach": playbook.approach if playbook else "",
        },
        "sender": {
            "name": profile.name,
            "title": profile.title,
            "company": profile.company,
            "email": profile.email,
            "signature": profile.signature,
            "signoff": signoff(profile),
        },
        "send_by": deadline.isoformat() if deadline else "",
        "send_by_words": words.datetime(deadline) if deadline else "",
    }
