"""Markdown to plain text for the text part of an email: structure kept, syntax gone.

What the user typed stays as typed: ``<b>`` is text here as in the HTML part (raw HTML is
off in both), ``<tom@example.com>`` keeps its brackets and a link keeps its address.
"""

from __future__ import annotations

import functools
from typing import Any

from markdown_it import MarkdownIt


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


def markdown_to_text(markdown: str) -> str:
    tokens = _parser().parse(markdown)
    out: list[str] = []
    lists: list[list[Any]] = []  # [ordered, counter]
    prefix = ""
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append([kind == "ordered_list_open", int(token.attrGet("start") or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists:
                out.append("")
        elif kind == "list_item_open":
            ordered, number = lists[-1]
            indent = "   " * (len(lists) - 1)
            prefix = f"{indent}{number}. " if ordered else f"{indent}- "
            lists[-1][1] += 1
        elif kind == "inline":
            text = _inline(token.children or [])
            if prefix:
                hang = " " * len(prefix)
                text = prefix + text.replace("\n", "\n" + hang)
                prefix = ""
            out.append(text)
        elif kind in ("paragraph_close", "heading_close") and not lists:
            out.append("")
        elif kind == "hr":
            out += ["----", ""]
        elif kind in ("fence", "code_block"):
            out += [token.content.rstrip("\n"), ""]
    return "\n".join(out).strip() + "\n"


def _inline(children: list[Any]) -> str:
    parts: list[str] = []
    links: list[tuple[str, int]] = []  # (address, where its text starts)
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "link_open":
            autolink = child.markup == "autolink"
            parts.append("<" if autolink else "")
            links.append(("" if autolink else str(child.attrGet("href") or ""), len(parts)))
        elif child.type == "link_close" and links:
            href, start = links.pop()
            parts.append(_address_after("".join(parts[start:]), href))
        elif child.type == "image":
            alt = _inline(child.children or [])
            parts.append(alt + _address_after(alt, str(child.attrGet("src") or "")))
    return "".join(parts)


def _address_after(text: str, href: str) -> str:
    """What follows a link's text: ``>`` closing an autolink, else `` (address)``."""
    if not href:
        return ">"
    shown = href.removeprefix("mailto:")
    return "" if text in (shown, href) else f" ({shown})"
