"""The web server of ``convocoach serve``: textual-serve's parts in an aiohttp app of our own.

textual-serve's ``Server`` is used through its public API only: its constructor, its request
handlers ``handle_index`` and ``handle_download``, and its ``command``, ``debug``,
``download_manager``, ``public_url``, ``templates_path`` and ``statics_path``. The aiohttp
application around them is composed here rather than by textual-serve, so that it carries
the room's middlewares and an offline page, announces itself once, and logs no requests.

Each browser tab's websocket is handled here too, with textual-serve's public ``AppService``
API, so that a tab is closed when its app ends, however it ends. That handler speaks the
message protocol of textual-serve 1.1.3's page script (``static/js/textual.js``), as its
own ``Server.handle_websocket`` does: that is why pyproject pins this exact version. So
does ``tab_environment``, the variables its ``AppService`` gives a tab's app, which the warm
start (``serve_warm``) needs before any tab opens.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import re
from importlib.metadata import version
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSMsgType, web
from aiohttp.typedefs import Handler
from aiohttp.web_runner import GracefulExit
from textual_serve.app_service import AppService
from textual_serve.server import Server
from yarl import URL

from convocoach.cli.output import say
from convocoach.cli.room_gate import Gate
from convocoach.cli.serve_net import browser_url, is_loopback

CLOSE_SECONDS = 10
"""How long Ctrl+C waits for the tabs' apps to end (each is told to quit, its process then
reports back through the warm start's launcher): a second Ctrl+C stops at once."""

# textual-serve's own logger: a failing tab is reported as textual-serve reports it.
log = logging.getLogger("textual-serve")


class TabApp(AppService):
    """One browser tab's app process."""

    async def run(self) -> None:
        await super().run()
        # textual-serve closes the tab only when the app says it is exiting. One that ended
        # without saying so (it failed to start, or crashed) ends the tab's session too, so
        # the browser offers Restart instead of waiting forever.
        await self.remote_close()


class Room:
    """The app served to at most ``places`` browser tabs at once, each its own process."""

    def __init__(
        self,
        command: str,
        host: str,
        port: int,
        public_url: str | None,
        places: int,
        gate: Gate | None = None,
    ) -> None:
        self.server = Server(
            command, host=host, port=port, title="convocoach", public_url=public_url
        )
        self.host = host
        self.port = port
        self.public_url = public_url
        self.places = places
        self.open_tabs: set[asyncio.Task[Any]] = set()
        self.loopback = is_loopback(host)
        self.public = URL(public_url) if public_url else None
        self.allowed_origins = {str(self.public.origin())} if self.public else set()
        # A workshop's door: who may come in, and which app each tab runs.
        self.gate = gate

    @property
    def command(self) -> str:
        """The shell command that starts a tab's app."""
        return self.server.command

    @command.setter
    def command(self, command: str) -> None:
        self.server.command = command

    def serve(self) -> None:
        """Listen until Ctrl+C or SIGTERM; OSError when the address cannot be listened on."""
        # One line per request would bury the address to open; problems still show.
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
        url = browser_url(self.host, self.port, self.public_url)
        # A second Ctrl+C while the tabs close: stop at once, as asked, and quietly.
        with contextlib.suppress(GracefulExit, KeyboardInterrupt):
            web.run_app(
                self.web_app(),
                host=self.host,
                port=self.port,
                access_log=None,
                shutdown_timeout=5,
                print=lambda *_: say(
                    self.gate.announce(url)
                    if self.gate
                    else f"convocoach is served at {url}\n"
                    "Open it in a web browser; every tab runs its own copy of the app. "
                    "Press Ctrl+C to stop."
                ),
            )

    def web_app(self) -> web.Application:
        """textual-serve's handlers (and ours for the tabs) behind the room's middlewares."""
        door = [self.gate.middleware] if self.gate else []
        app = web.Application(
            middlewares=[self.same_origin_only, self.within_places, *door, self.no_folder_listing]
        )
        page = (self.server.templates_path / "app_index.html").read_text(encoding="utf-8")
        aiohttp_jinja2.setup(app, loader=jinja2.DictLoader({"app_index.html": offline_page(page)}))
        # handle_index links to the websocket and to the static files by these route names.
        app.add_routes(
            [
                web.get("/", self.index, name="index"),
                web.get("/ws", self.tab, name="websocket"),
                web.get("/download/{key}", self.server.handle_download, name="download"),
                web.static("/static", self.server.statics_path, name="static"),
            ]
        )
        if self.gate:
            app.add_routes(self.gate.routes())
        app.on_shutdown.append(self.close_tabs)
        app.on_cleanup.append(_collect_closed_tabs)
        return app

    async def index(self, request: web.Request) -> web.StreamResponse:
        """The page that runs the app's terminal in the browser."""
        if not self.public_url:
            # The page tells the browser where the websocket is: the address it came in
            # by, which for --host 0.0.0.0 is not HOST.
            self.server.public_url = f"{request.scheme}://{request.host}"
        return await self.server.handle_index(request)

    async def tab(self, request: web.Request) -> web.WebSocketResponse:
        """One browser tab: its own app process, for as long as both last."""
        task = asyncio.current_task()
        assert task is not None
        self.open_tabs.add(task)
        try:
            return await self._run_tab(request)
        finally:
            self.open_tabs.discard(task)

    async def _run_tab(self, request: web.Request) -> web.WebSocketResponse:
        # As textual-serve 1.1.3's Server.handle_websocket, with a TabApp for the app.
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _number(request.query.get("width", "80"), 80)
        height = _number(request.query.get("height", "24"), 24)
        app: TabApp | None = None
        command = self.gate.command(request) if self.gate else self.server.command

        async def close() -> None:
            await websocket.close()

        try:
            await websocket.prepare(request)
            app = TabApp(
                command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.server.download_manager,
                debug=self.server.debug,
            )
            await app.start(width, height)
            try:
                await _relay(websocket, app)
            finally:
                await app.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if app is not None:
                await app.stop()
        return websocket

    async def close_tabs(self, app: web.Application) -> None:
        """Ctrl+C: each open tab's app is told to quit instead of being waited for."""
        tabs = list(self.open_tabs)
        for task in tabs:
            task.cancel()
        # Then wait (a little) for their processes to end: one still running when the event
        # loop closes is collected after it, and Python prints a traceback for that.
        if tabs:
            await asyncio.wait(tabs, timeout=CLOSE_SECONDS)

    @web.middleware
    async def same_origin_only(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        # Any web page open in a browser here may script a websocket to this port, and a
        # rebound DNS name may reach it too: only the app's own page gets to drive the app.
        origin = request.headers.get("Origin")
        allowed = {f"http://{request.host}", f"https://{request.host}", *self.allowed_origins}
        name = request.url.host or ""
        public = self.public
        if (self.loopback and not is_loopback(name) and not (public and name == public.host)) or (
            origin is not None and origin not in allowed
        ):
            raise web.HTTPForbidden(text="convocoach: this address is not allowed here\n")
        return await handler(request)

    @web.middleware
    async def within_places(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        # Every tab is a process of its own: refuse politely before the machine runs out.
        if request.path in ("/", "/ws") and len(self.open_tabs) >= self.places:
            raise web.HTTPServiceUnavailable(text=self._full_page(), content_type="text/html")
        return await handler(request)

    @web.middleware
    async def no_folder_listing(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        # A folder of the static files is answered as if it were not there: neither listed
        # nor refused, which would tell that it exists.
        inside = request.path == "/static" or request.path.startswith("/static/")
        statics = self.server.statics_path
        if inside and (statics / request.path[len("/static/") :]).is_dir():
            raise web.HTTPNotFound()
        return await handler(request)

    def _full_page(self) -> str:
        return (
            "<!doctype html><meta charset=utf-8><title>convocoach: the room is full</title>"
            f"<p>All {self.places} places are taken. Try again when someone leaves, or ask "
            "the trainer to restart the server with a higher <code>--max-participants</code>."
            "</p>"
        )


async def _collect_closed_tabs(app: web.Application) -> None:
    """Free the ended tabs' process pipes while the event loop still runs.

    A tab's ``AppService`` is part of a reference cycle, so it is freed by the collector,
    not when its tab ends. Were that after the loop had closed, closing its pipes would
    print "Event loop is closed" tracebacks as the server stops.
    """
    gc.collect()


async def _relay(websocket: web.WebSocketResponse, app: AppService) -> None:
    """Pass what the browser sends on to the tab's app, until the browser is gone."""
    # The messages of textual-serve 1.1.3's page script, as its Server._process_messages
    # reads them.
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        envelope = message.json()
        if not isinstance(envelope, list):
            raise TypeError(f"not a message from the page: {envelope!r}")
        kind = envelope[0]
        if kind == "stdin":
            await app.send_bytes(envelope[1].encode("utf-8"))
        elif kind == "resize":
            await app.set_terminal_size(envelope[1]["width"], envelope[1]["height"])
        elif kind == "ping":
            await websocket.send_json(["pong", envelope[1]])
        elif kind == "blur":
            await app.blur()
        elif kind == "focus":
            await app.focus()


def tab_environment() -> dict[str, str]:
    """What textual-serve 1.1.3's AppService adds to each tab's environment, but its size.

    Textual reads these when it is imported, so a process that imports it for the tabs
    (the warm start's) must have them already.
    """
    return {
        "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
        "TEXTUAL_FPS": "60",
        "TEXTUAL_COLOR_SYSTEM": "truecolor",
        "TERM_PROGRAM": "textual",
        "TERM_PROGRAM_VERSION": version("textual-serve"),
    }


def _number(value: str, default: int) -> int:
    try:
        return int(value)
    except ValueError:
        return default


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
