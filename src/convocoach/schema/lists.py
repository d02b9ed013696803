"""A list of items of one kind."""

from __future__ import annotations

from typing import TypeVar

import yaml

from convocoach.schema.conversion import INVALID, Conversion, _Invalid
from convocoach.schema.spec import JsonSchema, Spec

T_co = TypeVar("T_co", covariant=True)


class ListOf(Spec[tuple[T_co, ...]]):
    """A list of items of one kind (converted to a tuple)."""

    __slots__ = (
        "item",
        "max_items",
        "min_items",
        "unique",
    )

    def __init__(
        self, item: Spec[T_co], min_items: int = 0, max_items: int = 100, unique: bool = False
    ) -> None:
        self.item = item
        self.min_items = min_items
        self.max_items = max_items
        self.unique = unique

    @property
    def expected(self) -> str:
        return f"a list (each item {self.item.expected})"

    def convert(self, node: yaml.Node, ctx: Conversion, path: str) -> tuple[T_co, ...] | _Invalid:
        if type(node) is not yaml.SequenceNode:
            return ctx.wrong_type(node, path, self.expected)
        items: list[T_co] = []
        ok = True
        convert = self.item.convert
        for index, child in enumerate(node.value):
            value = convert(child, ctx, f"{path}[{index}]")
            if value is INVALID:
                ok = False
            elif self.unique and value in items:
                ctx.report(
                    child,
                    f"{path}[{index}]",
                    f"{value!r} appears twice in the list",
                    "remove the repeat",
                    "duplicate-item",
                )
                ok = False
            else:
                items.append(value)
        count = len(node.value)
        if count < self.min_items:
            return ctx.report(
                node,
                path,
                f"has {count} items; at least {self.min_items} needed",
                "add items",
                "too-few",
            )
        if count > self.max_items:
            return ctx.report(
                node,
                path,
                f"has {count} items; the limit is {self.max_items}",
                "keep the most useful ones",
                "too-many",
            )
        return tuple(items) if ok else INVALID

    def json_schema(self) -> JsonSchema:
        schema: JsonSchema = {
            "type": "array",
            "items": self.item.json_schema(),
            "maxItems": self.max_items,
        }
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.unique:
            schema["uniqueItems"] = True
        return schema

    def empty(self) -> tuple[T_co, ...]:
        return ()
