"""A selection list whose long entries wrap onto more lines instead of being cut off."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets._toggle_button import ToggleButton  # the check box SelectionList draws


class PhraseList(SelectionList[str]):
    """Textual's SelectionList draws its check box on the line of option ``scroll + y``,
    which is only right when every option is one line; here it goes on each option's first
    line, and the lines that follow are indented under the text. An unticked box is empty
    rather than a grey X, so the ticks read without colour."""

    DEFAULT_CSS = """
    PhraseList { text-wrap: wrap; text-overflow: fold; }
    """

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
        except IndexError:
            return line
        base = next(iter(line)).style or self.rich_style
        if offset:
            return Strip([Segment(" " * self._get_left_gutter_width(), base), *line])
        component = "selection-list--button"
        selected = self.get_option_at_index(index).value in self._selected
        if selected:
            component += "-selected"
        if self.highlighted == index:
            component += "-highlighted"
        button = self.get_component_rich_style(component) + Style(meta={"option": index})
        side = Style.from_color(button.bgcolor, base.bgcolor) + Style(meta={"option": index})
        return Strip(
            [
                Segment(ToggleButton.BUTTON_LEFT, side),
                # the mark only when ticked: without colour (NO_COLOR) it still shows
                Segment(ToggleButton.BUTTON_INNER if selected else " ", button),
                Segment(ToggleButton.BUTTON_RIGHT, side),
                Segment(" ", base),
                *line,
            ]
        )
