"""``convocoach playbooks list``: every playbook, from the summary cache.

A module of its own, so that listing imports neither PyYAML nor the playbook model when the
cache is warm (see ``playbooks/summary.py``).
"""

from __future__ import annotations

import argparse
import json

from convocoach.cli.context import CliContext
from convocoach.cli.output import emit, warn
from convocoach.playbooks.library import Library
from convocoach.playbooks.summary import PlaybookSummary

_ORIGIN_LABEL = {
    "bundled": "bundled",
    "user": "user",
    "env": "$CONVOCOACH_PLAYBOOKS",
    "option": "--playbooks",
}


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    library = ctx.summaries()
    files = library.sorted()
    if args.format == "json":
        rows = [
            {
                "id": f.id,
                "title": f.title,
                "tags": list(f.tags),
                "origin": f.origin,
                "path": str(f.path),
                "overrides": [str(h.path) for h in library.overrides(f.id)],
            }
            for f in files
        ]
        invalid = [p.to_json() for bad in library.invalid for p in bad.problems]
        emit(json.dumps({"playbooks": rows, "problems": invalid}, indent=2) + "\n", None)
        return 0
    rows_text = [(f.id, f.title, _source_label(library, f), str(f.path)) for f in files]
    header = ("ID", "TITLE", "SOURCE", "FILE")
    widths = [max(len(r[i]) for r in [header, *rows_text]) for i in range(3)]
    lines = [
        "  ".join(cell.ljust(widths[i]) if i < 3 else cell for i, cell in enumerate(row))
        for row in [header, *rows_text]
    ]
    emit("\n".join(lines) + "\n", None)
    if library.invalid:
        warn("\n" + library.invalid_report())
    return 0


def _source_label(library: Library[PlaybookSummary], entry: PlaybookSummary) -> str:
    label = _ORIGIN_LABEL[entry.origin]
    hidden = library.overrides(entry.id)
    if hidden:
        label += " (overrides " + ", ".join(sorted({_ORIGIN_LABEL[h.origin] for h in hidden})) + ")"
    return label
