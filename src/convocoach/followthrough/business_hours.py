"""The sender's time zone and business hours, read fast for ``convocoach due``.

What is due depends on three values of the settings file only. A shell prompt that asks
for them on every line cannot afford PyYAML and the profile's schema, so the settings file
is read here line by line when it has the plain shape ``convocoach profile set`` writes
(one ``key: value`` per line at the left margin); anything else (a value this reader is
not sure of, a repeated key, flow style, anchors, tags, a second document) is handed to
the full reader, :func:`convocoach.profile.load_profile`, which reads it exactly as every
other command does and names the problem in a bad file.
"""

from __future__ import annotations

import os
import re
from datetime import time, tzinfo
from zoneinfo import ZoneInfo

TYPE_CHECKING = False  # typing costs a shell prompt's "convocoach due" a sixth of its start
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from convocoach.named_tuple import NamedTuple

WANTED = ("timezone", "business_start", "business_end")
DEFAULTS = {"timezone": "UTC", "business_start": "09:00", "business_end": "17:30"}
# Plain characters, checked by hand: a regular expression compiled at every start of a
# shell prompt's command costs more than the reading.
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_DIGITS = frozenset("0123456789")
_ZONE_PART = _LETTERS | _DIGITS | {"+", "-"}
_PLAIN_WORD = _ZONE_PART | {"/"}
# What starts another key's value that this reader does not follow: flow style (which may
# run on over lines at the margin), anchors, aliases, tags. Quoted values are followed.
_NOT_PLAIN = "[{&*!%@`"


class BusinessHours(NamedTuple):
    """The sender's zone and working day (the send-by rule's three values)."""

    zone: tzinfo
    start: time
    end: time


def hours_of(timezone: str, business_start: str, business_end: str) -> BusinessHours:
    """The three values of a profile (already checked) as times."""
    return BusinessHours(
        ZoneInfo(timezone), time.fromisoformat(business_start), time.fromisoformat(business_end)
    )


def read_business_hours(settings_file: str | os.PathLike[str]) -> BusinessHours:
    """The zone and business hours of the settings file (the defaults when there is none).

    A bad file raises what the full reader raises (``InvalidFile``, ``UserError``).
    """
    try:
        with open(settings_file, "rb") as file:
            data = file.read()
    except FileNotFoundError:
        return hours_of(**DEFAULTS)
    except OSError:
        data = None
    found = _quick_values(data) if data is not None else None
    if found is not None:
        values = {**DEFAULTS, **found}
        if _usable(values):
            return hours_of(**values)
    # Lazy: PyYAML and the profile's schema only when the quick reading was not sure; a
    # settings file as convocoach writes it never needs them.
    from pathlib import Path

    from convocoach.profile import load_profile  # Lazy: as above

    profile = load_profile(Path(settings_file))
    return hours_of(profile.timezone, profile.business_start, profile.business_end)


def _quick_values(data: bytes) -> dict[str, str] | None:
    """The wanted values of a plain settings file; None when the file is not plain."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    found: dict[str, str] = {}
    seen: set[str] = set()
    quote = ""  # the quote of a value still open from the lines above
    wanted_above = False  # a wanted value above, which an indented line would go on
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines()):
        if quote:
            if line[:1] not in ("", " "):
                return None  # an open quote's next line at the margin: leave it to YAML
            still = _still_open(line, quote)
            if still is None:
                return None
            quote = still
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] == " ":
            if wanted_above:
                return None  # a wanted value that goes on over lines
            continue  # a line of the value above (a block scalar, a long signature)
        if line == "---" and number == 0:
            continue
        key, colon, value = line.rstrip().partition(":")
        if not colon or value[:1] not in ("", " ", "\t") or not _is_key(key) or key in seen:
            return None  # not one "key: value" at the margin, or a key twice
        value = value.strip()
        seen.add(key)
        wanted_above = key in WANTED
        if wanted_above:
            quick = _quick_scalar(value)
            if quick is None:
                return None
            found[key] = quick
        elif value[:1] in ("'", '"'):
            still = _still_open(value[1:], value[0])
            if still is None:
                return None
            quote = still
        elif value and value[0] in _NOT_PLAIN:
            return None  # flow style, an anchor, a tag: leave it to YAML
    return None if quote else found


def _still_open(rest: str, quote: str) -> str | None:
    """``quote`` if the quoted value is still open after ``rest``, "" if it closed there
    (and only a comment follows), None if something else follows the close."""
    # Inside single quotes '' is a quote; inside double quotes a backslash escapes.
    body = rest.replace("''", "") if quote == "'" else re.sub(r"\\.", "", rest)
    end = body.find(quote)
    if end < 0:
        return quote
    after = body[end + 1 :].strip()
    return "" if not after or after.startswith("#") else None


def _is_key(key: str) -> bool:
    return bool(key) and key[0] in _LETTERS and set(key) <= _LETTERS | _DIGITS


def _quick_scalar(value: str) -> str | None:
    """A wanted value this reader is sure of: in quotes with no quote or escape inside, a
    plain word, or a plain time before 10:00 (YAML 1.1 reads a plain 10:00 as the number
    600); then maybe a comment. None for anything else."""
    body = value.split(" #", 1)[0].split("\t#", 1)[0].rstrip()
    if len(body) >= 2 and body[0] in "'\"" and body[-1] == body[0]:
        inner = body[1:-1]
        return None if any(mark in inner for mark in "'\"\\") else inner
    if body and set(body) <= _PLAIN_WORD:
        return body
    if len(body) == 5 and body[0] == "0" and body[2] == ":" and _is_time(body):
        return body
    return None


def _is_time(text: str) -> bool:
    """A 24-hour time like 09:00, as the profile takes it."""
    return (
        len(text) == 5
        and text[2] == ":"
        and set(text[:2] + text[3:]) <= _DIGITS
        and text[:2] < "24"
        and text[3] < "6"
    )


def _is_zone_name(name: str) -> bool:
    """Shaped like an IANA zone name (Europe/London), as the profile takes it."""
    first, *rest = name.split("/")
    return (
        bool(first)
        and set(first) <= _LETTERS
        and all(part and set(part) <= _ZONE_PART for part in rest)
    )


def _usable(values: dict[str, str]) -> bool:
    """True when the full reader would take these three values as they are."""
    if not _is_zone_name(values["timezone"]):
        return False
    start, end = values["business_start"], values["business_end"]
    if not (_is_time(start) and _is_time(end)) or end <= start:
        return False
    try:
        ZoneInfo(values["timezone"])
    except (ValueError, LookupError):  # ZoneInfoNotFoundError is a KeyError
        return False
    return True
