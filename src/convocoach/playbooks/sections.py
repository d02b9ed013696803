"""The sections of a playbook (prepare, setting, listen...), each field a key of the file.

Every field is declared once, with the kind of value it is read from, its description
(for editors and the docs) and its default; the records below read their keys from here.
"""

from __future__ import annotations

from typing import Literal, get_args

from convocoach.rehearsal.client_lines import CLIENT_LINE
from convocoach.rehearsal.script import OPTION_ID
from convocoach.schema import Choice, ListOf, Record, Text, spec_dataclass, spec_field

Channel = Literal["in_person", "video", "phone", "email"]
Cadence = Literal["daily", "weekly", "twice_monthly", "monthly"]
CHANNELS: tuple[Channel, ...] = get_args(Channel)
"""In the order of ``labels.CHANNEL_LABELS``."""
CADENCES: tuple[Cadence, ...] = get_args(Cadence)
"""In the order of ``labels.CADENCE_LABELS``."""

LINE = Text(max_length=200, one_line=True)
PROMPT = Text(max_length=600)
PROMPTS = ListOf(PROMPT, max_items=40)


@spec_dataclass
class Perspective:
    feels: tuple[str, ...] = spec_field(
        PROMPTS,
        "Feelings the client is likely to have.",
        example=["Let down after a promise slipped"],
    )
    needs: tuple[str, ...] = spec_field(
        PROMPTS, "What the client needs from you (interests, not positions)."
    )
    fears: tuple[str, ...] = spec_field(
        PROMPTS, "What the client is afraid of: for the project, for their standing."
    )


PERSPECTIVE = Record.of(
    Perspective,
    "Client perspective",
    "What the client probably feels, needs and fears; think it through before you meet.",
)


@spec_dataclass
class Option:
    name: str = spec_field(
        LINE, "The option in a few words.", required=True, example="Move the launch by two weeks"
    )
    gains: tuple[str, ...] = spec_field(
        PROMPTS, "What the option gives the client (or both sides)."
    )
    costs: tuple[str, ...] = spec_field(PROMPTS, "What it costs or risks.")
    id: str = spec_field(
        OPTION_ID,
        "A short name for the role-play's branches to test with 'if_offered'.",
        default="",
        example="phased",
    )
    """A short name the role-play's branches use (``if_offered``)."""
    cues: tuple[str, ...] = spec_field(
        ListOf(Text(max_length=60, one_line=True), max_items=30, unique=True),
        "Words that offer this option in a reply, for the role-play's client to "
        "recognise it (each matched as a phrase, in any form: 'phase' also finds "
        "'phased'; not after 'not' or 'can't').",
        default=(),
        example=["phase", "two steps"],
    )
    """Words by which the role-play's client recognises the option when a reply offers it."""
    objection: str = spec_field(
        CLIENT_LINE,
        "What the role-play's client says about this option's cost when a reply "
        "offers it (said once).",
        default="",
        example="Two steps means a second letter to Graham in January.",
    )
    """What the role-play's client says of its cost when it is offered."""


OPTION = Record.of(Option, "Option", "A possible way forward, with its trade-offs.")


@spec_dataclass
class ExpectedQuestion:
    question: str = spec_field(PROMPT, "The question, in the client's words.", required=True)
    answer: str = spec_field(PROMPT, "How to answer: honest, short, in plain words.", required=True)


QUESTION = Record.of(
    ExpectedQuestion,
    "Expected question",
    "A question the client will probably ask, and how to answer it.",
)


@spec_dataclass
class Prepare:
    facts: tuple[str, ...] = spec_field(
        PROMPTS,
        "Facts to gather before the meeting.",
        example=["What exactly slipped, and by how much?"],
    )
    perspective: Perspective = spec_field(PERSPECTIVE, "The client's side: feelings, needs, fears.")
    options: tuple[Option, ...] = spec_field(
        ListOf(OPTION, max_items=20), "Possible solutions, each with trade-offs."
    )
    walk_away: tuple[str, ...] = spec_field(
        PROMPTS,
        "Your walk-away (BATNA): what you will do if there is no agreement, "
        "and the line you will not cross.",
    )
    questions: tuple[ExpectedQuestion, ...] = spec_field(
        ListOf(QUESTION, max_items=30), "Questions to expect, with answers."
    )


PREPARE = Record.of(Prepare, "Prepare", "The checklist to work through before the meeting.")


@spec_dataclass
class ChannelAdvice:
    channel: Channel = spec_field(
        Choice(CHANNELS), "The channel: in_person, video, phone or email.", required=True
    )
    fits: str = spec_field(PROMPT, "When this channel fits.", required=True)
    caution: str = spec_field(PROMPT, "What to watch out for on this channel.")


CHANNEL_ADVICE = Record.of(
    ChannelAdvice, "Channel advice", "When a channel fits this conversation."
)


@spec_dataclass
class Setting:
    timing: tuple[str, ...] = spec_field(
        PROMPTS, "Timing advice: when to raise it, and when not to."
    )
    place: tuple[str, ...] = spec_field(PROMPTS, "Place: private, neutral, free of interruptions.")
    # Absent, it is the first channel: in person.
    best_channel: Channel = spec_field(Choice(CHANNELS), "The channel that usually fits best.")
    channels: tuple[ChannelAdvice, ...] = spec_field(
        ListOf(CHANNEL_ADVICE, max_items=4), "Each channel and when it fits."
    )
    people: tuple[str, ...] = spec_field(
        PROMPTS, "Who should be in the room, given the client's hierarchy."
    )


SETTING = Record.of(Setting, "Setting", "When, where, how and with whom to have the conversation.")


@spec_dataclass
class Listen:
    prompts: tuple[str, ...] = spec_field(
        PROMPTS,
        "Listening prompts: questions that invite the client to say more.",
        example=["What worries you most about this?"],
    )
    reflections: tuple[str, ...] = spec_field(
        PROMPTS,
        "Openers for reflecting back what you heard.",
        example=["So what I'm hearing is"],
    )


LISTEN = Record.of(
    Listen, "Listen", "Active listening: full attention, no interrupting, reflect back."
)


@spec_dataclass
class AvoidPhrase:
    phrase: str = spec_field(PROMPT, "The phrase to avoid.", required=True, example="Calm down.")
    why: str = spec_field(PROMPT, "Why it backfires.", required=True)
    instead: str = spec_field(PROMPT, "What to say instead.", required=True)


AVOID = Record.of(
    AvoidPhrase,
    "Phrase to avoid",
    "A phrase that makes things worse, why, and what to say instead.",
)


@spec_dataclass
class Empathy:
    use: tuple[str, ...] = spec_field(
        PROMPTS,
        "Empathy phrases to use.",
        example=["I can see why that would be frustrating."],
    )
    avoid: tuple[AvoidPhrase, ...] = spec_field(
        ListOf(AVOID, max_items=40), "Phrases to avoid, with why and what instead."
    )


EMPATHY = Record.of(Empathy, "Empathy", "Phrases that show you understand, and phrases to avoid.")


@spec_dataclass
class Solutions:
    steps: tuple[str, ...] = spec_field(
        PROMPTS, "Steps that lead from the problem to an agreement."
    )
    next_steps: tuple[str, ...] = spec_field(
        PROMPTS, "Typical next steps to agree (what, who, by when)."
    )


SOLUTIONS = Record.of(Solutions, "Solutions", "From the problem to agreed next steps.")


@spec_dataclass
class Followup:
    subject: str = spec_field(LINE, "Subject line for the follow-up email.")
    outline: tuple[str, ...] = spec_field(PROMPTS, "What the follow-up email should cover.")
    cadence: Cadence = spec_field(
        Choice(CADENCES),
        "Suggested check-in cadence: daily, weekly, twice_monthly or monthly.",
        default="weekly",
    )
    cadence_reason: str = spec_field(PROMPT, "Why that cadence fits.", default="")


FOLLOWUP = Record.of(Followup, "Follow-up", "The written follow-up after the meeting.")


@spec_dataclass
class Tailoring:
    non_technical: tuple[str, ...] = spec_field(PROMPTS, "Notes for a non-technical client.")
    executive: tuple[str, ...] = spec_field(PROMPTS, "Notes for a senior executive.")
    other_language: tuple[str, ...] = spec_field(
        PROMPTS, "Notes for a client whose first language is not yours."
    )


TAILORING = Record.of(
    Tailoring, "Tailoring", "How to adapt the conversation to the person in front of you."
)


@spec_dataclass
class Jargon:
    use: str = spec_field(
        Text(max_length=80, one_line=True), "The jargon.", required=True, example="change request"
    )
    instead: str = spec_field(
        Text(max_length=120, one_line=True, allow_empty=True),
        "What to say instead; empty means leave it out.",
        required=True,
        example="a written request for the extra work",
    )


JARGON = Record.of(Jargon, "Jargon", "A word of the field and a plain way to say it.")


@spec_dataclass
class Coaching:
    """What the playbook adds to the coach's rubric."""

    jargon: tuple[Jargon, ...] = spec_field(
        ListOf(JARGON, max_items=200),
        "Jargon of this field, flagged (with the plain word) for clients whose "
        "technical level is low or medium.",
        default=(),
    )


COACHING = Record.of(Coaching, "Coaching", "What this playbook adds to the coach's rubric.")
