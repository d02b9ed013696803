"""What the launcher and the zygote say to each other over their UNIX socket.

The launcher sends one request (its argv, environment and working folder) with its stdin,
stdout and stderr attached as file descriptors; the zygote answers ``started PID`` once it
has forked, then ``exit CODE`` when that child ends, or ``refused REASON`` instead of
starting anything. Every message is a 4-byte length and its bytes. Only the standard
library's smallest modules are used: the launcher imports this before every app start.
"""

from __future__ import annotations

import os
import socket
import struct

STDIO = 3
"""The descriptors passed with a request: stdin, stdout, stderr."""

_LENGTH = struct.Struct(">I")
_LARGEST = 4 * 1024 * 1024  # an environment and argv, with room to spare


class ProtocolError(Exception):
    """The other side sent something that is not a message of this protocol."""


class Request:
    # Not a NamedTuple: importing typing would double the launcher's start-up time.
    __slots__ = ("argv", "cwd", "env")

    def __init__(self, argv: list[str], env: dict[str, str], cwd: str) -> None:
        self.argv = argv
        self.env = env
        self.cwd = cwd


def send_request(sock: socket.socket, request: Request, fds: list[int]) -> None:
    fields = [request.cwd, str(len(request.argv)), *request.argv]
    fields += [f"{key}={value}" for key, value in request.env.items()]
    payload = b"\0".join(os.fsencode(field) for field in fields)
    frame = _LENGTH.pack(len(payload)) + payload
    sent = socket.send_fds(sock, [frame], fds)
    sock.sendall(frame[sent:])


def receive_request(sock: socket.socket) -> tuple[Request, list[int]]:
    """The request and the descriptors that came with it (the caller closes them)."""
    data, fds, _flags, _address = socket.recv_fds(sock, 64 * 1024, STDIO)
    try:
        payload = _rest_of_frame(sock, data)
        fields = [os.fsdecode(field) for field in payload.split(b"\0")]
        count = int(fields[1])
        argv = fields[2 : 2 + count]
        env = dict(field.partition("=")[::2] for field in fields[2 + count :])
        if len(fds) != STDIO or len(argv) != count:
            raise ProtocolError("a request needs its argv and three descriptors")
        return Request(argv, env, fields[0]), fds
    except (ProtocolError, ValueError, IndexError):
        for fd in fds:
            os.close(fd)
        raise ProtocolError("not a request") from None


def send_reply(sock: socket.socket, kind: str, value: str) -> None:
    payload = f"{kind} {value}".encode()
    sock.sendall(_LENGTH.pack(len(payload)) + payload)


def receive_reply(sock: socket.socket) -> tuple[str, str] | None:
    """The next reply, or None when the zygote closed the connection."""
    try:
        payload = _rest_of_frame(sock, b"")
    except ProtocolError:
        return None
    kind, _, value = payload.decode(errors="replace").partition(" ")
    return kind, value


def _rest_of_frame(sock: socket.socket, data: bytes) -> bytes:
    """The frame that ``data`` starts, reading what is missing of it."""
    data = _read_up_to(sock, data, _LENGTH.size)
    (length,) = _LENGTH.unpack(data[: _LENGTH.size])
    if length > _LARGEST:
        raise ProtocolError("a message larger than any request")
    return _read_up_to(sock, data, _LENGTH.size + length)[_LENGTH.size :]


def _read_up_to(sock: socket.socket, data: bytes, size: int) -> bytes:
    while len(data) < size:
        more = sock.recv(size - len(data))
        if not more:
            raise ProtocolError("the connection ended inside a message")
        data += more
    return data
