"""F2: the whole plan on one page, to read here or save as Markdown and HTML."""

from __future__ import annotations

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
from convocoach.tui.dialogs.export_form import ExportForm
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
        self.markdown = plan_sheet_markdown(session, self.playbook, notes)
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
        choice = await self.app.push_screen_wait(
            ExportForm(self.context.export_dir, stem, "Save the prep sheet", SHEET_FORMATS)
        )
        if choice is None:
            return
        folder, formats = choice
        refused = self.context.refuses_export_dir(folder)
        if refused:
            self.notify(refused, title="Nothing was saved", severity="error", markup=False)
            return
        texts = {
            "md": self.markdown,
            "html": plan_sheet_html(self.session, self.playbook, self.notes),
        }
        try:
            for fmt in formats:
                write_text_atomic(folder / f"{stem}.{fmt}", texts[fmt])
        except OSError as exc:
            self.notify(str(exc), title="Nothing was saved", severity="error", markup=False)
            return
        problem = self.context.use_export_dir(folder)
        if problem:
            self.notify(problem, severity="warning", markup=False)
        self.notify(
            f"Saved in {folder}:\n" + "\n".join(f"{stem}.{fmt}" for fmt in formats),
            title="Prep sheet saved",
            timeout=10,
            markup=False,
        )
