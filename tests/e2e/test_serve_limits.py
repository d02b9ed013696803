"""``convocoach serve`` within limits: its own files only, a cap on tabs, no orphans, and
plain errors for bad options."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from convocoach.cli import main
from tests.e2e.test_serve import LINUX, STARTUP_TIMEOUT, Served, fetch, running, served

pytestmark = pytest.mark.skipif(not LINUX, reason="counts processes through /proc")


async def open_tab(server: Served, aiohttp: Any) -> tuple[Any, Any]:
    """A tab whose app has drawn its home screen (aiohttp is imported only if installed)."""
    session = aiohttp.ClientSession()
    tab = await session.ws_connect(f"ws://127.0.0.1:{server.port}/ws?width=100&height=30")
    seen = b""
    while b"Playbooks" not in seen:
        message = await asyncio.wait_for(tab.receive(), STARTUP_TIMEOUT)
        seen += message.data
    return session, tab


@pytest.mark.parametrize("url", ["not a url", "ftp://host/", "http://", "http://host:99999/"])
def test_a_bad_public_url_is_a_plain_error(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--public-url", url]) == 2
    err = capsys.readouterr().err
    assert f"--public-url {url!r} is not a web address" in err
    assert "Traceback" not in err


def test_an_address_of_another_machine_says_so() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "convocoach", "serve", "--host", "192.0.2.7", "--port", "8123"],
        capture_output=True,
        text=True,
        timeout=STARTUP_TIMEOUT,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "cannot listen on 192.0.2.7: it is not an address of this machine" in result.stderr
    assert "stop the program using it" not in result.stderr


def test_static_folders_are_not_listed(tmp_path: Path) -> None:
    with served(tmp_path) as server:
        for folder in ("/static", "/static/", "/static/fonts", "/static/fonts/", "/static/js/"):
            status, body = fetch(server.url + folder)
            assert status == 404, folder
            assert ".ttf" not in body
        status, _ = fetch(server.url + "/static/css/xterm.css")
        assert status == 200


def test_tabs_beyond_the_places_are_refused_politely(tmp_path: Path) -> None:
    aiohttp = pytest.importorskip("aiohttp")

    async def second_tab_while_first_is_open(server: Served) -> tuple[int, str, int]:
        session, tab = await open_tab(server, aiohttp)
        try:
            status, page = await asyncio.to_thread(fetch, server.url)
            async with aiohttp.ClientSession() as other:
                try:
                    await other.ws_connect(f"ws://127.0.0.1:{server.port}/ws")
                    refused = 101
                except aiohttp.WSServerHandshakeError as exc:
                    refused = exc.status
            return status, page, refused
        finally:
            await tab.close()
            await session.close()

    with served(tmp_path, "--max-participants", "1") as server:
        status, page, refused = asyncio.run(second_tab_while_first_is_open(server))
        assert status == 503
        assert "All 1 places are taken" in page
        assert refused == 503
        deadline = time.monotonic() + 20  # once the first tab closes, a place is free
        while fetch(server.url)[0] != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert fetch(server.url)[0] == 200


def test_apps_end_when_the_server_is_killed(tmp_path: Path) -> None:
    aiohttp = pytest.importorskip("aiohttp")

    async def tab_then_kill(server: Served) -> list[int]:
        session, _tab = await open_tab(server, aiohttp)
        apps = server.app_processes()
        os.kill(server.process.pid, signal.SIGKILL)
        await session.close()
        return apps

    with served(tmp_path) as server:
        apps = asyncio.run(tab_then_kill(server))
        assert len(apps) == 1
        deadline = time.monotonic() + 10
        while any(running(pid) for pid in apps) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in apps if running(pid)], "apps outlived their server"
