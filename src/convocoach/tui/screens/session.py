"""A session, step by step: situation, prepare, timing, listen, rehearse, agree, follow up,
outcome."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from functools import partial
from pathlib import Path, PurePath
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Header

from convocoach.diagnostics import UserError
from convocoach.sessions.flow import neighbour, resume_step, steps_done
from convocoach.sessions.prompts import prep_prompts
from convocoach.sessions.steps import STEPS, StepKey, step_key
from convocoach.tui.screens.plan_sheet import PlanSheetScreen
from convocoach.tui.screens.rehearsal import RehearsalScreen
from convocoach.tui.steps.agree import AgreeStep
from convocoach.tui.steps.base import StepPane
from convocoach.tui.steps.followup import FollowupStep
from convocoach.tui.steps.listen import ListenStep
from convocoach.tui.steps.outcome import OutcomeStep
from convocoach.tui.steps.prepare import PrepareStep
from convocoach.tui.steps.rehearse import RehearseStep
from convocoach.tui.steps.situation import SituationStep
from convocoach.tui.steps.timing import TimingStep
from convocoach.tui.support.commands import Command, KeyNote, bindings
from convocoach.tui.support.help_text import Topic
from convocoach.tui.support.needs import SessionContext
from convocoach.tui.support.notices import report_settings_problem
from convocoach.tui.support.screen_contract import CommandSource, Entry, HasCommands, ScreenContract
from convocoach.tui.support.session_editor import SessionEditor
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.tui.widgets.step_bar import StepBar

PANES: dict[StepKey, type[StepPane]] = {
    pane.step_key: pane
    for pane in (
        SituationStep,
        PrepareStep,
        TimingStep,
        ListenStep,
        RehearseStep,
        AgreeStep,
        FollowupStep,
        OutcomeStep,
    )
}
# Each step's look is in a .tcss file beside its code (steps/agree.py, steps/agree.tcss), as a
# screen's is beside the screen: one file per step rather than one steps.tcss, so that the
# code and the look of a step are read and changed together. A step is a widget, and only a
# screen or the app can load a file, so this screen, the only one that shows steps, loads
# them: StepPane's shared rules first, then each step's, which win a tie with them. Built
# from PANES, a new step cannot be left without its file (tests/test_tui_styles.py).
_STYLED: tuple[type[StepPane], ...] = (StepPane, *PANES.values())
STEP_CSS: tuple[Path, ...] = tuple(Path(inspect.getfile(p)).with_suffix(".tcss") for p in _STYLED)
# Ticks in the step bar follow typing, but need not be redrawn on every key.
_BAR_DELAY = 0.25
# How often to look for changes saved by another window on the same database: one
# "PRAGMA data_version" each time, a few microseconds.
POLL_SECONDS = 0.3


class SessionScreen(ScreenContract, Screen[None]):
    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("next_step", "ctrl+n", "Next", "Go to the next step", priority=True),
        Command("previous_step", "ctrl+b", "Back", "Go to the previous step", priority=True),
        Command("plan_sheet", "f2", "Prep sheet", "Your whole plan on one page, to save or print"),
        Command("home", "escape", "Home", "Back to the home screen (everything is saved)"),
    )
    KEY_NOTES: ClassVar[tuple[KeyNote, ...]] = (
        KeyNote("Tab or Shift+Tab", "Next or previous field"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    CSS_PATH: ClassVar[list[str | PurePath]] = ["session.tcss", *STEP_CSS]

    def __init__(self, context: SessionContext, session_id: int) -> None:
        super().__init__()
        self.context = context
        self.editor = SessionEditor(context.store, session_id, context.saver, self._changed)
        self.playbook = context.playbooks.get(self.editor.session.playbook_id)
        self.prompts = prep_prompts(self.playbook.playbook) if self.playbook else ()
        self.step = resume_step(self.editor.session)
        self._bar_timer: Timer | None = None
        self._rehearsed_cache: bool | None = None

    def help_topic(self) -> Topic:
        return self.step

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield StepBar(id="step-bar")
            with ContentSwitcher(initial=None, id="step-panes"):
                pass
        yield KeyFooter()

    def on_mount(self) -> None:
        # The profile is read here, not at start-up (the home screen never needs it).
        problem = self.context.take_profile_problem()
        if problem:
            report_settings_problem(self, problem)
        self._update_title()
        if self.playbook is None:
            self.notify(
                f"The playbook {self.editor.session.playbook_id!r} is not in your "
                "library: its advice cannot be shown, your answers are kept.",
                severity="warning",
                markup=False,
            )
        elif (
            self.editor.session.playbook_digest
            and self.playbook.digest != self.editor.session.playbook_digest
        ):
            self.notify(
                "This session's playbook has changed since you started; its prompts "
                "may read differently.",
                markup=False,
            )
        self.go(self.step)
        self.set_interval(POLL_SECONDS, self.look_for_changes)

    def look_for_changes(self) -> None:
        """Show what another window saved since the last look (a few times a second)."""
        if self.editor.poll():
            self.sync()

    def sync(self) -> None:
        """Show what another window saved in every field the user is not typing in."""
        if not self.is_attached:
            return  # closed since the call was planned
        try:
            switcher = self.query_one("#step-panes", ContentSwitcher)
            for pane in switcher.query_children(StepPane):
                pane.sync()
            self._refresh_bar()
        except NoMatches:
            # Planned on a blur as the app closed: its widgets are already being removed
            # (leaves first), and there is nothing left to show a change in.
            return

    def on_descendant_blur(self) -> None:
        # A field the user has just left may hold a value another window saved meanwhile.
        self.call_after_refresh(self.sync)

    def _update_title(self) -> None:
        session = self.editor.session
        self.title = session.title or "Untitled session"
        self.sub_title = self.playbook.title if self.playbook else session.playbook_id

    def go(self, step: StepKey) -> None:
        switcher = self.query_one("#step-panes", ContentSwitcher)
        pane = next((p for p in switcher.query_children(StepPane) if p.step_key == step), None)
        if pane is None:
            pane = PANES[step](self.context, self.editor, self.playbook)
            switcher.mount(pane)
        else:
            pane.sync()
            pane.shown()
        switcher.current = pane.id
        self.step = step
        if self.editor.session.step != step:
            self.editor.set_field("step", step)
        if step == "timing":
            self.editor.timing_seen()
        self._refresh_bar()
        self.call_after_refresh(pane.focus_first)
        self.refresh_bindings()

    @property
    def pane(self) -> StepPane | None:
        switcher = self.query_one("#step-panes", ContentSwitcher)
        return next(
            (p for p in switcher.query_children(StepPane) if p.id == switcher.current), None
        )

    def _refresh_bar(self) -> None:
        bar = self.query_one(StepBar)
        bar.current = self.step
        bar.done = steps_done(
            self.editor.session, self.prompts, self._rehearsed(), self.editor.timing_checked
        )
        self._update_title()

    def _rehearsed(self) -> bool:
        if self._rehearsed_cache is None:
            try:
                history = self.context.rehearsals.history(self.editor.session_id)
            except UserError:
                history = []
            self._rehearsed_cache = any(r.finished for r in history)
        return self._rehearsed_cache

    def start_rehearsal(self) -> None:
        """Go to the Rehearse step and open the role-play (resuming an unfinished one)."""
        self.go("rehearse")
        pane = self.pane
        if isinstance(pane, RehearseStep):
            pane.action_start_rehearsal()

    @on(RehearseStep.Open)
    def _open_rehearsal(self, event: RehearseStep.Open) -> None:
        if self.playbook is None:
            return
        self.app.push_screen(
            RehearsalScreen(self.context, self.editor, self.playbook, event.saved),
            callback=self._rehearsal_closed,
        )

    def _rehearsal_closed(self, _: object) -> None:
        """The step bar and the Rehearse step may have something new."""
        self._rehearsed_cache = None
        pane = self.pane
        if pane is not None:
            pane.shown()
        self._refresh_bar()

    def _changed(self) -> None:
        if self._bar_timer is not None:
            self._bar_timer.stop()
        self._bar_timer = self.set_timer(_BAR_DELAY, self._refresh_bar)

    @on(StepBar.Clicked, "#step-bar")
    def _clicked(self, event: StepBar.Clicked) -> None:
        step = step_key(event.key)
        if step is not None:
            self.go(step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Hidden, not greyed, at either end: the footer's room goes to keys that do something.
        if action == "next_step":
            return self.step != STEPS[-1].key
        if action == "previous_step":
            return self.step != STEPS[0].key
        return True

    def action_next_step(self) -> None:
        self.go(neighbour(self.step, 1))

    def action_previous_step(self) -> None:
        self.go(neighbour(self.step, -1))

    def action_home(self) -> None:
        self.dismiss()

    def action_plan_sheet(self) -> None:
        self.app.push_screen(PlanSheetScreen(self.context, self.editor.session, self.playbook))

    def palette_entries(self) -> Iterator[Entry]:
        for number, (key, label) in enumerate(STEPS, start=1):
            if key != self.step:
                yield Entry(
                    f"Go to step {number}: {label}", "Jump to this step", partial(self.go, key)
                )

    def command_sources(self) -> Iterator[CommandSource]:
        yield self, self.ACTIONS
        pane = self.pane
        if pane is not None:
            yield pane, pane.ACTIONS
            for widget in pane.query("*"):
                if isinstance(widget, HasCommands) and widget.ACTIONS:
                    yield widget, widget.ACTIONS
