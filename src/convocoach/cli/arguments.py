"""The arguments of each command, one function per command of the table in ``table.py``.

They live here rather than beside their handlers: every one of them is needed to parse a
command line, and reading them from the handlers' modules would import all of those (and
what they import) to run any single command.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from convocoach.followup.formats import FORMAT_NAMES
from convocoach.followup.language import LANGUAGES, REGISTERS

_FORMATS_SHOW = ("text", "md", "html")
_TEXT_OR_JSON = ("text", "json")


def no_arguments(parser: argparse.ArgumentParser) -> None:
    """A command that takes only the common options."""


def format_option(parser: argparse.ArgumentParser, *choices: str) -> None:
    """``--format``, defaulting to its first choice."""
    parser.add_argument("--format", choices=choices, default=choices[0])


def output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, metavar="PATH", help="write to PATH")


def text_or_json(parser: argparse.ArgumentParser) -> None:
    format_option(parser, *_TEXT_OR_JSON)


def numbered(parser: argparse.ArgumentParser) -> None:
    """The id of a session or a workshop."""
    parser.add_argument("id", type=int)


def numbered_page(parser: argparse.ArgumentParser) -> None:
    """A session's or a workshop's page, in Markdown or HTML."""
    numbered(parser)
    format_option(parser, "md", "html")
    output_option(parser)


def playbooks_show(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("playbook", metavar="ID|FILE", help="a playbook id, or a path to a file")
    format_option(parser, *_FORMATS_SHOW)
    output_option(parser)


def playbooks_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        metavar="PATH|ID",
        nargs="*",
        help="files, folders or playbook ids (default: every folder of the library)",
    )
    text_or_json(parser)


def playbooks_new(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the new playbook's id, like 'vendor-change'")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="PATH",
        help="write here (default: ID.yaml in your playbook folder)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def playbooks_preview(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the playbook file you are editing")


def sessions_export(parser: argparse.ArgumentParser) -> None:
    numbered(parser)
    format_option(parser, "yaml", "json", "md")
    output_option(parser)


def sessions_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument(
        "--replace",
        action="store_true",
        help="replace a session with the same uuid instead of refusing",
    )


def email(parser: argparse.ArgumentParser) -> None:
    numbered(parser)
    format_option(parser, *FORMAT_NAMES)
    output_option(parser)
    parser.add_argument(
        "--template",
        metavar="NAME|PATH",
        help="standard, brief, formal, your own, or a file (default: the session's "
        "template, or its edited email if you edited it in the app); with --checkin: "
        "checkin-standard (the default), checkin-brief, your own checkin-NAME, or a file",
    )
    parser.add_argument(
        "--checkin",
        action="store_true",
        help="the check-in email instead: progress on each next step since the last email "
        "(md, txt, html or eml)",
    )
    parser.add_argument(
        "--language",
        metavar="TAG",
        help=f"write the email in this language: {', '.join(LANGUAGES)} (default: the "
        "language chosen for the session in the app, else the client's language)",
    )
    parser.add_argument(
        "--register",
        choices=REGISTERS,
        help="how the email addresses the client (default: the session's, formal unless "
        "chosen in the app)",
    )
    sent = parser.add_mutually_exclusive_group()
    sent.add_argument(
        "--mark-sent",
        action="store_true",
        help="record that the follow-up went out (now, or --at) and say whether it was late",
    )
    sent.add_argument(
        "--mark-unsent", action="store_true", help="take back the follow-up's sent mark"
    )
    parser.add_argument(
        "--at",
        metavar="WHEN",
        help="with --mark-sent: when it went out, like 2026-11-24T15:10 (your profile's "
        "time zone) or with an offset",
    )


def demo(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--new",
        action="store_true",
        help="make a fresh sample session even if one is already there",
    )


def profile_set(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key")
    parser.add_argument("value")


def check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text",
        nargs="?",
        metavar="TEXT|FILE|-",
        help="the reply itself, a file holding it, or - for standard input",
    )
    parser.add_argument(
        "--client-level",
        choices=("low", "medium", "high"),
        default="medium",
        help="the client's technical level; jargon rules are stricter for 'low' (default: medium)",
    )
    parser.add_argument(
        "--client",
        metavar="LINE",
        help="the client's last line, so reflections of it can be recognised",
    )
    parser.add_argument(
        "--client-language",
        metavar="TAG",
        default="",
        help="the client's language (a tag like fr, pt-BR): when it is not yours, the reply "
        "is also checked for a second-language reader (idioms, negative questions, long "
        "sentences: the CLEAR dimension)",
    )
    parser.add_argument(
        "--my-language",
        metavar="TAG",
        help="your own language (default: the 'language' of your profile, or en)",
    )
    parser.add_argument("--playbook", metavar="ID", help="add this playbook's phrases to avoid")
    parser.add_argument(
        "--rubric",
        metavar="ID|FILE",
        help="a rubric from your rubrics folder, or a file (default: the bundled one)",
    )
    text_or_json(parser)
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when any dimension fails, missed rewards included (a feeling "
        "not named, a next step with no when)",
    )
    parser.add_argument(
        "--show-rubric",
        action="store_true",
        help="list the rubric's dimensions and rules instead of checking",
    )
    parser.add_argument(
        "--schema",
        action="store_true",
        help="print the JSON Schema of the rubric format (for editors)",
    )


def rehearse(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "playbook",
        nargs="?",
        metavar="PLAYBOOK",
        default="project-delays",
        help="the playbook whose client you face (default: project-delays)",
    )
    parser.add_argument("--session", type=int, metavar="ID", help="rehearse this session instead")
    parser.add_argument(
        "--no-live-feedback",
        action="store_true",
        help="no coach feedback while typing (each reply is still judged)",
    )
    parser.add_argument(
        "--replies",
        metavar="FILE",
        help="play these replies without the app and print the transcript: a text "
        "file (one reply a line), a YAML list (.yaml), or - for standard input",
    )
    parser.add_argument(
        "--format",
        choices=("md", "json"),
        default="md",
        help="the transcript's format with --replies (default: md)",
    )


def workshop_start(parser: argparse.ArgumentParser) -> None:
    # Not "playbooks": that is the common --playbooks DIR option's name.
    parser.add_argument(
        "scenarios",
        nargs="*",
        metavar="PLAYBOOK",
        help="playbook ids, one scenario per round in turn (default: project-delays)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="number of rounds (default: 3)")
    parser.add_argument("--minutes", type=int, default=10, help="length of a round (default: 10)")
    parser.add_argument(
        "--group",
        choices=("pairs", "triads"),
        default="triads",
        help="pairs, or triads with an observer (default: triads)",
    )
    parser.add_argument(
        "--people",
        metavar="NAMES",
        help="comma-separated names of everyone in the room, up to 30; they are split into "
        "groups in this order (default: A,B or A,B,C)",
    )
    parser.add_argument(
        "--leftover",
        choices=("mixed", "observer"),
        default="mixed",
        help="when the people do not divide evenly: mixed makes a triad among pairs or pairs "
        "among triads; observer adds the one left over to the last group as an extra "
        "observer (default: mixed)",
    )
    parser.add_argument(
        "--groups",
        metavar="GROUPS",
        help="your own groups instead: names separated by commas, groups by semicolons, like "
        '"Ana,Ben,Cy; Dee,Eli" (2 to 4 people each; a fourth observes every round)',
    )
    parser.add_argument("--title", help="the workshop's title")


def workshop_join(parser: argparse.ArgumentParser) -> None:
    numbered(parser)
    parser.add_argument(
        "--room",
        type=Path,
        required=True,
        metavar="FILE",
        help="the room's database: the trainer's sessions.db, where the workshop is",
    )
    parser.add_argument("--person", required=True, help="the participant's name, as listed")


def workshop_cards(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenarios", nargs="+", metavar="PLAYBOOK", help="playbook ids or files")
    format_option(parser, "html", "md")
    output_option(parser)


def serve(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only; "
        "0.0.0.0 exposes the app to the network)",
    )
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, when it differs from http://HOST:PORT",
    )
    parser.add_argument(
        "--max-participants",
        type=int,
        metavar="N",
        help="browser tabs served at once; more are asked to wait (default: what "
        "this machine's free memory allows, 4 to 64)",
    )
    parser.add_argument(
        "--workshop",
        type=int,
        metavar="ID",
        help="serve this workshop to its participants: each joins with the room code and "
        "their name, and works in a folder of their own; prints a separate link for the "
        "facilitator",
    )


def clients_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "client",
        metavar="CLIENT",
        help="the client's number in 'clients list', or their name or company (in part)",
    )
    format_option(parser, "md", "csv", "ics")
    output_option(parser)


def due(parser: argparse.ArgumentParser) -> None:
    text_or_json(parser)
    parser.add_argument(
        "--now",
        metavar="ISO-DATETIME",
        help="the time to ask at, like 2026-11-23T09:00+00:00 (without an offset: the "
        "sender's own zone; default: $CONVOCOACH_NOW, else now)",
    )
