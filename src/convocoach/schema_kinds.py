"""More kinds of value for :mod:`convocoach.schema`: a record picked by its ``kind`` key, any
value with an extra check that can point at the node it found wrong, a decimal number, and a
block of weighed words, an email address."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

import yaml

from convocoach.emailaddress import ADDRESS_HINT, SHAPE, address_parts
from convocoach.schema import (
    INVALID,
    Context,
    Formatted,
    JsonSchema,
    Record,
    Spec,
    did_you_mean,
    join,
)

_STR = "tag:yaml.org,2002:str"


class Tagged(Spec):
    """A mapping whose ``kind:`` names which record it is (rules of several kinds, one list)."""

    __slots__ = ("key", "variants")

    def __init__(self, variants: Mapping[str, Record], key: str = "kind") -> None:
        self.variants = dict(variants)
        self.key = key

    @property
    def expected(self) -> str:
        return f"a mapping with '{self.key}:' set to one of " + ", ".join(self.variants)

    def convert(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        if type(node) is not yaml.MappingNode:
            return ctx.wrong_type(node, path, self.expected)
        found = [
            (k, v) for k, v in node.value if type(k) is yaml.ScalarNode and k.value == self.key
        ]
        if not found:
            return ctx.report(
                node,
                join(path, self.key),
                f"missing required key {self.key!r}",
                f"add '{self.key}:' with one of: " + ", ".join(self.variants),
                "missing-key",
            )
        key_node, value_node = found[0]
        kind = value_node.value if type(value_node) is yaml.ScalarNode else None
        record = self.variants.get(kind) if isinstance(kind, str) else None
        if record is None or value_node.tag != _STR:
            return ctx.report(
                value_node,
                join(path, self.key),
                f"{kind!r} is not a known {self.key}",
                did_you_mean(str(kind), list(self.variants), "use one of: "),
                "choice",
            )
        rest = yaml.MappingNode(
            node.tag,
            [(k, v) for k, v in node.value if k is not key_node],
            node.start_mark,
            node.end_mark,
            node.flow_style,
        )
        return record.convert(rest, ctx, path)

    def json_schema(self) -> JsonSchema:
        variants = []
        for name, record in self.variants.items():
            schema = record.json_schema()
            schema["properties"] = {self.key: {"const": name}, **schema["properties"]}
            schema["required"] = [self.key, *schema.get("required", [])]
            variants.append(schema)
        return {"oneOf": variants}

    def empty(self) -> Any:
        raise NotImplementedError("a tagged value has no empty form")


Check = Callable[[Any, yaml.Node, Context, str], object]
"""Looks at a converted value; returns :data:`INVALID` (from ``ctx.report``) when it is wrong."""


class Checked(Spec):
    """Another spec, then a check that sees the node too (duplicates, regular expressions)."""

    __slots__ = ("check", "inner")

    def __init__(self, inner: Spec, check: Check) -> None:
        self.inner = inner
        self.check = check

    @property
    def expected(self) -> str:
        return self.inner.expected

    def convert(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        value = self.inner.convert(node, ctx, path)
        if value is INVALID:
            return value
        return INVALID if self.check(value, node, ctx, path) is INVALID else value

    def json_schema(self) -> JsonSchema:
        return self.inner.json_schema()

    def empty(self) -> Any:
        return self.inner.empty()


_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


class Number(Spec):
    """A decimal number (2, -0.75, 1.5e-3) within a range."""

    __slots__ = ("maximum", "minimum")

    def __init__(self, minimum: float, maximum: float) -> None:
        self.minimum = minimum
        self.maximum = maximum

    @property
    def expected(self) -> str:
        return f"a number from {self.minimum:g} to {self.maximum:g}"

    def convert(self, node: yaml.Node, ctx: Context, path: str) -> Any:
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

    def empty(self) -> Any:
        return 0.0


_WEIGHT_LINE = re.compile(r"([a-z0-9']+(?: [a-z0-9']+)?) (-?[0-9]+(?:\.[0-9]+)?)")


class WeightLines(Spec):
    """A block of lines, each a word or two words and its weight: ``your team 1.42``."""

    __slots__ = ("limit", "max_lines")

    def __init__(self, max_lines: int, limit: float) -> None:
        self.max_lines = max_lines
        self.limit = limit

    @property
    def expected(self) -> str:
        return "lines of 'word weight' or 'word word weight' (a block, after '|')"

    def convert(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        if type(node) is not yaml.ScalarNode or node.tag != _STR:
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

    def empty(self) -> Any:
        return ()


EMAIL = Formatted(SHAPE, ADDRESS_HINT, address_parts)
"""An optional email address field in a YAML or JSON file (a session, the profile)."""
