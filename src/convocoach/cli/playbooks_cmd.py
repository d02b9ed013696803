"""``convocoach playbooks ...``: show, validate, schema and new (list: a module of its own)."""

from __future__ import annotations

import argparse
import difflib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from convocoach.cli.context import CliContext
from convocoach.cli.output import emit, say, warn
from convocoach.diagnostics import InvalidFile, UserError
from convocoach.htmlpage import markdown_to_html_page
from convocoach.playbooks.format import schema_text
from convocoach.playbooks.ids import SLUG
from convocoach.playbooks.library import (
    PLAYBOOK_SUFFIXES,
    playbook_paths,
    search_path,
)
from convocoach.playbooks.loader import load_playbook_file
from convocoach.playbooks.prepsheet import prep_sheet_markdown
from convocoach.playbooks.starter import SCHEMA_FILE_NAME, starter_playbook
from convocoach.rehearsal.flowchart import map_markdown, svg

if TYPE_CHECKING:
    from convocoach.playbooks.model import PlaybookFile

_MAP_CSS = ".map { overflow-x: auto; } .map svg { max-width: none; }\n"


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    loaded = find_playbook(ctx, args.playbook)
    markdown = prep_sheet_markdown(loaded.playbook)
    script = loaded.playbook.rehearsal
    if args.format == "html":
        after = ""
        if script is not None:
            after = (
                "<h2>The role-play as a map</h2>\n<p>Each box is something the client "
                "says; each arrow, what takes them there (and how their mood moves). "
                "Hover for the full line.</p>\n" + f'<div class="map">{svg(script)}</div>'
            )
        emit(markdown_to_html_page(markdown, loaded.playbook.title, after, _MAP_CSS), args.output)
        return 0
    if script is not None:
        markdown += map_markdown(script)
    if args.format == "md" or args.output is not None:
        emit(markdown, args.output)
    else:
        _print_markdown(markdown)
    return 0


def _print_markdown(markdown: str) -> None:
    # Rich renders Markdown structure only; outside text is never read as console markup.
    # Lazy: Rich (about 60 ms) only when a sheet is shown on the terminal, not written out.
    from rich.console import Console
    from rich.markdown import Markdown  # Lazy: as Console, above

    Console(highlight=False).print(Markdown(markdown, hyperlinks=False))


def find_playbook(ctx: CliContext, ref: str) -> PlaybookFile:
    """A playbook by id, or from a file when ``ref`` looks like a path."""
    as_path = Path(ref)
    if as_path.suffix in PLAYBOOK_SUFFIXES or "/" in ref or as_path.is_file():
        return load_playbook_file(as_path)
    found = ctx.library.get(ref)
    if found is not None:
        return found
    ids = sorted(ctx.library.playbooks)
    close = difflib.get_close_matches(ref, ids, n=1)
    hint = f"did you mean {close[0]!r}?" if close else "run 'convocoach playbooks list' to see ids"
    bad = [b for b in ctx.library.invalid if Path(b.file).stem == ref]
    if bad:
        hint = f"{bad[0].file} has problems; run 'convocoach playbooks validate {bad[0].file}'"
    raise UserError(f"no playbook with id {ref!r}", hint)


def cmd_validate(ctx: CliContext, args: argparse.Namespace) -> int:
    paths: list[Path] = []
    targets = [_validate_target(ctx, ref) for ref in args.paths] or [
        d.path for d in search_path(ctx.locations) if d.path.is_dir()
    ]
    for target in targets:
        paths.extend(playbook_paths(target) if target.is_dir() else [target])
    results: list[tuple[Path, InvalidFile | None]] = []
    for path in paths:
        problem: InvalidFile | None = None
        try:
            load_playbook_file(path)
        except InvalidFile as exc:
            problem = exc
        results.append((path, problem))
    bad = [failure for _, failure in results if failure is not None]
    if args.format == "json":
        report = [
            {
                "file": str(path),
                "valid": failure is None,
                "problems": [p.to_json() for p in failure.problems] if failure else [],
            }
            for path, failure in results
        ]
        emit(json.dumps(report, indent=2) + "\n", None)
    else:
        for path, failure in results:
            say(failure.format() if failure else f"{path}: ok")
        problems = sum(len(failure.problems) for failure in bad)
        summary = f"{len(results)} checked, {len(results) - len(bad)} valid"
        if bad:
            summary += f", {len(bad)} invalid ({problems} problem{'s' * (problems != 1)})"
        warn(summary)
    if not results:
        raise UserError("no playbook files found", "pass .yaml files or folders that hold them")
    return 2 if bad else 0


def _validate_target(ctx: CliContext, ref: str) -> Path:
    """A path as given, or, for a bare id or file name, the library file that would be used.

    Validating is for files that may not load, so this looks for the file itself rather
    than asking the library (which leaves out invalid playbooks).
    """
    as_path = Path(ref)
    if as_path.exists() or as_path.name != ref:
        return as_path
    stem = as_path.stem if as_path.suffix in PLAYBOOK_SUFFIXES else ref
    folders = [d.path for d in reversed(search_path(ctx.locations))]
    for folder in folders:
        for suffix in PLAYBOOK_SUFFIXES:
            if (folder / f"{stem}{suffix}").is_file():
                return folder / f"{stem}{suffix}"
    raise UserError(
        f"no playbook file or id {ref!r}",
        "give a path, or an id from 'convocoach playbooks list'; looked in "
        + ", ".join(str(f) for f in folders),
    )


def cmd_schema(ctx: CliContext, args: argparse.Namespace) -> int:
    emit(schema_text(), args.output)
    return 0


def cmd_new(ctx: CliContext, args: argparse.Namespace) -> int:
    if SLUG.fullmatch(args.id) is None:
        raise UserError(
            f"{args.id!r} is not a valid playbook id",
            "use lowercase letters, digits and single hyphens, like 'vendor-change'",
        )
    target: Path = args.output or ctx.locations.user_playbooks / f"{args.id}.yaml"
    if target.exists() and not args.force:
        raise UserError(f"{target} already exists", "choose another id or path, or add --force")
    emit(starter_playbook(args.id), target)
    schema_file = target.parent / SCHEMA_FILE_NAME
    schema = schema_text()
    if not schema_file.exists() or schema_file.read_text(encoding="utf-8") != schema:
        emit(schema, schema_file)
    existing = ctx.library.get(args.id)
    if existing is not None and existing.path.resolve() != target.resolve():
        warn(f"note: this replaces the {existing.origin} playbook {args.id!r} ({existing.path})")
    check = args.id if args.output is None else target
    warn(f"next: edit {target}, then run 'convocoach playbooks validate {check}'")
    return 0
