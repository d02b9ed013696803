"""The F1 help for each screen and step (our own words, shown as Markdown)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from convocoach.sessions.steps import StepKey

Topic = Literal[
    StepKey,
    "home",
    "profile",
    "rehearsal",
    "scorecard",
    "progress",
    "workshop",
    "plan",
    "preview",
    "next-step",
    "email-editor",
    "export",
    "client",
    "lessons",
    "move-step",
]
"""What F1 can explain: a step of a session, or a screen."""

_SESSION_KEYS = """
## Moving around a session

Click a step at the top to go there (or Ctrl+N and Ctrl+B). Everything you type is saved
as you type it. Quit at any moment and reopen the session from the home screen: it resumes
at the same step.
"""

_TOPICS: dict[Topic, str] = {
    "home": """
# Home

**Sessions** lists the conversations you are preparing, the most recent first.
**Playbooks** lists the challenges convocoach can help with; type to filter by title or tag.

Back from a session, the Sessions tab shows it first, highlighted.

A playbook that could not be read is listed under the library with the reason; fix the file and
restart, the other playbooks work meanwhile.

**Due** (U) lists what is overdue or due today, the most overdue first: follow-up emails past
their send-by time, open next steps on either side, and check-ins. Enter opens the session at
the step where it is done (Agree for a next step or a check-in, Follow up for an email).
`convocoach due` prints the same list, for a shell prompt or cron.
""",
    "profile": """
# Your profile

Your name, title, company and signature close every follow-up email. The time zone and business
hours decide the "send by" time of the follow-up (three business hours after the meeting, within
the same business day).

Ctrl+S saves, Esc closes without saving.
""",
    "situation": """
# 1. Situation

Who you are meeting and when. The seniority and technical level shape the advice: a senior
person needs the short version first; a non-technical person needs plain words.

Dates are written like 2026-11-27 and times like 14:30 (your time zone). A value that is not
valid yet is shown in red and kept off the saved session until it is.
"""
    + _SESSION_KEYS,
    "prepare": """
# 2. Prepare

Answer each prompt in your own words: the facts, the client's perspective, your options and
your walk-away point, and the questions you expect. Arrows move through the prompts; start
typing and your words go into the highlighted prompt's answer. In an answer, Tab goes on to
the next prompt's answer (Shift+Tab back to the list). The suggestion under the prompt comes
from the playbook.

A tick marks a prompt you have answered.
"""
    + _SESSION_KEYS,
    "timing": """
# 3. Timing and setting

The playbook's advice on when, where and how to have this conversation, and a check of the
meeting you entered in Situation: bad news by email, a late-Friday slot, a time outside your
business hours and similar warnings. Change the meeting in Situation and come back.

The step is ticked once you have looked at it with the meeting's date and time set; change
the meeting afterwards and the tick waits for you to look again.
"""
    + _SESSION_KEYS,
    "listen": """
# 4. Listen and empathise

Prompts that invite the client to say more, and openers for reflecting back what you heard.
Tick the empathy phrases you mean to use (Space toggles); they go onto your prep sheet. Add your
own in the box below the list. The phrases to avoid come with the reason and what to say instead.
"""
    + _SESSION_KEYS,
    "rehearse": """
# 5. Rehearse

A role-play against the playbook's scripted client. Press R to start (or resume an unfinished
one), N to start afresh. Below: your past rehearsals of this session, and how each coaching
dimension has gone over all your rehearsals.
"""
    + _SESSION_KEYS,
    "rehearsal": """
# The role-play

The client speaks; type your reply and press Enter. The coach reads your draft as you type
and shows, for each dimension, pass, fail or n/a with the words it matched. Whatever you send
is judged, and the client reacts: their mood (0 furious, 10 at ease) moves with each reply,
and the conversation ends in an agreement, a stalemate or a walk-out.

The coach is a set of plain rules (`convocoach check --show-rubric` lists them). It cannot
hear tone or sarcasm; read the trend over a rehearsal more than a single verdict.

When the client's language (the Situation step) is not yours (your profile's language),
they read your English as a second language: the side panel shows the playbook's notes for
such a client, the coach adds CLEAR (idioms, negative questions, long sentences), and the
client asks what an idiom means before anything else.
""",
    "progress": """
# Progress

Each coaching dimension's pass rate in each of your rehearsals (all sessions), oldest to
newest: one bar per rehearsal on a 0-100% scale (a full block is 100%, the lowest bar 0%, a gap
where the dimension was not judged), then the latest rate and how it compares with your
earlier ones; "latest n/a" when your newest rehearsal did not judge it. `G` on the home
screen opens this; the Rehearse step of a session shows it too.

Below, your real conversations: how many of the outcomes you recorded reached agreement
(partly agreed counted apart), the days from agreeing a next step to marking it done, and how
many follow-ups you marked sent by their send-by time; overall, then month by month (a
meeting's month; a step's month is the one it was done in).
""",
    "workshop": """
# Workshop

Plan a role-play workshop for one group or a room of up to 30: the scenarios (one per round,
in turn), the number of rounds, their length, pairs (professional and client) or triads
(with an observer), and everyone's names. The app splits the names into groups in order;
one person left over makes a triad among pairs (or two pairs among triads). Roles move on
one place every round within each group, so in a triad over three rounds everyone plays
each role once. F2 on the plan writes the role cards (HTML to print, one card per page, and
Markdown) where exports go.

A room of several groups opens on the facilitator's view: every group's round, roles, ticks
(good behaviours and ones to watch apart), notes and the participants' scores as they
happen. Enter looks in on a group. The clock is the room's: F5 starts or pauses it for every
group, F6 gives everyone a minute more, and F8 ends the round for every group.

During a round the observer (in pairs, the client, after the round) ticks each behaviour
every time it happens, and adds notes and quotes word for word (Enter adds each one, under
its author's name; notes written elsewhere at the same time appear too). Everything is
saved as it is typed.

The clock warns at two minutes and at thirty seconds, rings the terminal's bell when time
is up, and then counts the time over.
""",
    "scorecard": """
# The scorecard

How each dimension went over the rehearsal, your reflections-to-questions ratio (1 is fair,
2 is good), the replies that moved the client most, and what to try next time: first the
wording that cost the client's mood most, then what you showed least often.

K keeps the first of these as a lesson (reword it before it is kept): the Prepare step of
your next conversation with this client or this playbook shows it.
""",
    "agree": """
# 6. Agree

The discussion points (one per line) and the next steps you agreed: what, who, by when.
The points go into the email to the client as they are, so write them to the client: "The
launch moves to 8 January", not "Dana raised the launch date". In the email the owners read
from the client's side: "you" for the client, "we" or "I" for your side.

Choose how often you will check in, the date of the next check-in and, if you like, the last
day the check-ins repeat (left empty, the calendar invite runs for three months); the
follow-up email and the calendar invite use them.

After the meeting, follow through on the highlighted next step: D marks it done today (the
list shows the day), D again takes that back, and M moves it to a new date with the reason
(the list shows the new date and how often it moved, with the last reason).
"""
    + _SESSION_KEYS,
    "followup": """
# 7. Follow up

The follow-up email, rendered from the chosen template with everything you entered. Send it
before the "send by" time.

Once edited, your version is kept and used everywhere, including `convocoach email`.

Once you have sent it, M marks it sent (now; U takes the mark back). The line under the
send-by time then says when, and whether that was on time or late, and by how much.

C shows the check-in email instead (C again goes back): progress on each next step since the
last email (the follow-up sent, or the last check-in held): done, moved with the reason, still
open (overdue when its date has passed). Choose its template beside the send-by time; S saves
it as md, txt, html or eml and Y copies it. It is not kept, so it is not edited here: edit it
in your mail app. When a check-in comes due, H marks it held (Shift+H takes that back).

"Written in" chooses the language of both emails and of the files saved from them: the
client's language (from the Situation step) unless you choose another, formal (Sie, vous,
usted, o senhor, u) unless you choose informal. Fixed text, dates and weekdays are in that
language; what you typed (the points, the next steps, the title, the place, your own edit)
stays as you wrote it, and the line under the email names those parts for you to
translate. A client's language convocoach cannot write shows no email, only how to choose
English or another one. Changing the language of an email you edited asks whether to drop
your edit; `convocoach email ID --language de --register informal` does the same from the
shell.
"""
    + _SESSION_KEYS,
    "plan": """
# Prep sheet

Your whole plan on one page. S saves it as Markdown and HTML (to print, or to keep open on a
second screen) in the folder you choose, which is remembered for every export. Esc goes back.
""",
    "preview": """
# Playbook preview

The playbook file as its prep sheet, read again each time you save it: keep your editor open
beside this terminal and watch the result.

If a save breaks the file, a red panel lists each problem as `playbooks validate` reports it
(file:line:column, what is wrong, how to fix it), and the last valid version stays underneath.
An editor that replaces the file as it saves can make it vanish for a moment: the preview
waits for it to come back.

""",
    "next-step": """
# A next step

What will be done, who owns it (us, the client, or a named person) and by when (a date like
2026-11-27). Typing a name makes the owner that person; the name is kept only with the owner
"A named person". Ctrl+S saves, Esc cancels.
""",
    "email-editor": """
# Editing the email

The email is Markdown: `**bold**`, `- lists`. Ctrl+S keeps your version, Esc cancels.
""",
    "export": """
# Saving files

Choose the folder and the formats (Space toggles one). Existing files with the same names are
replaced. Ctrl+S or Enter saves. The folder is remembered (in preferences.json) and used for
every export: the follow-up, the prep sheet, rehearsal debriefs, workshop cards and debriefs.
""",
    "client": """
# A client

Every conversation with this client, the earliest first: its meeting date, how it went (the
outcome you recorded after the meeting) and whether the follow-up email went out. Enter opens
the highlighted conversation.

**Open commitments** are the next steps not done yet, on both sides: what we owe, what the
client owes and what others named in a next step owe, the earliest due first. One whose day has
passed says "overdue".

S saves the client's history: every conversation with its outcome and next steps (Markdown),
the next steps for a spreadsheet or a CRM (CSV; a cell that would start a formula begins with
a quote) and the dated next steps as to-dos for a calendar (.ics).

A client is the same person at the same company, however the name was typed; sessions with no
client name are together under "No client named". B on the home screen's Sessions tab groups
the sessions by client.
""",
    "lessons": """
# Lessons

What to change next time, kept from a conversation: the "what to change" of its outcome, or
the main thing to try from a rehearsal's scorecard (K on the scorecard; you can reword it
before it is kept). The Prepare step of your next session with the same client, or with the
same playbook, shows the lessons in use: the same client's first, each saying where it came
from.

The Lessons view (K on the home screen: the lessons kept) lists every lesson with the
session it came from ("session deleted" when that session is gone: the lesson stays), where
it came from and whether it is retired. E edits the highlighted lesson, R retires it (it is
no longer shown on Prepare) or brings it back, Enter (or O) opens the session it came from.
An outcome's lesson follows its "what to change" until you edit the lesson here.
""",
    "outcome": """
# 8. Outcome

After the meeting: how it went (agreed, partly agreed, no agreement, escalated), the client's
reaction in a sentence, what worked and what to change. What to change becomes a lesson,
shown on the Prepare step the next time you use this playbook or meet this client. Tick the
prepared questions that actually came up.

At the top, the rehearsal's prediction sits beside the real outcome: how your latest
finished rehearsal ended and the client's mood then, and whether the meeting went as
rehearsed, better or worse.
"""
    + _SESSION_KEYS,
    "move-step": """
# Moving a next step

The new date (like 2026-12-14) and the reason, both needed: the next check-in email says
why the step moved. Ctrl+S or Enter moves it, Esc cancels.
""",
}


def help_markdown(topic: Topic, keys: Sequence[tuple[str, str]] = ()) -> str:
    """The help for ``topic``, then its keys table (built from the commands on screen)."""
    text = _TOPICS[topic].strip() + "\n"
    if not keys:
        return text
    rows = "\n".join(f"| {_cell(key)} | {_cell(does)} |" for key, does in keys)
    return f"{text}\n## Keys\n\n| key | does |\n|---|---|\n{rows}\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
