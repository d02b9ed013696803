"""Follow one playbook file while someone edits it: notice each save, keep the last valid version.

Polling, not OS notifications: it needs no extra dependency, works the same on every system
and on network drives, and a stat call twice a second costs nothing.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Literal

from convocoach.diagnostics import InvalidFile, Problem
from convocoach.playbooks.loader import parse_playbook
from convocoach.playbooks.model import PlaybookFile
from convocoach.yamlsafe import read_limited

Signature = tuple[int, int, int, int, int]
"""Device, inode, size, mtime and ctime (ns): what any save changes, read without opening."""

RACY_NS = 2_000_000_000
"""A file read this soon after it was written may be written again without its mtime moving
(network drives and FAT keep coarse times), so it is read again until it is older than this."""

ReadingKind = Literal["unchanged", "valid", "invalid", "missing", "unreadable"]
State = Literal["reading", "valid", "invalid", "missing", "unreadable"]


@dataclass(frozen=True, slots=True)
class Reading:
    """What one look at the file found."""

    kind: ReadingKind
    playbook: PlaybookFile | None = None
    problems: tuple[Problem, ...] = ()


def signature(path: Path) -> Signature | None:
    """The file's stat signature, or None when it cannot be seen (gone, for one)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):  # ValueError: a path with a NUL byte
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


class PlaybookWatcher:
    """Tells cheaply whether ``path`` may have changed, and reads and validates it.

    :meth:`changed` only stats the file, so it can run on a UI timer; :meth:`read` opens,
    hashes and validates it, for a worker thread. Bytes identical to the last reading (a
    ``touch``, an editor saving unchanged text) come back as ``unchanged``. Not thread-safe:
    call :meth:`changed` only while no :meth:`read` is running.
    """

    def __init__(
        self, path: Path, now_ns: Callable[[], int] = time.time_ns, racy_ns: int = RACY_NS
    ) -> None:
        self.path = path
        self._now_ns = now_ns
        self._racy_ns = racy_ns
        self._seen: Signature | None = None
        self._read_once = False
        self._racy = False
        self._digest = ""

    def changed(self) -> bool:
        """Whether the file should be read again (always true before the first reading)."""
        return not self._read_once or self._racy or signature(self.path) != self._seen

    def read(self, force: bool = False) -> Reading:
        """Read the file; ``force`` validates it again even if its bytes did not change."""
        # Stat before reading: a save landing in between then shows as a change next time.
        seen = signature(self.path)
        self._seen, self._read_once, self._racy = seen, True, False
        source = str(self.path)
        try:
            data = read_limited(self.path)
        except InvalidFile as exc:
            self._digest = ""
            return Reading("invalid", problems=exc.problems)
        except (FileNotFoundError, NotADirectoryError):
            # Forget the bytes: the same text coming back must still clear "missing".
            self._digest = ""
            return Reading(
                "missing",
                problems=(
                    Problem(
                        source,
                        1,
                        1,
                        "",
                        "the file is not there (an editor may be saving it); "
                        "showing the last version read",
                        "save the file again, or check its name",
                        "missing",
                    ),
                ),
            )
        except (OSError, ValueError) as exc:
            self._digest = ""
            reason = getattr(exc, "strerror", None) or str(exc)
            return Reading(
                "unreadable",
                problems=(
                    Problem(
                        source,
                        1,
                        1,
                        "",
                        f"cannot read the file: {reason}",
                        "check that it is a file you may read",
                        "unreadable",
                    ),
                ),
            )
        self._racy = seen is not None and self._now_ns() - seen[3] < self._racy_ns
        digest = hashlib.sha256(data).hexdigest()
        if digest == self._digest and not force:
            return Reading("unchanged")
        self._digest = digest
        try:
            playbook = parse_playbook(data, source)
        except InvalidFile as exc:
            return Reading("invalid", problems=exc.problems)
        except Exception as exc:  # a preview must outlive any file, even one that finds a bug
            return unexpected(self.path, exc)
        return Reading("valid", PlaybookFile(playbook, self.path, "option", digest))


def unexpected(path: Path, exc: Exception) -> Reading:
    """A failure nobody planned for, reported like any other problem with the file."""
    return Reading(
        "invalid",
        problems=(
            Problem(
                str(path),
                1,
                1,
                "",
                f"the file could not be checked ({type(exc).__name__}: {exc})",
                "please report this, with the file if you can",
                "internal-error",
            ),
        ),
    )


@dataclass(frozen=True, slots=True)
class Preview:
    """What a preview shows: the last valid version, and what is wrong with the file now."""

    path: Path
    playbook: PlaybookFile | None = None
    """The last valid version; it stays on screen while the file is broken or gone."""
    problems: tuple[Problem, ...] = ()
    state: State = "reading"
    loads: int = 0
    """How many valid versions were loaded (1 after the first)."""
    loaded_at: datetime | None = None
    """When the last valid version was loaded."""

    def after(self, reading: Reading, now: datetime) -> Preview:
        """The preview once ``reading`` is taken into account at ``now``."""
        if reading.kind == "unchanged":
            return self
        if reading.kind == "valid":
            return replace(
                self,
                playbook=reading.playbook,
                problems=(),
                state="valid",
                loads=self.loads + 1,
                loaded_at=now,
            )
        return replace(self, problems=reading.problems, state=reading.kind)

    @property
    def stale(self) -> bool:
        """Whether the version shown is older than the file (which is broken or gone)."""
        return self.playbook is not None and self.state != "valid"
