"""Step 8: after the meeting, how it went, beside what the rehearsal predicted."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from convocoach.diagnostics import UserError
from convocoach.followthrough.prediction import predict
from convocoach.labels import OUTCOME_LABELS
from convocoach.sessions import limits
from convocoach.sessions.merge import WriteConflict, merge_lists
from convocoach.tui.steps.base import StepPane
from convocoach.tui.support.safe_text import plain
from convocoach.tui.widgets.field import Field
from convocoach.tui.widgets.phrase_list import PhraseList
from convocoach.tui.widgets.text_box import TextBox

_WIDGETS = {
    "outcome.result": "result",
    "outcome.reaction": "reaction",
    "outcome.worked": "worked",
    "outcome.change": "change",
}
_DESCRIPTIONS = {
    "outcome.result": "How it went",
    "outcome.reaction": "The client's reaction",
    "outcome.worked": "What worked",
    "outcome.change": "What to change",
}


class OutcomeStep(StepPane):
    step_key = "outcome"
    CHOICE_LABELS = {"outcome.result": OUTCOME_LABELS}  # noqa: RUF012
    FIELD_WIDGETS = _WIDGETS
    FIELD_NAMES = _DESCRIPTIONS

    def compose(self) -> ComposeResult:
        outcome = self.session.outcome
        yield Static("The rehearsal and the meeting", classes="section-title")
        yield Static("", id="prediction", classes="note", markup=False)
        yield Static("How it went", classes="section-title")
        with Horizontal(classes="row"):
            yield Label("Result")
            yield Select(
                [(label, key) for key, label in OUTCOME_LABELS.items()],
                value=outcome.result if outcome.result in OUTCOME_LABELS else Select.NULL,
                prompt="Not recorded yet",
                compact=True,
                id="result",
            )
        with Horizontal(classes="row"):
            yield Label("Their reaction")
            yield Field(
                outcome.reaction,
                placeholder="In a sentence: relieved, but wants the plan in writing",
                compact=True,
                id="reaction",
                max_length=limits.LINE,
            )
        yield Static("What worked", classes="section-title")
        yield TextBox(
            outcome.worked, id="worked", placeholder="e.g. Saying the new date in the first minute"
        )
        yield Static("What to change", classes="section-title")
        yield Static(
            "This becomes a lesson, shown on the Prepare step next time you use this playbook "
            "or meet this client.",
            classes="note muted",
            markup=False,
        )
        yield TextBox(
            outcome.change, id="change", placeholder="e.g. Bring the phased plan in writing"
        )
        yield Static("Prepared questions that came up: tick them (Space)", classes="section-title")
        offered = self._offered()
        if offered:
            yield PhraseList(
                *(Selection(plain(q), q, q in outcome.came_up) for q in offered), id="came-up"
            )
        else:
            yield Static("This session's playbook prepares no questions.", classes="note muted")

    def _offered(self) -> list[str]:
        """The playbook's prepared questions, then any ticked earlier that it no longer has."""
        asked = (
            [q.question for q in self.playbook.playbook.prepare.questions]
            if self.playbook is not None
            else []
        )
        return asked + [q for q in self.session.outcome.came_up if q not in asked]

    _came_up_seen: tuple[str, ...] = ()

    def on_mount(self) -> None:
        self._came_up_seen = self.session.outcome.came_up
        self._show_prediction()

    def shown(self) -> None:
        # A rehearsal may have been played since this step was last shown.
        self._show_prediction()

    def _show_prediction(self) -> None:
        try:
            history = self.context.rehearsals.history(self.editor.session_id)
        except UserError:
            history = []
        prediction = predict(history, self.editor.session.outcome)
        text = prediction.line + (f"\n{prediction.verdict}" if prediction.verdict else "")
        self.query_one("#prediction", Static).update(plain(text))

    def show(self, key: str, value: object) -> None:
        if key == "outcome.result" and value not in OUTCOME_LABELS:
            self.query_one("#result", Select).clear()
        else:
            super().show(key, value)
        if key == "outcome.result":
            self._show_prediction()

    def sync(self) -> None:
        super().sync()
        came_up = self.editor.session.outcome.came_up
        if came_up != self._came_up_seen:
            self._came_up_seen = came_up
            self._tick(came_up)

    def _tick(self, came_up: tuple[str, ...]) -> None:
        questions = next(iter(self.query("#came-up").results(PhraseList)), None)
        if questions is None:
            return  # the playbook prepares no questions and none were ticked before
        values = self._values(questions)
        for item in came_up:
            if item not in values:
                questions.add_option(Selection(plain(item), item, True))
        for item in values:
            if item in came_up:
                questions.select(item)
            else:
                questions.deselect(item)

    @staticmethod
    def _values(questions: SelectionList[str]) -> list[str]:
        return [str(questions.get_option_at_index(n).value) for n in range(questions.option_count)]

    @on(Select.Changed, "#result")
    def _result(self, event: Select.Changed) -> None:
        value = event.value if isinstance(event.value, str) else ""
        if value != self.seen["outcome.result"]:
            self.save("outcome.result", value)
        self._show_prediction()

    @on(Input.Changed, "#reaction")
    def _reaction(self, event: Input.Changed) -> None:
        value = " ".join(event.value.split())
        if value != self.seen["outcome.reaction"]:
            self.save("outcome.reaction", value)

    @on(TextBox.Changed, "#worked")
    @on(TextBox.Changed, "#change")
    def _text(self, event: TextBox.Changed) -> None:
        key = f"outcome.{event.text_area.id}"
        if event.text_area.text != self.seen[key]:
            self.save(key, event.text_area.text)

    @on(SelectionList.SelectedChanged, "#came-up")
    def _came_up(self, event: SelectionList.SelectedChanged[str]) -> None:
        selected = set(event.selection_list.selected)
        mine = [q for q in self._values(event.selection_list) if q in selected]
        if set(mine) == set(self._came_up_seen):
            return
        try:
            stored = self.editor.set_came_up(mine, self._came_up_seen)
        except WriteConflict as conflict:
            # Ticked or unticked in another window too: both windows' ticks are kept.
            theirs = conflict.stored if isinstance(conflict.stored, tuple) else ()
            offered = self._values(event.selection_list)
            merged = sorted(  # in the list's order, as a tick in this window keeps them
                merge_lists(self._came_up_seen, mine, theirs),
                key=lambda q: offered.index(q) if q in offered else len(offered),
            )
            try:
                stored = self.editor.set_came_up(merged, theirs)
            except WriteConflict:  # a third change meanwhile: show what is stored now
                self.editor.poll()
                self.sync()
                return
            if stored is not None:
                self.notify(
                    "Questions were also ticked or unticked in another window: both "
                    "windows' ticks are kept.",
                    title="Ticks merged",
                    markup=False,
                )
        if stored is not None:
            self._came_up_seen = stored
            if stored != tuple(mine):
                self._tick(stored)
