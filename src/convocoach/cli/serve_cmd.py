"""``convocoach serve``: the app in web browsers, one app process per browser tab."""

from __future__ import annotations

import errno
import ipaddress
import os
import re
import shlex
import socket
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from convocoach.cli.context import CliContext
from convocoach.cli.output import say, warn
from convocoach.diagnostics import UserError
from convocoach.lifeline import SERVER_PID

if TYPE_CHECKING:
    from textual_serve.server import Server

    from convocoach.cli.parser import Arguments

_INSTALL_HINT = "pip install 'convocoach[serve]'"
_LOOPBACK_NAMES = frozenset({"localhost", "localhost."})
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
    server = make_server(app_command(args), host, port, args.public_url, places)
    # Create (or migrate) the database once, here: tabs opened at the same moment would
    # otherwise each try to, and all but one fail.
    ctx.store().close()
    if not is_loopback(host):
        warn(exposure_warning(host, port, ctx.locations.data_dir))
    # Each tab's app inherits this environment; NO_COLOR is about this terminal, not the
    # browsers, whose terminals textual-serve declares full-colour.
    os.environ.pop("NO_COLOR", None)
    # Each app ends when this server does, even if it is killed (see lifeline).
    os.environ[SERVER_PID] = str(os.getpid())
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
    if exc.errno == errno.EACCES:
        return (
            f"cannot listen on port {port}: ports below 1024 need administrator rights",
            "choose a port from 1024 up, like --port 8000",
        )
    return (
        f"cannot listen on {host}:{port}: {exc.strerror or exc}",
        "choose another port with --port, or stop the program using it",
    )


def check_public_url(url: str) -> None:
    """Refuse a --public-url that browsers could not open."""
    from urllib.parse import urlsplit

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
    argv = [sys.executable, "-m", "convocoach"]
    for option, value in (("--data-dir", args.data_dir), ("--config-dir", args.config_dir)):
        if value is not None:
            argv += [option, str(Path(value).absolute())]
    for folder in args.playbooks:
        argv += ["--playbooks", str(Path(folder).absolute())]
    if os.name == "nt":
        return subprocess.list2cmdline(argv)
    # exec: the app replaces the shell, so signals and the process count are the app's own.
    return "exec " + shlex.join(argv)


def is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, port: int, data_dir: Path) -> str:
    return (
        f"warning: listening on {host}:{port}, open to the network. Anyone who can reach "
        f"this machine can open the app and read the sessions stored in {data_dir}; "
        "there is no login, and the traffic is not encrypted.\n"
        "    Use it only on a network private to the room, and stop it (Ctrl+C) when the "
        "workshop ends; the default --host 127.0.0.1 keeps it to this machine."
    )


def browser_url(host: str, port: int, public_url: str | None) -> str:
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


def offline_page(template: str) -> str:
    """textual-serve's page with its web font served from the package, not a font CDN.

    Client details stay on this machine, and a room without internet must not wait for a
    stylesheet that never arrives.
    """
    fonts = "{{ config.static.url }}fonts/"
    faces = "".join(
        f'@font-face {{ font-family: "Roboto Mono"; font-style: {style}; font-weight: 100 700;'
        f' src: url("{fonts}{file}") format("truetype"); }}\n'
        for style, file in (
            ("normal", "RobotoMono-VariableFont_wght.ttf"),
            ("italic", "RobotoMono-Italic-VariableFont_wght.ttf"),
        )
    )
    local = (
        f'<link rel="preload" href="{fonts}RobotoMono-VariableFont_wght.ttf" as="font" '
        f'type="font/ttf" crossorigin />\n    <style>\n{faces}    </style>'
    )
    page = re.sub(r"<link[^>]*https?://[^>]*>", lambda _: local, template)
    return page.replace("<head>", "<head>\n    <title>{{ application.name }}</title>", 1)


def make_server(
    command: str, host: str, port: int, public_url: str | None, places: int = _PARTICIPANTS[1]
) -> Server:
    """textual-serve's server, quiet, offline, answering only pages of its own, and for at
    most ``places`` tabs at once."""
    try:
        import aiohttp_jinja2
        import jinja2
        from aiohttp import web
        from aiohttp.web_runner import GracefulExit
        from textual_serve import server as textual_server
        from textual_serve.app_service import AppService
        from textual_serve.server import Server
    except ImportError:
        raise UserError(
            "serving the app to web browsers needs textual-serve, which is not installed",
            _INSTALL_HINT,
        ) from None
    import asyncio
    import contextlib
    import logging
    from typing import Any

    from aiohttp.typedefs import Handler
    from yarl import URL

    loopback = is_loopback(host)
    public = URL(public_url) if public_url else None
    allowed_origins = {str(public.origin())} if public else set()
    open_tabs: set[asyncio.Task[Any]] = set()

    @web.middleware
    async def same_origin_only(request: web.Request, handler: Handler) -> web.StreamResponse:
        # Any web page open in a browser here may script a websocket to this port, and a
        # rebound DNS name may reach it too: only the app's own page gets to drive the app.
        origin = request.headers.get("Origin")
        allowed = {f"http://{request.host}", f"https://{request.host}", *allowed_origins}
        name = request.url.host or ""
        if (loopback and not is_loopback(name) and not (public and name == public.host)) or (
            origin is not None and origin not in allowed
        ):
            raise web.HTTPForbidden(text="convocoach: this address is not allowed here\n")
        return await handler(request)

    full_page = (
        "<!doctype html><meta charset=utf-8><title>convocoach: the room is full</title>"
        f"<p>All {places} places are taken. Try again when someone leaves, or ask the "
        "trainer to restart the server with a higher <code>--max-participants</code>."
        "</p>"
    )

    @web.middleware
    async def within_places(request: web.Request, handler: Handler) -> web.StreamResponse:
        # Every tab is a process of its own: refuse politely before the machine runs out.
        if request.path in ("/", "/ws") and len(open_tabs) >= places:
            raise web.HTTPServiceUnavailable(text=full_page, content_type="text/html")
        return await handler(request)

    class TabApp(AppService):
        async def run(self) -> None:
            await super().run()
            # An app that ended without saying so (it failed to start, or crashed) ends the
            # tab's session too, so the browser offers Restart instead of waiting forever.
            await self.remote_close()

    setattr(textual_server, "AppService", TabApp)  # noqa: B010 (mypy: cannot assign a type)

    class RoomServer(Server):
        def initialize_logging(self) -> None:
            # One line per request would bury the address to open; problems still show.
            logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")

        async def on_startup(self, app: web.Application) -> None:
            pass  # announced once actually listening, in serve()

        async def on_shutdown(self, app: web.Application) -> None:
            # Ctrl+C: each open tab's app is told to quit instead of being waited for.
            for task in open_tabs:
                task.cancel()

        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            page = (self.templates_path / "app_index.html").read_text(encoding="utf-8")
            aiohttp_jinja2.setup(
                app, loader=jinja2.DictLoader({"app_index.html": offline_page(page)})
            )
            statics = self.statics_path.resolve()

            @web.middleware
            async def no_folder_listing(
                request: web.Request, handler: Handler
            ) -> web.StreamResponse:
                # textual-serve serves its static folder with an index of every file in it.
                inside = request.path == "/static" or request.path.startswith("/static/")
                if inside and (statics / request.path[len("/static/") :]).is_dir():
                    raise web.HTTPNotFound()
                return await handler(request)

            app.middlewares.append(same_origin_only)
            app.middlewares.append(within_places)
            app.middlewares.append(no_folder_listing)
            return app

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            if not public_url:
                # The page tells the browser where the websocket is: the address it came in
                # by, which for --host 0.0.0.0 is not HOST.
                self.public_url = f"{request.scheme}://{request.host}"
            response: web.StreamResponse = await super().handle_index(request)
            return response

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            task = asyncio.current_task()
            assert task is not None
            open_tabs.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                open_tabs.discard(task)

        def serve(self, debug: bool = False) -> None:
            self.initialize_logging()
            url = browser_url(host, port, public_url)
            # A second Ctrl+C while the tabs close: stop at once, as asked, and quietly.
            with contextlib.suppress(GracefulExit, KeyboardInterrupt):
                web.run_app(
                    self._make_app(),
                    host=self.host,
                    port=self.port,
                    access_log=None,
                    shutdown_timeout=5,
                    print=lambda *_: say(
                        f"convocoach is served at {url}\n"
                        "Open it in a web browser; every tab runs "
                        "its own copy of the app. Press Ctrl+C to "
                        "stop."
                    ),
                )

    return RoomServer(command, host=host, port=port, title="convocoach", public_url=public_url)
