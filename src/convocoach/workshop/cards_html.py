"""Role cards as one printable HTML page: a card per sheet, large type, boxes to tick.

Every piece of playbook or rubric text goes through :func:`html.escape`; only the page's own
markup is written as is.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from convocoach.htmlpage import html_page
from convocoach.workshop.cards import (
    WATCH_MARK,
    CheckItem,
    ObserverChecklist,
    ProfessionalCard,
    RoleCards,
)
from convocoach.workshop.client_card import ClientCard

BREAK_CLASS = "page-break"
TICK_BOXES = 6
QUOTE_LINES = 2
WATCHED_QUOTE_LINES = 3
NOTE_LINES = 4
QUOTES_WIDTH_MM = 92
"""The observer's column for the words used: room for a sentence in handwriting (A4 less
the margins is 182 mm wide)."""

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
.fill { display: flex; gap: .5rem; align-items: flex-end; margin: 0 0 .6rem;
        font-size: .85em; }
.fill .blank { flex: 1; border-bottom: 1px solid #333; height: 1.3em; }
.fill .blank.short { flex: 0 0 4rem; }
.figures { border-collapse: collapse; margin: .2rem 0; }
.figures th, .figures td { border: 1px solid #777; padding: .15rem .5rem; text-align: left; }
.figures th { font-weight: normal; background: #eee; }
.checklist { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: .8em; }
.checklist th, .checklist td { padding: .35rem .3rem; border: 1px solid #777;
                                text-align: left; vertical-align: top; }
.checklist thead th { background: #eee; }
.checklist .group th { padding-top: .5rem; background: #f6f6f6; border-bottom: 2px solid #333; }
.checklist .watched td:first-child { border-left: 4px solid #111; }
.checklist col.seen { width: 26mm; }
.checklist col.quotes { width: QUOTES_MMmm; }
.mark { font-size: 1.1em; }
.hint { display: block; font-size: .8em; color: #444; }
.box { display: inline-block; width: 1em; height: 1em; margin: 0 .3em .2em 0;
        border: 2px solid #222; vertical-align: middle; }
.ruled { height: 1.7em; border-bottom: 1px solid #777; }
thead { display: table-header-group; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11.5pt; line-height: 1.3; }
  .card { border: none; border-radius: 0; margin: 0; padding: 0; }
  .card h2 { break-after: avoid; page-break-after: avoid; }
  tr, .card li { break-inside: avoid; page-break-inside: avoid; }
}
""".replace("QUOTES_MM", str(QUOTES_WIDTH_MM))
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


def _figures(figures: Sequence[tuple[str, str]]) -> str:
    if not figures:
        return ""
    rows = "".join(
        f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>" for label, value in figures
    )
    return f'<h2>The figures</h2>\n<table class="figures">{rows}</table>\n'


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
    out += _figures(card.figures)
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
    out += _figures(card.figures) + _list("What you know", card.brief)
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
    code = escape(item.code)
    if item.watched:
        # The behaviours to watch most get the words of this scenario and more room; the
        # others only their name, so the whole checklist fits one sheet.
        kind = "Do" if item.kind == "do" else "Avoid"
        head = f'<tr class="watched" data-code="{code}"><td><span class="mark">{WATCH_MARK}</span> '
        head += f"{kind}: <strong>{escape(item.behaviour)}</strong>"
        head += f'<span class="hint">{escape(item.listen_for or item.hint)}</span>'
        lines = WATCHED_QUOTE_LINES
    else:
        head = f'<tr data-code="{code}"><td><strong>{escape(item.behaviour)}</strong>'
        lines = QUOTE_LINES
    ruled = '<div class="ruled"></div>' * lines
    return f'{head}</td><td class="ticks">{boxes}</td><td class="quotes">{ruled}</td></tr>\n'


def _observer(card: ObserverChecklist) -> str:
    out = (
        "<p>Tick a box each time you see the behaviour, and write down the words "
        'used.</p>\n<table class="checklist">\n<colgroup><col class="behaviour">'
        '<col class="seen"><col class="quotes"></colgroup>\n<thead><tr><th>Behaviour</th>'
        "<th>Seen</th><th>Words used</th></tr></thead>\n<tbody>\n"
    )
    groups = (
        (f"{WATCH_MARK} Watch most in this scenario", [i for i in card.items if i.watched]),
        ("Do more of", [i for i in card.items if i.kind == "do" and not i.watched]),
        ("Watch out for", [i for i in card.items if i.kind == "avoid" and not i.watched]),
    )
    for heading, items in groups:
        if items:
            out += f'<tr class="group"><th colspan="3">{heading}</th></tr>\n'
            out += "".join(_row(item) for item in items)
    out += "</tbody>\n</table>\n<h2>Notes</h2>\n"
    return out + '<div class="ruled"></div>\n' * NOTE_LINES


_FILL_IN = (
    '<p class="fill"><span>Name</span> <span class="blank"></span> '
    '<span>Round</span> <span class="blank short"></span></p>\n'
)


def _section(role: str, heading: str, kicker: str, body: str, last: bool) -> str:
    classes = "card" if last else f"card {BREAK_CLASS}"
    return (
        f'<section class="{classes}" data-role="{role}">\n'
        f'<p class="kicker">{kicker}</p>\n<h1>{heading}</h1>\n{_FILL_IN}{body}</section>\n'
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
