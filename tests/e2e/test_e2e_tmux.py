"""Drive the installed ``convocoach`` command in a real terminal (tmux)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

TMUX = shutil.which("tmux")
COMMAND = Path(sys.executable).parent / "convocoach"


class Terminal:
    def __init__(self, socket: str, session: str, command: str) -> None:
        self.socket = socket
        self.session = session
        self.command = command

    def start(self) -> None:
        """Run the app in a fresh 100x30 window (again, after it quit)."""
        self.tmux("new-session", "-d", "-s", self.session, "-x", "100", "-y", "30", self.command)

    def wait_until_gone(self, timeout: float = 10) -> bool:
        deadline = time.monotonic() + timeout
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        return not self.alive()

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        result = subprocess.run(
            [TMUX, "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def wait_gone(self, text: str, timeout: float = 10) -> str:
        deadline = time.monotonic() + timeout
        while text in self.screen() and time.monotonic() < deadline:
            time.sleep(0.1)
        screen = self.screen()
        assert text not in screen, f"{text!r} never went away; the screen was:\n{screen}"
        return screen

    def settle(self, quiet: float = 0.3, timeout: float = 10) -> str:
        """Wait until the app has finished drawing (the screen unchanged for ``quiet``
        seconds), as a person waits for a screen before typing into it."""
        deadline = time.monotonic() + timeout
        screen, since = self.screen(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.screen()
            if now != screen:
                screen, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                break
        return screen

    def filter_library(self, text: str) -> str:
        """Focus the library filter and type into it, waiting for the focus to move
        first: keys sent in the same burst as "/" can reach the list instead."""
        self.send("/")
        self.settle()
        self.send("-l", text)
        return self.wait_gone("▊ Budget constraints")

    def alive(self) -> bool:
        return self.session in self.tmux("list-sessions", "-F", "#{session_name}")


@pytest.fixture
def terminal(isolated_home: Path) -> Iterator[Terminal]:
    if TMUX is None:
        pytest.skip("tmux is not installed (.ci/run installs it)")
    socket = f"convocoach-test-{uuid.uuid4().hex[:8]}"
    exports = " ".join(f"{k}={v!s}" for k, v in os.environ.items() if k.startswith("CONVOCOACH_"))
    term = Terminal(socket, "app", f"env TERM=xterm-256color {exports} {COMMAND}")
    term.start()
    try:
        yield term
    finally:
        term.tmux("kill-server")


def test_app_starts_filters_and_quits(terminal: Terminal) -> None:
    terminal.wait_for("Welcome")  # first run: the profile form; skip it
    terminal.settle()
    terminal.send("Escape")
    screen = terminal.wait_for("1. Prepare")  # the first prep sheet is drawn: app is ready
    assert "Project delays" in screen
    assert "Budget constraints" in screen
    terminal.settle()
    screen = terminal.filter_library("delay")
    assert "▊ Delay caused by the client" in screen
    terminal.send("Tab")
    terminal.send("Down")
    terminal.wait_for("Give regular updates", timeout=5)
    terminal.send("C-q")
    assert terminal.wait_until_gone()


def test_answers_survive_ctrl_c_and_the_session_resumes(terminal: Terminal) -> None:
    terminal.wait_for("Welcome")
    terminal.settle()
    terminal.send("-l", "Sam Okafor")
    terminal.send("C-s")
    terminal.wait_for("1. Prepare")  # home, with the library open (no sessions yet)
    terminal.settle()
    terminal.filter_library("delays")
    terminal.send("Enter")
    terminal.settle()
    terminal.send("Enter")
    terminal.wait_for("Session title")
    terminal.settle()
    terminal.send("-l", "Tmux launch")
    terminal.send("Tab")
    terminal.send("-l", "Dana Whitfield")
    terminal.wait_for("Dana Whitfield")
    terminal.send("C-n")
    terminal.wait_for("answered")
    terminal.settle()
    terminal.send("Enter")
    terminal.settle()
    terminal.send("-l", "Known since Monday")
    terminal.wait_for("Known since Monday")
    terminal.send("C-c")
    assert terminal.wait_until_gone()

    terminal.start()
    terminal.wait_for("Tmux launch")  # the sessions tab lists it first
    screen = terminal.wait_for("Dana Whitfield")  # its row, drawn in full (on a busy machine
    assert "Welcome" not in screen  # a moment after the title)
    terminal.settle()
    terminal.send("Enter")
    terminal.wait_for("answered. Type to answer")  # reopened at the Prepare step
    terminal.wait_for("\u2713 ")  # the answer given (the case's first figure) is ticked
    assert "Known since Monday" in terminal.wait_for("Known since Monday")
    terminal.send("C-q")
    assert terminal.wait_until_gone()


def test_bytes_that_are_not_utf8_do_not_end_the_app(terminal: Terminal) -> None:
    terminal.wait_for("Welcome")
    terminal.settle()
    terminal.send("Escape")
    terminal.wait_for("1. Prepare")
    terminal.settle()
    terminal.send("/")
    terminal.settle()
    terminal.tmux("send-keys", "-t", terminal.session, "-H", "e9", "9b", "ff")  # Latin-1 é...
    screen = terminal.wait_for("\ufffd")  # shown as replacement characters, and read on
    terminal.send("-l", "delay")
    screen = terminal.wait_for("\ufffddelay")
    assert terminal.alive()
    assert "Traceback" not in screen
    terminal.send("C-q")
    assert terminal.wait_until_gone()
