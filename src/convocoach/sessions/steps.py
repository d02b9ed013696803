"""The steps of a session, in order, by the names stored with it (nothing else imported, so
the app's help and step bar can name them without loading the rest)."""

from __future__ import annotations

from typing import Literal, NamedTuple, get_args

StepKey = Literal[
    "situation", "prepare", "timing", "listen", "rehearse", "agree", "followup", "outcome"
]
"""A step of a session, by the name stored with it (``sessions.step``)."""


class Step(NamedTuple):
    key: StepKey
    label: str


STEPS: tuple[Step, ...] = (
    Step("situation", "Situation"),
    Step("prepare", "Prepare"),
    Step("timing", "Timing"),
    Step("listen", "Listen"),
    Step("rehearse", "Rehearse"),
    Step("agree", "Agree"),
    Step("followup", "Follow up"),
    Step("outcome", "Outcome"),
)
STEP_KEYS: tuple[StepKey, ...] = get_args(StepKey)


def step_key(name: str) -> StepKey | None:
    """The step called ``name`` (None: no such step, as in a file from a newer version)."""
    return next((key for key in STEP_KEYS if key == name), None)
