"""Step 1: who the client is, when and how you meet, and what is at stake."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from convocoach.playbooks.model import CHANNEL_LABELS
from convocoach.sessions import limits
from convocoach.sessions.field_check import check_field
from convocoach.sessions.model import SENIORITIES, TECH_LEVELS, Session
from convocoach.tui.steps.base import StepPane
from convocoach.tui.support.safe_text import plain
from convocoach.tui.widgets.field import Field
from convocoach.tui.widgets.text_box import TextBox

# (field, label, placeholder) for text fields; choices for the rest.
_TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("title", "Session title", "e.g. Checkout launch slips two weeks"),
    ("client.name", "Client's name", "Dana Whitfield"),
    ("client.company", "Company", "Northwind Retail"),
    ("client.role", "Their role", "Head of E-commerce"),
)
_CONTACT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("client.language", "Language", "en, fr, pt-BR..."),
    ("client.email", "Client email", "one address, like dana@example.com"),
)
_MEETING_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("meeting.date", "Meeting date", "YYYY-MM-DD"),
    ("meeting.time", "Start time", "HH:MM (24-hour)"),
    ("meeting.duration_min", "Length (min)", "60"),
)
_LABELS = {
    name: label for name, label, _ in (*_TEXT_FIELDS, *_CONTACT_FIELDS, *_MEETING_FIELDS)
} | {
    "client.seniority": "Seniority",
    "client.tech_level": "Technical level",
    "meeting.channel": "Channel",
    "meeting.place": "Place",
    "stakes": "What is at stake",
}
_TECH_LABELS = {"low": "Low: avoid jargon", "medium": "Medium", "high": "High: technical"}


def field_id(name: str) -> str:
    return "f-" + name.replace(".", "-").replace("_", "-")


def _value(session: Session, name: str) -> str:
    value: object = session
    for part in name.split("."):
        value = getattr(value, part)
    return str(value)


class SituationStep(StepPane):
    step_key = "situation"
    CHOICE_LABELS = {"meeting.channel": CHANNEL_LABELS}  # noqa: RUF012

    def compose(self) -> ComposeResult:
        session = self.session
        yield Static("Who you are meeting", classes="section-title")
        yield from self._inputs(_TEXT_FIELDS, session)
        yield self._select(
            "client.seniority", "Seniority", [(s.capitalize(), s) for s in SENIORITIES], session
        )
        yield self._select(
            "client.tech_level",
            "Technical level",
            [(_TECH_LABELS[t], t) for t in TECH_LEVELS],
            session,
        )
        yield from self._inputs(_CONTACT_FIELDS, session)
        yield Static("The meeting", classes="section-title")
        yield from self._inputs(_MEETING_FIELDS, session)
        yield self._select(
            "meeting.channel",
            "Channel",
            [(label, key) for key, label in CHANNEL_LABELS.items()],
            session,
        )
        yield from self._inputs((("meeting.place", "Place", "a room, or a video link"),), session)
        yield Static("What is at stake (for them and for you)", classes="section-title")
        yield TextBox(
            session.stakes,
            id=field_id("stakes"),
            placeholder="e.g. The launch was promised for the holiday campaign",
        )

    def _inputs(self, fields: tuple[tuple[str, str, str], ...], session: Session) -> ComposeResult:
        for name, label, placeholder in fields:
            value = _value(session, name)
            with Horizontal(classes="row"):
                yield Label(label)
                yield Field(
                    value,
                    placeholder=placeholder,
                    compact=True,
                    id=field_id(name),
                    name=name,
                    max_length=limits.LINE,
                )
            yield Static("", classes="error", id=field_id(name) + "-error", markup=False)

    def _select(
        self, name: str, label: str, options: list[tuple[str, str]], session: Session
    ) -> Horizontal:
        current = _value(session, name)
        values = [value for _, value in options]
        select: Select[str] = Select(
            options,
            value=current if current in values else values[0],
            allow_blank=False,
            compact=True,
            id=field_id(name),
            name=name,
        )
        return Horizontal(Label(label), select, classes="row")

    def on_mount(self) -> None:
        for error in self.query(".error"):
            error.display = False

    def widget_for(self, key: str) -> Widget | None:
        if key not in _LABELS:
            return None
        return self.query_one(f"#{field_id(key)}")

    def describe(self, key: str) -> str:
        return _LABELS[key]

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        name = event.input.name or ""
        error = self.query_one(f"#{field_id(name)}-error", Static)
        try:
            value = check_field(name, event.value)
        except ValueError as exc:
            event.input.add_class("-invalid")
            error.update(plain(f"Not saved yet: {exc}."))
            error.display = True
            return
        event.input.remove_class("-invalid")
        error.display = False
        if value != self.seen[name]:
            self.save(name, value)

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        name = event.select.name or ""
        if isinstance(event.value, str) and event.value != self.seen[name]:
            self.save(name, event.value)

    @on(TextBox.Changed, "#f-stakes")
    def _stakes(self, event: TextBox.Changed) -> None:
        if event.text_area.text != self.seen["stakes"]:
            self.save("stakes", event.text_area.text)
