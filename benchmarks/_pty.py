"""Run a program in a pseudo-terminal and read what it draws, with a timeout on every read.

Only the standard library: a child on a fresh pty (its own session, the pty as its
controlling terminal, the window size set before it starts), and a reader that strips
escape sequences so a test can look for the words on screen.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Iterable, Mapping, Sequence
from types import TracebackType

# Escape sequences: OSC (ends at BEL or ST), DCS/SOS/PM/APC strings, CSI, and the
# two- or three-byte ESC sequences (charset selection, keypad modes, save/restore cursor).
_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_].*?(?:\x1b\\|$)"
    r"|\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[ -/]*[0-~]"
    r"|\x1b$",
    re.DOTALL,
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def strip_escapes(data: bytes) -> str:
    """The printable text in terminal output: escape sequences and control bytes removed."""
    text = data.decode("utf-8", errors="replace")
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


class PtyTimeout(RuntimeError):
    """Nothing matching arrived in time; the message ends with what was seen."""


class PtyProcess:
    """A child process whose stdin, stdout and stderr are the slave side of a new pty."""

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        *,
        columns: int = 100,
        rows: int = 30,
        cwd: str | None = None,
    ) -> None:
        self.argv = list(argv)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        full_env = dict(env, TERM="xterm-256color", COLUMNS=str(columns), LINES=str(rows))
        self.started = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # the child: nothing here may return to the caller
            try:
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                if cwd is not None:
                    os.chdir(cwd)
                os.execve(self.argv[0], self.argv, full_env)
            finally:
                os._exit(127)
        os.close(slave)
        self.pid = pid
        self.fd = master
        self.output = bytearray()  # everything read so far
        self.eof = False
        self.max_rss_kib: int | None = None
        self.status: int | None = None  # as os.waitstatus_to_exitcode would take it
        self.ended_by: str | None = None  # "keys", "term" or "kill": what ended the child

    # --- reading -----------------------------------------------------------------------------

    def _read_once(self, timeout: float) -> bytes:
        """One chunk (b"" on timeout or at end of output)."""
        if self.eof:
            return b""
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0.0))
        if not ready:
            return b""
        try:
            chunk = os.read(self.fd, 65536)
        except OSError as exc:  # Linux reports EIO once the child has closed the pty
            if exc.errno != errno.EIO:
                raise
            chunk = b""
        if not chunk:
            self.eof = True
        self.output += chunk
        return chunk

    def mark(self) -> int:
        """A position in the output, for ``wait_for(..., since=...)``."""
        return len(self.output)

    def wait_for(self, needles: Iterable[str], *, since: int = 0, timeout: float = 20.0) -> float:
        """Read until the text after ``since`` contains every needle; the perf_counter then."""
        wanted = list(needles)
        deadline = time.perf_counter() + timeout
        while True:
            text = strip_escapes(bytes(self.output[since:]))
            if all(needle in text for needle in wanted):
                return time.perf_counter()
            remaining = deadline - time.perf_counter()
            if remaining <= 0 or self.eof:
                why = "the program exited" if self.eof else f"{timeout:.0f} s passed"
                raise PtyTimeout(
                    f"{why} before {wanted!r} appeared in the output of "
                    f"{' '.join(self.argv)}; the last output seen was:\n"
                    f"{self.tail(since)}"
                )
            self._read_once(remaining)

    def wait_quiet(self, quiet: float = 0.2, *, timeout: float = 20.0) -> None:
        """Read until no output has arrived for ``quiet`` seconds (or the program ended)."""
        deadline = time.perf_counter() + timeout
        last = time.perf_counter()
        while not self.eof:
            now = time.perf_counter()
            if now - last >= quiet:
                return
            if now >= deadline:
                raise PtyTimeout(
                    f"the output of {' '.join(self.argv)} did not settle for "
                    f"{quiet * 1000:.0f} ms within {timeout:.0f} s; the last output "
                    f"seen was:\n{self.tail()}"
                )
            if self._read_once(min(quiet - (now - last), deadline - now)):
                last = time.perf_counter()

    def tail(self, since: int = 0, chars: int = 500) -> str:
        return strip_escapes(bytes(self.output[since:]))[-chars:]

    # --- writing and ending ------------------------------------------------------------------

    def write(self, data: bytes) -> float:
        """Send keys; the perf_counter just before the write."""
        start = time.perf_counter()
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]
        return start

    def close(self, quit_keys: bytes = b"\x11", timeout: float = 5.0) -> int:
        """End the child (``quit_keys``, then SIGTERM, then SIGKILL); its peak RSS in KiB.

        Calling it again returns the same number; ``ended_by`` tells which step worked.
        """
        if self.max_rss_kib is not None:
            return self.max_rss_kib
        steps = (("exited" if self.eof else "keys", timeout), ("term", timeout), ("kill", 30.0))
        rss: int | None = None
        try:
            for step, wait in steps:
                with contextlib.suppress(OSError):
                    if step == "keys":
                        self.write(quit_keys)
                    elif step == "term":
                        os.killpg(self.pid, signal.SIGTERM)
                    elif step == "kill":
                        os.killpg(self.pid, signal.SIGKILL)
                rss = self._reap(wait)
                if rss is not None:
                    self.max_rss_kib, self.ended_by = rss, step
                    break
        finally:
            if self.fd >= 0:
                os.close(self.fd)
                self.fd = -1
                self.eof = True
        if rss is None:  # still not reaped: give up rather than hang
            raise PtyTimeout(f"could not end {' '.join(self.argv)} (pid {self.pid})")
        return rss

    def _reap(self, timeout: float) -> int | None:
        """Wait up to ``timeout`` for the child to end; its peak RSS in KiB, None if it has not."""
        deadline = time.perf_counter() + timeout
        while True:
            pid, status, rusage = os.wait4(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.status = status
                return int(rusage.ru_maxrss)  # KiB on Linux
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return None
            if self.eof:
                time.sleep(min(remaining, 0.01))
            else:  # keep draining the pty so a child blocked on a full buffer can exit
                self._read_once(min(remaining, 0.05))

    def __enter__(self) -> PtyProcess:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
