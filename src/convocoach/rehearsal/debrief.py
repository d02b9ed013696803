"""A rehearsal as a trainer's debrief in Markdown: the transcript with feedback, then the card."""

from __future__ import annotations

from convocoach.coach.model import STATUS_WORDS, Rubric
from convocoach.markdown_text import md_inline
from convocoach.rehearsal.asks import ASK_LABELS
from convocoach.rehearsal.case import BY_NAME
from convocoach.rehearsal.engine import Exchange, State, client_line
from convocoach.rehearsal.flowchart import tree_text
from convocoach.rehearsal.scorecard import Scorecard, listening, path_words, scorecard
from convocoach.rehearsal.script import ENDING_LABELS, Script
from convocoach.wording import counted


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _mood(exchange: Exchange) -> str:
    change = exchange.mood_change
    arrow = f"+{change}" if change > 0 else str(change) if change else "no change"
    return f"mood {exchange.mood_before} -> {exchange.mood_after} ({arrow})"


def heard_words(exchange: Exchange) -> str:
    """What the reply gave the client, offered and told, in words ("" for nothing)."""
    parts = []
    if exchange.gave:
        parts.append("gave " + ", ".join(ASK_LABELS[a] for a in exchange.gave))
    if exchange.offered:
        parts.append("offered " + ", ".join(exchange.offered))
    if exchange.learned:
        parts.append(
            "told "
            + ", ".join(
                f"{BY_NAME[k].neutral if k in BY_NAME else k} = {v}" for k, v in exchange.learned
            )
        )
    return "; ".join(parts)


def debrief_markdown(
    title: str, script: Script, state: State, rubric: Rubric, seconds: float = 0.0
) -> str:
    """Every exchange with the coach's verdicts, the client's reaction, then the scorecard."""
    persona = script.persona
    lines = [f"# Rehearsal debrief: {md_inline(title)}", ""]
    who = ", ".join(md_inline(p) for p in (persona.role, persona.seniority) if p)
    lines.append(
        f"Client: **{md_inline(persona.name)}**"
        + (f" ({who})" if who else "")
        + f"; technical level {persona.technical_level}."
    )
    ending = ENDING_LABELS[state.ending] if state.ending else "Not finished"
    lines += [
        f"Outcome: **{ending}** after {counted(len(state.exchanges), 'reply')}"
        + (f" in {_clock(seconds)}." if seconds else "."),
        "",
    ]
    titles = {d.code: d.title for d in rubric.dimensions}
    for number, exchange in enumerate(state.exchanges, 1):
        lines += [
            f"## Reply {number}",
            "",
            f"> **{md_inline(persona.name)}:** {md_inline(exchange.client)}",
            "",
            f"**You:** {md_inline(exchange.reply)}",
            "",
        ]
        verdicts = [
            f"{code} {STATUS_WORDS[status]}"
            for code, status in exchange.statuses
            if status != "not-applicable"
        ]
        lines.append("- Coach: " + ", ".join(verdicts))
        if exchange.penalties:
            lines.append(
                "- Penalties: "
                + ", ".join(
                    f"{code} ({md_inline(titles.get(code, code))})" for code in exchange.penalties
                )
            )
        heard = heard_words(exchange)
        if heard:
            lines.append(f"- Heard: {md_inline(heard)}")
        lines.append(
            f"- Client: {_mood(exchange)}"
            + (f"; {md_inline(exchange.note)}" if exchange.note else "")
        )
        lines.append("")
    if state.ending:
        lines += [f"> **{md_inline(persona.name)}:** {md_inline(client_line(script, state))}", ""]
    card = scorecard(state, rubric)
    lines += scorecard_markdown(card)
    lines += [
        "## Your path on the role-play's map",
        "",
        "\u25cf marks the turns you reached, \u21d2 the ways you went.",
        "",
        "```text",
        tree_text(script, card.path).rstrip("\n"),
        "```",
        "",
    ]
    return "\n".join(lines).rstrip() + "\n"


def scorecard_markdown(card: Scorecard) -> list[str]:
    lines = ["## Scorecard", "", "| dimension | passed | failed | n/a |", "|---|---|---|---|"]
    for t in card.dimensions:
        lines.append(
            f"| {t.code} {md_inline(t.title)} | {t.passed} | {t.failed} | {t.not_applicable} |"
        )
    lines += [
        "",
        listening(card),
        "",
        path_words(card) + " (the map: `convocoach playbooks show ID --format html`)",
        "",
    ]
    if card.movers:
        lines += ["Replies that moved the client most:", ""]
        lines += [f"- {_mood(e)}: \u201c{md_inline(e.reply)}\u201d" for e in card.movers]
        lines.append("")
    if card.tips:
        lines += ["What to try next time:", ""]
        lines += [f"- {md_inline(tip)}" for tip in card.tips]
        lines.append("")
    if card.commitments:
        lines += ["Next steps you offered:", ""]
        lines += [f"- {md_inline(c)}" for c in card.commitments]
        lines.append("")
    return lines
