"""The warm start: a zygote forks programs for launchers that pass it their pipes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from convocoach.warmstart import protocol

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the warm start is for Linux"
)

SRC = Path(__file__).resolve().parents[2] / "src"

TARGET = """
import json, os, random, sys, time
what = sys.argv[1]
if what == "report":
    fds = sorted(int(fd) for fd in os.listdir("/proc/self/fd"))
    print(json.dumps({
        "argv": sys.argv[1:], "cwd": os.getcwd(), "ppid": os.getppid(),
        "word": os.environ.get("WARM_WORD"), "fds": fds[:-1],  # the last one is listdir's
        "leader": os.getsid(0) == os.getpid(), "random": random.random(),
    }))
    sys.stderr.write("and to stderr\\n")
    sys.exit(int(sys.argv[2]))
if what == "crash":
    os.abort()
if what == "wait":
    print(os.getpid(), flush=True)
    time.sleep(60)
"""


class Zygote:
    def __init__(self, process: subprocess.Popen[bytes], address: Path, env: dict[str, str]):
        self.process = process
        self.socket = address
        self.env = env

    def launch(
        self, *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
    ) -> subprocess.Popen[str]:
        """A launcher asking for ``python -m warm_target ARGS``."""
        launcher = [sys.executable, "-m", "convocoach.warmstart.launcher", str(self.socket)]
        return subprocess.Popen(
            [*launcher, sys.executable, "-m", "warm_target", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            cwd=cwd,
            env={**self.env, **(env or {})},
        )

    def report(
        self, *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
    ) -> tuple[int, dict[str, object], str]:
        launcher = self.launch("report", *args, cwd=cwd, env=env)
        out, err = launcher.communicate(timeout=30)
        return launcher.returncode, json.loads(out), err


@pytest.fixture
def zygote(tmp_path: Path) -> Iterator[Zygote]:
    (tmp_path / "targets").mkdir()
    (tmp_path / "targets" / "warm_target.py").write_text(TARGET, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{tmp_path / 'targets'}"}
    folder = tmp_path / "private"
    folder.mkdir(mode=0o700)
    address = folder / "zygote.sock"
    process = subprocess.Popen(
        [sys.executable, "-m", "convocoach.warmstart.zygote", str(address), "json", "random"],
        env=env,
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while not address.exists():
        assert process.poll() is None, "the zygote ended before listening"
        assert time.monotonic() < deadline, "the zygote did not listen"
        time.sleep(0.02)
    try:
        yield Zygote(process, address, env)
    finally:
        process.terminate()
        process.wait(timeout=10)


def children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def gone(pid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                return True
        except OSError:
            return True
        time.sleep(0.05)
    return False


def test_the_child_runs_with_the_launchers_argv_env_folder_and_pipes(
    zygote: Zygote, tmp_path: Path
) -> None:
    code, seen, err = zygote.report("7", "two words", cwd=tmp_path, env={"WARM_WORD": "hé"})
    assert code == 7
    assert seen["argv"] == ["report", "7", "two words"]
    assert seen["cwd"] == str(tmp_path)
    assert seen["word"] == "hé"
    assert err == "and to stderr\n"
    # Forked by the zygote, in a session of its own, holding nothing of the zygote's.
    assert seen["ppid"] == zygote.process.pid
    assert seen["leader"] is True
    assert seen["fds"] == [0, 1, 2]


def test_each_child_draws_its_own_random_numbers(zygote: Zygote) -> None:
    first = zygote.report("0")[1]["random"]
    second = zygote.report("0")[1]["random"]
    assert first != second


def test_a_crashing_child_is_reported_and_the_zygote_goes_on(zygote: Zygote) -> None:
    crash = zygote.launch("crash")
    crash.communicate(timeout=30)
    assert crash.returncode == -signal.SIGABRT  # as the program itself would have ended
    assert zygote.process.poll() is None
    code, seen, _err = zygote.report("3")
    assert (code, seen["ppid"]) == (3, zygote.process.pid)


def test_signals_to_the_launcher_reach_the_child(zygote: Zygote) -> None:
    launcher = zygote.launch("wait")
    assert launcher.stdout is not None
    child = int(launcher.stdout.readline())
    launcher.send_signal(signal.SIGTERM)
    launcher.communicate(timeout=30)
    assert launcher.returncode == -signal.SIGTERM
    assert gone(child)


def test_a_killed_launcher_takes_its_child_along(zygote: Zygote) -> None:
    launcher = zygote.launch("wait")
    assert launcher.stdout is not None
    child = int(launcher.stdout.readline())
    launcher.kill()
    launcher.communicate(timeout=30)
    assert gone(child)
    assert zygote.process.poll() is None


def test_the_zygote_ends_with_its_children_and_its_socket(zygote: Zygote) -> None:
    launcher = zygote.launch("wait")
    assert launcher.stdout is not None
    child = int(launcher.stdout.readline())
    zygote.process.terminate()
    assert zygote.process.wait(timeout=10) == 0
    assert gone(child)
    launcher.communicate(timeout=30)
    assert not zygote.socket.parent.exists()


def test_without_a_zygote_the_launcher_starts_the_program_cold(zygote: Zygote) -> None:
    zygote.process.terminate()
    zygote.process.wait(timeout=10)
    launcher = zygote.launch("report", "5")
    out, err = launcher.communicate(timeout=30)
    seen = json.loads(out)
    assert launcher.returncode == 5
    assert seen["argv"] == ["report", "5"]
    assert seen["ppid"] == os.getpid()  # the launcher became the program (exec)
    assert err == "and to stderr\n"


def test_an_environment_the_imports_read_differently_starts_cold(zygote: Zygote) -> None:
    code, seen, err = zygote.report("4", env={"TEXTUAL_FPS": "5"})
    assert code == 4
    assert seen["ppid"] == os.getpid()  # started cold, by the launcher itself
    # Why, when the zygote's answer came (on a machine under heavy load it once did not,
    # and the launcher says that instead).
    assert "starting cold, the warm start" in err, err
    assert "TEXTUAL_FPS differs" in err or "gave no answer" in err, err


def test_a_request_that_is_not_python_m_is_refused(zygote: Zygote, tmp_path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as connection:
        connection.connect(str(zygote.socket))
        request = protocol.Request(["/bin/sh", "-c", "true"], {}, str(tmp_path))
        protocol.send_request(connection, request, [0, 1, 2])
        reply = protocol.receive_reply(connection)
    assert reply is not None
    assert reply[0] == "refused"
    assert zygote.process.poll() is None


def test_the_launcher_imports_almost_nothing() -> None:
    code = "import sys; import convocoach.warmstart.launcher; print(sorted(sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    for heavy in ("'typing'", "'textual", "'json'", "'re'", "'convocoach.cli"):
        assert heavy not in loaded
