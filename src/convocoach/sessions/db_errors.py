"""What went wrong with the sessions database, in words that name the real cause and the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from convocoach.diagnostics import UserError


class StoreError(UserError):
    """The database cannot be used as it is (newer version, damaged, read-only, locked)."""


class StoreWriteError(StoreError, sqlite3.OperationalError):
    """A change could not be saved. Still an ``sqlite3.Error`` for the screens that catch one."""


def error_name(exc: sqlite3.Error) -> str:
    """SQLite's name for the error (``SQLITE_READONLY``...), also on Python 3.10."""
    name = getattr(exc, "sqlite_errorname", "")
    if name:
        return str(name)
    text = str(exc).lower()
    for words, guess in (
        ("readonly", "SQLITE_READONLY"),
        ("read-only", "SQLITE_READONLY"),
        ("disk is full", "SQLITE_FULL"),
        ("malformed", "SQLITE_CORRUPT"),
        ("not a database", "SQLITE_NOTADB"),
        ("locked", "SQLITE_BUSY"),
        ("unable to open", "SQLITE_CANTOPEN"),
        ("disk i/o", "SQLITE_IOERR"),
    ):
        if words in text:
            return guess
    return ""


# Errors about the disk or the file rather than the change: said in plain words.
_ABOUT_THE_FILE = (
    "SQLITE_READONLY",
    "SQLITE_FULL",
    "SQLITE_BUSY",
    "SQLITE_LOCKED",
    "SQLITE_IOERR",
    "SQLITE_CORRUPT",
    "SQLITE_NOTADB",
    "SQLITE_CANTOPEN",
    "SQLITE_PERM",
    "SQLITE_AUTH",
)


def about_the_file(exc: sqlite3.Error) -> bool:
    """Whether ``exc`` is about the disk or the file (which :func:`describe` words)."""
    return error_name(exc).startswith(_ABOUT_THE_FILE)


def describe(exc: sqlite3.Error, path: Path, doing: str) -> tuple[str, str]:
    """A message and a fix for ``exc``, raised while ``doing`` ("saving", "opening")."""
    name = error_name(exc)
    if name.startswith("SQLITE_READONLY") or name in ("SQLITE_PERM", "SQLITE_AUTH"):
        return (
            f"{doing} {path} failed: the file or its folder is read-only",
            "make the folder writable, or use another --data-dir; reading still works",
        )
    if name.startswith("SQLITE_FULL"):
        return (
            f"{doing} {path} failed: no space left on the disk that holds it",
            "free some space, then try again; nothing already saved was lost",
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return (
            f"{doing} {path} failed: another program held the database for 5 seconds",
            "close other copies of convocoach (or the program using the file) and try again",
        )
    if name.startswith("SQLITE_CANTOPEN"):
        return (
            f"cannot open {path}: the file or its folder cannot be opened or created",
            "check that the folder exists and that you may write to it, or set --data-dir",
        )
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return damaged(path, str(exc))
    if name.startswith("SQLITE_IOERR"):
        return (
            f"{doing} {path} failed: the disk reported an error ({exc})",
            "check the disk; copy the file somewhere safe before trying again",
        )
    return (
        f"{doing} {path} failed: {exc}",
        "check free space and permissions of the data folder ('convocoach locate')",
    )


def damaged(path: Path, detail: str) -> tuple[str, str]:
    backups = sorted(p.name for p in path.parent.glob(f"{path.name}.before-v*"))
    where = f"; earlier copies beside it: {', '.join(backups)}" if backups else ""
    return (
        f"{path} is damaged ({detail}); nothing more was written to it",
        f"run 'convocoach sessions salvage' to copy what can still be read into a new "
        f"database{where}",
    )
