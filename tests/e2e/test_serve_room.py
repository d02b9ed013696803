"""``convocoach serve --workshop``: two participants join over HTTP and websockets with the
room code, each gets their own app in their own folder; everything else is refused."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from convocoach.sessions.store import SessionStore
from convocoach.workshop.plan import make_plan
from convocoach.workshop.store import WorkshopLog
from tests.e2e.test_serve import LINUX, STARTUP_TIMEOUT, Served, fetch, free_port, stop

aiohttp = pytest.importorskip("aiohttp")
pytestmark = pytest.mark.skipif(not LINUX, reason="reads the apps' command lines in /proc")

PEOPLE = ["Ana", "Ben", "Cy", "Dee"]
SECRET_SESSION = "Confidential Client GmbH"
ROUND = "round 1 of 2"  # a participant's app opens on their group's round
WRONG_CODE = "WRNG-C0DE"
MADE_UP = "made-up-token-made-up-token-made-up-token-x"
CLOSED = (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)


class Room(Served):
    code = ""
    key = ""

    def command_lines(self) -> list[list[str]]:
        """The command line of each tab's app, as the server started it (through the warm
        start's launcher, or not)."""
        lines = []
        for pid in self.launchers():
            raw = Path(f"/proc/{pid}/cmdline").read_bytes()
            argv = [part.decode() for part in raw.split(b"\0") if part]
            if "convocoach.warmstart.launcher" in argv:
                argv = argv[argv.index("convocoach.warmstart.launcher") + 2 :]
            lines.append(argv)
        return lines

    def open_files(self) -> list[set[str]]:
        """The files each tab's running app holds open."""
        held = []
        for pid in self.app_processes():
            files = set()
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                try:
                    files.add(os.readlink(fd))
                except OSError:
                    continue
            held.append(files)
        return held


@contextmanager
def served_room(tmp_path: Path, workshop_id: int) -> Iterator[Room]:
    """``serve --workshop`` on a free loopback port, once it has printed its links."""
    port = free_port()
    logs = tmp_path / "serve-logs"
    logs.mkdir()
    command = ["serve", "--port", str(port), "--workshop", str(workshop_id)]
    with (logs / "stdout").open("wb") as out, (logs / "stderr").open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "convocoach", *command],
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    room = Room(process, port, logs)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not (links := re.search(r"\?room=(\S+)\n(?:.|\n)*key=(\S+)", room.output())):
            if process.poll() is not None:
                pytest.fail(f"serve exited with {process.returncode}:\n{room.output()}")
            if time.monotonic() > deadline:
                pytest.fail(f"serve did not start in {STARTUP_TIMEOUT:.0f} s:\n{room.output()}")
            time.sleep(0.1)
        room.code, room.key = links.group(1), links.group(2)
        yield room
    finally:
        stop(process)


@pytest.fixture
def workshop() -> tuple[Path, int]:
    data = Path(os.environ["CONVOCOACH_DATA_DIR"])
    config = Path(os.environ["CONVOCOACH_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.yaml").write_text("name: Trainer\n", encoding="utf-8")
    data.mkdir(parents=True, exist_ok=True)
    with SessionStore.open(data / "sessions.db") as store:
        store.create("project-delays", title=SECRET_SESSION)
        plan = make_plan("Q4 room", ["project-delays"], 2, 10, "pairs", PEOPLE)
        return data, WorkshopLog(store).create(plan)


def browser() -> Any:
    """A browser of its own: its own cookies (kept for 127.0.0.1, which aiohttp's default
    jar would not)."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def join(room: Room, person: str, group: int) -> tuple[Any, Any]:
    """``person`` joins with the room code, and their tab shows their group's round."""
    session = browser()
    url = f"http://127.0.0.1:{room.port}"
    async with session.get(f"{url}/?room={room.code}") as page:
        assert page.status == 200
        assert person in await page.text()
    form = {"room": room.code, "name": person}
    async with session.post(f"{url}/join", data=form, allow_redirects=False) as answer:
        assert answer.status == 303, await answer.text()
    async with session.get(url) as page:
        assert page.status == 200
        assert 'class="textual-terminal"' in await page.text()
    tab = await session.ws_connect(f"ws://127.0.0.1:{room.port}/ws?width=100&height=30")
    seen = b""
    while ROUND not in (screen := text_of(seen)) or f"Group {group}" not in screen:
        message = await asyncio.wait_for(tab.receive(), STARTUP_TIMEOUT)
        assert message.type == aiohttp.WSMsgType.BINARY, (message, room.output())
        seen += message.data
    assert re.search(rf"Group {group} .*\b{person}: ", screen), screen
    others = [p for p in PEOPLE if p not in PEOPLE[2 * group - 2 : 2 * group]]
    assert not [p for p in others if re.search(rf"\b{p}\b", screen)], screen
    assert SECRET_SESSION not in screen
    return session, tab


def text_of(stream: bytes) -> str:
    """What the terminal shows, give or take layout: the stream without escape sequences."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", stream.decode("utf-8", "replace"))


async def websocket_status(room: Room, cookie: str | None, query: str = "") -> int:
    headers = {"Cookie": f"convocoach-room={cookie}"} if cookie is not None else {}
    async with aiohttp.ClientSession() as session:
        try:
            url = f"ws://127.0.0.1:{room.port}/ws{query}"
            async with session.ws_connect(url, headers=headers) as tab:
                while (await asyncio.wait_for(tab.receive(), STARTUP_TIMEOUT)).type not in CLOSED:
                    pass
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return int(error.status)


def test_two_participants_join_each_in_their_own_folder(
    tmp_path: Path, workshop: tuple[Path, int]
) -> None:
    data, wid = workshop

    async def scenario(room: Room) -> None:
        ana, ana_tab = await join(room, "Ana", 1)
        cy, cy_tab = await join(room, "Cy", 2)
        try:
            apps = room.command_lines()
            assert len(apps) == 2, apps
            folders = {}
            for argv in apps:
                assert argv[3:6] == ["workshop", "join", str(wid)]
                assert argv[argv.index("--room") + 1] == str(data / "sessions.db")
                person = argv[argv.index("--person") + 1]
                folder = Path(argv[argv.index("--data-dir") + 1])
                assert argv[argv.index("--config-dir") + 1] == str(folder)
                assert folder.parent == data / "rooms" / f"workshop-{wid}"
                assert stat.S_IMODE(folder.stat().st_mode) == 0o700
                folders[person] = folder
            assert sorted(folders) == ["Ana", "Cy"]
            assert folders["Ana"] != folders["Cy"]
            # Each running app has its own folder's database open (and no other's).
            databases = [
                {Path(f) for f in files if f.endswith("sessions.db")} for files in room.open_files()
            ]
            own = {folders["Ana"] / "sessions.db", folders["Cy"] / "sessions.db"}
            assert sorted(len(dbs & own) for dbs in databases) == [1, 1], databases

            cy_token = next(c.value for c in cy.cookie_jar if c.key == "convocoach-room")
            # A crafted tab: no cookie, a made-up one, Cy's altered; no app starts for them.
            assert await websocket_status(room, None) == 403
            assert await websocket_status(room, MADE_UP) == 403
            assert await websocket_status(room, cy_token[:-2] + "xy") == 403
            # Cy's cookie with another name asked for: still Cy's seat, never Ana's.
            form = {"room": room.code, "name": "Ana"}
            url = f"http://127.0.0.1:{room.port}/join"
            async with cy.post(url, data=form, allow_redirects=False) as answer:
                assert answer.status == 409
                assert "ask the facilitator" in await answer.text()
            async with browser() as other, other.post(url, data=form) as answer:
                assert answer.status == 409
            assert len(room.command_lines()) == 2
        finally:
            for session, tab in ((ana, ana_tab), (cy, cy_tab)):
                await tab.close()
                await session.close()

    with served_room(tmp_path, wid) as room:
        asyncio.run(scenario(room))
        output = room.output()
    assert "Traceback" not in output


def test_wrong_codes_and_keys_are_refused_rate_limited_and_never_logged(
    tmp_path: Path, workshop: tuple[Path, int]
) -> None:
    _, wid = workshop
    with served_room(tmp_path, wid) as room:
        url = f"http://127.0.0.1:{room.port}"
        status, body = fetch(url)
        assert status == 403
        assert "link the trainer gave you, or type the room code" in body
        assert fetch(f"{url}/static/js/textual.js")[0] == 200
        assert fetch(f"{url}/facilitator")[0] == 403
        assert fetch(f"{url}/facilitator?key={room.code}")[0] == 403
        for _ in range(3):
            assert fetch(f"{url}/?room={WRONG_CODE}")[0] == 403
        # Five wrong: the sixth try waits, even with the right code.
        status, body = fetch(f"{url}/?room={room.code}")
        assert status == 429
        assert "Too many wrong codes" in body
        assert asyncio.run(websocket_status(room, None)) == 403
        assert room.app_processes() == []
        output = room.output()
    assert output.count(room.code) == 2  # the two lines that print the link
    assert output.count(room.key) == 1
    assert WRONG_CODE not in output
    assert "GET /" not in output


def test_the_facilitators_link_runs_the_trainers_app_on_the_workshop(
    tmp_path: Path, workshop: tuple[Path, int]
) -> None:
    _, wid = workshop

    async def facilitate(room: Room) -> list[list[str]]:
        async with browser() as session:
            url = f"http://127.0.0.1:{room.port}/facilitator?key={room.key}"
            async with session.get(url, allow_redirects=False) as answer:
                assert answer.status == 200
            tab = await session.ws_connect(f"ws://127.0.0.1:{room.port}/ws")
            await asyncio.wait_for(tab.receive(), STARTUP_TIMEOUT)
            apps = room.command_lines()
            await tab.close()
            return apps

    with served_room(tmp_path, wid) as room:
        apps = asyncio.run(facilitate(room))
        os.killpg(room.process.pid, signal.SIGINT)
        assert room.process.wait(timeout=20) == 0
    assert len(apps) == 1
    assert apps[0][-3:] == ["workshop", "facilitate", str(wid)]
    assert "--person" not in apps[0]


def test_a_workshop_that_does_not_exist_is_a_plain_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "convocoach", "serve", "--workshop", "99"],
        capture_output=True,
        text=True,
        timeout=STARTUP_TIMEOUT,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "no workshop with id 99" in result.stderr
    assert "convocoach workshop list" in result.stderr
