"""The words a rubric and the coach's verdicts are written in: statuses, effects, levels."""

from __future__ import annotations

from typing import Literal

Effect = Literal["pass", "fail"]
RuleEffect = Literal["pass", "fail", "miss"]
"""What an existence rule's match means: the behaviour is there ('pass'), a wording to avoid
('fail', a penalty), or the reply falls short without saying anything to avoid ('miss')."""
Status = Literal["pass", "fail", "not-applicable"]
Level = Literal["low", "medium", "high"]
Reader = Literal["native", "non_native"]
"""Who reads the reply: a client of the user's own language, or one who reads English as a
second language (``coach/reader.py`` decides which)."""
Polarity = Literal["reward", "penalty"]
Quoted = Literal["ignore", "count"]
Within = Literal["sentence", "reply"]

LEVELS: tuple[Level, ...] = ("low", "medium", "high")
READERS: tuple[Reader, ...] = ("native", "non_native")
STATUS_WORDS: dict[Status, str] = {"pass": "pass", "fail": "fail", "not-applicable": "n/a"}
RULE_EFFECTS: tuple[RuleEffect, ...] = ("pass", "fail", "miss")
STATUSES: tuple[Status, ...] = ("pass", "fail", "not-applicable")
POLARITIES: tuple[Polarity, ...] = ("reward", "penalty")
QUOTED: tuple[Quoted, ...] = ("ignore", "count")
WITHIN: tuple[Within, ...] = ("sentence", "reply")
