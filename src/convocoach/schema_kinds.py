"""Two more kinds of value for :mod:`convocoach.schema`: a record picked by its ``kind`` key,
and any value with an extra check that can point at the node it found wrong."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import yaml

from convocoach.schema import INVALID, Context, JsonSchema, Record, Spec, did_you_mean, join

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
        found = [(k, v) for k, v in node.value
                 if type(k) is yaml.ScalarNode and k.value == self.key]
        if not found:
            return ctx.report(node, join(path, self.key), f"missing required key {self.key!r}",
                              f"add '{self.key}:' with one of: " + ", ".join(self.variants),
                              "missing-key")
        key_node, value_node = found[0]
        kind = value_node.value if type(value_node) is yaml.ScalarNode else None
        record = self.variants.get(kind) if isinstance(kind, str) else None
        if record is None or value_node.tag != _STR:
            return ctx.report(value_node, join(path, self.key),
                              f"{kind!r} is not a known {self.key}",
                              did_you_mean(str(kind), list(self.variants), "use one of: "),
                              "choice")
        rest = yaml.MappingNode(node.tag, [(k, v) for k, v in node.value if k is not key_node],
                                node.start_mark, node.end_mark, node.flow_style)
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
