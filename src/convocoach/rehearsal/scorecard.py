"""The end-of-rehearsal scorecard: per dimension, the listening ratio, the turning points."""

from __future__ import annotations

from dataclasses import dataclass

from convocoach.coach.model import Rubric
from convocoach.coach.score import for_other_reader
from convocoach.coach.text import sentences
from convocoach.rehearsal.engine import Exchange, State
from convocoach.wording import counted


@dataclass(frozen=True, slots=True)
class DimensionTally:
    code: str
    title: str
    passed: int
    failed: int
    not_applicable: int

    @property
    def judged(self) -> int:
        return self.passed + self.failed

    @property
    def rate(self) -> float | None:
        """Share of judged replies that passed (None when none was judged)."""
        return self.passed / self.judged if self.judged else None


@dataclass(frozen=True, slots=True)
class Scorecard:
    ending: str
    replies: int
    dimensions: tuple[DimensionTally, ...]
    reflections: int
    questions: int
    movers: tuple[Exchange, ...]
    """The (up to) three replies that moved the client's mood most, biggest first."""
    tips: tuple[str, ...]
    commitments: tuple[str, ...]
    path: tuple[str, ...] = ()
    """The turns the conversation went through, in order, ending where it stands."""

    @property
    def reflection_ratio(self) -> float | None:
        """Reflections per question (MITI: 1 is fair, 2 is good)."""
        return self.reflections / self.questions if self.questions else None


def listening(card: Scorecard) -> str:
    """Reflections against questions in words, with the ratio when there is one."""
    if not card.reflections and not card.questions:
        return (
            "No reflections or questions yet: say back what you heard, then ask an open question."
        )
    counts = f"Reflections to questions: {card.reflections}:{card.questions}"
    ratio = card.reflection_ratio
    if ratio is None:
        return f"{counts} (no questions yet)"
    return f"{counts} = {ratio:.1f} (1 is fair, 2 is good)"


def _questions(text: str) -> int:
    return sum(1 for a, b in sentences(text) if text[a:b].rstrip("\"'”’) ").endswith("?"))


_TIPS = 4


def _tips(
    exchanges: tuple[Exchange, ...], tallies: list[DimensionTally], rubric: Rubric
) -> tuple[str, ...]:
    """The wording that cost the client's mood most comes first, however rarely it was used
    (one "calm down" can end a conversation); then the behaviours shown least often."""
    tip_of = {d.code: d.tip for d in rubric.dimensions if d.tip}
    title_of = {t.code: t.title for t in tallies}
    cost: dict[str, int] = {}
    for e in exchanges:
        for code in e.penalties:
            cost[code] = cost.get(code, 0) + max(0, -e.mood_change)
    costly = sorted((code for code in cost if code in tip_of), key=lambda code: (-cost[code], code))
    tips = [
        f"{title_of.get(code, code)}: {tip_of[code]}"
        + (f" (it cost {cost[code]} of the client's mood)" if cost[code] else "")
        for code in costly
    ]
    tips += _heard_tips(exchanges)
    weakest = sorted(
        (t for t in tallies if t.rate is not None and t.rate < 0.5 and t.code not in cost),
        key=lambda t: (t.rate or 0.0, t.code),
    )
    tips += [f"{t.title}: {tip_of[t.code]}" for t in weakest if t.code in tip_of]
    return tuple(tips[:_TIPS])


_HEARD_TIPS = {
    "unanswered": "Answer what the client asks: {n} left their question unanswered, so they "
    "asked again",
    "repeat": "Say something new each time: {n} repeated an earlier one, and earned nothing",
    "refusal": "Offer something in place of a flat no: {n} only refused, and kind words "
    "around a refusal do not count",
    "off-topic": "Stay on the client's problem: {n} had words off the subject",
    "unclear": "Say it in plain words: in {n} the client had to ask what an idiom meant",
}


def _heard_tips(exchanges: tuple[Exchange, ...]) -> list[str]:
    """What the client noticed in the replies (a dodge, a repeat, a refusal), most often
    first."""
    counts: dict[str, int] = {}
    for e in exchanges:
        if e.heard:
            counts[e.heard] = counts.get(e.heard, 0) + 1
    return [
        _HEARD_TIPS[h].format(n=counted(n, "reply")) + "."
        for h, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def scorecard(state: State, rubric: Rubric) -> Scorecard:
    exchanges = state.exchanges
    tallies = []
    for dim in rubric.dimensions:
        got = [e.status(dim.code) for e in exchanges]
        if for_other_reader(dim, "native") and not any(got):
            continue  # judged for a second-language reader only, and this one was not
        tallies.append(
            DimensionTally(
                dim.code,
                dim.title,
                got.count("pass"),
                got.count("fail"),
                got.count("not-applicable"),
            )
        )
    movers = sorted(
        (e for e in exchanges if e.mood_change),
        key=lambda e: (-abs(e.mood_change), exchanges.index(e)),
    )[:3]
    tips = _tips(exchanges, tallies, rubric)
    return Scorecard(
        ending=state.ending or "",
        replies=len(exchanges),
        dimensions=tuple(tallies),
        reflections=sum(1 for e in exchanges if e.status("REFL") == "pass"),
        questions=sum(_questions(e.reply) for e in exchanges),
        movers=tuple(movers),
        tips=tips,
        commitments=tuple(dict.fromkeys(c for e in exchanges for c in e.commitments)),
        path=(*(t for e in exchanges for t in (e.turn_id, *e.passed)), state.turn_id),
    )


def path_words(card: Scorecard) -> str:
    """The path through the role-play's map (a turn stayed at shows once per reply)."""
    return "Path through the role-play: " + " \u2192 ".join(card.path)
