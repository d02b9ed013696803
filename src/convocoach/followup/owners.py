"""Who owns a next step, worded for the email's reader (the client), not for ourselves.

The session keeps owners as "us", "the client" or a named person; a follow-up to Dana
says "you" for her side and "we" or "I" for ours, and a formal note names each party.
"""

from __future__ import annotations

from dataclasses import dataclass

from convocoach.profile import Profile
from convocoach.sessions.model import Client, NextStep


@dataclass(frozen=True, slots=True)
class ReaderOwner:
    party: str
    """client (the reader), us (our team), sender (the writer alone) or other."""
    label: str
    """In running text: "you", "us", "me" or a name."""
    heading: str
    """Above a group of steps: "What you will do", "What we will do"..."""
    formal: str
    """For a formal record: the client's name, our company, the sender's name or the name."""


def _same_person(a: str, b: str) -> bool:
    return bool(a.split()) and a.casefold().split() == b.casefold().split()


def reader_owner(step: NextStep, client: Client, sender: Profile) -> ReaderOwner:
    """``step``'s owner as the client reads it in an email addressed to them."""
    party = step.owner_kind
    name = " ".join(step.owner_name.split())
    if party == "person":
        if _same_person(name, client.name):
            party = "client"
        elif _same_person(name, sender.name):
            party = "sender"
        else:
            party = "other"
    if party == "client":
        return ReaderOwner("client", "you", "What you will do", client.name.strip() or "you")
    if party == "us":
        return ReaderOwner(
            "us", "us", "What we will do", sender.company.strip() or sender.name.strip() or "us"
        )
    if party == "sender":
        return ReaderOwner("sender", "me", "What I will do", sender.name.strip())
    return ReaderOwner("other", name, f"What {name} will do", name)


def signoff(sender: Profile) -> str:
    """The lines under the closing: the name, then the signature, one line each.

    A signature that already starts with the name is used as it is; without a signature,
    the title and the company stand in for it.
    """
    name = " ".join(sender.name.split())
    lines = [" ".join(line.split()) for line in sender.signature.splitlines() if line.strip()]
    if not lines:
        lines = [part for part in (sender.title.strip(), sender.company.strip()) if part]
    if name and not (lines and _starts_with(lines[0], name)):
        lines.insert(0, name)
    return "\n".join(lines)


def _starts_with(line: str, name: str) -> bool:
    """ "Alex Morgan" and "Alex Morgan, Delivery Lead" do; "Alex Morganson" does not."""
    return (
        line.casefold().startswith(name.casefold())
        and not line[len(name) : len(name) + 1].isalnum()
    )
