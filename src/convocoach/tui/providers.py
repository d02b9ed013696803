"""Command-palette entries whose titles are outside text (playbook and session titles).

Textual's own system-command provider reads titles as markup; this one builds Rich Text, so a
title like ``[/]`` or ``[@click=...]`` is shown as typed and never parsed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from convocoach.textsafety import strip_controls


class Entry(NamedTuple):
    title: str
    """Outside text: shown literally."""
    help: str
    """Our own words only (the palette reads help as markup)."""
    run: Callable[[], object]


class OutsideTextCommands(Provider):
    def _entries(self) -> list[Entry]:
        source = getattr(self.screen, "palette_entries", None)
        return list(source()) if source is not None else []

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
