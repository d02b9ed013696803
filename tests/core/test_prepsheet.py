"""The prep sheet shows playbook text as text: never as links, HTML or markup."""

from __future__ import annotations

from convocoach.htmlpage import markdown_to_html_page
from convocoach.markdown_text import md_inline
from convocoach.playbooks.loader import parse_playbook
from convocoach.playbooks.prepsheet import prep_sheet_markdown
from tests.conftest import BUNDLED, MINIMAL

HOSTILE = MINIMAL.replace(
    "Keep it short.",
    '"<script>alert(1)</script> [click](javascript:alert(1)) **bold** [/] `code` # &amp;"',
)


def test_md_inline_escapes_markdown_syntax() -> None:
    assert md_inline("a *b* [c](d) <e>\nf") == r"a \*b\* \[c\](d) \<e\> f"


def test_hostile_text_stays_text_in_html() -> None:
    pb = parse_playbook(HOSTILE.encode(), "x.yaml")
    page = markdown_to_html_page(prep_sheet_markdown(pb), pb.title)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<a " not in page
    assert "<strong>bold</strong>" not in page
    assert "&amp;amp;" in page


def test_sheet_follows_the_conversation_order() -> None:
    pb = parse_playbook((BUNDLED / "project-delays.yaml").read_bytes(), "pd.yaml")
    md = prep_sheet_markdown(pb)
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1. Prepare",
        "## 2. Timing and setting",
        "## 3. Listen",
        "## 4. Empathise",
        "## 5. Towards next steps",
        "## 6. Follow up",
        "## 7. Tailor it",
    ]
    assert "Usually best: **Video call**" in md
    assert "Check-ins: **Weekly**" in md
