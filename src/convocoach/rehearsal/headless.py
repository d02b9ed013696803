"""A role-play played from a list of replies, without the app: the same judging and the same
client as in the app, reply after reply, with the transcript as data. For authors checking
their script, for tests, and for anyone who wants to see where a set of replies leads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from convocoach.coach.model import Reader
from convocoach.coach.score import Coach, Score
from convocoach.diagnostics import InvalidFile, Problem
from convocoach.rehearsal.engine import State, begin, client_line, step
from convocoach.rehearsal.script import ENDING_LABELS, Script
from convocoach.yamlsafe import compose_bytes, decode_utf8, refuse_too_large

_MAX_REPLY = 4000  # characters; longer is surely not one reply
_MAX_REPLIES = 500


def read_replies(data: bytes, source: str) -> list[str]:
    """The replies in ``data``: a YAML list of texts when ``source`` ends in .yaml or .yml,
    otherwise plain text, one reply a line (blank lines are skipped). None at all is
    fine: the transcript is then the client's opening line, to write the first reply to."""
    refuse_too_large(data, source)
    if source.endswith((".yaml", ".yml")):
        replies = _yaml_replies(data, source)
    else:
        replies = _text_replies(data, source)
    if len(replies) > _MAX_REPLIES:
        raise InvalidFile(
            source,
            [
                _problem(
                    source,
                    1,
                    1,
                    f"{len(replies)} replies; the limit is {_MAX_REPLIES}",
                    "split the file",
                    "too-many",
                )
            ],
        )
    return replies


def _text_replies(data: bytes, source: str) -> list[str]:
    text = decode_utf8(data, source)
    replies = []
    for number, line in enumerate(text.splitlines(), 1):
        reply = line.strip()
        if len(reply) > _MAX_REPLY:
            raise InvalidFile(
                source,
                [
                    _problem(
                        source,
                        number,
                        1,
                        f"the reply is {len(reply)} characters long; the limit is {_MAX_REPLY}",
                        "shorten it",
                        "too-long",
                    )
                ],
            )
        if reply:
            replies.append(reply)
    return replies


def _yaml_replies(data: bytes, source: str) -> list[str]:
    root = compose_bytes(data, source)
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        mark = root.start_mark
        raise InvalidFile(
            source,
            [
                _problem(
                    source,
                    mark.line + 1,
                    mark.column + 1,
                    "expected a list of replies",
                    'write each reply as an item: - "..."',
                    "wrong-type",
                )
            ],
        )
    replies = []
    for item in root.value:
        mark = item.start_mark
        if not isinstance(item, yaml.ScalarNode) or item.tag != "tag:yaml.org,2002:str":
            raise InvalidFile(
                source,
                [
                    _problem(
                        source,
                        mark.line + 1,
                        mark.column + 1,
                        "each reply must be text",
                        "put the reply in quotes",
                        "wrong-type",
                    )
                ],
            )
        reply = str(item.value).strip()
        if len(reply) > _MAX_REPLY:
            raise InvalidFile(
                source,
                [
                    _problem(
                        source,
                        mark.line + 1,
                        mark.column + 1,
                        f"the reply is {len(reply)} characters long; the limit is {_MAX_REPLY}",
                        "shorten it",
                        "too-long",
                    )
                ],
            )
        if reply:
            replies.append(reply)
    return replies


def _problem(source: str, line: int, column: int, message: str, fix: str, rule: str) -> Problem:
    return Problem(source, line, column, "", message, fix, rule)


@dataclass(frozen=True, slots=True)
class Played:
    """Where the replies led: the final state, each reply's score, and how many replies
    were left over when the conversation ended before them."""

    state: State
    scores: tuple[Score, ...]
    unplayed: int


def play(script: Script, coach: Coach, replies: list[str], reader: Reader = "native") -> Played:
    """The replies played in turn (``reader``: who reads them, as ``engine.step`` says)."""
    state = begin(script)
    scores: list[Score] = []
    for reply in replies:
        if state.ending is not None:
            break
        state, score = step(script, coach, state, reply, reader=reader)
        scores.append(score)
    return Played(state, tuple(scores), len(replies) - len(scores))


def transcript_data(script: Script, played: Played) -> dict[str, Any]:
    """The transcript as JSON-ready data: each client line, the reply, the coach's verdicts,
    the mood, the turn the client went to, and the ending."""
    state = played.state
    exchanges = []
    for number, (exchange, score) in enumerate(zip(state.exchanges, played.scores, strict=True)):
        following = (
            state.exchanges[number + 1].turn_id
            if number + 1 < len(state.exchanges)
            else state.turn_id
        )
        exchanges.append(
            {
                "client": exchange.client,
                "reply": exchange.reply,
                "verdicts": {
                    r.code: {"status": r.status, "reason": r.reason, "penalty": r.penalty}
                    for r in score.results
                },
                "penalties": list(exchange.penalties),
                "mood_before": exchange.mood_before,
                "mood_after": exchange.mood_after,
                "turn": exchange.turn_id,
                "next_turn": following,
                "passed": list(exchange.passed),
                "note": exchange.note,
                "heard": exchange.heard or None,
                "gave": list(exchange.gave),
                "offered": list(exchange.offered),
                "told": dict(exchange.learned),
            }
        )
    persona = script.persona
    return {
        "client": {
            "name": persona.name,
            "role": persona.role,
            "technical_level": persona.technical_level,
        },
        "exchanges": exchanges,
        "ending": state.ending,
        "ending_label": ENDING_LABELS[state.ending] if state.ending else "Not finished",
        "last_client_line": client_line(script, state),
        "mood": state.mood,
        "unplayed_replies": played.unplayed,
    }
