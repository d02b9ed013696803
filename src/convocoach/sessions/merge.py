"""Two copies of convocoach on one database: what a write from a stale screen does.

A write carries the value its screen last read (the "base"). The store compares it with the
stored value inside the write transaction: equal, the write lands; different, another copy
changed it since, and the write is refused with :class:`WriteConflict` (one value) or merged
item by item (:func:`merge_lists`). The value itself is the version: a stored value equal to
the base means nothing the screen did not see would be overwritten, so no counter is needed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from convocoach.sessions.schema_sql import SCALAR_COLUMNS

if TYPE_CHECKING:
    from convocoach.sessions.model import Session


class WriteConflict(Exception):
    """Another copy changed this value since the screen read it; nothing was written."""

    def __init__(self, name: str, stored: object) -> None:
        super().__init__(f"{name} was changed elsewhere")
        self.name = name
        self.stored = stored
        """The value as stored now (None: the item is gone)."""


def merge_lists(base: Sequence[str], mine: Sequence[str], theirs: Sequence[str]) -> tuple[str, ...]:
    """``mine`` and ``theirs`` both started from ``base``: keep both sides' changes.

    An item either side removed is removed; an item either side added is kept, mine placed
    after the item they follow on my side. An item both sides edited differently becomes both
    edits, side by side: nothing typed in either copy is dropped. Repeats count one by one.
    """
    b, m, t = Counter(base), Counter(mine), Counter(theirs)
    want: Counter[str] = Counter()
    for item in b | m | t:
        if m[item] >= b[item] and t[item] >= b[item]:
            want[item] = max(m[item], t[item])  # the same addition on both sides counts once
        elif m[item] <= b[item] and t[item] <= b[item]:
            want[item] = min(m[item], t[item])
        else:
            want[item] = m[item] + t[item] - b[item]
    merged: list[str] = []
    for item in theirs:
        if want[item] > 0:
            want[item] -= 1
            merged.append(item)
    at = 0
    for item in mine:
        if want[item] > 0:
            want[item] -= 1
            merged.insert(at, item)
            at += 1
        elif item in merged:
            at = merged.index(item) + 1
    return tuple(merged)


def answer_key(section: str, position: int) -> str:
    """The :func:`field_values` key of one preparation answer."""
    return f"answer:{section}:{position}"


def field_values(session: Session) -> dict[str, object]:
    """Every value a screen can edit, by name: the scalar fields by their dotted names
    (``client.company``), the answers by :func:`answer_key`, ``phrases`` and ``points``."""
    values: dict[str, object] = {}
    for name in SCALAR_COLUMNS:
        value: object = session
        for part in name.split("."):
            value = getattr(value, part)
        values[name] = value
    values.update((answer_key(a.section, a.position), a.answer) for a in session.answers)
    values.update(phrases=session.phrases, points=session.points)
    return values
