"""Notices more than one screen shows, worded once."""

from __future__ import annotations

from textual.dom import DOMNode


def report_settings_problem(node: DOMNode, problem: str) -> None:
    """A settings file (preferences, sender profile) could not be read: the app goes on with
    defaults, and says so long enough to be read."""
    node.app.notify(
        problem,
        title="A settings file could not be read",
        severity="error",
        timeout=15,
        markup=False,
    )
