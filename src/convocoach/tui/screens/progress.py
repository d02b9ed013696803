"""Progress over all rehearsals, and the real conversations' outcomes, from the home screen."""

from __future__ import annotations

import sqlite3
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from convocoach.coach.loader import bundled_rubric
from convocoach.diagnostics import UserError
from convocoach.followthrough.outcome_stats import (
    MONTH_HEADER,
    OutcomeStats,
    agreement_words,
    close_words,
    month_cells,
    on_time_words,
    outcome_stats,
)
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.needs import ProgressContext
from convocoach.tui.support.safe_text import plain, styled
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.tui.widgets.progress_chart import ProgressChart

INTRO = (
    "How often each coaching dimension passed in each of your rehearsals, across all "
    "sessions. Read the trend rather than a single rehearsal: one reply is a small "
    "sample, and the coach cannot hear tone."
)


OUTCOMES_EMPTY = (
    "After a meeting, record its outcome, mark the follow-up sent and the next steps done: "
    "how your real conversations go over time appears here."
)
MONTHS_SHOWN = 12
"""Months in the table, newest last; the overall figures count every month."""
_WIDTHS = (8, 7, 7, 14, 8)


def outcomes_content(stats: OutcomeStats) -> Content:
    """The real conversations' figures: overall in words, then a row per month."""
    lines = [styled(("Your real conversations", "bold"))]
    overall = stats.overall
    if overall.empty:
        lines.append(styled((OUTCOMES_EMPTY, "$text-muted")))
        return Content("\n").join(lines)
    for label, words in (
        ("Agreement ", agreement_words(overall)),
        ("Next steps", close_words(overall)),
        ("Follow-ups", on_time_words(overall)),
    ):
        lines.append(styled((label, "$text-muted"), "  ", words))
    months = stats.months[-MONTHS_SHOWN:]
    lines += [Content(""), styled((_row(MONTH_HEADER), "bold"))]
    lines += [plain(_row(month_cells(month))) for month in months]
    return Content("\n").join(lines)


def _row(cells: tuple[str, ...]) -> str:
    return " ".join(cell.ljust(width) for cell, width in zip(cells, _WIDTHS, strict=True)).rstrip()


class ProgressScreen(ScreenContract, Screen[None]):
    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("close", "escape", "Back", "Back to the home screen"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    CSS_PATH = "progress.tcss"
    HELP_TOPIC = "progress"

    def __init__(self, context: ProgressContext) -> None:
        super().__init__()
        self.context = context

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="progress-scroll"):
            yield Static(plain(INTRO), id="intro")
            yield ProgressChart(id="chart")
            yield Static("", id="outcomes")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Progress"
        self.sub_title = "your rehearsals and outcomes"
        try:
            history = self.context.rehearsals.history()
        except UserError as exc:
            self.notify(exc.format(), severity="error", markup=False)
            history = []
        self.query_one(ProgressChart).show([r.state for r in history], bundled_rubric())
        try:
            stats = outcome_stats(self.context.store.connection, self.context.profile)
        except sqlite3.Error as exc:
            self.notify(f"Could not read the outcomes: {exc}", severity="error", markup=False)
        else:
            self.query_one("#outcomes", Static).update(outcomes_content(stats))
        self.query_one("#progress-scroll").focus()

    def action_close(self) -> None:
        self.dismiss()
