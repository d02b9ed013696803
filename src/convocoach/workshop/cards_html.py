"""Role cards as one printable HTML page: a card per sheet, large type, boxes to tick.

Every piece of playbook or rubric text goes through :func:`html.escape`; only the page's own
markup is written as is.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from convocoach.htmlpage import html_page
from convocoach.workshop.cards import (
    CheckItem,
    ClientCard,
    ObserverChecklist,
    ProfessionalCard,
    RoleCards,
)

BREAK_CLASS = "page-break"
TICK_BOXES = 6
QUOTE_LINES = 2
NOTE_LINES = 4

_CSS = (
    f".{BREAK_CLASS} {{ break-after: page; page-break-after: always; }}\n"
    + """\
@page { size: A4; margin: 14mm; }
body { font: 15pt/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111;
       max-width: 46rem; margin: 1rem auto; padding: 0 1rem; }
.card { border: 2px solid #333; border-radius: 8px; padding: 1rem 1.4rem; margin: 0 0 1.5rem; }
.kicker { margin: 0; font-size: .7em; letter-spacing: .06em; text-transform: uppercase;
          color: #555; }
.card h1 { margin: 0 0 .4rem; font-size: 1.5em; }
.card h2 { margin: .5rem 0 .15rem; font-size: 1.05em; }
.card p { margin: .15rem 0; }
.card ul { margin: .2rem 0; padding-left: 1.3rem; }
.card li { margin: .1rem 0; }
.pair { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.2rem; }
.say { margin: .4rem 0; padding-left: .8rem; border-left: 4px solid #888; font-style: italic; }
.checklist { width: 100%; border-collapse: collapse; font-size: .8em; }
.checklist th, .checklist td { padding: .35rem .3rem; border-bottom: 1px solid #999;
                                text-align: left; vertical-align: top; }
.checklist .group th { padding-top: .8rem; border-bottom: 2px solid #333; }
.hint { display: block; font-size: .8em; color: #444; }
.box { display: inline-block; width: 1em; height: 1em; margin: 0 .3em .2em 0;
        border: 2px solid #222; vertical-align: middle; }
.ruled { height: 1.5em; border-bottom: 1px solid #777; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 12.5pt; line-height: 1.35; }
  .card { border: none; border-radius: 0; margin: 0; padding: 0; }
  .card h2 { break-after: avoid; page-break-after: avoid; }
  .checklist tr, .card li { break-inside: avoid; page-break-inside: avoid; }
}
"""
)


def _list(heading: str, items: Sequence[str]) -> str:
    if not items:
        return ""
    lis = "".join(f"<li>{escape(i)}</li>" for i in items)
    return f"<h2>{escape(heading)}</h2>\n<ul>{lis}</ul>\n"


def _says(heading: str, lines: Sequence[str]) -> str:
    if not lines:
        return ""
    return f"<h2>{escape(heading)}</h2>\n" + "".join(
        f'<p class="say">{escape(line)}</p>\n' for line in lines
    )


def _pair(left: str, right: str) -> str:
    if not (left and right):
        return left + right
    return f'<div class="pair">\n<div>{left}</div>\n<div>{right}</div>\n</div>\n'


def _client(card: ClientCard) -> str:
    who = "; ".join(p for p in (card.role, card.seniority) if p)
    name = f"<strong>{escape(card.name)}</strong>" if card.name else "the client"
    out = f"<p>You are {name}" + (f" ({escape(who)})." if who else ".") + "</p>\n"
    traits = [
        f"{escape(card.temperament)}." if card.temperament else "",
        f"Technical level: {escape(card.technical_level)}." if card.technical_level else "",
    ]
    if any(traits):
        out += f"<p>{' '.join(t for t in traits if t)}</p>\n"
    out += _says("Open with", (card.opening,) if card.opening else ())
    out += _list("You feel", card.feels)
    out += _pair(_list("You want", card.wants), _list("You fear", card.fears))
    scripted = card.scripted
    out += _pair(
        _list("What makes you angrier" if scripted else "Words that annoy you", card.angrier)
        + _list("Why", card.angry_notes),
        _list("What calms you down" if scripted else "Words that calm you", card.calmer)
        + _list("Why", card.calm_notes),
    )
    out += _says("When annoyed you might say" if scripted else "You might ask", card.angry_lines)
    return out + _says("Once calmer you might say", card.calm_lines)


def _professional(card: ProfessionalCard) -> str:
    out = f"<p>You meet <strong>{escape(card.client)}</strong>.</p>\n" if card.client else ""
    out += f"<h2>The situation</h2>\n<p>{escape(card.situation)}</p>\n"
    out += f"<h2>Your goal</h2>\n<p>{escape(card.goal)}</p>\n"
    out += _list("Facts to have at hand", card.facts)
    if card.options:
        out += "<h2>Options and trade-offs</h2>\n<ul>"
        for option in card.options:
            parts = [f"+ {escape(g)}" for g in option.gains]
            parts += [f"\u2212 {escape(c)}" for c in option.costs]
            out += (
                f"<li><strong>{escape(option.name)}</strong>"
                + (": " + "; ".join(parts) if parts else "")
                + "</li>"
            )
        out += "</ul>\n"
    out += _list("Your walk-away", card.walk_away)
    return out + _list("Remember to ask", card.asks) + _list("Try saying", card.says)


def _row(item: CheckItem) -> str:
    boxes = '<span class="box"></span>' * TICK_BOXES
    lines = '<div class="ruled"></div>' * QUOTE_LINES
    return (
        f'<tr data-code="{escape(item.code)}"><td><strong>{escape(item.behaviour)}</strong>'
        f'<span class="hint">{escape(item.hint)}</span></td>'
        f'<td class="ticks">{boxes}</td><td class="quotes">{lines}</td></tr>\n'
    )


def _observer(card: ObserverChecklist) -> str:
    out = (
        "<p>Tick a box each time you see the behaviour, and write down the words "
        'used.</p>\n<table class="checklist">\n<thead><tr><th>Behaviour</th>'
        "<th>Seen</th><th>Words used</th></tr></thead>\n<tbody>\n"
    )
    for kind, heading in (("do", "Do more of"), ("avoid", "Watch out for")):
        rows = [_row(item) for item in card.items if item.kind == kind]
        if rows:
            out += f'<tr class="group"><th colspan="3">{heading}</th></tr>\n' + "".join(rows)
    out += "</tbody>\n</table>\n<h2>Notes</h2>\n"
    return out + '<div class="ruled"></div>\n' * NOTE_LINES


def _section(role: str, heading: str, kicker: str, body: str, last: bool) -> str:
    classes = "card" if last else f"card {BREAK_CLASS}"
    return (
        f'<section class="{classes}" data-role="{role}">\n'
        f'<p class="kicker">{kicker}</p>\n<h1>{heading}</h1>\n{body}</section>\n'
    )


def cards_html(cards: Sequence[RoleCards], title: str = "Role cards") -> str:
    """A standalone printable page: for each scenario the client's card, the professional's
    card and the observer's checklist, each on a sheet of its own."""
    parts = [
        (role, heading, f"{escape(title)} \u00b7 {escape(card.scenario)}", body)
        for card in cards
        for role, heading, body in (
            ("client", "The client", _client(card.client)),
            ("professional", "The professional", _professional(card.professional)),
            ("observer", "The observer", _observer(card.observer)),
        )
    ]
    body = "".join(
        _section(*part, last=number == len(parts)) for number, part in enumerate(parts, 1)
    )
    return html_page(title, _CSS, body)
