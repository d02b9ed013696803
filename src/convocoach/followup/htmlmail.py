"""Markdown to a standalone HTML email with inline styles (mail clients drop <style> blocks)."""

from __future__ import annotations

import functools
from html import escape

from markdown_it import MarkdownIt

_STYLES = {
    "p": "margin:0 0 12px 0;",
    "h1": "font-size:20px;margin:0 0 12px 0;",
    "h2": "font-size:17px;margin:20px 0 8px 0;",
    "h3": "font-size:15px;margin:16px 0 6px 0;",
    "ul": "margin:0 0 12px 0;padding-left:22px;",
    "ol": "margin:0 0 12px 0;padding-left:22px;",
    "li": "margin:0 0 4px 0;",
    "strong": "font-weight:bold;",
    "em": "font-style:italic;",
    "hr": "border:none;border-top:1px solid #d0d7de;margin:16px 0;",
}
_BODY = "font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2328;"


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


def markdown_to_email_html(markdown: str, title: str, language: str = "en") -> str:
    """A complete HTML document; outside text in the Markdown was escaped by the template."""
    parser = _parser()
    tokens = parser.parse(markdown)
    for token in tokens:
        style = _STYLES.get(token.tag)
        if style and token.nesting != -1:
            token.attrSet("style", style)
        for child in token.children or []:
            child_style = _STYLES.get(child.tag)
            if child_style and child.nesting == 1:
                child.attrSet("style", child_style)
    body = parser.renderer.render(tokens, parser.options, {})
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n</head>\n"
        f'<body style="{_BODY}">\n<div style="max-width:640px;">\n{body}</div>\n'
        "</body>\n</html>\n"
    )
