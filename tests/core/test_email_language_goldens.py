"""Every bundled template in every email language and format, as golden files
(``tests/golden/languages/TAG/``): the formal register in every format, the informal one in
Markdown (the other formats are made from it the same way). ``UPDATE_GOLDEN=1 pytest``
accepts a change, to be read by someone who writes the language."""

from __future__ import annotations

import os
import re

import pytest

from convocoach.followup.checkin_email import (
    CHECKIN_FORMATS,
    find_checkin_template,
    render_checkin_all,
)
from convocoach.followup.email import find_template, render_all
from convocoach.followup.formats import FORMAT_NAMES
from convocoach.followup.language import LANGUAGES, EmailLanguage
from convocoach.locations import Locations
from tests.conftest import REPO
from tests.followup_fixtures import (
    CHECKIN_NOW,
    NOW,
    PROFILE,
    checkin_session,
    playbook,
    session,
)

GOLDEN = REPO / "tests" / "golden" / "languages"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
OTHERS = [tag for tag in LANGUAGES if tag != "en"]
FOLLOW_UPS = ("standard", "brief", "formal")
CHECK_INS = ("checkin-standard", "checkin-brief")


def rendered(template: str, fmt: str, language: EmailLanguage) -> str:
    locations = Locations.from_env()
    if template in CHECK_INS:
        out = render_checkin_all(
            (fmt,),
            find_checkin_template(locations, template),
            checkin_session(),
            playbook(),
            PROFILE,
            CHECKIN_NOW,
            language,
        )
    else:
        out = render_all(
            (fmt,),
            find_template(locations, template),
            session(),
            playbook(),
            PROFILE,
            NOW,
            language,
        )
    text = out[fmt].decode("utf-8")
    return re.sub(r"={15}\d+==", "BOUNDARY", text) if fmt == "eml" else text


def check(text: str, name: str, tag: str) -> None:
    golden = GOLDEN / tag / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(text.encode("utf-8"))
    assert text == golden.read_bytes().decode("utf-8"), "UPDATE_GOLDEN=1 pytest to accept"


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
@pytest.mark.parametrize("template", FOLLOW_UPS)
@pytest.mark.parametrize("tag", OTHERS)
def test_follow_up_in_every_language_and_format(tag: str, template: str, fmt: str) -> None:
    if fmt == "ics" and template != "standard":
        pytest.skip("the invite does not depend on the template")
    check(rendered(template, fmt, EmailLanguage(tag)), f"{template}.{fmt}", tag)


@pytest.mark.parametrize("fmt", CHECKIN_FORMATS)
@pytest.mark.parametrize("template", CHECK_INS)
@pytest.mark.parametrize("tag", OTHERS)
def test_check_in_in_every_language_and_format(tag: str, template: str, fmt: str) -> None:
    check(rendered(template, fmt, EmailLanguage(tag)), f"{template}.{fmt}", tag)


@pytest.mark.parametrize("template", FOLLOW_UPS + CHECK_INS)
@pytest.mark.parametrize("tag", OTHERS)
def test_every_template_in_the_informal_register(tag: str, template: str) -> None:
    informal = rendered(template, "md", EmailLanguage(tag, "informal"))
    check(informal, f"{template}.informal.md", tag)
