"""The command-line grammar. Handlers live in their own modules and are imported on use."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from convocoach import __version__
from convocoach.textsafety import visible

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

_FORMATS_SHOW = ("text", "md", "html")


class _Parser(argparse.ArgumentParser):
    """argparse quotes the words it did not understand back to the terminal: made visible()."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(visible(message), file)


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    # SUPPRESS lets these options sit before or after the subcommand.
    common.add_argument(
        "--playbooks",
        metavar="DIR",
        type=Path,
        action="append",
        default=argparse.SUPPRESS,
        help="also load playbooks from DIR (repeatable; wins over the others)",
    )
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="where sessions are stored (default: $CONVOCOACH_DATA_DIR or the user data folder)",
    )
    common.add_argument(
        "--config-dir",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="where settings, user playbooks and templates live (default: "
        "$CONVOCOACH_CONFIG_DIR or the user config folder)",
    )

    parser = _Parser(
        prog="convocoach",
        parents=[common],
        description="Prepare, rehearse and follow up a difficult client conversation. "
        "Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"convocoach {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    playbooks = commands.add_parser(
        "playbooks",
        parents=[common],
        help="the playbook library",
        description="List, show, check and create playbooks.",
    )
    pb = playbooks.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = pb.add_parser("list", parents=[common], help="list playbooks and where each comes from")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = pb.add_parser("show", parents=[common], help="show a playbook as a prep sheet")
    p.add_argument("playbook", metavar="ID|FILE", help="a playbook id, or a path to a file")
    p.add_argument("--format", choices=_FORMATS_SHOW, default="text")
    p.add_argument("-o", "--output", type=Path, metavar="PATH", help="write to PATH")

    p = pb.add_parser("validate", parents=[common], help="check playbook files (exit 2 if bad)")
    p.add_argument(
        "paths",
        metavar="PATH|ID",
        nargs="*",
        help="files, folders or playbook ids (default: every folder of the library)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = pb.add_parser("schema", parents=[common], help="print the JSON Schema of the format")
    p.add_argument("-o", "--output", type=Path, metavar="PATH", help="write to PATH")

    p = pb.add_parser("new", parents=[common], help="write a commented starter playbook")
    p.add_argument("id", help="the new playbook's id, like 'vendor-change'")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="PATH",
        help="write here (default: ID.yaml in your playbook folder)",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing file")

    p = pb.add_parser(
        "preview",
        parents=[common],
        help="open a playbook file in the app, reloaded whenever it is saved",
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the playbook file you are editing")

    p = pb.add_parser("locate", parents=[common], help="print where convocoach keeps its files")
    p.add_argument("--format", choices=("text", "json"), default="text")

    sessions = commands.add_parser(
        "sessions",
        parents=[common],
        help="your prepared sessions",
        description="List, show, export, import and delete sessions.",
    )
    ss = sessions.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = ss.add_parser("list", parents=[common], help="list sessions, most recent first")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p = ss.add_parser("show", parents=[common], help="show one session")
    p.add_argument("id", type=int)
    p = ss.add_parser(
        "sheet", parents=[common], help="the whole plan as a one-page prep sheet, to print"
    )
    p.add_argument("id", type=int)
    p.add_argument("--format", choices=("md", "html"), default="md")
    p.add_argument("-o", "--output", type=Path, metavar="PATH", help="write to PATH")
    p = ss.add_parser("export", parents=[common], help="write a session to a file")
    p.add_argument("id", type=int)
    p.add_argument("--format", choices=("yaml", "json", "md"), default="yaml")
    p.add_argument("-o", "--output", type=Path, metavar="PATH", help="write to PATH")
    p = ss.add_parser("import", parents=[common], help="add a session from an exported file")
    p.add_argument("file", type=Path)
    p.add_argument(
        "--replace",
        action="store_true",
        help="replace a session with the same uuid instead of refusing",
    )
    p = ss.add_parser("delete", parents=[common], help="delete a session")
    p.add_argument("id", type=int)
    ss.add_parser(
        "salvage",
        parents=[common],
        help="replace a damaged database with what can still be read from it",
        description="Copy every row that can still be read from a damaged sessions "
        "database into a new one, put the new one in its place, and keep the "
        "damaged file beside it (sessions.db.damaged-DATE).",
    )

    p = commands.add_parser("email", parents=[common], help="render a session's follow-up email")
    p.add_argument("id", type=int)
    p.add_argument("--format", choices=("md", "txt", "html", "eml", "ics"), default="md")
    p.add_argument("-o", "--output", type=Path, metavar="PATH", help="write to PATH")
    p.add_argument(
        "--template",
        metavar="NAME|PATH",
        help="standard, brief, formal, your own, or a file (default: the session's "
        "template, or its edited email if you edited it in the app)",
    )

    p = commands.add_parser(
        "demo", parents=[common], help="print the id of a sample session to try things on"
    )
    p.add_argument(
        "--new",
        action="store_true",
        help="make a fresh sample session even if one is already there",
    )

    profile = commands.add_parser(
        "profile", parents=[common], help="show your sender profile, or set one value"
    )
    pp = profile.add_subparsers(dest="profile_action", metavar="ACTION")
    pp.add_parser("show", parents=[common], help="show the profile")
    p = pp.add_parser("set", parents=[common], help="set one value (KEY VALUE)")
    p.add_argument("key")
    p.add_argument("value")

    p = commands.add_parser(
        "check",
        parents=[common],
        help="coach a reply or an email draft (exit 1 on a penalty)",
        description="Score a reply (or a whole email draft) against the coaching rubric: per "
        "dimension pass, fail or n/a, with the words that matched and why. Exit code 1 when "
        "a penalty fires (with --strict, also when a reward is missed), 2 on bad input.",
    )
    p.add_argument(
        "text",
        nargs="?",
        metavar="TEXT|FILE|-",
        help="the reply itself, a file holding it, or - for standard input",
    )
    p.add_argument(
        "--client-level",
        choices=("low", "medium", "high"),
        default="medium",
        help="the client's technical level; jargon rules are stricter for 'low' (default: medium)",
    )
    p.add_argument(
        "--client",
        metavar="LINE",
        help="the client's last line, so reflections of it can be recognised",
    )
    p.add_argument("--playbook", metavar="ID", help="add this playbook's phrases to avoid")
    p.add_argument(
        "--rubric",
        metavar="ID|FILE",
        help="a rubric from your rubrics folder, or a file (default: the bundled one)",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when any dimension fails, missed rewards included (a feeling "
        "not named, a next step with no when)",
    )
    p.add_argument(
        "--show-rubric",
        action="store_true",
        help="list the rubric's dimensions and rules instead of checking",
    )
    p.add_argument(
        "--schema",
        action="store_true",
        help="print the JSON Schema of the rubric format (for editors)",
    )

    p = commands.add_parser(
        "rehearse",
        parents=[common],
        help="open the app straight into a role-play",
        description="Rehearse against a playbook's scripted client: in a practice session of "
        "its own (reused next time), or with --session, in one of your sessions.",
    )
    p.add_argument(
        "playbook",
        nargs="?",
        metavar="PLAYBOOK",
        default="project-delays",
        help="the playbook whose client you face (default: project-delays)",
    )
    p.add_argument("--session", type=int, metavar="ID", help="rehearse this session instead")
    p.add_argument(
        "--no-live-feedback",
        action="store_true",
        help="no coach feedback while typing (each reply is still judged)",
    )
    p.add_argument(
        "--replies",
        metavar="FILE",
        help="play these replies without the app and print the transcript: a text "
        "file (one reply a line), a YAML list (.yaml), or - for standard input",
    )
    p.add_argument(
        "--format",
        choices=("md", "json"),
        default="md",
        help="the transcript's format with --replies (default: md)",
    )

    _add_workshop(commands, common)

    p = commands.add_parser(
        "serve",
        parents=[common],
        help="serve the app to web browsers (a room of participants)",
        description="Run the app in web browsers: each browser tab gets its own app process. "
        "Needs the 'serve' extra: pip install 'convocoach[serve]'.",
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only; "
        "0.0.0.0 exposes the app to the network)",
    )
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, when it differs from http://HOST:PORT",
    )
    p.add_argument(
        "--max-participants",
        type=int,
        metavar="N",
        help="browser tabs served at once; more are asked to wait (default: what "
        "this machine's free memory allows, 4 to 64)",
    )

    p = commands.add_parser(
        "locate", parents=[common], help="print where convocoach keeps its files"
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _add_workshop(commands: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    workshop = commands.add_parser(
        "workshop",
        parents=[common],
        help="run a role-play workshop (opens the app)",
        description="Run a role-play workshop: role cards, a round timer, role rotation and "
        "the observer's checklist. Without an action, opens the app on the workshop screen.",
    )
    ws = workshop.add_subparsers(dest="action", metavar="ACTION")
    p = ws.add_parser("start", parents=[common], help="plan a workshop and open it in the app")
    # Not "playbooks": that is the common --playbooks DIR option's name.
    p.add_argument(
        "scenarios",
        nargs="*",
        metavar="PLAYBOOK",
        help="playbook ids, one scenario per round in turn (default: project-delays)",
    )
    p.add_argument("--rounds", type=int, default=3, help="number of rounds (default: 3)")
    p.add_argument("--minutes", type=int, default=10, help="length of a round (default: 10)")
    p.add_argument(
        "--group",
        choices=("pairs", "triads"),
        default="triads",
        help="pairs, or triads with an observer (default: triads)",
    )
    p.add_argument(
        "--people",
        metavar="NAMES",
        help="comma-separated names of the group (default: A,B or A,B,C)",
    )
    p.add_argument("--title", help="the workshop's title")
    p = ws.add_parser("cards", parents=[common], help="write the role cards of playbooks, to print")
    p.add_argument("scenarios", nargs="+", metavar="PLAYBOOK", help="playbook ids or files")
    p.add_argument("--format", choices=("html", "md"), default="html")
    p.add_argument("-o", "--output", type=Path, metavar="PATH", help="write to PATH")
    p = ws.add_parser("list", parents=[common], help="list workshops, most recent first")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p = ws.add_parser(
        "export",
        parents=[common],
        help="write a workshop's debrief (every round, tallies per person)",
    )
    p.add_argument("id", type=int)
    p.add_argument("--format", choices=("md", "html"), default="md")
    p.add_argument("-o", "--output", type=Path, metavar="PATH", help="write to PATH")
