"""What the kinds of rule share: the descriptions of their common keys, the keys ``levels``,
``readers`` and ``unless_client`` (each kind declares them with these), and cues."""

from __future__ import annotations

from convocoach.coach import values
from convocoach.coach.kinds import LEVELS, READERS, Level, Reader
from convocoach.schema import Record, spec_dataclass, spec_field

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
UNLESS_CLIENT_TEXT = (
    "The rule does not fire when the client's last line holds one of these cues "
    "('no worries' to a client who apologised is reassurance, not a brush-off)."
)


def levels() -> tuple[Level, ...]:
    return spec_field(values.LEVEL_LIST, LEVELS_TEXT, default=LEVELS, example=["low"])


def readers() -> tuple[Reader, ...]:
    return spec_field(values.READER_LIST, READERS_TEXT, default=READERS, example=["non_native"])


@spec_dataclass
class Cues:
    """Literal phrases (any case, flexible spaces and apostrophes) and regular expressions."""

    phrases: tuple[str, ...] = spec_field(values.PHRASES, PHRASES_TEXT, example=["it sounds like"])
    patterns: tuple[str, ...] = spec_field(
        values.PATTERNS, PATTERNS_TEXT, example=[r"\bthat must (?:be|have been)\b"]
    )


CUES = Record.of(Cues, "Cues", "Words to look for: plain phrases, regular expressions, or both.")


def unless_client() -> Cues:
    return spec_field(CUES, UNLESS_CLIENT_TEXT, default=Cues(phrases=(), patterns=()))
