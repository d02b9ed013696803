"""The client hears what a reply says: what they asked for, the options offered, the figures
given; and the bundled scripts speak the user's figures, never their own."""

from __future__ import annotations

import re
from dataclasses import fields
from functools import cache

import pytest

from convocoach.coach.model import Status
from convocoach.diagnostics import InvalidFile
from convocoach.playbooks.coaching import coach_for
from convocoach.playbooks.loader import load_playbook_file, parse_playbook
from convocoach.playbooks.model import Playbook
from convocoach.rehearsal import case
from convocoach.rehearsal.asks import answered, offered
from convocoach.rehearsal.engine import begin, client_line, step
from convocoach.rehearsal.figures import DATE, MONEY, PERCENT, dates, learn
from convocoach.sessions.casting import cast
from convocoach.sessions.model import Case, Client
from tests.conftest import BUNDLED

# A figure or date said by the client unprompted: digits, currencies, months, weekdays.
LITERAL = re.compile(
    r"\d|[£$€]|\b(?:pounds|dollars|euros|percent)\b|"
    r"\b(?:january|february|march|april|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


@cache
def playbooks() -> tuple[Playbook, ...]:
    return tuple(load_playbook_file(path).playbook for path in sorted(BUNDLED.glob("*.yaml")))


def _said(playbook: Playbook) -> list[str]:
    script = playbook.rehearsal
    assert script is not None
    lines = [line for turn in script.turns for line in (turn.client, *turn.variants)]
    return [case.render(line, {}) for line in (*lines, *(o.objection for o in script.offers))]


@pytest.mark.parametrize("playbook", playbooks(), ids=lambda p: p.id)
def test_the_client_states_no_figure_or_date_of_their_own(playbook: Playbook) -> None:
    found = [(m.group(), line) for line in _said(playbook) for m in LITERAL.finditer(line)]
    assert found == []


@pytest.mark.parametrize("playbook", playbooks(), ids=lambda p: p.id)
def test_every_turn_says_what_the_client_asks_for(playbook: Playbook) -> None:
    script = playbook.rehearsal
    assert script is not None
    assert [t.id for t in script.turns if not t.ending and not t.asks] == []


@pytest.mark.parametrize("playbook", playbooks(), ids=lambda p: p.id)
def test_every_option_is_recognised_and_some_branch_keys_on_one(playbook: Playbook) -> None:
    script = playbook.rehearsal
    assert script is not None
    assert len(script.offers) == len(playbook.prepare.options) >= 3
    for offer in script.offers:
        for cue in offer.cues:
            assert offered(f"We could {cue}, if that helps.", script.offers)[:1] == (
                offer.id,
            ) or offer.id in offered(f"We could {cue}.", script.offers), cue
        assert offered(f"We can't {offer.cues[0]}.", script.offers) == ()
    assert any(b.if_offered for t in script.turns for b in t.branches)


def test_placeholders_speak_the_users_figure_or_neutral_words() -> None:
    line = "From {old_price} to {new_price|the new figure}, from {new_date}. {delay} is long."
    assert (
        case.render(line, {"old_price": "£1,800", "new_date": "March"})
        == "From £1,800 to the new figure, from March. This delay is long."
    )
    assert case.render(line, {"new_price": "£1,980", "delay": "two weeks"}).endswith(
        "to £1,980, from the new date. two weeks is long."
    )


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("From {old_pirce} on.", "{old_pirce} is not a fact"),
        ("A stray } here.", "a brace that opens or closes no placeholder"),
        ("Empty {new_date|} wording.", "the wording after '|'"),
    ],
)
def test_placeholder_mistakes_are_named(line: str, problem: str) -> None:
    [found] = case.placeholder_problems(line)
    assert problem in found.message
    assert line[found.offset] in "{}"


@pytest.mark.parametrize(
    ("reply", "gives"),
    [
        ("Because our supplier doubled their prices.", {"reason"}),
        ("The new date is 14 March.", {"date"}),
        ("It comes to £2,400 more.", {"cost"}),
        ("There's no extra cost to you.", {"cost"}),
        ("We could either phase it or keep the old scope.", {"options"}),
        ("I'm sorry, we got this wrong.", {"apology", "reason"}),
        ("I understand you feel frustrated. What would help most?", set()),
    ],
)
def test_what_a_reply_gives_the_client(reply: str, gives: set[str]) -> None:
    statuses: dict[str, Status] = {"OWN": "pass"} if "got this wrong" in reply else {}
    assert answered(reply, ("reason", "date", "cost", "options", "apology"), statuses, ()) == gives


def test_figures_are_found_as_written() -> None:
    text = "From £1,800 to 1,980 euros, 8% more, ready on Friday 14 March at 5pm."
    assert [m.group() for m in MONEY.finditer(text)] == ["£1,800", "1,980 euros"]
    assert PERCENT.search(text) is not None
    assert [text[a:b] for a, b in dates(text)] == ["on Friday 14 March at 5pm"]
    assert DATE.search("We may need more time.") is None


EXAMPLE = BUNDLED.parent / "docs" / "examples" / "worked-example.yaml"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "{new_date|the date we agreed}",
            "{new_dat}",
            ("unknown-fact", "did you mean 'new_date'?"),
        ),
        (
            "if_offered: [overlap]",
            "if_offered: [overlapping]",
            ("unknown-option", "use one of: overlap, quick-handover"),
        ),
        ("      id: quick-handover\n", "", ("option-id", "add 'id: ...'")),
        ("      id: quick-handover\n", "      id: overlap\n", ("duplicate-name", "own id")),
    ],
)
def test_new_fields_are_checked_with_their_position(
    old: str, new: str, expected: tuple[str, str]
) -> None:
    text = EXAMPLE.read_text("utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    with pytest.raises(InvalidFile) as caught:
        parse_playbook(broken.encode(), "example.yaml")
    [problem] = caught.value.problems
    assert (problem.rule, problem.fix.startswith(expected[1]) or expected[1] in problem.fix) == (
        expected[0],
        True,
    )
    line = broken.splitlines()[problem.line - 1]
    if problem.rule == "unknown-fact":
        assert line[problem.column - 1 :].startswith("{new_dat}")


CASE = Case(
    old_date="3 March",
    new_date="17 March",
    delay="two weeks",
    old_price="£3,800",
    new_price="£4,100",
    amount="£12,500",
    out_of_scope="the mobile app",
)
REPLIES_WITH_FIGURES = (
    "I'm sorry to bring this news. What worries you most about it?",
    "It comes to £4,250 rather than what I wrote before, because our costs rose.",
    "The new date is 24 March, and I'll send the written plan by 5pm tomorrow.",
    "We could give you two options, and I'll call you on Thursday morning to choose.",
    "I understand. What would make this workable for you?",
    "I'll confirm it all in writing by 5pm tomorrow.",
)
_FIGURE = re.compile(f"{MONEY.pattern}|{DATE.pattern}|\\d+", re.IGNORECASE)


@pytest.mark.parametrize("playbook", playbooks(), ids=lambda p: p.id)
def test_from_a_session_the_client_says_its_figures_and_never_contradicts_them(
    playbook: Playbook,
) -> None:
    script = playbook.rehearsal
    assert script is not None
    cast_script = cast(script, Client(name="Dana Reyes", role="VP Operations"), CASE)
    state = begin(cast_script)
    given = " ".join(getattr(CASE, f.name) for f in fields(Case))
    said: list[str] = [client_line(cast_script, state)]
    for reply in REPLIES_WITH_FIGURES:
        if state.ending:
            break
        state, _ = step(cast_script, coach_for(playbook), state, reply)
        given += " " + reply
        said.append(client_line(cast_script, state))
        for figure in _FIGURE.finditer(said[-1]):
            assert figure.group() in given, (figure.group(), said[-1])
    named = {name for line in _said(playbook) for name in case.names_in(line)}
    session_values = [getattr(CASE, n) for n in named if n in {f.name for f in fields(Case)}]
    if session_values:  # the figures the scripts name are said somewhere, not only known
        everything = " ".join(
            [
                client_line(cast_script, begin(cast_script)),
                *(e.client for e in state.exchanges),
                client_line(cast_script, state),
            ]
        )
        assert any(v in everything for v in session_values), everything
    assert cast_script.persona.name == "Dana Reyes"


USED = frozenset({"old_price", "new_price", "amount", "old_date", "new_date", "delay", "promised"})


@pytest.mark.parametrize(
    ("reply", "told"),
    [
        (
            "The price goes from £1,800 to £1,980 a month.",
            {"old_price": "£1,800", "new_price": "£1,980"},
        ),
        ("£300 a month is hardly worth a fuss; the new price is £3,900.", {"new_price": "£3,900"}),
        ("We agreed £120,000 originally.", {"old_price": "£120,000"}),
        ("It comes to £4,250 in total.", {"amount": "£4,250"}),
        (
            "The launch was due on 3 November; it will go live on 24 November.",
            {"old_date": "3 November", "new_date": "24 November"},
        ),
        (
            "The card checkout can go live on 28 November, two weeks late, and I'll send you a "
            "revised plan by Thursday noon.",
            {"new_date": "28 November", "delay": "two weeks", "promised": "Thursday noon"},
        ),
        ("Can we meet on Friday?", {}),
    ],
)
def test_what_a_reply_tells_is_only_what_its_words_say(reply: str, told: dict[str, str]) -> None:
    assert learn(reply, USED, asks_date=False) == told
