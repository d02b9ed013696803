"""Step 2: the playbook's checklist, answered in the user's own words."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from convocoach.sessions.prompts import (
    SECTION_LABELS,
    PrepPrompt,
    answered_count,
    answers_by_key,
    prep_prompts,
)
from convocoach.tui.safe_text import plain, styled
from convocoach.tui.steps.base import StepPane
from convocoach.tui.widgets.text_box import TextBox

NO_PLAYBOOK = ("This session's playbook is not in your library any more, so its checklist "
               "cannot be shown. Your answers are kept; put the playbook back to continue.")


def _option_id(prompt: PrepPrompt) -> str:
    return f"{prompt.section}-{prompt.position}"


class PrepareStep(StepPane):
    step_key = "prepare"
    DEFAULT_CSS = """
    PrepareStep { overflow-y: hidden; }
    PrepareStep #prompts { height: 1fr; min-height: 4; }
    PrepareStep #progress { color: $text-muted; }
    PrepareStep #prompt { text-style: bold; height: auto; margin: 1 0 0 0; }
    PrepareStep #hint { color: $text-muted; height: auto; max-height: 4; }
    PrepareStep #answer { height: 6; }
    """

    def compose(self) -> ComposeResult:
        if self.playbook is None:
            yield Static(NO_PLAYBOOK, markup=False)
            return
        self.prompts = prep_prompts(self.playbook.playbook)
        self._answers = answers_by_key(self.editor.session.answers)
        self._current: PrepPrompt | None = None
        yield Static("", id="progress")
        options: list[Option | None] = []
        section = ""
        for prompt in self.prompts:
            if prompt.section != section:
                section = prompt.section
                options.append(Option(styled((SECTION_LABELS[section], "bold")),
                                      disabled=True))
            options.append(Option(self._label(prompt), id=_option_id(prompt)))
        yield OptionList(*options, id="prompts", markup=False)
        yield Static("", id="prompt")
        yield Static("", id="hint")
        yield TextBox(id="answer", placeholder="Your answer, in your own words")

    def on_mount(self) -> None:
        if self.playbook is not None:
            self._show_progress()
            option_list = self.query_one("#prompts", OptionList)
            option_list.highlighted = 1  # the first prompt, under its section heading

    def _label(self, prompt: PrepPrompt) -> Content:
        done = bool(self._answers.get(prompt.key, "").strip())
        return Content.assemble("\u2713 " if done else "\u00b7 ", plain(prompt.text))

    def _show_progress(self) -> None:
        count = answered_count(self.prompts, self.editor.session.answers)
        self.query_one("#progress", Static).update(
            f"{count} of {len(self.prompts)} answered. Enter or Tab to answer the "
            "highlighted prompt.")

    @on(OptionList.OptionHighlighted, "#prompts")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        prompt = next((p for p in self.prompts if _option_id(p) == event.option.id), None)
        if prompt is None:
            return
        self._current = prompt
        self.query_one("#prompt", Static).update(plain(prompt.text))
        hint = self.query_one("#hint", Static)
        hint.update(plain(prompt.hint))
        hint.display = bool(prompt.hint)
        self.query_one("#answer", TextBox).load_text(self._answers.get(prompt.key, ""))

    @on(OptionList.OptionSelected, "#prompts")
    def _selected(self) -> None:
        self.query_one("#answer", TextBox).focus()

    @on(TextBox.Changed, "#answer")
    def _answered(self, event: TextBox.Changed) -> None:
        prompt = self._current
        if prompt is None:
            return
        text = event.text_area.text
        before = self._answers.get(prompt.key, "")
        if text == before:
            return  # loading a stored answer into the box
        self._answers[prompt.key] = text
        self.editor.set_answer(prompt.section, prompt.position, prompt.text, text)
        if bool(text.strip()) != bool(before.strip()):
            self.query_one("#prompts", OptionList).replace_option_prompt(
                _option_id(prompt), self._label(prompt))
            self._show_progress()
