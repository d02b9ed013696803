"""``convocoach sessions sheet`` for a client in another language: the profile's language is
the user's own, and the sample client (English) is another language for a German user."""

from __future__ import annotations

import pytest

from convocoach.cli import main


def test_the_sheet_reads_the_user_s_language_from_the_profile(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo"]) == 0
    sid = capsys.readouterr().out.strip()
    assert main(["sessions", "sheet", sid]) == 0
    assert "Writing to a client" not in capsys.readouterr().out  # English, as the user
    assert main(["profile", "set", "language", "de"]) == 0
    capsys.readouterr()
    assert main(["sessions", "sheet", sid]) == 0
    out = capsys.readouterr().out
    assert "## Writing to a client in English" in out
    assert "The client's language is English; yours is German." in out
    assert "- **How to address them:** you, formal or informal" in out
    assert "### From the playbook: a client in another language" in out
    assert main(["sessions", "sheet", sid, "--format", "html"]) == 0
    assert "<h2>Writing to a client in English</h2>" in capsys.readouterr().out
