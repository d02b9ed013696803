"""What every kind of rule shares: the descriptions of its common keys, and the keys
``levels`` and ``readers`` (each kind declares them with these)."""

from __future__ import annotations

from convocoach.coach import values
from convocoach.coach.kinds import LEVELS, READERS, Level, Reader
from convocoach.schema import spec_field

ID_TEXT = "Unique name of the rule; a rubric can 'disable' it by this name."
MESSAGE_TEXT = "The one-line reason shown when the rule fires."
LEVELS_TEXT = "Client technical levels the rule applies to (all when absent)."
READERS_TEXT = (
    "Readers the rule applies to (both when absent): 'native', a client of your own "
    "language; 'non_native', a client who reads your English as a second language."
)
QUOTED_TEXT = (
    "Whether words inside quotation marks count ('ignore': quoting the client is not saying it)."
)
PHRASES_TEXT = "Plain phrases, matched in any case as whole words."
PATTERNS_TEXT = "Python regular expressions, matched in any case."


def levels() -> tuple[Level, ...]:
    return spec_field(values.LEVEL_LIST, LEVELS_TEXT, default=LEVELS, example=["low"])


def readers() -> tuple[Reader, ...]:
    return spec_field(values.READER_LIST, READERS_TEXT, default=READERS, example=["non_native"])
