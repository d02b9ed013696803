"""Step 7: the follow-up email: preview, edit, save as files, copy; marked sent; and the
check-in email with the due check-in marked held (``followup_marks.py``)."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import Select, Static
from textual.widgets.select import InvalidSelectValueError

from convocoach.diagnostics import InvalidFile, UserError
from convocoach.emailaddress import ADDRESS_HINT, is_address
from convocoach.followup.context import send_by_for, subject_for
from convocoach.followup.email import address_warnings, find_template, render_all, template_names
from convocoach.followup.export import export_followup, file_stem
from convocoach.followup.language import EmailLanguage
from convocoach.followup.localise import words_in
from convocoach.sessions.template_name import is_template_name
from convocoach.tui.dialogs.confirm import ConfirmScreen
from convocoach.tui.dialogs.email_editor import EmailEditor
from convocoach.tui.dialogs.export_form import ExportForm
from convocoach.tui.steps.followup_language import NO_LANGUAGE_HINT
from convocoach.tui.steps.followup_marks import CHECKIN_ACTIONS, FollowThroughPane
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.external_editor import EditorUnavailable, edit_in_editor
from convocoach.tui.support.safe_text import plain, styled
from convocoach.tui.widgets.markdown_page import MarkdownPage
from convocoach.wording import datetime_words


class FollowupStep(FollowThroughPane):
    step_key = "followup"
    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("edit", "e", "Edit", "Edit the follow-up email here"),
        Command("edit_external", "o", "$EDITOR", "Edit the follow-up in your own editor"),
        Command("reset", "r", "Reset", "Go back to the template's version of the email"),
        Command("save_files", "s", "Save files", "Save the follow-up as md, txt, html, eml, ics"),
        Command("copy", "y", "Copy", "Copy the follow-up email to the clipboard"),
        *CHECKIN_ACTIONS,
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)

    plain_text = ""

    def compose(self) -> ComposeResult:
        session = self.editor.session
        names = template_names(self.context.locations) or ["standard"]
        # A missing template stays visible (its error says so); a path is never offered.
        if session.template not in names and is_template_name(session.template):
            names.append(session.template)
        with Horizontal(id="top"):
            # A value that is not a name is not replaced behind the user's back: the Select
            # stays blank and the error says why until they choose a template.
            known = session.template in names
            yield Select(
                [(name.capitalize(), name) for name in names],
                value=session.template if known else Select.NULL,
                allow_blank=not known,
                compact=True,
                id="template",
                prompt="Template",
            )
            yield self.checkin_select()
            yield Static("", id="send-by")
        yield from self.language_row()
        yield Static("", id="marks")
        yield Static("", id="headers")
        yield Static(
            "Your own edit of the email is used (R goes back to the template).", id="draft-state"
        )
        yield Static("", id="render-error")
        yield MarkdownPage(id="preview")
        yield Static("", id="language-note")

    def on_mount(self) -> None:
        self.shown()

    def shown(self) -> None:
        session = self.editor.session
        profile = self.context.profile
        deadline = send_by_for(session, profile)
        playbook = self.playbook.playbook if self.playbook else None
        language = self.show_language()
        subject = subject_for(session, playbook, words_in(language)) if language else ""
        self.query_one("#template").display = not self.checkin
        self.query_one("#checkin-template").display = self.checkin
        if self.checkin:
            when, subject = self.checkin_headers(language)
            self.query_one("#send-by", Static).update(
                styled(("Check-in email", "bold"), " — send by ", when)
            )
        else:
            self.query_one("#send-by", Static).update(
                styled(("Send by ", "bold"), f"{datetime_words(deadline)} ({profile.timezone})")
                if deadline
                else styled("Set the meeting date and time to get a send-by time.")
            )
        self.show_marks()
        to = session.client.name or "the client"
        if is_address(session.client.email):
            to += f" <{session.client.email}>"
        elif session.client.email:
            to += f" (no address: {session.client.email!r} is not {ADDRESS_HINT})"
        self.query_one("#headers", Static).update(
            styled(
                ("To: ", "bold"),
                to,
                "\n",
                ("Subject: ", "bold"),
                subject,
            )
        )
        self.query_one("#draft-state").display = bool(session.email_draft) and not self.checkin
        if language is not None:
            self._render_email(language)

    # Nothing here is typed in place: the email is edited in a screen of its own and saved
    # whole, checked like any field, so an edit made in another window is never replaced
    # unseen; what another window saved shows in the preview at once.

    def editing(self, key: str) -> bool:
        return False

    def show(self, key: str, value: object) -> None:
        if key == "template" and isinstance(value, str) and is_template_name(value):
            with suppress(InvalidSelectValueError):
                self.query_one("#template", Select).value = value
        self.call_after_refresh(self._refresh_once)

    def _refresh_once(self) -> None:
        if self.is_mounted:
            self.shown()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        marks = self.check_marks(action)
        if marks is not None:
            return marks
        if action in ("reset", "edit", "edit_external") and self.checkin:
            return None  # the check-in email is not kept: edit it in your mail app
        if action == "reset":
            return True if self.editor.session.email_draft else None
        if action in ("save_files", "copy", "edit", "edit_external"):
            return True if self.markdown else None
        return True

    @work(thread=True, exclusive=True, group="render")
    def _render_email(self, language: EmailLanguage) -> None:
        # User templates run in a separate, limited process: never on the UI thread.
        session, checkin = self.editor.session, self.checkin
        try:
            if checkin:
                markdown, text = self.render_checkin(language)
                self.app.call_from_thread(self._rendered, markdown, text, checkin)
                return
            template = find_template(self.context.locations, session.template)
            out = render_all(
                ("md", "txt"),
                template,
                session,
                self.playbook.playbook if self.playbook else None,
                self.context.profile,
                self.context.now(),
                language,
            )
        except (UserError, InvalidFile) as exc:
            self.app.call_from_thread(self._failed, exc.format())
            return
        self.app.call_from_thread(self._rendered, out["md"].decode(), out["txt"].decode(), checkin)

    def _rendered(self, markdown: str, text: str, checkin: bool) -> None:
        if checkin != self.checkin:
            return  # the other email was asked for meanwhile; its own render follows
        self.markdown, self.plain_text = markdown, text
        self.query_one("#render-error").display = False
        preview = self.query_one("#preview", MarkdownPage)
        preview.display = True
        preview.show(markdown)
        self.app.refresh_bindings()

    def _failed(self, message: str) -> None:
        error = self.query_one("#render-error", Static)
        error.update(plain(message))
        error.display = True

    def say_no_language(self, error: UserError) -> None:
        # Nothing to show, save or copy: an email in English instead would be a guess.
        self.workers.cancel_group(self, "render")
        self.markdown = self.plain_text = ""
        self.query_one("#preview").display = False
        self._failed(f"{error.message[:1].upper()}{error.message[1:]}.\n{NO_LANGUAGE_HINT}")
        self.app.refresh_bindings()

    @on(Select.Changed, "#template")
    def _template(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.editor.session.template:
            self.save("template", event.value)
            if self.editor.session.email_draft:
                self.notify("Your edited email is kept. Press R to use the new template.")
            self.shown()

    # --- actions ----------------------------------------------------------------------------

    @work
    async def action_edit(self) -> None:
        text = await self.app.push_screen_wait(EmailEditor(self.markdown))
        if text is not None and text != self.markdown:
            self._keep(text)

    def action_edit_external(self) -> None:
        try:
            text = edit_in_editor(self.app, self.markdown)
        except EditorUnavailable as exc:
            self.notify(str(exc), title="Cannot open an editor", severity="warning", markup=False)
            return
        if text is not None and text != self.markdown:
            self._keep(text)

    def _keep(self, text: str) -> None:
        self.save("email_draft", text)
        if "email_draft" not in self._asking:  # else the question about the conflict is up
            self.notify("Your version of the email is saved.")
        self.shown()

    @work
    async def action_reset(self) -> None:
        if await self.app.push_screen_wait(
            ConfirmScreen(
                "Back to the template",
                "Throw away your edits and use the template's version of the email?",
                yes="Use the template",
            )
        ):
            self.save("email_draft", "")
            self.shown()

    @work
    async def action_save_files(self) -> None:
        checkin, session = self.checkin, self.editor.session
        form = (
            ExportForm(self.context.export_dir, file_stem(session, "checkin"), *self.checkin_form())
            if checkin
            else ExportForm(self.context.export_dir, file_stem(session))
        )
        choice = await self.app.push_screen_wait(form)
        if choice is None:
            return
        refused = self.context.refuses_export_dir(choice[0])
        if refused:
            self.notify(refused, title="Nothing was saved", severity="error", markup=False)
            return
        self._export(*choice, checkin)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, folder: Path, formats: tuple[str, ...], checkin: bool) -> None:
        try:
            write = self.write_checkin if checkin else self._write_followup
            written = write(folder, formats)
        except (UserError, InvalidFile, OSError) as exc:
            message = str(exc) if isinstance(exc, OSError) else exc.format()
            self.app.call_from_thread(
                self.notify, message, title="Nothing was saved", severity="error", markup=False
            )
            return
        self.app.call_from_thread(self.exported, folder, [p.name for p in written], checkin)

    def _write_followup(self, folder: Path, formats: tuple[str, ...]) -> list[Path]:
        session = self.editor.session
        return export_followup(
            folder,
            formats,
            find_template(self.context.locations, session.template),
            session,
            self.playbook.playbook if self.playbook else None,
            self.context.profile,
            self.context.now(),
            self.email_language(),
        )

    def exported(self, folder: Path, names: list[str], checkin: bool) -> None:
        problem = self.context.use_export_dir(folder)
        if problem:
            self.notify(problem, severity="warning", markup=False)
        formats = tuple(name.rsplit(".", 1)[-1] for name in names)
        for warning in address_warnings(formats, self.editor.session, self.context.profile):
            self.notify(warning, severity="warning", timeout=10, markup=False)
        if not checkin:
            self._mark_exported()
        self.notify(
            f"Saved in {folder}:\n" + "\n".join(names),
            title="Check-in email saved" if checkin else "Follow-up saved",
            timeout=10,
            markup=False,
        )

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.plain_text)
        if not self.checkin:
            self._mark_exported()
        self.notify(
            "Copied the email as plain text. If your terminal does not pass it to the "
            "clipboard, press S to save it as a file instead.",
            markup=False,
        )

    def _mark_exported(self) -> None:
        self.editor.set_field("exported_at", self.context.now().isoformat(timespec="seconds"))
