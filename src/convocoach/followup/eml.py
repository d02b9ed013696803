"""An .eml draft: multipart/alternative text + HTML, marked X-Unsent so mail apps open it to edit.

Every header value is stripped of line breaks (CR, LF, U+2028, U+2029, NEL) and other
control characters first, whatever the Python version: a stray newline must never
end the header block (CVE-2024-6923). An address is used only if it is exactly one
address (see emailaddress.py); otherwise its header is left out and the caller says so
(email.address_warnings).
"""

from __future__ import annotations

import re
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage

from convocoach.emailaddress import address_parts

_BREAKS = re.compile("[\r\n\u2028\u2029\u0085\x00-\x1f\x7f]+")


def header_safe(value: str) -> str:
    return " ".join(_BREAKS.sub(" ", value).split())


def _address(name: str, email: str) -> Address | None:
    try:
        user, domain = address_parts(email)
    except ValueError:
        return None
    return Address(display_name=header_safe(name), username=user, domain=domain)


def build_eml(
    subject: str,
    text: str,
    html: str,
    sender_name: str,
    sender_email: str,
    to_name: str,
    to_email: str,
    language: str = "en",
) -> bytes:
    """The draft as bytes (CRLF line endings, RFC 2047 for non-ASCII names and subject);
    ``language`` is its Content-Language (a tag like de or pt-BR)."""
    message = EmailMessage(policy=policy.SMTP)
    sender = _address(sender_name, sender_email)
    if sender is not None:
        message["From"] = sender
    recipient = _address(to_name, to_email)
    if recipient is not None:
        message["To"] = recipient
    message["Subject"] = header_safe(subject)
    message["X-Unsent"] = "1"
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    # After the content: setting it clears every Content- header set before.
    message["Content-Language"] = header_safe(language)
    return message.as_bytes()
