"""Role cards for a workshop: the client's brief, the professional's brief and the observer's
checklist, drawn from a playbook and the coaching rubric."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from convocoach.coach.model import Rubric
from convocoach.markdown_text import md_inline
from convocoach.playbooks.model import Playbook
from convocoach.rehearsal import case
from convocoach.workshop.behaviours import Kind, behaviours, watched
from convocoach.workshop.client_card import (
    ClientCard,
    case_figures,
    client_card,
    figure_lines,
    plain,
    texts,
)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"(\u201c])")
MAX_FACTS = 3
MAX_OPTIONS = 3
_BOXES = " ".join("\u2610" * 5)
WATCH_MARK = "\u2605"
"""Marks a behaviour to watch most in this scenario, on the observer's card."""
FILL_IN = "Name: ______________________ \u00b7 Round: ______"


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
    figures: tuple[tuple[str, str], ...] = ()
    """The case's figures (label, value), as both players know them."""
    brief: tuple[str, ...] = ()
    """What the professional knows that the client's card does not say."""


@dataclass(frozen=True, slots=True)
class CheckItem:
    code: str
    behaviour: str
    kind: Kind
    hint: str
    watched: bool = False
    """One of the behaviours to watch most in this scenario (they come first)."""
    listen_for: str = ""
    """What the behaviour sounds like in this scenario, when the playbook says."""


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


def first_sentence(text: str) -> str:
    """The first sentence, as a short hint (a checklist row has no room for more)."""
    return _SENTENCE_END.split(plain(text), maxsplit=1)[0]


def professional_card(playbook: Playbook) -> ProfessionalCard:
    prepare = playbook.prepare
    client = ""
    if playbook.rehearsal is not None:
        persona = playbook.rehearsal.persona
        client = ", ".join(texts((persona.name, persona.role)))
    options = tuple(
        OptionLine(plain(o.name), texts(o.gains, 1), texts(o.costs, 1))
        for o in prepare.options[:MAX_OPTIONS]
        if o.name.strip()
    )
    asks = texts(playbook.listen.prompts, 2)
    says = texts(playbook.empathy.use, 3 - len(asks))
    facts = case_figures(playbook)
    brief = texts(case.render(line, facts) for line in playbook.workshop.professional_brief)
    return ProfessionalCard(
        client,
        plain(playbook.summary),
        plain(playbook.approach),
        # What to find out is for a real meeting; a brief already gives the answers.
        () if brief else texts(prepare.facts, MAX_FACTS),
        options,
        texts(prepare.walk_away, 2),
        asks,
        says,
        figure_lines(facts),
        brief,
    )


def observer_checklist(rubric: Rubric, watch: Sequence[tuple[str, str]] = ()) -> ObserverChecklist:
    """Every behaviour of the rubric; those in ``watch`` (code, what it sounds like here)
    first, in its order, and marked."""
    marked = dict(watch)
    items = {
        b.code: CheckItem(
            b.code,
            plain(b.text),
            b.kind,
            first_sentence(b.why),
            b.code in marked,
            plain(marked.get(b.code, "")),
        )
        for b in behaviours(rubric)
    }
    first = [items[code] for code in marked if code in items]
    return ObserverChecklist((*first, *(i for i in items.values() if not i.watched)))


def role_cards(playbook: Playbook, rubric: Rubric) -> RoleCards:
    """The client's card, the professional's card and the observer's checklist."""
    return RoleCards(
        playbook.id,
        plain(playbook.title) or playbook.id,
        client_card(playbook, rubric),
        professional_card(playbook),
        observer_checklist(rubric, watched(playbook)),
    )


# --- Markdown ----------------------------------------------------------------------------


def _bullets(heading: str, items: Sequence[str]) -> list[str]:
    if not items:
        return []
    return [f"**{heading}**", "", *(f"- {md_inline(i)}" for i in items), ""]


def _figure_bullets(heading: str, figures: Sequence[tuple[str, str]]) -> list[str]:
    return _bullets(heading, [f"{label}: {value}" for label, value in figures])


def _client_lines(card: ClientCard) -> list[str]:
    who = "; ".join(md_inline(p) for p in (card.role, card.seniority) if p)
    name = f"**{md_inline(card.name)}**" if card.name else "the client"
    lines = [f"You are {name}" + (f" ({who})." if who else "."), ""]
    if card.temperament:
        lines += [f"Temperament: {md_inline(card.temperament)}", ""]
    if card.technical_level:
        lines += [f"Technical level: {md_inline(card.technical_level)}", ""]
    lines += _figure_bullets("The figures", card.figures)
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
    lines += _figure_bullets("The figures", card.figures)
    lines += _bullets("What you know", card.brief)
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
    lines = ["Tick a box each time you see the behaviour; note the words used."]
    if any(item.watched for item in card.items):
        lines.append(f"{WATCH_MARK} marks what to watch most in this scenario.")
    lines += ["", "| behaviour | ticks | quotes |", "|---|---|---|"]
    for item in card.items:
        mark = ("Do" if item.kind == "do" else "Avoid") + (f" {WATCH_MARK}" if item.watched else "")
        hint = md_inline(item.listen_for or item.hint)
        lines.append(f"| {mark}: **{md_inline(item.behaviour)}** ({hint}) | {_BOXES} | |")
    lines += ["", "**Notes:**", ""]
    return lines


def cards_markdown(cards: Sequence[RoleCards], title: str = "Role cards") -> str:
    """Every scenario's three cards, one after another."""
    lines = [f"# {md_inline(title)}", ""]
    for card in cards:
        scenario = md_inline(card.scenario)
        lines += [f"## {scenario}: the client", "", FILL_IN, "", *_client_lines(card.client)]
        lines += [f"## {scenario}: the professional", "", FILL_IN, ""]
        lines += _professional_lines(card.professional)
        lines += [f"## {scenario}: the observer", "", FILL_IN, "", *_checklist_lines(card.observer)]
    return "\n".join(lines).rstrip() + "\n"
