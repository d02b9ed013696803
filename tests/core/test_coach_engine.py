"""The rule engine under the rubric: word sets, the kinds of falling short, and the filters
that skip patterns a reply cannot match (which must never change a result)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convocoach.coach import matcher as matcher_module
from convocoach.coach import text as text_module
from convocoach.coach import trie, vocabulary
from convocoach.coach.loader import bundled_rubric, parse_rubric, read_rubric_file
from convocoach.coach.reply import Reply
from convocoach.coach.score import Coach, coach_for_rubric
from convocoach.coach.vocabulary import WordSets
from convocoach.diagnostics import InvalidFile
from tests.coach_labels import load_labels

RUBRIC_HEAD = "format: 1\nid: t\ntitle: T\n"


def coach_of(body: str) -> Coach:
    return Coach(parse_rubric((RUBRIC_HEAD + body).encode(), "t.yaml"))


def brush_off_rule(rule: str) -> Coach:
    """A rubric of one penalty dimension, NODISMISS, with ``rule`` (YAML) as its rule."""
    return coach_of(
        "dimensions:\n  - code: NODISMISS\n    polarity: penalty\n    absent: pass\n"
        "    rules:" + rule
    )


# --- the filters skip work, never a match ---------------------------------------------------


@pytest.fixture(scope="module")
def both_coaches() -> tuple[Coach, Coach]:
    coach = coach_for_rubric(bundled_rubric())
    return coach, coach


def _same(coaches: tuple[Coach, Coach], text: str, client: str = "") -> None:
    filtered = coaches[0].score(text, client)
    matcher_module.FILTERING = False
    try:
        unfiltered = coaches[1].score(text, client)
    finally:
        matcher_module.FILTERING = True
    assert filtered == unfiltered, text


@pytest.mark.slow
def test_filters_change_no_result_on_the_labelled_replies(
    both_coaches: tuple[Coach, Coach],
) -> None:
    # Every third reply of each part, from every writer's batch: scoring without the
    # filters runs every pattern on every reply, and all 4,000 would take a minute.
    for entry in load_labels("tuning")[::3] + load_labels("frozen")[::3]:
        _same(both_coaches, entry["reply"], entry.get("client") or "")


_WORDS = [
    "you",
    "your team",
    "signed off",
    "sorry",
    "but",
    "never",
    "always",
    "frustrating",
    "I'll",
    "send",
    "by Friday",
    "the plan",
    "calm down",
    "policy",
    "what",
    "how come",
    "so",
    "nobody",
    "on your side",
    "had",
    "replied",
    "it's just",
    "a couple of weeks",
    "rules are rules",
    "I get it",
    "we",
    "missed",
    "the date",
    "we told you",
    "?",
    ".",
    ",",
    "Sorry,",
    "however",
    "blindsided",
    "İ",
    "ſtress",
    "’",
    "'",
    "—",
    "\n",
    "you’re",
    "don’t",
    "I’ll",
    "we’ve",
    "NO  NEED",
    "no\nneed",
    "worked\tup",
    "Calm   down",
    "signed-off",
    "a.m.",
    "10am",
    "Friday’s",
    "ˈ",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
def test_filters_change_no_result_on_any_mix_of_cue_words(words: list[str]) -> None:
    coaches = _coaches_for_property()
    _same(coaches, " ".join(words))


def _coaches_for_property() -> tuple[Coach, Coach]:
    coach = _bundled_coach()
    return coach, coach


_COACH: list[Coach] = []


def _bundled_coach() -> Coach:
    if not _COACH:
        _COACH.append(coach_for_rubric(bundled_rubric()))
    return _COACH[0]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="abcd' -", min_size=1, max_size=6), min_size=1, max_size=12),
    st.text(alphabet="abcd' -.", max_size=40),
)
def test_a_trie_matches_what_the_plain_alternation_matches(phrases: list[str], text: str) -> None:
    phrases = [p for p in phrases if p.strip(" *")]
    if not phrases:
        return
    folded = re.compile(trie.alternation(phrases), re.IGNORECASE)
    plain = re.compile(
        "|".join(trie_free(p) for p in sorted(phrases, key=len, reverse=True)), re.IGNORECASE
    )
    assert bool(folded.search(text)) == bool(plain.search(text))


def trie_free(phrase: str) -> str:
    return "".join(trie.atoms(phrase))


# --- word sets -------------------------------------------------------------------------------


def test_a_word_set_is_used_in_patterns_by_name() -> None:
    coach = coach_of("""
vocabulary:
  - name: feeling
    words: [rattled, in a bind, frustrat*]
dimensions:
  - code: FEEL
    polarity: reward
    absent: fail
    rules:
      - kind: existence
        id: f
        effect: pass
        message: names it
        patterns: ['\\byou(?:''re| are)\\s+{feeling}']
""")
    assert coach.score("You're rattled, I know.")["FEEL"].status == "pass"
    assert coach.score("you are   in a  bind")["FEEL"].status == "pass"
    assert coach.score("You are frustrated.")["FEEL"].status == "pass"
    assert coach.score("You are fine.")["FEEL"].status == "fail"


def test_a_pattern_that_is_one_word_set_is_filtered_form_by_form() -> None:
    # As one alternation, the set's forms need no word in common and would run on every
    # reply; split, each runs only where its own words are.
    shield = vocabulary.forms(["signed off"], [r"\bsorry\b[^.]*", r"\bper contract\b"])
    named = WordSets(
        {"shield": vocabulary.alternation(shield)}, {"shield": None}, {"shield": shield}
    )
    cues = matcher_module.matcher((), ("{shield}",), named)
    assert cues is not None
    assert cues.always is None
    assert len(cues.gated) == 3

    reply = Reply("So sorry, it was signed off.")
    assert cues.spans(reply.matchable, reply) == [(3, 27), (17, 27)]


def test_each_back_reference_refers_to_its_own_patterns_group() -> None:
    # Patterns that need no word run as one alternation; a back-reference there would count
    # the groups of the patterns before it.
    coach = brush_off_rule("""
      - kind: existence
        id: t
        effect: fail
        message: closes the talk
        patterns: ['\\b(\\w{3,})\\s+is\\s+\\1\\b', '\\b(\\w{3,}\\s+\\w{3,})\\s+is\\s+\\1\\b']
""")
    assert coach.score("Price is price.")["NODISMISS"].status == "fail"
    assert coach.score("Lead time is lead time.")["NODISMISS"].status == "fail"
    assert coach.score("Lead time is long.")["NODISMISS"].status == "pass"


def test_an_unknown_word_set_is_refused_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        RUBRIC_HEAD
        + """dimensions:
  - code: FEEL
    rules:
      - kind: existence
        id: f
        effect: pass
        message: m
        patterns: ['\\b{feelings}\\b']
""",
        encoding="utf-8",
    )
    from convocoach.coach.loader import find_rubric
    from convocoach.locations import Locations

    with pytest.raises(InvalidFile) as caught:
        find_rubric(Locations.from_env(), str(path))
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (11, 23)
    assert "{feelings}" in problem.message
    assert "feeling" not in problem.fix.split(":")[0]


@pytest.mark.parametrize(
    ("names", "says"),
    [
        ("[CALM]", "'CALM', which is not a dimension of this rubric"),
        ("[REFL]", "'REFL', which itself waits for other dimensions' verdicts"),
    ],
)
def test_unless_passes_must_name_a_verdict_known_in_time(
    tmp_path: Path, names: str, says: str
) -> None:
    path = tmp_path / "waits.yaml"
    path.write_text(
        RUBRIC_HEAD
        + f"""extends: default
dimensions:
  - code: NOBLAME
    rules:
      - kind: existence
        id: shield-again
        effect: fail
        message: m
        phrases: [you signed]
        unless_passes: {names}
""",
        encoding="utf-8",
    )
    from convocoach.coach.loader import find_rubric
    from convocoach.locations import Locations

    with pytest.raises(InvalidFile) as caught:
        find_rubric(Locations.from_env(), str(path))
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (13, 9)
    assert says in problem.message
    assert "OWN" in problem.fix
    assert "REFL" not in problem.fix


def test_an_empty_word_set_is_refused() -> None:
    with pytest.raises(InvalidFile) as caught:
        parse_rubric((RUBRIC_HEAD + "vocabulary:\n  - name: empty\n").encode(), "t.yaml")
    assert "empty" in caught.value.problems[0].message


def test_a_rubric_that_extends_adds_words_to_a_set(tmp_path: Path) -> None:
    from convocoach.coach.loader import extend

    base = bundled_rubric()
    extra = read_rubric_file(
        _write(
            tmp_path,
            """format: 1
id: mine
extends: default
vocabulary:
  - name: feeling
    words: [discombobulated]
""",
        )
    )
    coach = Coach(extend(base, extra, "mine.yaml"))
    assert coach.score("You must be discombobulated by this.")["FEEL"].status == "pass"
    assert Coach(base).score("You must be discombobulated by this.")["FEEL"].status == "fail"


def _write(folder: Path, text: str) -> Path:
    path = folder / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- falling short is not a penalty ----------------------------------------------------------


def test_a_miss_fails_the_dimension_without_a_penalty() -> None:
    coach = coach_of("""
dimensions:
  - code: FEEL
    polarity: reward
    absent: fail
    rules:
      - kind: existence
        id: wrong
        effect: miss
        message: the wrong feeling
        phrases: [you must be pleased]
      - kind: existence
        id: right
        effect: pass
        message: names it
        phrases: [you must be]
""")
    result = coach.score("You must be pleased with this.")["FEEL"]
    assert (result.status, result.penalty, result.reason) == ("fail", False, "the wrong feeling")


def test_half_a_step_is_told_apart_from_a_vague_one() -> None:
    coach = coach_of("""
dimensions:
  - code: NEXT
    polarity: reward
    absent: not-applicable
    rules:
      - kind: cooccurrence
        id: step
        message: a step with a when
        otherwise: no when
        partial_message: half a step
        trigger: {phrases: ["I'll"]}
        requires: {phrases: [Friday]}
        partial: {phrases: [the plan]}
""")
    assert coach.score("I'll send the plan by Friday.")["NEXT"].status == "pass"
    half = coach.score("I'll send the plan.")["NEXT"]
    vague = coach.score("I'll sort it.")["NEXT"]
    assert (half.status, half.reason, half.penalty) == ("fail", "half a step", False)
    assert (vague.status, vague.reason, vague.penalty) == ("fail", "no when", False)
    assert [m.text for m in half.matches] == ["I'll", "the plan"]


def test_a_leading_question_is_not_open_whatever_its_first_word() -> None:
    coach = coach_of("""
dimensions:
  - code: OPENQ
    polarity: reward
    absent: fail
    rules:
      - kind: question
        id: q
        message: open
        closed_message: closed
        open_words: [what, how]
        closed_words: [is]
        leading: {phrases: [how come]}
        invitation_patterns: ['^describe\\b']
""")
    assert coach.score("How come nobody flagged it?")["OPENQ"].reason == "closed"
    assert coach.score("How did it land with the board?")["OPENQ"].status == "pass"
    assert coach.score("Describe a good outcome for your director.")["OPENQ"].status == "pass"
    assert coach.score("Let me describe the plan.")["OPENQ"].status == "fail"


def test_words_taken_up_only_to_rebut_them_are_no_reflection() -> None:
    coach = coach_for_rubric(bundled_rubric())
    client = "Can we get fireworks over the harbour for the launch in ten days?"
    mocking = (
        "Fireworks over the harbour in ten days? Sure, and I'll book the moon while I'm at it."
    )
    listening = "Fireworks over the harbour for the launch: what matters most about them for you?"
    assert coach.score(mocking, client)["REFL"].status == "fail"
    assert coach.score(listening, client)["REFL"].status == "pass"


def test_a_figure_taken_up_counts_for_as_many_words_as_the_rule_says() -> None:
    client = "We only have 4000 euro left in the fund, not the 6500 you quoted."
    reply = "Thanks for being upfront about the 4000. Which part matters most to the children?"
    one, two = (
        coach_of(f"""
dimensions:
  - code: REFL
    polarity: reward
    absent: fail
    rules:
      - kind: overlap
        id: shared
        message: takes up their words
        min_shared: 2
        figure_weight: {weight}
""")
        for weight in (1, 2)
    )
    assert one.score(reply, client)["REFL"].status == "fail"
    assert two.score(reply, client)["REFL"].status == "pass"
    assert (
        two.score("Thanks for being upfront. Which part matters most?", client)["REFL"].status
        == "fail"
    )


def test_a_rule_can_stand_down_when_the_client_line_holds_a_cue() -> None:
    coach = brush_off_rule("""
      - kind: existence
        id: shrug
        effect: fail
        message: brushes it aside
        phrases: [no worries]
        unless_client:
          phrases: [sorry]
""")
    reply = "No worries, it happens. I'll move the delivery to Friday."
    assert coach.score(reply, "Sorry, I gave you the wrong address.")["NODISMISS"].status == "pass"
    assert coach.score(reply, "The van never came.")["NODISMISS"].status == "fail"
    assert coach.score(reply)["NODISMISS"].status == "fail"


SIGN_OFF_AND_OWN = """
dimensions:
  - code: REFL
    polarity: reward
    absent: fail
    rules:
      - kind: overlap
        id: shared
        message: takes up their words
        min_shared: 2
        unless_penalty: [NOBLAME]
  - code: NOBLAME
    polarity: penalty
    absent: pass
    rules:
      - kind: existence
        id: shield
        effect: fail
        message: their approval as a shield
        phrases: [you approved]
        unless_passes: [OWN]
  - code: OWN
    polarity: reward
    absent: not-applicable
    rules:
      - kind: existence
        id: owned
        effect: pass
        message: owns our part
        phrases: [our error]
      - kind: existence
        id: defended
        effect: fail
        message: takes it back
        phrases: [but you]
"""


def test_a_rule_can_stand_down_when_the_reply_passes_another_dimension() -> None:
    # OWN comes after NOBLAME in the file: the order of judging follows what each needs.
    coach = coach_of(SIGN_OFF_AND_OWN)
    owned = "You approved the blue proof, and the darker print is our error."
    assert coach.score(owned)["NOBLAME"].status == "pass"
    assert coach.score("You approved the blue proof.")["NOBLAME"].status == "fail"
    taken_back = "The print is our error, but you approved the blue proof."
    assert coach.score(taken_back)["OWN"].status == "fail"
    assert coach.score(taken_back)["NOBLAME"].status == "fail"


def test_a_penalty_judged_late_still_counts_for_the_rules_that_look_at_penalties() -> None:
    coach = coach_of(SIGN_OFF_AND_OWN)
    client = "The blue brochure proof came back far too dark from the printer."
    rebuttal = "The blue brochure proof? You approved the blue brochure proof."
    assert coach.score(rebuttal, client)["NOBLAME"].status == "fail"
    assert coach.score(rebuttal, client)["REFL"].status == "fail"
    listening = "The blue brochure proof came back too dark: what matters most now?"
    assert coach.score(listening, client)["REFL"].status == "pass"


def test_one_long_sentence_is_hard_to_read_even_among_short_ones() -> None:
    long_one = (
        "We are going to need to look again at the whole of the plan that we agreed with "
        "your team back in the spring before we can say anything firm about the date."
    )
    result = coach_for_rubric(bundled_rubric()).score(f"Thanks. I hear you. {long_one} Sorry.")[
        "READ"
    ]
    assert result.status == "fail"
    assert "one sentence of 33 words" in result.reason


def test_any_kind_of_space_counts_as_a_space() -> None:
    """Cues match ASCII spaces (for speed); a pasted no-break or thin space is read as one."""
    coach = _bundled_coach()
    for space in ("\u00a0", "\u202f", "\u2009", "\u3000"):
        result = coach.score(f"Calm{space}down, we will fix it.")["NODISMISS"]
        assert result.status == "fail", repr(space)
        assert result.matches[0].text == f"Calm{space}down"


# --- sentences --------------------------------------------------------------------------------

# The sentence end as first written: every lookbehind tried at every character.
_PLAIN_SENTENCE_END = re.compile(
    r"(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)"
    r"[.!?…]+[\"'”’)\]]*(?=\s|$)|\n\s*",
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "e.g",
                "i.e",
                "vs",
                "Mr",
                "Mrs",
                "Ms",
                "Dr",
                "2.5",
                "ok",
                "a",
                " ",
                "  ",
                ".",
                "!",
                "?",
                "…",
                "\n",
                "\n ",
                '"',
                "'",
                "”",
                "’",
                ")",
                "]",
                "x",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_sentences_end_where_the_plain_pattern_ends_them(text: str) -> None:
    plain = [m.span() for m in _PLAIN_SENTENCE_END.finditer(text)]
    assert [m.span() for m in text_module._SENTENCE_END.finditer(text)] == plain
