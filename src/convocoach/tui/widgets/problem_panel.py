"""A file's problems, each written as the command line prints it, and a note under them."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from convocoach.diagnostics import Problem
from convocoach.tui.support.safe_text import plain


class ProblemPanel(VerticalScroll):
    """Hidden while there is nothing to report; scrolls when the list is long.

    File names and messages quote the user's file: shown as plain text, never as markup.
    """

    DEFAULT_CSS = """
    ProblemPanel {
        height: auto;
        max-height: 10;
        display: none;
        border: round $error;
        padding: 0 1;
    }
    ProblemPanel.-shown { display: block; }
    ProblemPanel #problem-list { color: $text-error; }
    ProblemPanel #problem-note { text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="problem-list")
        yield Static(id="problem-note")

    def show(self, title: str, problems: Sequence[Problem], note: str = "") -> None:
        self.border_title = plain(title)
        self.query_one("#problem-list", Static).update(
            plain("\n".join(problem.format() for problem in problems))
        )
        self.query_one("#problem-note", Static).update(plain(note))
        self.set_class(bool(problems), "-shown")

    def clear(self) -> None:
        self.show("", ())
