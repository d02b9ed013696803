"""Turn Markdown into a standalone HTML page (raw HTML in the source is shown, never run)."""

from __future__ import annotations

from html import escape

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{css}</style>
</head>
<body>
{body}</body>
</html>
"""
_DOCUMENT_CSS = """\
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328;
       max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { border-bottom: 2px solid #d0d7de; padding-bottom: .3rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
li { margin: .2rem 0; }
em { color: #57606a; }
del { color: #9a3412; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; }
               h2 { break-after: avoid; } li { break-inside: avoid; } }
"""


def html_page(title: str, css: str, body: str) -> str:
    """A standalone page around ``body`` (already HTML); ``title`` is outside text."""
    return _PAGE.format(title=escape(title), css=css, body=body)


def markdown_to_html(markdown: str) -> str:
    """Render CommonMark (plus strikethrough and tables) to an HTML fragment."""
    # Lazy: markdown-it (about 25 ms) only when a page is written; the Markdown forms of the
    # prep sheet, the role cards and the debrief import this module without writing one.
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False}).enable(["strikethrough", "table"])
    html: str = parser.render(markdown)
    return html


def markdown_to_html_page(markdown: str, title: str, after: str = "", css: str = "") -> str:
    """A complete, printable HTML page for ``markdown``, then ``after`` (HTML we made
    ourselves, such as a drawing) and its ``css``."""
    return html_page(title, _DOCUMENT_CSS + css, markdown_to_html(markdown) + after)
