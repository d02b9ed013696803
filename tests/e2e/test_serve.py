"""``convocoach serve``: the page, who may reach it, one app process per connection."""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from convocoach.cli import main, serve_cmd
from convocoach.cli.serve_warm import WARM_START

STARTUP_TIMEOUT = 60.0
LINUX = sys.platform.startswith("linux")


class Served:
    def __init__(self, process: subprocess.Popen[bytes], port: int, logs: Path) -> None:
        self.process = process
        self.port = port
        self.logs = logs

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return "".join(
            path.read_text(encoding="utf-8", errors="replace")
            for path in (self.logs / "stdout", self.logs / "stderr")
        )

    def app_processes(self) -> list[int]:
        """The tabs' apps: the warm start's children (or, started cold, the server's)."""
        zygote = self.zygote()
        return children(zygote) if zygote else children(self.process.pid)

    def zygote(self) -> int | None:
        """The process the apps are forked from, if the warm start runs."""
        for pid in children(self.process.pid):
            if b"convocoach.warmstart.zygote" in Path(f"/proc/{pid}/cmdline").read_bytes():
                return pid
        return None

    def launchers(self) -> list[int]:
        """The processes textual-serve started, one per tab (``exec``: no shell between)."""
        return [pid for pid in children(self.process.pid) if pid != self.zygote()]


def children(parent: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@contextmanager
def served(tmp_path: Path, *options: str) -> Iterator[Served]:
    """``convocoach serve`` on a free loopback port, answering; killed, apps and all, after."""
    config = Path(os.environ["CONVOCOACH_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.yaml").write_text("name: Test\n", encoding="utf-8")  # no welcome
    port = free_port()
    logs = tmp_path / "serve-logs"
    logs.mkdir()
    with (logs / "stdout").open("wb") as out, (logs / "stderr").open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "convocoach", "serve", "--port", str(port), *options],
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = Served(process, port, logs)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"serve exited with {process.returncode}:\n{server.output()}")
            try:
                if fetch(server.url)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"serve did not answer in {STARTUP_TIMEOUT:.0f} s:\n{server.output()}")
            time.sleep(0.1)
        yield server
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=10)
            if sig == signal.SIGKILL:
                break
        except subprocess.TimeoutExpired:
            continue
    process.wait()


def refused(address: str, port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(5)
        return probe.connect_ex((address, port)) != 0


def test_serves_the_app_page_on_this_machine_only(tmp_path: Path) -> None:
    with served(tmp_path) as server:
        status, page = fetch(server.url)
        assert status == 200
        assert "<title>convocoach</title>" in page
        assert 'class="textual-terminal"' in page
        assert f'data-session-websocket-url="ws://127.0.0.1:{server.port}/ws"' in page
        assert fetch(f"{server.url}/static/js/textual.js")[0] == 200
        # Nothing is fetched from outside: fonts and scripts come from this server.
        for url in re.findall(r"""(?:src|href|url)\s*[=(]\s*["']?(https?://[^"')\s]+)""", page):
            assert url.startswith(server.url + "/"), url
        assert "googleapis" not in page
        # Bound to 127.0.0.1 itself, not to every address (127.0.0.2 is another one).
        assert not refused("127.0.0.1", server.port)
        if LINUX:
            assert refused("127.0.0.2", server.port)
        out = server.output()
    assert f"http://127.0.0.1:{server.port}" in out
    assert "GET /" not in out  # no line per request


def test_only_the_apps_own_page_may_connect(tmp_path: Path) -> None:
    aiohttp = pytest.importorskip("aiohttp")

    async def websocket_status(url: str, origin: str) -> int:
        async with aiohttp.ClientSession() as session:
            try:
                async with session.ws_connect(url, headers={"Origin": origin}):
                    return 101
            except aiohttp.WSServerHandshakeError as error:
                return int(error.status)

    with served(tmp_path) as server:
        assert fetch(server.url, {"Host": f"localhost:{server.port}"})[0] == 200
        assert fetch(server.url, {"Host": f"rebound.example:{server.port}"})[0] == 403
        ws = f"ws://127.0.0.1:{server.port}/ws"
        assert asyncio.run(websocket_status(ws, "http://evil.example")) == 403


@pytest.mark.skipif(not LINUX, reason="counts processes through /proc")
def test_each_connection_runs_its_own_app_and_ctrl_c_ends_all(tmp_path: Path) -> None:
    aiohttp = pytest.importorskip("aiohttp")
    CLOSED = (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)

    async def two_tabs(server: Served) -> list[int]:
        url = f"ws://127.0.0.1:{server.port}/ws?width=100&height=30"
        async with aiohttp.ClientSession() as session:
            first = await session.ws_connect(url)
            second = await session.ws_connect(url)
            for tab in (first, second):  # each draws its own home screen
                seen = b""
                while b"Playbooks" not in seen:
                    message = await asyncio.wait_for(tab.receive(), STARTUP_TIMEOUT)
                    assert message.type == aiohttp.WSMsgType.BINARY, message
                    seen += message.data
            apps = server.app_processes()
            assert len(apps) == 2
            apps += server.launchers()
            os.killpg(server.process.pid, signal.SIGINT)  # Ctrl+C in the server's terminal
            for tab in (first, second):  # each tab is told its session ended
                while (await asyncio.wait_for(tab.receive(), 20)).type not in CLOSED:
                    pass
            return apps

    with served(tmp_path) as server:
        apps = asyncio.run(two_tabs(server))
        assert len(apps) == 4  # two apps, and the two processes that started them
        assert server.process.wait(timeout=20) == 0
        assert "Traceback" not in server.output()
        deadline = time.monotonic() + 10
        while any(running(pid) for pid in apps) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in apps if running(pid)], "apps left behind"


def test_a_tab_whose_app_cannot_start_is_ended(tmp_path: Path) -> None:
    aiohttp = pytest.importorskip("aiohttp")

    async def first_message_after_data(url: str) -> object:
        async with aiohttp.ClientSession() as session, session.ws_connect(url) as tab:
            while (
                message := await asyncio.wait_for(tab.receive(), STARTUP_TIMEOUT)
            ).type == aiohttp.WSMsgType.BINARY:
                pass
            return message.type

    with served(tmp_path) as server:
        data = Path(os.environ["CONVOCOACH_DATA_DIR"])
        for leftover in data.glob("sessions.db*"):
            leftover.unlink()
        (data / "sessions.db").write_bytes(b"not a database")
        closed = asyncio.run(first_message_after_data(f"ws://127.0.0.1:{server.port}/ws"))
        assert closed == aiohttp.WSMsgType.CLOSE
        assert "is not a convocoach sessions database" in server.output()


def test_exposing_to_the_network_warns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Idle:
        def serve(self) -> None:
            pass

    made: list[str] = []

    def make_server(command: str, *_: object) -> Idle:
        made.append(command)
        return Idle()

    monkeypatch.setattr(serve_cmd, "make_server", make_server)
    monkeypatch.setenv(WARM_START, "0")  # the command each tab runs when started cold
    data = tmp_path / "coach data"
    assert main(["serve", "--host", "0.0.0.0", "--data-dir", str(data)]) == 0
    err = capsys.readouterr().err
    assert "warning: listening on 0.0.0.0:8000" in err
    assert str(data) in err
    assert "no login" in err
    assert shlex.split(made[0])[1:] == [sys.executable, "-m", "convocoach", "--data-dir", str(data)]

    assert main(["serve", "--host", "127.0.0.1"]) == 0
    assert main(["serve", "--host", "localhost"]) == 0
    assert capsys.readouterr().err == ""


def test_without_textual_serve_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve"]) == 2
    assert "pip install 'convocoach[serve]'" in capsys.readouterr().err


@pytest.mark.parametrize("port", ["0", "65536", "-1"])
def test_a_port_out_of_range_is_refused(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", port]) == 2
    assert "--port must be between 1 and 65535" in capsys.readouterr().err


def test_a_busy_port_is_a_plain_error() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "convocoach", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=STARTUP_TIMEOUT,
            check=False,
        )
    assert result.returncode == 2, result.stderr
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr
