"""A score as a person reads it in a terminal (spans marked), or as JSON for scripts."""

from __future__ import annotations

import json
from typing import Any

from convocoach.coach.model import STATUS_WORDS
from convocoach.coach.reader import READER_WORDS
from convocoach.coach.score import Score
from convocoach.textsafety import visible

_MARK = {"pass": "+", "fail": "x", "not-applicable": "-"}
# Colour only ever doubles a word or a mark that is there anyway (NO_COLOR-safe).
_SGR = {"pass": "32", "fail": "31", "not-applicable": "2", "bad": "1;4;31", "good": "1;32"}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


# The report holds escapes of its own (colour), so it cannot be passed through visible()
# whole: every piece of the user's text is, as it goes in.


def marked_text(score: Score, colour: bool) -> str:
    """The reply with every penalty span in [[double brackets]] (and red when in colour),
    and every span that earned a pass in {{braces}} (green)."""
    kinds: dict[tuple[int, int], str] = {}
    for result in score.results:
        kind = (
            "bad"
            if result.status == "fail" and result.penalty
            else "good"
            if result.status == "pass" and result.polarity == "reward"
            else ""
        )
        if not kind:
            continue
        for m in result.matches:
            if m.end - m.start < len(score.text) * 0.9:  # not a whole-reply span
                kinds.setdefault((m.start, m.end), kind)
    out: list[str] = []
    at = 0
    for (start, end), kind in sorted(kinds.items()):
        if start < at:
            continue  # overlapping spans: the first one wins
        out.append(visible(score.text[at:start]))
        open_, close = ("[[", "]]") if kind == "bad" else ("{{", "}}")
        out.append(_paint(f"{open_}{visible(score.text[start:end])}{close}", _SGR[kind], colour))
        at = end
    out.append(visible(score.text[at:]))
    return "".join(out)


def text_report(score: Score, colour: bool = False) -> str:
    lines = [marked_text(score, colour), ""]
    for r in score.results:
        word = STATUS_WORDS[r.status]
        head = f"{_MARK[r.status]} {word:<4} {r.code:<9} {r.title}"
        lines.append(
            _paint(head, _SGR[r.status], colour) + (f": {visible(r.reason)}" if r.reason else "")
        )
        swaps = [
            f"'{visible(m.text)}' -> "
            + (f"'{visible(m.instead)}'" if m.instead else "leave it out")
            for m in r.matches
            if m.instead is not None
        ]
        if swaps:
            lines.append("      instead: " + "; ".join(dict.fromkeys(swaps)))
        # Words found with nothing to put instead (a negative question beside an idiom).
        found = [m for m in r.matches if m.instead is None]
        if found and r.status == "fail":
            quoted = "; ".join(dict.fromkeys(f"'{visible(m.text)}'" for m in found))
            lines.append(f"      found: {quoted}")
    fired = len(score.penalties)
    lines.append("")
    reader = f"; {READER_WORDS[score.reader]}" if score.reader != "native" else ""
    lines.append(
        f"{fired} penalt{'y' if fired == 1 else 'ies'} (client technical level: "
        f"{score.level}{reader})"
    )
    return "\n".join(lines) + "\n"


def as_json(score: Score) -> dict[str, Any]:
    return {
        "text": score.text,
        "client_level": score.level,
        "reader": score.reader,
        "penalties": [r.code for r in score.penalties],
        "dimensions": [
            {
                "code": r.code,
                "title": r.title,
                "polarity": r.polarity,
                "status": r.status,
                "penalty": r.penalty,
                "reason": r.reason,
                "rewrite": r.rewrite,
                "matches": [
                    {
                        "start": m.start,
                        "end": m.end,
                        "text": m.text,
                        "rule": m.rule_id,
                        **({"instead": m.instead} if m.instead is not None else {}),
                    }
                    for m in r.matches
                ],
            }
            for r in score.results
        ],
    }


def json_report(score: Score) -> str:
    return json.dumps(as_json(score), indent=2, ensure_ascii=False) + "\n"
