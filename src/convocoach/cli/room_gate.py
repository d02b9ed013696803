"""The door of a served workshop, in the web server: codes in, a cookie out, and for each
browser tab the command of whoever holds that cookie.

Nothing but the static files is answered without the room code (on the join page), the
facilitator's key, or the cookie one of them gave. A code is never written anywhere: the
server logs no requests, and no page, header or error repeats what was typed.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from aiohttp import web
from aiohttp.typedefs import Handler

from convocoach.cli.room_door import Door, NotOnList, Pass, SeatTaken, client_of
from convocoach.cli.room_pages import (
    NEEDS_LINK,
    OPENING,
    TOO_MANY,
    WRONG_CODE,
    join_page,
    seat_taken_page,
    seats_page,
)

COOKIE = "convocoach-room"
_OPEN_PATHS = ("/join", "/facilitator")


class Gate:
    """The door's web side: ``middleware`` in front of every route, plus its own routes."""

    def __init__(
        self,
        door: Door,
        title: str,
        command_for: Callable[[Pass], str],
        *,
        secure: bool = False,
    ) -> None:
        self.door = door
        self.title = title
        self.command_for = command_for
        self.secure = secure  # cookies for https only, when the public address is https

    def routes(self) -> list[web.RouteDef]:
        return [
            web.post("/join", self.join),
            web.get("/facilitator", self.facilitator),
            web.get("/seats", self.seats),
            web.post("/seats", self.free_seat),
        ]

    def announce(self, url: str) -> str:
        """What the trainer reads when the server is up: the two links, each for whom."""
        return (
            f"convocoach serves workshop {self.door.workshop_id} ({self.title}) at {url}\n"
            f"Participants join at:  {url}/?room={self.door.code}\n"
            f"    (or open {url} and ask for the room code {self.door.code})\n"
            f"The facilitator's link (keep it to yourself; it opens your own data):\n"
            f"    {url}/facilitator?key={self.door.key}\n"
            f"    (then {url}/seats lists who has joined, and frees a seat)\n"
            "These codes last until the server stops: a restart makes new ones. "
            "Press Ctrl+C to stop."
        )

    def command(self, request: web.Request) -> str:
        """The app the request's cookie entitles it to; 403 for none."""
        passed = self.door.pass_for(request.cookies.get(COOKIE))
        if passed is None:
            raise web.HTTPForbidden(text="convocoach: join the room first\n")
        return self.command_for(passed)

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        path = request.path
        if path == "/static" or path.startswith("/static/") or path in _OPEN_PATHS:
            response = await handler(request)
        elif path == "/" and "room" in request.query:
            response = self._join_form(request)
        elif self.door.pass_for(request.cookies.get(COOKIE)) is None:
            if path == "/ws":
                raise web.HTTPForbidden(text="convocoach: join the room first\n")
            raise _page(web.HTTPForbidden, NEEDS_LINK)
        else:
            response = await handler(request)
        # The room code can sit in the address: no page of the room tells it to another
        # site, is kept in a cache or is framed by another page.
        if not response.prepared:
            response.headers["Referrer-Policy"] = "no-referrer"
            response.headers["Cache-Control"] = "no-store"
            response.headers["X-Frame-Options"] = "DENY"
        return response

    def _join_form(self, request: web.Request) -> web.Response:
        self._check(request, self.door.right_code(request.query.get("room")))
        return _html(join_page(self.title, self.door.roster, self.door.code))

    async def join(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        code, name = form.get("room"), form.get("name") or form.get("typed")
        self._check(request, isinstance(code, str) and self.door.right_code(code))
        if not isinstance(name, str) or not name.strip():
            return _html(
                join_page(self.title, self.door.roster, self.door.code, "Pick your name."), 400
            )
        holder = request.cookies.get(COOKIE)
        try:
            token = self.door.seat(name, holder)
        except NotOnList:
            problem = f"{name.strip()[:100]} is not on the list: pick your name, or ask."
            return _html(join_page(self.title, self.door.roster, self.door.code, problem), 403)
        except SeatTaken as taken:
            return _html(seat_taken_page(str(taken)), 409)
        return self._enter(token)

    async def facilitator(self, request: web.Request) -> web.StreamResponse:
        self._check(request, self.door.right_key(request.query.get("key")))
        # A page, not a redirect: a link followed from another site (a mail, a chat) would
        # carry its redirect's request without the SameSite=Strict cookie just set.
        response = _html(OPENING)
        self._give(response, self.door.facilitate(request.cookies.get(COOKIE)))
        return response

    async def seats(self, request: web.Request) -> web.StreamResponse:
        self._facilitator_only(request)
        return _html(seats_page(self.title, self.door.seated()))

    async def free_seat(self, request: web.Request) -> web.StreamResponse:
        self._facilitator_only(request)
        name = (await request.post()).get("name")
        if isinstance(name, str):
            self.door.free(name)
        return web.Response(status=303, headers={"Location": "/seats"})

    def _facilitator_only(self, request: web.Request) -> None:
        passed = self.door.pass_for(request.cookies.get(COOKIE))
        if passed is None or passed.role != "facilitator":
            raise _page(web.HTTPForbidden, NEEDS_LINK)

    def _check(self, request: web.Request, right: bool) -> None:
        """Refuse a wrong code, and any code at all from a client that has tried too many."""
        client = client_of(request.remote)
        wait = self.door.limiter.wait(client)
        if wait > 0:
            raise _page(web.HTTPTooManyRequests, TOO_MANY, {"Retry-After": str(math.ceil(wait))})
        if not right:
            self.door.limiter.failed(client)
            raise _page(web.HTTPForbidden, WRONG_CODE)
        self.door.limiter.succeeded(client)

    def _enter(self, token: str) -> web.StreamResponse:
        response = web.Response(status=303, headers={"Location": "/"})
        self._give(response, token)
        return response

    def _give(self, response: web.Response, token: str) -> None:
        response.set_cookie(
            COOKIE, token, path="/", httponly=True, samesite="Strict", secure=self.secure
        )


def _html(page: str, status: int = 200) -> web.Response:
    return web.Response(text=page, content_type="text/html", status=status)


def _page(
    kind: type[web.HTTPException], page: str, headers: dict[str, str] | None = None
) -> web.HTTPException:
    return kind(text=page, content_type="text/html", headers=headers)
