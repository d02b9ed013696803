"""The email catalogues: extract the messages, update every language's .po, compile the .mo.

    python tools/catalogs.py            # extract, update, compile (after changing a template)
    python tools/catalogs.py --check    # exit 1 if anything is out of date or wrong

The messages are the bundled templates' ``_()`` calls, the words the code adds to an email
(``followup/email_words.py``) and the bundled playbooks' subject lines. Each language has a
formal catalogue (``templates/locale/LANG/LC_MESSAGES/email.po``), which must translate
every message, and an informal one (``email-informal.po``) translating only what the
informal register changes. Babel's checks run on both (placeholders kept, plural forms).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.checkers import python_format
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from convocoach.followup import email_words
from convocoach.followup.language import LANGUAGES, EmailLanguage
from convocoach.followup.localise import DOMAIN, INFORMAL_DOMAIN
from convocoach.followup.render import _environment
from convocoach.playbooks.loader import load_playbook_file

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "templates"
LOCALE = TEMPLATES / "locale"
POT = LOCALE / f"{DOMAIN}.pot"
PROJECT = "convocoach email"
HOLDER = "the convocoach authors"


MessageId = str | tuple[str, str]
"""A message, or a singular and plural pair (``ngettext``)."""


def messages() -> Iterator[tuple[MessageId, str]]:
    """(message, where it comes from), in a stable order."""
    env = _environment()
    for path in sorted(TEMPLATES.glob("*.md.j2")):
        source = path.read_text(encoding="utf-8")
        for line, function, message in env.extract_translations(source):
            where = f"templates/{path.name}:{line}"
            # A call given values comes back as a tuple: (message, None, ...) for _(), and
            # (singular, plural, None) for ngettext().
            if function == "ngettext" and isinstance(message, tuple):
                if isinstance(message[0], str) and isinstance(message[1], str):
                    yield (message[0], message[1]), where
                continue
            if isinstance(message, tuple):
                message = message[0]
            if isinstance(message, str):
                yield message, where
    for message in email_words.messages():
        yield message, "src/convocoach/followup/email_words.py"
    for path in sorted((REPO / "playbooks").glob("*.yaml")):
        playbook = load_playbook_file(path, "bundled").playbook
        yield playbook.subject_line, f"playbooks/{path.name} (subject line)"


def template_catalog() -> Catalog:
    catalog = Catalog(project=PROJECT, copyright_holder=HOLDER, fuzzy=False)
    if POT.exists():
        # The same date as last time, so that every catalogue (and its .mo, which carries
        # it) stays byte for byte the same until a message changes.
        catalog.creation_date = _read(POT).creation_date
    for message, where in messages():
        # Python-format: every message is %-formatted by the templates' newstyle gettext.
        existing = catalog.get(message)
        if existing is None:
            catalog.add(message, locations=[(where, 0)], flags=("python-format",))
        else:
            existing.locations.append((where, 0))
    return catalog


def po_path(tag: str, domain: str) -> Path:
    return LOCALE / EmailLanguage(tag).locale / "LC_MESSAGES" / f"{domain}.po"


def _read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=False, omit_header=False)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def updated(template: Catalog, tag: str, domain: str) -> Catalog:
    """The language's catalogue with every message of ``template`` (translations kept)."""
    path = po_path(tag, domain)
    if path.exists():
        catalog = _read(path)
    else:
        catalog = Catalog(
            locale=EmailLanguage(tag).locale,
            project=PROJECT,
            copyright_holder=HOLDER,
            last_translator=HOLDER,
            language_team=f"{LANGUAGES[tag]} reviewers (docs/email-languages/)",
            fuzzy=False,
        )
    # No fuzzy matching: a changed English sentence must be translated again, not guessed.
    # A message no longer used stays as an obsolete entry (#~), so its translation is not
    # lost when the English is reworded: a translator takes it from there.
    catalog.update(template, no_fuzzy_matching=True)
    return catalog


def problems(tag: str, domain: str, catalog: Catalog) -> list[str]:
    """What is wrong with a catalogue: a message the formal one leaves untranslated, a
    placeholder changed, a fuzzy entry."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        where = f"{po_path(tag, domain).relative_to(REPO)}: {message.id!r}"
        if message.fuzzy:
            found.append(f"{where} is marked fuzzy")
        translated = (
            all(message.string)
            if isinstance(message.string, (list, tuple))
            else bool(message.string)
        )
        if domain == DOMAIN and not translated:
            found.append(f"{where} is not translated")
        if translated:
            found += [f"{where}: {problem}" for problem in _format_problems(catalog, message)]
    return found


GREETING_NAMES = frozenset({"name", "first_name"})
"""A greeting is given both names: a language may greet by either (Guten Tag Dana Whitfield,
for Hello Dana,), but by one of them."""
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _format_problems(catalog: Catalog, message: Message) -> list[str]:
    """A translation must keep every placeholder of its message (Babel's check lets one
    be dropped), and a greeting must name the client one way or the other; each plural
    form of a plural message is checked against the English plural."""
    if isinstance(message.id, (list, tuple)):
        english = str(message.id[-1])
        forms = message.string if isinstance(message.string, (list, tuple)) else ()
        if not all(forms):
            return ["a plural form is not translated"]
        return [
            problem
            for form in forms
            for problem in _format_problems(catalog, Message(english, str(form)))
        ]
    wanted = set(_PLACEHOLDER.findall(str(message.id)))
    got = set(_PLACEHOLDER.findall(str(message.string)))
    if wanted & GREETING_NAMES:
        if not got & GREETING_NAMES:
            return ["the greeting names the client by neither %(name)s nor %(first_name)s"]
        wanted, got = wanted - GREETING_NAMES, got - GREETING_NAMES
    elif not wanted:
        try:
            python_format(catalog, message)
        except Exception as exc:  # Babel's TranslationError says what is wrong
            return [str(exc)]
    if wanted != got:
        return [f"has the placeholders {sorted(got)} where the message has {sorted(wanted)}"]
    return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args()
    template = template_catalog()
    stale: list[str] = []
    wrong: list[str] = []
    expected: dict[Path, bytes] = {POT: _po_bytes(template)}
    for tag in LANGUAGES:
        if tag == "en":
            continue
        for domain in (DOMAIN, INFORMAL_DOMAIN):
            catalog = updated(template, tag, domain)
            wrong += problems(tag, domain, catalog)
            po = po_path(tag, domain)
            expected[po] = _po_bytes(catalog)
            expected[po.with_suffix(".mo")] = _mo_bytes(catalog)
    for path, data in expected.items():
        if _differs(path, data):
            stale.append(str(path.relative_to(REPO)))
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    if args.check and stale:
        print("out of date (run python tools/catalogs.py):", *stale, sep="\n  ")
    if wrong:
        print("to fix in the catalogues:", *wrong, sep="\n  ")
    return 1 if wrong or (args.check and stale) else 0


def _differs(path: Path, data: bytes) -> bool:
    """Whether the file at ``path`` says something else than ``data``: the messages, their
    translations, flags and places, and the plural rule. How a Babel release lays the file
    out (its header's dates, its own version, line wrapping) does not count, so a new
    release does not make the catalogues out of date."""
    if not path.exists():
        return True
    read = read_mo if path.suffix == ".mo" else read_po
    try:
        old = read(io.BytesIO(path.read_bytes()))
    except Exception:  # unreadable: written again
        return True
    return _content(old) != _content(read(io.BytesIO(data)))


def _content(catalog: Catalog) -> list[object]:
    return [
        catalog.plural_forms,
        *(
            (m.id, m.string, m.context, sorted(m.flags), sorted(m.locations))
            for m in catalog
            if m.id
        ),
        *((m.id, m.string) for m in catalog.obsolete.values()),
    ]


if __name__ == "__main__":
    sys.exit(main())
