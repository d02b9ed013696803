"""Every command of ``convocoach``, in one table: its name, help, arguments and handler.

The parser is built from this table (``parser.py``) and a parsed command line carries the
entry it chose, so running a command is looking its handler up here.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from convocoach.cli import arguments as a

if TYPE_CHECKING:
    from convocoach.cli.context import CliContext

Handler = Callable[["CliContext", "Arguments"], int]
AddArguments = Callable[[argparse.ArgumentParser], None]


class Command(NamedTuple):
    """One command, or one action of a command family, and what runs it."""

    name: str
    help: str
    # "package.module:function", imported only when this command runs (see load_handler).
    # None for a family that runs only with one of its actions.
    handler: str | None = None
    arguments: AddArguments = a.no_arguments
    description: str | None = None
    actions: tuple[Command, ...] = ()


class Arguments(argparse.Namespace):
    """A parsed command line: the common options, and the table's entry for the command.

    Each command's own arguments are set by argparse, as attributes named after them.
    """

    def __init__(self) -> None:
        super().__init__()
        # The common options are parsed with SUPPRESS (see _common_options), so argparse
        # sets them only when given: their defaults are here instead.
        self.playbooks: list[Path] = []
        self.data_dir: Path | None = None
        self.config_dir: Path | None = None
        # Set by the chosen command's parser; None when no command is given (the app).
        self.command: Command | None = None


def load_handler(command: Command) -> Handler:
    """The function that runs ``command``, its module imported now."""
    # The one lazy-import boundary of the command line. Running a command imports its own
    # module, and what that imports, and no other command's: printing commands stay clear of
    # Textual and start fast, which is why the table names handlers by string. (`python -X
    # importtime` does not list a module imported here, only what that module imports.)
    if command.handler is None:
        raise LookupError(f"{command.name!r} runs only with one of its actions")
    module, _, function = command.handler.partition(":")
    handler: Handler = getattr(importlib.import_module(module), function)
    return handler


_PLAYBOOKS = "convocoach.cli.playbooks_cmd"
_SESSIONS = "convocoach.cli.sessions_cmd"
_PROFILE = "convocoach.cli.profile_cmd"
_WORKSHOP = "convocoach.cli.workshop_cmd"
_WORKSHOP_EXPORT = "convocoach.cli.workshop_export_cmd"
_LOCATE = "convocoach.cli.locate_cmd:cmd_locate"

COMMANDS: tuple[Command, ...] = (
    Command(
        "playbooks",
        "the playbook library",
        description="List, show, check and create playbooks.",
        actions=(
            Command(
                "list",
                "list playbooks and where each comes from",
                "convocoach.cli.playbooks_list_cmd:cmd_list",
                a.text_or_json,
            ),
            Command(
                "show",
                "show a playbook as a prep sheet",
                f"{_PLAYBOOKS}:cmd_show",
                a.playbooks_show,
            ),
            Command(
                "validate",
                "check playbook files (exit 2 if bad)",
                f"{_PLAYBOOKS}:cmd_validate",
                a.playbooks_validate,
            ),
            Command(
                "schema",
                "print the JSON Schema of the format",
                f"{_PLAYBOOKS}:cmd_schema",
                a.output_option,
            ),
            Command(
                "new",
                "write a commented starter playbook",
                f"{_PLAYBOOKS}:cmd_new",
                a.playbooks_new,
            ),
            Command(
                "preview",
                "open a playbook file in the app, reloaded whenever it is saved",
                "convocoach.cli.preview_cmd:cmd_preview",
                a.playbooks_preview,
            ),
            Command("locate", "print where convocoach keeps its files", _LOCATE, a.text_or_json),
        ),
    ),
    Command(
        "sessions",
        "your prepared sessions",
        description="List, show, export, import and delete sessions.",
        actions=(
            Command(
                "list", "list sessions, most recent first", f"{_SESSIONS}:cmd_list", a.text_or_json
            ),
            Command("show", "show one session", f"{_SESSIONS}:cmd_show", a.numbered),
            Command(
                "sheet",
                "the whole plan as a one-page prep sheet, to print",
                "convocoach.cli.sessions_sheet_cmd:cmd_sheet",
                a.numbered_page,
            ),
            Command(
                "export",
                "write a session to a file",
                f"{_SESSIONS}:cmd_export",
                a.sessions_export,
            ),
            Command(
                "import",
                "add a session from an exported file",
                f"{_SESSIONS}:cmd_import",
                a.sessions_import,
            ),
            Command("delete", "delete a session", f"{_SESSIONS}:cmd_delete", a.numbered),
            Command(
                "salvage",
                "replace a damaged database with what can still be read from it",
                f"{_SESSIONS}:cmd_salvage",
                description="Copy every row that can still be read from a damaged sessions "
                "database into a new one, put the new one in its place, and keep the "
                "damaged file beside it (sessions.db.damaged-DATE).",
            ),
        ),
    ),
    Command(
        "email",
        "render a session's follow-up email",
        "convocoach.cli.followup_cmd:cmd_email",
        a.email,
    ),
    Command(
        "demo",
        "print the id of a sample session to try things on",
        "convocoach.cli.demo_cmd:cmd_demo",
        a.demo,
    ),
    Command(
        "profile",
        "show your sender profile, or set one value",
        f"{_PROFILE}:cmd_profile_show",
        actions=(
            Command("show", "show the profile", f"{_PROFILE}:cmd_profile_show"),
            Command(
                "set",
                "set one value (KEY VALUE)",
                f"{_PROFILE}:cmd_profile_set",
                a.profile_set,
            ),
        ),
    ),
    Command(
        "check",
        "coach a reply or an email draft (exit 1 on a penalty)",
        "convocoach.cli.check_cmd:cmd_check",
        a.check,
        description="Score a reply (or a whole email draft) against the coaching rubric: per "
        "dimension pass, fail or n/a, with the words that matched and why. Exit code 1 when "
        "a penalty fires (with --strict, also when a reward is missed), 2 on bad input.",
    ),
    Command(
        "rehearse",
        "open the app straight into a role-play",
        "convocoach.cli.rehearse_cmd:cmd_rehearse",
        a.rehearse,
        description="Rehearse against a playbook's scripted client: in a practice session of "
        "its own (reused next time), or with --session, in one of your sessions.",
    ),
    Command(
        "workshop",
        "run a role-play workshop (opens the app)",
        f"{_WORKSHOP}:cmd_open",
        description="Run a role-play workshop: role cards, a round timer, role rotation and "
        "the observer's checklist. Without an action, opens the app on the workshop screen.",
        actions=(
            Command(
                "start",
                "plan a workshop and open it in the app",
                f"{_WORKSHOP}:cmd_start",
                a.workshop_start,
            ),
            Command(
                "cards",
                "write the role cards of playbooks, to print",
                f"{_WORKSHOP_EXPORT}:cmd_cards",
                a.workshop_cards,
            ),
            Command(
                "list",
                "list workshops, most recent first",
                f"{_WORKSHOP}:cmd_list",
                a.text_or_json,
            ),
            Command(
                "facilitate",
                "the facilitator's view of a room: every group, one clock (opens the app)",
                f"{_WORKSHOP}:cmd_facilitate",
                a.numbered,
            ),
            Command(
                "join",
                "a participant's own app in a served room (serve --workshop runs it)",
                f"{_WORKSHOP}:cmd_join",
                a.workshop_join,
            ),
            Command(
                "export",
                "write a workshop's debrief (every round, tallies per person)",
                f"{_WORKSHOP_EXPORT}:cmd_export",
                a.numbered_page,
            ),
            Command(
                "handouts",
                "write a handout for each person (their rounds, good ticks and watch-outs)",
                f"{_WORKSHOP_EXPORT}:cmd_handouts",
                a.numbered_page,
            ),
        ),
    ),
    Command(
        "serve",
        "serve the app to web browsers (a room of participants)",
        "convocoach.cli.serve_cmd:cmd_serve",
        a.serve,
        description="Run the app in web browsers: each browser tab gets its own app process. "
        "Needs the 'serve' extra: pip install 'convocoach[serve]'.",
    ),
    Command(
        "due",
        "what is overdue or due today (for a shell prompt or cron)",
        "convocoach.cli.due_cmd:cmd_due",
        a.due,
        description="List the follow-up emails past their send-by time, the open next steps "
        "and the check-ins that are overdue or due today, one line each, most overdue first. "
        "Prints nothing (exit 0) when nothing is due; --format json prints a list.",
    ),
    Command("locate", "print where convocoach keeps its files", _LOCATE, a.text_or_json),
    Command(
        "clients",
        "your clients: every conversation with each, and what is still open",
        "convocoach.cli.clients_cmd:cmd_list",
        a.text_or_json,
        description="List your clients (the same person and company across sessions), or "
        "export one client's history: every conversation with its outcome and next steps "
        "(md), the next steps for a spreadsheet or CRM (csv), or the dated next steps as "
        "calendar to-dos (ics).",
        actions=(
            Command(
                "list",
                "list clients, numbered, with their conversations and open next steps",
                "convocoach.cli.clients_cmd:cmd_list",
                a.text_or_json,
            ),
            Command(
                "export",
                "write one client's history (md), next steps (csv) or to-dos (ics)",
                "convocoach.cli.clients_export_cmd:cmd_export",
                a.clients_export,
            ),
        ),
    ),
)
