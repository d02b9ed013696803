"""One email address per field: checked where it is typed, imported or written to a header.

``dana@example.com, other@example.com`` is two addresses; an ``.eml`` writer that took it
would have to drop the To: header or address both people. Every field that holds an
address takes exactly one, checked with the standard library's RFC 5322 parser.
"""

from __future__ import annotations

import re

ADDRESS_HINT = "one address, like dana@example.com"
MAX_ADDRESS = 254
"""The longest address (RFC 5321's longest path); the store and the exchange file take as much."""
# No space, comma or semicolon: each of those would make a second address or a name.
SHAPE = re.compile(r"[^\s,;<>]+@[^\s,;<>]+")


def address_parts(text: str) -> tuple[str, str]:
    """``text`` as (user, ASCII domain) if it is exactly one plain address; ValueError if not.

    Line breaks (CR, LF, U+2028, U+2029), spaces, commas, display names and comments are
    refused, so what passes can go into a header as it is; an international domain comes
    back in its ASCII (IDNA) form, the one mail headers carry.
    """
    if len(text) > MAX_ADDRESS or not SHAPE.fullmatch(text):
        raise ValueError(f"write {ADDRESS_HINT}")
    # Lazy: the email package (a megabyte, a few milliseconds) loads when an address is
    # checked, not with the limits the app reads to draw its first screen.
    from email import errors, headerregistry

    try:
        address = headerregistry.Address(addr_spec=text)
    except (ValueError, IndexError, errors.MessageError):
        raise ValueError(f"write {ADDRESS_HINT}") from None
    user, domain = address.username, address.domain
    # The parser drops comments and accepts a quoted local part: only the plain form passes.
    if (
        address.addr_spec != text
        or not user.isascii()
        or "." not in domain
        or domain.startswith("[")
    ):
        raise ValueError(f"write {ADDRESS_HINT}")
    try:
        return user, domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise ValueError(f"write {ADDRESS_HINT}") from None


def is_address(text: str) -> bool:
    try:
        address_parts(text)
    except ValueError:
        return False
    return True
