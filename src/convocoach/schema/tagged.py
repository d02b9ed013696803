"""A record picked by its ``kind:`` key, out of several."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

import yaml

from convocoach.schema.conversion import STR_TAG, Conversion, _Invalid, did_you_mean, join
from convocoach.schema.record import Record
from convocoach.schema.spec import JsonSchema, Spec

T_co = TypeVar("T_co", covariant=True)


class Tagged(Spec[T_co]):
    """A mapping whose ``kind:`` names which record it is (rules of several kinds, one list)."""

    __slots__ = ("key", "variants")

    def __init__(self, variants: Mapping[str, Record[T_co]], key: str = "kind") -> None:
        self.variants = dict(variants)
        self.key = key

    @property
    def expected(self) -> str:
        return f"a mapping with '{self.key}:' set to one of " + ", ".join(self.variants)

    def convert(self, node: yaml.Node, ctx: Conversion, path: str) -> T_co | _Invalid:
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
        if record is None or value_node.tag != STR_TAG:
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

    def empty(self) -> T_co:
        raise NotImplementedError("a tagged value has no empty form")
