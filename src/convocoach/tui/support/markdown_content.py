"""Markdown turned into Textual Content blocks, for the prep sheet, help and email preview.

A small reader for the Markdown convocoach writes (headings, paragraphs, nested lists, emphasis,
strike-through, code, quotes, rules, simple tables, links shown as their text). It replaces
Rich's Markdown and markdown-it here: both cost the first screen more time and memory than the
preview is worth. Exported HTML still goes through markdown-it. Text is never read as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.content import Content

from convocoach.textsafety import strip_controls

_HEADING = re.compile(r" {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"( *)([-*+]|\d{1,9}[.)])\s+(.*)$")
_FENCE = re.compile(r" {0,3}(```|~~~)")
_RULE = re.compile(r" {0,3}([-*_])(\s*\1){2,}\s*$")
_TABLE_RULE = re.compile(r"\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING_STYLES = ("bold underline", "bold", "bold italic")
_INLINE = re.compile(
    r"\\([!-/:-@\[-`{-~])|(\*\*|__|~~|\*|_)|`([^`]+)`"
    r"|\[((?:\\.|[^\]\\])*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|<(https?://[^>\s]+)>"
)
_STYLES = {"**": "bold", "__": "bold", "*": "italic", "_": "italic", "~~": "strike"}


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like piece: a first-line prefix, and the indent of its other lines."""

    text: Content
    prefix: str = ""
    indent: int = 0
    space_before: bool = True


def markdown_blocks(markdown: str) -> list[Block]:
    lines = strip_controls(markdown).replace("\t", "    ").split("\n")
    blocks: list[Block] = []
    paragraph: list[str] = []
    place: tuple[str, int, bool] = ("", 0, True)
    in_list = False
    index = 0

    def flush() -> None:
        if paragraph:
            blocks.append(Block(inline(_join(paragraph)), *place))
            paragraph.clear()

    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip():
            flush()
            place = ("", 0, True)
            in_list = False  # a blank line in the source stays a gap on screen
            continue
        item = _ITEM.match(line)
        if paragraph and not item and (place[1] or not _starts_block(line)):
            paragraph.append(_kept(line))  # a continuation line
            continue
        flush()
        if fence := _FENCE.match(line):
            code: list[str] = []
            while index < len(lines) and not lines[index].lstrip().startswith(fence.group(1)):
                code.append(lines[index])
                index += 1
            index += 1
            blocks.append(Block(Content("\n".join(code)).stylize("bold"), "  ", 2))
            in_list = False
        elif heading := _HEADING.match(line):
            level = min(len(heading.group(1)), 3) - 1
            blocks.append(Block(inline(heading.group(2)).stylize(_HEADING_STYLES[level])))
            in_list = False
        elif _RULE.match(line):
            blocks.append(Block(Content("\u2500" * 20)))
            in_list = False
        elif item:
            depth = len(item.group(1)) // 2 * 2
            marker = item.group(2)
            bullet = "\u2022 " if marker in "-*+" else marker + " "
            place = (" " * depth + bullet, depth + len(bullet), not in_list)
            paragraph.append(_kept(item.group(3)))
            in_list = True
        elif line.lstrip().startswith(">"):
            paragraph.append(line.lstrip()[1:].strip())
            place = ("\u258c ", 2, True)
            in_list = False
        elif line.lstrip().startswith("|"):
            if not _TABLE_RULE.match(line):
                cells = [inline(c.strip()) for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
                starts = not blocks or not blocks[-1].text.plain.count("\u2502")
                blocks.append(Block(Content(" \u2502 ").join(cells), space_before=starts))
        else:
            paragraph.append(_kept(line))
            place = ("", 0, True)
            in_list = False
    flush()
    return blocks


def _starts_block(line: str) -> bool:
    return bool(
        _HEADING.match(line)
        or _FENCE.match(line)
        or _RULE.match(line)
        or line.lstrip().startswith((">", "|"))
    )


def _join(lines: list[str]) -> str:
    """Lines of one paragraph: a trailing backslash or two spaces is a line break."""
    out = ""
    for line in lines:
        if out.endswith("\\"):
            out = out[:-1] + "\n"
        elif out.endswith("  "):
            out = out.rstrip() + "\n"
        elif out:
            out += " "
        out += line
    return out.rstrip("\\ ")


def _kept(line: str) -> str:
    """The line without its indent; two trailing spaces (a line break) are kept."""
    return line.strip() + ("  " if line.endswith("  ") else "")


def inline(text: str) -> Content:
    """Emphasis, strike-through, code and links; everything else literally."""
    parts: list[Content] = []
    open_styles: list[str] = []
    position = 0

    def add(piece: str, *extra: str) -> None:
        if piece:
            style = " ".join([*(_STYLES[d] for d in open_styles), *extra])
            parts.append(Content(piece).stylize(style) if style else Content(piece))

    for match in _INLINE.finditer(text):
        add(text[position : match.start()])
        position = match.end()
        escaped, delimiter, code, link, url = match.groups()
        if escaped is not None:
            add(escaped)
        elif delimiter is not None:
            if delimiter in open_styles:
                while open_styles and open_styles.pop() != delimiter:
                    pass
            elif delimiter in text[position:]:
                open_styles.append(delimiter)
            else:
                add(delimiter)
        elif code is not None:
            add(code, "bold")
        elif link is not None:
            add(re.sub(r"\\(.)", r"\1", link), "underline")
        else:
            add(url, "underline")
    add(text[position:])
    return Content("").join(parts)


def layout(blocks: list[Block], width: int) -> list[Content]:
    """The blocks wrapped to ``width``, continuation lines indented under their first."""
    lines: list[Content] = []
    for block in blocks:
        if block.space_before and lines:
            lines.append(Content(""))
        room = max(8, width - block.indent)
        first = True
        for paragraph_line in block.text.split("\n"):
            for wrapped in paragraph_line.wrap(room) or [Content("")]:
                lead = block.prefix if first else " " * block.indent
                lines.append(Content(lead) + wrapped.rstrip())
                first = False
    return lines
