"""The end of a rehearsal: how each dimension went, the turning points, what to try next."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from convocoach.atomicfile import write_text_atomic
from convocoach.coach.model import Rubric
from convocoach.followthrough.lesson_lines import scorecard_lesson
from convocoach.followup.export import file_stem
from convocoach.rehearsal.debrief import debrief_markdown
from convocoach.rehearsal.engine import State, client_line
from convocoach.rehearsal.flowchart import tree_text
from convocoach.rehearsal.scorecard import Scorecard, listening, path_words, scorecard
from convocoach.rehearsal.script import ENDING_LABELS, Script
from convocoach.sessions.lessons import LessonBook
from convocoach.sessions.limits import ACTION
from convocoach.sessions.model import NextStep
from convocoach.tui.dialogs.lesson_editor import LessonEditor
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.needs import ScorecardContext
from convocoach.tui.support.safe_text import plain, styled
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.support.session_editor import SessionEditor
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.wording import counted, minutes_seconds

_BAR = 10


def card_content(card: Scorecard) -> Content:
    lines: list[Content] = [styled(("How each dimension went", "bold"))]
    for t in card.dimensions:
        if t.rate is None:
            bar, rate = "\u00b7" * _BAR, "  n/a"
        else:
            filled = round(t.rate * _BAR)
            bar, rate = "\u25a0" * filled + "\u25a1" * (_BAR - filled), f"{t.rate:5.0%}"
        lines.append(
            styled(
                f"{t.code:<9} ",
                (bar, "$text-accent"),
                f" {rate}  {t.passed} passed, {t.failed} failed  ",
                (t.title, "$text-muted"),
            )
        )
    lines += [Content(""), styled(("Listening", "bold")), plain(listening(card))]
    lines += [plain(path_words(card))]
    if card.movers:
        lines += [Content(""), styled(("The replies that moved the client most", "bold"))]
        for e in card.movers:
            lines.append(styled((f"{e.mood_change:+d}  ", "bold"), "\u201c", e.reply, "\u201d"))
            if e.note:
                lines.append(styled(("    " + e.note, "$text-muted")))
    if card.tips:
        lines += [Content(""), styled(("What to try next time", "bold"))]
        lines += [plain("\u2022 " + tip) for tip in card.tips]
        lines.append(
            styled(("K keeps the first as a lesson for your next conversations.", "$text-muted"))
        )
    if card.commitments:
        lines += [Content(""), styled(("Next steps you offered (A adds them to Agree)", "bold"))]
        lines += [plain("\u2022 " + c) for c in card.commitments]
    return Content("\n").join(lines)


class ScorecardScreen(ScreenContract, Screen[bool]):
    """The card at the end of a rehearsal; it is dismissed with True to take back the reply
    that ended it (the rehearsal reopens), False when done."""

    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("carry", "a", "Add to Agree", "Add the next steps you offered to the Agree step"),
        Command(
            "take_back",
            "f4",
            "Take back",
            "Take back the reply that ended the conversation and carry on",
        ),
        Command(
            "export",
            "e",
            "Export debrief",
            "Save the transcript with the coach's feedback as Markdown",
        ),
        Command(
            "keep_lesson",
            "k",
            "Keep as lesson",
            "Keep the main thing to change as a lesson, shown when you next prepare",
        ),
        Command("close", "escape", "Done", "Back to the session"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    CSS_PATH = "scorecard.tcss"
    HELP_TOPIC = "scorecard"

    def __init__(
        self,
        context: ScorecardContext,
        editor: SessionEditor,
        script: Script,
        state: State,
        rubric: Rubric,
        seconds: float,
    ) -> None:
        super().__init__()
        self.context = context
        self.editor = editor
        self.script = script
        self.state = state
        self.rubric = rubric
        self.seconds = seconds
        self.card = scorecard(state, rubric)
        self._carried = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="card-scroll"):
            ending = ENDING_LABELS[self.state.ending] if self.state.ending else "Not finished"
            replies = counted(self.card.replies, "reply")
            yield Static(
                styled((ending, "bold"), f" after {replies} in {minutes_seconds(self.seconds)}"),
                id="outcome",
            )
            yield Static(
                styled(
                    (self.script.persona.name + ": ", "bold $accent"),
                    client_line(self.script, self.state),
                ),
                id="last-words",
            )
            yield Static(card_content(self.card), id="card")
            yield Static(
                styled(
                    ("Your path on the role-play's map", "bold"),
                    " (\u25cf the turns you reached, \u21d2 the ways you went)",
                ),
                id="map-title",
            )
            yield Static(tree_text(self.script, self.card.path), id="map", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Scorecard"
        self.sub_title = f"Rehearsal with {self.script.persona.name}"
        self.query_one("#card-scroll").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "carry":
            return (bool(self.card.commitments) and not self._carried) or None
        return True

    def action_carry(self) -> None:
        existing = {s.action for s in self.editor.session.next_steps}
        added = 0
        for commitment in self.card.commitments:
            # A run-on sentence of a long reply can outgrow a next step: it ends in an ellipsis.
            action = (
                commitment if len(commitment) <= ACTION else f"{commitment[: ACTION - 1]}\u2026"
            )
            if action not in existing:
                self.editor.add_next_step(NextStep(action))
                added += 1
        self._carried = True
        self.refresh_bindings()
        self.notify(
            f"Added {counted(added, 'next step')} to Agree; set who and by when there."
            if added
            else "They are already in Agree."
        )

    @work(group="lesson", exclusive=True)
    async def action_keep_lesson(self) -> None:
        """Keep the scorecard's main thing to change (reworded first if the user likes) as
        a lesson of this session, for its client and its playbook."""
        text = await self.app.push_screen_wait(
            LessonEditor(
                "Keep as a lesson",
                scorecard_lesson(self.card),
                "Shown on the Prepare step of your next conversation with this client or "
                "this playbook. Reword it as you want to remember it.",
            )
        )
        if text is None:
            return
        session_id = self.editor.session_id
        book = LessonBook(self.editor.store)
        kept = self.context.saver.attempt(
            lambda: book.add(session_id, text, "scorecard"),
            key=("scorecard-lesson", session_id, text),
            then=self._lesson_kept,
        )
        if kept is not None:
            self._lesson_kept(kept)

    def _lesson_kept(self, _: int) -> None:
        self.notify("Kept as a lesson. K on the home screen lists your lessons.", markup=False)

    def action_export(self) -> None:
        session = self.editor.session
        text = debrief_markdown(
            session.title or "Untitled session", self.script, self.state, self.rubric, self.seconds
        )
        path = self.context.export_dir / f"{file_stem(session, 'rehearsal-debrief')}.md"
        try:
            write_text_atomic(path, text)
        except OSError as exc:
            self.notify(
                f"Could not write {path}: {exc.strerror or exc}", severity="error", markup=False
            )
            return
        self.notify(f"Saved the debrief to {path}", markup=False)

    def action_take_back(self) -> None:
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)
