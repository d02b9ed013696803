"""Each coaching dimension's pass rate over the user's rehearsals: a row of bars per dimension.

Drawn here rather than with Textual's Sparkline, which scales to the data's own minimum and
maximum (one rehearsal fills every bar, a steady 100% sits at the bottom): these bars keep one
0-100% scale. The columns are fitted to the width, and a row too narrow for its label, bars and
result puts the label on a line of its own, so no text is ever cut.
"""

from __future__ import annotations

import textwrap

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from convocoach.coach.model import Rubric
from convocoach.rehearsal.engine import State
from convocoach.rehearsal.progress import Trend, spark, trends
from convocoach.tui.support.safe_text import plain, styled
from convocoach.wording import counted

MAX_BARS = 20
"""Rehearsals drawn, newest last; older ones are left out of the bars, not of the rates."""
_LABEL_WIDTH = 36
_MIN_LABEL = 14
EMPTY = "Your trends appear here after your first rehearsal."


class ProgressChart(Widget):
    DEFAULT_CSS = """
    ProgressChart { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._trends: tuple[Trend, ...] = ()
        self._count = 0

    def show(self, states: list[State], rubric: Rubric) -> None:
        self._trends = trends(states, rubric) if states else ()
        self._count = len(states)
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_size.width))

    def lines(self, width: int) -> list[Content]:
        """What the chart shows at ``width`` columns, line by line."""
        width = max(width, 1)
        if not self._trends:
            return [styled((line, "$text-muted")) for line in textwrap.wrap(EMPTY, width)]
        drawn = min(self._count, MAX_BARS)
        heading = f"Over {counted(self._count, 'rehearsal')}, oldest to newest" + (
            f" (the last {drawn} drawn):" if drawn < self._count else ":"
        )
        lines = [styled((line, "$text-muted")) for line in textwrap.wrap(heading, width)]
        value_width = max(len(t.summary()) for t in self._trends)
        label_width = min(
            _LABEL_WIDTH, max(len(_label(t)) for t in self._trends), width - drawn - value_width - 2
        )
        for trend in self._trends:
            bars = styled((spark(trend.rates[-drawn:]), "$accent"))
            value = plain(trend.summary())
            if label_width >= _MIN_LABEL:
                lines.append(
                    Content.assemble(
                        plain(_label(trend)).truncate(label_width, ellipsis=True, pad=True),
                        " ",
                        bars,
                        " ",
                        value,
                    )
                )
            else:
                lines.append(plain(_label(trend)).truncate(width, ellipsis=True))
                lines.append(Content.assemble("  ", bars, " ", value).truncate(width))
        return lines


def _label(trend: Trend) -> str:
    return f"{trend.code} {trend.title}"
