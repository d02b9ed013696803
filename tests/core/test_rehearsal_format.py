"""The rehearsal section's graph checks: each mistake reported where it is, with a fix."""

from __future__ import annotations

import pytest

from convocoach.diagnostics import InvalidFile
from convocoach.playbooks.loader import parse_playbook
from tests.conftest import MINIMAL

GOOD_TURNS = """\
    - id: opening
      client: What is going on?
      branches:
        - {if_fail: [NOBLAME], goto: walkout, mood: -3}
        - {if_pass: [FEEL, OPENQ], goto: agreement, mood: 2}
        - {goto: stalemate}
    - {id: agreement, ending: agreement, client: Fine.}
    - {id: stalemate, ending: stalemate, client: We will see.}
    - {id: walkout, ending: walkout, client: Goodbye.}
"""


def playbook(turns: str = GOOD_TURNS, start: str = "opening") -> str:
    return (
        MINIMAL
        + f"""rehearsal:
  persona: {{name: Dana, role: Director, technical_level: low}}
  start: {start}
  turns:
{turns}"""
    )


def problems(text: str) -> list[tuple[int, int, str, str]]:
    with pytest.raises(InvalidFile) as caught:
        parse_playbook(text.encode(), "p.yaml")
    return [(p.line, p.column, p.rule, p.message) for p in caught.value.problems]


def test_a_good_section_loads_with_defaults() -> None:
    script = parse_playbook(playbook().encode(), "p.yaml").rehearsal
    assert script is not None
    assert (script.start_mood, script.walkout_at, script.max_replies) == (3, 0, 12)
    assert script.persona.technical_level == "low"
    assert script.turn("opening").branches[1].if_pass == ("FEEL", "OPENQ")


def test_a_playbook_without_one_is_still_valid() -> None:
    assert parse_playbook(MINIMAL.encode(), "p.yaml").rehearsal is None


def test_an_unknown_target_is_reported_at_its_goto() -> None:
    found = problems(playbook(GOOD_TURNS.replace("goto: stalemate}", "goto: stalmate}")))
    assert [(f[0], f[2]) for f in found] == [(15, "unknown-turn")]
    assert "no turn 'stalmate'" in found[0][3]


def test_an_unreachable_turn() -> None:
    turns = (
        GOOD_TURNS + "    - id: orphan\n      client: Hello?\n      branches: [{goto: stalemate}]\n"
    )
    [(line, _, rule, message)] = problems(playbook(turns))
    assert (line, rule) == (19, "unreachable")
    assert "'orphan' can never be reached" in message


def test_a_turn_without_a_default_branch() -> None:
    [(line, _, rule, _)] = problems(
        playbook(
            GOOD_TURNS.replace(
                "        - {goto: stalemate}\n", "        - {if_pass: [REFL], goto: stalemate}\n"
            )
        )
    )
    assert (line, rule) == (10, "no-default")


def test_a_missing_ending_and_no_way_to_agree() -> None:
    turns = GOOD_TURNS.replace(
        "    - {id: walkout, ending: walkout, client: Goodbye.}\n",
        "    - {id: middle, client: Hm., branches: [{goto: stalemate}]}\n",
    )
    turns = turns.replace("goto: walkout", "goto: middle")
    assert [f[2] for f in problems(playbook(turns))] == ["missing-ending"]
    no_agree = GOOD_TURNS.replace("goto: agreement", "goto: stalemate")
    rules = [f[2] for f in problems(playbook(no_agree))]
    assert "no-agreement" in rules
    assert "unreachable" in rules


def test_an_unknown_dimension_and_a_bad_start() -> None:
    found = problems(playbook(GOOD_TURNS.replace("[FEEL, OPENQ]", "[FELL, OPENQ]")))
    assert [(f[2], "'FELL' is not a dimension" in f[3]) for f in found] == [
        ("unknown-dimension", True)
    ]
    assert [f[2] for f in problems(playbook(start="nowhere"))] == ["unknown-turn"]


def test_a_loop_with_no_way_out() -> None:
    turns = """\
    - id: opening
      client: Well?
      branches: [{if_pass: [FEEL], goto: agreement}, {goto: loop}]
    - id: loop
      client: And?
      branches: [{goto: loop}]
    - {id: agreement, ending: agreement, client: Fine.}
    - {id: stalemate, ending: stalemate, client: We will see.}
    - {id: walkout, ending: walkout, client: Goodbye.}
"""
    found = problems(playbook(turns))
    assert [(f[2], f[3]) for f in found] == [
        ("no-ending", "no ending can be reached from turn 'loop'")
    ]


def test_branches_know_every_dimension_of_the_bundled_rubric() -> None:
    from convocoach.coach.loader import bundled_rubric
    from convocoach.playbooks.rehearsal_format import DIMENSION_CODES

    assert tuple(d.code for d in bundled_rubric().dimensions) == DIMENSION_CODES
