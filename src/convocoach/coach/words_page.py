"""The words and patterns that count for each dimension, as a Markdown page for authors."""

from __future__ import annotations

from convocoach.coach import model
from convocoach.coach.weighing import says_nothing

_KIND_WORD = {
    "pass": "counts for it",
    "fail": "a wording to avoid (a penalty)",
    "miss": "falls short (the dimension fails; not a penalty)",
}
_INTRO = """\
# What the coach listens for

Every word and pattern of the bundled rubric (`rubrics/default.yaml`), dimension by
dimension, so that playbook authors know which wording the coach credits and which it
flags. Phrases match in any case, as whole words, with any spacing and either apostrophe;
patterns are Python regular expressions, and `{name}` in a pattern stands for every word of
the word set of that name (listed at the end). A failing rule wins over a passing one.

A rule marked "only for a second-language reader" runs when the client's language is not
yours (the session's client language against your profile's language; `convocoach check
--client-language`); a dimension made only of such rules (`CLEAR`) is not judged at all
for a client of your own language. An idiom `PLAIN` flags for everyone is not repeated in
`CLEAR`, so no phrase is penalised twice.

To add words of your field, write a rubric that `extends: default` and names a word set
again (its words are added) or adds a rule; see [Writing a coaching rubric](rubric-format.md).
"""
_READERS = {
    "native": "Only for a client of your own language.\n",
    "non_native": "Only for a second-language reader (a client whose language is not yours).\n",
}


_SHOWN = 25  # of a weight table's words, each way


def render(rubric: model.Rubric) -> str:
    parts = [_INTRO]
    tables = {table.name: table for table in rubric.weights}
    for dim in rubric.dimensions:
        parts.append(_dimension(dim, tables))
    if rubric.vocabulary:
        parts.append("## Word sets\n")
        for vocab in rubric.vocabulary:
            parts.append(_vocabulary(vocab))
    return "\n".join(parts).rstrip("\n") + "\n"


def _dimension(dim: model.Dimension, tables: dict[str, model.WeightTable]) -> str:
    aim = "a behaviour to show" if dim.polarity == "reward" else "a behaviour to avoid"
    lines = [f"## {dim.code}: {dim.title}\n", f"*{aim.capitalize()}.* {dim.why}\n"]
    if dim.tip:
        lines.append(f"Tip: {dim.tip}\n")
    lines.append(
        f"When no rule matches: **{model.STATUS_WORDS[dim.absent]}** ({dim.absent_message}).\n"
    )
    for rule in dim.rules:
        lines.append(_rule(rule, tables))
    return "\n".join(lines)


def _rule(rule: model.Rule, tables: dict[str, model.WeightTable]) -> str:
    head = f"### `{rule.id}`: {rule.message}\n\n"
    levels = (
        ""
        if set(rule.levels) == set(model.LEVELS)
        else f"Only for a client whose technical level is {' or '.join(rule.levels)}.\n"
    )
    if set(rule.readers) != set(model.READERS):
        levels += _READERS[rule.readers[0]]
    body = (
        _weighed(rule, tables.get(rule.table)) if isinstance(rule, model.Weighed) else _body(rule)
    )
    if isinstance(rule, (model.Existence, model.Substitution)) and (
        rule.unless_client.phrases or rule.unless_client.patterns
    ):
        body += "\nNot judged when the client's last line holds one of these:\n\n" + _cues(
            rule.unless_client.phrases, rule.unless_client.patterns
        )
    return head + (levels + "\n" if levels else "") + body


def _weighed(rule: model.Weighed, table: model.WeightTable | None) -> str:
    out = (
        f"Adds up the weights of the reply's words and word pairs in the table "
        f"`{rule.table}` (fitted to hand-labelled replies with `python -m "
        f"convocoach.coach.fit`; British and American spellings weigh the same) and fires "
        f"when they come to more than {rule.threshold:g}; the verdict names the words that "
        "weighed most. Words this dimension's substitutions advise saying instead never "
        "count.\n"
    )
    if table is not None:
        heavy = [w for w in table.weights if w[1] > 0 and not says_nothing(w[0])][:_SHOWN]
        light = sorted(
            (w for w in table.weights if w[1] < 0 and not says_nothing(w[0])), key=lambda w: w[1]
        )[:_SHOWN]
        out += (
            f"\nOf its {len(table.weights)} words and pairs, the heaviest towards firing: "
            + ", ".join(f"{_q(k)} {v:+g}" for k, v in heavy)
            + ".\n"
            "\nThe heaviest against: " + ", ".join(f"{_q(k)} {v:+g}" for k, v in light) + ".\n"
        )
    if rule.unless.phrases or rule.unless.patterns:
        out += "\nWords these cover are not weighed:\n\n" + _cues(
            rule.unless.phrases, rule.unless.patterns
        )
    return out


def _body(rule: model.Rule) -> str:
    if isinstance(rule, model.Existence):
        out = f"Where found: {_KIND_WORD[rule.effect]}.\n\n" + _cues(rule.phrases, rule.patterns)
        if rule.unless.phrases or rule.unless.patterns:
            out += "\nExcept where these cover the same words:\n\n" + _cues(
                rule.unless.phrases, rule.unless.patterns
            )
        if rule.unless_passes:
            out += "\nNot when the reply passes " + " or ".join(rule.unless_passes) + ".\n"
        return out
    if isinstance(rule, model.Substitution):
        rows = [
            f"- {_q(s.use)} → " + (_q(s.instead) if s.instead else "leave it out")
            for s in rule.swaps
        ]
        return (
            "Each phrase is a wording to avoid, with what to say instead:\n\n"
            + "\n".join(rows)
            + "\n"
        )
    if isinstance(rule, model.Cooccurrence):
        out = (
            f"Passes where a trigger and a required cue meet in one {rule.within}. "
            "Triggers:\n\n"
            + _cues(rule.trigger.phrases, rule.trigger.patterns)
            + "\nRequired (one of):\n\n"
            + _cues(rule.requires.phrases, rule.requires.patterns)
        )
        if rule.partial.phrases or rule.partial.patterns:
            out += f"\nHalf right with one of these instead ({rule.partial_message}):\n\n" + _cues(
                rule.partial.phrases, rule.partial.patterns
            )
        if rule.otherwise:
            out += f"\nA trigger alone: {rule.otherwise}.\n"
        return out
    if isinstance(rule, model.Question):
        out = (
            "A question (a sentence ending in ?) is open when it starts with one of "
            f"{_list(rule.open_words)}, or has one after a filler; closed when it starts "
            f"with one of {_list(rule.closed_words)}. Invitations count as open questions "
            "without a question mark:\n\n" + _cues(rule.invitations, rule.invitation_patterns)
        )
        if rule.leading.phrases or rule.leading.patterns:
            out += "\nNever open, whatever the first word (leading or accusing):\n\n" + _cues(
                rule.leading.phrases, rule.leading.patterns
            )
        return out
    if isinstance(rule, model.Overlap):
        out = (
            f"Passes when the reply shares at least {rule.min_shared} content words (and "
            f"{rule.min_percent}% of them) with the client's last line."
        )
        if rule.figure_weight > 1:
            out += (
                " A shared figure (a sum, a percentage, a date in figures) counts as "
                f"{rule.figure_weight}."
            )
        if rule.unless_penalty:
            out += (
                " Shared words do not count when "
                + " or ".join(rule.unless_penalty)
                + " finds a wording to avoid: words taken up only to rebut them."
            )
        return out + "\n"
    if isinstance(rule, model.Readability):
        return (
            f"Replies under {rule.min_words} words are not judged. Fails below a reading "
            f"ease of {rule.min_reading_ease}, above grade {rule.max_grade}, above "
            f"{rule.max_sentence_words} words a sentence on average"
            + (
                f", or with any sentence over {rule.max_longest_sentence} words"
                if rule.max_longest_sentence
                else ""
            )
            + ".\n"
        )
    if isinstance(rule, model.SentenceLength):
        return (
            f"Fails (a penalty) on each sentence of more than {rule.max_words} words, "
            "saying how long it is: split it.\n"
        )
    assert isinstance(rule, model.Conditional)  # weighed rules are told with their table
    return (
        f"Flags a match of `{rule.first}` that no match of `{rule.second}` defines; never "
        f"needs defining: {_list(rule.allow)}.\n"
    )


def _vocabulary(vocab: model.Vocabulary) -> str:
    out = f"### `{{{vocab.name}}}`\n\n"
    if vocab.words:
        out += _list(vocab.words) + "\n"
    if vocab.patterns:
        out += ("\n" if vocab.words else "") + "And the patterns:\n\n" + _patterns(vocab.patterns)
    return out


def _cues(phrases: tuple[str, ...], patterns: tuple[str, ...]) -> str:
    out = ""
    if phrases:
        out += "Phrases: " + _list(phrases) + "\n"
    if patterns:
        out += ("\n" if phrases else "") + "Patterns:\n\n" + _patterns(patterns)
    return out or "(none)\n"


def _patterns(patterns: tuple[str, ...]) -> str:
    return "```text\n" + "\n".join(patterns) + "\n```\n"


def _list(words: tuple[str, ...]) -> str:
    return ", ".join(_q(w) for w in words)


def _q(text: str) -> str:
    return f"`{text}`" if "`" not in text else f"``{text}``"
