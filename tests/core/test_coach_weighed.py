"""Weighed rules: words and word pairs weighed by a table fitted to labelled replies."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convocoach.coach import fit, weighing
from convocoach.coach.loader import bundled_rubric, extend, find_rubric, parse_rubric
from convocoach.coach.score import Coach, coach_for_rubric
from convocoach.diagnostics import InvalidFile
from convocoach.locations import Locations
from tests.coach_labels import PARTS
from tests.conftest import REPO

HEAD = "format: 1\nid: t\ntitle: T\n"
DIMENSION = """dimensions:
  - code: NOBLAME
    title: No blame
    polarity: penalty
    absent: pass
    rules:
      - kind: weighed
        id: blame-weighed
        message: Reads as blame
        table: blame
        threshold: 0.5
        unless:
          patterns: ['\\bnot your fault\\b']
"""
TABLE = """weights:
  - name: blame
    bias: -1
    weights: |
      late 1.2
      your side 1.0
      sorry -2
"""


def coach_of(body: str) -> Coach:
    return Coach(parse_rubric((HEAD + body).encode(), "t.yaml"))


# --- the evidence ------------------------------------------------------------------------------


def test_features_are_words_and_pairs_with_where_they_are() -> None:
    text = "Your side sent it late."
    found = weighing.features(text)
    assert text[slice(*found["your side"])] == "Your side"
    assert text[slice(*found["late"])] == "late"
    assert "it" not in found
    assert "sent it" in found


def test_british_and_american_spellings_are_the_same_evidence() -> None:
    assert set(weighing.features("We apologise; the colour of the programme was analysed.")) == set(
        weighing.features("We apologize; the color of the program was analyzed.")
    )


def test_the_total_and_the_words_that_weighed_most() -> None:
    found = weighing.features("Your side was late.")
    result = weighing.weigh(found, -1.0, {"late": 1.2, "your side": 1.0, "in the": 3.0})
    assert result.total == pytest.approx(1.2)
    assert [key for key, _, _ in result.heaviest] == ["late", "your side"]


# --- the rule ----------------------------------------------------------------------------------


def test_the_wording_a_substitution_recommends_is_never_weighed_against_the_reply() -> None:
    swap = """      - kind: substitution
        id: swap
        message: The "but" cancels what came before
        swaps:
          - {use: "I see, but", instead: "I see, and"}
"""
    table = TABLE.replace("late 1.2", "late 1.2\n      see 1.0")
    coach = coach_of(DIMENSION + swap + table)
    assert coach.score("I see, and the van was late.")["NOBLAME"].status == "pass"
    # The same words, not as the advice has them, still count.
    assert coach.score("I see the van was late, and it hurt.")["NOBLAME"].status == "fail"


def test_a_weighed_rule_fails_past_its_threshold_and_names_the_words() -> None:
    coach = coach_of(DIMENSION + TABLE)
    result = coach.score("Your side sent the files late.")["NOBLAME"]
    assert result.status == "fail"
    assert result.penalty
    assert "'late'" in result.reason
    assert "'Your side'" in result.reason
    assert {m.text for m in result.matches} == {"late", "Your side"}
    assert coach.score("The files came late.")["NOBLAME"].status == "pass"  # 0.2, under 0.5
    assert coach.score("Sorry, your side sent it late.")["NOBLAME"].status == "pass"


def test_words_the_unless_cues_cover_are_not_weighed() -> None:
    coach = coach_of(DIMENSION + TABLE + "      not 0.9\n      fault 0.9\n")
    assert coach.score("It was late. Not your fault.")["NOBLAME"].status == "pass"
    assert coach.score("It was late. Your fault.")["NOBLAME"].status == "fail"


def test_quoted_words_are_not_weighed() -> None:
    coach = coach_of(DIMENSION + TABLE)
    assert (
        coach.score('You said "your side sent it late", and I hear you.')["NOBLAME"].status
        == "pass"
    )


def test_an_unknown_table_is_refused_with_the_rule_s_place(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(HEAD + DIMENSION, encoding="utf-8")
    with pytest.raises(InvalidFile) as caught:
        find_rubric(Locations.from_env(), str(path))
    problem = caught.value.problems[0]
    assert problem.line == 11
    assert "'blame'" in problem.message
    assert "python -m convocoach.coach.fit" in problem.fix


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("late one", "not a word (or two) and a weight"),
        ("Late 1.0", "not a word (or two) and a weight"),
        ("late 99", "out of range"),
        ("your side 2.0", "weighed twice"),
    ],
)
def test_a_bad_weight_line_is_reported_at_its_line(line: str, words: str) -> None:
    body = DIMENSION + TABLE.replace("sorry -2", line)
    with pytest.raises(InvalidFile) as caught:
        parse_rubric((HEAD + body).encode(), "t.yaml")
    problem = caught.value.problems[0]
    assert words in problem.message
    assert problem.line == 23  # the line itself; the column is the block's


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_weights_block_is_read_or_refused_never_crashes(block: str) -> None:
    indented = "\n".join("      " + line for line in block.splitlines()) or "      x 1"
    text = HEAD + DIMENSION + TABLE.split("    weights: |")[0] + "    weights: |\n" + indented
    problems: list[int] = []
    try:
        parse_rubric(text.encode(), "t.yaml")
    except InvalidFile as exc:
        problems = [p.line for p in exc.problems]
    assert all(line >= 1 for line in problems)


def test_a_rubric_that_extends_replaces_a_table_of_the_same_name() -> None:
    base = parse_rubric((HEAD + DIMENSION + TABLE).encode(), "base.yaml")
    extra = parse_rubric(
        ("format: 1\nid: mine\nextends: t\n" + TABLE.replace("late 1.2", "late -1.2")).encode(),
        "mine.yaml",
    )
    coach = Coach(extend(base, extra, "mine.yaml"))
    assert coach.score("Your side sent the files late.")["NOBLAME"].status == "pass"


def test_the_bundled_weighed_rules_can_be_disabled() -> None:
    extra = parse_rubric(
        b"format: 1\nid: mine\nextends: default\ndisable: [blame-weighed, dismissal-weighed]\n",
        "mine.yaml",
    )
    ids = {r.id for d in extend(bundled_rubric(), extra, "mine.yaml").dimensions for r in d.rules}
    assert "blame-weighed" not in ids
    assert "dismissal-weighed" not in ids


# --- fitting -----------------------------------------------------------------------------------


def test_fitting_learns_the_words_that_tell_the_labels_apart() -> None:
    texts = [f"the files came late from your side, week {n}" for n in range(10)] + [
        f"we are sorry, we missed week {n}" for n in range(10)
    ]
    fitted = fit.fit(texts, [True] * 10 + [False] * 10)
    assert fitted.weights["your side"] > 0 > fitted.weights["sorry"]
    assert "week" not in fitted.weights  # in every reply: it tells nothing
    assert fit.fit(texts, [True] * 10 + [False] * 10) == fitted  # the same replies, the same table
    for text, positive in zip(texts, [True] * 10 + [False] * 10, strict=True):
        total = weighing.weigh(weighing.features(text), fitted.bias, fitted.weights).total
        assert (total > 0) == positive


def test_refitting_rewrites_only_the_table(tmp_path: Path) -> None:
    labels = tmp_path / "labels.yaml"
    labels.write_text(
        "".join(
            f'- {{id: r{n}, reply: "{text} {n}", expect: {{NOBLAME: {label}}}}}\n'
            for n in range(6)
            for text, label in (("your side was late", "fail"), ("we are sorry", "pass"))
        ),
        encoding="utf-8",
    )
    rubric = tmp_path / "mine.yaml"
    rubric.write_text(HEAD + "# kept as written\n" + DIMENSION + TABLE, encoding="utf-8")
    assert fit.main([str(labels), str(rubric)]) == 0
    text = rubric.read_text(encoding="utf-8")
    assert "# kept as written" in text
    assert "sorry -2" not in text
    coach = Coach(parse_rubric(text.encode(), "mine.yaml"))
    assert coach.score("your side was late")["NOBLAME"].status == "fail"
    assert coach.score("we are sorry")["NOBLAME"].status == "pass"


@pytest.mark.slow
def test_the_bundled_tables_are_fitted_to_the_tuning_part_only(tmp_path: Path) -> None:
    """The frozen part measures the coach on text no rule was fitted to: the tables shipped
    must be exactly what fitting the tuning part gives."""
    shipped = REPO / "rubrics" / "default.yaml"
    copy = tmp_path / "default.yaml"
    copy.write_bytes(shipped.read_bytes())
    fit.main([str(PARTS["tuning"]), str(copy)])
    assert copy.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8"), (
        "run: python -m convocoach.coach.fit tests/data/coach_replies.yaml rubrics/default.yaml"
    )


def test_a_trainer_can_ask_for_fewer_surer_flags() -> None:
    """Disable the bundled weighed rule and weigh with the same table at a higher threshold."""
    text = "The numbers your finance team gave us were last year's, so the model was off."
    assert coach_for_rubric(bundled_rubric()).score(text)["NOBLAME"].status == "fail"
    extra = parse_rubric(
        b"""format: 1
id: surer
extends: default
disable: [blame-weighed]
dimensions:
  - code: NOBLAME
    rules:
      - kind: weighed
        id: surer-blame
        message: Reads as blame
        table: blame
        threshold: 20
""",
        "surer.yaml",
    )
    rubric = extend(bundled_rubric(), extra, "surer.yaml")
    assert Coach(rubric).score(text)["NOBLAME"].status == "pass"


def test_a_held_out_reply_is_scored_by_tables_that_never_saw_it() -> None:
    """Cross-validation refits the tables without the held-out fold: a table fitted to the
    other fold knows none of the words only the held-out replies hold."""
    rubric = parse_rubric((HEAD + DIMENSION + TABLE).encode(), "t.yaml")
    entries = [
        {
            "id": f"r{n}",
            "level": "medium",
            "client": "",
            "reply": text,
            "expect": {"NOBLAME": label},
        }
        for n, (text, label) in enumerate(
            [("Your side sent it late.", "fail"), ("We sent it late.", "pass")] * 6
            + [("Zanzibar quokka.", "fail")]
        )
    ]
    fitted = fit.fit_tables(rubric, entries[:-1])
    assert set(fitted) == {"blame"}
    assert "zanzibar" not in fitted["blame"].weights
    assert fitted["blame"].weights["your side"] > 0
    replaced = fit.with_tables(rubric, fitted)
    assert dict(replaced.weights[0].weights) == fitted["blame"].weights
    assert replaced.weights[0].bias == fitted["blame"].bias
