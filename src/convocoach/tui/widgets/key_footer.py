"""The footer every screen shows: the keys that fit, never a label cut in half."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # the footer's own key widget, not exported

PINNED_KEYS = frozenset({"escape", "f1"})
"""Keys kept whatever else has to go: the way back, and the help that lists every key."""

_PALETTE_WIDTH = 11
"""The compact command-palette entry ("^p palette") and its divider."""


class KeyFooter(Footer):
    """A compact footer that leaves out the keys it has no room for.

    Textual's footer lets the row run off the right edge, so on a busy step the help and
    the way back (the app's keys come last) are the first to disappear. Here F1 and Esc
    stay, and whatever does not fit is left to F1 and the command palette, which list
    every command.
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._width = 0

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        entries: dict[str, tuple[Binding, bool, str]] = {}
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in entries:
                entries[binding.action] = (binding, enabled, tooltip)
        shown = self._fit(list(entries.values()))
        for binding, enabled, tooltip in shown:
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)
        yield from self._palette_key()

    def _fit(self, entries: list[tuple[Binding, bool, str]]) -> list[tuple[Binding, bool, str]]:
        """The entries that fit, in their order: room is kept for F1 and Esc, then each
        other key goes in if there is still room for it (the focused widget's first)."""

        def width(entry: tuple[Binding, bool, str]) -> int:
            binding = entry[0]
            # the key, a space, the description, and the gap after it
            return len(self.app.get_key_display(binding)) + len(binding.description) + 2

        room = self.app.size.width - _PALETTE_WIDTH
        room -= sum(width(entry) for entry in entries if entry[0].key in PINNED_KEYS)
        kept = []
        for entry in entries:
            if entry[0].key not in PINNED_KEYS:
                if width(entry) > room:
                    continue
                room -= width(entry)
            kept.append(entry)
        return kept

    def _palette_key(self) -> ComposeResult:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return
        active = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if active is None:
            return
        _, binding, enabled, tooltip = active
        yield FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            classes="-command-palette",
            disabled=not enabled,
            tooltip=tooltip or binding.description,
        )

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self.call_after_refresh(self.recompose)
