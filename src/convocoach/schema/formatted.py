"""Text read in a fixed format: a date or a clock time, an email address, and a block of
weighed words."""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from convocoach.emailaddress import ADDRESS_HINT, SHAPE, address_parts
from convocoach.schema.conversion import INVALID, NULL_TAG, STR_TAG, Conversion, _Invalid
from convocoach.schema.spec import JsonSchema, Spec

_WEIGHT_LINE = re.compile(r"([a-z0-9']+(?: [a-z0-9']+)?) (-?[0-9]+(?:\.[0-9]+)?)")


class Formatted(Spec[str]):
    """Text in a fixed format (a date, a clock time), written quoted or not; may be empty.

    YAML reads an unquoted ``2026-11-27`` as a date and ``09:30`` as a number; both are
    taken as written, since the original text is what the user meant.
    """

    __slots__ = (
        "check",
        "hint",
        "pattern",
    )

    def __init__(
        self, pattern: re.Pattern[str], hint: str, check: Callable[[str], object] | None = None
    ) -> None:
        self.pattern = pattern
        self.hint = hint
        self.check = check

    @property
    def expected(self) -> str:
        return self.hint

    def convert(self, node: yaml.Node, ctx: Conversion, path: str) -> str | _Invalid:
        if type(node) is not yaml.ScalarNode:
            return ctx.wrong_type(node, path, self.hint)
        value: str = "" if node.tag == NULL_TAG else node.value.strip()
        if not value:
            return ""
        if self.pattern.fullmatch(value) is None:
            return ctx.report(
                node, path, f"{value!r} is not {self.hint}", f"write {self.hint}", "format"
            )
        if self.check is not None:
            try:
                self.check(value)
            except ValueError as exc:
                # The value has the right shape; say what is wrong with it, not the shape again.
                return ctx.report(node, path, f"{value!r}: {exc}", f"write {self.hint}", "format")
        return value

    def json_schema(self) -> JsonSchema:
        return {"type": "string", "pattern": f"^(?:{self.pattern.pattern})?$"}

    def empty(self) -> str:
        return ""


EMAIL = Formatted(SHAPE, ADDRESS_HINT, address_parts)
"""An optional email address field in a YAML or JSON file (a session, the profile)."""


class WeightLines(Spec[tuple[tuple[str, float], ...]]):
    """A block of lines, each a word or two words and its weight: ``your team 1.42``."""

    __slots__ = ("limit", "max_lines")

    def __init__(self, max_lines: int, limit: float) -> None:
        self.max_lines = max_lines
        self.limit = limit

    @property
    def expected(self) -> str:
        return "lines of 'word weight' or 'word word weight' (a block, after '|')"

    def convert(
        self, node: yaml.Node, ctx: Conversion, path: str
    ) -> tuple[tuple[str, float], ...] | _Invalid:
        if type(node) is not yaml.ScalarNode or node.tag != STR_TAG:
            return ctx.wrong_type(node, path, self.expected)
        # A block scalar's text starts on the line after its '|'.
        first = node.start_mark.line + (2 if node.style in ("|", ">") else 1)
        column = node.start_mark.column + 1
        pairs: dict[str, float] = {}
        ok = True
        lines = node.value.splitlines()
        if len(lines) > self.max_lines:
            return ctx.report(
                node,
                path,
                f"has {len(lines)} lines; the limit is {self.max_lines}",
                "leave out the lightest weights",
                "too-long",
            )
        for offset, line in enumerate(lines):
            text = line.strip()
            if not text:
                continue
            found = _WEIGHT_LINE.fullmatch(text)
            where = f"{path} line {offset + 1}"
            problem: tuple[str, str, str] | None = None
            if found is None:
                problem = (
                    f"{text[:60]!r} is not a word (or two) and a weight",
                    "write lower-case words, a space and a number, like: your team 1.42",
                    "bad-weight",
                )
            elif abs(float(found.group(2))) > self.limit:
                problem = (
                    f"the weight {found.group(2)} is out of range",
                    f"write a number from -{self.limit:g} to {self.limit:g}",
                    "out-of-range",
                )
            elif found.group(1) in pairs:
                problem = (
                    f"{found.group(1)!r} is weighed twice",
                    "keep one line for it",
                    "duplicate-item",
                )
            if problem is not None:
                ctx.report_at(first + offset, column, where, *problem)
                ok = False
                continue
            assert found is not None
            pairs[found.group(1)] = float(found.group(2))
        return tuple(pairs.items()) if ok else INVALID

    def json_schema(self) -> JsonSchema:
        line = r"[a-z0-9']+(?: [a-z0-9']+)? -?[0-9]+(?:\.[0-9]+)?\s*\n?"
        return {"type": "string", "pattern": f"^(?:{line})*$"}

    def empty(self) -> tuple[tuple[str, float], ...]:
        return ()
