"""Live feedback on a reply: each dimension with its verdict, in words as well as colour."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from convocoach.coach.score import Score
from convocoach.tui.support.safe_text import plain, styled

MARKS = {
    "pass": ("\u2713 pass", "$text-success"),
    "fail": ("\u2717 fail", "$text-error"),
    "not-applicable": ("\u00b7 n/a ", "$text-muted"),
}
_INDENT = "  "


def score_lines(score: Score, *, reasons: bool = True) -> Content:
    lines: list[Content] = []
    # What to fix first: penalties, then what is missing, then what went well.
    order = {"fail": 1, "pass": 2, "not-applicable": 3}
    ranked = sorted(score.results, key=lambda r: 0 if r.penalty else order[r.status])
    for r in ranked:
        mark, style = MARKS[r.status]
        lines.append(styled((mark, style), " ", (r.code, "bold")))
        if reasons and r.status == "fail" and r.reason:
            lines.append(styled((_INDENT + r.reason, "$text-muted")))
        swaps = [
            f"\u201c{m.text}\u201d \u2192 \u201c{m.instead}\u201d"
            if m.instead
            else f"\u201c{m.text}\u201d: leave it out"
            for m in r.matches
            if m.instead is not None
        ]
        if swaps:
            lines.append(
                styled(
                    (_INDENT + "say instead: " + "; ".join(dict.fromkeys(swaps)), "$text-warning")
                )
            )
        elif r.status == "fail" and r.penalty and r.matches:
            found = ", ".join(dict.fromkeys(f"\u201c{m.text}\u201d" for m in r.matches))
            lines.append(styled((_INDENT + "found: " + found, "$text-warning")))
    return Content("\n").join(lines)


class FeedbackPanel(Static):
    """What the coach makes of the reply being typed (or of the last one sent)."""

    DEFAULT_CSS = """
    FeedbackPanel { height: auto; padding: 0 1; }
    """

    def show_score(self, score: Score | None, heading: str = "") -> None:
        if score is None:
            self.update(plain("Start typing: the coach reads along and says what it sees."))
            return
        body = score_lines(score)
        self.update(Content("\n").join([styled((heading, "bold")), body]) if heading else body)
