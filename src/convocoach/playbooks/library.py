"""The playbook library: every folder on the search path merged, later folders winning.

The merge works on anything that has an id, so ``list`` can run on cached summaries
while the app and ``show`` use fully loaded playbooks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from convocoach.diagnostics import InvalidFile, Problem

if TYPE_CHECKING:
    from typing import Protocol

    from convocoach.locations import Locations
    from convocoach.playbooks.model import Origin

    class Identified(Protocol):
        @property
        def id(self) -> str: ...
        @property
        def title(self) -> str: ...
        @property
        def path(self) -> Path: ...
        @property
        def origin(self) -> Origin: ...


PLAYBOOK_SUFFIXES = (".yaml", ".yml")

T = TypeVar("T", bound="Identified")


class SearchDir(NamedTuple):
    path: Path
    origin: Origin


class Library(Generic[T]):
    """Valid playbooks by id, the ones they override, and the files that could not be used."""

    __slots__ = ("invalid", "playbooks", "shadowed")

    def __init__(self) -> None:
        self.playbooks: dict[str, T] = {}
        self.shadowed: list[tuple[T, T]] = []
        """(hidden, winner): a valid playbook hidden by one with the same id later on."""
        self.invalid: list[InvalidFile] = []

    def get(self, playbook_id: str) -> T | None:
        return self.playbooks.get(playbook_id)

    def title_of(self, playbook_id: str) -> str:
        """The playbook's title, or its id when it is not in the library (any more)."""
        found = self.playbooks.get(playbook_id)
        return found.title if found is not None else playbook_id

    def sorted(self) -> list[T]:
        """Playbooks in title order, as lists show them."""
        return sorted(self.playbooks.values(), key=lambda f: f.title.casefold())

    def invalid_report(self) -> str:
        """Every file that could not be used, with its problems; empty when there are none."""
        if not self.invalid:
            return ""
        count = len(self.invalid)
        lines = [f"{count} playbook file{'s' * (count != 1)} could not be used:"]
        return "\n".join(lines + [bad.format() for bad in self.invalid])

    def overrides(self, playbook_id: str) -> list[T]:
        """The playbooks hidden by the one that won ``playbook_id``."""
        return [hidden for hidden, winner in self.shadowed if winner.id == playbook_id]


def search_path(locations: Locations) -> list[SearchDir]:
    """Folders in increasing priority: bundled, user, $CONVOCOACH_PLAYBOOKS, --playbooks."""
    dirs = [
        SearchDir(locations.bundled_playbooks, "bundled"),
        SearchDir(locations.user_playbooks, "user"),
    ]
    dirs += [SearchDir(p, "env") for p in locations.env_playbook_dirs]
    dirs += [SearchDir(p, "option") for p in locations.option_playbook_dirs]
    return dirs


def playbook_paths(folder: Path) -> list[Path]:
    """The playbook files directly inside ``folder``, in name order."""
    try:
        return sorted(
            p
            for p in folder.iterdir()
            if p.suffix in PLAYBOOK_SUFFIXES and not p.name.startswith(".")
        )
    except (FileNotFoundError, NotADirectoryError):
        return []


def load_library(dirs: Iterable[SearchDir], load: Callable[[Path, Origin], T]) -> Library[T]:
    """Load every playbook on the path; a bad file is recorded and never hides the others."""
    library: Library[T] = Library()
    for search_dir in dirs:
        if search_dir.origin in ("env", "option") and not search_dir.path.is_dir():
            library.invalid.append(_missing_folder(search_dir))
            continue
        in_this_dir: dict[str, T] = {}
        for path in playbook_paths(search_dir.path):
            try:
                loaded = load(path, search_dir.origin)
            except InvalidFile as exc:
                library.invalid.append(exc)
                continue
            twin = in_this_dir.get(loaded.id)
            if twin is not None:
                library.invalid.append(_same_folder_twin(loaded, twin))
                continue
            in_this_dir[loaded.id] = loaded
            previous = library.playbooks.get(loaded.id)
            if previous is not None:
                library.shadowed.append((previous, loaded))
            library.playbooks[loaded.id] = loaded
    return library


def _missing_folder(search_dir: SearchDir) -> InvalidFile:
    where = "$CONVOCOACH_PLAYBOOKS" if search_dir.origin == "env" else "--playbooks"
    source = str(search_dir.path)
    problem = Problem(
        source,
        1,
        1,
        "",
        f"playbook folder from {where} does not exist",
        "create it or fix the path",
        "no-folder",
    )
    return InvalidFile(source, [problem])


def _same_folder_twin(loaded: Identified, twin: Identified) -> InvalidFile:
    source = str(loaded.path)
    line = _line_of_key(loaded.path, "id")
    return InvalidFile(
        source,
        [
            Problem(
                source,
                line,
                1,
                "id",
                f"id {loaded.id!r} is already used by {twin.path.name} in the same folder",
                "give one of them another id",
                "duplicate-id",
            )
        ],
    )


def _line_of_key(path: Path, key: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 1)
