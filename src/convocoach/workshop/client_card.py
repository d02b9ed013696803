"""The client's card of a workshop scenario, from the playbook's role-play (or, without one,
from its notes on the client's view), and the text helpers every card shares."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from convocoach.coach.model import Dimension, Rubric
from convocoach.playbooks.model import Playbook
from convocoach.rehearsal import case
from convocoach.rehearsal.script import Branch, Script
from convocoach.workshop.behaviours import behaviours

# The bundled rubric's dimensions as the client feels them. Rubrics of one's own fall back
# to the observer's wording and the dimension's own messages.
_ANGERS: dict[str, str] = {
    "FEEL": "Your feelings passed over",
    "REFL": "No sign that you were heard",
    "OPENQ": "Only yes/no questions",
    "NEXT": "Promises with no date or deliverable",
    "OWN": "A hedged apology (\u201csorry, but\u2026\u201d)",
    "NOBLAME": "Being blamed",
    "NOABS": "\u201cYou always\u2026\u201d or \u201cyou never\u2026\u201d",
    "NODISMISS": "Stock phrases such as \u201ccalm down\u201d or \u201ccompany policy\u201d",
    "PLAIN": "Jargon and unexplained acronyms",
    "READ": "Long, hard-to-follow sentences",
}
_CALMS: dict[str, str] = {
    "FEEL": "Hearing your feelings named",
    "REFL": "Hearing your point said back",
    "OPENQ": "Open questions that let you explain",
    "NEXT": "A concrete next step, with a date",
    "OWN": "A clean apology, with no \u201cbut\u201d",
}
MAX_NOTES = 2
MAX_LINES = 2
LINES_EACH = 1
MAX_QUOTES = 3


@dataclass(frozen=True, slots=True)
class ClientCard:
    name: str
    """Empty when the playbook has no scripted client."""
    role: str
    seniority: str
    temperament: str
    technical_level: str
    """``low``, ``medium`` or ``high``; empty when the playbook has no scripted client."""
    feels: tuple[str, ...]
    wants: tuple[str, ...]
    fears: tuple[str, ...]
    opening: str
    angrier: tuple[str, ...]
    """What the professional does that makes the client angrier, in plain words."""
    angry_notes: tuple[str, ...]
    angry_lines: tuple[str, ...]
    """Things the client says once annoyed."""
    calmer: tuple[str, ...]
    calm_notes: tuple[str, ...]
    calm_lines: tuple[str, ...]
    scripted: bool
    """Built from the playbook's role-play; otherwise from its notes on the client's view."""
    figures: tuple[tuple[str, str], ...] = ()
    """The case's figures (label, value), as both players know them."""


def plain(text: str) -> str:
    return " ".join(text.split())


def texts(items: Iterable[str], limit: int | None = None) -> tuple[str, ...]:
    """Cleaned, non-empty, first occurrence only, at most ``limit``."""
    found: dict[str, str] = {}
    for item in items:
        text = plain(item)
        if text:
            found.setdefault(text.casefold(), text)
    return tuple(found.values())[:limit]


def case_figures(playbook: Playbook) -> dict[str, str]:
    """The playbook's figures by fact name, for the client's lines and both cards."""
    figures = playbook.workshop.figures
    return {f.name: plain(getattr(figures, f.name)) for f in case.SESSION_FACTS}


def figure_lines(facts: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((f.label, facts[f.name]) for f in case.SESSION_FACTS if facts.get(f.name))


def _failed(dim: Dimension | None, code: str, seen: dict[str, str]) -> str:
    """What the client notices when ``code`` fails."""
    if code in _ANGERS or dim is None:
        return _ANGERS.get(code, code)
    if dim.polarity == "penalty":
        return seen.get(code, dim.title)
    return dim.absent_message.split(";")[0].strip() or f"Not: {dim.title}"


def _passed(dim: Dimension | None, code: str, seen: dict[str, str]) -> str:
    """What the client notices when ``code`` passes."""
    if code in _CALMS or dim is None:
        return _CALMS.get(code, code)
    if dim.polarity == "penalty":
        return dim.absent_message.split(";")[0].strip() or dim.title
    return seen.get(code, dim.title)


def _reactions(
    script: Script, rubric: Rubric, worse: bool, facts: dict[str, str]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Triggers, notes and example lines for the branches that lower (or raise) the mood."""
    picked: list[Branch] = [
        b for t in script.turns for b in t.branches if (b.mood < 0 if worse else b.mood > 0)
    ]
    word = _failed if worse else _passed
    seen = {b.code: b.text for b in behaviours(rubric)}
    triggers = texts(
        word(rubric.dimension(code), code, seen)
        for b in picked
        for code in (b.if_fail if worse else b.if_pass)
    )
    notes = texts((b.note for b in picked), MAX_NOTES)
    # The strongest reactions make the clearest examples.
    strongest = sorted(picked, key=lambda b: b.mood if worse else -b.mood)
    ids = {t.id for t in script.turns}
    lines = texts(
        (
            case.render(script.turn(b.goto).client, facts)
            for b in strongest
            if b.goto in ids and b.goto != script.start
        ),
        LINES_EACH,
    )
    return triggers, notes, lines


def client_card(playbook: Playbook, rubric: Rubric) -> ClientCard:
    script = playbook.rehearsal
    view = playbook.prepare.perspective
    facts = case_figures(playbook)
    if script is None:
        questions = [q.question for q in playbook.prepare.questions]
        return ClientCard(
            "",
            "",
            "",
            "",
            "",
            texts(view.feels),
            texts(view.needs),
            texts(view.fears),
            plain(questions[0]) if questions else "",
            texts(
                (
                    f"\u201c{plain(a.phrase)}\u201d"
                    for a in playbook.empathy.avoid
                    if a.phrase.strip()
                ),
                MAX_QUOTES,
            ),
            texts((a.why for a in playbook.empathy.avoid), MAX_NOTES),
            texts(questions[1:], MAX_LINES),
            texts(
                (f"\u201c{plain(u)}\u201d" for u in playbook.empathy.use if u.strip()), MAX_QUOTES
            ),
            (),
            (),
            scripted=False,
            figures=figure_lines(facts),
        )
    persona = script.persona
    angrier, angry_notes, angry_lines = _reactions(script, rubric, True, facts)
    calmer, calm_notes, calm_lines = _reactions(script, rubric, False, facts)
    ids = {t.id for t in script.turns}
    return ClientCard(
        plain(persona.name),
        plain(persona.role),
        plain(persona.seniority),
        plain(persona.temperament),
        persona.technical_level,
        (),
        texts(persona.wants),
        texts(persona.fears),
        plain(case.render(script.turn(script.start).client, facts)) if script.start in ids else "",
        angrier,
        angry_notes,
        angry_lines,
        calmer,
        calm_notes,
        calm_lines,
        scripted=True,
        figures=figure_lines(facts),
    )
