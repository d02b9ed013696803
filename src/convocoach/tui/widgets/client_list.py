"""The user's sessions grouped by client, with the highlighted client summarised beside them.

Built only when the user asks for the grouping (the home screen's first paint never waits
for it); the list is one query (``followthrough.clients.list_clients``).
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from convocoach.followthrough.clients import (
    ClientGroup,
    ClientKey,
    list_clients,
    overview_markdown,
)
from convocoach.sessions.store import SessionStore
from convocoach.tui.support.safe_text import styled
from convocoach.tui.widgets.markdown_page import MarkdownPage

EMPTY = "No sessions yet, so no clients. Start a session from the playbooks (T)."


class ClientList(Horizontal):
    DEFAULT_CSS = """
    ClientList { height: 1fr; }
    ClientList #clients { width: 2fr; min-width: 30; height: 1fr; }
    ClientList #client-scroll {
        width: 3fr; padding: 0 1; border-left: vkey $foreground 20%;
    }
    ClientList #clients-empty { padding: 1 2; width: 1fr; }
    """

    class Chosen(Message):
        """Enter on a client: open their page."""

        def __init__(self, group: ClientGroup) -> None:
            super().__init__()
            self.group = group

    def __init__(self, store: SessionStore, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.today = today
        """For the overdue counts."""
        self.groups: list[ClientGroup] = []

    def compose(self) -> ComposeResult:
        yield Static(EMPTY, id="clients-empty", markup=False)
        yield OptionList(id="clients", markup=False)
        with VerticalScroll(id="client-scroll"):
            yield MarkdownPage(id="client-detail")

    def on_mount(self) -> None:
        self.refresh_groups()

    @property
    def highlighted(self) -> ClientGroup | None:
        index = self.query_one("#clients", OptionList).highlighted
        return None if index is None or index >= len(self.groups) else self.groups[index]

    def focus_list(self) -> None:
        self.query_one("#clients", OptionList).focus()

    def refresh_groups(self, today: date | None = None, keep: ClientKey | None = None) -> None:
        """Read the clients again (the highlighted one stays highlighted)."""
        if today is not None:
            self.today = today
        if keep is None and self.highlighted is not None:
            keep = self.highlighted.key
        self.groups = list_clients(self.store, self.today)
        option_list = self.query_one("#clients", OptionList)
        option_list.clear_options()
        option_list.add_options(Option(_label(group)) for group in self.groups)
        has_groups = bool(self.groups)
        self.query_one("#clients-empty").display = not has_groups
        option_list.display = has_groups
        self.query_one("#client-scroll").display = has_groups
        if has_groups:
            keys = [group.key for group in self.groups]
            option_list.highlighted = keys.index(keep) if keep in keys else 0

    @on(OptionList.OptionHighlighted, "#clients")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        group = self.highlighted
        if group is not None:
            self.query_one("#client-detail", MarkdownPage).show(overview_markdown(group))

    @on(OptionList.OptionSelected, "#clients")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        group = self.highlighted
        if group is not None:
            self.post_message(self.Chosen(group))


def _label(group: ClientGroup) -> Content:
    return styled((group.label, "bold"), "\n", (group.counts(), "dim"))
