"""Version 1 of the playbook file format, defined once for validation, models and JSON Schema."""

from __future__ import annotations

import re
from typing import Any

from convocoach.playbooks import model
from convocoach.playbooks.rehearsal_format import CLIENT_LINE, OPTION_ID, REHEARSAL, with_offers
from convocoach.schema import Choice, Field, Integer, ListOf, Record, Text

FORMAT_VERSION = 1
SCHEMA_ID = "urn:convocoach:schema:playbook:1"

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SLUG_HINT = "a short name of lowercase letters, digits and single hyphens, like 'project-delays'"

_line = Text(max_length=200, one_line=True)
_title = Text(max_length=80, one_line=True)
_para = Text(max_length=1200)
_prompt = Text(max_length=600)
_prompts = ListOf(_prompt, max_items=40)
_channel = Choice(tuple(model.CHANNEL_LABELS))
_cadence = Choice(tuple(model.CADENCE_LABELS))


def _list(name: str, description: str, example: str | None = None) -> Field:
    return Field(name, _prompts, description, example=[example] if example else None)


PERSPECTIVE = Record(
    "Client perspective",
    "What the client probably feels, needs and fears; think it through before you meet.",
    (
        _list(
            "feels", "Feelings the client is likely to have.", "Let down after a promise slipped"
        ),
        _list("needs", "What the client needs from you (interests, not positions)."),
        _list("fears", "What the client is afraid of: for the project, for their standing."),
    ),
    model.Perspective,
)

OPTION = Record(
    "Option",
    "A possible way forward, with its trade-offs.",
    (
        Field(
            "name",
            _line,
            "The option in a few words.",
            required=True,
            example="Move the launch by two weeks",
        ),
        _list("gains", "What the option gives the client (or both sides)."),
        _list("costs", "What it costs or risks."),
        Field(
            "id",
            OPTION_ID,
            "A short name for the role-play's branches to test with 'if_offered'.",
            example="phased",
        ),
        Field(
            "cues",
            ListOf(Text(max_length=60, one_line=True), max_items=30, unique=True),
            "Words that offer this option in a reply, for the role-play's client to "
            "recognise it (each matched as a phrase, in any form: 'phase' also finds "
            "'phased'; not after 'not' or 'can't').",
            example=["phase", "two steps"],
        ),
        Field(
            "objection",
            CLIENT_LINE,
            "What the role-play's client says about this option's cost when a reply "
            "offers it (said once).",
            example="Two steps means a second letter to Graham in January.",
        ),
    ),
    model.Option,
)

QUESTION = Record(
    "Expected question",
    "A question the client will probably ask, and how to answer it.",
    (
        Field("question", _prompt, "The question, in the client's words.", required=True),
        Field("answer", _prompt, "How to answer: honest, short, in plain words.", required=True),
    ),
    model.ExpectedQuestion,
)

PREPARE = Record(
    "Prepare",
    "The checklist to work through before the meeting.",
    (
        _list(
            "facts", "Facts to gather before the meeting.", "What exactly slipped, and by how much?"
        ),
        Field("perspective", PERSPECTIVE, "The client's side: feelings, needs, fears."),
        Field("options", ListOf(OPTION, max_items=20), "Possible solutions, each with trade-offs."),
        _list(
            "walk_away",
            "Your walk-away (BATNA): what you will do if there is no agreement, "
            "and the line you will not cross.",
        ),
        Field("questions", ListOf(QUESTION, max_items=30), "Questions to expect, with answers."),
    ),
    model.Prepare,
)

CHANNEL_ADVICE = Record(
    "Channel advice",
    "When a channel fits this conversation.",
    (
        Field("channel", _channel, "The channel: in_person, video, phone or email.", required=True),
        Field("fits", _prompt, "When this channel fits.", required=True),
        Field("caution", _prompt, "What to watch out for on this channel."),
    ),
    model.ChannelAdvice,
)

SETTING = Record(
    "Setting",
    "When, where, how and with whom to have the conversation.",
    (
        _list("timing", "Timing advice: when to raise it, and when not to."),
        _list("place", "Place: private, neutral, free of interruptions."),
        Field("best_channel", _channel, "The channel that usually fits best.", default="in_person"),
        Field("channels", ListOf(CHANNEL_ADVICE, max_items=4), "Each channel and when it fits."),
        _list("people", "Who should be in the room, given the client's hierarchy."),
    ),
    model.Setting,
)

LISTEN = Record(
    "Listen",
    "Active listening: full attention, no interrupting, reflect back.",
    (
        _list(
            "prompts",
            "Listening prompts: questions that invite the client to say more.",
            "What worries you most about this?",
        ),
        _list(
            "reflections", "Openers for reflecting back what you heard.", "So what I'm hearing is"
        ),
    ),
    model.Listen,
)

AVOID = Record(
    "Phrase to avoid",
    "A phrase that makes things worse, why, and what to say instead.",
    (
        Field("phrase", _prompt, "The phrase to avoid.", required=True, example="Calm down."),
        Field("why", _prompt, "Why it backfires.", required=True),
        Field("instead", _prompt, "What to say instead.", required=True),
    ),
    model.AvoidPhrase,
)

EMPATHY = Record(
    "Empathy",
    "Phrases that show you understand, and phrases to avoid.",
    (
        _list("use", "Empathy phrases to use.", "I can see why that would be frustrating."),
        Field("avoid", ListOf(AVOID, max_items=40), "Phrases to avoid, with why and what instead."),
    ),
    model.Empathy,
)

SOLUTIONS = Record(
    "Solutions",
    "From the problem to agreed next steps.",
    (
        _list("steps", "Steps that lead from the problem to an agreement."),
        _list("next_steps", "Typical next steps to agree (what, who, by when)."),
    ),
    model.Solutions,
)

FOLLOWUP = Record(
    "Follow-up",
    "The written follow-up after the meeting.",
    (
        Field("subject", _line, "Subject line for the follow-up email.", default=""),
        _list("outline", "What the follow-up email should cover."),
        Field(
            "cadence",
            _cadence,
            "Suggested check-in cadence: daily, weekly, twice_monthly or monthly.",
            default="weekly",
        ),
        Field("cadence_reason", _prompt, "Why that cadence fits.", default=""),
    ),
    model.Followup,
)

TAILORING = Record(
    "Tailoring",
    "How to adapt the conversation to the person in front of you.",
    (
        _list("non_technical", "Notes for a non-technical client."),
        _list("executive", "Notes for a senior executive."),
        _list("other_language", "Notes for a client whose first language is not yours."),
    ),
    model.Tailoring,
)

JARGON = Record(
    "Jargon",
    "A word of the field and a plain way to say it.",
    (
        Field(
            "use",
            Text(max_length=80, one_line=True),
            "The jargon.",
            required=True,
            example="change request",
        ),
        Field(
            "instead",
            Text(max_length=120, one_line=True, allow_empty=True),
            "What to say instead; empty means leave it out.",
            required=True,
            example="a written request for the extra work",
        ),
    ),
    model.Jargon,
)

COACHING = Record(
    "Coaching",
    "What this playbook adds to the coach's rubric.",
    (
        Field(
            "jargon",
            ListOf(JARGON, max_items=200),
            "Jargon of this field, flagged (with the plain word) for clients whose "
            "technical level is low or medium.",
        ),
    ),
    model.Coaching,
)

PLAYBOOK = Record(
    "convocoach playbook",
    "One challenge in a difficult client conversation: how to prepare, choose the setting, "
    "listen, empathise, reach next steps and follow up.",
    (
        Field(
            "schema",
            Integer(1, FORMAT_VERSION),
            "Format version of this file; write 1.",
            required=True,
            example=1,
        ),
        Field(
            "id",
            Text(max_length=64, pattern=SLUG, pattern_hint=_SLUG_HINT),
            "Unique short name; a user playbook with a bundled id replaces it.",
            required=True,
            example="project-delays",
        ),
        Field(
            "title",
            _title,
            "Name of the challenge, as shown in lists.",
            required=True,
            example="Project delays",
        ),
        Field(
            "summary", _para, "Two or three sentences on when to use this playbook.", required=True
        ),
        Field(
            "approach",
            _line,
            "The approach in one line.",
            required=True,
            example="Give regular updates and set timelines that can be kept.",
        ),
        Field(
            "tags",
            ListOf(
                Text(max_length=40, pattern=SLUG, pattern_hint=_SLUG_HINT),
                max_items=12,
                unique=True,
            ),
            "Tags for filtering the library.",
            example=["delivery"],
        ),
        _list("sources", "Frameworks or evidence this playbook draws on."),
        Field(
            "prepare", PREPARE, "Preparation: facts, perspective, options, walk-away, questions."
        ),
        Field("setting", SETTING, "Timing, place, channel and people."),
        Field("listen", LISTEN, "Listening prompts and reflection openers."),
        Field("empathy", EMPATHY, "Empathy phrases to use and to avoid."),
        Field("solutions", SOLUTIONS, "Steps to agreement and typical next steps."),
        Field("followup", FOLLOWUP, "Follow-up email hints and check-in cadence."),
        Field("tailoring", TAILORING, "Adapting to a non-technical, senior or foreign client."),
        Field("coaching", COACHING, "What this playbook adds to the coach (its jargon)."),
        Field(
            "rehearsal",
            REHEARSAL,
            "A role-play against a scripted client who reacts to "
            "the coach's judgement of each reply (optional).",
            default=None,
        ),
    ),
    with_offers,
)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of this format, for editors and other validators."""
    schema = PLAYBOOK.json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def schema_text() -> str:
    """The JSON Schema as written to ``playbook.schema.json``."""
    import json

    return json.dumps(json_schema(), indent=2) + "\n"
