"""The base of every kind of value: convert a node, describe it in JSON Schema."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

import yaml

from convocoach.schema.conversion import Conversion, _Invalid

JsonSchema = dict[str, Any]
T_co = TypeVar("T_co", covariant=True)


class Spec(Generic[T_co]):
    """A kind of value in a document, read as a ``T_co``."""

    __slots__ = ()

    def convert(self, node: yaml.Node, ctx: Conversion, path: str) -> T_co | _Invalid:
        """The value of ``node``, or :data:`INVALID` once its problems are reported."""
        raise NotImplementedError

    def json_schema(self) -> JsonSchema:
        raise NotImplementedError

    def empty(self) -> T_co:
        """The value an optional, absent field of this kind takes."""
        raise NotImplementedError

    @property
    def expected(self) -> str:
        raise NotImplementedError
