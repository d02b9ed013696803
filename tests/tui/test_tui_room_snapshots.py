"""Pictures of a room at 100x24: the facilitator's view of every group, and a participant's
own group."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from convocoach.locations import Locations
from convocoach.workshop.seat import Seat
from convocoach.workshop.store import WorkshopLog
from tests.tui.test_tui_room import facilitator, seven_in_triads
from tests.tui_support import build_app, open_store


def test_room_facilitator(snap_compare: Any) -> None:
    """'Tuesday room — round 1 of 3': the clock at 10:00 with 'Round 1 of 3: Project delays',
    '7 people in 3 groups' and 'Ready: F5 starts the clock'; a table of the three groups
    (Ana/Ben/Cy, Dee/Eli, Fay/Gus) with Good 1 and Watch-out 1 apart for group 1, its note,
    and Dee's score 64 after 4 replies; the footer's Start/pause, +1 min, Next round."""
    workshop_id = seven_in_triads()
    with open_store() as store:
        log = WorkshopLog(store)
        log.tick(workshop_id, 1, "FEEL", group=1)
        log.tick(workshop_id, 1, "NOBLAME", group=1)
        log.add_note(workshop_id, 1, "Cy", "paused before the price", group=1)
        seat = Seat(store, workshop_id, "Dee")
        seat.publish_score(1, "project-delays", 64, 4)
    app, _ = facilitator(workshop_id)
    assert snap_compare(app, terminal_size=(100, 24))


def test_room_participant(snap_compare: Any, tmp_path: Path) -> None:
    """Cy's own app, W pressed: 'Group 1  Ana: Professional  Ben: Client  Cy: Observer',
    'Waiting for the facilitator to start the clock', Cy's checklist, and no other group's
    names; the footer has no clock keys, and F8 is the group's Debrief."""
    workshop_id = seven_in_triads()
    seat = Seat.open(Locations.from_env().database, workshop_id, "Cy")
    app = build_app(seat=seat, data_dir=tmp_path / "cy")
    assert snap_compare(app, terminal_size=(100, 24), press=["w"])
