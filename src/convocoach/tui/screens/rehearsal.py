"""The role-play: the client speaks, the user replies, the coach reads along and the mood moves."""

from __future__ import annotations

from itertools import cycle
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Static, TextArea

from convocoach.coach.reader import reader_for
from convocoach.coach.score import Coach, Score
from convocoach.playbooks.coaching import coach_for
from convocoach.playbooks.model import PlaybookFile
from convocoach.rehearsal.engine import State, begin, client_line, step, undo
from convocoach.rehearsal.script import ENDING_LABELS, Script
from convocoach.sessions.casting import cast
from convocoach.sessions.rehearsals import SavedRehearsal
from convocoach.tui.screens.scorecard import ScorecardScreen
from convocoach.tui.support.commands import Command, KeyNote, bindings
from convocoach.tui.support.needs import CoachesForReaderContext
from convocoach.tui.support.safe_text import plain, styled
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.support.session_editor import SessionEditor
from convocoach.tui.widgets.feedback_panel import FeedbackPanel
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.tui.widgets.language_notes import LanguageNotes
from convocoach.tui.widgets.mood_meter import MoodMeter
from convocoach.tui.widgets.reply_box import ReplyBox
from convocoach.tui.widgets.transcript import Transcript
from convocoach.wording import minutes_seconds
from convocoach.workshop.scores import rehearsal_score

# Feedback follows the typing once it pauses, so scoring never competes with a keystroke.
_FEEDBACK_DELAY = 0.25


class RehearsalScreen(ScreenContract, Screen[None]):
    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("hint", "f3", "Hint", "A listening prompt or empathy phrase from the playbook"),
        Command("undo_reply", "f4", "Undo reply", "Take back your last reply and try again"),
        Command("pause", "f5", "Pause", "Pause or resume the rehearsal (and its clock)"),
        Command(
            "toggle_feedback",
            "f8",
            "Live feedback",
            "Turn the coach's feedback while you type on or off",
        ),
        Command("leave", "escape", "Back", "Back to the session; the rehearsal resumes later"),
    )
    KEY_NOTES: ClassVar[tuple[KeyNote, ...]] = (KeyNote("Enter", "Send the reply"),)
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (76, "-wide")]  # noqa: RUF012
    CSS_PATH = "rehearsal.tcss"
    HELP_TOPIC = "rehearsal"

    def __init__(
        self,
        context: CoachesForReaderContext,
        editor: SessionEditor,
        playbook: PlaybookFile,
        saved: SavedRehearsal | None = None,
    ) -> None:
        super().__init__()
        assert playbook.playbook.rehearsal is not None
        self.context = context
        self.editor = editor
        self.session_id = editor.session_id
        self.playbook = playbook
        # The session's client, where the Situation step names one, plays the persona, and
        # knows the case's figures the Prepare step holds.
        self.script: Script = cast(
            playbook.playbook.rehearsal, editor.session.client, editor.session.case
        )
        self.coach: Coach = coach_for(playbook.playbook)
        language = editor.session.client.language
        self.reader = reader_for(language, context.profile.language)
        self.state: State = saved.state if saved else begin(self.script)
        self.elapsed = saved.seconds if saved else 0.0
        self.rehearsal_id = saved.id if saved else 0
        self._draft = saved.draft if saved else ""
        self._kept_draft: str | None = self._draft
        """The unsent reply as stored (None: storing it failed)."""
        self.paused = False
        self.live_feedback = context.live_feedback.on
        self._since = self._now()
        self._feedback_timer: Timer | None = None
        hints = [
            *playbook.playbook.listen.prompts,
            *playbook.playbook.empathy.use,
            *playbook.playbook.listen.reflections,
        ]
        self._hints = cycle(hints) if hints else None

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        persona = self.script.persona
        yield Header()
        with Horizontal(id="body"):
            with Vertical(id="talk"):
                yield Transcript(persona.name, id="transcript")
                # Between the transcript and the box: a hint never hides what is being typed.
                yield Static(id="hint")
                yield ReplyBox(id="reply")
            with VerticalScroll(id="side"):
                who = ", ".join(p for p in (persona.role, persona.seniority) if p)
                yield Static(styled((persona.name, "bold"), "\n" + who), id="persona")
                if self.reader == "non_native":
                    notes = self.playbook.playbook.tailoring.other_language
                    yield LanguageNotes(self.editor.session.client.language, notes, id="language")
                yield MoodMeter(id="mood")
                yield Static(id="status")
                yield Static("Paused: F5 to go on", id="paused")
                yield FeedbackPanel(id="feedback")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = f"Rehearsal: {self.playbook.title}"
        self.sub_title = f"with {self.script.persona.name}"
        if not self.rehearsal_id:
            self.rehearsal_id = (
                self.context.saver.attempt(
                    lambda: self.context.rehearsals.start(
                        self.session_id, self.playbook.id, self.state
                    ),
                    ("rehearsal-start", id(self)),
                    self._started,
                )
                or 0
            )
        self._redraw_transcript()
        if self.live_feedback:
            self.query_one(FeedbackPanel).show_score(None)
        else:
            self._feedback_off()
        self.set_interval(1.0, self._tick)
        self._sync()
        if self._draft:
            box = self.query_one(ReplyBox)
            box.text = self._draft
            box.move_cursor(box.document.end)

    def _redraw_transcript(self) -> None:
        transcript = self.query_one(Transcript)
        transcript.remove_children()
        for exchange in self.state.exchanges:
            transcript.client_says(exchange.client)
            transcript.user_said(exchange)
        ending = ENDING_LABELS[self.state.ending] if self.state.ending else ""
        transcript.client_says(client_line(self.script, self.state), ending)

    def _sync(self) -> None:
        self._tick()
        self.query_one(MoodMeter).mood = self.state.mood
        box = self.query_one(ReplyBox)
        box.read_only = self.paused or self.state.ending is not None
        self.set_class(self.paused, "-paused")
        if not box.read_only:
            box.focus()
        self.refresh_bindings()

    # --- the clock ---------------------------------------------------------------------------

    def _now(self) -> float:
        # The app's clock (fixed in tests, so the time shown is too).
        return self.context.now().timestamp()

    @property
    def seconds(self) -> float:
        if self.paused or self.state.ending is not None:
            return self.elapsed
        return self.elapsed + self._now() - self._since

    def _bank_time(self) -> None:
        self.elapsed = self.seconds
        self._since = self._now()

    def _tick(self) -> None:
        self.keep_draft()
        replies = len(self.state.exchanges)
        self.query_one("#status", Static).update(
            plain(
                f"{minutes_seconds(self.seconds)}  \u00b7  reply {replies} of at most "
                f"{self.script.max_replies}"
            )
        )

    # --- replying ------------------------------------------------------------------------------

    @on(TextArea.Changed, "#reply")
    def _draft_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._draft = event.text_area.text
        if not (self.live_feedback and event.text_area.text.strip()):
            if self._feedback_timer is not None:
                self._feedback_timer.pause()
            return
        # One timer, restarted on each key: a new timer per key would cost the echo.
        if self._feedback_timer is None:
            self._feedback_timer = self.set_interval(_FEEDBACK_DELAY, self._score_draft, pause=True)
        self._feedback_timer.reset()
        self._feedback_timer.resume()

    def _score_draft(self) -> None:
        if self._feedback_timer is not None:
            self._feedback_timer.pause()
        self._coach_draft(self.query_one(ReplyBox).text)

    @work(thread=True, exclusive=True, group="coach")
    def _coach_draft(self, text: str) -> None:
        said, level = client_line(self.script, self.state), self.script.persona.technical_level
        score = self.coach.score(text, said, level, self.reader)
        self.app.call_from_thread(self._show_draft, text, score)

    def _show_draft(self, text: str, score: Score) -> None:
        if self.live_feedback and self.query_one(ReplyBox).text == text:
            self.query_one(FeedbackPanel).show_score(score, "Your draft")

    @on(ReplyBox.Sent)
    def _sent(self, event: ReplyBox.Sent) -> None:
        if self.paused or self.state.ending is not None:
            return
        self._bank_time()
        turn_started = sum(e.seconds for e in self.state.exchanges)
        took = max(0.0, self.elapsed - turn_started)
        self.state, score = step(self.script, self.coach, self.state, event.text, took, self.reader)
        event.box.clear()
        self._draft = ""
        self._save()
        self._show_hint("")
        if self._feedback_timer is not None:
            self._feedback_timer.pause()
        transcript = self.query_one(Transcript)
        transcript.user_said(self.state.exchanges[-1])
        ending = ENDING_LABELS[self.state.ending] if self.state.ending else ""
        transcript.client_says(client_line(self.script, self.state), ending)
        self.query_one(FeedbackPanel).show_score(score, "Your last reply")
        self._publish()
        self._sync()
        if self.state.ending is not None:
            self.call_after_refresh(self._show_scorecard)

    def _publish(self) -> None:
        """In a served room, the facilitator sees this participant's score as it happens."""
        seat, state, playbook_id = self.context.seat, self.state, self.playbook.id
        if seat is None:
            return
        ending = ENDING_LABELS[state.ending] if state.ending else ""
        self.context.saver.saved(
            lambda: seat.publish_score(
                seat.workshop().current_round,
                playbook_id,
                rehearsal_score(state),
                len(state.exchanges),
                ending,
            ),
            ("room-score", seat.workshop_id),
        )

    def _started(self, rehearsal_id: int) -> None:
        """The rehearsal is stored at last (the database was busy): store what happened since."""
        self.rehearsal_id = rehearsal_id
        self._save()

    def _save(self) -> None:
        if not self.rehearsal_id:
            return  # not stored yet: a retry stores it, then everything since (``_started``)
        draft = self._draft
        saved = self.context.saver.saved(
            lambda: self.context.rehearsals.save(
                self.rehearsal_id, self.state, self.seconds, draft
            ),
            ("rehearsal", self.rehearsal_id),
        )
        self._kept_draft = draft if saved else None

    def keep_draft(self) -> None:
        """Store the unsent reply if it changed (each second, and when the screen goes)."""
        draft = self._draft
        if self._kept_draft is None or draft == self._kept_draft or not self.rehearsal_id:
            return
        saved = self.context.saver.saved(
            lambda: self.context.rehearsals.save_draft(self.rehearsal_id, draft),
            ("rehearsal-draft", self.rehearsal_id),
        )
        # After a failure (reported once, and retried), wait for the next full save rather
        # than try again every second of typing.
        self._kept_draft = draft if saved else None

    def on_unmount(self) -> None:
        # Also when the app quits (Ctrl+Q) with the screen open: the screens go before the
        # store closes.
        self.keep_draft()

    def _show_scorecard(self) -> None:
        self.app.push_screen(
            ScorecardScreen(
                self.context, self.editor, self.script, self.state, self.coach.rubric, self.seconds
            ),
            callback=self._scorecard_closed,
        )

    def _scorecard_closed(self, take_back: bool | None) -> None:
        if take_back:
            self.action_undo_reply()
            return
        self.dismiss()

    # --- actions -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        ended = self.state.ending is not None
        if action == "undo_reply":
            return (bool(self.state.exchanges) and not self.paused) or None
        if action in ("hint", "pause", "toggle_feedback"):
            return (not ended) or None
        return True

    def action_hint(self) -> None:
        if self._hints is None:
            self.notify("This playbook has no listening prompts or empathy phrases.")
            return
        self._show_hint(next(self._hints))

    def _show_hint(self, text: str) -> None:
        hint = self.query_one("#hint", Static)
        hint.set_class(bool(text), "-shown")
        if text:
            hint.update(
                styled(
                    ("Hint: ", "bold"),
                    text,
                    ("  (F3: another; it goes when you send)", "$text-muted"),
                )
            )

    def action_undo_reply(self) -> None:
        if not self.state.exchanges:
            return
        last = self.state.exchanges[-1]
        self._bank_time()
        self.state = undo(self.state)
        self._save()
        self._redraw_transcript()
        box = self.query_one(ReplyBox)
        self._sync()
        box.text = last.reply
        box.move_cursor(box.document.end)
        self.notify("Your last reply is back in the box: change it and send it again.")

    def action_pause(self) -> None:
        self._bank_time()
        self.paused = not self.paused
        self._save()
        self._sync()

    def action_toggle_feedback(self) -> None:
        self.live_feedback = self.context.live_feedback.on = not self.live_feedback
        panel = self.query_one(FeedbackPanel)
        if self.live_feedback:
            panel.show_score(None)
            self._score_draft()
        else:
            self._feedback_off()

    def _feedback_off(self) -> None:
        self.query_one(FeedbackPanel).update(
            plain(
                "Live feedback is off (F8 turns it on). The coach still judges each reply you send."
            )
        )

    def action_leave(self) -> None:
        self._bank_time()
        self._save()
        self.dismiss()
