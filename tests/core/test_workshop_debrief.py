"""The workshop debrief: every round as recorded, and tallies that credit the right person."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from convocoach.coach.loader import bundled_rubric
from convocoach.sessions.store import SessionStore
from convocoach.workshop.debrief import behaviour_labels, workshop_html, workshop_markdown
from convocoach.workshop.plan import make_plan
from convocoach.workshop.record import Workshop
from convocoach.workshop.store import WorkshopLog
from convocoach.workshop.tallies import person_tallies, played

RUBRIC = bundled_rubric()
TITLES = {"late-payment": "Late payment", "scope-creep": "Scope creep"}
EVIL = 'Tom <script>alert(1)</script> & "Co" [/]'


@pytest.fixture
def log(tmp_path: Path) -> Iterator[WorkshopLog]:
    store = SessionStore.open(tmp_path / "s.db")
    yield WorkshopLog(store)
    store.close()


def _workshop(
    log: WorkshopLog,
    both: bool = False,
    title: str = "Friday drill",
    people: tuple[str, ...] = ("Ana", "Ben", "Cy"),
) -> Workshop:
    """Two rounds in triads: round 1 played (Ana the professional); round 2 only if ``both``."""
    wid = log.create(make_plan(title, ["late-payment", "scope-creep"], 2, 10, "triads", people))
    for code in ("FEEL", "FEEL", "NOBLAME", "OPENQ"):
        log.tick(wid, 1, code)
    log.tick(wid, 1, "OPENQ", -1)
    log.add_note(wid, 1, "", "Paused well.\nThen: \u201cyou always\u2026\u201d")
    log.set_text(wid, 1, "worked", "Named the worry early")
    log.set_text(wid, 1, "try_next", "Ask before proposing")
    log.set_clock(wid, 1, 545.2, finished=True)
    if both:
        for code in ("OPENQ", "OPENQ", "NEXT"):
            log.tick(wid, 2, code)
        log.set_clock(wid, 2, 600, finished=True)
        log.set_round(wid, 2)
    return log.get(wid)


def _section(markdown: str, heading: str) -> str:
    return markdown.split(heading, 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]


def test_each_round_says_who_played_what_and_what_was_seen(log: WorkshopLog) -> None:
    markdown = workshop_markdown(_workshop(log), TITLES, RUBRIC)
    assert markdown.startswith("# Workshop debrief: Friday drill\n")
    plan = _section(markdown, "## Plan")
    assert "Scenarios: Late payment, Scope creep" in plan
    assert "2 of 10 minutes each" in plan
    assert "Ana, Ben, Cy" in plan
    first = _section(markdown, "## Round 1: Late payment")
    assert "Professional: **Ana**; Client: **Ben**; Observer: **Cy**" in first
    assert "Clock: 09:06 of 10:00 used; finished." in first
    assert "Behaviours ticked by Cy:" in first
    assert "- Names the feeling (FEEL): 2\n" in first
    assert "- Blamed the client (NOBLAME): 1\n" in first
    assert "OPENQ" not in first  # ticked, then taken back
    assert "- Total: 3\n" in first
    assert "Paused well.\\\nThen: \u201cyou always\u2026\u201d" in first
    assert "Named the worry early" in first
    assert "Ask before proposing" in first
    second = _section(markdown, "## Round 2: Scope creep")
    assert "Professional: **Ben**; Client: **Cy**; Observer: **Ana**" in second
    assert "Not played." in second
    assert "Clock" not in second


def test_tallies_per_round_mark_unplayed_rounds(log: WorkshopLog) -> None:
    markdown = workshop_markdown(_workshop(log), TITLES, RUBRIC)
    table = _section(markdown, "### Per round")
    assert "| behaviour | round 1 | round 2 | all rounds |" in table
    assert "| Names the feeling (FEEL) | 2 | not played | 2 |" in table
    assert "| Blamed the client (NOBLAME) | 1 | not played | 1 |" in table
    assert "| **Good** | 2 | not played | 2 |" in table
    assert "| **Watch-outs** | 1 | not played | 1 |" in table
    assert "OPENQ" not in table


def test_the_professional_earns_the_round_ticks(log: WorkshopLog) -> None:
    workshop = _workshop(log, both=True)
    tallies = {t.name: t for t in person_tallies(workshop, RUBRIC)}
    assert dict(tallies["Ana"].ticks) == {"FEEL": 2, "NOBLAME": 1}
    assert dict(tallies["Ben"].ticks) == {"OPENQ": 2, "NEXT": 1}
    assert dict(tallies["Cy"].ticks) == {}
    # Good behaviours and ones to watch apart: blaming never adds to the professional's score.
    assert [(t.good, t.watch) for t in tallies.values()] == [(2, 1), (3, 0), (0, 0)]
    assert dict(tallies["Ana"].rounds) == {"professional": (1,), "observer": (2,)}
    assert dict(tallies["Ben"].rounds) == {"client": (1,), "professional": (2,)}
    assert dict(tallies["Cy"].rounds) == {"observer": (1,), "client": (2,)}
    markdown = workshop_markdown(workshop, TITLES, RUBRIC)
    people = _section(markdown, "### Per person")
    assert "| person | professional | client | observer | good ticks | watch-outs |" in people
    assert "| Ana | round 1 | none | round 2 | 2 | 1 |" in people
    assert "| Ben | round 2 | round 1 | none | 3 | 0 |" in people
    assert "| Cy | none | round 2 | round 1 | 0 | 0 |" in people
    assert "| behaviour | Ana | Ben | Cy |" in people
    assert "| Names the feeling (FEEL) | 2 | 0 | 0 |" in people
    assert "| Asks an open question (OPENQ) | 0 | 2 | 0 |" in people
    assert "| **Good** | 2 | 3 | 0 |" in people
    assert "| **Watch-outs** | 1 | 0 | 0 |" in people
    rounds = _section(markdown, "### Per round")
    assert "| **Good** | 2 | 3 | 5 |" in rounds
    assert "| **Watch-outs** | 1 | 0 | 1 |" in rounds
    assert "2 of 2 rounds finished" in markdown


def test_unplayed_rounds_count_for_no_one(log: WorkshopLog) -> None:
    workshop = _workshop(log)
    assert [played(r) for r in workshop.rounds] == [True, False]
    tallies = {t.name: dict(t.rounds) for t in person_tallies(workshop, RUBRIC)}
    assert tallies == {
        "Ana": {"professional": (1,)},
        "Ben": {"client": (1,)},
        "Cy": {"observer": (1,)},
    }


def test_pairs_have_no_observer_and_the_client_ticks(log: WorkshopLog) -> None:
    wid = log.create(make_plan("Pairs", ["late-payment"], 2, 5, "pairs", ["Ana", "Ben"]))
    log.tick(wid, 2, "REFL")
    log.tick(wid, 2, "MADEUP")
    markdown = workshop_markdown(log.get(wid), {}, RUBRIC)
    assert "Observer" not in _section(markdown, "## Round 2: late-payment")
    assert "Behaviours ticked by Ana:" in markdown  # the client of round 2
    assert "| person | professional | client | good ticks | watch-outs |" in markdown
    assert "| Ben | round 2 | none | 1 | 0 |" in markdown  # MADEUP is neither
    assert "- MADEUP: 1" in markdown  # a code the rubric does not know still counts
    assert "kept by the client, after the round" in markdown


def test_nothing_ticked_yet(log: WorkshopLog) -> None:
    wid = log.create(make_plan("Empty", ["late-payment"], 1, 5, "pairs"))
    markdown = workshop_markdown(log.get(wid), TITLES, RUBRIC)
    assert "Not played." in markdown
    assert "No behaviours ticked yet." in markdown
    assert "0 of 1 round finished" in markdown
    assert "- Rounds: 1 of 5 minutes each" in markdown


def test_labels_follow_the_checklist() -> None:
    labels = behaviour_labels(RUBRIC)
    # CLEAR is judged for a second-language reader only: never in a role-play of the room.
    assert set(labels) == {d.code for d in RUBRIC.dimensions} - {"CLEAR"}
    assert labels["FEEL"] == "Names the feeling (FEEL)"


class Tags(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.text = ""
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


def test_outside_text_is_escaped(log: WorkshopLog) -> None:
    workshop = _workshop(log, title=EVIL, people=(EVIL, "Ben", "Cy"))
    wid = workshop.id
    log.add_note(wid, 1, "", EVIL)
    log.set_text(wid, 1, "worked", "[link](javascript:alert(1)) # not a heading")
    log.tick(wid, 1, "<img src=x onerror=alert(1)>")
    workshop = log.get(wid)
    titles = {"late-payment": EVIL}
    markdown = workshop_markdown(workshop, titles, RUBRIC)
    assert "<script>" not in markdown
    assert "[link]" not in markdown
    html = workshop_html(workshop, titles, RUBRIC)
    assert "<script" not in html
    assert "<img" not in html
    assert "href" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    parsed = Tags(html)
    assert not parsed.tags & {"script", "img", "a"}
    assert parsed.text.count(EVIL) >= 5  # title, group, scenario, cast, notes, tallies
