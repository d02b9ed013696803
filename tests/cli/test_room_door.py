"""The door of a served workshop: codes, the wait after wrong ones, seats and their cookies,
each participant's own folder and command; then the web side, in process, with a stand-in
for the apps."""

from __future__ import annotations

import asyncio
import hmac
import shlex
import stat
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from convocoach.cli import room_door
from convocoach.cli.room_door import (
    CODE_ALPHABET,
    Door,
    Limiter,
    NotOnList,
    Pass,
    SeatTaken,
    client_of,
    facilitator_key,
    participant_folder,
    participant_key,
    room_code,
)
from convocoach.cli.room_pages import join_page
from convocoach.cli.serve_cmd import shell_command
from convocoach.cli.serve_workshop import participant_argv

ROSTER = ("Ana", "Ben", "Cy", "Zoë")


def test_a_room_code_is_readable_and_holds_40_bits() -> None:
    codes = {room_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == 9
        assert code[4] == "-"
        assert set(code.replace("-", "")) <= set(CODE_ALPHABET)
    assert not set("0O1I") & set(CODE_ALPHABET)
    assert len(CODE_ALPHABET) ** room_door.CODE_LENGTH >= 2**40


def test_the_facilitators_key_holds_at_least_128_bits() -> None:
    key = facilitator_key()
    assert len(key) * 6 >= 128  # URL-safe base64: 6 bits a character
    assert key != facilitator_key()


def test_codes_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    door = Door(1, ROSTER)
    compared: list[tuple[bytes, bytes]] = []
    constant_time = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return constant_time(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert door.right_code(door.code.lower().replace("-", " "))
    assert door.right_code(door.code.replace("-", ""))
    assert door.right_key(door.key)
    assert not door.right_key(door.key.upper() + "x")
    assert len(compared) == 4
    assert not door.right_code(None)
    assert not door.right_code("A" * 10_000)  # not even compared
    assert not door.right_key(door.code)
    assert not door.right_code(door.key)


def test_five_wrong_codes_are_free_then_each_waits_twice_as_long() -> None:
    now = [1000.0]
    limiter = Limiter(clock=lambda: now[0], first_wait=2.0, longest=60.0)
    for _ in range(4):
        limiter.failed("10.0.0.7")
        assert limiter.wait("10.0.0.7") == 0
    waits = []
    for _ in range(6):
        limiter.failed("10.0.0.7")
        waits.append(limiter.wait("10.0.0.7"))
        now[0] += waits[-1]
    assert waits == [2.0, 4.0, 8.0, 16.0, 32.0, 60.0]
    assert limiter.wait("10.0.0.8") == 0  # another machine is not held back
    limiter.succeeded("10.0.0.7")
    assert limiter.wait("10.0.0.7") == 0


def test_the_failures_remembered_are_bounded() -> None:
    limiter = Limiter(capacity=3)
    for n in range(10):
        for _ in range(6):
            limiter.failed(f"10.0.0.{n}")
    assert [limiter.wait(f"10.0.0.{n}") > 0 for n in (0, 6, 7, 8, 9)] == [
        False,
        False,
        True,
        True,
        True,
    ]


def test_an_ipv6_machine_counts_as_its_whole_network() -> None:
    assert client_of("2001:db8::1") == client_of("2001:db8::ffff:2") == "2001:db8::/64"
    assert client_of("2001:db8:0:1::1") != client_of("2001:db8::1")
    assert client_of("192.168.1.20") == "192.168.1.20"
    assert client_of(None) == ""


def test_a_seat_is_kept_by_its_browser_and_refused_to_another() -> None:
    door = Door(3, ROSTER)
    ana = door.seat("  ana ", None)
    assert door.pass_for(ana) == Pass("participant", "Ana")
    assert door.seat("Ana", ana) == ana  # a reload, another tab, Restart
    with pytest.raises(SeatTaken, match="Ana"):
        door.seat("ANA", None)
    ben = door.seat("Ben", None)
    with pytest.raises(SeatTaken):
        door.seat("Ana", ben)  # Ben's cookie does not open Ana's seat
    with pytest.raises(NotOnList):
        door.seat("Zed", None)
    assert door.seated() == ["Ana", "Ben"]


def test_a_browser_may_swap_its_seat_for_a_free_one() -> None:
    door = Door(3, ROSTER)
    first = door.seat("Ana", None)
    cy = door.seat("Cy", first)
    assert door.pass_for(first) is None
    assert door.seated() == ["Cy"]
    assert door.seat("Ana", None)  # free again
    boss = door.facilitate(cy)  # the facilitator's link gives up the seat it held
    assert door.pass_for(boss) == Pass("facilitator")
    assert door.seated() == ["Ana"]


def test_made_up_tokens_open_nothing_and_tokens_are_kept_hashed() -> None:
    door = Door(3, ROSTER)
    token = door.seat("Cy", None)
    for made_up in ("", "x", token[:-1], token + "x", "A" * 5000, door.code, door.key):
        assert door.pass_for(made_up) is None
    assert token not in repr(vars(door))


def test_each_name_gets_its_own_safe_folder_name() -> None:
    names = ["Zoë", "Zoe", "Ana", "ana", "../../etc", "/", "", "a" * 300, "李雷", "x\x00y"]
    keys = [participant_key(name) for name in names]
    assert len(set(keys)) == len(keys)
    for key in keys:
        assert all(c.isascii() and (c.isalnum() or c == "-") for c in key), key
        assert 9 < len(key) <= 33
    assert participant_key("Zoë").startswith("zoe-")


def test_a_participants_folder_is_private_and_inside_the_room(tmp_path: Path) -> None:
    folder = participant_folder(tmp_path, 4, "../../Ana")
    assert folder.parent == tmp_path / "rooms" / "workshop-4"
    for made in (folder, folder.parent, folder.parent.parent):
        assert stat.S_IMODE(made.stat().st_mode) == 0o700
    assert participant_folder(tmp_path, 4, "../../Ana") == folder
    planted = tmp_path / "rooms" / "workshop-4" / participant_key("Ben")
    planted.symlink_to(tmp_path)
    with pytest.raises(OSError, match="not a folder of this room"):
        participant_folder(tmp_path, 4, "Ben")


def test_a_participants_command_passes_their_name_as_one_word(tmp_path: Path) -> None:
    name = "Ana'; rm -rf ~ #"
    argv = participant_argv(tmp_path / "sessions.db", 5, name, tmp_path / "ana")
    assert argv == [
        sys.executable,
        "-m",
        "convocoach",
        "workshop",
        "join",
        "5",
        "--room",
        str(tmp_path / "sessions.db"),
        "--person",
        name,
        "--data-dir",
        str(tmp_path / "ana"),
        "--config-dir",
        str(tmp_path / "ana"),
    ]
    command = shell_command(argv)
    assert command.startswith("exec ")
    assert shlex.split(command)[1:] == argv


def test_the_join_page_escapes_every_name() -> None:
    page = join_page('<b>"Q4"</b>', ["<script>x()</script>", 'A"B'], "K7M2-QX9P", "<i>no</i>")
    assert "<script>x()" not in page
    assert "<b>" not in page
    assert "<i>" not in page
    assert "&lt;script&gt;" in page
    assert 'value="A&quot;B"' in page
    assert "http" not in page  # nothing fetched from elsewhere


# The web side, in process: a Room with the door in front, apps never started.

aiohttp = pytest.importorskip("aiohttp")
test_utils = pytest.importorskip("aiohttp.test_utils")


def with_room(check: Callable[[Any, Door, list[Pass]], Awaitable[None]]) -> None:
    from convocoach.cli.room_gate import Gate
    from convocoach.cli.serve_room import Room

    door = Door(7, ROSTER)
    started: list[Pass] = []

    def command_for(passed: Pass) -> str:
        started.append(passed)
        # An app that ends at once, once the tab is surely listening (one that ended before
        # would leave the tab to aiohttp's 10 s closing timeout).
        return "exec sleep 0.5"

    gate = Gate(door, "Q4 room", command_for)
    room = Room("exec false", "127.0.0.1", 0, None, 8, gate)

    async def run() -> None:
        async with test_utils.TestClient(test_utils.TestServer(room.web_app())) as client:
            await check(client, door, started)

    asyncio.run(run())


async def run_tab(client: Any) -> None:
    """Open a tab, and wait for its (stand-in) app to end and the tab to be closed."""
    closed = (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    async with client.ws_connect("/ws") as tab:
        while (await asyncio.wait_for(tab.receive(), 20)).type not in closed:
            pass
    await asyncio.sleep(0.2)  # the app process's pipes, closed after the tab


async def status(client: Any, path: str, **options: Any) -> int:
    async with client.get(path, allow_redirects=False, **options) as response:
        await response.read()
        return int(response.status)


def test_nothing_but_static_files_without_a_code_or_a_cookie() -> None:
    async def check(client: Any, door: Door, started: list[Pass]) -> None:
        assert await status(client, "/") == 403
        assert await status(client, "/ws") == 403
        assert await status(client, "/download/abc") == 403
        assert await status(client, "/facilitator") == 403
        assert await status(client, "/static/js/textual.js") == 200
        async with client.get("/") as response:
            assert "link the trainer gave you, or type the room code" in await response.text()
        assert started == []

    with_room(check)


def test_joining_gives_a_cookie_for_the_seat_and_its_app() -> None:
    async def check(client: Any, door: Door, started: list[Pass]) -> None:
        async with client.get(f"/?room={door.code}") as response:
            page = await response.text()
            assert response.status == 200
            assert "Zoë" in page
            assert door.code in page
            assert response.headers["Referrer-Policy"] == "no-referrer"
        form = {"room": door.code.lower(), "name": "cy"}
        async with client.post("/join", data=form, allow_redirects=False) as response:
            assert response.status == 303
            assert response.headers["Location"] == "/"
            cookie = response.headers["Set-Cookie"]
        assert "HttpOnly" in cookie
        assert "SameSite=Strict" in cookie
        assert "Path=/" in cookie
        assert await status(client, "/") == 200
        await run_tab(client)
        assert started == [Pass("participant", "Cy")]

    with_room(check)


def test_a_name_held_by_another_browser_is_refused() -> None:
    async def check(client: Any, door: Door, started: list[Pass]) -> None:
        door.seat("Ana", None)
        form = {"room": door.code, "typed": "Ana"}
        async with client.post("/join", data=form) as response:
            assert response.status == 409
            assert "ask the facilitator" in await response.text()
        async with client.post("/join", data={"room": door.code, "name": "Zed"}) as response:
            assert response.status == 403
            assert "Zed is not on the list" in await response.text()

    with_room(check)


def test_wrong_codes_are_refused_then_answered_too_many() -> None:
    async def check(client: Any, door: Door, started: list[Pass]) -> None:
        for _ in range(5):
            assert await status(client, "/?room=WRNG-CODE") == 403
        async with client.get(f"/?room={door.code}") as response:
            assert response.status == 429  # even the right code, for a while
            assert int(response.headers["Retry-After"]) >= 1
        assert await status(client, f"/facilitator?key={door.key}") == 429
        form = {"room": door.code, "name": "Ana"}
        async with client.post("/join", data=form, allow_redirects=False) as response:
            assert response.status == 429
        assert door.seated() == []

    with_room(check)


def test_the_facilitators_link_opens_the_facilitators_app() -> None:
    async def check(client: Any, door: Door, started: list[Pass]) -> None:
        assert await status(client, "/facilitator?key=" + door.code) == 403
        async with client.get(f"/facilitator?key={door.key}", allow_redirects=False) as response:
            assert response.status == 200
            assert "HttpOnly" in response.headers["Set-Cookie"]
            assert 'http-equiv=refresh content="0; url=/"' in await response.text()
        await run_tab(client)
        assert started == [Pass("facilitator")]

    with_room(check)


def test_exposing_a_workshop_says_what_a_participant_sees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from convocoach.cli import main, serve_cmd
    from convocoach.lifeline import SERVER_PID
    from convocoach.sessions.store import SessionStore
    from convocoach.workshop.plan import make_plan
    from convocoach.workshop.store import WorkshopLog

    data = tmp_path / "coach data"
    data.mkdir()
    with SessionStore.open(data / "sessions.db") as store:
        plan = make_plan("Q4 room", ["project-delays"], 2, 10, "pairs", ROSTER)
        wid = WorkshopLog(store).create(plan)

    class Idle:
        def serve(self) -> None:
            pass

    rooms: list[object] = []

    def make_server(command: str, *rest: object) -> Idle:
        rooms.append(rest[-1])
        return Idle()

    monkeypatch.setattr(serve_cmd, "make_server", make_server)
    monkeypatch.setenv(SERVER_PID, "")
    args = ["serve", "--host", "0.0.0.0", "--data-dir", str(data), "--workshop", str(wid)]
    assert main(args) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "Nothing is served without the room code or the facilitator's link" in err
    assert "A participant sees their own sessions, profile and rehearsals" in err
    assert str(data / "rooms" / f"workshop-{wid}") in err
    assert "their own group's round of the workshop" in err
    assert "cannot see other participants' data, nor your sessions" in err
    assert "Do not share it" in err
    assert "no login" not in err
    assert rooms[0] is not None


def test_the_facilitator_frees_a_seat_and_nobody_else_can() -> None:
    async def check(client: Any, door: Door, started: list[Pass]) -> None:
        held = door.seat("Ana", None)
        # A participant (here, the client holding Ben's seat) may not free Ana's.
        client.session.cookie_jar.update_cookies({"convocoach-room": door.seat("Ben", None)})
        assert await status(client, "/seats") == 403
        async with client.post("/seats", data={"name": "Ana"}) as response:
            assert response.status == 403
        assert door.seated() == ["Ana", "Ben"]
        assert await status(client, f"/facilitator?key={door.key}") == 200
        async with client.get("/seats") as response:
            page = await response.text()
        assert "Free Ana's seat" in page
        assert door.seated() == ["Ana"]  # the link took the facilitator's seat as Ben back
        async with client.post("/seats", data={"name": "ana"}, allow_redirects=False) as response:
            assert response.status == 303
        assert door.seated() == []
        assert door.pass_for(held) is None
        assert door.seat("Ana", None)

    with_room(check)
