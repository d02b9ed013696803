"""``convocoach serve`` that cannot listen says why: each cause its own message and fix."""

from __future__ import annotations

import errno
import socket
import subprocess
import sys

import pytest

from convocoach.cli.serve_cmd import bind_failure

WRONG_FIX = "stop the program using it"


def serve(*options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "convocoach", "serve", *options],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_port_in_use_says_so() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = serve("--port", str(port))
    assert result.returncode == 2, result.stderr
    assert f"cannot listen on 127.0.0.1:{port}: the port is already in use" in result.stderr
    assert "fix: choose another port with --port, or stop the program using it" in result.stderr
    assert "error while attempting to bind" not in result.stderr
    assert "Traceback" not in result.stderr


def test_an_address_of_no_interface_here_says_so() -> None:
    result = serve("--host", "192.0.2.1", "--port", "8123")
    assert result.returncode == 2, result.stderr
    assert "cannot listen on 192.0.2.1: it is not an address of this machine" in result.stderr
    assert WRONG_FIX not in result.stderr


@pytest.mark.parametrize(
    ("error", "says", "fix"),
    [
        (OSError(errno.EADDRINUSE, "in use"), "the port is already in use", "choose another port"),
        (OSError(errno.EADDRNOTAVAIL, "x"), "not an address of this machine", "leave --host out"),
        (socket.gaierror(-2, "Name or service not known"), "not an address of this", "0.0.0.0"),
        (OSError(errno.EACCES, "x"), "ports below 1024 need administrator rights", "from 1024"),
        (OSError(errno.EINVAL, "x"), "the system refuses this address", "fe80::1%eth0"),
        (
            OSError(errno.ENOBUFS, "error while attempting to bind on address: no buffer"),
            "cannot listen on h:9: no buffer",
            "check --host and --port",
        ),
    ],
)
def test_each_cause_has_its_own_message(error: OSError, says: str, fix: str) -> None:
    message, hint = bind_failure("h", 9, error)
    assert says in message
    assert fix in hint
    if error.errno != errno.EADDRINUSE:
        assert WRONG_FIX not in hint
