"""Step 2: the playbook's checklist, answered in the user's own words."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from convocoach.followthrough.lesson_lines import prepare_lines
from convocoach.languages.advice import (
    GENERIC_SHORT,
    ClientLanguage,
    address,
    client_language,
    closings,
    greetings,
)
from convocoach.playbooks.model import PlaybookFile
from convocoach.sessions.lessons import LessonBook
from convocoach.sessions.merge import answer_key
from convocoach.sessions.prompts import SECTION_LABELS, PrepPrompt, case_prompts, prep_prompts
from convocoach.tui.steps.base import StepPane
from convocoach.tui.support.commands import KeyNote
from convocoach.tui.support.needs import StepContext
from convocoach.tui.support.safe_text import bullets, plain, styled
from convocoach.tui.support.session_editor import SessionEditor
from convocoach.tui.widgets.text_box import TextBox

SHOWN_LESSONS = 2
"""Lessons shown above the checklist; the rest are counted (all are in the Lessons view)."""
SHOWN_LANGUAGE_NOTES = 2
"""The playbook's notes for a client in another language shown; the rest are in the prep sheet."""
NO_PLAYBOOK = (
    "This session's playbook is not in your library any more, so its checklist "
    "cannot be shown. Your answers are kept; put the playbook back to continue."
)


def _option_id(prompt: PrepPrompt) -> str:
    return f"{prompt.section}-{prompt.position}"


def _key(prompt: PrepPrompt) -> str:
    """Where the prompt's answer is kept: its session field, or the checklist's answers."""
    return prompt.field or answer_key(*prompt.key)


class PrepareStep(StepPane):
    """Typing on a prompt answers it; Tab in an answer goes straight on to the next prompt's."""

    step_key = "prepare"
    KEY_NOTES: ClassVar[tuple[KeyNote, ...]] = (
        KeyNote("Up or Down", "Move through the prompts; start typing to answer one"),
        KeyNote("Tab (in an answer)", "On to the next prompt's answer (Shift+Tab back)"),
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_answer", "Next answer", show=False),
    ]

    def __init__(
        self, context: StepContext, editor: SessionEditor, playbook: PlaybookFile | None
    ) -> None:
        super().__init__(context, editor, playbook)
        self.prompts: tuple[PrepPrompt, ...] = (
            (*case_prompts(playbook.playbook), *prep_prompts(playbook.playbook))
            if playbook is not None
            else ()
        )
        self._current: PrepPrompt | None = None

    def compose(self) -> ComposeResult:
        if self.playbook is None:
            yield Static(NO_PLAYBOOK, markup=False)
            return
        yield Static("", id="progress")
        yield Static("", id="lessons")
        yield Static("", id="language")
        options: list[Option | None] = []
        section = ""
        for prompt in self.prompts:
            if prompt.section != section:
                section = prompt.section
                options.append(Option(styled((SECTION_LABELS[section], "bold")), disabled=True))
            options.append(Option(self._label(prompt), id=_option_id(prompt)))
        yield OptionList(*options, id="prompts", markup=False)
        yield Static("", id="prompt")
        yield Static("", id="hint")
        yield TextBox(id="answer", placeholder="Your answer, in your own words")

    def on_mount(self) -> None:
        if self.playbook is not None:
            self._show_progress()
            self._show_lessons()
            self._show_language()
            option_list = self.query_one("#prompts", OptionList)
            option_list.highlighted = 1  # the first prompt, under its section heading

    def shown(self) -> None:
        if self.playbook is not None:
            self._show_lessons()
            self._show_language()

    def lesson_lines(self) -> list[str]:
        """The lessons in use for this session, worded with where each came from."""
        session = self.editor.session
        book = LessonBook(self.editor.store)
        lessons = book.for_prepare(
            session.playbook_id, session.client.name, session.client.company, self.editor.session_id
        )
        if not lessons:
            return []
        return prepare_lines(lessons, book.origins(), session.client.name, session.client.company)

    def _show_lessons(self) -> None:
        lines = self.lesson_lines()
        box = self.query_one("#lessons", Static)
        box.display = bool(lines)
        if not lines:
            return
        parts = [styled(("Lessons from before", "bold")), bullets(lines[:SHOWN_LESSONS])]
        if len(lines) > SHOWN_LESSONS:
            more = f"{len(lines) - SHOWN_LESSONS} more: K on the home screen lists every lesson"
            parts.append(styled((more, "$text-muted")))
        box.update(Content("\n").join(parts))

    def client_language(self) -> ClientLanguage | None:
        """What to know about the client's language; None when it is the user's own."""
        notes = self.playbook.playbook.tailoring.other_language if self.playbook else ()
        own = self.context.profile.language
        return client_language(self.editor.session.client.language, own, notes)

    def _show_language(self) -> None:
        language = self.client_language()
        box = self.query_one("#language", Static)
        box.display = language is not None
        if language is not None:
            box.update(language_box(language))

    def _answer(self, prompt: PrepPrompt) -> str:
        return str(self.seen.get(_key(prompt), ""))

    def _label(self, prompt: PrepPrompt) -> Content:
        done = bool(self._answer(prompt).strip())
        return Content.assemble("\u2713 " if done else "\u00b7 ", plain(prompt.text))

    def _show_progress(self) -> None:
        checklist = [prompt for prompt in self.prompts if not prompt.field]
        count = sum(1 for prompt in checklist if self._answer(prompt).strip())
        self.query_one("#progress", Static).update(
            f"{count} of {len(checklist)} answered. Type to answer; Tab goes on to the next."
        )

    @on(OptionList.OptionHighlighted, "#prompts")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        prompt = next((p for p in self.prompts if _option_id(p) == event.option.id), None)
        if prompt is not None and prompt is not self._current:
            self._show(prompt)

    def _show(self, prompt: PrepPrompt) -> None:
        self._current = prompt
        self.query_one("#prompt", Static).update(plain(prompt.text))
        hint = self.query_one("#hint", Static)
        hint.update(plain(prompt.hint))
        hint.display = bool(prompt.hint)
        self.query_one("#answer", TextBox).load_text(self._answer(prompt))

    def _answer_box(self) -> TextBox:
        """The answer box, focused, with the cursor after what is already written."""
        box = self.query_one("#answer", TextBox)
        box.focus()
        box.move_cursor(box.document.end)
        return box

    @on(OptionList.OptionSelected, "#prompts")
    def _selected(self) -> None:
        self._answer_box()

    def on_key(self, event: events.Key) -> None:
        # A letter typed on the list starts (or goes on with) the highlighted prompt's answer.
        if (
            event.is_printable
            and event.character
            and self._current is not None
            and isinstance(self.screen.focused, OptionList)
        ):
            event.stop()
            event.prevent_default()
            self._answer_box().type(event.character)

    def action_next_answer(self) -> None:
        """Tab: from the list into the answer; from an answer on to the next prompt's."""
        box = self.query_one("#answer", TextBox)
        if self.screen.focused is not box:
            self._answer_box()
            return
        self._keep_answer()  # what was typed belongs to this prompt, whatever comes next
        option_list = self.query_one("#prompts", OptionList)
        before = option_list.highlighted
        option_list.action_cursor_down()
        if option_list.highlighted == before:  # the last prompt: Tab leaves as usual
            self.screen.focus_next()
            return
        option = option_list.highlighted_option
        prompt = next((p for p in self.prompts if option and _option_id(p) == option.id), None)
        if prompt is not None:
            self._show(prompt)
            self._answer_box()

    @on(TextBox.Changed, "#answer")
    def _answered(self) -> None:
        self._keep_answer()

    def _keep_answer(self) -> None:
        prompt = self._current
        if prompt is None:
            return
        text = self.query_one("#answer", TextBox).text
        if prompt.field:
            text = " ".join(text.split())  # a fact is one line
        before = self._answer(prompt)
        if text == before:
            return  # loading a stored answer into the box
        self.save(_key(prompt), text)
        if bool(self._answer(prompt).strip()) != bool(before.strip()):
            self._relabel(prompt)

    def _relabel(self, prompt: PrepPrompt) -> None:
        self.query_one("#prompts", OptionList).replace_option_prompt(
            _option_id(prompt), self._label(prompt)
        )
        self._show_progress()

    # --- answers shared with other windows ----------------------------------------------------

    def _prompt(self, key: str) -> PrepPrompt | None:
        return next((p for p in self.prompts if _key(p) == key), None)

    def describe(self, key: str) -> str:
        prompt = self._prompt(key)
        return f"Your answer to \u201c{prompt.text}\u201d" if prompt else key

    def write(
        self, key: str, value: object, expected: object, then: Callable[[object], None]
    ) -> object | None:
        prompt = self._prompt(key)
        assert prompt is not None
        if prompt.field:
            return super().write(key, value, expected, then)
        return self.editor.set_answer(
            prompt.section, prompt.position, prompt.text, str(value), expected, then
        )

    def editing(self, key: str) -> bool:
        prompt = self._prompt(key)
        return prompt is None or (
            prompt is self._current and self.query_one("#answer", TextBox).has_focus
        )

    def show(self, key: str, value: object) -> None:
        prompt = self._prompt(key)
        if prompt is None:
            return
        if prompt is self._current:
            self.query_one("#answer", TextBox).load_text(str(value))
        self._relabel(prompt)


def language_box(language: ClientLanguage) -> Content:
    """The box on a client in another language: how to address, open and close (or plain
    words, for a language without conventions), then the playbook's first notes."""
    more = "  F2: more in the prep sheet"
    parts = [styled((language.heading, "bold"), (more, "$text-muted"))]
    c = language.conventions
    if c is None:
        parts.append(plain(GENERIC_SHORT))
    else:
        for label, text in (
            ("Address", address(c)),
            ("Opening", greetings(c)),
            ("Closing", closings(c)),
        ):
            parts.append(styled((f"{label}: ", "bold"), text))
    notes = language.playbook_notes
    if notes:
        parts += [styled(("From the playbook", "bold")), bullets(notes[:SHOWN_LANGUAGE_NOTES])]
    return Content("\n").join(parts)
