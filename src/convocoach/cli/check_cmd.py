"""``convocoach check``: lint a reply or an email draft against the coaching rubric."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from convocoach.cli.context import CliContext
from convocoach.cli.output import emit, say
from convocoach.coach.format import schema_text
from convocoach.coach.loader import find_rubric
from convocoach.coach.reader import READER_WORDS, reader_for
from convocoach.coach.report import json_report, text_report
from convocoach.coach.score import coach_for_rubric
from convocoach.diagnostics import UserError
from convocoach.playbooks.coaching import with_playbook

if TYPE_CHECKING:
    from convocoach.coach.model import Rubric

MAX_CHARS = 200_000


def cmd_check(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.schema:
        emit(schema_text(), None)
        return 0
    rubric = find_rubric(ctx.locations, args.rubric or "")
    if args.show_rubric:
        return _show_rubric(rubric)
    text = _read_input(args.text)
    if args.playbook:
        loaded = ctx.playbook(args.playbook)
        if loaded is None:
            raise UserError(
                f"no playbook {args.playbook!r}", "see the ids with 'convocoach playbooks list'"
            )
        rubric = with_playbook(rubric, loaded.playbook)
    reader = reader_for(args.client_language, _own_language(ctx, args))
    score = coach_for_rubric(rubric).score(text, args.client or "", args.client_level, reader)
    if args.format == "json":
        emit(json_report(score), None)
    else:
        # Not emit(): the report carries colour escapes of its own; its pieces of outside
        # text were made visible() as it was built.
        sys.stdout.write(text_report(score, colour=_colour()))
    # A missed reward is reported, not an error: only --strict counts it.
    failed = score.penalties or (args.strict and any(r.status == "fail" for r in score.results))
    return 1 if failed else 0


def _own_language(ctx: CliContext, args: argparse.Namespace) -> str:
    """--my-language, or else the profile's language when a client language is given (the
    settings file is read only then)."""
    if args.my_language is not None or not args.client_language.strip():
        return str(args.my_language or "en")
    # Lazy: the profile's YAML and time zones only when a client language asks for it.
    from convocoach.profile import load_profile

    return load_profile(ctx.locations.settings_file).language


def _read_input(given: str | None) -> str:
    if given is None:
        raise UserError(
            "nothing to check",
            "give the reply as text, a file, or '-' to read "
            'standard input: convocoach check "I hear you..."',
        )
    if given == "-":
        data = sys.stdin.buffer.read(MAX_CHARS * 4 + 1)
        source = "standard input"
    elif (path := _as_file(given)) is not None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(
                f"cannot read {path}: {exc.strerror or exc}", "check the file's permissions"
            ) from None
        source = str(path)
    else:
        return _checked(given, "the text given")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise UserError(
            f"{source}:{line}:{column}: not UTF-8 text (byte 0x{data[exc.start]:02x})",
            "save the file as UTF-8",
        ) from None
    return _checked(text, source)


def _as_file(given: str) -> Path | None:
    """``given`` as a file that exists, or None: then it is the reply itself.

    A long reply is no file name: asking the system about it fails with "File name too long"
    (and a NUL byte with ValueError); neither may stop it from being checked as text.
    """
    path = Path(given).expanduser()
    try:
        return path if path.is_file() else None
    except (OSError, ValueError):
        return None


def _checked(text: str, source: str) -> str:
    if not text.strip():
        raise UserError(f"{source} is empty", "give the reply or the draft to check")
    if len(text) > MAX_CHARS:
        raise UserError(
            f"{source} is {len(text):,} characters; the limit is {MAX_CHARS:,}",
            "check one reply or one email at a time",
        )
    return text


def _colour() -> bool:
    return (
        sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    )


def _show_rubric(rubric: Rubric) -> int:
    say(f"{rubric.title or rubric.id} ({rubric.id})")
    for dim in rubric.dimensions:
        say(f"\n{dim.code}  {dim.title}  [{dim.polarity}; when nothing matches: {dim.absent}]")
        if dim.why:
            say(f"  {dim.why}")
        for rule in dim.rules:
            levels = "" if len(rule.levels) == 3 else f" (client level: {', '.join(rule.levels)})"
            if len(rule.readers) == 1:
                levels += f" ({READER_WORDS[rule.readers[0]]} only)"
            kind = type(rule).__name__.lower()
            say(f"  - {rule.id}: {kind}{levels}: {rule.message}")
    return 0
