"""``convocoach sessions ...``: list, show, export, import, delete and salvage."""

from __future__ import annotations

import argparse
import json

from convocoach.cli.context import CliContext
from convocoach.cli.output import aligned, emit, warn
from convocoach.diagnostics import UserError
from convocoach.sessions.fileformat import SESSION_MAX_BYTES, export_session, parse_session
from convocoach.sessions.lessons import LessonBook
from convocoach.sessions.rehearsals import RehearsalLog
from convocoach.sessions.salvage import salvage
from convocoach.sessions.summary_md import session_markdown
from convocoach.wording import counted
from convocoach.yamlsafe import read_limited


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.reader() as store:
        rows = store.list_sessions()
    if args.format == "json":
        emit(json.dumps([row._asdict() for row in rows], indent=2, ensure_ascii=False) + "\n", None)
        return 0
    if not rows:
        warn("no sessions yet; start one in the app ('convocoach') or run 'convocoach demo'")
        return 0
    table = [("ID", "TITLE", "CLIENT", "PLAYBOOK", "MEETING", "CHANGED")]
    table += [
        (
            str(r.id),
            r.title or "-",
            " / ".join(x for x in (r.client, r.company) if x) or "-",
            r.playbook_id,
            r.meeting_date or "-",
            r.updated_at[:16].replace("T", " "),
        )
        for r in rows
    ]
    emit(aligned(table), None)
    return 0


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.reader() as store:
        session = store.get(args.id)
    emit(session_markdown(session), None)
    return 0


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.reader() as store:
        session = store.get(args.id)
        rehearsals = RehearsalLog(store).history(args.id)
        lessons = LessonBook(store).of_session(args.id)
    if args.format == "md":
        emit(session_markdown(session), args.output)
        return 0
    text, left_out = export_session(session, args.format, rehearsals, lessons)
    emit(text, args.output)
    if left_out:
        warn(
            f"note: the {counted(left_out, 'oldest rehearsal')} of this session "
            f"{'is' if left_out == 1 else 'are'} not in the file, so that it stays within "
            "what 'sessions import' takes"
        )
    return 0


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    source = str(args.file)
    try:
        data = read_limited(args.file, SESSION_MAX_BYTES)
    except OSError as exc:
        raise UserError(f"cannot read {source}: {exc.strerror or exc}", "check the path") from None
    imported = parse_session(data, source)
    session = imported.session
    with ctx.store() as store:
        existing = store.find_uuid(session.uuid)
        if existing is not None and not args.replace:
            raise UserError(
                f"session {session.uuid} is already here (id {existing})",
                "add --replace to overwrite it, or delete it first",
            )
        log, book = RehearsalLog(store), LessonBook(store)

        def also(session_id: int) -> None:
            log.insert_rows(session_id, imported.rehearsals)
            book.insert_rows(session_id, imported.lessons)

        new_id = store.insert_session(session, replace=args.replace, also=also)
    warn(f"imported {source} as session {new_id}")
    return 0


def cmd_delete(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.store() as store:
        session = store.get(args.id)
        store.delete(args.id)
    warn(f"deleted session {args.id} ({session.title or 'untitled'})")
    return 0


def cmd_salvage(ctx: CliContext, args: argparse.Namespace) -> int:
    path = ctx.locations.database
    if not path.is_file():
        raise UserError(f"there is no database at {path}", "nothing to salvage")
    report = salvage(path)
    sessions = report.copied.get("sessions", 0)
    of = f" of {report.sessions_before}" if report.sessions_before is not None else ""
    rest = ", ".join(
        f"{n} {table.replace('_', ' ')}"
        for table, n in report.copied.items()
        if table != "sessions" and n
    )
    warn(
        f"salvaged {sessions}{of} sessions"
        + (f" ({rest})" if rest else "")
        + f" into {path}; the damaged file is kept as {report.kept_as}"
    )
    return 0
