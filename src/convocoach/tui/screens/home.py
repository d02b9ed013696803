"""Home: the user's sessions, what is due and the playbook library, one tab each."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Header

from convocoach.diagnostics import InvalidFile, UserError
from convocoach.playbooks.summary import PlaybookSummary
from convocoach.sessions.session_rows import SessionRow
from convocoach.sessions.steps import StepKey
from convocoach.tui.dialogs.confirm import ConfirmScreen
from convocoach.tui.support.commands import Command, KeyNote, bindings
from convocoach.tui.support.needs import HomeContext
from convocoach.tui.support.screen_contract import Entry, ScreenContract
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.tui.widgets.library_browser import LibraryBrowser
from convocoach.tui.widgets.markdown_page import MarkdownPage
from convocoach.tui.widgets.session_list import SessionList, first_rows
from convocoach.tui.widgets.tab_bar import TabBar

if TYPE_CHECKING:
    from convocoach.tui.widgets.client_list import ClientList
    from convocoach.tui.widgets.due_list import DueList

WIDE_FROM = 76
"""Columns from which the list and the sheet sit side by side."""


class HomeScreen(ScreenContract, Screen[None]):
    """Recent sessions to resume, and the library to start a new one from."""

    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("new_session", "n", "New", "Start a new session from a playbook"),
        Command("copy_session", "c", "Copy", "Copy the highlighted session"),
        Command("delete_session", "delete", "Delete", "Delete the highlighted session"),
        Command("focus_filter", "slash", "Filter", "Filter the playbooks by title or tag"),
        Command("clear_filter", "escape", "Clear filter", "Clear the playbook filter", show=False),
        Command(
            "progress", "g", "Progress", "How each coaching dimension has gone over your rehearsals"
        ),
        Command(
            "workshop",
            "w",
            "Workshop",
            "Run a role-play workshop: role cards, round timer, rotation, observer's checklist",
        ),
        # One key for the other tab, named after where it goes; check_action shows one.
        Command("show_tab('library')", "t", "Playbooks", "Show the playbook library"),
        Command("show_tab('sessions')", "t", "Sessions", "Show your sessions"),
        Command("show_due", "u", "Due", "Show what is overdue or due today", show=False),
        # After the tab keys: the footer shows it where there is room (F1 and the palette always).
        # K: the lessons kept (K on a scorecard keeps one).
        Command("lessons", "k", "Lessons", "What to change next time, from your conversations"),
        # Set once at the welcome: F1 and the palette have it, the footer has no room.
        Command("edit_profile", "p", "Profile", "Edit your sender profile", show=False),
        # One key for the other view of the sessions; check_action shows one.
        Command("group_by_client(True)", "b", "By client", "Group your sessions by client"),
        Command("group_by_client(False)", "b", "All sessions", "List your sessions one by one"),
    )
    CSS_PATH = "home.tcss"
    KEY_NOTES: ClassVar[tuple[KeyNote, ...]] = (
        KeyNote("Enter", "Open the session or the client, or start a new one from the playbook"),
        KeyNote("Down or Enter", "From the filter, on to the matching playbooks"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE_FROM, "-wide")]  # noqa: RUF012
    HELP_TOPIC = "home"

    def __init__(self, context: HomeContext) -> None:
        super().__init__()
        self.context = context
        # The width class is known now; left to the first resize, it would style every
        # widget a second time before the first paint.
        self.add_class("-wide" if self.app.size.width >= WIDE_FROM else "-narrow", update=False)

    def compose(self) -> ComposeResult:
        yield Header()
        rows = self.context.session_rows(limit=first_rows(self.app.size.height))
        initial = "sessions" if rows else "library"
        tabs = [("sessions", "Sessions"), ("due", "Due"), ("library", "Playbooks")]
        yield TabBar(tabs, initial, id="tabs")
        with ContentSwitcher(initial=initial, id="home-panes"):
            yield self._pane(initial, rows)
        yield KeyFooter()

    def _pane(self, tab: str, rows: list[SessionRow] | None = None) -> Widget:
        if tab == "sessions":
            rows = self.context.session_rows() if rows is None else rows
            return SessionList(lambda: self.context.store, rows, id="sessions")
        return LibraryBrowser(self.context.playbooks.library, id="library")

    def on_mount(self) -> None:
        self._focus_tab()
        # The tab not shown is built once the first screen is up, not before it.
        self.call_after_refresh(self._add_missing_panes)

    async def _add_missing_panes(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        for tab in ("sessions", "library"):
            if not switcher.query_children(f"#{tab}"):
                pane = self._pane(tab)
                pane.display = False
                await switcher.mount(pane)

    def on_screen_resume(self) -> None:
        # A sheet filled while a dialog covered the screen was never laid out.
        for sheet in self.query(MarkdownPage):
            sheet.refresh(layout=True)
        self.refresh_bindings()

    @property
    def _tab(self) -> str:
        return self.query_one(TabBar).current

    def _focus_tab(self) -> None:
        if self._tab == "sessions":
            self.query_one(SessionList).focus_list()
        elif self._tab == "due":
            self._due_list().focus_list()
        else:
            self.query_one(LibraryBrowser).focus_list()

    @on(TabBar.Clicked, "#tabs")
    async def _tab_clicked(self, event: TabBar.Clicked) -> None:
        await self.action_show_tab(event.key)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        on_sessions = self._tab == "sessions"
        # Keys that belong to the other tab are hidden; ones that need a selection grey out.
        if action in ("copy_session", "delete_session"):
            if not on_sessions:
                return False
            return True if self.query_one(SessionList).highlighted else None
        if action in ("focus_filter", "clear_filter"):
            return self._tab == "library"
        if action == "show_tab":
            # T goes between the lists, and from Due back to the sessions.
            return parameters == ("library" if on_sessions else "sessions",)
        if action == "group_by_client":
            return on_sessions and parameters != (self.query_one(SessionList).grouped,)
        if action == "show_due":
            return self._tab != "due"
        return True

    # --- actions -----------------------------------------------------------------------------

    async def action_show_tab(self, tab: str) -> None:
        await self._add_missing_panes()
        if tab == "due":
            await self._show_due()
        self.query_one(TabBar).current = tab
        self.query_one(ContentSwitcher).current = tab
        self._focus_tab()
        self.refresh_bindings()

    async def action_show_due(self) -> None:
        await self.action_show_tab("due")

    async def _show_due(self) -> None:
        """The Due tab, built when first shown and read again each time: what is due now,
        read as ``convocoach due`` reads it (one lean query per kind)."""
        # Lazy: the due list (time zones, check-in days) loads when the tab is first shown;
        # the home screen paints and runs without it.
        from convocoach.followthrough.business_hours import hours_of, read_business_hours
        from convocoach.followthrough.due import due_items  # Lazy: as above
        from convocoach.tui.widgets.due_list import DueList  # Lazy: as above

        switcher = self.query_one(ContentSwitcher)
        if not switcher.query_children("#due"):
            pane = DueList(id="due")
            pane.display = False
            await switcher.mount(pane)
        try:
            hours = read_business_hours(self.context.locations.settings_file)
        except (InvalidFile, UserError):  # told when a session opens; defaults meanwhile
            profile = self.context.profile
            hours = hours_of(profile.timezone, profile.business_start, profile.business_end)
        due = due_items(self.context.database.connection, hours, self.context.now())
        self._due_list().show(due)

    def _due_list(self) -> DueList:
        from convocoach.tui.widgets.due_list import DueList  # Lazy: as in _show_due

        return self.query_one(DueList)

    async def action_new_session(self) -> None:
        if self._tab == "library":
            highlighted = self.query_one(LibraryBrowser).highlighted
            if highlighted is not None:
                self._start(highlighted)
                return
        await self.action_show_tab("library")
        self.notify("Pick the playbook for your challenge and press Enter.")

    def action_focus_filter(self) -> None:
        self.query_one(LibraryBrowser).focus_filter()

    def action_clear_filter(self) -> None:
        self.query_one(LibraryBrowser).clear_filter()

    def action_copy_session(self) -> None:
        row = self.query_one(SessionList).highlighted
        if row is not None:
            new_id = self.context.saver.attempt(
                lambda: self.context.store.duplicate(row.id), retry=False
            )
            if new_id is not None:
                self.query_one(SessionList).refresh_rows(select=new_id)
                self.notify("Copied. The copy is at the top of the list.")

    @work
    async def action_delete_session(self) -> None:
        row = self.query_one(SessionList).highlighted
        if row is None:
            return
        name = row.title or "Untitled session"
        question = (
            f"Delete the session \u201c{name}\u201d and everything in it? "
            "This cannot be undone (export it first if in doubt)."
        )
        confirmed = await self.app.push_screen_wait(ConfirmScreen("Delete session", question))
        if confirmed and self.context.saver.saved(
            lambda: self.context.store.delete(row.id), retry=False
        ):
            self.query_one(SessionList).refresh_rows()
            self.notify("Session deleted.")
        self.refresh_bindings()

    def action_progress(self) -> None:
        # Lazy: each screen home leads to loads when it is first opened, so home paints first.
        from convocoach.tui.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen(self.context))

    def action_lessons(self) -> None:
        # Lazy: each screen home leads to loads when it is first opened, so home paints first.
        from convocoach.tui.screens.lessons import LessonsScreen

        self.app.push_screen(LessonsScreen(self.context))

    def action_workshop(self) -> None:
        """The workshops; for a participant in a served room, their group's round."""
        # Lazy: each screen home leads to loads when it is first opened, so home paints first.
        from convocoach.tui.screens.workshop_round import WorkshopRoundScreen
        from convocoach.tui.screens.workshop_setup import WorkshopSetupScreen  # Lazy: as above

        seat = self.context.seat
        if seat is None:
            self.app.push_screen(WorkshopSetupScreen(self.context))
        else:
            self.app.push_screen(WorkshopRoundScreen(self.context, seat))

    async def action_group_by_client(self, grouped: bool) -> None:
        today = self.context.today() if grouped else None
        await self.query_one(SessionList).group_by_client(today)
        self.refresh_bindings()

    def on_client_list_chosen(self, event: ClientList.Chosen) -> None:
        """Enter on a client (the grouping is loaded only once asked for: named, not imported)."""
        # Lazy: each screen home leads to loads when it is first opened, so home paints first.
        from convocoach.tui.screens.client import ClientScreen

        self.app.push_screen(
            ClientScreen(self.context, event.group),
            callback=lambda _: self.query_one(SessionList).refresh_rows(),
        )

    def action_edit_profile(self) -> None:
        # Lazy: each screen home leads to loads when it is first opened, so home paints first.
        from convocoach.tui.screens.profile_form import ProfileScreen

        self.app.push_screen(ProfileScreen(self.context))

    # --- opening sessions --------------------------------------------------------------------

    @on(LibraryBrowser.Chosen)
    def _playbook_chosen(self, event: LibraryBrowser.Chosen) -> None:
        self._start(event.playbook)

    @on(SessionList.Chosen)
    def _session_chosen(self, event: SessionList.Chosen) -> None:
        self.open_session(event.session_id)

    def on_due_list_chosen(self, event: DueList.Chosen) -> None:
        self.open_session(event.session_id, event.step)

    def _start(self, summary: PlaybookSummary) -> None:
        playbook = self.context.playbooks.get(summary.id)
        if playbook is None:
            self.notify(
                self.context.playbooks.why_unreadable(summary.id),
                title="Cannot start from this playbook",
                severity="error",
                markup=False,
            )
            return
        session_id = self.context.saver.attempt(
            lambda: self.context.store.create(playbook.id, playbook.digest), retry=False
        )
        if session_id is not None:
            self.open_session(session_id)

    def open_session(self, session_id: int, step: StepKey | None = None) -> None:
        """Open the session where it was left, or at ``step`` (from the Due tab)."""
        # Lazy: each screen home leads to loads when it is first opened, so home paints first.
        from convocoach.tui.screens.session import SessionScreen

        screen = SessionScreen(self.context, session_id)
        if step is not None:
            screen.step = step
        self.app.push_screen(screen, callback=partial(self._session_closed, session_id))

    async def _session_closed(self, session_id: int, _: None) -> None:
        # Back on the Sessions tab, the session just closed first and highlighted, whichever
        # tab it was started from; the filter that found its playbook has done its job.
        # Opened from the Due tab: back there, with what is still due.
        await self.action_show_tab("due" if self._tab == "due" else "sessions")
        self.query_one(SessionList).refresh_rows(select=session_id)
        self.query_one(LibraryBrowser).clear_filter()
        self._focus_tab()

    def palette_entries(self) -> Iterator[Entry]:
        for loaded in self.context.playbooks.library.sorted():
            yield Entry(
                f"New session: {loaded.title}",
                "Start preparing a conversation with this playbook",
                partial(self._start, loaded),
            )
        for row in self.context.store.list_sessions(limit=50):
            yield Entry(
                f"Open session: {row.title or 'Untitled session'}",
                "Resume where you left off",
                partial(self.open_session, row.id),
            )
