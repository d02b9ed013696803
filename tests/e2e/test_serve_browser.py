"""``convocoach serve`` in headless Chromium: the home screen drawn, a screenshot kept.

Chromium is driven over the DevTools protocol with aiohttp (textual-serve needs it anyway),
so no browser is ever downloaded: the system's ``chromium`` is used, or the test skips.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.e2e.test_serve import STARTUP_TIMEOUT, Served, served

pytestmark = pytest.mark.e2e

aiohttp = pytest.importorskip("aiohttp", reason="needs textual-serve: pip install -e '.[test]'")

CHROMIUM = shutil.which("chromium") or next(
    (path for path in ("/usr/bin/chromium",) if os.access(path, os.X_OK)), None
)
ARTIFACT = REPO / "test-artifacts" / "serve-home.png"
WIDTH, HEIGHT = 1200, 800

# The page keeps its xterm.js terminal to itself; catch it as it is built (xterm's public
# Terminal sets ``_core`` first thing) so the test reads what the emulator holds, not bytes.
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "_core", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "_core", {value, writable: true, configurable: true});
    if (typeof this.loadAddon === "function" && !window.__terminal) window.__terminal = this;
  },
});
"""
SCREEN = """(() => {
  const term = window.__terminal;
  const rows = [];
  if (term) {
    const buffer = term.buffer.active;
    for (let y = 0; y < term.rows; y++) {
      const line = buffer.getLine(buffer.viewportY + y);
      rows.push(line ? line.translateToString(true) : "");
    }
  }
  return {
    text: rows.join("\\n"),
    shown: document.body.classList.contains("-first-byte"),
    font: document.fonts.check('16px "Roboto Mono"'),
  };
})()"""


class DevTools:
    """One page of Chromium, over its DevTools websocket."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.calls = 0
        self.requested: list[str] = []

    async def call(self, method: str, **params: object) -> dict[str, Any]:
        self.calls += 1
        await self.socket.send_json({"id": self.calls, "method": method, "params": params})
        while True:
            message = json.loads(
                (await asyncio.wait_for(self.socket.receive(), STARTUP_TIMEOUT)).data
            )
            if message.get("method") == "Network.requestWillBeSent":
                self.requested.append(message["params"]["request"]["url"])
            if message.get("id") == self.calls:
                assert "error" not in message, message
                result: dict[str, Any] = message["result"]
                return result


def launch(profile: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Headless Chromium, kept off the network, and the address of its DevTools."""
    assert CHROMIUM is not None
    browser = subprocess.Popen(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--remote-debugging-port=0",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not (port_file.exists() and port_file.read_text().strip()):
        if browser.poll() is not None or time.monotonic() > deadline:
            close(browser)
            pytest.fail(f"chromium did not start (exit {browser.returncode})")
        time.sleep(0.1)
    return browser, f"http://127.0.0.1:{port_file.read_text().split()[0]}"


def close(browser: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(browser.pid, signal.SIGKILL)
    browser.wait()


# The title, the library tab, the footer, and the highlighted playbook's prep sheet beside
# the list (drawn once the list is up).
HOME_WORDS = ("convocoach", "Playbooks", "Help", "Prepare")


async def wait_for_processes(server: Served, count: int) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while len(server.app_processes()) != count:
        assert time.monotonic() < deadline, f"{server.app_processes()} != {count} apps"
        await asyncio.sleep(0.2)


async def open_home(devtools_url: str, server: Served) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{devtools_url}/json/list") as response:
            targets = await response.json()
        page = next(target for target in targets if target["type"] == "page")
        async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as socket:
            tab = DevTools(socket)
            await tab.call("Page.enable")
            await tab.call("Network.enable")
            await tab.call("Page.addScriptToEvaluateOnNewDocument", source=CATCH_TERMINAL)
            await tab.call(
                "Emulation.setDeviceMetricsOverride",
                width=WIDTH,
                height=HEIGHT,
                deviceScaleFactor=1,
                mobile=False,
            )
            await tab.call("Page.navigate", url=server.url)
            deadline = time.monotonic() + STARTUP_TIMEOUT
            state: dict[str, Any] = {"text": "(the page never answered)"}
            while True:
                answer = await tab.call("Runtime.evaluate", expression=SCREEN, returnByValue=True)
                state = answer["result"].get("value") or state  # none while the page loads
                if state.get("shown") and all(word in state["text"] for word in HOME_WORDS):
                    break
                assert time.monotonic() < deadline, f"home screen never drawn:\n{state['text']}"
                await asyncio.sleep(0.2)
            await asyncio.sleep(0.6)  # the page fades the terminal in over 0.3 s
            answer = await tab.call("Runtime.evaluate", expression=SCREEN, returnByValue=True)
            state = answer["result"].get("value") or state
            shot = await tab.call("Page.captureScreenshot", format="png")
            ARTIFACT.parent.mkdir(exist_ok=True)
            ARTIFACT.write_bytes(base64.b64decode(shot["data"]))

            assert state["font"], "the page's own Roboto Mono did not load"
            outside = [
                url
                for url in tab.requested
                if not url.startswith((server.url + "/", "data:", "about:"))
            ]
            assert not outside, f"the page fetched from elsewhere: {outside}"
            await wait_for_processes(server, 1)
            # A second tab is a second app, not a view of the first.
            async with session.put(f"{devtools_url}/json/new?{server.url}"):
                pass
            await wait_for_processes(server, 2)


@pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run does so)"
)
def test_home_screen_in_a_browser(tmp_path: Path) -> None:
    ARTIFACT.unlink(missing_ok=True)
    with served(tmp_path) as server:
        browser, devtools_url = launch(tmp_path / "chromium-profile")
        try:
            asyncio.run(open_home(devtools_url, server))
        finally:
            close(browser)
    png = ARTIFACT.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (WIDTH, HEIGHT)
    assert len(png) > 20_000, "the screenshot is next to empty"
