"""Playbook summaries for ``convocoach playbooks list``, cached by file identity.

Listing the library must start about as fast as Python can import PyYAML, so the
summary of each file (or its problems) is kept in a small JSON cache keyed by the
file's size, modification time and inode. A changed file is loaded in full again.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from convocoach import __version__
from convocoach.diagnostics import InvalidFile, Problem
from convocoach.playbooks.library import load_library, search_path

if TYPE_CHECKING:
    from convocoach.locations import Locations
    from convocoach.playbooks.library import Library
    from convocoach.playbooks.model import Origin

_CACHE_NAME = "playbook-summaries.json"


class PlaybookSummary(NamedTuple):
    id: str
    title: str
    tags: tuple[str, ...]
    path: Path
    origin: Origin
    sheet: str = ""
    """The prep sheet (Markdown), so the app's home screen needs no YAML parsing at all."""
    approach: str = ""
    subject_line: str = ""
    """The follow-up email's subject: with ``id``, ``title`` and ``approach``, what an email
    needs of its playbook (``followup.email_playbook``), so it is written without the file."""
    digest: str = ""
    """The file's digest, as ``PlaybookFile.digest``: says whether it changed since a
    session began, without reading it."""


class SummaryCache:
    """Loads summaries through the cache; call :meth:`save` once at the end."""

    def __init__(self, cache_dir: Path) -> None:
        self._file = cache_dir / _CACHE_NAME
        self._entries: dict[str, Any] = self._read()
        self._used: set[str] = set()
        self._dirty = False

    def _read(self) -> dict[str, Any]:
        try:
            with self._file.open(encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != __version__:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def load(self, path: Path, origin: Origin) -> PlaybookSummary:
        """The summary of ``path``; raises :class:`InvalidFile` as the full loader would."""
        key = str(path)
        self._used.add(key)
        try:
            st = os.stat(path)
            stamp = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        except OSError:
            stamp = None
        entry = self._entries.get(key)
        if stamp is not None and isinstance(entry, dict) and entry.get("stamp") == stamp:
            try:
                return _from_entry(entry, path, origin)
            except (KeyError, TypeError, ValueError):
                pass  # a damaged entry: load the file again
        entry = _entry_for(path)
        if stamp is not None:
            entry["stamp"] = stamp
            self._entries[key] = entry
            self._dirty = True
        return _from_entry(entry, path, origin)

    def save(self) -> None:
        """Write the cache if anything changed."""
        stale = set(self._entries) - self._used
        if not self._dirty and not stale:
            return
        for key in stale:
            del self._entries[key]
        # Lazy: tempfile (through atomicfile) only when the cache changed; a warm
        # "playbooks list" writes nothing.
        from convocoach.atomicfile import write_text_atomic

        with contextlib.suppress(OSError):  # a cache that cannot be written is skipped
            write_text_atomic(
                self._file,
                json.dumps(
                    {"version": __version__, "entries": self._entries}, separators=(",", ":")
                ),
            )


def load_summaries(locations: Locations) -> Library[PlaybookSummary]:
    """The whole library as summaries, through the cache (and the cache brought up to date)."""
    cache = SummaryCache(locations.cache_dir)
    library = load_library(search_path(locations), cache.load)
    cache.save()
    return library


def _entry_for(path: Path) -> dict[str, Any]:
    # Lazy: PyYAML and the playbook model only on a cache miss; a warm "playbooks list"
    # imports neither (tests/core/test_import_hygiene.py).
    from convocoach.playbooks.loader import load_playbook_file
    from convocoach.playbooks.prepsheet import prep_sheet_markdown  # Lazy: as the loader

    try:
        loaded = load_playbook_file(path)
    except InvalidFile as exc:
        return {"problems": [p.to_json() for p in exc.problems]}
    pb = loaded.playbook
    return {
        "id": pb.id,
        "title": pb.title,
        "tags": list(pb.tags),
        "sheet": prep_sheet_markdown(pb),
        "approach": pb.approach,
        "subject_line": pb.subject_line,
        "digest": loaded.digest,
    }


def _from_entry(entry: dict[str, Any], path: Path, origin: Origin) -> PlaybookSummary:
    problems = entry.get("problems")
    if problems is not None:
        raise InvalidFile(str(path), [Problem(**p) for p in problems])
    return PlaybookSummary(
        str(entry["id"]),
        str(entry["title"]),
        tuple(str(t) for t in entry["tags"]),
        path,
        origin,
        str(entry["sheet"]),
        str(entry["approach"]),
        str(entry["subject_line"]),
        str(entry["digest"]),
    )
