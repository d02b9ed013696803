"""The warm start of ``convocoach serve``: tabs' apps forked from an app already imported.

A cold app process spends most of its first second importing Textual and the app, and a
room joining at once pays that on every tab, all on the same few cores. So the server
starts a zygote (``convocoach.warmstart``) before anyone joins, and each tab's command is
the launcher, which hands the tab's pipes to it. When the zygote is not there, the launcher
starts the app cold: serving never depends on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from convocoach.cli.output import warn

WARM_START = "CONVOCOACH_WARM_START"
"""Set to 0 to start every tab's app cold (to compare, or should the warm start misbehave)."""

PRELOAD = (
    "convocoach.cli.parser",
    "convocoach.cli.table",
    "convocoach.cli.app_cmd",
    "convocoach.tui.app",
    "convocoach.tui.screens.home",
    "convocoach.playbooks.loader",
    "convocoach.playbooks.prepsheet",
    "convocoach.atomicfile",
    # A workshop's participants open on their group's round, the facilitator on the room.
    "convocoach.cli.workshop_cmd",
    "convocoach.tui.screens.room",
    "convocoach.coach.loader:bundled_rubric",  # the checklist's behaviours
    "textual.drivers.web_driver",
    "textual.layouts.factory",
    "textual.scrollbar",
    "textual.pilot",
    "queue",
)
"""What a tab's app imports before its first screen is drawn (measured with -X importtime):
the home screen, a participant's round or the facilitator's room."""

_READY_SECONDS = 30.0


@contextmanager
def warm_start(app_argv: list[str]) -> Iterator[list[str] | None]:
    """The command that starts ``app_argv`` warm while the zygote runs (None: start cold)."""
    if os.environ.get(WARM_START) == "0" or not sys.platform.startswith("linux"):
        yield None
        return
    # Lazy: textual-serve is an optional extra (make_server has checked it is installed)
    from convocoach.cli.serve_room import tab_environment

    # Private to this user (mkdtemp makes it 0700): whoever can connect can run the app.
    folder = Path(tempfile.mkdtemp(prefix="convocoach-serve-"))
    socket = folder / "zygote.sock"
    zygote = subprocess.Popen(
        [sys.executable, "-m", "convocoach.warmstart.zygote", str(socket), *PRELOAD],
        # Textual reads its settings once, when imported: the tabs' settings, then.
        env={**os.environ, **tab_environment()},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    try:
        if _ready(zygote, socket):
            yield [sys.executable, "-m", "convocoach.warmstart.launcher", str(socket), *app_argv]
        else:
            warn("warning: the warm start did not begin; each tab's app starts cold")
            yield None
    finally:
        zygote.terminate()
        try:
            zygote.wait(timeout=5)
        except subprocess.TimeoutExpired:
            zygote.kill()
            zygote.wait()
        shutil.rmtree(folder, ignore_errors=True)


def _ready(zygote: subprocess.Popen[bytes], socket: Path) -> bool:
    """Wait until the zygote listens (it renames its socket into place once it does)."""
    deadline = time.monotonic() + _READY_SECONDS
    while not socket.exists():
        if zygote.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True
