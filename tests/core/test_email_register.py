"""The email in another language: the register switch changes the form of address, the
.eml carries non-ASCII names and subjects (RFC 2047) and reads back, and the catalogues are
complete and in step with the templates."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime, timezone
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from convocoach.followup.checkin_email import find_checkin_template, render_checkin_markdown
from convocoach.followup.email import find_template, render_all, render_markdown
from convocoach.followup.language import EmailLanguage
from convocoach.locations import Locations
from convocoach.sessions.model import Client
from tests.conftest import REPO
from tests.followup_fixtures import NOW, PROFILE, checkin_session, playbook, session

# Words that only the formal, or only the informal, form of address uses in these emails.
ADDRESS = {
    "de": (r"\b(Sie|Ihnen|Ihr|Ihre)\b", r"\b(du|dir|dich|dein|deine)\b"),
    "fr": (r"\b(vous|votre|vos)\b", r"\b(tu|te|ton|ta|tes|toi)\b|\bt'"),
    "es": (r"\b(usted|su|le)\b", r"\b(tú|te|tu|tus)\b"),
    "pt-BR": (r"\bPrezado\(a\)", r"\b(você|Oi)\b"),
    "nl": (r"\b(u|uw)\b", r"\b(je|jij|jou|jouw)\b"),
}


def _standard(tag: str, register: str) -> str:
    template = find_template(Locations.from_env(), "standard")
    return render_markdown(template, session(), playbook(), PROFILE, EmailLanguage(tag, register))


@pytest.mark.parametrize("tag", sorted(ADDRESS))
def test_the_register_switch_changes_the_form_of_address(tag: str) -> None:
    formal_words, informal_words = ADDRESS[tag]
    formal, informal = _standard(tag, "formal"), _standard(tag, "informal")
    assert re.search(formal_words, formal)
    assert not re.search(informal_words, formal)
    assert re.search(informal_words, informal)
    assert not re.search(formal_words, informal)


@pytest.mark.parametrize("tag", sorted(ADDRESS))
def test_the_formal_greeting_uses_the_full_name_and_the_informal_the_first(tag: str) -> None:
    assert "Dana Whitfield" in _standard(tag, "formal").splitlines()[0]
    informal = _standard(tag, "informal").splitlines()[0]
    assert "Dana" in informal
    assert "Whitfield" not in informal


def test_a_german_eml_with_non_ascii_names_and_subject_reads_back() -> None:
    client = Client("Zoë Müller-Lüdenscheidt", "Café Ünïcode GmbH", email="zoe@cafe.example")
    out = render_all(
        ("eml",),
        find_template(Locations.from_env(), "standard"),
        session(client=client),
        playbook(),
        PROFILE,
        NOW,
        EmailLanguage("de"),
    )["eml"]
    head = out.split(b"\r\n\r\n", 1)[0]
    assert head.isascii()
    assert b"=?utf-8?" in head
    message = message_from_bytes(out, policy=policy.default)
    assert isinstance(message, EmailMessage)
    assert message["Subject"] == (
        "Überarbeiteter Lieferplan und nächste Schritte (Café Ünïcode GmbH)"
    )
    assert message["To"].addresses[0].display_name == "Zoë Müller-Lüdenscheidt"
    assert message["Content-Language"] == "de"
    body = message.get_body(("plain",))
    assert body is not None
    assert body.get_content().startswith("Guten Tag Zoë Müller-Lüdenscheidt,")
    html = message.get_body(("html",))
    assert html is not None
    assert '<html lang="de">' in html.get_content()


def test_the_catalogues_are_complete_and_in_step_with_the_templates() -> None:
    """Every formal catalogue translates every message, every translation keeps its
    placeholders, and the compiled catalogues are those of the .po files."""
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "catalogs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout + done.stderr


# The plural of "check-in" in each language, as its translator wrote it; the form comes from
# the catalogue's plural rule, which Babel's locale data wrote.
MISSED = {
    "en": ("1 check-in planned", "2 check-ins planned"),
    "de": ("1 zuvor geplanter Statustermin", "2 zuvor geplante Statustermine"),
    "fr": ("1 point de suivi prévu", "2 points de suivi prévus"),
    "es": ("1 seguimiento previsto", "2 seguimientos previstos"),
    "pt-BR": ("1 acompanhamento previsto", "2 acompanhamentos previstos"),
    "nl": ("1 eerder gepland voortgangsoverleg", "2 eerder geplande voortgangsoverleggen"),
}


@pytest.mark.parametrize("tag", sorted(MISSED))
def test_missed_check_ins_take_the_languages_plural(tag: str) -> None:
    template = find_checkin_template(Locations.from_env())
    one, two = (
        render_checkin_markdown(
            template,
            checkin_session(),
            playbook(),
            PROFILE,
            datetime(2026, 12, day, 8, 0, tzinfo=timezone.utc),
            EmailLanguage(tag),
        )
        for day in (8, 15)  # one weekly check-in missed, then two
    )
    assert MISSED[tag][0] in one
    assert MISSED[tag][1] in two


@pytest.mark.parametrize("tag", [tag for tag in MISSED if tag != "en"])
def test_each_catalogue_has_babels_plural_rule_for_its_locale(tag: str) -> None:
    language = EmailLanguage(tag)
    with (REPO / "templates" / "locale" / language.locale / "LC_MESSAGES" / "email.po").open(
        "rb"
    ) as file:
        catalog = read_po(file)
    assert catalog.plural_forms == get_plural(language.locale).plural_forms
