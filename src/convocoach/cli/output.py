"""Where command output goes: stdout, or a file written atomically.

Every text the command line prints passes through :func:`visible`, here: the output of a
command, its messages and its errors may all hold text from a file, a file name or the user.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from convocoach.diagnostics import UserError
from convocoach.textsafety import visible

TYPE_CHECKING = False  # typing costs a shell prompt's "convocoach due" a sixth of its start
if TYPE_CHECKING:
    from pathlib import Path


def emit(content: str | bytes, output: Path | None) -> None:
    """Write ``content`` to ``output`` (atomically) or, when it is None or '-', to stdout."""
    if output is None or str(output) == "-":
        text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
        sys.stdout.flush()
        sys.stdout.buffer.write(visible(text).encode("utf-8"))
        sys.stdout.flush()
        return
    data = content.encode("utf-8") if isinstance(content, str) else content
    # Lazy: tempfile (through atomicfile) only when writing a file; most commands print.
    from convocoach.atomicfile import NotARegularFile, write_bytes_atomic

    try:
        write_bytes_atomic(output, data)
    except NotARegularFile as exc:
        raise UserError(
            f"will not write {output}: {exc.strerror}",
            "give the path of a regular file, or - for standard output",
        ) from None
    except OSError as exc:
        raise UserError(
            f"cannot write {output}: {exc.strerror or exc}",
            "check that the folder exists and that you can write to it",
        ) from None
    warn(f"wrote {output}")


def say(text: str) -> None:
    """One line (or more) on stdout."""
    print(visible(text))


def warn(text: str) -> None:
    """Messages for the person at the terminal, on stderr."""
    print(visible(text), file=sys.stderr)


def aligned(rows: Sequence[tuple[str, ...]]) -> str:
    """``rows`` (a heading first) as text in columns, two spaces apart."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() + "\n"
        for row in rows
    )
