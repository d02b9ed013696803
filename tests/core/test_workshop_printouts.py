"""What a workshop prints: the professional's card carries the case's facts, the observer's
card puts this scenario's behaviours first with room for quotes, every card has name and
round fields, and the pages print on A4 with ruled tables."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from convocoach.coach.loader import bundled_rubric
from convocoach.diagnostics import InvalidFile
from convocoach.playbooks.loader import load_playbook_file, parse_playbook
from convocoach.playbooks.model import Playbook
from convocoach.playbooks.workshop_format import Figures, RolePlay
from convocoach.rehearsal.case import SESSION_FACTS
from convocoach.sessions.store import SessionStore
from convocoach.workshop.behaviours import behaviours, watched
from convocoach.workshop.cards import FILL_IN, WATCH_MARK, cards_markdown, role_cards
from convocoach.workshop.cards_html import QUOTES_WIDTH_MM, cards_html
from convocoach.workshop.debrief import workshop_html
from convocoach.workshop.plan import make_plan
from convocoach.workshop.store import WorkshopLog
from tests.conftest import BUNDLED, MINIMAL

RUBRIC = bundled_rubric()
A4_TEXT_WIDTH_MM = 210 - 2 * 14


def _load(name: str) -> Playbook:
    return load_playbook_file(BUNDLED / f"{name}.yaml").playbook


class Tables(HTMLParser):
    """Every table row's cells (text), each section's data-role and text, the style."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.row_attrs: list[dict[str, str]] = []
        self.sections: list[tuple[str, list[str]]] = []
        self.fills: list[str] = []
        self.style = ""
        self._stack: list[str] = []
        self._cell: list[str] | None = None
        self._fill: list[str] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        self._stack.append(tag)
        if tag == "section":
            self.sections.append((attr.get("data-role", ""), []))
        elif tag == "tr":
            self.rows.append([])
            self.row_attrs.append(attr)
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "p" and attr.get("class") == "fill":
            self._fill = []

    def handle_endtag(self, tag: str) -> None:
        if self._stack:
            self._stack.pop()
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "p" and self._fill is not None:
            self.fills.append(" ".join("".join(self._fill).split()))
            self._fill = None

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] == "style":
            self.style += data
            return
        if self._cell is not None:
            self._cell.append(data)
        if self._fill is not None:
            self._fill.append(data)
        if self.sections:
            self.sections[-1][1].append(data)

    def text_of(self, role: str) -> str:
        return " ".join("".join(t) for r, t in self.sections if r == role)


def _rule(style: str, selector: str) -> str:
    """The declarations of the first rule for exactly ``selector``."""
    match = re.search(r"(?:^|[}\n])\s*" + re.escape(selector) + r"\s*\{([^}]*)\}", style)
    assert match, f"no rule for {selector!r}"
    return match.group(1)


# --- The professional's card -----------------------------------------------------------


def test_the_professionals_card_has_the_facts_of_the_case() -> None:
    cards = role_cards(_load("late-payment"), RUBRIC)
    pro = cards.professional
    assert ("Amount at stake", "£18,400") in pro.figures
    assert pro.brief[0].startswith("Two invoices of £9,200 are unpaid, £18,400 in all")
    assert any("31 July" in line for line in pro.brief)  # the walk-away date
    page = Tables(cards_html([cards]))
    text = page.text_of("professional")
    assert "What you know" in text
    assert "47 days late" in text
    assert ["Amount at stake", "£18,400"] in page.rows
    markdown = cards_markdown([cards]).split(": the professional", 1)[1]
    assert "- Amount at stake: £18,400\n" in markdown
    assert "**What you know**" in markdown


@pytest.mark.parametrize("path", sorted(BUNDLED.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_bundled_scenario_briefs_the_professional(path: Path) -> None:
    playbook = load_playbook_file(path).playbook
    cards = role_cards(playbook, RUBRIC)
    assert len(cards.professional.brief) >= 3
    assert len(playbook.workshop.watch) >= 3
    # Figures fill the client's lines: no placeholder is printed as written.
    for output in (cards_markdown([cards]), cards_html([cards])):
        assert not re.search(r"\{[a-z_]+", output.replace("{ ", "").replace("{\n", ""))


def test_the_client_says_the_figures_the_professional_holds() -> None:
    cards = role_cards(_load("budget-constraints"), RUBRIC)
    assert "cut the tenant portal from £120,000 to £85,000, and" in cards.client.opening
    assert ("New price", "£85,000") in cards.client.figures
    assert cards.client.figures == cards.professional.figures


def test_without_a_brief_the_card_keeps_the_facts_to_gather() -> None:
    playbook = dataclasses.replace(_load("late-payment"), workshop=RolePlay())
    pro = role_cards(playbook, RUBRIC).professional
    assert (pro.figures, pro.brief) == ((), ())
    assert pro.facts == playbook.prepare.facts[:3]


def test_the_figures_are_the_facts_a_client_line_can_name() -> None:
    assert [f.name for f in dataclasses.fields(Figures)] == [f.name for f in SESSION_FACTS]


# --- The observer's card ---------------------------------------------------------------


def test_the_behaviours_to_watch_come_first_and_marked() -> None:
    cards = role_cards(_load("late-payment"), RUBRIC)
    items = cards.observer.items
    assert [i.code for i in items[:3]] == ["OPENQ", "NEXT", "NOBLAME"]
    # CLEAR is judged for a second-language reader only: never in a role-play of the room.
    assert [i.watched for i in items] == [True] * 3 + [False] * 7
    assert items[1].listen_for.startswith("A plan he can take to finance")
    # CLEAR is judged for a second-language reader only: never in a role-play of the room.
    assert {i.code for i in items} == {d.code for d in RUBRIC.dimensions} - {"CLEAR"}
    page = Tables(cards_html([cards]))
    body = [(attrs, cells) for attrs, cells in zip(page.row_attrs, page.rows, strict=True)]
    checklist = [(a, c) for a, c in body if a.get("data-code") or "Watch most" in " ".join(c)]
    assert "Watch most in this scenario" in checklist[0][1][0]
    watched_rows = [a["data-code"] for a, _ in checklist[1:4]]
    assert watched_rows == ["OPENQ", "NEXT", "NOBLAME"]
    assert all(a.get("class") == "watched" for a, _ in checklist[1:4])
    assert checklist[1][1][0].startswith(f"{WATCH_MARK} Do: Asks an open question")
    assert "holding the payment up" in checklist[1][1][0]
    markdown = cards_markdown([cards]).split(": the observer", 1)[1]
    rows = [line for line in markdown.splitlines() if line.startswith("| Do") or "Avoid" in line]
    assert rows[0].startswith(f"| Do {WATCH_MARK}: **Asks an open question**")


def test_without_a_watch_list_the_script_chooses() -> None:
    playbook = dataclasses.replace(_load("late-payment"), workshop=RolePlay())
    chosen = watched(playbook)
    assert len(chosen) == 3
    kinds = {b.code: b.kind for b in behaviours(RUBRIC)}
    assert [kinds[code] for code, _ in chosen] == ["do", "do", "avoid"]
    assert chosen[-1][0] == "NOBLAME"  # the branches that sink Kwame's mood most
    items = role_cards(playbook, RUBRIC).observer.items
    assert [i.code for i in items[:3]] == [code for code, _ in chosen]
    assert watched(dataclasses.replace(playbook, rehearsal=None)) == ()


def test_quotes_have_real_room_on_a4() -> None:
    page = Tables(cards_html([role_cards(_load("scope-creep"), RUBRIC)]))
    quotes = _rule(page.style, ".checklist col.quotes")
    seen = _rule(page.style, ".checklist col.seen")
    width = int(re.search(r"width:\s*(\d+)mm", quotes).group(1))  # type: ignore[union-attr]
    seen_width = int(re.search(r"width:\s*(\d+)mm", seen).group(1))  # type: ignore[union-attr]
    assert width == QUOTES_WIDTH_MM >= 80
    assert width + seen_width + 40 <= A4_TEXT_WIDTH_MM  # the behaviour keeps 4 cm or more
    assert "table-layout: fixed" in _rule(page.style, ".checklist")


def test_every_card_has_name_and_round_to_fill_in() -> None:
    cards = [role_cards(_load(n), RUBRIC) for n in ("late-payment", "scope-creep")]
    page = Tables(cards_html(cards))
    assert len(page.sections) == 6
    assert page.fills == ["Name Round"] * 6
    assert cards_markdown(cards).count(FILL_IN) == 6


# --- Validation ------------------------------------------------------------------------


def test_an_unknown_behaviour_code_is_reported_where_it_is() -> None:
    text = MINIMAL + "workshop:\n  watch:\n    - code: NEXT\n    - code: FEELS\n"
    with pytest.raises(InvalidFile) as caught:
        parse_playbook(text.encode(), "pb.yaml")
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.column) == ("pb.yaml", 9, 13)
    assert problem.path == "workshop.watch[1].code"
    assert "'FEELS' is not one of FEEL, REFL" in problem.message
    assert "FEEL" in problem.fix


def test_a_behaviour_watched_twice_is_reported() -> None:
    text = MINIMAL + "workshop:\n  watch:\n    - code: NEXT\n    - code: NEXT\n"
    with pytest.raises(InvalidFile) as caught:
        parse_playbook(text.encode(), "pb.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.rule) == (9, 13, "duplicate-item")


def test_a_brief_names_only_facts_of_the_case() -> None:
    text = MINIMAL + "workshop:\n  professional_brief:\n    - Owed {amonut} since May.\n"
    with pytest.raises(InvalidFile) as caught:
        parse_playbook(text.encode(), "pb.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.rule) == (8, 12, "unknown-fact")


# --- Print rules -----------------------------------------------------------------------


def test_cards_print_on_a4_with_ruled_tables() -> None:
    style = Tables(cards_html([role_cards(_load("late-payment"), RUBRIC)])).style
    assert "size: A4" in _rule(style, "@page")
    assert "border: 1px solid" in _rule(style, ".checklist th, .checklist td")
    assert "border: 1px solid" in _rule(style, ".figures th, .figures td")
    assert "break-inside: avoid" in style.split("@media print", 1)[1]


@pytest.fixture
def debrief(tmp_path: Path) -> str:
    store = SessionStore.open(tmp_path / "s.db")
    log = WorkshopLog(store)
    wid = log.create(
        make_plan("Drill", ["late-payment", "scope-creep"], 3, 10, "pairs", ("A", "B"))
    )
    for number, codes in ((1, ("FEEL", "NOBLAME")), (2, ("OPENQ", "OPENQ", "NEXT"))):
        for code in codes:
            log.tick(wid, number, code)
        log.set_clock(wid, number, 600, finished=True)
    html = workshop_html(log.get(wid), {"late-payment": "Late payment"}, RUBRIC)
    store.close()
    return html


def test_the_debrief_prints_on_a4_with_ruled_tables(debrief: str) -> None:
    style = Tables(debrief).style
    assert "size: A4" in _rule(style, "@page")
    assert "border: 1px solid" in _rule(style, "th, td")
    assert "break-inside: avoid" in _rule(style, "tr, li, p")
    assert "display: table-header-group" in _rule(style, "thead")
    assert "break-before: page" in style.split("h2:last-of-type", 1)[1]  # tallies apart


def test_the_debrief_tables_keep_each_cell_apart(debrief: str) -> None:
    rows = Tables(debrief).rows
    assert ["behaviour", "round 1", "round 2", "round 3", "all rounds"] in rows
    assert ["Names the feeling (FEEL)", "1", "0", "not played", "1"] in rows
    assert ["Good", "1", "3", "not played", "4"] in rows
    assert ["Watch-outs", "1", "0", "not played", "1"] in rows
    assert ["person", "professional", "client", "good ticks", "watch-outs"] in rows
    assert all(
        len(row) == len(rows[0])
        for row in rows[: rows.index(["Watch-outs", "1", "0", "not played", "1"])]
    )
