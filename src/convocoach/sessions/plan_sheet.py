"""The user's whole plan on one page: situation, preparation, timing, what to say, what was agreed.

Every piece of text the user or a playbook wrote goes in as data (``md_inline``/``_lines``): it
never becomes a link, a heading, a list or raw HTML.
"""

from __future__ import annotations

from convocoach.htmlpage import markdown_to_html_page
from convocoach.languages.advice import client_language
from convocoach.languages.markdown import client_language_markdown
from convocoach.languages.tags import DEFAULT_OWN_LANGUAGE
from convocoach.markdown_text import md_inline, md_lines
from convocoach.playbooks.model import CADENCE_LABELS, CHANNEL_LABELS, Playbook
from convocoach.sessions.model import Answer, NextStep, Session, case_lines
from convocoach.sessions.prompts import SECTION_LABELS
from convocoach.sessions.summary_md import owner_label
from convocoach.sessions.timing_check import LEVEL_WORDS, TimingNote
from convocoach.wording import date_words

ANSWER_SECTIONS: dict[str, str] = {
    "facts": SECTION_LABELS["facts"],
    "perspective": SECTION_LABELS["perspective"],
    "feels": "How the client feels",
    "needs": "What the client needs",
    "fears": "What the client fears",
    "options": SECTION_LABELS["options"],
    "walk_away": SECTION_LABELS["walk_away"],
    "questions": SECTION_LABELS["questions"],
}
"""Readable headings for the answer sections, in the order a careful preparer works."""

_TITLE = "Untitled session"


def _lines(text: str, indent: str = "  ") -> str:
    """``text`` with its line breaks kept; continuation lines indented to stay in a list item."""
    return md_lines(text).replace("\n", "\n" + indent)


def plan_sheet_markdown(
    session: Session,
    playbook: Playbook | None,
    notes: list[TimingNote],
    own_language: str = DEFAULT_OWN_LANGUAGE,
) -> str:
    """The plan as Markdown; sections with nothing in them are left out.

    A client whose language is not ``own_language`` (the user's, from the profile) gets a
    section on writing to them: the language's conventions and the playbook's notes.
    """
    s = session
    out = [f"# {md_inline(s.title.strip() or _TITLE)}", ""]
    if playbook is not None:
        out += [f"*Prep sheet for {md_inline(playbook.title)}: {md_inline(playbook.approach)}*", ""]
    elif s.playbook_id:
        out += [f"*Prep sheet (playbook {md_inline(s.playbook_id)})*", ""]
    out += _situation(s)
    out += _preparation(s.answers)
    if notes:
        out += ["## Timing and setting", ""]
        out += [f"- **{LEVEL_WORDS.get(n.level, 'Note:')}** {md_inline(n.message)}" for n in notes]
        out.append("")
    out += _what_to_say(s.phrases, playbook)
    out += _other_language(s, playbook, own_language)
    points = [p for p in s.points if p.strip()]
    if points:
        out += ["## Discussion points", "", *[f"- {_lines(p)}" for p in points], ""]
    if s.next_steps:
        out += ["## Next steps", "", *[_step_line(step) for step in s.next_steps], ""]
    out += [
        "## Check-ins",
        "",
        f"- **How often:** {md_inline(CADENCE_LABELS.get(s.cadence, s.cadence))}",
    ]
    if s.next_checkin.strip():
        out.append(f"- **Next check-in:** {md_inline(date_words(s.next_checkin.strip()))}")
    out.append("")
    if s.notes.strip():
        out += ["## Notes", "", _lines(s.notes, ""), ""]
    return "\n".join(out).rstrip() + "\n"


def plan_sheet_html(
    session: Session,
    playbook: Playbook | None,
    notes: list[TimingNote],
    own_language: str = DEFAULT_OWN_LANGUAGE,
) -> str:
    """The plan as a printable HTML page."""
    return markdown_to_html_page(
        plan_sheet_markdown(session, playbook, notes, own_language),
        f"Prep sheet: {session.title.strip() or _TITLE}",
    )


def _situation(s: Session) -> list[str]:
    c, m = s.client, s.meeting
    out = ["## Situation", ""]
    if not c.name.strip():
        out += ["Not filled in yet.", ""]
    else:
        out.append(
            "- **Client:** "
            + ", ".join(md_inline(part) for part in (c.name, c.role, c.company) if part.strip())
        )
        out.append(
            f"- **Seniority:** {md_inline(c.seniority)}; "
            f"**technical level:** {md_inline(c.tech_level)}; "
            f"**language:** {md_inline(c.language)}"
        )
    when = (
        " at ".join(
            part
            for part in (date_words(m.date.strip()) if m.date.strip() else "", m.time.strip())
            if part
        )
        or "date not set"
    )
    place = f", {md_inline(m.place)}" if m.place.strip() else ""
    out.append(
        f"- **Meeting:** {md_inline(when)}, {m.duration_min} min, "
        f"{md_inline(CHANNEL_LABELS.get(m.channel, m.channel))}{place}"
    )
    if s.stakes.strip():
        out.append(f"- **What is at stake:** {_lines(s.stakes)}")
    out += [f"- **{label}:** {md_inline(value)}" for label, value in case_lines(s)]
    return [*out, ""]


def _preparation(answers: tuple[Answer, ...]) -> list[str]:
    given = [a for a in answers if a.answer.strip()]
    if not given:
        return []
    seen: list[str] = []
    for answer in given:
        if answer.section not in seen:
            seen.append(answer.section)
    # Known sections in preparation order (the store hands them back alphabetically);
    # unknown ones after them, in the order they first appear.
    known = list(ANSWER_SECTIONS)
    seen.sort(key=lambda key: known.index(key) if key in ANSWER_SECTIONS else len(known))
    out = ["## Preparation", ""]
    for section in seen:
        out += [f"### {md_inline(ANSWER_SECTIONS.get(section, section))}", ""]
        items = sorted((a for a in given if a.section == section), key=lambda a: a.position)
        for a in items:
            prompt = f"**{md_inline(a.prompt)}** " if a.prompt.strip() else ""
            out.append(f"- {prompt}{_lines(a.answer)}")
        out.append("")
    return out


def _what_to_say(phrases: tuple[str, ...], playbook: Playbook | None) -> list[str]:
    avoid = playbook.empathy.avoid if playbook is not None else ()
    chosen = [p for p in phrases if p.strip()]
    if not chosen and not avoid:
        return []
    out = ["## What to say", ""]
    if chosen:
        out += ["### Phrases to use", "", *[f"- {_lines(p)}" for p in chosen], ""]
    if avoid:
        out += ["### Avoid, and say instead", ""]
        out += [f"- ~~{md_inline(a.phrase)}~~ \u2192 {md_inline(a.instead)}" for a in avoid]
        out.append("")
    return out


def _other_language(s: Session, playbook: Playbook | None, own_language: str) -> list[str]:
    notes = playbook.tailoring.other_language if playbook is not None else ()
    language = client_language(s.client.language, own_language, notes)
    return client_language_markdown(language) if language is not None else []


def _step_line(step: NextStep) -> str:
    try:
        owner = owner_label(step)
    except KeyError:  # an owner kind this version does not know
        owner = step.owner_name or step.owner_kind
    details = [md_inline(owner)] if owner.strip() else []
    if step.due.strip():
        details.append(f"by {md_inline(step.due)}")
    details.append(md_inline(step.status))
    return f"- **{md_inline(step.action)}** ({', '.join(details)})"
