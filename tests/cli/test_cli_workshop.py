"""``convocoach workshop ...``: role cards, the list, the debrief export and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convocoach.cli import main
from convocoach.locations import Locations
from convocoach.sessions.store import SessionStore
from convocoach.workshop.plan import make_plan
from convocoach.workshop.store import WorkshopLog


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def stored_workshop() -> int:
    plan = make_plan("Tuesday group", ["project-delays"], 2, 10, "pairs", ["Ana", "Ben"])
    with SessionStore.open(Locations.from_env().database) as store:
        log = WorkshopLog(store)
        workshop_id = log.create(plan)
        log.tick(workshop_id, 1, "FEEL")
        log.add_note(workshop_id, 1, "", "<b>late</b> again")
        log.set_clock(workshop_id, 1, 600, finished=True)
    return workshop_id


def test_cards_as_printable_html_to_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "cards.html"
    code, _out, err = run(
        capsys, "workshop", "cards", "project-delays", "budget-constraints", "-o", str(target)
    )
    assert code == 0
    assert f"wrote {target}" in err
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "Dana Whitfield" in html  # the client persona of project-delays
    assert "Budget constraints" in html


def test_cards_as_markdown_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "workshop", "cards", "project-delays", "--format", "md")
    assert code == 0
    assert out.startswith("#")
    assert "Dana Whitfield" in out


def test_cards_of_an_unknown_playbook_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "workshop", "cards", "project-delay")
    assert code == 2
    assert out == ""
    assert "no playbook with id 'project-delay'" in err
    assert "did you mean 'project-delays'?" in err


def test_list_and_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "workshop", "list")
    assert code == 0
    assert "No workshops yet" in out
    workshop_id = stored_workshop()
    code, out, _ = run(capsys, "workshop", "list", "--format", "json")
    [row] = json.loads(out)
    assert row["id"] == workshop_id
    assert row["people"] == ["Ana", "Ben"]
    assert row["rounds_done"] == 1
    code, out, _ = run(capsys, "workshop", "export", str(workshop_id))
    assert code == 0
    assert "Tuesday group" in out
    assert "Ana" in out
    target = tmp_path / "debrief.html"
    code, _, _ = run(
        capsys, "workshop", "export", str(workshop_id), "--format", "html", "-o", str(target)
    )
    html = target.read_text(encoding="utf-8")
    assert "&lt;b&gt;late&lt;/b&gt;" in html
    assert "<b>late</b>" not in html


def test_export_of_a_missing_workshop_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "workshop", "export", "42")
    assert code == 2
    assert "no workshop with id 42" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--group", "triads", "--people", "Ana,Ben"], "triads need at least 3 people"),
        (["--rounds", "0"], "0 rounds is out of range"),
        (["--minutes", "90"], "90 minutes is out of range"),
        (["no-such-playbook"], "no playbook 'no-such-playbook'"),
        (["--people", "Ana,ana,Cy"], "same name"),
        (["--people", "Ana,Ben,Cy,Dee", "--groups", "Ana,Ben;Cy"], "group 2 has 1 people"),
        (["--people", "Ana,Ben,Cy,Dee", "--groups", "Ana,Ben;Cy,Zed"], "'Zed' is in group 2"),
        (["--people", ",".join(f"P{n}" for n in range(31))], "at most 30 people, got 31"),
    ],
)
def test_start_refuses_a_bad_plan_before_opening_the_app(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(capsys, "workshop", "start", *args)
    assert code == 2
    assert message in err
    with SessionStore.open(Locations.from_env().database) as store:
        assert WorkshopLog(store).readable()[0] == []


def test_list_names_a_damaged_workshop_and_shows_the_rest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    workshop_id = stored_workshop()
    with SessionStore.open(Locations.from_env().database) as store:
        store.connection.execute(
            "UPDATE workshops SET people = 'oops' WHERE id = ?", (workshop_id,)
        )
        good = WorkshopLog(store).create(make_plan("Fine", ["scope-creep"], 1, 5, "pairs", []))
    code, out, err = run(capsys, "workshop", "list")
    assert code == 0
    assert f"workshop {workshop_id} in the sessions database is damaged" in err
    assert f"{good:>4}  Fine" in out


def test_a_room_is_listed_by_its_numbers_and_its_groups(
    capsys: pytest.CaptureFixture[str],
) -> None:
    people = ["Ana", "Ben", "Cy", "Dee", "Eli", "Fay", "Gus"]
    with SessionStore.open(Locations.from_env().database) as store:
        WorkshopLog(store).create(make_plan("Room", ["project-delays"], 3, 10, "triads", people))
    code, out, _ = run(capsys, "workshop", "list")
    assert code == 0
    assert "7 people in 3 groups" in out
    code, out, _ = run(capsys, "workshop", "list", "--format", "json")
    [room] = json.loads(out)
    assert room["groups"] == [
        {"members": ["Ana", "Ben", "Cy"], "players": 3},
        {"members": ["Dee", "Eli"], "players": 2},
        {"members": ["Fay", "Gus"], "players": 2},
    ]


def test_handouts_one_for_each_person(capsys: pytest.CaptureFixture[str]) -> None:
    workshop_id = stored_workshop()
    code, out, _ = run(capsys, "workshop", "handouts", str(workshop_id))
    assert code == 0
    assert out.startswith("# Ana: your workshop handout")
    assert "\n# Ben: your workshop handout" in out
    assert "<b>" not in out  # the note's text is outside text: escaped


@pytest.mark.parametrize(
    "argv",
    [
        ["workshop", "facilitate", "42"],
        ["workshop", "handouts", "42"],
        ["workshop", "join", "42", "--room", "{db}", "--person", "Ana"],
    ],
)
def test_a_missing_workshop_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    stored_workshop()
    database = str(Locations.from_env().database)
    code, _, err = run(capsys, *(a.replace("{db}", database) for a in argv))
    assert code == 2
    assert "no workshop with id 42" in err


def test_joining_needs_the_room_and_a_name_on_its_list(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    workshop_id = str(stored_workshop())
    database = str(Locations.from_env().database)
    with pytest.raises(SystemExit) as refused:  # argparse: --person is required
        run(capsys, "workshop", "join", workshop_id, "--room", str(tmp_path / "x.db"))
    assert refused.value.code == 2
    code, _, err = run(
        capsys, "workshop", "join", workshop_id, "--room", str(tmp_path / "x.db"), "--person", "A"
    )
    assert (code, "no room database at" in err) == (2, True)
    code, _, err = run(
        capsys, "workshop", "join", workshop_id, "--room", database, "--person", "Zed"
    )
    assert (code, "'Zed' is not on the list" in err) == (2, True)
