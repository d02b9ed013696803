"""The observer's checklist: a behaviour per line with how often it was seen this round."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList

from convocoach.tui.support.safe_text import styled
from convocoach.workshop.behaviours import Behaviour


class BehaviourChecklist(OptionList):
    """Enter or + ticks the highlighted behaviour once more; - or Backspace takes one back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus,equals_sign,space", "tick(1)", "Tick", show=False),
        Binding("minus,backspace", "tick(-1)", "Untick", show=False),
    ]
    DEFAULT_CSS = """
    BehaviourChecklist { height: 1fr; border: none; padding: 0; }
    """

    class Ticked(Message):
        def __init__(self, code: str, change: int) -> None:
            super().__init__()
            self.code = code
            self.change = change

    def __init__(
        self,
        items: tuple[Behaviour, ...],
        counts: dict[str, int],
        *,
        id: str | None = None,
        disabled: bool = False,
    ) -> None:
        self.items = items
        self.counts = dict(counts)
        super().__init__(*(self._prompt(b) for b in items), id=id, disabled=disabled)

    def _prompt(self, behaviour: Behaviour) -> Content:
        count = self.counts.get(behaviour.code, 0)
        mark = "+" if behaviour.kind == "do" else "-"
        tally = f"{count:>3} " if count else "  . "
        return styled((tally, "bold" if count else "dim"), f"{mark} ", behaviour.text)

    def set_count(self, code: str, count: int) -> None:
        self.counts[code] = count
        for index, behaviour in enumerate(self.items):
            if behaviour.code == code:
                self.replace_option_prompt_at_index(index, self._prompt(behaviour))

    def action_tick(self, change: int) -> None:
        if self.highlighted is not None:
            self.post_message(self.Ticked(self.items[self.highlighted].code, change))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Ticked(self.items[event.option_index].code, 1))
