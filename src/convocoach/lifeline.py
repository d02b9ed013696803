"""An app started by ``convocoach serve`` ends when the server does, however it ends.

The server puts its process id in the environment of every app it starts. Killed with
``kill -9``, it cannot tell them to quit, and nothing else would: each would go on running
(and holding memory) with no browser left to reach it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time

SERVER_PID = "CONVOCOACH_SERVER_PID"
_PR_SET_PDEATHSIG = 1


def end_with_server() -> None:
    """When started by a server: end this process as soon as that server is gone."""
    wanted = os.environ.pop(SERVER_PID, "")
    if not wanted.isdigit():
        return
    server = int(wanted)
    if not (sys.platform.startswith("linux") and _ask_kernel(signal.SIGTERM)):
        threading.Thread(target=_watch, args=(server,), name="lifeline", daemon=True).start()
    if os.getppid() != server:  # it died before the kernel was asked
        os.kill(os.getpid(), signal.SIGTERM)


def _ask_kernel(sig: signal.Signals) -> bool:
    """Linux sends ``sig`` to this process when its parent exits."""
    with contextlib.suppress(OSError, AttributeError):
        # Lazy: ctypes only in an app that "convocoach serve" started, not on every app start
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)) == 0
    return False


def _watch(server: int) -> None:
    while os.getppid() == server:
        time.sleep(1.0)
    os.kill(os.getpid(), signal.SIGTERM)
