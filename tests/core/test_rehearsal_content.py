"""The engine hears what a reply says: it asks again for what it did not get, does not ask
what it was just told, recognises the option offered, and speaks the user's own figures."""

from __future__ import annotations

from functools import cache

from convocoach.coach.loader import bundled_rubric
from convocoach.coach.score import Coach, coach_for_rubric
from convocoach.rehearsal.asks import UNANSWERED, Offer
from convocoach.rehearsal.engine import State, begin, client_line, facts, step, undo
from convocoach.rehearsal.script import Branch, Persona, Script, Turn
from convocoach.sessions.casting import cast
from convocoach.sessions.fileformat import dump_session, parse_session
from convocoach.sessions.model import Case, Client
from convocoach.sessions.rehearsals import RehearsalLog
from tests.tui_support import open_store

PERSONA = Persona("Mei Chen", "Finance Director", "Director", "Numbers first", "medium", (), ())
GOOD = "I know this is unwelcome news, and I'm sorry it comes mid-year."


def _turn(
    tid: str, line: str, asks: tuple[str, ...], *branches: Branch, variants: tuple[str, ...] = ()
) -> Turn:
    return Turn(tid, line, asks, variants, branches=branches)  # type: ignore[arg-type]


def _go(goto: str, mood: int = 1, **tests: tuple[str, ...]) -> Branch:
    return Branch(
        goto,
        mood,
        tests.get("if_pass", ()),
        tests.get("if_fail", ()),
        "",
        tests.get("if_offered", ()),
        tests.get("if_answered", ()),  # type: ignore[arg-type]
    )


SCRIPT = Script(
    persona=PERSONA,
    start_mood=5,
    start="number",
    turns=(
        _turn(
            "number",
            "What is the new price, compared with {old_price|what we pay now}?",
            ("cost",),
            _go("escalates", -2, if_fail=("NOBLAME",)),
            _go("why"),
            variants=(
                "So what will it cost us?",
                "The figure, please.",
                "I still need the figure.",
            ),
        ),
        _turn(
            "why",
            "{new_price|That} is a lot. Why now?",
            ("reason",),
            _go("escalates", -2, if_fail=("NOBLAME",)),
            _go("options"),
            variants=("Why this year?", "What is behind it?"),
        ),
        _turn(
            "options",
            "What can you offer?",
            ("options",),
            _go("escalates", -2, if_fail=("NOBLAME",)),
            _go("phased", 1, if_offered=("phased",)),
            _go("stuck", 0),
        ),
        _turn(
            "phased",
            "Two steps could work. When would the second come?",
            ("date",),
            _go("agreement", 2),
        ),
        _turn("stuck", "That is not an offer.", ("options",), _go("options", 0)),
        _turn("escalates", "Don't blame us.", ("apology",), _go("walkout", -3)),
        Turn(
            "agreement",
            "All right: {new_price|the new price}, from {new_date|then}.",
            ending="agreement",
        ),
        Turn("stalemate", "Let me think about it.", ending="stalemate"),
        Turn("walkout", "We are done.", ending="walkout"),
    ),
    walkout_at=0,
    max_replies=10,
    offers=(
        Offer(
            "phased",
            "Phase it",
            ("phase", "two steps"),
            "Phasing means a second rise to explain in {new_date|the new year}.",
        ),
    ),
)


@cache
def coach() -> Coach:
    return coach_for_rubric(bundled_rubric())


def say(state: State, *replies: str, script: Script = SCRIPT) -> State:
    for reply in replies:
        state, _ = step(script, coach(), state, reply)
    return state


def test_a_reply_that_gives_nothing_asked_for_is_asked_again() -> None:
    state = say(begin(SCRIPT), GOOD)
    assert state.turn_id == "number"
    assert state.exchanges[-1].heard == "unanswered"
    assert state.mood == 5  # a dodge is not rewarded, and the first one costs nothing
    said = client_line(SCRIPT, state)
    assert said.removesuffix("So what will it cost us?").strip() in UNANSWERED["cost"]
    state = say(state, "I understand, and we want to get this right for you.")
    assert state.exchanges[-1].heard == ""  # dodged again: the script's own branch goes on
    assert state.turn_id == "why"


def test_an_answer_moves_the_client_on() -> None:
    state = say(begin(SCRIPT), "It goes from £1,800 to £1,980 a month, I'm afraid.")
    assert state.turn_id == "why"
    assert state.exchanges[-1].gave == ("cost",)
    assert client_line(SCRIPT, state).startswith("£1,980 is a lot.")


def test_the_client_does_not_ask_what_it_was_just_told() -> None:
    reply = (
        "It goes from £1,800 to £1,980 a month, because our hosting costs have gone up by a fifth."
    )
    state = say(begin(SCRIPT), reply)
    assert state.turn_id == "options"
    assert state.exchanges[-1].passed == ("why",)


def test_the_option_offered_takes_its_branch_and_the_client_raises_its_cost() -> None:
    state = say(begin(SCRIPT), "From £1,800 to £1,980.", "Our costs have gone up.")
    assert state.turn_id == "options"
    state = say(state, "We could phase it in two steps, if that helps your budget.")
    assert state.turn_id == "phased"
    assert state.exchanges[-1].offered == ("phased",)
    line = client_line(SCRIPT, state)
    assert line == (
        "Phasing means a second rise to explain in the new year. Two steps could "
        "work. When would the second come?"
    )
    state = say(state, "The second step would come on 1 January.")
    assert state.ending == "agreement"
    assert client_line(SCRIPT, state) == "All right: £1,980, from 1 January."


def test_an_option_refused_is_not_an_offer() -> None:
    state = say(
        begin(SCRIPT),
        "From £1,800 to £1,980.",
        "Our costs have gone up.",
        "We can't phase it, I'm afraid.",
    )
    assert state.exchanges[-1].offered == ()
    assert (state.turn_id, state.exchanges[-1].heard) == ("options", "unanswered")


def test_the_client_speaks_the_session_figures_and_then_the_users_latest() -> None:
    script = cast(SCRIPT, Client(name="Dana Reyes"), Case(old_price="£3,800", new_price="£4,100"))
    opening = client_line(script, begin(script))
    assert "£3,800" in opening
    assert script.persona.name == "Dana Reyes"
    state = say(
        begin(script), "Actually the new price is £1,980, not what my letter said.", script=script
    )
    assert facts(script, state)["new_price"] == "£1,980"
    assert client_line(script, state).startswith("£1,980 is a lot.")
    assert "£4,100" not in client_line(script, state)
    assert facts(script, undo(state))["new_price"] == "£4,100"


def test_with_no_figures_the_client_uses_neutral_words() -> None:
    assert (
        client_line(SCRIPT, begin(SCRIPT))
        == "What is the new price, compared with what we pay now?"
    )
    state = say(begin(SCRIPT), "It's going up by about ten percent.")
    assert client_line(SCRIPT, state).startswith("That is a lot.")


def test_what_was_heard_is_kept_with_the_rehearsal() -> None:
    state = say(
        begin(SCRIPT),
        "From £1,800 to £1,980.",
        "Our costs have gone up.",
        "We could phase it in two steps.",
    )
    with open_store() as store:
        session_id = store.create("price-increase")
        store.set_field(session_id, "case.new_price", "£1,980")
        log = RehearsalLog(store)
        rehearsal_id = log.start(session_id, "price-increase", begin(SCRIPT))
        log.save(rehearsal_id, state, 0.0)
        saved = log.get(rehearsal_id)
        session = store.get(session_id)
    assert saved.state == state
    assert session.case.new_price == "£1,980"
    back = parse_session(dump_session(session, "yaml", [saved]).encode(), "s.yaml")
    assert back.session.case == session.case
    assert back.rehearsals[0].state.exchanges == state.exchanges


def test_session_case_fields_are_the_facts_a_line_can_name() -> None:
    from dataclasses import fields

    from convocoach.rehearsal.case import SESSION_FACTS

    assert [f.name for f in fields(Case)] == [f.name for f in SESSION_FACTS]


def test_the_client_throws_back_the_words_that_offended() -> None:
    state = say(begin(SCRIPT), "Frankly, you should have budgeted for this. It is £1,980.")
    assert state.turn_id == "escalates"
    assert state.exchanges[-1].offending == "Frankly, you should have budgeted for this"
    assert (
        client_line(SCRIPT, state)
        == "\u201cFrankly, you should have budgeted for this\u201d? Don't blame us."
    )
    with open_store() as store:
        log = RehearsalLog(store)
        rehearsal_id = log.start(store.create("price-increase"), "price-increase", begin(SCRIPT))
        log.save(rehearsal_id, state, 0.0)
        assert log.get(rehearsal_id).state == state
