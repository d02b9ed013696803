"""Where a round's screen reads and writes: one group of a room, for the trainer or a seat.

The trainer's :class:`GroupDesk` may run the room (its clock and its rounds); a participant's
:class:`~convocoach.workshop.seat.Seat` plays the same part for their own group only.
"""

from __future__ import annotations

from typing import Protocol

from convocoach.workshop.record import Workshop
from convocoach.workshop.room_clock import EXTEND_SECONDS
from convocoach.workshop.store import WorkshopLog


class Desk(Protocol):
    @property
    def workshop_id(self) -> int: ...

    @property
    def group_no(self) -> int: ...

    def workshop(self) -> Workshop: ...

    def tick(self, round_no: int, code: str, change: int = 1) -> int: ...

    def may_tick(self, round_no: int) -> bool:
        """Whether this desk keeps the group's checklist in that round."""

    def add_note(self, round_no: int, text: str) -> int: ...

    def set_answer(self, round_no: int, name: str, text: str) -> None: ...

    def data_version(self) -> int:
        """Changes whenever another program has written to the room."""


class GroupDesk:
    """One group of a room, through the whole workshop log: the trainer's, who also runs the
    room's clock and rounds."""

    def __init__(
        self, log: WorkshopLog, workshop_id: int, group_no: int = 1, author: str = ""
    ) -> None:
        self.log = log
        self.workshop_id = workshop_id
        self.group_no = group_no
        self.author = author

    def workshop(self) -> Workshop:
        return self.log.get(self.workshop_id)

    def tick(self, round_no: int, code: str, change: int = 1) -> int:
        return self.log.tick(self.workshop_id, round_no, code, change, self.group_no)

    def may_tick(self, round_no: int) -> bool:
        return True  # the trainer may tick for any group, in any round

    def add_note(self, round_no: int, text: str) -> int:
        return self.log.add_note(self.workshop_id, round_no, self.author, text, self.group_no)

    def set_answer(self, round_no: int, name: str, text: str) -> None:
        self.log.set_text(self.workshop_id, round_no, name, text, self.group_no)

    def data_version(self) -> int:
        return self.log.data_version()

    def start_clock(self, now: float) -> None:
        self.log.start_clock(self.workshop_id, now)

    def pause_clock(self, now: float) -> None:
        self.log.pause_clock(self.workshop_id, now)

    def extend_clock(self, seconds: float = EXTEND_SECONDS) -> None:
        self.log.extend_clock(self.workshop_id, seconds)

    def record_clock(self, round_no: int, seconds: float, finished: bool | None = None) -> None:
        self.log.set_clock(self.workshop_id, round_no, seconds, finished)

    def set_round(self, round_no: int) -> None:
        self.log.set_round(self.workshop_id, round_no)
