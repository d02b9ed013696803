"""``python -m convocoach.warmstart.launcher SOCKET PROGRAM ARGS...``: run PROGRAM ARGS warm.

The program (``python -m MODULE ARGS``) is started by the zygote listening on SOCKET, as a
fork of a process that has already imported it, with this process's stdin, stdout, stderr,
environment and working folder. This process stays as its stand-in: signals it gets are
passed on, and it exits as the program does. When no zygote answers (none started, it has
ended, or it refuses), the program is started here, cold, as if this launcher were not
there. Its imports are kept to a few small modules: it runs before every app start.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys

from convocoach.warmstart.protocol import STDIO, Request, receive_reply, send_request

TYPE_CHECKING = False  # typing itself would double this module's start-up time
if TYPE_CHECKING:
    from typing import NoReturn

_PASSED_ON = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


def main(argv: list[str]) -> NoReturn:
    if len(argv) < 2:
        sys.stderr.write("usage: python -m convocoach.warmstart.launcher SOCKET PROGRAM ARGS...\n")
        raise SystemExit(2)
    path, program = argv[0], argv[1:]
    zygote = _connect(path)
    if zygote is not None:
        child = _start(zygote, program)
        if child is not None:
            _stand_in(zygote, child)
    os.execv(program[0], program)


def _connect(path: str) -> socket.socket | None:
    if not hasattr(socket, "AF_UNIX"):
        return None
    zygote = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        zygote.connect(path)
    except OSError:
        zygote.close()
        return None
    return zygote


def _start(zygote: socket.socket, program: list[str]) -> int | None:
    """The process id of the program the zygote started, or None if it did not."""
    request = Request(program, dict(os.environ), os.getcwd())
    try:
        send_request(zygote, request, list(range(STDIO)))
        reply = receive_reply(zygote)
    except OSError:
        reply = None
    if reply is not None and reply[0] == "started" and reply[1].isdigit():
        return int(reply[1])
    why = (
        "refused: " + reply[1] if reply is not None and reply[0] == "refused" else "gave no answer"
    )
    sys.stderr.write(f"convocoach: starting cold, the warm start {why}\n")
    sys.stderr.flush()  # before the exec that replaces this process
    zygote.close()
    return None


def _stand_in(zygote: socket.socket, child: int) -> NoReturn:
    """Pass signals on to the child until it ends, then end as it did."""
    for sig in _PASSED_ON:
        signal.signal(sig, lambda number, _frame: _pass_on(child, number))
    # The child holds the pipes now: let go of them, so that whoever reads its output
    # sees it end when the child does, not when this process does.
    nothing = os.open(os.devnull, os.O_RDWR)
    for fd in range(STDIO):
        os.dup2(nothing, fd)
    os.close(nothing)
    while (reply := receive_reply(zygote)) is not None and reply[0] != "exit":
        pass
    # The zygote went away without saying (it was killed): its children end with it.
    code = int(reply[1]) if reply is not None and reply[1].lstrip("-").isdigit() else 1
    if code < 0:  # killed by a signal: be killed by the same one, as a shell would report
        signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
        code = 128 - code
    os._exit(code)


def _pass_on(child: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(child, sig)


if __name__ == "__main__":
    main(sys.argv[1:])
