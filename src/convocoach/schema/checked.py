"""Any kind of value, then a check of what it became that can point at the node."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import yaml

from convocoach.schema.conversion import INVALID, Conversion, _Invalid
from convocoach.schema.spec import JsonSchema, Spec

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

Check = Callable[[T, yaml.Node, Conversion, str], object]
"""Looks at a converted value; returns :data:`INVALID` (from ``ctx.report``) when it is wrong."""


class Checked(Spec[T_co]):
    """Another spec, then a check that sees the node too (duplicates, regular expressions)."""

    __slots__ = ("check", "inner")

    def __init__(self, inner: Spec[T_co], check: Check[T_co]) -> None:
        self.inner = inner
        self.check = check

    @property
    def expected(self) -> str:
        return self.inner.expected

    def convert(self, node: yaml.Node, ctx: Conversion, path: str) -> T_co | _Invalid:
        value = self.inner.convert(node, ctx, path)
        if value is INVALID:
            return value
        return INVALID if self.check(value, node, ctx, path) is INVALID else value

    def json_schema(self) -> JsonSchema:
        return self.inner.json_schema()

    def empty(self) -> T_co:
        return self.inner.empty()
