"""The typed playbook, as the rest of convocoach sees it once a file has been validated.

Each field of :class:`Playbook` (and of its sections, in ``sections.py``) is a key of the
file, declared once with its kind of value, description and default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from convocoach.labels import CADENCE_LABELS as CADENCE_LABELS
from convocoach.labels import CHANNEL_LABELS as CHANNEL_LABELS
from convocoach.playbooks import sections
from convocoach.playbooks.ids import SLUG, SLUG_HINT
from convocoach.playbooks.rehearsal_format import REHEARSAL
from convocoach.playbooks.sections import AvoidPhrase as AvoidPhrase
from convocoach.playbooks.sections import Cadence as Cadence
from convocoach.playbooks.sections import Channel as Channel
from convocoach.playbooks.sections import ChannelAdvice as ChannelAdvice
from convocoach.playbooks.sections import Coaching as Coaching
from convocoach.playbooks.sections import Empathy as Empathy
from convocoach.playbooks.sections import ExpectedQuestion as ExpectedQuestion
from convocoach.playbooks.sections import Followup as Followup
from convocoach.playbooks.sections import Jargon as Jargon
from convocoach.playbooks.sections import Listen as Listen
from convocoach.playbooks.sections import Option as Option
from convocoach.playbooks.sections import Perspective as Perspective
from convocoach.playbooks.sections import Prepare as Prepare
from convocoach.playbooks.sections import Setting as Setting
from convocoach.playbooks.sections import Solutions as Solutions
from convocoach.playbooks.sections import Tailoring as Tailoring
from convocoach.playbooks.workshop_format import WORKSHOP, RolePlay
from convocoach.rehearsal.script import Script
from convocoach.schema import Integer, ListOf, Text, spec_dataclass, spec_field

Origin = Literal["bundled", "user", "env", "option"]
FORMAT_VERSION = 1


@spec_dataclass
class Playbook:
    """One challenge: how to prepare, set up, listen, empathise, solve and follow up."""

    schema: int = spec_field(
        Integer(1, FORMAT_VERSION),
        "Format version of this file; write 1.",
        required=True,
        example=1,
    )
    id: str = spec_field(
        Text(max_length=64, pattern=SLUG, pattern_hint=SLUG_HINT),
        "Unique short name; a user playbook with a bundled id replaces it.",
        required=True,
        example="project-delays",
    )
    title: str = spec_field(
        Text(max_length=80, one_line=True),
        "Name of the challenge, as shown in lists.",
        required=True,
        example="Project delays",
    )
    summary: str = spec_field(
        Text(max_length=1200), "Two or three sentences on when to use this playbook.", required=True
    )
    approach: str = spec_field(
        sections.LINE,
        "The approach in one line.",
        required=True,
        example="Give regular updates and set timelines that can be kept.",
    )
    tags: tuple[str, ...] = spec_field(
        ListOf(
            Text(max_length=40, pattern=SLUG, pattern_hint=SLUG_HINT), max_items=12, unique=True
        ),
        "Tags for filtering the library.",
        example=["delivery"],
    )
    sources: tuple[str, ...] = spec_field(
        sections.PROMPTS, "Frameworks or evidence this playbook draws on."
    )
    prepare: Prepare = spec_field(
        sections.PREPARE, "Preparation: facts, perspective, options, walk-away, questions."
    )
    setting: Setting = spec_field(sections.SETTING, "Timing, place, channel and people.")
    listen: Listen = spec_field(sections.LISTEN, "Listening prompts and reflection openers.")
    empathy: Empathy = spec_field(sections.EMPATHY, "Empathy phrases to use and to avoid.")
    solutions: Solutions = spec_field(
        sections.SOLUTIONS, "Steps to agreement and typical next steps."
    )
    followup: Followup = spec_field(
        sections.FOLLOWUP, "Follow-up email hints and check-in cadence."
    )
    tailoring: Tailoring = spec_field(
        sections.TAILORING, "Adapting to a non-technical, senior or foreign client."
    )
    coaching: Coaching = spec_field(
        sections.COACHING, "What this playbook adds to the coach (its jargon).", default=Coaching()
    )
    """The field's own jargon, which the coach flags for a non-technical client."""
    rehearsal: Script | None = spec_field(
        REHEARSAL,
        "A role-play against a scripted client who reacts to "
        "the coach's judgement of each reply (optional).",
        default=None,
    )
    """The role-play against a scripted client, when the playbook has one."""
    workshop: RolePlay = spec_field(
        WORKSHOP,
        "For a workshop where people play the parts: the case's figures, the "
        "professional's brief and what the observer watches most.",
        default=RolePlay(),
    )

    @property
    def subject_line(self) -> str:
        """The follow-up email's subject: the playbook's own, or one made from its title."""
        return self.followup.subject or f"Following up on our conversation: {self.title}"


@dataclass(frozen=True, slots=True)
class PlaybookFile:
    """A validated playbook and where it came from."""

    playbook: Playbook
    path: Path
    origin: Origin
    digest: str
    """SHA-256 of the file's bytes, so a session can tell if its playbook changed later."""

    @property
    def id(self) -> str:
        return self.playbook.id

    @property
    def title(self) -> str:
        return self.playbook.title
