"""Step 5: rehearse against the playbook's scripted client, and see progress over rehearsals."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from convocoach.diagnostics import UserError
from convocoach.playbooks.coaching import coach_for
from convocoach.rehearsal.script import ENDING_LABELS
from convocoach.sessions.rehearsals import SavedRehearsal
from convocoach.tui.steps.base import StepPane
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.safe_text import bullets, plain, styled
from convocoach.tui.widgets.progress_chart import ProgressChart
from convocoach.wording import counted

NO_SCRIPT = (
    "This playbook has no role-play. Rehearse out loud with a colleague, using the "
    "prep sheet (F2) for the phrases you chose and the questions you expect, or pick "
    "a playbook with a 'rehearsal' section."
)


class RehearseStep(StepPane):
    class Open(Message):
        """The user asked for the role-play: ``saved`` to resume, None to start afresh."""

        def __init__(self, saved: SavedRehearsal | None) -> None:
            super().__init__()
            self.saved = saved

    step_key = "rehearse"
    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("start_rehearsal", "r", "Rehearse", "Start a role-play (or resume the last one)"),
        Command("new_rehearsal", "n", "New", "Start a new role-play from the beginning"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)

    def compose(self) -> ComposeResult:
        script = self.playbook.playbook.rehearsal if self.playbook else None
        if script is None:
            yield Static(plain(NO_SCRIPT), id="no-script")
            return
        p = script.persona
        # First, so that what a rehearsal is and how to start it show without scrolling.
        yield Static(id="how-to", classes="note")
        card = Static(
            styled(
                (p.name, "bold"),
                f", {p.role}\n",
                (p.seniority + "\n" if p.seniority else ""),
                (p.temperament + "\n" if p.temperament else "", "italic"),
                ("Technical level: ", "bold"),
                p.technical_level,
            ),
            id="persona-card",
        )
        card.border_title = "Your client"
        yield card
        with Horizontal(classes="note"):
            with Vertical():
                yield Static("Wants", classes="section-title")
                yield Static(bullets(p.wants))
            with Vertical():
                yield Static("Fears", classes="section-title")
                yield Static(bullets(p.fears))
        yield Static("Your rehearsals", classes="section-title")
        yield Static(id="history", classes="note")
        yield Static("Progress over all your rehearsals", classes="section-title")
        yield ProgressChart(id="trends")

    def on_mount(self) -> None:
        self.shown()

    def shown(self) -> None:
        if self.playbook is None or self.playbook.playbook.rehearsal is None:
            return
        try:
            mine = self.context.rehearsals.history(self.editor.session_id)
            everyone = self.context.rehearsals.history()
            unfinished = self.context.rehearsals.unfinished(self.editor.session_id)
        except UserError as exc:
            self.notify(exc.format(), severity="error", markup=False)
            return
        self.query_one("#how-to", Static).update(
            _how_to(self.playbook.playbook.rehearsal.persona.name, unfinished is not None)
        )
        self.query_one("#history", Static).update(_history(mine))
        self._show_trends(everyone)

    def _show_trends(self, rehearsals: list[SavedRehearsal]) -> None:
        assert self.playbook is not None
        self.query_one(ProgressChart).show(
            [r.state for r in rehearsals], coach_for(self.playbook.playbook).rubric
        )

    def action_start_rehearsal(self) -> None:
        self._open(resume=True)

    def action_new_rehearsal(self) -> None:
        self._open(resume=False)

    def _open(self, resume: bool) -> None:
        if self.playbook is None or self.playbook.playbook.rehearsal is None:
            return
        saved = self.context.rehearsals.unfinished(self.editor.session_id) if resume else None
        self.post_message(self.Open(saved))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        has_script = self.playbook is not None and self.playbook.playbook.rehearsal is not None
        return has_script or None


def _how_to(client: str, unfinished: bool) -> Content:
    start = (
        (("R", "bold"), " resumes your unfinished role-play; ", ("N", "bold"), " starts again.")
        if unfinished
        else ("Press ", ("R", "bold"), " to start.")
    )
    return styled(
        "A rehearsal is a role-play: you type what you would say, ",
        client,
        " answers as the client, and the coach reads each reply. ",
        *start,
        (
            "\nEnter sends a reply; F3 gives a hint, F4 takes a reply back, F5 pauses, F8 turns "
            "the live feedback off.",
            "$text-muted",
        ),
    )


def _history(rehearsals: list[SavedRehearsal]) -> Content:
    if not rehearsals:
        return plain("None yet.")
    lines = []
    for r in rehearsals[-5:]:
        ending = ENDING_LABELS[r.state.ending] if r.state.ending else "not finished"
        lines.append(
            f"{r.started_at[:16].replace('T', ' ')}  {ending}, "
            f"{counted(len(r.state.exchanges), 'reply')}, mood {r.state.mood}/10"
        )
    return bullets(lines)
