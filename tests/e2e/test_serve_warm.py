"""``convocoach serve`` starts each tab's app warm: forked from a process that imported it."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from convocoach.cli.serve_warm import WARM_START
from tests.e2e.test_serve import LINUX, STARTUP_TIMEOUT, Served, running, served

pytestmark = pytest.mark.skipif(not LINUX, reason="the warm start is for Linux")


def parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


async def home_screen(server: Served, aiohttp: Any) -> tuple[Any, Any]:
    """A tab as the page opens it, once its home screen is drawn."""
    session = aiohttp.ClientSession()
    tab = await session.ws_connect(f"ws://127.0.0.1:{server.port}/ws?width=100&height=30")
    seen = b""
    while b"Playbooks" not in seen:
        message = await asyncio.wait_for(tab.receive(), STARTUP_TIMEOUT)
        assert message.type == aiohttp.WSMsgType.BINARY, message
        seen += message.data
    return session, tab


def test_a_tabs_app_is_forked_from_the_warm_start(tmp_path: Path) -> None:
    aiohttp = pytest.importorskip("aiohttp")

    async def one_tab(server: Served) -> list[int]:
        session, tab = await home_screen(server, aiohttp)
        apps = server.app_processes()
        await tab.close()
        await session.close()
        return apps

    with served(tmp_path) as server:
        zygote = server.zygote()
        assert zygote is not None
        apps = asyncio.run(one_tab(server))
        assert len(apps) == 1
        assert parent(apps[0]) == zygote
        assert len(server.launchers()) <= 1  # the one of the closed tab, ending
        assert "Traceback" not in server.output()
        # What a child inherits: one thread, and no file open (no database, nothing read).
        assert len(list(Path(f"/proc/{zygote}/task").iterdir())) == 1
        fds = [fd for fd in Path(f"/proc/{zygote}/fd").iterdir() if int(fd.name) > 2]
        files = [os.readlink(fd) for fd in fds]  # beyond stdin, stdout and stderr
        assert [f for f in files if f.startswith("/") and not f.startswith("/dev/")] == []


def test_the_warm_start_ends_with_a_killed_server_and_leaves_nothing(tmp_path: Path) -> None:
    aiohttp = pytest.importorskip("aiohttp")

    async def tab_then_kill(server: Served) -> list[int]:
        session, _tab = await home_screen(server, aiohttp)
        pids = [*server.app_processes(), *server.launchers()]
        os.kill(server.process.pid, signal.SIGKILL)
        await session.close()
        return pids

    with served(tmp_path) as server:
        zygote = server.zygote()
        assert zygote is not None
        socket = Path(os.fsdecode(Path(f"/proc/{zygote}/cmdline").read_bytes().split(b"\0")[3]))
        assert socket.parent.stat().st_mode & 0o777 == 0o700
        pids = [zygote, *asyncio.run(tab_then_kill(server))]
        deadline = time.monotonic() + 10
        while any(running(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in pids if running(pid)], "processes outlived their server"
        assert not socket.parent.exists()


def test_started_cold_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    aiohttp = pytest.importorskip("aiohttp")
    monkeypatch.setenv(WARM_START, "0")

    async def one_tab(server: Served) -> list[int]:
        session, tab = await home_screen(server, aiohttp)
        apps = server.app_processes()
        await tab.close()
        await session.close()
        return apps

    with served(tmp_path) as server:
        assert server.zygote() is None
        apps = asyncio.run(one_tab(server))
        assert [parent(pid) for pid in apps] == [server.process.pid]


def test_the_warm_start_has_the_environment_textual_serve_gives_a_tab() -> None:
    """Fails when the pinned textual-serve sets another variable: the zygote must have it."""
    pytest.importorskip("textual_serve")
    from textual_serve.app_service import AppService
    from textual_serve.download_manager import DownloadManager

    from convocoach.cli.serve_room import tab_environment

    async def nothing(_data: object = None) -> None:
        pass

    service = AppService(
        "true",
        write_bytes=nothing,
        write_str=nothing,
        close=nothing,
        download_manager=DownloadManager(),
    )
    tab = service._build_environment(width=100, height=30)
    assert tab == {**os.environ, **tab_environment(), "COLUMNS": "100", "ROWS": "30"}
