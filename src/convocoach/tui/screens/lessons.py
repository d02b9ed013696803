"""Every lesson kept, with the session it came from: edit, retire or bring back, open."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from convocoach.followthrough.lesson_lines import (
    SOURCE_LABELS,
    lesson_day,
    origin_title,
    origin_words,
    who_words,
)
from convocoach.sessions.lessons import Lesson, LessonBook, LessonOrigin
from convocoach.tui.dialogs.lesson_editor import LessonEditor
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.support.commands import Command, KeyNote, bindings
from convocoach.tui.support.needs import LessonsContext
from convocoach.tui.support.safe_text import plain, plain_rich, styled
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.wording import counted

INTRO = (
    "What to change next time, kept from your outcomes and rehearsals. Lessons in use show "
    "on the Prepare step of your next session with the same client or the same playbook."
)
EMPTY = (
    "No lessons yet. The \u201cwhat to change\u201d of a session's outcome becomes one, and K "
    "on a rehearsal's scorecard keeps its main thing to change."
)
COLUMNS = ("Lesson", "From", "Day", "Source", "State")
_CUT = {"Lesson": 26, "From": 16}


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _state(lesson: Lesson) -> str:
    return "retired" if lesson.retired_at else "in use"


class LessonsScreen(ScreenContract, Screen[None]):
    """The lessons, newest first; the highlighted one in full below the table."""

    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("edit", "e", "Edit", "Reword the highlighted lesson"),
        # One key, named after what it does to the highlighted lesson; check_action shows one.
        Command("retire(True)", "r", "Retire", "Stop showing the lesson on Prepare"),
        Command("retire(False)", "r", "Restore", "Show the retired lesson on Prepare again"),
        Command("open_session", "o", "Open session", "Open the session the lesson came from"),
        Command("close", "escape", "Back", "Back to the home screen"),
    )
    KEY_NOTES: ClassVar[tuple[KeyNote, ...]] = (
        KeyNote("Enter", "Open the session the highlighted lesson came from"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    CSS_PATH = "lessons.tcss"
    HELP_TOPIC = "lessons"

    def __init__(self, context: LessonsContext) -> None:
        super().__init__()
        self.context = context
        self.book = LessonBook(context.store)
        self.lessons: list[Lesson] = []
        self.origins: dict[int, LessonOrigin] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(plain(INTRO), id="intro")
        table: DataTable[Text] = DataTable(id="lessons", cursor_type="row", zebra_stripes=True)
        table.add_columns(*COLUMNS)
        yield table
        yield Static("", id="detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Lessons"
        self.show_lessons()
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        # A session opened from here may have changed its outcome, and so its lesson.
        self.show_lessons()

    def show_lessons(self, select: int | None = None) -> None:
        """Read the lessons again and show them, keeping the highlighted one."""
        current = self.highlighted
        if select is None and current is not None:
            select = current.id
        self.lessons = self.book.all()
        self.origins = self.book.origins()
        retired = sum(1 for lesson in self.lessons if lesson.retired_at)
        self.sub_title = counted(len(self.lessons), "lesson") + (
            f", {retired} retired" if retired else ""
        )
        table = self.query_one(DataTable)
        table.clear()
        for lesson in self.lessons:
            origin = self.origins.get(lesson.id)
            cells = (
                _cut(lesson.text, _CUT["Lesson"]),
                _cut(origin_title(origin), _CUT["From"]),
                lesson_day(lesson, origin),
                SOURCE_LABELS.get(lesson.source, lesson.source),
                _state(lesson),
            )
            table.add_row(*(plain_rich(cell) for cell in cells), key=str(lesson.id))
        row = next((n for n, lesson in enumerate(self.lessons) if lesson.id == select), 0)
        if self.lessons:
            table.move_cursor(row=row)
        self._show_detail()
        self.refresh_bindings()

    @property
    def highlighted(self) -> Lesson | None:
        table = self.query_one(DataTable)
        if not self.lessons or not 0 <= table.cursor_row < len(self.lessons):
            return None
        return self.lessons[table.cursor_row]

    def _show_detail(self) -> None:
        lesson = self.highlighted
        detail = self.query_one("#detail", Static)
        if lesson is None:
            detail.update(styled((EMPTY, "$text-muted")))
            return
        origin = self.origins.get(lesson.id)
        about = [
            f"From {origin_words(lesson, origin)}",
            who_words(lesson),
            SOURCE_LABELS.get(lesson.source, lesson.source).lower(),
            _state(lesson) + (", edited" if lesson.edited else ""),
        ]
        detail.update(
            Content("\n").join(
                [
                    plain(lesson.text),
                    styled((" \u00b7 ".join(a for a in about if a), "$text-muted")),
                ]
            )
        )

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self) -> None:
        self._show_detail()
        self.refresh_bindings()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open_session()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        lesson = self.highlighted
        if action == "retire":
            # The key that fits the highlighted lesson is shown; the other is hidden.
            if lesson is None:
                return None if parameters == (True,) else False
            return parameters == (not lesson.retired_at,)
        if action in ("edit", "open_session"):
            if lesson is None:
                return None
            if action == "open_session" and lesson.id not in self.origins:
                return None  # its session was deleted
        return True

    # --- actions -----------------------------------------------------------------------------

    @work(group="lesson", exclusive=True)
    async def action_edit(self) -> None:
        lesson = self.highlighted
        if lesson is None:
            return
        text = await self.app.push_screen_wait(LessonEditor("Edit the lesson", lesson.text))
        if text is None or text == lesson.text:
            return
        lesson_id = lesson.id
        self._write(lambda: self.book.edit(lesson_id, text), ("lesson", lesson_id), "Lesson saved.")

    def action_retire(self, retired: bool) -> None:
        lesson = self.highlighted
        if lesson is None:
            return
        lesson_id = lesson.id
        self._write(
            lambda: self.book.retire(lesson_id, retired),
            ("lesson-retired", lesson_id),
            "Retired: no longer shown on Prepare."
            if retired
            else "Restored: shown on Prepare again.",
        )

    def _write(self, write: Callable[[], None], key: tuple[str, int], done: str) -> None:
        """One change through the saver; the list shows it once it is saved (now or on a
        retry)."""

        def run() -> bool:
            write()
            return True

        def kept(_: bool) -> None:
            self.show_lessons()
            self.notify(done, markup=False)

        if self.context.saver.attempt(run, key, then=kept) is not None:
            kept(True)

    def action_open_session(self) -> None:
        lesson = self.highlighted
        origin = None if lesson is None else self.origins.get(lesson.id)
        if origin is None:
            if lesson is not None:
                self.notify("The session this lesson came from was deleted.", markup=False)
            return
        self.app.push_screen(SessionScreen(self.context, origin.session_id))

    def action_close(self) -> None:
        self.dismiss()
