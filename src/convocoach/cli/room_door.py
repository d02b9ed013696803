"""Who may come into a served workshop: the room code, the facilitator's key, the seats.

Everything here lives in the server's memory for one run: a restart prints new codes and
forgets every seat, which is also how a trainer takes the room back from a leaked link.
Secrets are compared in constant time, and seat tokens are kept only as their SHA-256, so
looking one up never compares the secret itself.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import secrets
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

# Readable aloud and on a projector: no 0/O nor 1/I. 32 symbols, 5 bits each.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8  # 40 bits: with the wait after failures, years of guessing for one room
_KEY_BYTES = 24  # the facilitator's key: 192 bits, never typed
_TOKEN_BYTES = 32
_LONGEST_CODE = 64  # anything longer is no code of ours; not worth hashing


def room_code() -> str:
    """A new room code, like ``K7M2-QX9P``."""
    symbols = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{symbols[:4]}-{symbols[4:]}"


def facilitator_key() -> str:
    return secrets.token_urlsafe(_KEY_BYTES)


def _typed_code(given: str) -> str:
    """A code as people type it: any case, with or without the dash or spaces."""
    return re.sub(r"[\s-]", "", given).upper()


def same_secret(given: str | None, expected: str) -> bool:
    if given is None or len(given) > _LONGEST_CODE:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def client_of(address: str | None) -> str:
    """Whom to count failures against: an IPv4 address, or an IPv6 address's /64 network
    (one machine commonly holds a whole /64)."""
    try:
        parsed = ipaddress.ip_address(address or "")
    except ValueError:
        return address or ""
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


class Limiter:
    """Failed attempts per client: the first few are free, then each one waits twice as
    long as the one before, up to ``longest`` seconds."""

    FREE_FAILURES = 5

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        first_wait: float = 2.0,
        longest: float = 300.0,
        capacity: int = 10_000,
    ) -> None:
        self._clock = clock
        self._first_wait = first_wait
        self._longest = longest
        self._capacity = capacity
        # client -> (failures, when the next attempt is heard); oldest first, so that a
        # flood of addresses forgets the oldest rather than growing without bound.
        self._failures: OrderedDict[str, tuple[int, float]] = OrderedDict()

    def wait(self, client: str) -> float:
        """Seconds before ``client`` may try again (0 when it may now)."""
        _, heard_from = self._failures.get(client, (0, 0.0))
        return max(0.0, heard_from - self._clock())

    def failed(self, client: str) -> None:
        count = self._failures.pop(client, (0, 0.0))[0] + 1
        extra = count - self.FREE_FAILURES
        wait = 0.0 if extra < 0 else min(self._longest, self._first_wait * 2.0**extra)
        self._failures[client] = (count, self._clock() + wait)
        while len(self._failures) > self._capacity:
            self._failures.popitem(last=False)

    def succeeded(self, client: str) -> None:
        self._failures.pop(client, None)


Role = Literal["participant", "facilitator"]


@dataclass(frozen=True)
class Pass:
    """What a browser's cookie stands for: the facilitator, or one participant's seat."""

    role: Role
    name: str = ""


class SeatTaken(Exception):
    """The name is held by another browser."""


class NotOnList(Exception):
    """The name is not on the workshop's list."""


class Door:
    """The codes of one served workshop and the passes given out with them."""

    def __init__(self, workshop_id: int, roster: Sequence[str]) -> None:
        self.workshop_id = workshop_id
        self.roster = tuple(roster)
        self.code = room_code()
        self.key = facilitator_key()
        self.limiter = Limiter()
        self._passes: dict[bytes, Pass] = {}
        self._seats: dict[str, bytes] = {}  # name -> its pass's digest

    def right_code(self, given: str | None) -> bool:
        if given is None or len(given) > _LONGEST_CODE:
            return False
        return same_secret(_typed_code(given), self.code.replace("-", ""))

    def right_key(self, given: str | None) -> bool:
        return same_secret(given, self.key)

    def pass_for(self, token: str | None) -> Pass | None:
        if not token or len(token) > _LONGEST_CODE:
            return None
        return self._passes.get(_digest(token))

    def on_list(self, name: str) -> str | None:
        """The roster's spelling of ``name`` (any case, spaces trimmed), if on the list."""
        wanted = " ".join(name.split()).casefold()
        return next((person for person in self.roster if person.casefold() == wanted), None)

    def seat(self, name: str, holder: str | None) -> str:
        """A token for ``name``'s seat, for the browser holding the token ``holder``.

        The browser that holds a seat keeps it (a reload, a new tab, a Restart) or swaps it
        for another free one; a seat held by another browser stays theirs.
        """
        person = self.on_list(name)
        if person is None:
            raise NotOnList(name)
        current = self.pass_for(holder)
        held = self._seats.get(person)
        if held is not None:
            if current is not None and held == _digest(holder or ""):
                return holder or ""
            raise SeatTaken(person)
        self.leave(holder)
        token = secrets.token_urlsafe(_TOKEN_BYTES)
        self._passes[_digest(token)] = Pass("participant", person)
        self._seats[person] = _digest(token)
        return token

    def facilitate(self, holder: str | None) -> str:
        """A token for the facilitator's browser (a seat it held is given up)."""
        self.leave(holder)
        token = secrets.token_urlsafe(_TOKEN_BYTES)
        self._passes[_digest(token)] = Pass("facilitator")
        return token

    def leave(self, token: str | None) -> None:
        """Give up what ``token`` stands for (nothing when it stands for nothing)."""
        if not token:
            return
        gone = self._passes.pop(_digest(token), None)
        if gone is not None and gone.role == "participant":
            self._seats.pop(gone.name, None)

    def free(self, name: str) -> None:
        """The facilitator gives a seat back: whoever held it must join again."""
        person = self.on_list(name)
        digest = self._seats.pop(person, None) if person else None
        if digest is not None:
            self._passes.pop(digest, None)

    def seated(self) -> list[str]:
        return [person for person in self.roster if person in self._seats]


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8", "replace")).digest()


def participant_key(name: str) -> str:
    """A folder name for ``name``: readable, safe on any file system, and distinct for
    names that read alike (``Zoë`` and ``Zoe``, ``Ana`` and ``ana``) thanks to its hash."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:24] or "participant"
    return f"{slug}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}"


def participant_folder(data_dir: Path, workshop_id: int, name: str) -> Path:
    """The participant's own folder, made private (0700) with the folders above it that
    convocoach makes; refused if it resolves outside the room's folder (a planted link)."""
    rooms = data_dir / "rooms"
    room = rooms / f"workshop-{workshop_id}"
    folder = room / participant_key(name)
    rooms.mkdir(mode=0o700, parents=True, exist_ok=True)
    for step in (room, folder):
        step.mkdir(mode=0o700, exist_ok=True)
    if not folder.resolve().is_relative_to(room.resolve()) or folder.is_symlink():
        raise OSError(f"{folder} is not a folder of this room")
    folder.chmod(0o700)
    return folder
