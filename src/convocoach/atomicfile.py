"""Write files so that a crash at any moment leaves either the old or the new content."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotARegularFile(OSError):
    """The path names something a file must not replace (a folder, a pipe, a device...)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"it is {kind}, not a regular file", str(path))
        self.kind = kind


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: temp file in the same folder, fsync, rename, fsync folder.

    A symlink is written through (its target is replaced, the link stays); anything that is
    not a regular file is refused with :class:`NotARegularFile` rather than replaced.
    """
    target, mode = _regular_target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:  # a replaced file keeps its permissions; new ones are private
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(target.parent)


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with UTF-8 ``text`` atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def _regular_target(path: Path) -> tuple[Path, int | None]:
    """The file to replace (a symlink's target) and its permission bits, None if it is new."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            path = path.resolve(strict=False)
            info = path.stat()
    except FileNotFoundError:
        return path, None
    except RuntimeError:  # a symlink loop, before Python 3.13
        raise NotARegularFile(path, "a symlink loop") from None
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise NotARegularFile(path, kind)
    return path, stat.S_IMODE(info.st_mode)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not every platform can open a directory.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
