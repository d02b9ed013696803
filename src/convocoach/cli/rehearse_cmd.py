"""``convocoach rehearse``: straight into a role-play, for a session or a playbook."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from convocoach.cli.context import CliContext
from convocoach.cli.output import emit
from convocoach.coach.reader import reader_for
from convocoach.diagnostics import UserError
from convocoach.playbooks.coaching import coach_for
from convocoach.profile import load_profile
from convocoach.rehearsal.debrief import debrief_markdown
from convocoach.rehearsal.headless import play, read_replies, transcript_data
from convocoach.sessions.casting import cast
from convocoach.yamlsafe import MAX_BYTES, read_limited

if TYPE_CHECKING:
    from convocoach.sessions.model import Session

PRACTICE = "Practice: "


def cmd_rehearse(ctx: CliContext, args: argparse.Namespace) -> int:
    store = ctx.store()
    session: Session | None = None
    if args.session:
        session = store.get(args.session)
        playbook_id, session_id = session.playbook_id, args.session
    else:
        playbook_id, session_id = args.playbook, 0
    if args.replies is not None:
        store.close()
        return _play(ctx, playbook_id, args.replies, args.format, session)
    loaded = ctx.playbook(playbook_id)
    if loaded is None:
        raise UserError(
            f"no playbook {playbook_id!r}", "see the ids with 'convocoach playbooks list'"
        )
    if loaded.playbook.rehearsal is None:
        raise UserError(
            f"the playbook {playbook_id!r} has no role-play",
            "pick one with a 'rehearsal' section (every bundled playbook has one)",
        )
    if not session_id:
        # One practice session per playbook, reused: practising should not fill the list.
        title = PRACTICE + loaded.title
        session_id = store.find_titled(playbook_id, title) or store.create(
            playbook_id, loaded.digest, title
        )
    store.close()
    gc.disable()  # as for the app itself: see app_cmd
    # Lazy: Textual and the app only once the collector is off, as in app_cmd
    from convocoach.tui.app import make_app

    app = make_app(
        ctx.locations, rehearse_session=session_id, live_feedback=not args.no_live_feedback
    )
    app.run()
    return app.return_code or 0


def _play(ctx: CliContext, playbook_id: str, given: str, form: str, session: Session | None) -> int:
    """Play the replies in ``given`` through the playbook's role-play (with the session's
    client in the persona's place, knowing its case) and print the transcript."""
    loaded = ctx.playbook(playbook_id)
    if loaded is None:
        raise UserError(
            f"no playbook {playbook_id!r}", "see the ids with 'convocoach playbooks list'"
        )
    script = loaded.playbook.rehearsal
    if script is None:
        raise UserError(
            f"the playbook {playbook_id!r} has no role-play",
            "pick one with a 'rehearsal' section (every bundled playbook has one)",
        )
    if session is not None:
        script = cast(script, session.client, session.case)
    if given == "-":
        # One byte over the limit is enough for read_replies to refuse it, with its size.
        data, source = sys.stdin.buffer.read(MAX_BYTES + 1), "standard input"
    else:
        try:
            data = read_limited(Path(given))
        except OSError as exc:
            raise UserError(
                f"cannot read {given}: {exc.strerror or exc}",
                "give the path of a text or YAML file of replies",
            ) from None
        source = given
    coach = coach_for(loaded.playbook)
    # The session's client reads the replies as a second language when theirs is not ours.
    reader = (
        reader_for(session.client.language, load_profile(ctx.locations.settings_file).language)
        if session is not None
        else "native"
    )
    played = play(script, coach, read_replies(data, source), reader)
    if form == "json":
        data_out = {"playbook": playbook_id, **transcript_data(script, played)}
        emit(json.dumps(data_out, indent=2, ensure_ascii=False) + "\n", None)
        return 0
    text = debrief_markdown(loaded.title, script, played.state, coach.rubric)
    if played.unplayed:
        text += (
            f"\n{played.unplayed} more repl{'y was' if played.unplayed == 1 else 'ies were'}"
            " not played: the conversation had ended.\n"
        )
    emit(text, None)
    return 0
