"""``convocoach serve``: the app in web browsers, one app process per browser tab."""

from __future__ import annotations

import errno
import os
import shlex
import socket
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from convocoach.cli.context import CliContext
from convocoach.cli.output import warn
from convocoach.cli.serve_net import is_loopback
from convocoach.cli.serve_warm import warm_start
from convocoach.cli.serve_workshop import open_room, room_exposure_warning
from convocoach.diagnostics import UserError
from convocoach.lifeline import SERVER_PID

if TYPE_CHECKING:
    from convocoach.cli.serve_room import Room
    from convocoach.cli.serve_workshop import RoomEntry
    from convocoach.cli.table import Arguments

_INSTALL_HINT = "pip install 'convocoach[serve]'"
_MB_PER_PARTICIPANT = 100  # an app process, with room to spare (about 50 MB measured)
_PARTICIPANTS = (4, 64)


def cmd_serve(ctx: CliContext, args: Arguments) -> int:
    host: str = args.host
    port: int = args.port
    if not 1 <= port <= 65535:
        raise UserError(
            f"--port must be between 1 and 65535, not {port}", "pick a free port, like --port 8000"
        )
    if args.public_url is not None:
        check_public_url(args.public_url)
    places = args.max_participants or default_participants()
    if places < 1:
        raise UserError(
            f"--max-participants must be 1 or more, not {places}",
            "leave it out for what this machine allows",
        )
    trainer = app_argv(args)
    room = None if args.workshop is None else open_room(ctx, args.workshop, trainer, shell_command)
    server = make_server(app_command(args), host, port, args.public_url, places, room)
    # Create (or migrate) the database once, here: tabs opened at the same moment would
    # otherwise each try to, and all but one fail.
    ctx.store().close()
    if not is_loopback(host):
        data = ctx.locations.data_dir
        warn(
            exposure_warning(host, port, data)
            if args.workshop is None
            else room_exposure_warning(host, port, data, args.workshop)
        )
    # Each tab's app inherits this environment; NO_COLOR is about this terminal, not the
    # browsers, whose terminals textual-serve declares full-colour.
    os.environ.pop("NO_COLOR", None)
    # Each app ends when this server does, even if it is killed (see lifeline).
    os.environ[SERVER_PID] = str(os.getpid())
    with warm_start(trainer) as launcher:
        if launcher is not None:
            server.command = shell_command(launcher)
            if room is not None:  # the launcher, then the program's own command line
                room.launcher = launcher[: -len(trainer)]
        try:
            server.serve()
        except OSError as exc:
            raise UserError(*bind_failure(host, port, exc)) from None
    return 0


def bind_failure(host: str, port: int, exc: OSError) -> tuple[str, str]:
    """Why listening failed, and the fix for that cause."""
    if exc.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT) or isinstance(exc, socket.gaierror):
        return (
            f"cannot listen on {host}: it is not an address of this machine",
            "leave --host out (this machine only), or give 0.0.0.0 or one of this "
            "machine's own addresses",
        )
    if exc.errno == errno.EADDRINUSE:
        return (
            f"cannot listen on {host}:{port}: the port is already in use "
            "(another program, or convocoach serve already running)",
            "choose another port with --port, or stop the program using it",
        )
    if exc.errno == errno.EACCES:
        return (
            f"cannot listen on port {port}: ports below 1024 need administrator rights",
            "choose a port from 1024 up, like --port 8000",
        )
    if exc.errno == errno.EINVAL:
        # Linux answers this for an IPv6 link-local address given without its interface.
        return (
            f"cannot listen on {host}: the system refuses this address",
            "give 0.0.0.0 or one of this machine's own addresses (a link-local IPv6 "
            "address needs its interface, like fe80::1%eth0)",
        )
    reason = (exc.strerror or str(exc)).rsplit(": ", 1)[-1]
    return (
        f"cannot listen on {host}:{port}: {reason}",
        "check --host and --port (leave them out for this machine's port 8000)",
    )


def check_public_url(url: str) -> None:
    """Refuse a --public-url that browsers could not open."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a bad port)
    except ValueError as exc:
        raise UserError(
            f"--public-url {url!r} is not a web address: {exc}",
            "give one like http://192.168.1.20:8000",
        ) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserError(
            f"--public-url {url!r} is not a web address",
            "give one that starts with http:// or https:// and names a host, "
            "like http://192.168.1.20:8000",
        )


def default_participants() -> int:
    """As many tabs as this machine's free memory holds, within sane bounds."""
    low, high = _PARTICIPANTS
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemAvailable:"))
    except (OSError, StopIteration, ValueError, IndexError):
        return low * 4
    return max(low, min(high, kb // 1024 // _MB_PER_PARTICIPANT))


def app_command(args: Arguments) -> str:
    """The shell command each browser connection runs: this Python, this app, these folders."""
    return shell_command(app_argv(args))


def app_argv(args: Arguments) -> list[str]:
    argv = [sys.executable, "-m", "convocoach"]
    for option, value in (("--data-dir", args.data_dir), ("--config-dir", args.config_dir)):
        if value is not None:
            argv += [option, str(Path(value).absolute())]
    for folder in args.playbooks:
        argv += ["--playbooks", str(Path(folder).absolute())]
    return argv


def shell_command(argv: list[str]) -> str:
    if os.name == "nt":
        return subprocess.list2cmdline(argv)
    # exec: the app replaces the shell, so signals and the process count are the app's own.
    return "exec " + shlex.join(argv)


def exposure_warning(host: str, port: int, data_dir: Path) -> str:
    return (
        f"warning: listening on {host}:{port}, open to the network. Anyone who can reach "
        f"this machine can open the app and read the sessions stored in {data_dir}; "
        "there is no login, and the traffic is not encrypted.\n"
        "    Use it only on a network private to the room, and stop it (Ctrl+C) when the "
        "workshop ends; the default --host 127.0.0.1 keeps it to this machine."
    )


def make_server(
    command: str,
    host: str,
    port: int,
    public_url: str | None,
    places: int = _PARTICIPANTS[1],
    room: RoomEntry | None = None,
) -> Room:
    """The web server: quiet, offline, answering only pages of its own, and for at most
    ``places`` tabs at once; for a workshop's ``room``, only to those it lets in."""
    try:
        # Lazy: textual-serve is an optional extra; without it, this says how to install it
        from convocoach.cli.room_gate import Gate
        from convocoach.cli.serve_room import Room  # Lazy: as above
    except ImportError:
        raise UserError(
            "serving the app to web browsers needs textual-serve, which is not installed",
            _INSTALL_HINT,
        ) from None
    secure = bool(public_url and public_url.startswith("https:"))
    gate = Gate(room.door, room.title, room.command_for, secure=secure) if room else None
    return Room(command, host, port, public_url, places, gate)
