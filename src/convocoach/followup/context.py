"""What a follow-up template sees: plain, copied data (never the live objects)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from convocoach.followup.owners import reader_owner, signoff
from convocoach.followup.sendby import send_by
from convocoach.playbooks.model import CADENCE_LABELS, CHANNEL_LABELS, Playbook
from convocoach.profile import Profile
from convocoach.sessions.model import Session
from convocoach.wording import date_words, datetime_words


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


def subject_for(session: Session, playbook: Playbook | None) -> str:
    base = playbook.subject_line if playbook else "Following up on our conversation"
    company = session.client.company.strip()
    return f"{base} ({company})" if company else base


def topic_for(session: Session, playbook: Playbook | None) -> str:
    """What the meeting was about: the session's title, else the playbook's subject line."""
    return " ".join(session.title.split()) or (playbook.subject_line if playbook else "")


def build_context(session: Session, playbook: Playbook | None, profile: Profile) -> dict[str, Any]:
    """The template's variables. Every value is a fresh str, int, list or dict.

    Owners are worded for the reader: the client is "you", our side "us" (see owners.py).
    """
    deadline = send_by_for(session, profile)
    c, m = session.client, session.meeting
    steps = []
    for s in session.next_steps:
        if s.status == "dropped":
            continue
        owner = reader_owner(s, c, profile)
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
    subject = subject_for(session, playbook)
    return {
        "subject": subject,
        "topic": topic_for(session, playbook),
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
            "channel_label": CHANNEL_LABELS.get(m.channel, m.channel).lower(),
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
        "cadence_label": CADENCE_LABELS.get(session.cadence, session.cadence).lower(),
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
        "send_by_words": datetime_words(deadline) if deadline else "",
    }
