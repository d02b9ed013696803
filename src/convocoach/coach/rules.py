"""Each kind of rule, compiled once, judging one reply: what it matched, where, and why."""

from __future__ import annotations

import re
from collections.abc import Mapping

from convocoach.coach import model
from convocoach.coach.matcher import Matcher, matcher
from convocoach.coach.readability import describe_ease, measure, sentence_words
from convocoach.coach.reply import Hit as Hit
from convocoach.coach.reply import Outcome as Outcome
from convocoach.coach.reply import Reply as Reply
from convocoach.coach.reply import Skip as Skip
from convocoach.coach.text import Span, content_words, inside
from convocoach.coach.typed import typed_variants
from convocoach.coach.vocabulary import WordSets
from convocoach.coach.weighing import weigh
from convocoach.wording import counted

_FILLERS = frozenset(
    ("so", "and", "but", "then", "okay", "ok", "well", "now", "also", "just", "right", "oh")
)
_FIRST_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")


def _cues(cues: model.Cues, named: WordSets) -> Matcher | None:
    return matcher(cues.phrases, cues.patterns, named)


def _find(cues: Matcher | None, reply: Reply, start: int = 0, end: int | None = None) -> list[Span]:
    return [] if cues is None else cues.spans(reply.matchable, reply, start, end)


def _stands_down(unless_client: Matcher | None, reply: Reply) -> bool:
    """Whether the client's line holds a cue that stands the rule down (``unless_client``)."""
    return unless_client is not None and bool(_find(unless_client, reply.client))


def _within(spans: list[Span], start: int, end: int) -> list[Span]:
    return [s for s in spans if start <= s[0] and s[1] <= end]


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in others)


def _unquoted(spans: list[Span], reply: Reply, quoted: model.Quoted) -> list[Span]:
    if quoted == "count" or not reply.quoted:
        return spans
    return [s for s in spans if not inside(s, reply.quoted)]


class ExistenceRule:
    def __init__(self, rule: model.Existence, named: WordSets) -> None:
        self.rule = rule
        self.regex = matcher(rule.phrases, rule.patterns, named)
        self.unless = _cues(rule.unless, named)
        self.unless_client = _cues(rule.unless_client, named)

    def judge(self, reply: Reply) -> Outcome:
        if _stands_down(self.unless_client, reply) or reply.passed.intersection(
            self.rule.unless_passes
        ):
            return None
        found = _unquoted(_find(self.regex, reply), reply, self.rule.quoted)
        if found and self.unless is not None:
            excused = _find(self.unless, reply)
            found = [s for s in found if not _overlaps(s, excused)]
        if not found:
            return None
        r = self.rule
        effect: model.Effect = "pass" if r.effect == "pass" else "fail"
        return Hit(r.id, effect, tuple(found), r.message, penalty=r.effect == "fail")


class SubstitutionRule:
    def __init__(self, rule: model.Substitution, named: WordSets) -> None:
        self.rule = rule
        self.regex = matcher(tuple(s.use for s in rule.swaps), ())
        # The matcher also finds each phrase's chat spellings ("youre overreacting"): each
        # maps to its phrase's advice, a phrase as written winning over a spelling.
        self.instead = {
            _normal(typed): s.instead for s in rule.swaps for typed in typed_variants(s.use)
        } | {_normal(s.use): s.instead for s in rule.swaps}
        self.unless_client = _cues(rule.unless_client, named)

    def judge(self, reply: Reply) -> Outcome:
        if _stands_down(self.unless_client, reply):
            return None
        found = _unquoted(_find(self.regex, reply), reply, self.rule.quoted)
        if not found:
            return None
        swaps = tuple((s, self.instead.get(_normal(reply.text[s[0] : s[1]]), "")) for s in found)
        return Hit(self.rule.id, "fail", tuple(found), self.rule.message, True, swaps)


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


class CooccurrenceRule:
    def __init__(self, rule: model.Cooccurrence, named: WordSets) -> None:
        self.rule = rule
        self.trigger = _cues(rule.trigger, named)
        self.requires = _cues(rule.requires, named)
        self.partial = _cues(rule.partial, named)

    def judge(self, reply: Reply) -> Outcome:
        units = reply.sentences if self.rule.within == "sentence" else [(0, len(reply.text))]
        met: list[Span] = []
        half: list[Span] = []
        alone: list[Span] = []
        # Each cue set runs once over the reply; its matches are then shared out by sentence.
        all_triggers = _unquoted(_find(self.trigger, reply), reply, "ignore")
        if not all_triggers:
            return None
        all_required = _find(self.requires, reply)
        all_partial: list[Span] | None = None
        for start, end in units:
            triggers = _within(all_triggers, start, end)
            if not triggers:
                continue
            if required := _within(all_required, start, end):
                met.extend(triggers + required)
                continue
            if all_partial is None:
                all_partial = _find(self.partial, reply)
            if partial := _within(all_partial, start, end):
                half.extend(triggers + partial)
            else:
                alone.extend(triggers)
        r = self.rule
        # Falling short is a missed reward: reported, never a penalty.
        if met:
            return Hit(r.id, "pass", tuple(sorted(met)), r.message)
        if half and r.partial_message:
            return Hit(r.id, "fail", tuple(sorted(half)), r.partial_message)
        if (alone or half) and r.otherwise:
            return Hit(r.id, "fail", tuple(sorted(alone + half)), r.otherwise)
        return None


class QuestionRule:
    def __init__(self, rule: model.Question, named: WordSets) -> None:
        self.rule = rule
        self.open_words = frozenset(w.lower() for w in rule.open_words)
        self.closed_words = frozenset(w.lower() for w in rule.closed_words)
        self.invitation = matcher(rule.invitations, rule.invitation_patterns, named)
        self.leading = _cues(rule.leading, named)

    def judge(self, reply: Reply) -> Outcome:
        opened: list[Span] = []
        closed: list[Span] = []
        text = reply.matchable
        for span in reply.sentences:
            if inside(span, reply.quoted):
                continue
            sentence = text[span[0] : span[1]]
            if self.leading is not None and self.leading.spans(sentence, reply):
                closed.append(span)
            elif self.invitation is not None and self.invitation.spans(sentence, reply):
                opened.append(span)
            elif sentence.rstrip("\"'”’) ").endswith("?"):
                (opened if self._is_open(sentence) else closed).append(span)
        r = self.rule
        if opened:
            return Hit(r.id, "pass", tuple(opened), r.message)
        if closed:
            return Hit(r.id, "fail", tuple(closed), r.closed_message)
        return None

    def _is_open(self, sentence: str) -> bool:
        # "What's" and "who'd" open a question as "what" and "who" do.
        words = [w.lower().replace("’", "'").split("'")[0] for w in _FIRST_WORD.findall(sentence)]
        while words and words[0] in _FILLERS:
            words.pop(0)
        if not words:
            return False
        if words[0] in self.open_words:
            return True
        if words[0] in self.closed_words:
            return False
        return any(w in self.open_words for w in words[1:])  # "And the launch, what now?"


class OverlapRule:
    def __init__(self, rule: model.Overlap, named: WordSets) -> None:
        self.rule = rule

    def judge(self, reply: Reply) -> Outcome:
        if not reply.client_line.strip():
            return Skip(self.rule.id, "no client line to compare with")
        if reply.penalised.intersection(self.rule.unless_penalty):
            return None
        theirs = content_words(reply.client_line)
        if not theirs:
            return None
        ours = content_words(reply.text)
        shared = [ours[s] for s in ours if s in theirs]
        r = self.rule
        figures = sum(1 for w in shared if any(c.isdigit() for c in w.text))
        weight = len(shared) + figures * (r.figure_weight - 1)
        if weight < r.min_shared or weight * 100 < r.min_percent * len(theirs):
            return None
        words = ", ".join(w.text for w in shared[:4])
        return Hit(
            r.id,
            "pass",
            tuple((w.start, w.end) for w in shared),
            f"{r.message} (takes up: {words})",
        )


class ReadabilityRule:
    def __init__(self, rule: model.Readability, named: WordSets) -> None:
        self.rule = rule

    def judge(self, reply: Reply) -> Outcome:
        r = self.rule
        m = measure(reply.text, reply.sentences)
        if m.words < r.min_words:
            return Skip(r.id, f"too short to judge ({counted(m.words, 'word')})")
        problems = []
        if m.reading_ease < r.min_reading_ease:
            problems.append(f"{describe_ease(m.reading_ease)}, aim for {r.min_reading_ease}+")
        if m.grade > r.max_grade:
            problems.append(f"grade {m.grade:.0f}, aim for {r.max_grade} or lower")
        if m.words_per_sentence > r.max_sentence_words:
            problems.append(
                f"{m.words_per_sentence:.0f} words a sentence, aim for "
                f"{r.max_sentence_words} or fewer"
            )
        if r.max_longest_sentence and m.longest_words > r.max_longest_sentence:
            problems.append(
                f"one sentence of {m.longest_words} words, aim for "
                f"{r.max_longest_sentence} or fewer"
            )
        if not problems:
            return Hit(
                r.id,
                "pass",
                (),
                f"Easy to read ({describe_ease(m.reading_ease)}, grade {max(m.grade, 1):.0f})",
            )
        spans = (m.longest,) if m.longest is not None else ()
        return Hit(r.id, "fail", spans, f"{r.message}: {'; '.join(problems)}", penalty=True)


class SentenceLengthRule:
    def __init__(self, rule: model.SentenceLength, named: WordSets) -> None:
        self.rule = rule

    def judge(self, reply: Reply) -> Outcome:
        r = self.rule
        spans = _unquoted(reply.sentences, reply, r.quoted)
        counts = sentence_words(reply.text, spans)
        long = [(s, n) for s, n in zip(spans, counts, strict=True) if n > r.max_words]
        if not long:
            return None
        sizes = ", ".join(str(n) for _, n in long)
        message = (
            f"{r.message} ({counted(len(long), 'sentence')} of {sizes} words; aim for "
            f"{r.max_words} or fewer)"
        )
        return Hit(r.id, "fail", tuple(s for s, _ in long), message, penalty=True)


class ConditionalRule:
    def __init__(self, rule: model.Conditional, named: WordSets) -> None:
        self.rule = rule
        # Case matters here: an acronym is told apart from a word by its capitals.
        self.first = re.compile(rule.first)
        self.second = re.compile(rule.second)
        self.allow = frozenset(rule.allow)

    def judge(self, reply: Reply) -> Outcome:
        text = reply.text
        defined = {g for m in self.second.finditer(text) for g in m.groups() if g}
        # The client's own acronyms need no spelling out to them.
        defined |= {m.group(1) for m in self.first.finditer(reply.client_line)}
        found = [
            m.span(1)
            for m in self.first.finditer(text)
            if m.group(1) not in self.allow and m.group(1) not in defined
        ]
        found = _unquoted(found, reply, "ignore")
        if not found:
            return None
        names = ", ".join(dict.fromkeys(text[a:b] for a, b in found))
        return Hit(
            self.rule.id, "fail", tuple(found), f"{self.rule.message}: {names}", penalty=True
        )


class WeighedRule:
    def __init__(
        self,
        rule: model.Weighed,
        named: WordSets,
        table: model.WeightTable | None,
        recommended: tuple[str, ...] = (),
    ) -> None:
        self.rule = rule
        self.bias = table.bias if table is not None else 0.0
        self.weights = dict(table.weights) if table is not None else {}
        # What the dimension's own substitutions advise saying ("I understand, and") is left
        # out like an ``unless`` cue: the coach never weighs its advice against the reply.
        self.unless = matcher((*rule.unless.phrases, *recommended), rule.unless.patterns, named)

    def judge(self, reply: Reply) -> Outcome:
        if not self.weights:
            return None
        r = self.rule
        found = reply.features
        if r.quoted == "ignore" and reply.quoted:
            found = {key: span for key, span in found.items() if not inside(span, reply.quoted)}
        if self.unless is not None and (excused := _find(self.unless, reply)):
            found = {key: span for key, span in found.items() if not _overlaps(span, excused)}
        weighing = weigh(found, self.bias, self.weights)
        if weighing.total <= r.threshold:
            return None
        heaviest = ", ".join(f"'{reply.text[a:b]}'" for _, _, (a, b) in weighing.heaviest)
        message = f"{r.message} (weighs most: {heaviest})" if heaviest else r.message
        return Hit(
            r.id, "fail", tuple(span for _, _, span in weighing.heaviest), message, penalty=True
        )


CompiledRule = (
    ExistenceRule
    | SubstitutionRule
    | CooccurrenceRule
    | QuestionRule
    | OverlapRule
    | ReadabilityRule
    | ConditionalRule
    | WeighedRule
    | SentenceLengthRule
)


def compile_rule(
    rule: model.Rule,
    named: WordSets | None = None,
    tables: Mapping[str, model.WeightTable] | None = None,
    recommended: tuple[str, ...] = (),
) -> CompiledRule:
    """``rule`` ready to judge replies; ``named`` holds the rubric's word sets ({name}),
    ``tables`` its weight tables and ``recommended`` what the substitutions of the rule's
    dimension advise saying instead."""
    sets = named if named is not None else WordSets({}, {})
    if isinstance(rule, model.Weighed):
        return WeighedRule(rule, sets, (tables or {}).get(rule.table), recommended)
    if isinstance(rule, model.Existence):
        return ExistenceRule(rule, sets)
    if isinstance(rule, model.Substitution):
        return SubstitutionRule(rule, sets)
    if isinstance(rule, model.Cooccurrence):
        return CooccurrenceRule(rule, sets)
    if isinstance(rule, model.Question):
        return QuestionRule(rule, sets)
    if isinstance(rule, model.Overlap):
        return OverlapRule(rule, sets)
    if isinstance(rule, model.Readability):
        return ReadabilityRule(rule, sets)
    if isinstance(rule, model.SentenceLength):
        return SentenceLengthRule(rule, sets)
    return ConditionalRule(rule, sets)
