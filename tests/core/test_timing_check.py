"""The meeting slot and channel, checked against the playbook's setting advice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from convocoach.playbooks.loader import parse_playbook
from convocoach.playbooks.model import Playbook
from convocoach.profile import Profile
from convocoach.sessions.model import Client, Meeting, Session
from convocoach.sessions.timing_check import TimingNote, check_timing
from tests.conftest import BUNDLED, MINIMAL

TODAY = date(2026, 11, 23)  # a Monday
PROFILE = Profile(timezone="Europe/London", business_start="09:00", business_end="17:30")


def delays() -> Playbook:
    return parse_playbook((BUNDLED / "project-delays.yaml").read_bytes(), "pd.yaml")


def session(
    date_: str = "2026-11-24",
    time_: str = "10:00",
    duration: int = 45,
    channel: str = "video",
    place: str = "",
    seniority: str = "director",
) -> Session:
    return Session(
        uuid="u",
        playbook_id="project-delays",
        client=Client("Dana", "Northwind", "Head of E-commerce", seniority),
        meeting=Meeting(date_, time_, duration, channel, place),
    )


def check(
    s: Session, playbook: Playbook | None = None, profile: Profile = PROFILE, today: date = TODAY
) -> list[TimingNote]:
    return check_timing(s, playbook, profile, today)


def codes(notes: list[TimingNote]) -> set[str]:
    return {note.code for note in notes}


def note(notes: list[TimingNote], code: str) -> TimingNote:
    return next(n for n in notes if n.code == code)


def test_a_good_slot_gets_one_ok_note() -> None:
    notes = check(session())
    assert codes(notes) == {"slot-ok"}
    ok = note(notes, "slot-ok")
    assert ok.level == "ok"
    assert ok.message.startswith("Tuesday 24 November 2026 at 10:00")


def test_no_date_or_time_asks_for_them() -> None:
    notes = check(session(date_="", time_=""))
    assert codes(notes) == {"not-set"}
    assert notes[0].level == "info"
    assert "date and start time" in notes[0].message
    assert "Situation step" in notes[0].message
    only_time = check(session(time_=""))
    assert "start time" in note(only_time, "not-set").message
    assert "slot-ok" not in codes(only_time)


@pytest.mark.parametrize(
    ("date_", "time_"),
    [
        ("2026-02-30", "10:00"),
        ("24/11/2026", "10:00"),
        ("20261124", "10:00"),
        ("2026-11-24", "25:00"),
        ("2026-11-24", "10h00"),
        ("2026-11-24", "9:00"),
        ("x" * 1000, "\n"),
        ("2026-11-24T10:00", ""),
        ("\u0661\u0662", "1\u0660:00"),
    ],
)
def test_malformed_values_count_as_not_set(date_: str, time_: str) -> None:
    notes = check(session(date_=date_, time_=time_))
    assert "not-set" in codes(notes)
    assert "slot-ok" not in codes(notes)


@pytest.mark.parametrize("duration", [-5, 0, 10**9])
def test_odd_durations_do_not_raise(duration: int) -> None:
    check(session(date_="9999-12-31", time_="23:59", duration=duration), delays())


def test_malformed_business_hours_fall_back_to_defaults() -> None:
    odd = Profile(business_start="nine", business_end="17:30")
    assert codes(check(session(), profile=odd)) == {"slot-ok"}
    backwards = Profile(business_start="18:00", business_end="08:00")
    assert codes(check(session(), profile=backwards)) == {"slot-ok"}


def test_past_date_warns() -> None:
    notes = check(session(date_="2026-11-20"))
    past = note(notes, "in-the-past")
    assert past.level == "warning"
    assert "Friday 20 November 2026" in past.message
    assert "slot-ok" not in codes(notes)
    assert "in-the-past" not in codes(check(session(date_="2026-11-23", time_="14:00")))


def test_email_with_the_playbooks_caution() -> None:
    notes = check(session(channel="email"), delays())
    email = note(notes, "bad-news-by-email")
    assert email.level == "warning"
    assert "Bad news by email reads colder" in email.message
    assert "\u201cA delay announced by email reads as hiding; call first.\u201d" in email.message
    best = note(notes, "not-best-channel")
    assert best.level == "info"
    assert "Video call" in best.message
    assert "Most delays; you can see how the news lands" in best.message
    assert notes[0].level == "warning"  # warnings come first


def test_email_without_a_caution_or_a_playbook() -> None:
    quiet = replace(
        delays().setting, channels=tuple(replace(a, caution="") for a in delays().setting.channels)
    )
    notes = check(session(channel="email"), replace(delays(), setting=quiet))
    assert "playbook warns" not in note(notes, "bad-news-by-email").message
    alone = check(session(channel="email"))
    assert "Bad news by email reads colder" in note(alone, "bad-news-by-email").message
    assert "not-best-channel" not in codes(alone)


def test_email_is_milder_when_the_playbook_prefers_it() -> None:
    pb = delays()
    notes = check(
        session(channel="email"), replace(pb, setting=replace(pb.setting, best_channel="email"))
    )
    email = note(notes, "bad-news-by-email")
    assert email.level == "warning"
    assert email.message.startswith("Email is the usual channel for this")
    assert "not-best-channel" not in codes(notes)


def test_another_channel_names_the_best_one() -> None:
    notes = check(session(channel="phone"), delays())
    best = note(notes, "not-best-channel")
    assert best.message.startswith(
        "The playbook usually suggests Video call rather than Phone call"
    )
    assert "channel-caution" in codes(notes)
    assert "slot-ok" in codes(notes)  # advice, not a warning
    minimal = parse_playbook(MINIMAL.encode(), "m.yaml")  # best in person, no advice text
    assert note(check(session(), minimal), "not-best-channel").message.endswith(
        "for this conversation."
    )


def test_an_unknown_channel_does_not_raise() -> None:
    notes = check(session(channel="carrier-pigeon"), delays())
    assert "carrier-pigeon" in note(notes, "not-best-channel").message


@pytest.mark.parametrize(
    ("time_", "late"), [("14:00", False), ("14:59", False), ("15:00", True), ("16:30", True)]
)
def test_late_friday(time_: str, late: bool) -> None:
    notes = check(session(date_="2026-11-27", time_=time_, duration=30))
    assert ("late-friday" in codes(notes)) is late
    assert ("slot-ok" in codes(notes)) is not late


def test_friday_ending_after_business_hours_is_late() -> None:
    notes = check(session(date_="2026-11-27", time_="14:59", duration=180))
    assert "late-friday" in codes(notes)
    assert "outside-hours" not in codes(notes)  # said once, as the Friday warning
    assert "stew" in note(notes, "late-friday").message


@pytest.mark.parametrize("day", ["2026-11-28", "2026-11-29"])
def test_weekend_warns(day: str) -> None:
    notes = check(session(date_=day))
    assert note(notes, "weekend").level == "warning"
    assert "outside-hours" not in codes(notes)


def test_monday_first_thing_is_a_tip() -> None:
    notes = check(session(date_="2026-11-30", time_="09:30"))
    assert note(notes, "monday-first-thing").level == "info"
    assert "slot-ok" in codes(notes)
    assert "monday-first-thing" not in codes(check(session(date_="2026-11-30", time_="10:00")))
    assert "monday-first-thing" not in codes(check(session(date_="2026-12-01", time_="09:00")))


def test_outside_business_hours() -> None:
    early = note(check(session(time_="08:30")), "outside-hours")
    assert early.level == "warning"
    assert "starts at 08:30, before your day begins at 09:00" in early.message
    late = note(check(session(time_="17:00", duration=45)), "outside-hours")
    assert "ends at 17:45, after your day ends at 17:30" in late.message
    assert "outside-hours" not in codes(check(session(time_="16:45", duration=45)))
    assert "outside-hours" not in codes(check(session(time_="09:00", duration=45)))
    own_hours = Profile(business_start="10:00", business_end="16:00")
    assert "outside-hours" in codes(check(session(time_="09:30"), profile=own_hours))


def test_very_early_and_very_late() -> None:
    early = check(session(time_="07:00"))
    assert note(early, "very-early").level == "warning"
    assert "outside-hours" not in codes(early)
    late = check(session(time_="18:30", duration=60))
    assert "Ending at 19:30 is very late" in note(late, "very-late").message
    assert "outside-hours" not in codes(late)
    overnight = check(session(time_="23:30", duration=60))
    assert "the next day" in note(overnight, "very-late").message


def test_long_meeting_with_an_executive() -> None:
    notes = check(session(duration=120, seniority="executive"))
    assert note(notes, "long-for-executive").level == "info"
    assert "short version" in note(notes, "long-for-executive").message
    assert "long-for-executive" not in codes(check(session(duration=90, seniority="executive")))
    assert "long-for-executive" not in codes(check(session(duration=120)))


def test_short_meeting_for_bad_news() -> None:
    assert note(check(session(duration=15)), "too-short").level == "info"
    assert "too-short" not in codes(check(session(duration=20)))
    assert "too-short" not in codes(check(session(duration=5, channel="email")))


def test_in_person_needs_a_place() -> None:
    notes = check(session(channel="in_person"))
    assert "private, neutral place" in note(notes, "no-place").message
    assert "no-place" not in codes(check(session(channel="in_person", place="Room 4")))
    assert "no-place" not in codes(check(session(channel="video")))


def test_messages_are_plain_sentences() -> None:
    for notes in (
        check(
            session(
                date_="2026-11-28",
                time_="07:00",
                duration=150,
                channel="email",
                seniority="executive",
            ),
            delays(),
        ),
        check(session(date_="", channel="in_person", duration=10), delays()),
    ):
        assert len(notes) >= 4
        assert len({n.code for n in notes}) == len(notes)
        for n in notes:
            assert n.level in ("warning", "ok", "info")
            assert n.message.strip() == n.message
            assert "\n" not in n.message
            assert "**" not in n.message
