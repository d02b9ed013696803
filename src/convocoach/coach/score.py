"""Score a reply against a rubric: per dimension, pass/fail/n/a with the spans and the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from convocoach.coach import model, vocabulary
from convocoach.coach.rules import CompiledRule, Hit, Reply, Skip, compile_rule
from convocoach.coach.text import Span

_SPACES = re.compile(r"  +")


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    text: str
    rule_id: str
    instead: str | None = None
    """For a substitution: what to say instead ("" means leave it out)."""


@dataclass(frozen=True, slots=True)
class DimensionResult:
    code: str
    title: str
    polarity: model.Polarity
    status: model.Status
    reason: str
    matches: tuple[Match, ...]
    penalty: bool
    """A wording to avoid fired (``convocoach check`` exits 1 on any)."""
    rewrite: str = ""
    """The reply with this dimension's substitutions made, when it has any."""


@dataclass(frozen=True, slots=True)
class Score:
    text: str
    level: model.Level
    results: tuple[DimensionResult, ...]
    reader: model.Reader = "native"
    """Who reads it: a dimension whose rules are all for the other reader is left out."""

    def __getitem__(self, code: str) -> DimensionResult:
        for result in self.results:
            if result.code == code:
                return result
        raise KeyError(code)

    @property
    def penalties(self) -> tuple[DimensionResult, ...]:
        return tuple(r for r in self.results if r.penalty)

    def statuses(self) -> dict[str, model.Status]:
        return {r.code: r.status for r in self.results}


class Coach:
    """A rubric with its rules compiled, ready to score any number of replies."""

    def __init__(self, rubric: model.Rubric) -> None:
        self.rubric = rubric
        self._named = vocabulary.sets(rubric)
        self._tables = {table.name: table for table in rubric.weights}
        self._rules: dict[tuple[int, int], CompiledRule] = {}
        """Each rule compiled when a level and reader first need it (by dimension and rule
        number): a reply's cue filters look for the words of compiled rules only, so the
        rules of a reader never coached cost the others nothing."""
        # Dimensions with rules that look at other dimensions' verdicts are judged later:
        # first those that need to know what passed, then those that need the penalties.
        after_penalties = frozenset(d.code for d in rubric.dimensions if d.reads_penalties)
        self._after_passes = (
            frozenset(d.code for d in rubric.dimensions if d.reads_passes) - after_penalties
        )
        self._after = self._after_passes | after_penalties
        self._plans: dict[tuple[model.Level, model.Reader], _Plan] = {}

    def score(
        self,
        text: str,
        client_line: str = "",
        level: model.Level = "medium",
        reader: model.Reader = "native",
    ) -> Score:
        """Judge ``text`` for a client of technical ``level`` read by ``reader``; the same
        input always gives the same result."""
        plan = self._plans.get((level, reader)) or self._plan(level, reader)
        reply = Reply(text, client_line, level, reader)
        # Rules that look at other dimensions' verdicts run once those are known.
        first = {
            dim.code: _judge(dim, rules, reply)
            for dim, rules in plan
            if dim.code not in self._after
        }
        if self._after_passes:
            reply.passed = frozenset(code for code, r in first.items() if r.status == "pass")
            first |= {
                dim.code: _judge(dim, rules, reply)
                for dim, rules in plan
                if dim.code in self._after_passes
            }
        reply.penalised = frozenset(code for code, r in first.items() if r.penalty)
        results = tuple(first.get(dim.code) or _judge(dim, rules, reply) for dim, rules in plan)
        return Score(text, level, results, reader)

    def _plan(self, level: model.Level, reader: model.Reader) -> _Plan:
        """The dimensions judged for this level and reader, each with the rules that apply."""
        plan: _Plan = []
        for d, dim in enumerate(self.rubric.dimensions):
            if for_other_reader(dim, reader):
                continue
            rules = [
                self._compile(d, r)
                for r, rule in enumerate(dim.rules)
                if level in rule.levels and reader in rule.readers
            ]
            plan.append((dim, rules))
        self._plans[level, reader] = plan
        return plan

    def _compile(self, dim: int, rule: int) -> CompiledRule:
        found = self._rules.get((dim, rule))
        if found is None:
            dimension = self.rubric.dimensions[dim]
            found = self._rules[dim, rule] = compile_rule(
                dimension.rules[rule], self._named, self._tables, recommended(dimension)
            )
        return found


_Plan = list[tuple[model.Dimension, list[CompiledRule]]]


def recommended(dim: model.Dimension) -> tuple[str, ...]:
    """What the substitutions of ``dim`` advise saying instead (nothing where they advise
    leaving the words out)."""
    return tuple(
        dict.fromkeys(
            swap.instead
            for rule in dim.rules
            if isinstance(rule, model.Substitution)
            for swap in rule.swaps
            if swap.instead.strip()
        )
    )


def for_other_reader(dim: model.Dimension, reader: model.Reader) -> bool:
    """Whether every rule of ``dim`` is for another reader than ``reader`` (a dimension only
    for a second-language reader): such a dimension is not judged at all for this one."""
    return bool(dim.rules) and all(reader not in rule.readers for rule in dim.rules)


@lru_cache(maxsize=16)
def coach_for_rubric(rubric: model.Rubric) -> Coach:
    """The rubric's coach, compiled once (a tenth of a second) however often it is asked
    for: a rubric is frozen, and a coach holds nothing but what it compiled from it."""
    return Coach(rubric)


def _judge(dim: model.Dimension, rules: list[CompiledRule], reply: Reply) -> DimensionResult:
    hits: list[Hit] = []
    skips: list[Skip] = []
    for compiled in rules:
        outcome = compiled.judge(reply)
        if isinstance(outcome, Hit):
            hits.append(outcome)
        elif isinstance(outcome, Skip):
            skips.append(outcome)
    # A failing rule wins: "I'm sorry, but" holds an apology and still fails.
    failed = [h for h in hits if h.effect == "fail"]
    chosen = failed or [h for h in hits if h.effect == "pass"]
    if chosen:
        status: model.Status = "fail" if failed else "pass"
        reason = chosen[0].message
        if len(chosen) > 1:
            reason += "; " + "; ".join(h.message for h in chosen[1:])
        return DimensionResult(
            dim.code,
            dim.title,
            dim.polarity,
            status,
            reason,
            _matches(chosen, reply.text),
            any(h.penalty for h in chosen),
            _rewrite(chosen, reply.text),
        )
    if skips:
        return DimensionResult(
            dim.code,
            dim.title,
            dim.polarity,
            "not-applicable",
            skips[0].reason[:1].upper() + skips[0].reason[1:],
            (),
            False,
        )
    return DimensionResult(
        dim.code, dim.title, dim.polarity, dim.absent, dim.absent_message, (), False
    )


def _matches(hits: list[Hit], text: str) -> tuple[Match, ...]:
    found: dict[Span, Match] = {}
    for hit in hits:
        instead = dict(hit.swaps)
        for span in hit.spans:
            match = Match(span[0], span[1], text[span[0] : span[1]], hit.rule_id, instead.get(span))
            # Where two rules flag the same words, keep the one that says what to say instead.
            if span not in found or (found[span].instead is None and match.instead is not None):
                found[span] = match
    # Words inside a longer match add nothing to it ("Trust" in "Trust me"), unless they
    # come with words to say instead.
    spans = [
        s
        for s in sorted(found)
        if found[s].instead is not None
        or not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in found)
    ]
    return tuple(found[s] for s in spans)


def _rewrite(hits: list[Hit], text: str) -> str:
    swaps = sorted({span: new for hit in hits for span, new in hit.swaps}.items())
    if not swaps:
        return ""
    out: list[str] = []
    at = 0
    for (start, end), new in swaps:
        if start < at:
            continue  # overlapping phrases: the first one wins
        out.append(text[at:start])
        out.append(_keep_case(text[start:end], new))
        at = end
    out.append(text[at:])
    # A phrase replaced by nothing leaves a double space or a space before a comma.
    return _SPACES.sub(" ", "".join(out)).replace(" ,", ",").replace(" .", ".").strip()


def _keep_case(old: str, new: str) -> str:
    if new and old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new
