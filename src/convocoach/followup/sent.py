"""When the follow-up went out, against its send-by time: late is said, with by how much."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from convocoach.diagnostics import UserError
from convocoach.followup.checkin_context import local_stamp
from convocoach.followup.context import send_by_for
from convocoach.profile import Profile
from convocoach.sessions.model import Session
from convocoach.wording import datetime_words


@dataclass(frozen=True, slots=True)
class SentState:
    sent: datetime | None
    """When it was marked sent, in the sender's zone; None: not sent."""
    send_by: datetime | None
    """Its send-by time; None without a meeting date."""

    @property
    def late_by(self) -> timedelta | None:
        """How late it went out (None when on time, not sent or without a send-by)."""
        if self.sent is None or self.send_by is None or self.sent <= self.send_by:
            return None
        return self.sent - self.send_by

    def words(self) -> str:
        """'Sent Tuesday 24 November 2026 at 15:10 — late: sent 2 h 10 min after its send-by
        13:00', '… — on time', or 'Not sent yet'."""
        if self.sent is None:
            return "Not sent yet"
        said = f"Sent {datetime_words(self.sent)}"
        if self.send_by is None:
            return said
        late = self.late_by
        if late is None:
            return f"{said} — on time"
        same_day = self.send_by.date() == self.sent.date()
        deadline = f"{self.send_by:%H:%M}" if same_day else datetime_words(self.send_by)
        return f"{said} — late: sent {duration_words(late)} after its send-by {deadline}"


def sent_state(session: Session, profile: Profile) -> SentState:
    zone = ZoneInfo(profile.timezone)
    return SentState(local_stamp(session.sent_at, zone), send_by_for(session, profile))


def duration_words(span: timedelta) -> str:
    """'2 h 10 min', '3 days 1 h', '45 min', 'less than a minute' (rounded down to minutes)."""
    minutes = int(span.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days} day" + ("s" if days != 1 else "")] if days else []
    parts += [f"{hours} h"] if hours else []
    parts += [f"{minutes} min"] if minutes and not days else []
    return " ".join(parts) or "less than a minute"


def sent_stamp(typed: str, profile: Profile) -> str:
    """A typed date and time ('2026-11-24 15:10', or ISO 8601 with its own offset) as the store
    keeps it (UTC, seconds); without an offset it is the sender's time zone's."""
    text = typed.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or len(text) <= len("2026-11-24"):
        raise UserError(
            f"{typed!r} is not a date and time",
            "write it like 2026-11-24T15:10 (your profile's time zone) or with an offset",
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(profile.timezone))
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")
