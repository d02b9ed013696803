"""Read a hand-written YAML file into a node tree, refusing everything unsafe or ambiguous.

Nodes (not Python objects) are returned so that every value keeps its line and
column for error messages. Only PyYAML's safe machinery is used, the C parser when
it is installed.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import IO, Any

import yaml

from convocoach.diagnostics import InvalidFile, Problem

MAX_BYTES = 512 * 1024
# The C composer recurses without a guard and crashes the process on deep flow nesting,
# so flow depth is counted on the tokens before composing; block depth on the tree after.
MAX_DEPTH = 100

# PyYAML's safe loader, the C one when PyYAML was built with it (the same rules, faster).
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOM = b"\xef\xbb\xbf"
# Cheap pre-check: a tag (!), anchor (&) or alias (*) can only start a token after
# whitespace, a flow indicator or at the start of a line. Only files that match
# pay for a full token scan, which is exact.
_MAYBE_SPECIAL = re.compile(r"(?:^|[\s,\[\{])[!&*]\S", re.MULTILINE)

_TAG_ERR = "YAML tags (such as !!python/object or !custom) are not allowed"
_TAG_FIX = "remove the tag and write a plain value; put text in quotes if it starts with '!'"
_ALIAS_ERR = "YAML anchors and aliases (&name, *name) are not allowed"
_ALIAS_FIX = "write the value out in full; put text in quotes if it starts with '&' or '*'"


def safe_load(stream: str | IO[str]) -> Any:
    """``yaml.safe_load`` with the C loader when PyYAML has it (the same rules, several times
    faster), for the project's own data files, such as the labelled replies."""
    loader = _Loader(stream)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, never more than ``limit`` read; a larger file is refused with
    its real size. OSError when it cannot be read."""
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
        if len(data) > limit:
            raise InvalidFile(
                str(path), [_too_large(str(path), os.fstat(handle.fileno()).st_size, limit)]
            )
    return data


def compose_bytes(data: bytes, source: str, limit: int = MAX_BYTES) -> yaml.Node | None:
    """Parse ``data`` into a YAML node tree, or raise :class:`InvalidFile` naming every problem."""
    refuse_too_large(data, source, limit)
    return compose_text(decode_utf8(data, source), source)


def compose_text(text: str, source: str) -> yaml.Node | None:
    """:func:`compose_bytes` for text already read and decoded (its size checked)."""
    _reject_special_tokens(text, source)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except RecursionError:
        # The pure-Python composer recurses once per level and has no limit of its own.
        raise InvalidFile(source, [_too_deep(source, 1, 1)]) from None
    except yaml.MarkedYAMLError as exc:
        raise InvalidFile(source, [_syntax_problem(source, text, exc)]) from None
    except yaml.reader.ReaderError as exc:
        line, column = position_to_line_col(text, exc.position)
        raise InvalidFile(
            source,
            [
                _problem(
                    source,
                    line,
                    column,
                    f"character {exc.character!r} is not allowed in YAML",
                    "delete it, or write it as an escape in a double-quoted string",
                    "bad-character",
                )
            ],
        ) from None
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        raise InvalidFile(
            source,
            [
                _problem(
                    source, 1, 1, f"cannot read YAML: {exc}", "check the file's syntax", "syntax"
                )
            ],
        ) from None
    _reject_deep_blocks(root, source)
    return root


def refuse_too_large(data: bytes, source: str, limit: int = MAX_BYTES) -> None:
    """Raise :class:`InvalidFile` when ``data`` is more than ``limit`` bytes."""
    if len(data) > limit:
        raise InvalidFile(source, [_too_large(source, len(data), limit)])


def decode_utf8(data: bytes, source: str) -> str:
    """Decode UTF-8 (a leading BOM is fine); name the line and column of the first bad byte."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise InvalidFile(
            source,
            [
                _problem(
                    source,
                    line,
                    column,
                    f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
                    "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
                    "encoding",
                )
            ],
        ) from None


def position_to_line_col(text: str, position: int) -> tuple[int, int]:
    """Turn a character offset into a 1-based line and column."""
    line_start = text.rfind("\n", 0, position) + 1
    return text.count("\n", 0, position) + 1, position - line_start + 1


def _reject_special_tokens(text: str, source: str) -> None:
    suspicious_flow = text.count("[") + text.count("{") > MAX_DEPTH
    if not suspicious_flow and _MAYBE_SPECIAL.search(text) is None:
        return
    problems: list[Problem] = []
    depth = 0
    loader = _Loader(text)
    try:
        while (token := loader.get_token()) is not None:  # type: ignore[no-untyped-call]
            kind = type(token)
            mark = token.start_mark
            if kind is yaml.TagToken:
                problems.append(_at(source, mark, _TAG_ERR, _TAG_FIX, "yaml-tag"))
            elif kind is yaml.AnchorToken or kind is yaml.AliasToken:
                problems.append(_at(source, mark, _ALIAS_ERR, _ALIAS_FIX, "yaml-alias"))
            elif kind is yaml.FlowSequenceStartToken or kind is yaml.FlowMappingStartToken:
                depth += 1
                if depth > MAX_DEPTH:
                    problems.append(_too_deep(source, mark.line + 1, mark.column + 1))
                    break
            elif kind is yaml.FlowSequenceEndToken or kind is yaml.FlowMappingEndToken:
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        problems.append(_syntax_problem(source, text, exc))
    except (yaml.YAMLError, ValueError) as exc:
        problems.append(
            _problem(source, 1, 1, f"cannot read YAML: {exc}", "check the syntax", "syntax")
        )
    finally:
        loader.dispose()
    if problems:
        raise InvalidFile(source, problems)


def _reject_deep_blocks(root: yaml.Node | None, source: str) -> None:
    """Block nesting is not counted while scanning; measure it on the tree, without recursion."""
    stack = [(root, 1)] if root is not None else []
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            mark = node.start_mark
            raise InvalidFile(source, [_too_deep(source, mark.line + 1, mark.column + 1)])
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend((value, depth + 1) for _key, value in node.value)


def _too_large(source: str, size: int, limit: int) -> Problem:
    return _problem(
        source,
        1,
        1,
        f"the file is {size:,} bytes; the limit is {limit:,}",
        "split it or remove material that does not belong in it",
        "file-too-large",
    )


def _too_deep(source: str, line: int, column: int) -> Problem:
    return _problem(
        source,
        line,
        column,
        f"nesting is deeper than {MAX_DEPTH} levels",
        "flatten the structure",
        "too-deep",
    )


def _syntax_problem(source: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    # Newer PyYAML scanners (6.0.4) have a nesting limit of their own, which can fire before
    # our count does (it scans ahead of the tokens we have seen): the same problem either way.
    if "maximum nesting depth" in (exc.problem or ""):
        return _too_deep(source, line, column)
    message = exc.problem or "invalid YAML"
    if exc.context:
        started = exc.context_mark
        if started is not None and mark is not None and started.line != mark.line:
            message += (
                f" ({exc.context} that starts at line {started.line + 1}, "
                f"column {started.column + 1})"
            )
        else:
            message += f" ({exc.context})"
    if "expected a single document" in message:
        return _problem(
            source,
            line,
            column,
            "the file holds more than one YAML document",
            "keep one playbook per file and remove the extra '---'",
            "syntax",
        )
    lines = text.splitlines()
    line_text = lines[line - 1] if 0 < line <= len(lines) else ""
    return _problem(
        source, line, column, f"YAML syntax: {message}", _syntax_fix(message, line_text), "syntax"
    )


def _syntax_fix(message: str, line_text: str) -> str:
    indent = line_text[: len(line_text) - len(line_text.lstrip())]
    if "tab" in message or "\t" in indent:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in message:
        return "put text that contains ': ' in quotes"
    if "could not find expected ':'" in message or "could not find expected" in message:
        return "check the indentation and that every key ends with ':'"
    return "check the indentation and quoting around this spot"


def _at(source: str, mark: yaml.Mark, message: str, fix: str, rule: str) -> Problem:
    return _problem(source, mark.line + 1, mark.column + 1, message, fix, rule)


def _problem(source: str, line: int, column: int, message: str, fix: str, rule: str) -> Problem:
    return Problem(source, line, column, "", message, fix, rule)
