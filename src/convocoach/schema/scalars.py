"""Single values: text, one word of a fixed set, whole and decimal numbers."""

from __future__ import annotations

import math
import re
from typing import TypeVar

import yaml

from convocoach.schema.conversion import INT_TAG, STR_TAG, Conversion, _Invalid, did_you_mean
from convocoach.schema.spec import JsonSchema, Spec
from convocoach.textsafety import CONTROL

S_co = TypeVar("S_co", bound=str, covariant=True)
_INTEGER = re.compile(r"[-+]?[0-9]{1,9}")
_NUMBER_TAGS = (INT_TAG, "tag:yaml.org,2002:float")
# Text made only of spaces and characters that draw nothing (zero-width spaces and joiners,
# word joiners, byte-order marks, soft hyphens): it looks empty wherever it is shown.
_INVISIBLE = re.compile(r"[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]+")


class Text(Spec[str]):
    """A piece of text; numbers, dates and yes/no values are refused (quote them)."""

    __slots__ = (
        "allow_empty",
        "max_length",
        "one_line",
        "pattern",
        "pattern_hint",
        "strip",
    )

    def __init__(
        self,
        max_length: int = 2000,
        one_line: bool = False,
        allow_empty: bool = False,
        strip: bool = True,
        pattern: re.Pattern[str] | None = None,
        pattern_hint: str = "",
    ) -> None:
        self.max_length = max_length
        self.one_line = one_line
        self.allow_empty = allow_empty
        self.strip = strip
        self.pattern = pattern
        self.pattern_hint = pattern_hint

    @property
    def expected(self) -> str:
        return "text"

    def convert(self, node: yaml.Node, ctx: Conversion, path: str) -> str | _Invalid:
        if type(node) is not yaml.ScalarNode or node.tag != STR_TAG:
            return ctx.wrong_type(node, path, "text")
        value: str = node.value.strip() if self.strip else node.value
        if not value.strip() or _INVISIBLE.fullmatch(value):
            # Text kept as typed (not stripped) that may be empty is taken as it is, so that
            # whatever was saved reads back; only authored text that shows nothing is refused.
            if self.allow_empty and (not value.strip() or not self.strip):
                return value
            return ctx.report(
                node,
                path,
                "is empty" if not value.strip() else "shows nothing (only invisible characters)",
                "write the text, or delete the key if it is optional",
                "empty-text",
            )
        if self.one_line and "\n" in value:
            return ctx.report(
                node,
                path,
                "must fit on one line",
                "join the lines (use a plain or quoted value, not | or >)",
                "one-line",
            )
        if len(value) > self.max_length:
            return ctx.report(
                node,
                path,
                f"is {len(value)} characters long; the limit is {self.max_length}",
                "shorten it",
                "too-long",
            )
        if (bad := CONTROL.search(value)) is not None:
            return ctx.report(
                node,
                path,
                f"contains the control character U+{ord(bad.group()):04X}",
                "delete it; text may hold tabs and new lines only",
                "control-character",
            )
        if self.pattern is not None and self.pattern.fullmatch(value) is None:
            return ctx.report(
                node,
                path,
                f"{value!r} is not {self.pattern_hint}",
                f"write {self.pattern_hint}",
                "pattern",
            )
        return value

    def json_schema(self) -> JsonSchema:
        schema: JsonSchema = {
            "type": "string",
            "minLength": 0 if self.allow_empty else 1,
            "maxLength": self.max_length,
        }
        if self.pattern is not None:
            schema["pattern"] = f"^(?:{self.pattern.pattern})$"
        elif self.one_line:
            schema["pattern"] = r"^[^\n]*\n?$"
        return schema

    def empty(self) -> str:
        return ""


class Choice(Spec[S_co]):
    """One word out of a fixed set (typed as the set's own words, a ``Literal`` if it is one)."""

    __slots__ = ("_words", "values")

    def __init__(self, values: tuple[S_co, ...]) -> None:
        self.values = values
        # Each word by itself: what is read comes back as the set's own, typed, word.
        self._words: dict[str, S_co] = {v: v for v in values}

    @property
    def expected(self) -> str:
        return "one of " + ", ".join(self.values)

    def convert(self, node: yaml.Node, ctx: Conversion, path: str) -> S_co | _Invalid:
        if type(node) is not yaml.ScalarNode or node.tag != STR_TAG:
            return ctx.wrong_type(node, path, self.expected)
        value: str = node.value.strip()
        word = self._words.get(value)
        if word is not None:
            return word
        return ctx.report(
            node,
            path,
            f"{value!r} is not {self.expected}",
            did_you_mean(value, self.values, "use one of: "),
            "choice",
        )

    def json_schema(self) -> JsonSchema:
        return {"type": "string", "enum": list(self.values)}

    def empty(self) -> S_co:
        return self.values[0]


class Integer(Spec[int]):
    """A whole number written in decimal."""

    __slots__ = (
        "maximum",
        "minimum",
    )

    def __init__(self, minimum: int, maximum: int) -> None:
        self.minimum = minimum
        self.maximum = maximum

    @property
    def expected(self) -> str:
        return f"a whole number from {self.minimum} to {self.maximum}"

    def convert(self, node: yaml.Node, ctx: Conversion, path: str) -> int | _Invalid:
        if type(node) is not yaml.ScalarNode or _INTEGER.fullmatch(node.value) is None:
            return ctx.wrong_type(node, path, self.expected)
        if node.tag != INT_TAG:
            return ctx.wrong_type(node, path, self.expected)
        value = int(node.value)
        if not self.minimum <= value <= self.maximum:
            return ctx.report(
                node, path, f"{value} is out of range", f"write {self.expected}", "out-of-range"
            )
        return value

    def json_schema(self) -> JsonSchema:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}

    def empty(self) -> int:
        return self.minimum


class Number(Spec[float]):
    """A decimal number (2, -0.75, 1.5e-3) within a range."""

    __slots__ = ("maximum", "minimum")

    def __init__(self, minimum: float, maximum: float) -> None:
        self.minimum = minimum
        self.maximum = maximum

    @property
    def expected(self) -> str:
        return f"a number from {self.minimum:g} to {self.maximum:g}"

    def convert(self, node: yaml.Node, ctx: Conversion, path: str) -> float | _Invalid:
        if type(node) is not yaml.ScalarNode or node.tag not in _NUMBER_TAGS:
            return ctx.wrong_type(node, path, self.expected)
        try:
            value = float(node.value.replace("_", ""))
        except ValueError:
            return ctx.wrong_type(node, path, self.expected)
        if not math.isfinite(value) or not self.minimum <= value <= self.maximum:
            return ctx.report(
                node,
                path,
                f"{node.value} is out of range",
                f"write {self.expected}",
                "out-of-range",
            )
        return value

    def json_schema(self) -> JsonSchema:
        return {"type": "number", "minimum": self.minimum, "maximum": self.maximum}

    def empty(self) -> float:
        return 0.0
