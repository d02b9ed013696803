"""The language and register of the Follow up step's emails: chosen beside the preview,
saved on the session like any field, and used by the follow-up, the check-in email and the
files saved from either (``followup.py``, ``followup_marks.py``)."""

from __future__ import annotations

from contextlib import suppress
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Select, Static
from textual.widgets.select import InvalidSelectValueError

from convocoach.diagnostics import UserError
from convocoach.followup.language import LANGUAGES, REGISTERS, EmailLanguage, choose_language
from convocoach.followup.own_words import own_words, own_words_note
from convocoach.languages import match_language
from convocoach.tui.dialogs.confirm import ConfirmScreen
from convocoach.tui.steps.base import StepPane
from convocoach.tui.support.safe_text import plain

CLIENTS = "The client's language"
NO_LANGUAGE_HINT = (
    "Choose English or another language for this email under 'Written in' above, or change "
    "the client's language on the Situation step."
)


class EmailLanguagePane(StepPane):
    """Which language the step's emails are written in (subclassed by ``FollowThroughPane``)."""

    CHOICE_LABELS: ClassVar[dict[str, dict[str, str]]] = {
        "email_language": {"": CLIENTS, **LANGUAGES},
        "email_register": {register: register.capitalize() for register in REGISTERS},
    }
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "email_language": "email-language",
        "email_register": "email-register",
    }

    _shown_client = ""
    """The first option's words as last shown (they name the client's language)."""

    def language_row(self) -> ComposeResult:
        """'Written in' [the client's language (German) | English | German …] [Formal]."""
        session = self.editor.session
        options = self.language_options()
        self._shown_client = options[0][0]
        with Horizontal(id="language-row"):
            yield Static("Written in", id="language-label")
            yield Select(
                _never_markup(options),
                value=self.chosen_language(),
                allow_blank=False,
                compact=True,
                id="email-language",
            )
            yield Select(
                [(register.capitalize(), register) for register in REGISTERS],
                value=session.email_register if session.email_register in REGISTERS else "formal",
                allow_blank=False,
                compact=True,
                id="email-register",
            )

    def language_options(self) -> list[tuple[str, str]]:
        """The client's language first (named, or its tag when convocoach cannot write it),
        then each language by name."""
        client = self.editor.session.client.language.strip()
        tag = match_language(client) if client else "en"
        name = LANGUAGES[tag] if tag else client
        return [(f"{CLIENTS} ({name})", ""), *((name, tag) for tag, name in LANGUAGES.items())]

    def chosen_language(self) -> str:
        """The session's own choice as the list offers it ('' follows the client)."""
        chosen = self.editor.session.email_language
        return (match_language(chosen) or "") if chosen.strip() else ""

    def email_language(self) -> EmailLanguage:
        """The language the emails are written in now; UserError when it is the client's
        and convocoach cannot write it (never English in its place)."""
        session = self.editor.session
        return choose_language(
            session.email_language, session.client.language, session.email_register
        )

    def show_language(self) -> EmailLanguage | None:
        """Bring the row up to date (the client's language may have changed on another
        step, or either field in another window); the language, or None, said, when it is
        one convocoach cannot write."""
        select: Select[str] = self.query_one("#email-language", Select)
        options = self.language_options()
        with select.prevent(Select.Changed):
            if options[0][0] != self._shown_client:
                select.set_options(_never_markup(options))
                # The same value again would not show the option's new words.
                select.value = "en" if self.chosen_language() != "en" else ""
            self._shown_client = options[0][0]
            select.value = self.chosen_language()
        register: Select[str] = self.query_one("#email-register", Select)
        # A register the list cannot offer (from a newer version) leaves it as it is.
        with register.prevent(Select.Changed), suppress(InvalidSelectValueError):
            register.value = self.editor.session.email_register
        note = self.query_one("#language-note", Static)
        try:
            language = self.email_language()
        except UserError as exc:
            self.say_no_language(exc)
            note.display = False
            register.disabled = False
            return None
        register.disabled = language.tag == "en"  # English has one form of address
        words = own_words_note(language, own_words(self.editor.session, self.showing_checkin()))
        note.update(plain(words))
        note.display = bool(words)
        return language

    def showing_checkin(self) -> bool:
        """Whether the check-in email is on show (``FollowThroughPane`` says)."""
        return False

    def say_no_language(self, error: UserError) -> None:
        """No email in a language convocoach cannot write: the reason instead of the preview."""

    @on(Select.Changed, "#email-language")
    def _language_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.chosen_language():
            self.save("email_language", event.value)
            self._language_changed()

    @on(Select.Changed, "#email-register")
    def _register_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.editor.session.email_register:
            self.save("email_register", event.value)
            self._language_changed()

    def _language_changed(self) -> None:
        if self.editor.session.email_draft:
            self._ask_about_draft()
        self.shown()

    @work(group="language")
    async def _ask_about_draft(self) -> None:
        try:
            label = self.email_language().label
        except UserError:
            return  # said in the preview; the edit stays
        drop = await self.app.push_screen_wait(
            ConfirmScreen(
                "Your edit of the email",
                f"You edited the follow-up email, and your edit stays as you wrote it. Drop "
                f"it and write the email in {label} from the template instead?",
                yes=f"Write it in {label}",
            )
        )
        if drop:
            self.save("email_draft", "")
        else:
            self.notify(
                f"Your edited email is kept. R writes it from the template, in {label}.",
                markup=False,
            )
        self.shown()


def _never_markup(options: list[tuple[str, str]]) -> list[tuple[Content, str]]:
    # The first option holds the client's language as the user typed it.
    return [(plain(words), value) for words, value in options]
