"""The typed playbook, as the rest of convocoach sees it once a file has been validated."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from convocoach.labels import CADENCE_LABELS as CADENCE_LABELS
from convocoach.labels import CHANNEL_LABELS as CHANNEL_LABELS
from convocoach.rehearsal.script import Script

Channel = Literal["in_person", "video", "phone", "email"]
Cadence = Literal["daily", "weekly", "twice_monthly", "monthly"]
Origin = Literal["bundled", "user", "env", "option"]


@dataclass(frozen=True, slots=True)
class Perspective:
    feels: tuple[str, ...]
    needs: tuple[str, ...]
    fears: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Option:
    name: str
    gains: tuple[str, ...]
    costs: tuple[str, ...]
    id: str = ""
    """A short name the role-play's branches use (``if_offered``)."""
    cues: tuple[str, ...] = ()
    """Words by which the role-play's client recognises the option when a reply offers it."""
    objection: str = ""
    """What the role-play's client says of its cost when it is offered."""


@dataclass(frozen=True, slots=True)
class ExpectedQuestion:
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class Prepare:
    facts: tuple[str, ...]
    perspective: Perspective
    options: tuple[Option, ...]
    walk_away: tuple[str, ...]
    questions: tuple[ExpectedQuestion, ...]


@dataclass(frozen=True, slots=True)
class ChannelAdvice:
    channel: Channel
    fits: str
    caution: str


@dataclass(frozen=True, slots=True)
class Setting:
    timing: tuple[str, ...]
    place: tuple[str, ...]
    best_channel: Channel
    channels: tuple[ChannelAdvice, ...]
    people: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Listen:
    prompts: tuple[str, ...]
    reflections: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AvoidPhrase:
    phrase: str
    why: str
    instead: str


@dataclass(frozen=True, slots=True)
class Empathy:
    use: tuple[str, ...]
    avoid: tuple[AvoidPhrase, ...]


@dataclass(frozen=True, slots=True)
class Solutions:
    steps: tuple[str, ...]
    next_steps: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Followup:
    subject: str
    outline: tuple[str, ...]
    cadence: Cadence
    cadence_reason: str


@dataclass(frozen=True, slots=True)
class Tailoring:
    non_technical: tuple[str, ...]
    executive: tuple[str, ...]
    other_language: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Jargon:
    use: str
    instead: str


@dataclass(frozen=True, slots=True)
class Coaching:
    """What the playbook adds to the coach's rubric."""

    jargon: tuple[Jargon, ...] = ()


@dataclass(frozen=True, slots=True)
class Playbook:
    """One challenge: how to prepare, set up, listen, empathise, solve and follow up."""

    schema: int
    id: str
    title: str
    summary: str
    approach: str
    tags: tuple[str, ...]
    sources: tuple[str, ...]
    prepare: Prepare
    setting: Setting
    listen: Listen
    empathy: Empathy
    solutions: Solutions
    followup: Followup
    tailoring: Tailoring
    coaching: Coaching = Coaching()
    """The field's own jargon, which the coach flags for a non-technical client."""
    rehearsal: Script | None = None
    """The role-play against a scripted client, when the playbook has one."""

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
