"""Choose where to save an export (the follow-up, the prep sheet), and in which formats."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from convocoach.followup.formats import FORMATS
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.needs import Exports
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.field import Field

FORMAT_LABELS = {name: f.label for name, f in FORMATS.items()}


class ExportForm(ScreenContract, ModalScreen[tuple[Path, tuple[str, ...]] | None]):
    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("save", "ctrl+s", "Save files", "Write the chosen files", priority=True),
        Command("cancel", "escape", "Cancel", "Close without saving"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    HELP_TOPIC = "export"
    CSS_PATH = "export_form.tcss"

    def __init__(
        self,
        folder: Path,
        stem: str,
        title: str = "Save the follow-up",
        formats: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.stem = stem
        self.title_text = title
        self.formats = formats or FORMAT_LABELS

    def compose(self) -> ComposeResult:
        first, *others = self.formats
        names = f"{self.stem}.{first}" + (
            f", .{others[0]} and so on"
            if len(others) > 1
            else "".join(f" and .{fmt}" for fmt in others)
        )
        with Vertical() as box:
            box.border_title = self.title_text
            yield Label("Folder")
            yield Field(str(self.folder), compact=True, id="folder")
            yield Static(f"Files are named {names}.", markup=False, classes="muted")
            yield Static("The folder is remembered for every export.", classes="muted")
            yield SelectionList[str](
                *(Selection(label, fmt, True) for fmt, label in self.formats.items()), id="formats"
            )
            yield Static("", id="error", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Cancel", compact=True, id="cancel")
                yield Button("Save files", compact=True, id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#formats", SelectionList).focus()

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#folder")
    def action_save(self) -> None:
        formats = tuple(self.query_one("#formats", SelectionList).selected)
        folder_text = self.query_one("#folder", Input).value.strip()
        error = self.query_one("#error", Static)
        if not formats:
            error.update("Tick at least one format (Space).")
            return
        if not folder_text:
            error.update("Type the folder to save into.")
            return
        folder = Path(folder_text).expanduser()
        if folder.exists() and not folder.is_dir():
            error.update("That is a file, not a folder.")
            return
        self.dismiss((folder, tuple(f for f in self.formats if f in formats)))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


async def save_with_form(
    screen: Widget,
    context: Exports,
    form: ExportForm,
    write: Callable[[Path, tuple[str, ...]], list[Path]],
    saved: str,
) -> None:
    """Ask where and in which formats (``form``), write the files (``write``) and say so
    (titled ``saved``): a refused folder or a failed write saves nothing and says why, and
    the folder chosen is remembered for the next export."""
    choice = await screen.app.push_screen_wait(form)
    if choice is None:
        return
    folder, formats = choice
    refused = context.refuses_export_dir(folder)
    if refused:
        screen.notify(refused, title="Nothing was saved", severity="error", markup=False)
        return
    try:
        paths = write(folder, formats)
    except OSError as exc:
        screen.notify(str(exc), title="Nothing was saved", severity="error", markup=False)
        return
    problem = context.use_export_dir(folder)
    if problem:
        screen.notify(problem, severity="warning", markup=False)
    screen.notify(
        f"Saved in {folder}:\n" + "\n".join(path.name for path in paths),
        title=saved,
        timeout=10,
        markup=False,
    )
