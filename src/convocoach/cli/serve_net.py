"""Addresses for ``convocoach serve``: which stay on this machine, and which to announce."""

from __future__ import annotations

import ipaddress
import socket

_LOOPBACK_NAMES = frozenset({"localhost", "localhost."})


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) reaches this machine only."""
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def browser_url(host: str, port: int, public_url: str | None) -> str:
    """The address to open in a browser, for a server listening on ``host``:``port``."""
    if public_url:
        return public_url
    if host in ("0.0.0.0", "::", ""):
        host = _this_machine()
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def _this_machine() -> str:
    """The address other machines most likely reach this one at (no packet is sent)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # a documentation address: only picks a route
            address: str = probe.getsockname()[0]
            return address
    except OSError:
        return socket.gethostname()
