"""What every step of a session shares, including what happens when another copy of the app
(another window on the same database) changes a field this step shows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from functools import partial
from typing import ClassVar

from textual import work
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Select, TextArea
from textual.widgets.select import InvalidSelectValueError

from convocoach.playbooks.model import PlaybookFile
from convocoach.sessions.merge import WriteConflict, field_values
from convocoach.sessions.steps import StepKey
from convocoach.tui.dialogs.conflict import ConflictScreen
from convocoach.tui.support.needs import StepContext
from convocoach.tui.support.screen_contract import HasCommands
from convocoach.tui.support.session_editor import SessionEditor


class StepPane(HasCommands, VerticalScroll):
    """A step's content; scrolls, so nothing is cut off on a small terminal.

    ``seen`` holds each field as this step last read or saved it: a save sends it along, so
    a field changed in another window since is never overwritten unseen (the user is asked
    which version stays), and :meth:`sync` shows such changes in the fields not being typed in.
    """

    # No DEFAULT_CSS: a step's look is in base.tcss and in the .tcss beside the step, which
    # SessionScreen loads, so that it can be edited live (textual run --dev).
    step_key: ClassVar[StepKey]
    CHOICE_LABELS: ClassVar[dict[str, dict[str, str]]] = {}
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {}
    """The id of the widget that shows each field on this step (for the default
    :meth:`widget_for`)."""
    FIELD_NAMES: ClassVar[dict[str, str]] = {}
    """Each field's name in the question about a conflict (for the default :meth:`describe`)."""
    """For a field chosen from a list, what each stored word reads as ("partly": "Partly
    agreed"), so that the question about a conflict speaks as the list does."""

    def __init__(
        self, context: StepContext, editor: SessionEditor, playbook: PlaybookFile | None
    ) -> None:
        super().__init__(id=f"step-{self.step_key}")
        self.context = context
        self.editor = editor
        self.playbook = playbook
        self.session = editor.session
        """The session this step was built from (``editor.session`` may be newer)."""
        self.seen = field_values(self.session)
        self._asking: set[str] = set()
        self._pending: dict[str, object] = {}

    def shown(self) -> None:
        """Called each time the step comes into view (derived content may have changed)."""

    def focus_first(self) -> None:
        for widget in self.query("Input, TextArea, Select, OptionList, SelectionList, DataTable"):
            if widget.focusable:
                widget.focus()
                return
        self.focus()

    # --- fields shared with other windows -----------------------------------------------------

    def widget_for(self, key: str) -> Widget | None:
        """The widget that shows the field ``key`` on this step (None: not shown here)."""
        widget_id = self.FIELD_WIDGETS.get(key)
        return None if widget_id is None else self.query_one(f"#{widget_id}")

    def describe(self, key: str) -> str:
        """The field's name, for the question about a conflict."""
        return self.FIELD_NAMES.get(key) or key.replace(".", " ").replace("_", " ").capitalize()

    def write(
        self, key: str, value: object, expected: object, then: Callable[[object], None]
    ) -> object | None:
        """Store one field against ``expected``; the stored value, or None if not saved
        (``then`` gets the stored value if a retry saves it later)."""
        assert isinstance(value, (str, int))
        return self.editor.set_field(key, value, expected, then)

    def show(self, key: str, value: object) -> None:
        """Put a value saved elsewhere into the field's widget."""
        widget = self.widget_for(key)
        if isinstance(widget, Input):
            widget.value = str(value)
        elif isinstance(widget, Select):
            with suppress(InvalidSelectValueError):  # a value this screen cannot offer
                widget.value = value
        elif isinstance(widget, TextArea):
            widget.load_text(str(value))

    def editing(self, key: str) -> bool:
        """Whether the user is typing in this field now (it is then left as it is)."""
        widget = self.widget_for(key)
        return widget is None or widget.has_focus_within

    def save(self, key: str, value: object) -> None:
        """Save a field typed on this step, unless another window changed it since it was
        read: then the stored value stays and the user chooses which one to keep."""
        if key in self._asking:
            self._pending[key] = value  # kept for the answer to the question on screen
            return
        try:
            stored = self.write(key, value, self.seen.get(key, ""), partial(self._saved, key))
        except WriteConflict as conflict:
            self._pending[key] = value
            self._asking.add(key)
            self._ask(key, conflict.stored)
            return
        if stored is not None:
            self.seen[key] = stored

    def _saved(self, key: str, stored: object) -> None:
        self.seen[key] = stored

    def save_list(self, key: str, items: Sequence[str], title: str, note: str) -> None:
        """Save a list typed or ticked on this step (``points``, ``phrases``): what another
        window changed since it was read is merged in, shown, and said (``title``, ``note``)."""
        base = self.seen[key]
        assert isinstance(base, tuple)
        stored = self.editor.set_list(key, list(items), base)
        if stored is None:
            return
        self.seen[key] = stored
        if stored != tuple(items):  # only a merge changes what was sent
            self.show(key, stored)
            self.notify(note, title=title, markup=False)

    def _worded(self, key: str, value: object) -> str:
        return self.CHOICE_LABELS.get(key, {}).get(str(value), str(value))

    @work(group="conflict")
    async def _ask(self, key: str, theirs: object) -> None:
        shown = self._worded(key, self._pending[key])
        keep_mine = await self.app.push_screen_wait(
            ConflictScreen(self.describe(key), self._worded(key, theirs), shown)
        )
        mine = self._pending.pop(key)  # what was typed while asked, too
        self._asking.discard(key)
        if keep_mine:
            self.seen[key] = theirs
            self.save(key, mine)  # checked again: a third change asks again
            return
        self.editor.poll()
        latest = field_values(self.editor.session).get(key, "")
        self.seen[key] = latest
        self.show(key, latest)

    def sync(self) -> None:
        """Show what another window saved, in every field the user is not typing in."""
        now = field_values(self.editor.session)
        for key in set(self.seen) | set(now):
            value = now.get(key, "")
            if value == self.seen.get(key, "") or key in self._asking or self.editing(key):
                continue
            self.seen[key] = value
            self.show(key, value)
