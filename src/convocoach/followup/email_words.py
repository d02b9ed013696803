"""The words of an email that come from the code rather than a template.

Each is a catalogue message, translated where it is used (``localise.Words.gettext``);
``tools/catalogs.py`` reads :func:`messages` beside the templates' own messages and the
bundled playbooks' subject lines, so a translator finds every fixed word of an email in
one catalogue.
"""

from __future__ import annotations

from convocoach.labels import CADENCE_LABELS, CHANNEL_LABELS

AT = "%(date)s at %(time)s"
"""A date and a time ("Friday 27 November 2026 at 12:30")."""
SUBJECT = "Following up on our conversation"
"""The subject when the playbook's own subject line has no translation."""
CHECKIN_SUBJECT = "Check-in: %(subject)s"
BY_DATE = "by %(date)s"
"""When a next step is due, in the invite's list of them."""
OWNER_LABELS = ("you", "us", "me")
"""Who owns a step, in running text, as the client reads it."""
OWNER_HEADINGS = ("What you will do", "What we will do", "What I will do")
OTHER_HEADING = "What %(name)s will do"


def cadence_words(cadence: str) -> str:
    """How often, in running text ("weekly", "twice a month"), in English."""
    return CADENCE_LABELS.get(cadence, cadence).lower()


def channel_words(channel: str) -> str:
    """How the meeting is held, in running text ("video call"), in English."""
    return CHANNEL_LABELS.get(channel, channel).lower()


def messages() -> list[str]:
    """Every message above, for the catalogues."""
    return [
        AT,
        SUBJECT,
        CHECKIN_SUBJECT,
        BY_DATE,
        *OWNER_LABELS,
        *OWNER_HEADINGS,
        OTHER_HEADING,
        *(cadence_words(key) for key in CADENCE_LABELS),
        *(channel_words(key) for key in CHANNEL_LABELS),
    ]
