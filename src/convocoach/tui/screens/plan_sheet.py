"""F2: the whole plan on one page, to read here or save as Markdown and HTML."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header

from convocoach.atomicfile import write_text_atomic
from convocoach.followup.export import file_stem
from convocoach.playbooks.model import PlaybookFile
from convocoach.sessions.model import Session
from convocoach.sessions.plan_sheet import plan_sheet_html, plan_sheet_markdown
from convocoach.sessions.timing_check import check_timing
from convocoach.tui.dialogs.export_form import ExportForm, save_with_form
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.needs import PlanSheetContext
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.tui.widgets.markdown_page import MarkdownPage

SHEET_FORMATS = {"md": "Markdown (.md)", "html": "HTML, to print (.html)"}


class PlanSheetScreen(ScreenContract, Screen[None]):
    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("save", "s", "Save", "Save the prep sheet as Markdown and HTML"),
        Command("close", "escape", "Back", "Back to the session"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    HELP_TOPIC = "plan"

    def __init__(
        self, context: PlanSheetContext, session: Session, playbook: PlaybookFile | None
    ) -> None:
        super().__init__()
        self.context = context
        self.session = session
        self.playbook = playbook.playbook if playbook else None
        notes = check_timing(session, self.playbook, context.profile, context.today())
        self.own_language = context.profile.language
        self.markdown = plan_sheet_markdown(session, self.playbook, notes, self.own_language)
        self.notes = notes

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="plan-scroll"):
            sheet = MarkdownPage(id="plan")
            sheet.show(self.markdown)
            yield sheet
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Prep sheet"
        self.sub_title = self.session.title or "Untitled session"
        self.query_one("#plan-scroll").focus()

    def action_close(self) -> None:
        self.dismiss()

    @work
    async def action_save(self) -> None:
        stem = file_stem(self.session, "prep-sheet")
        await save_with_form(
            self,
            self.context,
            ExportForm(self.context.export_dir, stem, "Save the prep sheet", SHEET_FORMATS),
            lambda folder, formats: self._write(folder, stem, formats),
            "Prep sheet saved",
        )

    def _write(self, folder: Path, stem: str, formats: tuple[str, ...]) -> list[Path]:
        texts = {
            "md": self.markdown,
            "html": plan_sheet_html(self.session, self.playbook, self.notes, self.own_language),
        }
        paths = [folder / f"{stem}.{fmt}" for fmt in formats]
        for path, fmt in zip(paths, formats, strict=True):
            write_text_atomic(path, texts[fmt])
        return paths
