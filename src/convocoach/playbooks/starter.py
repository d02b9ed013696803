"""The commented starter file that ``convocoach playbooks new ID`` writes."""

from __future__ import annotations

from string import Template

from convocoach.playbooks.format import FORMAT_VERSION
from convocoach.playbooks.ids import SLUG

SCHEMA_FILE_NAME = "playbook.schema.json"

_STARTER = Template("""\
# yaml-language-server: $$schema=$schema_file
# A convocoach playbook. Every section below is optional except the first five keys;
# delete what you do not need. Check your work with:
#   convocoach playbooks validate $id.yaml
# Text that contains ': ' or starts with a special character needs quotes, and
# text with commas belongs in a '- ' list item, not inside [ ].

schema: $version            # file format version
id: "$id"           # unique short name; a bundled playbook with this id is replaced
title: "$title"
summary: >-
  One to three sentences: when should someone pick this playbook?
approach: The approach in one line.
tags: [custom]

prepare:
  facts:                     # what to find out before the meeting
    - What happened, exactly, and when?
  perspective:               # think through the client's side
    feels: [Frustrated]
    needs: [A clear plan they can share with their team]
    fears: [That it will happen again]
  options:                   # possible solutions, each with its trade-offs
    - name: The first option
      gains: [What it gives the client]
      costs: [What it costs or risks]
      id: first-option         # for the role-play's branches (if_offered)
      cues: [first option]     # words that offer it in a reply
      objection: And what would that cost us?   # the role-play client's answer to it
  walk_away:                 # your BATNA: what you do if there is no agreement
    - What will you do if you cannot agree today?
  questions:                 # questions to expect, and how to answer
    - question: Why did this happen?
      answer: Explain briefly and own your part, without excuses.

setting:
  timing:
    - Raise it early, when neither side is rushed.
  place:
    - A private, quiet place.
  best_channel: video        # in_person, video, phone or email
  channels:
    - channel: in_person
      fits: When trust needs rebuilding.
      caution: Do not bury the news in small talk.
    - channel: email
      fits: Only for the written follow-up.
  people:
    - The person who owns the relationship, and someone who can decide.

listen:
  prompts:
    - What worries you most about this?
  reflections:
    - So what I'm hearing is

empathy:
  use:
    - I can see why this is frustrating.
  avoid:
    - phrase: Calm down.
      why: It tells them their feeling is wrong.
      instead: I can hear how much this matters to you.

solutions:
  steps:
    - Listen first, then summarise what you heard.
    - Offer options and ask which matters most to them.
    - Agree next steps with an owner and a date each.
  next_steps:
    - We send the written plan by Friday.

followup:
  subject: Our conversation and next steps
  outline:
    - What we discussed
    - Each next step with its owner and date
    - The next check-in
  cadence: weekly            # daily, weekly, twice_monthly or monthly
  cadence_reason: Often enough to catch problems early.

tailoring:
  non_technical:
    - Describe the effect on them rather than the mechanism.
  executive:
    - Lead with the decision you need and the business impact.
  other_language:
    - Use short sentences and confirm dates in writing.

rehearsal:                   # a role-play against a scripted client
  persona:
    name: Alex Morgan
    role: Head of Operations
    technical_level: low     # low, medium or high: the coach is strictest on jargon for low
  start: opening
  turns:
    - id: opening
      # A fact of the case in braces: the client says the user's figure, or these words.
      client: What happened, and what does it mean for {new_date|the date we agreed}?
      asks: [reason, date]     # reason, date, cost, options, apology, reassurance
      branches:                # tried in order; the last one has no test
        - if_fail: [NOBLAME, NODISMISS]
          goto: walkout
          mood: -3
          note: Blame or brushing it off ends the conversation.
        - if_offered: [first-option]
          goto: agreement
          mood: 2
          note: The option is what they hoped for.
        - if_pass: [FEEL]
          goto: agreement
          mood: 2
        - goto: stalemate
          mood: -1
    - id: agreement
      ending: agreement
      client: All right. Send it to me in writing by {promised|the end of the week}.
    - id: stalemate
      ending: stalemate
      client: Let me think about it and come back to you.
    - id: walkout
      ending: walkout
      client: I've heard enough for today.
""")


def starter_playbook(playbook_id: str) -> str:
    """A valid, commented playbook for ``playbook_id`` (which must be a slug)."""
    if SLUG.fullmatch(playbook_id) is None:
        raise ValueError(f"not a valid playbook id: {playbook_id!r}")
    title = playbook_id.replace("-", " ").capitalize()
    return _STARTER.substitute(
        id=playbook_id, title=title, version=FORMAT_VERSION, schema_file=SCHEMA_FILE_NAME
    )
