"""Building the app for Pilot and snapshot tests: a fixed clock, a known profile, own folders."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from convocoach.locations import Locations
from convocoach.sessions.store import SessionStore
from convocoach.tui.app import ConvocoachApp, Opener, make_app
from convocoach.workshop.seat import Seat

FIXED_NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
"""A Monday morning; every test sees the same day."""

PROFILE = """\
name: Sam Okafor
title: Delivery lead
company: Brightline Studio
email: sam@brightline.example
signature: Brightline Studio
timezone: Europe/London
"""


def fixed_clock() -> datetime:
    return FIXED_NOW


def write_profile(locations: Locations) -> None:
    locations.settings_file.parent.mkdir(parents=True, exist_ok=True)
    locations.settings_file.write_text(PROFILE, encoding="utf-8")


def build_app(
    *,
    profile: bool = True,
    export_dir: Path | None = None,
    playbook_dirs: list[Path] | None = None,
    open_with: Opener | None = None,
    busy_seconds: float = 1.0,
    seat: Seat | None = None,
    data_dir: Path | None = None,
) -> ConvocoachApp:
    locations = Locations.from_env(
        data_dir=data_dir, config_dir=data_dir, playbook_dirs=playbook_dirs or []
    )
    if profile:
        write_profile(locations)
    # Still cursors: a blinking one is on or off depending on how long a test took.
    locations.preferences_file.parent.mkdir(parents=True, exist_ok=True)
    if not locations.preferences_file.exists():
        locations.preferences_file.write_text('{"cursor_blink": false}\n', encoding="utf-8")
    return make_app(
        locations,
        clock=fixed_clock,
        export_dir=export_dir,
        open_with=open_with,
        busy_seconds=busy_seconds,
        seat=seat,
    )


def open_store() -> SessionStore:
    return SessionStore.open(Locations.from_env().database, fixed_clock)


async def wait_until(
    pilot: Pilot[Any], condition: Callable[[], bool], timeout: float = 10.0
) -> None:
    """Let the app run until ``condition`` holds: something the app does after a pause of its
    own (a debounced filter, a timer, another window's poll). The test waits for that, not
    for a fixed time, so it neither races on a busy machine nor idles on a quick one."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not so after {timeout} s")
        await pilot.pause(0.01)
