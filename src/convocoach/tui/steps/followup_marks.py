"""What the Follow up step keeps after the meeting: the follow-up marked sent (late against its
send-by is said), the due check-in marked held, and the check-in email, which the step's
preview shows instead of the follow-up at a key (``followup.py`` shows whichever is on)."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.widgets import Select, Static

from convocoach.followup.checkin_context import (
    checkin_send_by,
    checkin_status,
    checkin_subject,
)
from convocoach.followup.checkin_email import (
    CHECKIN_FORMAT_LABELS,
    CHECKIN_FORMATS,
    DEFAULT_CHECKIN_TEMPLATE,
    find_checkin_template,
    render_checkin_all,
)
from convocoach.followup.email import template_names
from convocoach.followup.export import export_checkin
from convocoach.followup.language import EmailLanguage
from convocoach.followup.sent import sent_state
from convocoach.tui.steps.followup_language import EmailLanguagePane
from convocoach.tui.support.commands import Command
from convocoach.tui.support.safe_text import styled
from convocoach.wording import date_words, datetime_words

CHECKIN_ACTIONS: tuple[Command, ...] = (
    Command("mark_sent", "m", "Sent", "Mark the follow-up email sent now", show=False),
    Command("unmark_sent", "u", "Not sent", "Take back the follow-up's sent mark", show=False),
    Command(
        "checkin_email",
        "c",
        "Check-in email",
        "Show the check-in email: progress on each next step since the last email",
        show=False,
    ),
    Command("followup_email", "c", "Follow-up", "Show the follow-up email again", show=False),
    Command("checkin_held", "h", "Held", "Mark the due check-in held", show=False),
    Command("checkin_not_held", "H", "Not held", "Take back the check-in's held mark", show=False),
)


class FollowThroughPane(EmailLanguagePane):
    """The Follow up step's marks and its check-in email (subclassed by ``FollowupStep``)."""

    checkin: bool = False
    """Whether the preview shows the check-in email (else the follow-up)."""
    markdown = ""
    """The email on show as last rendered (Markdown); empty until the first render finishes."""
    checkin_template: str = DEFAULT_CHECKIN_TEMPLATE
    """The check-in template chosen here (not stored: the session keeps the follow-up's)."""

    def checkin_select(self) -> Select[str]:
        names = template_names(self.context.locations, checkin=True) or [DEFAULT_CHECKIN_TEMPLATE]
        return Select(
            [(f"Check-in {name.removeprefix('checkin-')}", name) for name in names],
            value=self.checkin_template if self.checkin_template in names else names[0],
            allow_blank=False,
            compact=True,
            id="checkin-template",
        )

    def show_marks(self) -> None:
        """The follow-up's sent line and the check-in's line, with the keys that change them."""
        session, profile = self.editor.session, self.context.profile
        sent = sent_state(session, profile)
        status = checkin_status(session, profile, self.context.now())
        late = sent.late_by is not None
        self.query_one("#marks", Static).update(
            styled(
                ("Follow-up: ", "bold"),
                (sent.words(), "bold" if late else ""),
                " (U takes it back)" if sent.sent else " (M marks it sent now)",
                "\n",
                status.words(),
                " (H marks it held)" if status.can_hold else "",
                " (Shift+H takes it back)" if status.held_at else "",
                "; C shows its email" if not self.checkin else "; C goes back to the follow-up",
            )
        )

    def showing_checkin(self) -> bool:
        return self.checkin

    def check_marks(self, action: str) -> bool | None:
        """``check_action`` for this pane's commands (None: not one of them)."""
        session = self.editor.session
        if action in ("mark_sent", "unmark_sent"):
            return bool(session.sent_at) == (action == "unmark_sent")
        if action in ("checkin_email", "followup_email"):
            return self.checkin == (action == "followup_email")
        if action in ("checkin_held", "checkin_not_held"):
            status = checkin_status(session, self.context.profile, self.context.now())
            return status.can_hold if action == "checkin_held" else status.held_at is not None
        return None

    def refresh_step(self) -> None:
        """Show everything again (after a mark or a switch)."""
        self.shown()
        self.app.refresh_bindings()

    # --- actions ----------------------------------------------------------------------------

    def action_mark_sent(self) -> None:
        if self.editor.mark_sent(then=self._marked) is not None:
            words = sent_state(self.editor.session, self.context.profile).words()
            self.notify(words, title="Follow-up marked sent", markup=False)
        self.refresh_step()

    def action_unmark_sent(self) -> None:
        if self.editor.mark_sent("", then=self._marked) is not None:
            self.notify("The follow-up is marked not sent.", markup=False)
        self.refresh_step()

    def _marked(self, _: object) -> None:
        # A mark saved by a later retry (the database was busy): show it now.
        if self.is_mounted:
            self.refresh_step()

    def sync(self) -> None:
        super().sync()
        if self.is_mounted:
            self.show_marks()  # a mark made in another window (check-ins are no field)

    def action_checkin_held(self) -> None:
        status = checkin_status(self.editor.session, self.context.profile, self.context.now())
        if status.checkin.day is None or not status.can_hold:
            return
        self.editor.mark_checkin(status.checkin.day, then=self._marked)
        self.notify(f"The check-in of {date_words(status.checkin.day)} is marked held.")
        self.refresh_step()

    def action_checkin_not_held(self) -> None:
        status = checkin_status(self.editor.session, self.context.profile, self.context.now())
        if status.checkin.day is not None and status.held_at is not None:
            self.editor.mark_checkin(status.checkin.day, done=False, then=self._marked)
            self.notify("The check-in is marked not held.", markup=False)
        self.refresh_step()

    def action_checkin_email(self) -> None:
        self.switch(checkin=True)

    def action_followup_email(self) -> None:
        self.switch(checkin=False)

    def switch(self, checkin: bool) -> None:
        """Show the check-in email, or the follow-up again."""
        self.checkin = checkin
        self.markdown = ""  # nothing to save or copy until the other email is rendered
        self.refresh_step()

    @on(Select.Changed, "#checkin-template")
    def _checkin_template(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.checkin_template:
            self.checkin_template = event.value
            self.switch(checkin=True)

    # --- the check-in email -----------------------------------------------------------------

    def checkin_headers(self, language: EmailLanguage | None) -> tuple[str, str]:
        """The check-in email's send-by line and subject (none without a ``language``)."""
        session, profile = self.editor.session, self.context.profile
        status = checkin_status(session, profile, self.context.now())
        playbook = self.playbook.playbook if self.playbook else None
        subject = checkin_subject(session, playbook, language) if language else ""
        if status.checkin.day is None:
            return "The check-ins have ended.", subject
        deadline = checkin_send_by(session, profile, status.checkin.day)
        return f"{datetime_words(deadline)} ({profile.timezone})", subject

    def render_checkin(self, language: EmailLanguage) -> tuple[str, str]:
        """The check-in email as Markdown and plain text (run in a worker thread)."""
        template = find_checkin_template(self.context.locations, self.checkin_template)
        out = render_checkin_all(
            ("md", "txt"),
            template,
            self.editor.session,
            self.playbook.playbook if self.playbook else None,
            self.context.profile,
            self.context.now(),
            language,
        )
        return out["md"].decode(), out["txt"].decode()

    def checkin_form(self) -> tuple[str, dict[str, str]]:
        return "Save the check-in email", CHECKIN_FORMAT_LABELS

    def write_checkin(self, folder: Path, formats: tuple[str, ...]) -> list[Path]:
        """The check-in email written in ``formats`` (``FollowupStep`` says how it went);
        UserError when its language is one convocoach cannot write."""
        template = find_checkin_template(self.context.locations, self.checkin_template)
        language = self.email_language()
        return export_checkin(
            folder,
            tuple(f for f in formats if f in CHECKIN_FORMATS),
            template,
            self.editor.session,
            self.playbook.playbook if self.playbook else None,
            self.context.profile,
            self.context.now(),
            language,
        )

    def exported(self, folder: Path, names: list[str], checkin: bool) -> None:
        """Said once the files are written (``followup.py``)."""
