"""The app as its screens and widgets see it: typed, and apart from the screens it opens, so
anything can import it without an import cycle (``tui.app`` builds on it)."""

from __future__ import annotations

from textual.app import App

from convocoach.tui.support.context import AppContext


class AppBase(App[int]):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context

    @property
    def cursor_blink(self) -> bool:
        """Whether text cursors blink (``cursor_blink`` in preferences.json)."""
        return self.context.preferences.cursor_blink


def cursor_blinks(app: App[object]) -> bool:
    """The preference for ``app``'s text cursors (blinking, as Textual's, outside this app)."""
    return app.cursor_blink if isinstance(app, AppBase) else True
