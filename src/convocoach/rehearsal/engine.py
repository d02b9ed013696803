"""Playing a script: each reply is scored, a branch is taken, the mood moves; undo is free.

The state is an immutable value: every reply makes a new one, so undoing the last reply is
going back to the state before it, and a saved transcript replays to the same place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from convocoach.coach.model import Reader, Status
from convocoach.coach.score import Coach, Score
from convocoach.coach.text import sentences
from convocoach.rehearsal import asks, case, clarify, figures, hearing
from convocoach.rehearsal.script import MOOD_MAX, MOOD_MIN, Branch, Ending, Script, Turn


@dataclass(frozen=True, slots=True)
class Exchange:
    """One reply of the user's, to one thing the client said, and what it did."""

    turn_id: str
    client: str
    reply: str
    statuses: tuple[tuple[str, Status], ...]
    penalties: tuple[str, ...]
    mood_before: int
    mood_after: int
    note: str
    """Why the client reacted as they did (the branch's note)."""
    commitments: tuple[str, ...] = ()
    """Sentences of the reply that commit to a concrete next step."""
    seconds: float = 0.0
    """Time the user took over the reply (the rehearsal clock, pauses excluded)."""
    heard: hearing.Heard = ""
    """What the client noticed besides the verdicts: a repeat, a refusal, words off the
    subject, a question left unanswered ("" when the reply was heard as it is)."""
    learned: tuple[tuple[str, str], ...] = ()
    """The case's facts the reply told (its own figures and dates)."""
    gave: tuple[asks.Ask, ...] = ()
    """What the reply gave the client: a reason, a date, the cost..."""
    offered: tuple[str, ...] = ()
    """The playbook's options the reply offered."""
    passed: tuple[str, ...] = ()
    """Turns the client moved through without asking, because the reply had already
    answered them."""
    offending: str = ""
    """The user's sentence that cost the client's mood (blame, a brush-off), which the
    client throws back at them."""
    unclear: str = ""
    """The idiom or jargon a client reading English as a second language asked about (the
    reply's own words; heard is then "unclear")."""

    def status(self, code: str) -> Status | None:
        return dict(self.statuses).get(code)

    @property
    def mood_change(self) -> int:
        return self.mood_after - self.mood_before


@dataclass(frozen=True, slots=True)
class State:
    turn_id: str
    mood: int
    exchanges: tuple[Exchange, ...] = ()
    ending: Ending | None = None


def begin(script: Script) -> State:
    return State(script.start, script.start_mood)


def facts(script: Script, state: State) -> dict[str, str]:
    """The case's facts as they stand: the session's, then what each reply told."""
    return case.merged(dict(script.facts), (dict(e.learned) for e in state.exchanges))


def given_at(state: State, turn_id: str) -> frozenset[asks.Ask]:
    """What the client has been given in the replies to one of their turns so far."""
    return frozenset(a for e in state.exchanges if e.turn_id == turn_id for a in e.gave)


def client_line(script: Script, state: State) -> str:
    """What the client has just said (the ending's words once it is over), with what they
    noticed about the last reply first, and the cost of an option the reply offered."""
    visits = sum(1 for e in state.exchanges if e.turn_id == state.turn_id)
    known = facts(script, state)
    line = case.render(script.turn(state.turn_id).phrasing(visits), known)
    if not state.exchanges:
        return line
    last = state.exchanges[-1]
    if state.ending is None and last.heard == "unclear":
        return clarify.question(last.unclear)  # their question instead of the turn's line
    if state.ending is None and last.heard == "unanswered":
        # Nothing the turn asks was given, so its first ask is what the client asks again.
        said = asks.UNANSWERED[script.turn(last.turn_id).asks[0]][visits % 2]
        return f"{said} {line}"
    if state.ending is None and last.heard:
        return f"{hearing.remark(last.heard, len(state.exchanges))} {line}"
    if last.offending:
        return f"\u201c{last.offending}\u201d? {line}"
    objection = _objection(script, state)
    return f"{case.render(objection, known)} {line}" if objection else line


def _objection(script: Script, state: State) -> str:
    """The cost the client raises of an option the last reply offered, once per option."""
    *before, last = state.exchanges
    raised = {o for e in before for o in e.offered[:1]}
    if (
        state.ending is not None
        or last.mood_change < 0
        or not last.offered
        or last.offered[0] in raised
    ):
        return ""  # at an ending the client has accepted (or refused) it already
    return next((o.objection for o in script.offers if o.id == last.offered[0]), "")


# What makes a reply land with the client (naming the feeling, taking up their words, asking)
# means nothing around a flat refusal.
_HOLLOW_AROUND_REFUSAL = ("FEEL", "REFL", "OPENQ")


@lru_cache(maxsize=32)
def named_facts(script: Script) -> frozenset[str]:
    """The facts the client's lines name: the only ones worth learning from a reply, and
    the ones the Prepare step asks for."""
    lines = [line for t in script.turns for line in (t.client, *t.variants)]
    lines += [o.objection for o in script.offers]
    return frozenset(name for line in lines for name in case.names_in(line))


@lru_cache(maxsize=32)
def _topic(script: Script) -> frozenset[str]:
    """The words of the conversation itself: the client's lines, wants, fears and notes."""
    persona = script.persona
    texts = [persona.role, *persona.wants, *persona.fears]
    for turn in script.turns:
        texts.append(turn.client)
        texts += [branch.note for branch in turn.branches]
    return hearing.known_words(texts)


def choose(
    branches: tuple[Branch, ...],
    statuses: Mapping[str, Status],
    offered: tuple[str, ...] = (),
    gave: frozenset[asks.Ask] = frozenset(),
) -> Branch:
    """The first branch whose test holds for these verdicts, the options offered and what
    the client has been given; the last one otherwise."""
    for branch in branches:
        if branch.if_pass and not all(statuses.get(c) == "pass" for c in branch.if_pass):
            continue
        if branch.if_fail and not any(statuses.get(c) == "fail" for c in branch.if_fail):
            continue
        if branch.if_offered and not set(branch.if_offered) & set(offered):
            continue
        if branch.if_answered and not set(branch.if_answered) <= gave:
            continue
        return branch
    return branches[-1]


def respond(
    script: Script,
    state: State,
    reply: str,
    score: Score,
    seconds: float = 0.0,
    said: str | None = None,
) -> State:
    """The state after the user says ``reply`` (already scored as ``score``) to what the
    client ``said`` (their line at this state, worked out again when not given)."""
    if state.ending is not None:
        raise ValueError("the conversation has ended")
    turn = script.turn(state.turn_id)
    heard = hearing.hear(reply, [e.reply for e in state.exchanges], _topic(script))
    statuses = score.statuses()
    if heard == "refusal":
        statuses |= {code: "fail" for code in _HOLLOW_AROUND_REFUSAL if code in statuses}
    offered = asks.offered(reply, script.offers)
    gave = asks.answered(reply, asks.ASKS, statuses, offered)
    # What was given in answer to this very question before counts; an answer to another
    # question (an earlier total, an earlier date) need not answer this one.
    so_far = gave | given_at(state, turn.id)
    branch = choose(turn.branches, statuses, offered, so_far)
    change, note, goto = branch.mood, branch.note, branch.goto
    passed: tuple[str, ...] = ()
    # A second-language reader asks what an idiom means before anything else is heard in it.
    unclear = ""
    if heard in ("", "off-topic"):
        unclear = clarify.unclear_words(score, (e.unclear for e in state.exchanges))
        heard = "unclear" if unclear else heard
    if heard == "unclear":
        change, goto = 0, turn.id
        note = f"The client did not follow ‘{unclear}’ and asked: say it in plain words."
    elif heard == "repeat":
        # Heard before: the client does not move on, and likes it less each time.
        change, note, goto = -1, "Heard that before: a repeated reply earns nothing.", turn.id
    elif heard:
        change = min(change, 0) - 1
        note = (
            "A flat refusal: kind words around it do not count."
            if heard == "refusal"
            else "Words off the subject: the client wonders if you are listening."
        )
    elif _dodged(script, turn, branch, so_far):
        if _asked_again(state, turn.id):
            # Dodged again: the script's catch-all goes on (the client presses harder, or
            # loses patience); a good branch is not earned by a reply that does not answer.
            branch = turn.branches[-1]
            change, note, goto = branch.mood, branch.note, branch.goto
        else:  # asked once more, at no cost
            heard, goto, change = "unanswered", turn.id, 0
            wanted = " or ".join(asks.ASK_LABELS[a] for a in turn.asks)
            note = f"The client asked for {wanted} and did not hear it, so they ask again."
    else:
        # Only what this reply says answers the turns ahead: a date given earlier need not
        # be the one the next question is about.
        goto, passed = _pass_answered(script, turn.id, goto, statuses, offered, gave)
    mood = max(MOOD_MIN, min(MOOD_MAX, state.mood + change))
    target = script.turn(goto)
    replies = len(state.exchanges) + 1
    # The script's own ending wins; otherwise a mood at the bottom means the client leaves.
    if mood <= script.walkout_at and not target.ending:
        target = script.ending("walkout")
    elif replies >= script.max_replies and not target.ending:
        target = script.ending("stalemate")
    exchange = Exchange(
        turn_id=turn.id,
        client=client_line(script, state) if said is None else said,
        reply=reply,
        statuses=tuple((r.code, r.status) for r in score.results),
        penalties=tuple(r.code for r in score.penalties),
        mood_before=state.mood,
        mood_after=mood,
        note=note,
        commitments=commitments(score),
        seconds=seconds,
        heard=heard,
        learned=tuple(figures.learn(reply, named_facts(script), "date" in turn.asks).items()),
        gave=tuple(a for a in asks.ASKS if a in gave),
        offered=offered,
        passed=passed,
        offending=_offending(score, branch) if change < 0 and not heard else "",
        unclear=unclear,
    )
    ending = target.ending or None
    return State(target.id, mood, (*state.exchanges, exchange), ending)


def _offending(score: Score, branch: Branch) -> str:
    """The sentence whose wording the branch took offence at (a penalty it tests), as the
    client would quote it back: its first words, when it is long."""
    for result in score.results:
        if result.penalty and result.code in branch.if_fail and result.matches:
            at = result.matches[0].start
            for start, end in sentences(score.text):
                if start <= at < end:
                    said = " ".join(score.text[start:end].split()).rstrip(".!?")
                    return said if len(said) <= 80 else said[:77].rsplit(" ", 1)[0] + "\u2026"
    return ""


def _asked_again(state: State, turn_id: str) -> bool:
    """Whether the client has just asked this turn's question again."""
    return (
        bool(state.exchanges)
        and state.exchanges[-1].heard == "unanswered"
        and state.exchanges[-1].turn_id == turn_id
    )


def _dodged(script: Script, turn: Turn, branch: Branch, given_so_far: frozenset[asks.Ask]) -> bool:
    """Whether the reply left the client's question unanswered, neither hurting nor helping
    (the catch-all branch) or well said: the client asks again instead of moving on. How it
    was said still counts when a test of the coach's verdicts lowers the mood."""
    if not turn.asks or set(turn.asks) & given_so_far or branch.if_answered:
        return False
    return (branch.mood >= 0 or branch.is_default) and not script.turn(branch.goto).ending


def _pass_answered(
    script: Script,
    here: str,
    goto: str,
    statuses: Mapping[str, Status],
    offered: tuple[str, ...],
    gave: frozenset[asks.Ask],
) -> tuple[str, tuple[str, ...]]:
    """Where the client goes when the turn they would ask next has been answered already:
    through it, as if the same reply were said to it, while it leads on without a fall in
    mood (the client does not ask what they have just been told)."""
    passed: list[str] = []
    while len(passed) < 2:
        target = script.turn(goto)
        if (
            target.ending
            or not target.asks
            or not set(target.asks) <= gave
            or goto == here
            or goto in passed
        ):
            break
        branch = choose(target.branches, statuses, offered, gave)
        if branch.mood < 0 or branch.goto in (goto, here):
            break
        passed.append(goto)
        goto = branch.goto
    return goto, tuple(passed)


def step(
    script: Script,
    coach: Coach,
    state: State,
    reply: str,
    seconds: float = 0.0,
    reader: Reader = "native",
) -> tuple[State, Score]:
    """Judge ``reply`` as the client's last line, technical level and reading (``reader``:
    a second-language reader, when their language is not the user's) call for, and answer
    it: what the app does with each reply sent, and what a headless play does too."""
    said = client_line(script, state)
    score = coach.score(reply, said, script.persona.technical_level, reader)
    return respond(script, state, reply, score, seconds, said), score


def undo(state: State) -> State:
    """The state before the last reply (the same state when there is none)."""
    if not state.exchanges:
        return state
    last = state.exchanges[-1]
    return replace(
        state,
        turn_id=last.turn_id,
        mood=last.mood_before,
        exchanges=state.exchanges[:-1],
        ending=None,
    )


def commitments(score: Score) -> tuple[str, ...]:
    """The sentences of a reply that commit to a next step with a time or a deliverable."""
    try:
        result = score["NEXT"]
    except KeyError:
        return ()
    if result.status != "pass":
        return ()
    found: list[str] = []
    for start, end in sentences(score.text):
        if any(start <= m.start < end for m in result.matches):
            found.append(score.text[start:end].strip())
    return tuple(dict.fromkeys(found))
