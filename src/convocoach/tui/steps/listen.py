"""Step 4: listening prompts, reflection openers, empathy phrases to use and to avoid."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from convocoach.sessions.limits import PHRASE
from convocoach.tui.steps.base import StepPane
from convocoach.tui.support.safe_text import bullets, plain, styled
from convocoach.tui.widgets.field import Field
from convocoach.tui.widgets.phrase_list import PhraseList


class ListenStep(StepPane):
    step_key = "listen"

    def compose(self) -> ComposeResult:
        chosen = list(self.session.phrases)
        offered: list[str] = []
        if self.playbook is not None:
            pb = self.playbook.playbook
            yield Static("Invite them to say more", classes="section-title")
            yield Static(bullets(pb.listen.prompts), classes="note")
            yield Static("Reflect back what you heard", classes="section-title")
            yield Static(
                bullets(tuple(f"{r}\u2026" for r in pb.listen.reflections)), classes="note"
            )
            offered = list(pb.empathy.use)
        offered += [p for p in chosen if p not in offered]
        yield Static("Empathy phrases: tick the ones you will use (Space)", classes="section-title")
        yield PhraseList(*(Selection(plain(p), p, p in chosen) for p in offered), id="phrases")
        yield Field(
            placeholder="Add a phrase of your own and press Enter",
            compact=True,
            id="own-phrase",
            max_length=PHRASE,
        )
        if self.playbook is not None and self.playbook.playbook.empathy.avoid:
            yield Static("Phrases to avoid, and what to say instead", classes="section-title")
            yield Static(
                Content("\n\n").join(
                    styled(
                        ("\u2717 Avoid: ", "bold"),
                        avoid.phrase,
                        "\n  Why: ",
                        avoid.why,
                        "\n",
                        ("  Say instead: ", "bold"),
                        avoid.instead,
                    )
                    for avoid in self.playbook.playbook.empathy.avoid
                ),
                classes="note",
            )

    @on(SelectionList.SelectedChanged, "#phrases")
    def _picked(self, event: SelectionList.SelectedChanged[str]) -> None:
        selected = set(event.selection_list.selected)
        ordered = [option_value for option_value in self._values() if option_value in selected]
        seen = self.seen["phrases"]
        if isinstance(seen, tuple) and selected != set(seen):
            self.save_list(
                "phrases",
                ordered,
                "Phrases merged",
                "Phrases were also chosen or "
                "dropped in another window: both windows' choices are kept.",
            )

    def editing(self, key: str) -> bool:
        # Ticks can change under the cursor without getting in the user's way.
        return key != "phrases"

    def show(self, key: str, value: object) -> None:
        if key != "phrases" or not isinstance(value, tuple):
            return
        phrases = self.query_one("#phrases", SelectionList)
        offered = self._values()
        for phrase in value:
            if phrase not in offered:
                phrases.add_option(Selection(plain(phrase), phrase, True))
        for phrase in offered:
            if phrase in value:
                phrases.select(phrase)
            else:
                phrases.deselect(phrase)

    def _values(self) -> list[str]:
        phrases = self.query_one("#phrases", SelectionList)
        return [str(phrases.get_option_at_index(n).value) for n in range(phrases.option_count)]

    @on(Input.Submitted, "#own-phrase")
    def _added(self, event: Input.Submitted) -> None:
        phrase = " ".join(event.value.split())
        if not phrase:
            return
        phrases = self.query_one("#phrases", SelectionList)
        if phrase not in self._values():
            phrases.add_option(Selection(plain(phrase), phrase, True))
        else:
            phrases.select(phrase)
        event.input.value = ""
