"""Command-palette entries whose titles are outside text (playbook and session titles).

Textual's own system-command provider reads titles as markup; this one builds Rich Text, so a
title like ``[/]`` or ``[@click=...]`` is shown as typed and never parsed.
"""

from __future__ import annotations

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from convocoach.textsafety import strip_controls
from convocoach.tui.support.screen_contract import Entry, ScreenContract


class OutsideTextCommands(Provider):
    def _entries(self) -> list[Entry]:
        screen = self.screen
        return list(screen.palette_entries()) if isinstance(screen, ScreenContract) else []

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(
                Text(strip_controls(entry.title)), entry.run, text=entry.title, help=entry.help
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            title = strip_controls(entry.title)
            score = matcher.match(title)
            if score > 0:
                shown = Text(title)
                _, offsets = matcher.fuzzy_search.match(matcher.query, title)
                for offset in offsets:
                    shown.stylize("bold underline", offset, offset + 1)
                yield Hit(score, shown, entry.run, text=title, help=entry.help)
