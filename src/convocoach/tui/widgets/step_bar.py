"""The row of steps at the top of a session: where the user is, and which steps are done."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.reactive import reactive

from convocoach.sessions.steps import STEPS
from convocoach.tui.widgets.segment_bar import SegmentBar

SHORT_LABELS = {"situation": "Situ", "prepare": "Prep", "timing": "Time", "followup": "Follow"}
"""Names short enough for every step to be named at 80 columns (the others are short)."""
TIGHT_LABELS = SHORT_LABELS | {"rehearse": "Play", "followup": "Mail", "outcome": "Out"}
"""Shorter still, for every step to be named at 60 columns: eight steps leave 34 columns for
the names."""


class StepBar(SegmentBar):
    """Click a step to go there. Done steps carry a tick (not only a colour)."""

    DEFAULT_CSS = """
    StepBar > .step-bar--current { background: $primary; color: $text; text-style: bold; }
    StepBar > .step-bar--done { color: $text-success; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"step-bar--current", "step-bar--done"}

    current: reactive[str] = reactive("situation")
    done: reactive[frozenset[str]] = reactive(frozenset())

    def _labels(self, level: int) -> list[tuple[str, str]]:
        """Level 0: every step named; 1: every step by its short name, closer together;
        2: by a shorter name still; 3: only the current step named, the others by number
        or tick."""
        labels: list[tuple[str, str]] = []
        for number, (key, label) in enumerate(STEPS, start=1):
            mark = "\u2713" if key in self.done else str(number)
            if level == 0 or (level == 3 and key == self.current):
                text = f" {mark} {label} "
            elif level in (1, 2):
                names = SHORT_LABELS if level == 1 else TIGHT_LABELS
                text = f" {mark} {names.get(key, label)}"
                if key == self.current or key == STEPS[-1].key:
                    text += " "
            else:
                text = f" {mark} "
            labels.append((key, text))
        return labels

    def render(self) -> Content:
        for level in (0, 1, 2, 3):
            labels = self._labels(level)
            if sum(len(text) for _, text in labels) <= self.size.width:
                break
        current = self.get_visual_style("step-bar--current")
        done = self.get_visual_style("step-bar--done")
        segments = []
        for key, text in labels:
            piece = Content(text)
            if key == self.current:
                piece = piece.stylize(current)
            elif key in self.done:
                piece = piece.stylize(done)
            segments.append((key, piece))
        return self.join_segments(segments)
