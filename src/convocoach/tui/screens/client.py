"""One client: every conversation with them and how it went, what each side still owes, and
their history saved as Markdown, CSV and calendar to-dos."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from convocoach.diagnostics import UserError
from convocoach.followthrough.client_export import CLIENT_FORMATS, history_stem, write_history
from convocoach.followthrough.clients import (
    SIDES,
    ClientGroup,
    ClientHistory,
    Commitment,
    Conversation,
    client_history,
    list_clients,
)
from convocoach.tui.dialogs.export_form import ExportForm, save_with_form
from convocoach.tui.screens.session import SessionScreen
from convocoach.tui.support.commands import Command, KeyNote, bindings
from convocoach.tui.support.needs import ClientContext
from convocoach.tui.support.safe_text import styled
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.wording import counted

NOTHING_OPEN = "Nothing open: every next step is done or dropped."
GONE = "No session names this client any more (renamed or deleted)."


class ClientScreen(ScreenContract, Screen[None]):
    """Every conversation with one client, their outcomes and the open commitments."""

    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command(
            "save",
            "s",
            "Save",
            "Save the client's history: Markdown, CSV of the next steps, calendar to-dos",
        ),
        Command("close", "escape", "Back", "Back to the home screen"),
    )
    KEY_NOTES: ClassVar[tuple[KeyNote, ...]] = (
        KeyNote("Enter", "Open the highlighted conversation"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    CSS_PATH = "client.tcss"
    HELP_TOPIC = "client"

    def __init__(self, context: ClientContext, group: ClientGroup) -> None:
        super().__init__()
        self.context = context
        self.group = group
        self.history: ClientHistory | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="client-counts", markup=False)
        yield Label("Conversations", classes="section")
        yield OptionList(id="conversations", markup=False)
        yield Label("Open commitments", classes="section")
        with VerticalScroll(id="commitments-scroll"):
            yield Static("", id="commitments", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Client"
        self._show(self.group)
        self.query_one("#conversations", OptionList).focus()

    def _show(self, group: ClientGroup | None) -> None:
        """Read ``group``'s sessions and show them (None: the client is gone)."""
        if group is not None:
            self.group = group
            try:
                self.history = client_history(self.context.store, group, self.context.today())
            except UserError as exc:
                self.notify(exc.format(), severity="error", markup=False)
                group = None
        if group is None:
            self.history = None
        self.sub_title = self.group.label
        counts = self.query_one("#client-counts", Static)
        conversations = self.query_one("#conversations", OptionList)
        index = conversations.highlighted
        before = None if index is None else conversations.get_option_at_index(index).id
        conversations.clear_options()
        if self.history is None:
            counts.update(GONE)
            self.query_one("#commitments", Static).update("")
            return
        counts.update(_counts(self.history))
        kept = {session.id for session in self.history.sessions}
        conversations.add_options(
            Option(_conversation(c, not self.group.named), id=str(c.session_id))
            for c in self.group.conversations
            if c.session_id in kept
        )
        if conversations.option_count:
            ids = [str(c.session_id) for c in self.group.conversations if c.session_id in kept]
            conversations.highlighted = ids.index(before) if before in ids else 0
        self.query_one("#commitments", Static).update(_commitments(self.history))

    def _reload(self) -> None:
        """The client again, as the sessions are now (a conversation may have changed)."""
        groups = list_clients(self.context.store, self.context.today())
        self._show(next((g for g in groups if g.key == self.group.key), None))

    @on(OptionList.OptionSelected, "#conversations")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.app.push_screen(
                SessionScreen(self.context, int(event.option.id)),
                callback=lambda _: self._reload(),
            )

    def action_close(self) -> None:
        self.dismiss()

    @work
    async def action_save(self) -> None:
        history = self.history
        if history is None:
            self.notify(GONE, title="Nothing was saved", severity="warning", markup=False)
            return
        await save_with_form(
            self,
            self.context,
            ExportForm(
                self.context.export_dir,
                history_stem(history),
                "Save the client's history",
                CLIENT_FORMATS,
            ),
            lambda folder, formats: write_history(folder, formats, history, self.context.now()),
            "Client history saved",
        )


def _counts(history: ClientHistory) -> Content:
    overdue = sum(1 for c in history.commitments if c.overdue)
    return styled(
        (history.group.label, "bold"),
        f"  {counted(len(history.sessions), 'conversation')}"
        f" · {len(history.commitments)} open" + (f" · {overdue} overdue" if overdue else ""),
    )


def _conversation(c: Conversation, with_company: bool) -> Content:
    """Under "No client named", each with the company typed in it."""
    sent = "follow-up sent" if c.sent else "follow-up not sent"
    company = f" · {c.company}" if with_company and c.company.strip() else ""
    return styled(
        (c.display_title, "bold"),
        company,
        "\n",
        (f"{c.meeting_date or 'no date'} · {c.playbook_id} · {c.result_label} · {sent}", "dim"),
    )


def _commitment(c: Commitment) -> Content:
    due = f"due {c.step.due}" if c.step.due else "no date"
    late = ("  overdue", "bold") if c.overdue else ""
    return styled(
        "\u2022 ",
        " ".join(c.step.action.split()),
        (f"  {c.owner} · {due}", "dim"),
        late,
        (f"  ({c.session_title})", "dim"),
    )


def _commitments(history: ClientHistory) -> Content:
    if not history.commitments:
        return Content(NOTHING_OPEN)
    blocks: list[Content] = []
    for side, heading in SIDES.items():
        found = history.on_side(side)
        if found:
            blocks.append(styled((heading, "bold")))
            blocks += [_commitment(c) for c in found]
            blocks.append(Content(""))
    return Content("\n").join(blocks[:-1])
