"""Write a workshop's role cards and its debrief into a folder, each file atomically."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from convocoach.atomicfile import write_text_atomic
from convocoach.coach.model import Rubric
from convocoach.filenames import slug
from convocoach.playbooks.model import Playbook
from convocoach.workshop.cards import cards_markdown, role_cards
from convocoach.workshop.cards_html import cards_html
from convocoach.workshop.debrief import workshop_html, workshop_markdown
from convocoach.workshop.handouts import handouts_html
from convocoach.workshop.record import Workshop


def cards_stem(playbooks: Sequence[Playbook]) -> str:
    ids = "-".join(p.id for p in playbooks[:3]) + ("-and-more" if len(playbooks) > 3 else "")
    return f"{slug(ids, 'workshop')}-role-cards"


def write_card_files(playbooks: Sequence[Playbook], rubric: Rubric, folder: Path) -> list[Path]:
    """The role cards of ``playbooks`` as printable HTML and as Markdown; the paths written."""
    cards = [role_cards(p, rubric) for p in playbooks]
    stem = folder / cards_stem(playbooks)
    html, md = stem.with_suffix(".html"), stem.with_suffix(".md")
    write_text_atomic(html, cards_html(cards))
    write_text_atomic(md, cards_markdown(cards))
    return [html, md]


def write_debrief_files(
    workshop: Workshop, titles: dict[str, str], rubric: Rubric, folder: Path
) -> list[Path]:
    """The workshop's debrief (every round, tallies per round and per person) as Markdown and
    HTML, and each person's handout (printable HTML); the paths written."""
    stem = folder / f"{slug(workshop.plan.title, 'workshop')}-{workshop.id}"
    md, html = (
        stem.with_name(f"{stem.name}-debrief.md"),
        stem.with_name(f"{stem.name}-debrief.html"),
    )
    handouts = stem.with_name(f"{stem.name}-handouts.html")
    write_text_atomic(md, workshop_markdown(workshop, titles, rubric))
    write_text_atomic(html, workshop_html(workshop, titles, rubric))
    write_text_atomic(handouts, handouts_html(workshop, titles, rubric))
    return [md, html, handouts]
