"""``convocoach email ID --checkin`` and ``--mark-sent`` from the command line."""

from __future__ import annotations

from datetime import date, timedelta
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from convocoach.cli import main
from convocoach.locations import Locations
from convocoach.sessions.store import SessionStore
from convocoach.wording import date_words


def demo(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["demo"]) == 0
    return capsys.readouterr().out.strip()


def test_checkin_email_reports_done_and_moved_steps(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sid = demo(capsys)
    with SessionStore.open(Locations.from_env().database) as store:
        first, second, *_ = store.get(int(sid)).next_steps
        store.update_next_step(first.id, status="done")
        new_due = (date.fromisoformat(second.due) + timedelta(days=7)).isoformat()
        store.reschedule_next_step(second.id, new_due, "the board meets later")
        today = store.today()
    assert main(["email", sid, "--checkin"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Hello Dana,")
    assert f"{first.action} (us), done on {date_words(today)}" in captured.out
    assert f"to {date_words(new_due)}, because the board meets later" in captured.out
    assert "after the check-in on" in captured.err
    for fmt in ("txt", "html", "eml"):
        target = tmp_path / f"checkin.{fmt}"
        assert main(["email", sid, "--checkin", "--format", fmt, "-o", str(target)]) == 0
        assert target.stat().st_size > 200
    msg = message_from_bytes((tmp_path / "checkin.eml").read_bytes(), policy=policy.default)
    assert msg["Subject"].startswith("Check-in: ")
    assert msg["X-Unsent"] == "1"
    assert main(["email", sid, "--checkin", "--template", "checkin-brief"]) == 0
    assert f"- {first.action}: done" in capsys.readouterr().out


def test_checkin_refuses_ics_and_follow_up_templates(capsys: pytest.CaptureFixture[str]) -> None:
    sid = demo(capsys)
    assert main(["email", sid, "--checkin", "--format", "ics"]) == 2
    assert "the check-in email has no .ics" in capsys.readouterr().err
    assert main(["email", sid, "--checkin", "--template", "standard"]) == 2
    err = capsys.readouterr().err
    assert "'standard' is a follow-up email template" in err
    assert "checkin-standard" in err
    assert main(["email", sid, "--template", "checkin-standard"]) == 2
    assert "is a check-in email template" in capsys.readouterr().err


def test_users_checkin_template_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sid = demo(capsys)
    mine = tmp_path / "mine.md.j2"
    mine.write_text("{{ open | length }} open since {{ since.kind or 'ever' }}\n", "utf-8")
    assert main(["email", sid, "--checkin", "--template", str(mine)]) == 0
    assert capsys.readouterr().out.endswith("open since ever\n")


def test_mark_sent_says_late_or_on_time_and_takes_it_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sid = demo(capsys)
    with SessionStore.open(Locations.from_env().database) as store:
        meeting = store.get(int(sid)).meeting
    # Profile time zone: UTC by default. The meeting ends at 10:45: send by 13:45.
    assert meeting.time == "10:00"
    assert meeting.duration_min == 45
    late = f"{meeting.date}T15:55"
    assert main(["email", sid, "--mark-sent", "--at", late]) == 0
    out = capsys.readouterr().out
    assert "late: sent 2 h 10 min after its send-by 13:45" in out
    with SessionStore.open(Locations.from_env().database) as store:
        assert store.get(int(sid)).sent_at == f"{meeting.date}T15:55:00+00:00"
    assert main(["email", sid, "--mark-sent", "--at", f"{meeting.date}T12:00"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("— on time")
    assert main(["email", sid, "--mark-unsent"]) == 0
    assert capsys.readouterr().out == "Not sent yet\n"
    with SessionStore.open(Locations.from_env().database) as store:
        assert store.get(int(sid)).sent_at == ""


def test_mark_sent_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    sid = demo(capsys)
    assert main(["email", sid, "--mark-sent", "--at", "tomorrow"]) == 2
    assert "'tomorrow' is not a date and time" in capsys.readouterr().err
    assert main(["email", sid, "--at", "2026-11-24T10:00"]) == 2
    assert "--at goes with --mark-sent" in capsys.readouterr().err
    assert main(["email", "999", "--mark-sent"]) == 2
    assert "no session with id 999" in capsys.readouterr().err
