"""A file over a limit is refused with its real size; a newer file format says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from convocoach.cli import main
from convocoach.diagnostics import InvalidFile
from convocoach.playbooks.loader import load_playbook_file
from convocoach.sessions.fileformat import FILE_VERSION, SESSION_MAX_BYTES, parse_session
from convocoach.yamlsafe import MAX_BYTES


def test_a_huge_playbook_is_refused_with_its_real_size(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * (50 * 1024 * 1024))
    with pytest.raises(InvalidFile) as caught:
        load_playbook_file(big)
    [problem] = caught.value.problems
    assert problem.rule == "file-too-large"
    assert (
        f"the file is {big.stat().st_size:,} bytes; the limit is {MAX_BYTES:,}" in problem.message
    )


def test_a_huge_session_file_is_refused_with_its_real_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * (50 * 1024 * 1024))
    assert main(["sessions", "import", str(big)]) == 2
    err = capsys.readouterr().err
    assert f"the file is {big.stat().st_size:,} bytes; the limit is {SESSION_MAX_BYTES:,}" in err


def test_a_session_file_larger_than_a_playbook_may_be_imported() -> None:
    # Well over the playbook limit, as a session with long answers is (parsed, not refused).
    text = f"convocoach_session: {FILE_VERSION}\nnotes: |\n" + "  x\n" * (MAX_BYTES // 3)
    with pytest.raises(InvalidFile) as caught:
        parse_session(text.encode(), "s.yaml")
    assert all(p.rule != "file-too-large" for p in caught.value.problems)


@pytest.mark.parametrize("version", ["999", "12345678901234"])
def test_a_session_file_from_a_newer_convocoach_says_so(version: str) -> None:
    with pytest.raises(InvalidFile) as caught:
        parse_session(f"convocoach_session: {version}\nsession: {{}}\n".encode(), "s.yaml")
    [problem] = caught.value.problems
    assert problem.rule == "newer-format"
    assert "written by a newer convocoach" in problem.message
    assert problem.fix.startswith("upgrade convocoach")
