"""A room joining ``convocoach serve``: time until each home screen is drawn, and memory.

    python benchmarks/bench_room.py [--participants 12 30] [--cold | --warm] [--interval 1]
                                    [--workshop] [--check]

For each room size N, ``convocoach serve`` runs on a free loopback port with throwaway
config, data and cache folders (a ``settings.yaml`` with a sender name, so no welcome
screen), and N participants join over websockets as the page does
(``/ws?width=100&height=30``), one a second (``--interval 0``: all at once). Each measures
the time from opening its websocket until the terminal output it received, escape sequences
removed, contains every marker string (the title, the library tab and the footer's F1
Help, drawn last); the table gives the median (p50) and the 95th percentile (p95, nearest
rank) over the room.

Once everyone is in and the room has been quiet for SETTLE seconds, the room's memory is
read from ``/proc/PID/smaps_rollup``: USS (Private_Clean + Private_Dirty: what this process
alone holds) and PSS (each shared page divided among the processes that share it) of every
participant's app process, of the launcher each tab's app is started by (warm start), and of
the warm start's zygote. RSS would count the pages they share once in every process.

With ``--workshop``, the room is a workshop of N named participants in pairs, served with
``serve --workshop ID``: each participant joins as a browser does (the link with the room
code, the join form with their name, the app page, then the websocket with the seat's
cookie) and the time runs from the first request until their own group's round is drawn
(markers: "round 1 of" and "Group"), in their own app with their own folder.

Each size runs twice: started cold (``CONVOCOACH_WARM_START=0``, every tab imports the app,
the baseline) and warm (the default: forked from the zygote). ``--cold`` or ``--warm`` runs
only one of them. Goals, on the warm start, for 30 participants joining at one a second on
a 2-core machine: p95 <= 3 s until the home screen is drawn, and USS <= 30 MB per
participant (their app and its launcher).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import program_env
from _pty import strip_escapes
from convocoach.sessions.store import SessionStore
from convocoach.workshop.plan import make_plan
from convocoach.workshop.store import WorkshopLog

MARKERS = ("convocoach", "Playbooks", "Help")
ROUND_MARKERS = ("round 1 of", "Group", "Help")
"""A participant's first screen in a workshop: their group's round."""
JOIN_INTERVAL = 1.0  # seconds between two participants joining (--interval)
SETTLE = 3.0  # seconds of quiet before memory is read
TIMEOUT = 120.0  # seconds for any one home screen
GOAL_P95 = 3.0  # seconds, warm start, 30 participants
GOAL_USS_MB = 30.0  # per participant, warm start
MB = 1024 * 1024


@dataclass(frozen=True)
class Memory:
    uss: int
    pss: int

    def __add__(self, other: Memory) -> Memory:
        return Memory(self.uss + other.uss, self.pss + other.pss)


@dataclass(frozen=True)
class Room:
    mode: str
    participants: int
    interval: float
    joins: list[float]
    apps: list[Memory]
    launchers: list[Memory]
    zygote: Memory | None

    def percentile(self, p: float) -> float:
        ordered = sorted(self.joins)
        return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]

    def per_participant(self) -> Memory:
        total = sum(self.apps + self.launchers, Memory(0, 0))
        return Memory(total.uss // self.participants, total.pss // self.participants)

    def total(self) -> Memory:
        return sum(self.apps + self.launchers, self.zygote or Memory(0, 0))


def memory(pid: int) -> Memory:
    fields: dict[str, int] = {}
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
        for line in rollup:
            name, _, rest = line.partition(":")
            if rest.strip().endswith("kB"):
                fields[name] = int(rest.split()[0]) * 1024
    return Memory(fields["Private_Clean"] + fields["Private_Dirty"], fields["Pss"])


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


def is_zygote(pid: int) -> bool:
    return b"convocoach.warmstart.zygote" in Path(f"/proc/{pid}/cmdline").read_bytes()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def join(url: str, times: list[float]) -> None:
    """Adds the seconds from opening the websocket until the home screen is drawn."""
    async with aiohttp.ClientSession() as session:
        start = time.perf_counter()
        await stay(await session.ws_connect(url), MARKERS, start, times)


async def stay(
    tab: aiohttp.ClientWebSocketResponse[bool],
    markers: tuple[str, ...],
    start: float,
    times: list[float],
) -> None:
    """Adds the seconds since ``start`` once every marker is drawn, then stays in the room."""
    seen = b""
    while not all(marker in strip_escapes(seen) for marker in markers):
        message = await asyncio.wait_for(tab.receive(), TIMEOUT)
        if message.type != aiohttp.WSMsgType.BINARY:
            raise RuntimeError(f"the tab ended before its first screen: {message}")
        seen += message.data
    times.append(time.perf_counter() - start)
    # Stay in the room until the memory has been read, reading on: the client answers
    # the server's heartbeat only while it reads, and the server closes a silent tab.
    while (await tab.receive()).type == aiohttp.WSMsgType.BINARY:
        pass
    raise RuntimeError("a tab ended while the room was measured")


async def join_room(port: int, code: str, person: str, times: list[float]) -> None:
    """As :func:`join`, through the workshop's door: the link, the form, then the tab."""
    base = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        start = time.perf_counter()
        async with session.get(f"{base}/?room={code}") as page:
            await page.read()
        form = {"room": code, "name": person}
        async with session.post(f"{base}/join", data=form, allow_redirects=False) as answer:
            if answer.status != 303:
                raise RuntimeError(f"{person} was not let in: {answer.status}")
        async with session.get(base) as page:
            await page.read()
        tab = await session.ws_connect(f"ws://127.0.0.1:{port}/ws?width=100&height=30")
        await stay(tab, ROUND_MARKERS, start, times)


async def fill(
    port: int, participants: int, interval: float, code: str = ""
) -> tuple[list[float], list[asyncio.Task[None]]]:
    """Participants join ``interval`` apart (through the workshop's door when there is a
    room ``code``); returns once every first screen is drawn."""
    url = f"ws://127.0.0.1:{port}/ws?width=100&height=30"
    tabs: list[asyncio.Task[None]] = []
    times: list[float] = []
    for n in range(participants):
        tabs.append(
            asyncio.create_task(
                join_room(port, code, person(n), times) if code else join(url, times)
            )
        )
        await asyncio.sleep(interval)
    deadline = time.monotonic() + TIMEOUT
    while len(times) < participants:
        for tab in tabs:
            if tab.done():
                tab.result()  # raises what went wrong
        if time.monotonic() > deadline:
            raise RuntimeError(f"{participants - len(times)} home screens never came")
        await asyncio.sleep(0.1)
    await asyncio.sleep(SETTLE)
    return times, tabs


def person(n: int) -> str:
    return f"Participant {n + 1:02d}"


def workshop_of(home: Path, participants: int) -> int:
    """A workshop of ``participants`` named people in pairs, in the throwaway data folder."""
    people = [person(n) for n in range(participants)]
    with SessionStore.open(home / "data" / "sessions.db") as store:
        plan = make_plan("Bench room", ["project-delays"], 3, 10, "pairs", people)
        return WorkshopLog(store).create(plan)


def room_code(server: subprocess.Popen[bytes]) -> str:
    """The room code ``serve --workshop`` prints in the participants' link."""
    assert server.stdout is not None
    for raw in server.stdout:
        if found := re.search(r"\?room=(\S+)", raw.decode(errors="replace")):
            return found.group(1)
    raise RuntimeError("serve --workshop printed no room code")


def run_room(participants: int, cold: bool, interval: float, workshop: bool = False) -> Room:
    with tempfile.TemporaryDirectory(prefix="bench-room-") as folder:
        home = Path(folder)
        env = program_env(home)
        (home / "config").mkdir()
        (home / "config" / "settings.yaml").write_text("name: Bench\n", encoding="utf-8")
        if cold:
            env["CONVOCOACH_WARM_START"] = "0"
        port = free_port()
        room = ["--workshop", str(workshop_of(home, participants))] if workshop else []
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "convocoach",
                "serve",
                "--port",
                str(port),
                "--max-participants",
                str(participants + 1),
                *room,
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE if workshop else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            code = room_code(server) if workshop else ""
            wait_for(port, server, code)
            return asyncio.run(measure(server.pid, port, participants, cold, interval, code))
        finally:
            server.terminate()
            _out, err = server.communicate(timeout=30)
            if server.returncode not in (0, -15):
                print(err.decode(errors="replace"), file=sys.stderr)


async def measure(
    server: int, port: int, participants: int, cold: bool, interval: float, code: str = ""
) -> Room:
    times, tabs = await fill(port, participants, interval, code)
    spawned = children(server)
    zygotes = [pid for pid in spawned if is_zygote(pid)]
    if cold:
        apps, launchers = spawned, []
    else:
        apps = children(zygotes[0]) if zygotes else []
        launchers = [pid for pid in spawned if pid not in zygotes]
    room = Room(
        "cold" if cold else "warm",
        participants,
        interval,
        times,
        [memory(pid) for pid in apps],
        [memory(pid) for pid in launchers],
        memory(zygotes[0]) if zygotes else None,
    )
    if len(apps) != participants:
        raise RuntimeError(
            f"{room.mode}: {len(apps)} app processes for {participants} participants"
            f" ({len(launchers)} launchers)"
        )
    for tab in tabs:
        tab.cancel()
    await asyncio.gather(*tabs, return_exceptions=True)
    return room


def wait_for(port: int, server: subprocess.Popen[bytes], code: str = "") -> None:
    """Until the first page answers (a workshop's: with its room code)."""
    deadline = time.monotonic() + 60
    page_url = f"http://127.0.0.1:{port}/" + (f"?room={code}" if code else "")
    while True:
        if server.poll() is not None:
            raise RuntimeError(f"serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(page_url, timeout=5) as page:
                if page.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("serve did not answer in 60 s")
        time.sleep(0.1)


def mb(value: int) -> str:
    return f"{value / MB:8.1f}"


def report(rooms: list[Room]) -> bool:
    print(
        f"{'room':14} {'p50':>7} {'p95':>7} {'max':>7}   MB per participant (USS  PSS)"
        "   app USS  launcher USS   zygote (USS  PSS)   room PSS"
    )
    for room in rooms:
        each = room.per_participant()
        app_uss = statistics.median(m.uss for m in room.apps)
        launcher = statistics.median(m.uss for m in room.launchers) if room.launchers else 0
        zygote = room.zygote
        print(
            f"{room.participants:3} {room.mode:10} {room.percentile(50):6.2f}s "
            f"{room.percentile(95):6.2f}s {max(room.joins):6.2f}s   "
            f"{mb(each.uss)} {mb(each.pss)}      {mb(int(app_uss))}  {mb(int(launcher))}    "
            + (f"{mb(zygote.uss)} {mb(zygote.pss)}" if zygote else f"{'-':>8} {'-':>8}")
            + f"   {mb(room.total().pss)}"
        )
    by_key = {(room.mode, room.participants): room for room in rooms}
    for size in sorted({room.participants for room in rooms}):
        cold, warm = by_key.get(("cold", size)), by_key.get(("warm", size))
        if cold and warm:
            speed = warm.percentile(95) / cold.percentile(95)
            space = warm.per_participant().uss / cold.per_participant().uss
            print(
                f"{size} joining, warm vs cold: p95 {speed:.2f}x, USS per participant {space:.2f}x"
            )
    ok = True
    for room in rooms:
        if room.mode != "warm":
            continue
        p95, uss = room.percentile(95), room.per_participant().uss / MB
        goals = [(f"p95 {p95:.2f} s <= {GOAL_P95:.0f} s", p95 <= GOAL_P95)]
        goals.append(
            (f"USS {uss:.1f} MB <= {GOAL_USS_MB:.0f} MB per participant", uss <= GOAL_USS_MB)
        )
        for text, met in goals:
            # The p95 goal is stated for 30 joining one a second; other rooms are reported.
            stated = room.participants >= 30 and room.interval >= JOIN_INTERVAL
            binding = stated or not text.startswith("p95")
            mark = "ok" if met else ("MISSED" if binding else "(reported)")
            ok = ok and (met or not binding)
            print(f"goal, {room.participants} warm: {text:45} {mark}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--participants", type=int, nargs="+", default=[12, 30], help="room sizes (12 30)"
    )
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--cold", action="store_true", help="only the cold start (baseline)")
    modes.add_argument("--warm", action="store_true", help="only the warm start")
    parser.add_argument(
        "--interval",
        type=float,
        default=JOIN_INTERVAL,
        help="seconds between two participants joining (default 1; 0: all at once)",
    )
    parser.add_argument(
        "--workshop",
        action="store_true",
        help="a served workshop: each participant joins with the room code and their name",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if a goal is missed")
    args = parser.parse_args()
    if not sys.platform.startswith("linux"):
        parser.error("reads /proc: Linux only")
    if args.interval < 0:
        parser.error("--interval must be 0 or more")
    if any(size < 1 for size in args.participants):
        parser.error("--participants must be 1 or more")
    rooms = []
    for size in args.participants:
        for cold in (True, False):
            if (cold and args.warm) or (not cold and args.cold):
                continue
            rooms.append(run_room(size, cold, args.interval, args.workshop))
    ok = report(rooms)
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
