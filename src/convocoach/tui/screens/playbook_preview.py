"""``convocoach playbooks preview FILE``: a playbook's prep sheet, read again on every save."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from convocoach.playbooks.model import Playbook
from convocoach.playbooks.prepsheet import prep_sheet_markdown
from convocoach.playbooks.watch import PlaybookWatcher, Preview, Reading, unexpected
from convocoach.rehearsal.flowchart import map_markdown
from convocoach.textsafety import strip_controls
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.needs import PreviewContext
from convocoach.tui.support.safe_text import plain, styled
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.tui.widgets.markdown_page import MarkdownPage
from convocoach.tui.widgets.problem_panel import ProblemPanel
from convocoach.wording import counted

POLL_SECONDS = 0.5
_PANEL_TITLES = {"missing": "The file is missing", "unreadable": "The file cannot be read"}


class PlaybookPreviewScreen(ScreenContract, Screen[None]):
    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("reload", "r", "Reload", "Read the playbook file again now"),
        Command("close", "escape,q", "Back", "Back to the home screen"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    CSS_PATH = "playbook_preview.tcss"
    HELP_TOPIC = "preview"

    def __init__(self, context: PreviewContext, path: Path) -> None:
        super().__init__()
        self.context = context
        self.watcher = PlaybookWatcher(path)
        self.preview = Preview(path)
        self._loading = False
        self._again = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield ProblemPanel(id="preview-problems")
        with VerticalScroll(id="preview-scroll"):
            yield Static(id="preview-roleplay")
            yield MarkdownPage(id="preview-sheet")
        yield Static(id="preview-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Playbook preview"
        self.sub_title = strip_controls(str(self.preview.path))
        self._show_state()
        self.query_one("#preview-scroll").focus()
        self._start(force=False)
        self.set_interval(POLL_SECONDS, self._poll)

    def action_close(self) -> None:
        self.dismiss()

    def action_reload(self) -> None:
        self._start(force=True)

    def _poll(self) -> None:
        # Only a stat here; opening and validating happens in a thread, and only on a change.
        if not self._loading and self.watcher.changed():
            self._start(force=False)

    def _start(self, force: bool) -> None:
        if self._loading:
            self._again = self._again or force
            return
        self._loading = True
        self._load(force)

    @work(thread=True, exclusive=True, group="preview")
    def _load(self, force: bool) -> None:
        try:
            reading = self.watcher.read(force)
            playbook = reading.playbook.playbook if reading.playbook else None
            markdown = prep_sheet_markdown(playbook) if playbook else ""
            if playbook is not None and playbook.rehearsal is not None:
                markdown += map_markdown(playbook.rehearsal)
        except Exception as exc:  # whatever the file holds, the preview carries on
            reading, markdown = unexpected(self.preview.path, exc), ""
        with suppress(RuntimeError):  # the app quit while the file was being read
            self.app.call_from_thread(self._loaded, reading, markdown)

    def _loaded(self, reading: Reading, markdown: str) -> None:
        self._loading = False
        if not self.is_attached:
            return  # closed while the file was being read
        self.preview = self.preview.after(reading, self.context.now())
        if reading.playbook is not None:
            self.query_one("#preview-sheet", MarkdownPage).show(markdown)
            self._show_roleplay(reading.playbook.playbook)
            self.sub_title = strip_controls(reading.playbook.title)
        self._show_state()
        if self._again:
            self._again = False
            self._start(force=True)

    def _show_roleplay(self, playbook: Playbook) -> None:
        line = self.query_one("#preview-roleplay", Static)
        script = playbook.rehearsal
        line.set_class(script is not None, "-shown")
        if script is None:
            return
        who = ", ".join(part for part in (script.persona.name, script.persona.role) if part)
        line.update(
            styled(
                ("Role-play: ", "bold"),
                (who, "bold"),
                f" · {counted(len(script.turns), 'turn')}, up to "
                f"{counted(script.max_replies, 'reply')}",
            )
        )

    def _show_state(self) -> None:
        p = self.preview
        at = self._clock_text(p.loaded_at) if p.loaded_at else ""
        panel = self.query_one(ProblemPanel)
        if p.problems:
            note = (
                f"Showing the last valid version (loaded at {at})."
                if p.stale
                else "Nothing to show until the file is valid: fix it and save."
            )
            count = len(p.problems)
            title = _PANEL_TITLES.get(p.state) or f"The file has {counted(count, 'problem')}"
            panel.show(title, p.problems, note)
        else:
            panel.clear()
        parts = [str(p.path)]
        if p.state == "reading":
            parts.append("reading…")
        elif p.state == "valid":
            parts += [
                f"{'loaded' if p.loads == 1 else 'reloaded'} at {at}",
                "saving the file updates this page",
            ]
        elif p.stale:
            parts.append(f"last valid version loaded at {at}")
        else:
            parts.append("waiting for a valid save")
        self.query_one("#preview-status", Static).update(plain(" · ".join(parts)))

    def _clock_text(self, when: datetime) -> str:
        """``HH:MM:SS`` in the profile's time zone (as the rest of the app shows times)."""
        return self.context.local(when).strftime("%H:%M:%S")
