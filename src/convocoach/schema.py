"""A small declarative schema for hand-written YAML files.

One definition drives three things, so they cannot drift apart: validation of a
YAML node tree (every problem, with line and column), construction of the typed
model, and the JSON Schema that editors use for completion.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from typing import Any, Final

import yaml

from convocoach.diagnostics import InvalidFile, Problem
from convocoach.textsafety import CONTROL

JsonSchema = dict[str, Any]

_STR: Final = "tag:yaml.org,2002:str"
_NULL: Final = "tag:yaml.org,2002:null"
_KIND_OF_TAG: Final = {
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "a yes/no value",
    "tag:yaml.org,2002:timestamp": "a date",
    _NULL: "nothing",
}
_INTEGER = re.compile(r"[-+]?[0-9]{1,9}")


class _Invalid:
    __slots__ = ()

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = _Invalid()
"""Returned by ``convert`` when the node had problems (already reported)."""


class Context:
    """Collects the problems found while converting one document."""

    __slots__ = ("problems", "source", "text")

    def __init__(self, source: str, text: str = "") -> None:
        self.source = source
        self.text = text
        """The document's text, where a check points inside a value (empty: not kept)."""
        self.problems: list[Problem] = []

    def report(self, node: yaml.Node, path: str, message: str, fix: str, rule: str) -> _Invalid:
        mark = node.start_mark
        return self.report_at(mark.line + 1, mark.column + 1, path, message, fix, rule)

    def report_at(
        self, line: int, column: int, path: str, message: str, fix: str, rule: str
    ) -> _Invalid:
        """A problem at a 1-based line and column that no node starts at."""
        self.problems.append(Problem(self.source, line, column, path, message, fix, rule))
        return INVALID

    def wrong_type(self, node: yaml.Node, path: str, expected: str) -> _Invalid:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _NULL:
                return self.report(
                    node,
                    path,
                    f"has no value; expected {expected}",
                    "write a value, or delete the key if it is optional",
                    "empty-value",
                )
            kind = _KIND_OF_TAG.get(node.tag, "a plain value")
            if node.tag == _STR:
                kind = "text"
            fix = f'put it in quotes: "{node.value}"' if expected == "text" else _fix_for(expected)
            if node.tag == "tag:yaml.org,2002:bool" and expected == "text":
                fix += " (unquoted yes, no, on, off, true and false are read as yes/no values)"
            return self.report(
                node, path, f"expected {expected}, got {kind} ({node.value!r})", fix, "wrong-type"
            )
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping (key: value pairs)"
        return self.report(
            node, path, f"expected {expected}, got {kind}", _fix_for(expected), "wrong-type"
        )


def _fix_for(expected: str) -> str:
    if expected.startswith("a list"):
        return "put each item on its own line, starting with '- '"
    if expected.startswith("a mapping"):
        return "write 'key: value' lines indented under this key"
    return f"write {expected} here"


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class Spec:
    """A kind of value in a document."""

    __slots__ = ()

    def convert(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        raise NotImplementedError

    def json_schema(self) -> JsonSchema:
        raise NotImplementedError

    def empty(self) -> Any:
        """The value an optional, absent field of this kind takes."""
        raise NotImplementedError

    @property
    def expected(self) -> str:
        raise NotImplementedError


# Text made only of spaces and characters that draw nothing (zero-width spaces and joiners,
# word joiners, byte-order marks, soft hyphens): it looks empty wherever it is shown.
_INVISIBLE = re.compile(r"[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]+")


class Text(Spec):
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

    def convert(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        if type(node) is not yaml.ScalarNode or node.tag != _STR:
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

    def empty(self) -> Any:
        return ""


class Choice(Spec):
    """One word out of a fixed set."""

    __slots__ = ("values",)

    def __init__(self, values: tuple[str, ...]) -> None:
        self.values = values

    @property
    def expected(self) -> str:
        return "one of " + ", ".join(self.values)

    def convert(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        if type(node) is not yaml.ScalarNode or node.tag != _STR:
            return ctx.wrong_type(node, path, self.expected)
        value: str = node.value.strip()
        if value in self.values:
            return value
        return ctx.report(
            node,
            path,
            f"{value!r} is not {self.expected}",
            did_you_mean(value, self.values, "use one of: "),
            "choice",
        )

    def json_schema(self) -> JsonSchema:
        return {"type": "string", "enum": list(self.values)}

    def empty(self) -> Any:
        return self.values[0]


class Integer(Spec):
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

    def convert(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        if type(node) is not yaml.ScalarNode or _INTEGER.fullmatch(node.value) is None:
            return ctx.wrong_type(node, path, self.expected)
        if node.tag != "tag:yaml.org,2002:int":
            return ctx.wrong_type(node, path, self.expected)
        value = int(node.value)
        if not self.minimum <= value <= self.maximum:
            return ctx.report(
                node, path, f"{value} is out of range", f"write {self.expected}", "out-of-range"
            )
        return value

    def json_schema(self) -> JsonSchema:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}

    def empty(self) -> Any:
        return self.minimum


class ListOf(Spec):
    """A list of items of one kind (converted to a tuple)."""

    __slots__ = (
        "item",
        "max_items",
        "min_items",
        "unique",
    )

    def __init__(
        self, item: Spec, min_items: int = 0, max_items: int = 100, unique: bool = False
    ) -> None:
        self.item = item
        self.min_items = min_items
        self.max_items = max_items
        self.unique = unique

    @property
    def expected(self) -> str:
        return f"a list (each item {self.item.expected})"

    def convert(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        if type(node) is not yaml.SequenceNode:
            return ctx.wrong_type(node, path, self.expected)
        items: list[Any] = []
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

    def empty(self) -> Any:
        return ()


class Formatted(Spec):
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

    def convert(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        if type(node) is not yaml.ScalarNode:
            return ctx.wrong_type(node, path, self.hint)
        value: str = "" if node.tag == _NULL else node.value.strip()
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

    def empty(self) -> Any:
        return ""


_NO_DEFAULT: Final = object()


class Field:
    """A key of a :class:`Record`."""

    __slots__ = (
        "default",
        "description",
        "example",
        "name",
        "required",
        "spec",
    )

    def __init__(
        self,
        name: str,
        spec: Spec,
        description: str,
        required: bool = False,
        default: Any = _NO_DEFAULT,
        example: Any = None,
    ) -> None:
        self.name = name
        self.spec = spec
        self.description = description
        self.required = required
        self.default = default
        self.example = example

    def default_value(self) -> Any:
        return self.spec.empty() if self.default is _NO_DEFAULT else self.default


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


class Record(Spec):
    """A mapping with a fixed set of keys; unknown keys are errors."""

    __slots__ = ("build", "by_name", "description", "fields", "title")

    def __init__(
        self, title: str, description: str, fields: Sequence[Field], build: Callable[..., Any]
    ) -> None:
        self.title = title
        self.description = description
        self.fields = fields
        self.build = build
        self.by_name = {f.name: f for f in fields}

    @property
    def expected(self) -> str:
        return "a mapping (key: value pairs)"

    def convert(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        if type(node) is not yaml.MappingNode:
            return ctx.wrong_type(node, path, self.expected)
        values: dict[str, Any] = {}
        seen: dict[str, yaml.Node] = {}
        ok = True
        by_name = self.by_name
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag != _STR:
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

    def empty(self) -> Any:
        return self.build(**{f.name: f.default_value() for f in self.fields})


def convert_document(
    root: yaml.Node, spec: Spec, source: str, text: str = ""
) -> tuple[Any, list[Problem]]:
    """Convert a whole document (``text``: what it was parsed from, for checks that point
    inside a value); the value is :data:`INVALID` when any problem was found."""
    ctx = Context(source, text)
    value = spec.convert(root, ctx, "")
    return value, ctx.problems


def refuse_newer_format(root: yaml.Node, key: str, current: int, what: str, source: str) -> None:
    """Raise InvalidFile when ``root[key]`` is a version newer than ``current``.

    Checked first and alone, before the rest of the file: a newer file's unknown keys
    would only be noise, and the one thing to say is that convocoach needs upgrading.
    """
    if not isinstance(root, yaml.MappingNode):
        return
    for key_node, value in root.value:
        if key_node.value != key or not isinstance(value, yaml.ScalarNode):
            continue
        text = value.value.strip()
        if text.isdigit() and (len(text) > 9 or int(text) > current):
            mark = value.start_mark
            raise InvalidFile(
                source,
                [
                    Problem(
                        source,
                        mark.line + 1,
                        mark.column + 1,
                        key,
                        f"this {what} was written by a newer convocoach (format {text}); this one "
                        f"reads format {current} and older",
                        "upgrade convocoach (pip install --upgrade convocoach)",
                        "newer-format",
                    )
                ],
            )


def did_you_mean(word: str, choices: Sequence[str], otherwise: str) -> str:
    lowered = {c.lower(): c for c in choices}
    match = lowered.get(word.lower().replace("-", "_").replace(" ", "_"))
    if match is None:
        close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
        match = close[0] if close else None
    if match is not None:
        return f"did you mean {match!r}?"
    return otherwise + ", ".join(choices)


def _first_sentence(text: str) -> str:
    head, _, _ = text.partition(". ")
    return head.rstrip(".")
