"""``convocoach workshop cards``, ``export`` and ``handouts``: a workshop's papers, as files.

A module of their own: the cards and the debrief read the rubric and the playbooks in full,
which listing workshops does without.
"""

from __future__ import annotations

import argparse

from convocoach.cli.context import CliContext
from convocoach.cli.output import emit
from convocoach.cli.playbooks_cmd import find_playbook
from convocoach.coach.loader import bundled_rubric
from convocoach.workshop.cards import cards_markdown, role_cards
from convocoach.workshop.cards_html import cards_html
from convocoach.workshop.debrief import workshop_html, workshop_markdown
from convocoach.workshop.handouts import handouts_html, handouts_markdown
from convocoach.workshop.record import Workshop
from convocoach.workshop.store import WorkshopLog


def cmd_cards(ctx: CliContext, args: argparse.Namespace) -> int:
    """The role cards of the playbooks: printable HTML (one card per page) or Markdown."""
    rubric = bundled_rubric()
    cards = [role_cards(find_playbook(ctx, ref).playbook, rubric) for ref in args.scenarios]
    emit(cards_html(cards) if args.format == "html" else cards_markdown(cards), args.output)
    return 0


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    """A workshop's debrief: every round, with tallies per round and per person."""
    workshop, titles = _workshop(ctx, args.id)
    render = workshop_html if args.format == "html" else workshop_markdown
    emit(render(workshop, titles, bundled_rubric()), args.output)
    return 0


def cmd_handouts(ctx: CliContext, args: argparse.Namespace) -> int:
    """A handout for each person of a workshop (in HTML, one person to a printed page)."""
    workshop, titles = _workshop(ctx, args.id)
    render = handouts_html if args.format == "html" else handouts_markdown
    emit(render(workshop, titles, bundled_rubric()), args.output)
    return 0


def _workshop(ctx: CliContext, workshop_id: int) -> tuple[Workshop, dict[str, str]]:
    with ctx.reader() as store:
        workshop = WorkshopLog(store).get(workshop_id)
    summaries = ctx.summaries()
    return workshop, {pid: summaries.title_of(pid) for pid in workshop.plan.playbook_ids}
