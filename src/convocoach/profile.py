"""The sender's profile (name, signature, time zone, business hours) in the settings file."""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import yaml

from convocoach.diagnostics import InvalidFile, Problem, UserError
from convocoach.schema import (
    EMAIL,
    INVALID,
    Formatted,
    Record,
    Text,
    convert_document,
    spec_dataclass,
    spec_field,
)
from convocoach.yamlsafe import compose_bytes

_HHMM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def _check_zone(name: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        # Lazy: difflib only to suggest a zone for one that does not exist.
        import difflib

        close = difflib.get_close_matches(name, sorted(available_timezones()), n=1)
        raise ValueError(
            "there is no such time zone" + (f" (did you mean {close[0]}?)" if close else "")
        ) from None


_line = Text(max_length=200, one_line=True, allow_empty=True)


@spec_dataclass
class Profile:
    name: str = spec_field(_line, "Your name, as it appears in the email.", default="")
    title: str = spec_field(_line, "Your job title.", default="")
    company: str = spec_field(_line, "Your company.", default="")
    email: str = spec_field(EMAIL, "Your email address, one (the From of drafts).", default="")
    signature: str = spec_field(
        Text(max_length=1000, allow_empty=True), "Signature lines.", default=""
    )
    timezone: str = spec_field(
        Formatted(
            re.compile(r"[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)*"),
            "a time zone like Europe/London",
            _check_zone,
        ),
        "Your IANA time zone, for the send-by time.",
        default="UTC",
    )
    business_start: str = spec_field(
        Formatted(_HHMM, "a 24-hour time like 09:00"),
        "When your business day starts.",
        default="09:00",
    )
    business_end: str = spec_field(
        Formatted(_HHMM, "a 24-hour time like 17:30"),
        "When your business day ends.",
        default="17:30",
    )
    language: str = spec_field(
        Text(max_length=35, one_line=True),
        "Your own language (a tag like en, fr, pt-BR): a client whose language is another "
        "reads your English as a second language, and the coach helps with that.",
        default="en",
    )


PROFILE = Record.of(Profile, "Sender profile", "Who the follow-up email comes from.")

KEYS = tuple(f.name for f in PROFILE.fields)


def load_profile(path: Path) -> Profile:
    """The profile in ``path``, defaults when the file does not exist; InvalidFile if bad."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Profile()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_profile(data, str(path))


def parse_profile(data: bytes, source: str) -> Profile:
    root = compose_bytes(data, source)
    if root is None:
        return Profile()
    value, problems = convert_document(root, PROFILE, source)
    if problems or value is INVALID:
        raise InvalidFile(source, problems)
    if value.business_end <= value.business_start:
        raise InvalidFile(
            source,
            [
                Problem(
                    source,
                    1,
                    1,
                    "business_end",
                    "the business day ends before it starts",
                    "set business_end later than business_start",
                    "business-hours",
                )
            ],
        )
    return value


def dump_profile(profile: Profile) -> str:
    header = "# convocoach sender profile; edit with 'convocoach profile set KEY VALUE'\n"
    body: str = yaml.safe_dump(asdict(profile), sort_keys=False, allow_unicode=True)
    return header + body


def with_value(profile: Profile, key: str, value: str, source: str) -> Profile:
    """``profile`` with ``key`` set to ``value``, validated exactly like the file is."""
    if key not in KEYS:
        import difflib  # Lazy: only to suggest a key for one that does not exist

        close = difflib.get_close_matches(key, KEYS, n=1)
        raise UserError(
            f"unknown profile key {key!r}",
            f"did you mean {close[0]!r}?" if close else "keys: " + ", ".join(KEYS),
        )
    data: dict[str, Any] = asdict(profile)
    data[key] = value.replace("\\n", "\n") if key == "signature" else value
    try:
        return profile_from_values(data, source)
    except InvalidFile as exc:
        # The bad value is the argument just typed, not a place in the settings file.
        problem = next((p for p in exc.problems if p.path == key), exc.problems[0])
        raise UserError(f"{key}: {problem.message}", problem.fix) from None


def profile_from_values(values: dict[str, Any], source: str) -> Profile:
    """A profile from form values, validated exactly like the file; missing keys get defaults."""
    return parse_profile(yaml.safe_dump(values, allow_unicode=True).encode(), source)
