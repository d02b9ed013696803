"""The client's mood, 0 (furious) to 10 (at ease), as a bar, a number and a word."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from convocoach.rehearsal.script import MOOD_MAX
from convocoach.tui.support.safe_text import styled

_WORDS = (
    (1, "furious"),
    (2, "angry"),
    (4, "tense"),
    (5, "wary"),
    (7, "calmer"),
    (MOOD_MAX, "at ease"),
)


def mood_word(mood: int) -> str:
    return next(word for top, word in _WORDS if mood <= top)


class MoodMeter(Static):
    DEFAULT_CSS = """
    MoodMeter { width: auto; height: 1; }
    """
    mood: reactive[int] = reactive(3)

    def render(self) -> Content:
        filled = "\u25a0" * self.mood
        empty = "\u25a1" * (MOOD_MAX - self.mood)
        style = (
            "$text-error"
            if self.mood <= 2
            else "$text-warning"
            if self.mood <= 5
            else "$text-success"
        )
        return styled(
            "Mood ",
            (filled, style),
            (empty, "$text-muted"),
            f" {self.mood}/{MOOD_MAX} {mood_word(self.mood)}",
        )
