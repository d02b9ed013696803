"""Role cards for a workshop: the client's brief, the professional's brief and the observer's
checklist, drawn from a playbook and the coaching rubric."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from convocoach.coach.model import Dimension, Rubric
from convocoach.markdown_text import md_inline
from convocoach.playbooks.model import Playbook
from convocoach.rehearsal.script import Branch, Script
from convocoach.workshop.behaviours import Kind, behaviours

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
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"(\u201c])")
MAX_FACTS = 3
MAX_OPTIONS = 3
MAX_NOTES = 2
MAX_LINES = 2
LINES_EACH = 1
MAX_QUOTES = 3
_BOXES = " ".join("\u2610" * 5)


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


@dataclass(frozen=True, slots=True)
class OptionLine:
    name: str
    gains: tuple[str, ...]
    costs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProfessionalCard:
    client: str
    """Who the client is (name and role), when the playbook says."""
    situation: str
    goal: str
    facts: tuple[str, ...]
    options: tuple[OptionLine, ...]
    walk_away: tuple[str, ...]
    asks: tuple[str, ...]
    """Reminders: questions to listen with."""
    says: tuple[str, ...]
    """Reminders: phrases that show empathy."""


@dataclass(frozen=True, slots=True)
class CheckItem:
    code: str
    behaviour: str
    kind: Kind
    hint: str


@dataclass(frozen=True, slots=True)
class ObserverChecklist:
    items: tuple[CheckItem, ...]


@dataclass(frozen=True, slots=True)
class RoleCards:
    """The three cards of one scenario."""

    playbook_id: str
    scenario: str
    client: ClientCard
    professional: ProfessionalCard
    observer: ObserverChecklist


def _plain(text: str) -> str:
    return " ".join(text.split())


def _texts(items: Iterable[str], limit: int | None = None) -> tuple[str, ...]:
    """Cleaned, non-empty, first occurrence only, at most ``limit``."""
    found: dict[str, str] = {}
    for item in items:
        text = _plain(item)
        if text:
            found.setdefault(text.casefold(), text)
    return tuple(found.values())[:limit]


def first_sentence(text: str) -> str:
    """The first sentence, as a short hint (a checklist row has no room for more)."""
    return _SENTENCE_END.split(_plain(text), maxsplit=1)[0]


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
    script: Script, rubric: Rubric, worse: bool
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Triggers, notes and example lines for the branches that lower (or raise) the mood."""
    picked: list[Branch] = [
        b for t in script.turns for b in t.branches if (b.mood < 0 if worse else b.mood > 0)
    ]
    word = _failed if worse else _passed
    seen = {b.code: b.text for b in behaviours(rubric)}
    triggers = _texts(
        word(rubric.dimension(code), code, seen)
        for b in picked
        for code in (b.if_fail if worse else b.if_pass)
    )
    notes = _texts((b.note for b in picked), MAX_NOTES)
    # The strongest reactions make the clearest examples.
    strongest = sorted(picked, key=lambda b: b.mood if worse else -b.mood)
    ids = {t.id for t in script.turns}
    lines = _texts(
        (script.turn(b.goto).client for b in strongest if b.goto in ids and b.goto != script.start),
        LINES_EACH,
    )
    return triggers, notes, lines


def client_card(playbook: Playbook, rubric: Rubric) -> ClientCard:
    script = playbook.rehearsal
    view = playbook.prepare.perspective
    if script is None:
        questions = [q.question for q in playbook.prepare.questions]
        return ClientCard(
            "",
            "",
            "",
            "",
            "",
            _texts(view.feels),
            _texts(view.needs),
            _texts(view.fears),
            _plain(questions[0]) if questions else "",
            _texts(
                (
                    f"\u201c{_plain(a.phrase)}\u201d"
                    for a in playbook.empathy.avoid
                    if a.phrase.strip()
                ),
                MAX_QUOTES,
            ),
            _texts((a.why for a in playbook.empathy.avoid), MAX_NOTES),
            _texts(questions[1:], MAX_LINES),
            _texts(
                (f"\u201c{_plain(u)}\u201d" for u in playbook.empathy.use if u.strip()), MAX_QUOTES
            ),
            (),
            (),
            scripted=False,
        )
    persona = script.persona
    angrier, angry_notes, angry_lines = _reactions(script, rubric, worse=True)
    calmer, calm_notes, calm_lines = _reactions(script, rubric, worse=False)
    ids = {t.id for t in script.turns}
    return ClientCard(
        _plain(persona.name),
        _plain(persona.role),
        _plain(persona.seniority),
        _plain(persona.temperament),
        persona.technical_level,
        (),
        _texts(persona.wants),
        _texts(persona.fears),
        _plain(script.turn(script.start).client) if script.start in ids else "",
        angrier,
        angry_notes,
        angry_lines,
        calmer,
        calm_notes,
        calm_lines,
        scripted=True,
    )


def professional_card(playbook: Playbook) -> ProfessionalCard:
    prepare = playbook.prepare
    client = ""
    if playbook.rehearsal is not None:
        persona = playbook.rehearsal.persona
        client = ", ".join(_texts((persona.name, persona.role)))
    options = tuple(
        OptionLine(_plain(o.name), _texts(o.gains, 1), _texts(o.costs, 1))
        for o in prepare.options[:MAX_OPTIONS]
        if o.name.strip()
    )
    asks = _texts(playbook.listen.prompts, 2)
    says = _texts(playbook.empathy.use, 3 - len(asks))
    return ProfessionalCard(
        client,
        _plain(playbook.summary),
        _plain(playbook.approach),
        _texts(prepare.facts, MAX_FACTS),
        options,
        _texts(prepare.walk_away, 2),
        asks,
        says,
    )


def observer_checklist(rubric: Rubric) -> ObserverChecklist:
    return ObserverChecklist(
        tuple(
            CheckItem(b.code, _plain(b.text), b.kind, first_sentence(b.why))
            for b in behaviours(rubric)
        )
    )


def role_cards(playbook: Playbook, rubric: Rubric) -> RoleCards:
    """The client's card, the professional's card and the observer's checklist."""
    return RoleCards(
        playbook.id,
        _plain(playbook.title) or playbook.id,
        client_card(playbook, rubric),
        professional_card(playbook),
        observer_checklist(rubric),
    )


# --- Markdown ----------------------------------------------------------------------------


def _bullets(heading: str, items: Sequence[str]) -> list[str]:
    if not items:
        return []
    return [f"**{heading}**", "", *(f"- {md_inline(i)}" for i in items), ""]


def _client_lines(card: ClientCard) -> list[str]:
    who = "; ".join(md_inline(p) for p in (card.role, card.seniority) if p)
    name = f"**{md_inline(card.name)}**" if card.name else "the client"
    lines = [f"You are {name}" + (f" ({who})." if who else "."), ""]
    if card.temperament:
        lines += [f"Temperament: {md_inline(card.temperament)}", ""]
    if card.technical_level:
        lines += [f"Technical level: {md_inline(card.technical_level)}", ""]
    if card.opening:
        lines += ["**Open with**", "", f"> {md_inline(card.opening)}", ""]
    lines += _bullets("You feel", card.feels) + _bullets("You want", card.wants)
    lines += _bullets("You fear", card.fears)
    lines += _bullets(
        "What makes you angrier" if card.scripted else "Words that annoy you", card.angrier
    )
    lines += _bullets("Why", card.angry_notes)
    lines += _bullets(
        "When annoyed you might say" if card.scripted else "You might ask", card.angry_lines
    )
    lines += _bullets(
        "What calms you down" if card.scripted else "Words that calm you", card.calmer
    )
    lines += _bullets("Why", card.calm_notes) + _bullets(
        "Once calmer you might say", card.calm_lines
    )
    return lines


def _professional_lines(card: ProfessionalCard) -> list[str]:
    lines = [f"You meet **{md_inline(card.client)}**.", ""] if card.client else []
    lines += [
        "**The situation**",
        "",
        md_inline(card.situation),
        "",
        "**Your goal**",
        "",
        md_inline(card.goal),
        "",
    ]
    lines += _bullets("Facts to have at hand", card.facts)
    if card.options:
        lines += ["**Options and trade-offs**", ""]
        for option in card.options:
            parts = [f"+ {md_inline(g)}" for g in option.gains]
            parts += [f"\u2212 {md_inline(c)}" for c in option.costs]
            lines.append(f"- {md_inline(option.name)}" + (": " + "; ".join(parts) if parts else ""))
        lines.append("")
    lines += _bullets("Your walk-away", card.walk_away)
    lines += _bullets("Remember to ask", card.asks) + _bullets("Try saying", card.says)
    return lines


def _checklist_lines(card: ObserverChecklist) -> list[str]:
    lines = [
        "Tick a box each time you see the behaviour; note the words used.",
        "",
        "| behaviour | ticks | quotes |",
        "|---|---|---|",
    ]
    for item in card.items:
        mark = "Do" if item.kind == "do" else "Avoid"
        lines.append(
            f"| {mark}: **{md_inline(item.behaviour)}** ({md_inline(item.hint)}) | {_BOXES} | |"
        )
    lines += ["", "**Notes:**", ""]
    return lines


def cards_markdown(cards: Sequence[RoleCards], title: str = "Role cards") -> str:
    """Every scenario's three cards, one after another."""
    lines = [f"# {md_inline(title)}", ""]
    for card in cards:
        scenario = md_inline(card.scenario)
        lines += [f"## {scenario}: the client", "", *_client_lines(card.client)]
        lines += [f"## {scenario}: the professional", "", *_professional_lines(card.professional)]
        lines += [f"## {scenario}: the observer", "", *_checklist_lines(card.observer)]
    return "\n".join(lines).rstrip() + "\n"
