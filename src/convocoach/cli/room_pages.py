"""The small pages of a served workshop: joining with one's name, and the refusals.

They look like textual-serve's own page (its colours, its font from this server) and work
offline. Every piece of text in them, the names on the list included, is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

_STYLE = """
@font-face { font-family: "Roboto Mono"; font-weight: 100 700;
  src: url("/static/fonts/RobotoMono-VariableFont_wght.ttf") format("truetype"); }
body { background: #0c181f; color: rgba(255, 255, 255, 0.95); margin: 0;
  font-family: "Roboto Mono", menlo, monospace; font-size: 16px; }
main { max-width: 640px; margin: 10vh auto; padding: 32px; background: #12232d; }
h1 { font-size: 20px; font-weight: 600; margin-top: 0; }
label { display: block; margin: 16px 0 8px; }
input { font: inherit; width: 100%; box-sizing: border-box; padding: 12px;
  background: #0c181f; color: inherit; border: 1px solid #5e0ba7; }
ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 8px; }
button { font: inherit; padding: 12px 24px; background: #5e0ba7; color: inherit;
  border: none; cursor: pointer; }
button:hover { background: #ac5af4; }
.problem { border-left: 4px solid #ac5af4; padding-left: 12px; }
"""


def _page(title: str, body: str, head: str = "") -> str:
    return (
        f"<!doctype html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n{head}"
        '<meta name=viewport content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def join_page(title: str, roster: Sequence[str], code: str, problem: str = "") -> str:
    """Pick your name (one button each) or type it; the room code rides along in the form."""
    buttons = "\n".join(
        f'<li><button name=name value="{escape(person)}">{escape(person)}</button></li>'
        for person in roster
    )
    said = f"<p class=problem role=alert>{escape(problem)}</p>\n" if problem else ""
    return _page(
        f"Join {title}",
        f"<h1>Join {escape(title)}</h1>\n{said}"
        '<form method=post action="/join">\n'
        f'<input type=hidden name=room value="{escape(code)}">\n'
        "<p>Pick your name:</p>\n"
        f"<ul>\n{buttons}\n</ul>\n"
        "<label for=typed>or type it as the trainer wrote it:</label>\n"
        "<input id=typed name=typed autocomplete=name maxlength=100>\n"
        "<p><button>Join</button></p>\n</form>",
    )


def seats_page(title: str, seated: Sequence[str]) -> str:
    """The facilitator's list of who has joined, each seat with a button to free it."""
    rows = "\n".join(
        f'<li><form method=post action="/seats"><button name=name value="{escape(person)}">'
        f"Free {escape(person)}'s seat</button></form></li>"
        for person in seated
    )
    listed = f"<ul>\n{rows}\n</ul>" if seated else "<p>Nobody has joined yet.</p>"
    return _page(
        f"Seats of {title}",
        f"<h1>Who has joined {escape(title)}</h1>\n"
        "<p>A freed seat can be taken again with the room code, from any browser; the "
        "browser that held it must join again.</p>\n"
        f"{listed}",
    )


def refusal_page(title: str, message: str, hint: str, *, ask_code: bool = False) -> str:
    form = (
        '\n<form method=get action="/">\n<label for=room>Room code:</label>\n'
        "<input id=room name=room autocomplete=off autocapitalize=characters maxlength=20>\n"
        "<p><button>Enter</button></p>\n</form>"
        if ask_code
        else ""
    )
    return _page(
        f"convocoach: {title}",
        f"<h1>{escape(title)}</h1>\n<p>{escape(message)}</p>\n<p>{escape(hint)}</p>{form}",
    )


OPENING = _page(
    "convocoach: the facilitator's view",
    '<h1>The facilitator\'s view</h1>\n<p><a href="/">Open it</a> (it opens by itself).</p>',
    '<meta http-equiv=refresh content="0; url=/">\n',
)
NEEDS_LINK = refusal_page(
    "This is a workshop room",
    "Come in with the link the trainer gave you, or type the room code.",
    "Ask the trainer for the link or the code.",
    ask_code=True,
)
WRONG_CODE = refusal_page(
    "That room code is not right",
    "The link or the code you typed does not open this room.",
    "Check it with the trainer and try again.",
    ask_code=True,
)
TOO_MANY = refusal_page(
    "Too many wrong codes",
    "This machine tried too many wrong codes: wait a moment before trying again.",
    "Check the link with the trainer.",
)


def seat_taken_page(name: str) -> str:
    return refusal_page(
        f"{name} is already in the room",
        f"Another browser has joined as {name}.",
        "If that is you on another device, or someone took your name by mistake, ask the "
        "facilitator.",
    )
