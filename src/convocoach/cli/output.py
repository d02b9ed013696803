"""Where command output goes: stdout, or a file written atomically."""

from __future__ import annotations

import sys
from pathlib import Path

from convocoach.diagnostics import UserError


def emit(content: str | bytes, output: Path | None) -> None:
    """Write ``content`` to ``output`` (atomically) or, when it is None or '-', to stdout."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if output is None or str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return
    from convocoach.atomicfile import write_bytes_atomic

    try:
        write_bytes_atomic(output, data)
    except OSError as exc:
        raise UserError(f"cannot write {output}: {exc.strerror or exc}",
                        "check that the folder exists and that you can write to it") from None
    print(f"wrote {output}", file=sys.stderr)


def warn(text: str) -> None:
    print(text, file=sys.stderr)
