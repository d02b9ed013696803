"""A mapping with a fixed set of keys, read from a dataclass's declared fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar, overload

import yaml

from convocoach.schema.conversion import INVALID, STR_TAG, Conversion, _Invalid, did_you_mean, join
from convocoach.schema.fields import Field, keys_of
from convocoach.schema.spec import JsonSchema, Spec

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
D = TypeVar("D", bound="DataclassInstance")


class Record(Spec[T_co]):
    """A mapping with a fixed set of keys; unknown keys are errors.

    Made with :meth:`of` from a dataclass whose fields are declared with
    :func:`~convocoach.schema.fields.spec_field`: the keys, their order and defaults are the
    dataclass's, and converting a mapping builds the dataclass.
    """

    __slots__ = ("build", "by_name", "description", "fields", "model", "title")

    def __init__(
        self,
        title: str,
        description: str,
        model: type[DataclassInstance],
        fields: Sequence[Field],
        build: Callable[..., T_co],
    ) -> None:
        self.title = title
        self.description = description
        self.model = model
        """The dataclass the keys are declared on."""
        self.fields = fields
        self.build = build
        """Makes the value from every key's value (the dataclass, or what ``then`` makes)."""
        self.by_name = {f.name: f for f in fields}

    @overload
    @staticmethod
    def of(model: type[D], title: str, description: str) -> Record[D]: ...

    @overload
    @staticmethod
    def of(model: type[D], title: str, description: str, then: Callable[[D], T]) -> Record[T]: ...

    @staticmethod
    def of(
        model: type[D], title: str, description: str, then: Callable[[D], T] | None = None
    ) -> Record[D] | Record[T]:
        """The record of ``model``'s keys; ``then`` makes the value from the model, when the
        file's mapping is not the value itself (a pair, a record that learns more)."""
        fields, build = keys_of(model)
        if then is None:
            return Record(title, description, model, fields, build)
        make = build

        def build_then(**values: object) -> T:
            return then(make(**values))

        return Record(title, description, model, fields, build_then)

    @property
    def expected(self) -> str:
        return "a mapping (key: value pairs)"

    def convert(self, node: yaml.Node, ctx: Conversion, path: str) -> T_co | _Invalid:
        if type(node) is not yaml.MappingNode:
            return ctx.wrong_type(node, path, self.expected)
        values: dict[str, object] = {}
        seen: dict[str, yaml.Node] = {}
        ok = True
        by_name = self.by_name
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag != STR_TAG:
                ctx.report(
                    key_node,
                    path,
                    "keys must be plain names",
                    "write a name such as 'title:' as the key",
                    "bad-key",
                )
                ok = False
                continue
            key: str = key_node.value
            where = join(path, key)
            first = seen.get(key)
            if first is not None:
                ctx.report(
                    key_node,
                    where,
                    f"duplicate key {key!r} (first at line {first.start_mark.line + 1})",
                    "keep one of them; YAML would silently drop the first",
                    "duplicate-key",
                )
                ok = False
                continue
            seen[key] = key_node
            spec_field = by_name.get(key)
            if spec_field is None:
                ctx.report(
                    key_node,
                    where,
                    f"unknown key {key!r}",
                    did_you_mean(key, list(by_name), "remove it; the keys allowed here are: "),
                    "unknown-key",
                )
                ok = False
                continue
            value = spec_field.spec.convert(value_node, ctx, where)
            if value is INVALID:
                ok = False
            else:
                values[key] = value
        for spec_field in self.fields:
            if spec_field.name in seen:
                continue
            if spec_field.required:
                line, column, place = _insertion_point(node, spec_field.name, self.fields)
                ctx.report_at(
                    line,
                    column,
                    join(path, spec_field.name),
                    f"missing required key {spec_field.name!r}",
                    f"add '{spec_field.name}:' {place} ({_first_sentence(spec_field.description)})",
                    "missing-key",
                )
                ok = False
            else:
                values[spec_field.name] = spec_field.default_value()
        return self.build(**values) if ok else INVALID

    def json_schema(self) -> JsonSchema:
        properties: JsonSchema = {}
        for spec_field in self.fields:
            prop = spec_field.spec.json_schema()
            prop["description"] = spec_field.description
            if spec_field.example is not None:
                prop["examples"] = [spec_field.example]
            properties[spec_field.name] = prop
        schema: JsonSchema = {
            "type": "object",
            "title": self.title,
            "description": self.description,
            "properties": properties,
            "additionalProperties": False,
        }
        required = [f.name for f in self.fields if f.required]
        if required:
            schema["required"] = required
        return schema

    def empty(self) -> T_co:
        return self.build(**{f.name: f.default_value() for f in self.fields})


def _insertion_point(
    node: yaml.MappingNode, name: str, fields: Sequence[Field]
) -> tuple[int, int, str]:
    """Where a missing key belongs (1-based line and column), and those words for the fix.

    A missing key has no line of its own; pointing at the mapping's first key would read as
    a problem with that key, so point at the line after the key it should follow.
    """
    present = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
    order = [f.name for f in fields]
    before = [n for n in order[: order.index(name)] if n in present]
    column = node.start_mark.column + 1
    if not before:
        return node.start_mark.line + 1, column, "before the other keys here"
    if node.flow_style:  # {a: 1, b: 2}: the braces are the place
        return node.start_mark.line + 1, column, f"after '{before[-1]}:'"
    end = present[before[-1]].end_mark
    # A mark at column 0 already sits on the next line; otherwise the key goes below it.
    line = end.line + 1 if end.column == 0 else end.line + 2
    return line, column, f"after '{before[-1]}:'"


def _first_sentence(text: str) -> str:
    head, _, _ = text.partition(". ")
    return head.rstrip(".")
