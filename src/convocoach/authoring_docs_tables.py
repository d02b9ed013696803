"""Field tables in Markdown, read from a format's JSON Schema.

The JSON Schema says what a field is (type, limits, description, examples); defaults are
not part of it, so they come from the same :class:`~convocoach.schema.Record` definition
that produced the schema, walked alongside it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from convocoach.schema import Checked, Field, ListOf, Record, Spec, Tagged

Node = Mapping[str, Any]

_PATTERN_WORDS = {
    r"^[^\n]*\n?$": "",
    r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*)$": (
        "lowercase letters, digits and single hyphens, like `project-delays`"
    ),
    r"^(?:[a-z0-9]+(?:[-_][a-z0-9]+)*)$": (
        "lowercase letters, digits, hyphens or underscores, like `calmer_reply`"
    ),
    r"^(?:[A-Z][A-Z0-9]{1,11})$": "a capital letter, then 1 to 11 capitals or digits, like `FEEL`",
}
"""Patterns a trainer should not have to read as regular expressions; any other is shown."""
_ONE_LINE = r"^[^\n]*\n?$"
NO_DESCRIPTION = "(No description in the schema yet.)"


@dataclass(frozen=True, slots=True)
class Section:
    """One mapping of the format (the top level, a section, a list item) and its keys."""

    path: str
    title: str
    description: str
    node: Node
    spec: Spec[object] | None


def join(path: str, key: str) -> str:
    return key if path in ("", ".") else f"{path}.{key}"


def resolve(node: Node, root: Node) -> Node:
    """Follow a local ``$ref`` (``#/$defs/...``); other nodes come back unchanged."""
    seen = 0
    while isinstance(ref := node.get("$ref"), str) and ref.startswith("#/") and seen < 20:
        target: Any = root
        for step in ref[2:].split("/"):
            target = target[step.replace("~1", "/").replace("~0", "~")]
        node, seen = target, seen + 1
    return node


def _bare(spec: Spec[object] | None) -> Spec[object] | None:
    while isinstance(spec, Checked):
        spec = spec.inner
    return spec


def _field(spec: Spec[object] | None, name: str) -> Field | None:
    spec = _bare(spec)
    return spec.by_name.get(name) if isinstance(spec, Record) else None


def _item(spec: Spec[object] | None) -> Spec[object] | None:
    spec = _bare(spec)
    return spec.item if isinstance(spec, ListOf) else None


def find(root: Node, spec: Spec[object] | None, path: str) -> tuple[Node, Spec[object] | None]:
    """The schema node (and its definition) at ``path``, like ``rehearsal.turns[]``."""
    node = resolve(root, root)
    if path in ("", "."):
        return node, spec
    for key in path.split("."):
        name = key.removesuffix("[]")
        node = resolve(node["properties"][name], root)
        field = _field(spec, name)
        spec = field.spec if field else None
        for _ in range(key.count("[]")):
            node, spec = resolve(node["items"], root), _item(spec)
    return node, spec


def sections(
    root: Node, spec: Spec[object] | None, path: str, skip: tuple[str, ...] = ()
) -> Iterator[Section]:
    """The mapping at ``path``, then every mapping below it, except under ``skip`` paths.

    Lists of several kinds (``oneOf``) are left out: each kind has a section of its own.
    """
    node, spec = find(root, spec, path)
    yield from walk(root, node, spec, path, skip)


def walk(
    root: Node, node: Node, spec: Spec[object] | None, path: str, skip: tuple[str, ...]
) -> Iterator[Section]:
    yield Section(path, str(node.get("title", "")), str(node.get("description", "")), node, spec)
    for name, prop in node.get("properties", {}).items():
        field = _field(spec, name)
        child, child_spec, child_path = (
            resolve(prop, root),
            field.spec if field else None,
            join(path, name),
        )
        while child.get("type") == "array" and "items" in child:
            child, child_spec = resolve(child["items"], root), _item(child_spec)
            child_path += "[]"
        if child.get("type") == "object" and not _skipped(child_path, skip):
            yield from walk(root, child, child_spec, child_path, skip)


def _skipped(path: str, skip: tuple[str, ...]) -> bool:
    return any(path == s or path.startswith((s + ".", s + "[]")) for s in skip)


def variants(
    root: Node, spec: Spec[object] | None, path: str
) -> dict[str, tuple[Node, Spec[object] | None]]:
    """The kinds of a ``oneOf`` list item at ``path``, by the value of their ``kind`` key."""
    node, spec = find(root, spec, path)
    tagged = _bare(spec)
    found: dict[str, tuple[Node, Spec[object] | None]] = {}
    for variant in node.get("oneOf", []):
        variant = resolve(variant, root)
        kind = next(
            (str(p["const"]) for p in variant.get("properties", {}).values() if "const" in p), None
        )
        if kind is not None:
            record = tagged.variants.get(kind) if isinstance(tagged, Tagged) else None
            found[kind] = (variant, record)
    return found


def table(root: Node, section: Section) -> str:
    """A Markdown table of the keys of one mapping."""
    required = set(section.node.get("required", []))
    lines = [
        "| Field | Type | Required | Allowed values and limits | Default | Description |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, prop in section.node.get("properties", {}).items():
        prop = resolve(prop, root)
        field = _field(section.spec, name)
        cells = (
            code(join(section.path, name)),
            type_words(prop, root),
            "required" if name in required else "optional",
            limits(prop, root),
            "—" if name in required else default_words(field),
            describe(prop),
        )
        lines.append("| " + " | ".join(cell(c) for c in cells) + " |")
    return "\n".join(lines)


def type_words(node: Node, root: Node) -> str:
    node = resolve(node, root)
    if "const" in node:
        return "fixed text"
    if "oneOf" in node:
        return "one of several kinds"
    kind = node.get("type")
    if kind == "string":
        if "enum" in node:
            return "choice"
        return "text (one line)" if node.get("pattern") == _ONE_LINE else "text"
    if kind == "integer":
        return "whole number"
    if kind == "object":
        return "mapping (see below)"
    if kind == "array":
        item = resolve(node.get("items", {}), root)
        if "oneOf" in item:
            return "list of rules (see the rule kinds)"
        inner = type_words(item, root)
        return (
            "list of mappings (see below)"
            if item.get("type") == "object"
            else f"list of {inner}"
            if inner != "choice"
            else "list of choices"
        )
    return str(kind or "any value")


def limits(node: Node, root: Node) -> str:
    node = resolve(node, root)
    parts: list[str] = []
    if "const" in node:
        parts.append("always " + code(str(node["const"])))
    if "enum" in node:
        parts.append(
            "one of: "
            + ", ".join(code(str(v)) if v != "" else '`""` (empty)' for v in node["enum"])
        )
    if "minimum" in node or "maximum" in node:
        low, high = node.get("minimum", "any"), node.get("maximum", "any")
        parts.append(f"exactly {low}" if low == high else f"from {low} to {high}")
    if "maxLength" in node:
        low = node.get("minLength", 0)
        parts.append(
            f"{low} to {node['maxLength']} characters"
            if low
            else f"up to {node['maxLength']} characters; may be empty"
        )
    pattern = node.get("pattern")
    if isinstance(pattern, str):
        words = _PATTERN_WORDS.get(pattern)
        if words is None:
            parts.append("must match the pattern " + code(pattern))
        elif words:
            parts.append(words)
    if node.get("type") == "array":
        count = f"up to {node['maxItems']} items" if "maxItems" in node else "any number"
        if node.get("minItems"):
            count = f"{node['minItems']} to {node.get('maxItems', 'any number of')} items"
        parts.append(count + ("; no repeats" if node.get("uniqueItems") else ""))
        item = resolve(node.get("items", {}), root)
        if item.get("type") != "object" and (inner := limits(item, root)):
            parts.append("each: " + inner)
    return "; ".join(parts)


def default_words(field: Field | None) -> str:
    if field is None:
        return "—"
    value = field.default_value()
    if value is None:
        return "none"
    if value == "":
        return "empty"
    if value == ():
        return "empty list"
    if isinstance(value, tuple):
        return code("[" + ", ".join(map(str, value)) + "]")
    if dataclasses.is_dataclass(value):
        return "every key at its default"
    return code(str(value))


def describe(node: Node) -> str:
    text = str(node.get("description") or "")
    if not text:
        text = (
            f"Says which kind this is: always {code(str(node['const']))}."
            if "const" in node
            else NO_DESCRIPTION
        )
    examples = node.get("examples")
    if isinstance(examples, list) and examples:
        text += " Example: " + code(example_text(examples[0]))
    return text


def example_text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        dumped: str = yaml.safe_dump(
            value, default_flow_style=True, width=10_000, allow_unicode=True
        )
        return dumped.strip()
    return str(value)


def code(text: str) -> str:
    """``text`` as inline code, whatever backticks it holds."""
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def cell(text: str) -> str:
    # A bare '|' would end the cell, even inside inline code.
    return " ".join(text.split()).replace("|", "\\|")
