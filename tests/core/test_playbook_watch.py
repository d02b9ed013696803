"""The watcher behind ``playbooks preview``: what counts as a change, and what is kept."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest

from convocoach.diagnostics import InvalidFile
from convocoach.playbooks.loader import load_playbook_file
from convocoach.playbooks.starter import starter_playbook
from convocoach.playbooks.watch import PlaybookWatcher, Preview, Reading

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
LATER = datetime(2026, 11, 23, 9, 5, tzinfo=timezone.utc)
OLD_NS = 1_600_000_000 * 10**9
BROKEN = "schema: 1\nid: sample\ntitle: [unclosed\n"

WritePlaybook = Callable[..., Path]


def valid(title: str) -> str:
    return starter_playbook("sample").replace('title: "Sample"', f'title: "{title}"')


def age(path: Path, mtime_ns: int = OLD_NS) -> None:
    """Give the file an old mtime, so it is past the window where it is read again anyway."""
    os.utime(path, ns=(mtime_ns, mtime_ns))


def watcher_on(path: Path) -> PlaybookWatcher:
    age(path)
    return PlaybookWatcher(path)


def test_first_look_reads_the_file(write_playbook: WritePlaybook) -> None:
    watcher = watcher_on(write_playbook())
    assert watcher.changed()
    reading = watcher.read()
    assert reading.kind == "valid"
    assert reading.playbook is not None
    assert reading.playbook.title == "Sample"
    assert not watcher.changed()


def test_a_save_is_a_change(write_playbook: WritePlaybook) -> None:
    path = write_playbook()
    watcher = watcher_on(path)
    watcher.read()
    path.write_text(valid("Second draft"), encoding="utf-8")
    age(path, OLD_NS + 10**9)
    assert watcher.changed()
    reading = watcher.read()
    assert reading.playbook is not None
    assert reading.playbook.title == "Second draft"


def test_a_touch_without_new_bytes_is_unchanged(write_playbook: WritePlaybook) -> None:
    path = write_playbook()
    watcher = watcher_on(path)
    watcher.read()
    age(path, OLD_NS + 10**9)
    assert watcher.changed()  # the stat says maybe ...
    assert watcher.read().kind == "unchanged"  # ... the bytes say no
    assert not watcher.changed()
    assert watcher.read(force=True).kind == "valid"  # 'r' validates again all the same


def test_same_mtime_but_another_size_is_a_change(write_playbook: WritePlaybook) -> None:
    path = write_playbook()
    watcher = watcher_on(path)
    watcher.read()
    with path.open("a", encoding="utf-8") as handle:
        handle.write("# a comment\n")
    age(path)  # same mtime as before, as a coarse clock would leave it
    assert watcher.changed()
    assert watcher.read().kind == "valid"


def test_an_atomic_replace_is_a_change_even_with_the_same_mtime_and_size(
    write_playbook: WritePlaybook, tmp_path: Path
) -> None:
    path = write_playbook(text=valid("Draft one"))
    watcher = watcher_on(path)
    watcher.read()
    # As editors save: write a new file beside it, then rename it over the old one.
    new = tmp_path / ".sample.yaml.swp"
    new.write_text(valid("Draft two"), encoding="utf-8")
    age(new)
    os.replace(new, path)
    assert watcher.changed()
    reading = watcher.read()
    assert reading.playbook is not None
    assert reading.playbook.title == "Draft two"


def test_a_recent_file_is_read_again_until_it_is_old_enough(write_playbook: WritePlaybook) -> None:
    path = write_playbook()
    age(path)
    clock = [OLD_NS + 10**8]  # a tenth of a second after the save
    watcher = PlaybookWatcher(path, now_ns=lambda: clock[0])
    watcher.read()
    assert watcher.changed()  # a second save within the same mtime tick would be invisible
    assert watcher.read().kind == "unchanged"
    clock[0] = OLD_NS + 5 * 10**9
    assert watcher.read().kind == "unchanged"
    assert not watcher.changed()


def test_problems_come_from_the_loader_with_line_and_column(write_playbook: WritePlaybook) -> None:
    path = write_playbook(text=BROKEN)
    reading = watcher_on(path).read()
    assert reading.kind == "invalid"
    assert reading.playbook is None
    with pytest.raises(InvalidFile) as loaded:
        load_playbook_file(path)
    assert reading.problems == loaded.value.problems  # as 'playbooks validate' prints them
    assert reading.problems[0].format().startswith(f"{path}:4:1: error: YAML syntax")


def test_a_file_that_disappears_and_comes_back(write_playbook: WritePlaybook) -> None:
    path = write_playbook()
    watcher = watcher_on(path)
    first = watcher.read()
    text = path.read_text(encoding="utf-8")
    path.unlink()
    assert watcher.changed()
    gone = watcher.read()
    assert gone.kind == "missing"
    assert gone.problems[0].rule == "missing"
    assert not watcher.changed()  # still gone: nothing to read again
    path.write_text(text, encoding="utf-8")  # the very same bytes
    assert watcher.changed()
    back = watcher.read()
    assert back.kind == "valid"  # not "unchanged": the missing state must clear
    assert back.playbook == first.playbook


def test_a_folder_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "sample.yaml"
    folder.mkdir()
    reading = PlaybookWatcher(folder).read()
    assert reading.kind in ("unreadable", "missing")
    assert reading.problems


@pytest.mark.parametrize("data", [b"\x00\xff\xfe junk \x80", b"", b"[" * 5000, b"a: b\n" * 10**6])
def test_any_bytes_give_a_reading(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "junk.yaml"
    path.write_bytes(data)
    reading = PlaybookWatcher(path).read()
    assert reading.kind == "invalid"
    assert reading.problems


def test_the_preview_keeps_the_last_valid_version(write_playbook: WritePlaybook) -> None:
    path = write_playbook()
    watcher = watcher_on(path)
    preview = Preview(path).after(watcher.read(), NOW)
    assert (preview.state, preview.loads, preview.loaded_at, preview.stale) == (
        "valid",
        1,
        NOW,
        False,
    )
    shown = preview.playbook

    path.write_text(BROKEN, encoding="utf-8")
    preview = preview.after(watcher.read(), LATER)
    assert preview.state == "invalid"
    assert preview.playbook is shown
    assert preview.loaded_at == NOW
    assert preview.stale

    path.unlink()
    preview = preview.after(watcher.read(), LATER)
    assert preview.state == "missing"
    assert preview.playbook is shown

    path.write_text(valid("Fixed"), encoding="utf-8")
    preview = preview.after(watcher.read(), LATER)
    assert (preview.state, preview.loads, preview.loaded_at, preview.problems) == (
        "valid",
        2,
        LATER,
        (),
    )
    assert preview.playbook is not None
    assert preview.playbook.title == "Fixed"


def test_invalid_from_the_start_then_valid(write_playbook: WritePlaybook) -> None:
    path = write_playbook(text=BROKEN)
    watcher = watcher_on(path)
    preview = Preview(path).after(watcher.read(), NOW)
    assert (preview.state, preview.playbook, preview.stale, preview.loads) == (
        "invalid",
        None,
        False,
        0,
    )
    path.write_text(valid("Now valid"), encoding="utf-8")
    preview = preview.after(watcher.read(), LATER)
    assert preview.state == "valid"
    assert preview.loaded_at == LATER


def test_unchanged_leaves_the_preview_as_it_was() -> None:
    preview = Preview(Path("x.yaml"), state="invalid")
    assert preview.after(Reading("unchanged"), NOW) is preview


def test_the_watcher_is_core_code_without_textual() -> None:
    code = (
        "import sys, convocoach.playbooks.watch\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
