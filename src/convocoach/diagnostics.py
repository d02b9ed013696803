"""Problems found in a user's file, reported the way linters do: file, line, column, fix."""

from __future__ import annotations

from collections.abc import Iterable

TYPE_CHECKING = False  # typing costs a shell prompt's "convocoach due" a sixth of its start
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from convocoach.named_tuple import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with a file, with where it is and how to fix it.

    ``line`` and ``column`` are 1-based; ``path`` is the field path inside the
    document (``prepare.options[1].name``), empty for problems with the file itself.
    """

    file: str
    line: int
    column: int
    path: str
    message: str
    fix: str
    rule: str

    def format(self) -> str:
        where = f" [{self.path}]" if self.path else ""
        text = f"{self.file}:{self.line}:{self.column}: error: {self.message}{where} ({self.rule})"
        if self.fix:
            text += f"\n    fix: {self.fix}"
        return text

    def to_json(self) -> dict[str, object]:
        return self._asdict()


class InvalidFile(Exception):
    """A file that could not be used, with every problem found in it."""

    def __init__(self, file: str, problems: Iterable[Problem]) -> None:
        self.file = file
        self.problems = tuple(sorted(problems, key=lambda p: (p.line, p.column)))
        super().__init__(self.format())

    def format(self) -> str:
        return "\n".join(problem.format() for problem in self.problems)


class UserError(Exception):
    """A mistake the user can fix (bad argument, missing file); shown without a traceback."""

    def __init__(self, message: str, fix: str = "") -> None:
        self.message = message
        self.fix = fix
        super().__init__(message)

    def format(self) -> str:
        return f"error: {self.message}" + (f"\n    fix: {self.fix}" if self.fix else "")
