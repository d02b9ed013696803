"""Where command output goes: stdout, or a file written atomically."""

from __future__ import annotations

import sys
from pathlib import Path

from convocoach.diagnostics import UserError


def emit(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` (atomically) or, when it is None or '-', to stdout."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return
    from convocoach.atomicfile import write_text_atomic

    try:
        write_text_atomic(output, text)
    except OSError as exc:
        raise UserError(f"cannot write {output}: {exc.strerror or exc}",
                        "check that the folder exists and that you can write to it") from None
    print(f"wrote {output}", file=sys.stderr)


def warn(text: str) -> None:
    print(text, file=sys.stderr)
