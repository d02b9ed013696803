"""``python -m convocoach.warmstart.zygote SOCKET MODULE...``: fork programs that start warm.

It imports the MODULEs, freezes the garbage collector so that its children share those
pages instead of copying them, and listens on SOCKET (in a folder only this user can open;
the folder is removed when the zygote ends). For each launcher that connects (see
``launcher``), it forks a child that takes the launcher's stdin, stdout, stderr,
environment, folder and ``python -m MODULE ARGS`` command line and runs the module as
``python -m`` would; the zygote tells the launcher the child's exit status.

It forks from a single thread with no event loop running, before any database is opened:
what a child inherits is imported code and nothing else. A child that crashes is only
itself; a launcher that goes away takes its child with it; the zygote ends with the server
that started it (``lifeline``), and its children end with it.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import runpy
import selectors
import signal
import socket
import sys
import threading
from pathlib import Path

from convocoach.lifeline import SERVER_PID, end_with_server
from convocoach.warmstart.protocol import ProtocolError, Request, receive_request, send_reply

_READ_AT_IMPORT = ("TEXTUAL", "PYTHON", "LANG", "LC_", "ESCDELAY")
"""Environment variables that modules (Textual's constants, the interpreter) read once when
imported: a child whose values differ would run with the zygote's, so it is refused."""

_STOP = (signal.SIGTERM, signal.SIGHUP)


class _Stop(Exception):
    """SIGTERM or SIGHUP: the server is gone, or asks the zygote to end."""


def main(argv: list[str]) -> int:
    if len(argv) < 1:
        sys.stderr.write(
            "usage: python -m convocoach.warmstart.zygote SOCKET MODULE[:FUNCTION]...\n"
        )
        return 2
    path, modules = Path(argv[0]), argv[1:]
    # Ctrl+C in the server's terminal reaches this process too: the server decides when
    # the apps end, and this process ends with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with_server()
    gc.disable()  # no half-freed pages for the children to copy
    for spec in modules:
        # MODULE:FUNCTION also calls a function of no arguments, whose result is cached (a
        # parsed rubric): the children then share it instead of each building its own.
        module, _, function = spec.partition(":")
        loaded = importlib.import_module(module)
        if function:
            getattr(loaded, function)()
    gc.collect()
    gc.freeze()
    request = Zygote(path).serve()
    # Only a child gets here: run the program as ``python -m`` would.
    module = request.argv[2]
    sys.argv = [request.argv[0], *request.argv[3:]]
    sys.path[0] = os.getcwd()
    gc.enable()
    runpy.run_module(module, run_name="__main__", alter_sys=True)
    return 0


class Zygote:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.pid = os.getpid()
        self.children: dict[int, socket.socket | None] = {}
        self.selector = selectors.DefaultSelector()
        self.wake_read, self.wake_write = os.pipe()
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)

    def serve(self) -> Request:
        """Fork children until told to stop; returns only in a child, with its request."""
        for fd in (self.wake_read, self.wake_write):
            os.set_blocking(fd, False)
        signal.set_wakeup_fd(self.wake_write)
        signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes the selector through the pipe
        for sig in _STOP:
            signal.signal(sig, _stop)
        try:
            self._listen()
            while True:
                for key, _events in self.selector.select():
                    if key.fileobj is self.listener:
                        request = self._accept()
                        if request is not None:
                            return request
                    elif key.fileobj == self.wake_read:
                        self._reap()
                    else:
                        assert isinstance(key.fileobj, socket.socket)
                        self._launcher_gone(key.fileobj)
        except _Stop:
            raise SystemExit(0) from None
        finally:
            if os.getpid() == self.pid:
                self._end()

    def _listen(self) -> None:
        # Bound under another name and renamed once listening, so that a launcher finds
        # either no socket (and starts cold) or one that answers.
        draft = self.path.with_name(f".{self.path.name}.{self.pid}")
        self.listener.bind(str(draft))
        self.listener.listen(64)
        os.replace(draft, self.path)
        self.selector.register(self.listener, selectors.EVENT_READ)
        self.selector.register(self.wake_read, selectors.EVENT_READ)

    def _accept(self) -> Request | None:
        """A child's request (in the child), or None (in the zygote)."""
        try:
            connection, _address = self.listener.accept()
        except OSError:  # out of descriptors, say: that launcher starts cold
            return None
        connection.settimeout(5.0)  # a launcher sends its request at once
        try:
            request, fds = receive_request(connection)
        except (ProtocolError, OSError):
            connection.close()
            return None
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            refusal = self._refusal(request)
            pid = -1 if refusal else os.fork()
        except OSError as exc:  # out of memory or processes
            refusal, pid = f"cannot fork: {exc.strerror or exc}", -1
        if pid == 0:
            self._become_child(connection, request, fds)
            return request
        for fd in fds:
            os.close(fd)
        if refusal:
            with contextlib.suppress(OSError):
                send_reply(connection, "refused", refusal)
            connection.close()
            return None
        self.children[pid] = connection
        try:
            send_reply(connection, "started", str(pid))
        except OSError:
            self._launcher_gone(connection)
            return None
        connection.settimeout(None)
        self.selector.register(connection, selectors.EVENT_READ)
        return None

    def _refusal(self, request: Request) -> str:
        """Why this request cannot be started warm ("" when it can)."""
        if len(request.argv) < 3 or request.argv[1] != "-m":
            return "only 'python -m MODULE ...' can start warm"
        if threading.active_count() > 1:
            return "the zygote has started a thread, and forking it would be unsafe"
        for key in {*request.env, *os.environ}:
            if key.startswith(_READ_AT_IMPORT) and request.env.get(key) != os.environ.get(key):
                return f"{key} differs from the zygote's, and is read when the app is imported"
        return ""

    def _become_child(self, connection: socket.socket, request: Request, fds: list[int]) -> None:
        """In the child: nothing of the zygote's left but its imports."""
        os.setsid()  # signals reach it through its launcher only, never twice
        signal.set_wakeup_fd(-1)
        for sig in (signal.SIGCHLD, *_STOP):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for stdio, fd in enumerate(fds):
            os.dup2(fd, stdio)
            os.close(fd)
        connection.close()
        for other in self.children.values():
            if other is not None:
                other.close()
        self.selector.close()
        self.listener.close()
        os.close(self.wake_read)
        os.close(self.wake_write)
        os.chdir(request.cwd)
        os.environ.clear()
        os.environ.update(request.env)
        # random reseeds itself in a forked child (os.register_at_fork), and secrets reads
        # the system's: no child repeats another's numbers (tests/cli/test_warmstart.py).
        # The child's parent is the zygote, which itself ends with the server.
        os.environ[SERVER_PID] = str(self.pid)
        end_with_server()

    def _reap(self) -> None:
        with contextlib.suppress(BlockingIOError):
            while os.read(self.wake_read, 512):
                pass
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            connection = self.children.pop(pid, None)
            if connection is not None:
                with contextlib.suppress(OSError):
                    send_reply(connection, "exit", str(os.waitstatus_to_exitcode(status)))
                self.selector.unregister(connection)
                connection.close()

    def _launcher_gone(self, connection: socket.socket) -> None:
        """Its launcher was killed: its child goes too, as it would have with a cold start."""
        for pid, held in self.children.items():
            if held is connection:
                self.children[pid] = None
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
        with contextlib.suppress(KeyError, ValueError):
            self.selector.unregister(connection)
        connection.close()

    def _end(self) -> None:
        for pid in self.children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        self.listener.close()
        with contextlib.suppress(OSError):
            self.path.unlink()
        with contextlib.suppress(OSError):
            self.path.parent.rmdir()


def _stop(_signal: int, _frame: object) -> None:
    raise _Stop


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
