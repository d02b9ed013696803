"""The sender profile form: the welcome on first run, and "Edit profile" afterwards."""

from __future__ import annotations

import contextlib
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from convocoach.atomicfile import write_text_atomic
from convocoach.diagnostics import InvalidFile, UserError
from convocoach.profile import Profile, dump_profile, profile_from_values
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.needs import ProfileContext
from convocoach.tui.support.safe_text import plain
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.field import Field
from convocoach.tui.widgets.text_box import TextBox

_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Your name", "Sam Okafor"),
    ("title", "Job title", "Delivery lead"),
    ("company", "Company", "Brightline Studio"),
    ("email", "Email", "one address, like sam@brightline.example"),
    ("timezone", "Time zone", "Europe/London"),
    ("business_start", "Day starts", "09:00"),
    ("business_end", "Day ends", "17:30"),
    ("language", "Language", "en, fr, pt-BR..."),
)
WELCOME = (
    "Welcome to convocoach. Your follow-up emails are signed with this profile. "
    "It stays on this computer, like everything else you type here. "
    "Skip it if you like: you can edit it later from the home screen."
)


class ProfileScreen(ScreenContract, ModalScreen[bool]):
    """Who the follow-up email comes from. Dismisses with True when saved."""

    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("save", "ctrl+s", "Save", "Save the profile", priority=True),
        Command("skip", "escape", "Skip", "Close without saving"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    HELP_TOPIC = "profile"
    CSS_PATH = "profile_form.tcss"

    def __init__(self, context: ProfileContext, *, welcome: bool = False) -> None:
        super().__init__()
        self.context = context
        self.welcome = welcome

    def compose(self) -> ComposeResult:
        profile = self.context.profile
        with Vertical() as box:
            box.border_title = "Welcome" if self.welcome else "Your profile"
            with VerticalScroll():
                if self.welcome:
                    yield Static(WELCOME, id="intro", markup=False)
                with Grid():
                    for key, label, example in _FIELDS:
                        yield Label(label)
                        yield Field(
                            getattr(profile, key), placeholder=example, compact=True, id=f"p-{key}"
                        )
                    yield Label("Signature")
                    yield TextBox(
                        profile.signature,
                        id="p-signature",
                        placeholder="Lines under your name",
                        max_chars=600,
                    )
                yield Static("", id="error", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Skip" if self.welcome else "Cancel", compact=True, id="skip")
                yield Button("Save", compact=True, id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#p-name", Input).focus()

    def _collected(self) -> Profile:
        return profile_from_values(self._values(), str(self.context.locations.settings_file))

    def _values(self) -> dict[str, str]:
        values = {key: self.query_one(f"#p-{key}", Input).value.strip() for key, _, _ in _FIELDS}
        values["signature"] = self.query_one("#p-signature", TextArea).text.rstrip()
        return {k: v for k, v in values.items() if v or k in ("name", "signature")}

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            profile = self._collected()
        except (InvalidFile, UserError) as exc:
            self.query_one("#error", Static).update(plain(_first_line(exc)))
            return
        try:
            write_text_atomic(self.context.locations.settings_file, dump_profile(profile))
        except OSError as exc:
            self.query_one("#error", Static).update(plain(f"Could not save: {exc}"))
            return
        self.context.use_profile(profile)
        self.notify("Profile saved.")
        self.dismiss(True)

    @on(Button.Pressed, "#skip")
    def action_skip(self) -> None:
        if self.welcome:
            # A default profile on disk means the welcome is not shown again.

            with contextlib.suppress(OSError):  # asking again next time is harmless
                write_text_atomic(
                    self.context.locations.settings_file, dump_profile(self.context.profile)
                )
        self.dismiss(False)


def _first_line(exc: InvalidFile | UserError) -> str:
    if isinstance(exc, InvalidFile):
        problem = exc.problems[0]
        return f"{problem.path}: {problem.message}" + (f" ({problem.fix})" if problem.fix else "")
    return exc.message + (f" ({exc.fix})" if exc.fix else "")
