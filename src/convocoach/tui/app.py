"""The convocoach Textual app and the factory the CLI and the tests call."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.screen import Screen
from textual.theme import Theme

from convocoach.diagnostics import InvalidFile, UserError
from convocoach.locations import Locations
from convocoach.playbooks.opened import OpenedPlaybooks
from convocoach.playbooks.summary import load_summaries
from convocoach.preferences import Preferences, load_preferences
from convocoach.sessions.database import Database
from convocoach.sessions.integrity import EarlyCheck
from convocoach.tui.dialogs.confirm import ConfirmScreen
from convocoach.tui.screens.home import HomeScreen
from convocoach.tui.support.app_base import AppBase
from convocoach.tui.support.commands import (
    Command,
    KeyNote,
    bindings,
    key_rows,
    palette_entries,
)
from convocoach.tui.support.context import AppContext, Clock, unusable_settings, utc_now
from convocoach.tui.support.input_decoding import accept_any_input_bytes
from convocoach.tui.support.notices import report_settings_problem
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.wording import counted

if TYPE_CHECKING:
    from textual.command import Provider

    from convocoach.workshop.seat import Seat

APP_COMMANDS: tuple[Command, ...] = (
    Command("help", "f1", "Help", "Keys and tips for what is on screen"),
    Command(
        "toggle_dark", "f9", "Light/dark", "Switch between the light and the dark theme", show=False
    ),
    # Quit is in F1 and the palette: the footer's room goes to each screen's own keys.
    Command(
        "quit", "ctrl+q", "Quit", "Quit (everything is already saved)", show=False, priority=True
    ),
    # Ctrl+C quits too: all work is saved as it is typed, so nothing is ever lost by it.
    Command("quit", "ctrl+c", "Quit", "Quit", show=False, priority=True),
)
BUSY_SECONDS = 1.0
"""How long a write waits for another program's: the screen does not move meanwhile, and a
write that gives up is tried again a little later (see ``tui.saving``)."""
APP_KEY_NOTES = (
    KeyNote(
        "Ctrl+P",
        'Every command, searchable (the keys the footer has no room for too, and "Change theme")',
    ),
)
LIGHT_THEME = "textual-light"
DARK_THEME = "textual-dark"


def _outside_text_commands() -> type[Provider]:
    # Lazy: the palette's providers load when it first opens, not at start-up.
    from convocoach.tui.support.providers import OutsideTextCommands

    return OutsideTextCommands


def _collect_garbage_from_now_on() -> None:
    """Leave what start-up built out of future collections, and collect as usual from now on.

    The command that starts the app pauses the collector while it imports and draws; an app
    started any other way (tests) finds it running and leaves it alone.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


Opener = Callable[["ConvocoachApp"], None]
"""Opens the screen a command asked for on top of the home screen (``workshop``, ``preview``)."""


class ConvocoachApp(AppBase):
    """Prepare, rehearse and follow up a difficult client conversation."""

    TITLE = "convocoach"
    SUB_TITLE = "difficult client conversations"
    # The home screen is always the first one: its file is read with app.tcss at start-up, so
    # that opening it does not parse every stylesheet over again before the first paint (as
    # a screen's CSS_PATH file, read on its first opening, does).
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/home.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = bindings(APP_COMMANDS)
    COMMANDS = App.COMMANDS | {_outside_text_commands}

    def __init__(
        self, context: AppContext, rehearse_session: int = 0, open_with: Opener | None = None
    ) -> None:
        super().__init__(context)
        self._rehearse_session = rehearse_session
        self._open_with = open_with

    def on_mount(self) -> None:
        self.context.saver.attach(self)
        if self.context.preferences.theme in self.available_themes:
            self.theme = self.context.preferences.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.push_screen(HomeScreen(self.context))
        if self._rehearse_session:
            self._open_rehearsal(self._rehearse_session)
        elif self._open_with is not None:
            self._open_with(self)
        elif not self.context.locations.settings_file.exists():
            # Lazy: the welcome form loads only on a first run.
            from convocoach.tui.screens.profile_form import ProfileScreen

            self.push_screen(ProfileScreen(self.context, welcome=True))
        if self.context.preferences_problem:
            report_settings_problem(self, self.context.preferences_problem)
        self.call_after_refresh(_collect_garbage_from_now_on)

    def _open_rehearsal(self, session_id: int) -> None:
        """Straight into the role-play (``convocoach rehearse``); Esc leads to its session."""
        # Lazy: the session screen and its steps load after the home screen is painted.
        from convocoach.tui.screens.session import SessionScreen

        # The session opens at its Rehearse step; if that cannot be stored, it still does.
        self.context.saver.saved(
            lambda: self.context.store.set_field(session_id, "step", "rehearse")
        )
        session = SessionScreen(self.context, session_id)
        self.push_screen(session)
        session.call_after_refresh(session.start_rehearsal)

    def on_unmount(self) -> None:
        self.context.saver.flush()
        self.context.database.close()
        if self.context.seat is not None:
            self.context.seat.close()

    async def action_quit(self) -> None:
        """Quit; first, if a change is still waiting to be saved, try it and ask."""
        if self.context.saver.flush():
            self.exit()
            return
        self._quit_unsaved()

    @work(exclusive=True, group="quit")
    async def _quit_unsaved(self) -> None:
        count = self.context.saver.pending
        question = (
            f"{counted(count, 'change')} could not be saved yet: the database is busy or "
            "cannot be written (see the notice). Quit anyway and lose "
            f"{'it' if count == 1 else 'them'}? Cancel keeps trying."
        )
        if await self.push_screen_wait(ConfirmScreen("Not saved", question, yes="Quit")):
            self.exit()

    def _remember_theme(self, theme: Theme) -> None:
        try:
            self.context.remember(theme=theme.name)
        except OSError as exc:
            self.notify(f"Could not save the theme: {exc}", severity="warning", markup=False)

    def action_toggle_dark(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def action_help(self) -> None:
        # Lazy: the help texts load when F1 is first pressed.
        from convocoach.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        screen = self.screen
        if isinstance(screen, ScreenContract):
            topic, keys = screen.help_topic(), screen.key_table()
        else:
            topic, keys = "home", []
        keys += key_rows(APP_COMMANDS)
        keys += [(note.keys, note.does) for note in APP_KEY_NOTES]
        self.push_screen(HelpScreen(topic, keys))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        if isinstance(screen, ScreenContract):
            for node, actions in screen.command_sources():
                yield from palette_entries(node, actions)
        yield from palette_entries(self, APP_COMMANDS[:2])
        yield from super().get_system_commands(screen)


def make_app(
    locations: Locations,
    clock: Clock = utc_now,
    export_dir: Path | None = None,
    rehearse_session: int = 0,
    live_feedback: bool = True,
    open_with: Opener | None = None,
    busy_seconds: float = BUSY_SECONDS,
    seat: Seat | None = None,
    checked: EarlyCheck | None = None,
) -> ConvocoachApp:
    """Build the app with everything it needs, loaded from ``locations``.

    Exports go to ``export_dir`` if given, else to the folder last chosen in the app, else to
    the current directory.
    """
    accept_any_input_bytes()
    library = load_summaries(locations)
    database = Database.open(locations.database, clock, busy_seconds=busy_seconds, checked=checked)
    try:
        preferences, problem = load_preferences(locations.preferences_file), ""
    except (InvalidFile, UserError) as exc:
        preferences, problem = Preferences(), unusable_settings(exc)
    folder = export_dir or Path(preferences.export_dir or Path.cwd()).expanduser()
    if seat is not None:  # a participant's files stay in their own folder (see AppContext)
        folder = locations.data_dir / "exports"
    context = AppContext(
        locations, OpenedPlaybooks(library), database, clock, folder, preferences, problem
    )
    context.live_feedback.on = live_feedback
    context.seat = seat
    return ConvocoachApp(context, rehearse_session, open_with)
