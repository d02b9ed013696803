"""A room's debrief by group, and a handout for each person that credits only their own
group's ticks, good behaviours and ones to watch apart."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from convocoach.coach.loader import bundled_rubric
from convocoach.sessions.store import SessionStore
from convocoach.workshop.debrief import workshop_markdown
from convocoach.workshop.handouts import handouts_html, handouts_markdown
from convocoach.workshop.plan import make_plan
from convocoach.workshop.record import Workshop
from convocoach.workshop.store import WorkshopLog
from convocoach.workshop.tallies import person_tallies

RUBRIC = bundled_rubric()
ROOM = ["Ana", "Ben", "Cy", "Dee", "Eli", "Fay"]


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Workshop]:
    with SessionStore.open(tmp_path / "s.db") as store:
        log = WorkshopLog(store)
        wid = log.create(make_plan("Tuesday room", ["late-payment"], 2, 10, "triads", ROOM))
        # Round 1: Ana and Dee are the professionals of groups 1 and 2.
        log.tick(wid, 1, "FEEL", group=1)
        log.tick(wid, 1, "NOBLAME", group=2)
        log.tick(wid, 1, "PLAIN", group=2)
        log.add_note(wid, 1, "Cy", "named the worry first", group=1)
        log.add_note(wid, 1, "Fay", "blamed finance", group=2)
        log.set_text(wid, 1, "worked", "the pause", group=1)
        log.set_clock(wid, 1, 600, finished=True)
        yield log.get(wid)


def test_the_room_s_debrief_has_each_group_s_round(room: Workshop) -> None:
    markdown = workshop_markdown(room, {"late-payment": "Late payment"}, RUBRIC)
    round_one = markdown.split("## Round 1: Late payment", 1)[1].split("\n## ", 1)[0]
    group_one, group_two = round_one.split("### Group 2")
    assert "Professional: **Ana**; Client: **Ben**; Observer: **Cy**" in group_one
    assert "Cy: named the worry first" in group_one
    assert "blamed finance" not in group_one
    assert "Professional: **Dee**" in group_two
    assert "- Blamed the client (NOBLAME): 1" in group_two
    assert "- Groups: triads (professional, client and observer): Ana, Ben, Cy; Dee, Eli, Fay" in (
        markdown
    )


def test_each_professional_is_credited_with_their_own_group_s_ticks(room: Workshop) -> None:
    tallies = {t.name: t for t in person_tallies(room, RUBRIC)}
    assert (tallies["Ana"].good, tallies["Ana"].watch) == (1, 0)
    assert (tallies["Dee"].good, tallies["Dee"].watch) == (0, 2)
    assert tallies["Dee"].group == 2


def test_a_handout_for_each_person(room: Workshop) -> None:
    markdown = handouts_markdown(room, {"late-payment": "Late payment"}, RUBRIC)
    pages = markdown.split("\n# ")
    assert len(pages) == 6
    ana = pages[0]
    assert ana.startswith("# Ana: your workshop handout")
    assert "Group 1, with Ben, Cy." in ana
    assert "| 1 | Late payment | Professional |" in ana
    assert "| 2 | Late payment | Observer |" in ana
    assert "Good behaviours: 1. To watch: 0." in ana
    assert "- Names the feeling: 1" in ana
    assert "named the worry first" in ana
    assert "the pause" in ana
    assert "blamed finance" not in ana
    dee = next(p for p in pages if p.startswith("Dee:"))
    assert "Good behaviours: 0. To watch: 2." in dee
    assert "**To watch**" in dee
    assert "- Blamed the client: 1" in dee
    assert "My one change for next time" in dee
    ben = next(p for p in pages if p.startswith("Ben:"))
    assert "as the professional" not in ben.split("## What was seen", 1)[1].split("## My", 1)[0]


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.h1 = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.h1 += tag == "h1"


def test_the_handouts_print_one_person_to_a_page(room: Workshop) -> None:
    html = handouts_html(room, {}, RUBRIC)
    parser = _Headings()
    parser.feed(html)
    assert parser.h1 == 6
    assert "size: A4" in html
    assert "h1 { break-before: page;" in html
