"""Each coaching dimension's pass rate over the user's rehearsals, as a row of sparklines."""

from __future__ import annotations

from textual.containers import Horizontal, Vertical
from textual.widgets import Sparkline, Static

from convocoach.coach.model import Rubric
from convocoach.rehearsal.engine import State
from convocoach.rehearsal.progress import Trend, trends
from convocoach.tui.safe_text import plain


class ProgressChart(Vertical):
    DEFAULT_CSS = """
    ProgressChart { height: auto; }
    ProgressChart .trend { height: 1; }
    ProgressChart .trend-label {
        width: 31; padding: 0 1 0 0; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ProgressChart Sparkline { width: 20; }
    ProgressChart .trend-value { width: 1fr; padding: 0 0 0 1; }
    """

    def show(self, states: list[State], rubric: Rubric) -> None:
        self.remove_children()
        if not states:
            self.mount(Static(plain("Your trends appear here after your first rehearsal."),
                              classes="muted"))
            return
        self.mount(Static(plain(f"Over {len(states)} rehearsal{'s' if len(states) != 1 else ''}"
                                ", oldest to newest:"), classes="muted"))
        self.mount_all(_row(trend) for trend in trends(states, rubric))


def _row(trend: Trend) -> Horizontal:
    data = [rate * 100 for rate in trend.judged] or [0.0]
    latest = "n/a" if trend.latest is None else f"{trend.latest:.0%}"
    change = trend.change
    moved = "" if change is None else f" ({change * 100:+.0f} points)"
    return Horizontal(
        Static(plain(f"{trend.code} {trend.title}"), classes="trend-label"),
        Sparkline(data, summary_function=max),
        Static(plain(f"latest {latest}{moved}"), classes="trend-value"),
        classes="trend")
