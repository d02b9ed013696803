"""Every place convocoach reads or writes, in one module (see ``convocoach playbooks locate``)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from convocoach import folders
from convocoach.folders import APP_NAME

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_folder(name: str) -> Path:
    """A folder shipped with convocoach (playbooks, templates, rubrics), installed or not."""
    # An installed wheel carries the folder inside the package; a checkout (and an
    # editable install) has it at the top of the repository.
    inside = _PACKAGE_DIR / f"{name}_bundled"
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent.parent / name


def _split_dirs(value: str | None) -> tuple[Path, ...]:
    if not value:
        return ()
    return tuple(Path(part).expanduser() for part in value.split(os.pathsep) if part.strip())


class Locations(NamedTuple):
    """Resolved folders for one run; built once from the environment and the command line."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path
    bundled_playbooks: Path
    bundled_templates: Path
    env_playbook_dirs: tuple[Path, ...] = ()
    option_playbook_dirs: tuple[Path, ...] = ()

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str] | None = None,
        *,
        data_dir: Path | None = None,
        config_dir: Path | None = None,
        playbook_dirs: Sequence[Path] = (),
    ) -> Locations:
        """Resolve folders: command-line values win over environment variables over defaults."""
        env = os.environ if env is None else env
        config_dir = config_dir or _user_dir("config", env)
        data_dir = data_dir or _user_dir("data", env)
        cache_dir = _user_dir("cache", env)
        if config_dir is None or data_dir is None or cache_dir is None:
            # Lazy: platformdirs only when a folder has neither a setting nor the plain XDG
            # rule (another system, no usable HOME): a shell prompt's "convocoach due" on
            # Linux starts without it (it costs a quarter of that command's start).
            import platformdirs

            config_dir = config_dir or platformdirs.user_config_path(APP_NAME, appauthor=False)
            data_dir = data_dir or platformdirs.user_data_path(APP_NAME, appauthor=False)
            cache_dir = cache_dir or platformdirs.user_cache_path(APP_NAME, appauthor=False)
        return cls(
            config_dir=config_dir,
            data_dir=data_dir,
            cache_dir=cache_dir,
            bundled_playbooks=bundled_folder("playbooks"),
            bundled_templates=bundled_folder("templates"),
            env_playbook_dirs=_split_dirs(env.get("CONVOCOACH_PLAYBOOKS")),
            option_playbook_dirs=tuple(playbook_dirs),
        )

    @property
    def user_playbooks(self) -> Path:
        return self.config_dir / "playbooks"

    @property
    def user_templates(self) -> Path:
        return self.config_dir / "templates"

    @property
    def bundled_rubrics(self) -> Path:
        return bundled_folder("rubrics")

    @property
    def user_rubrics(self) -> Path:
        """Trainers' own rubrics; ``convocoach check --rubric ID`` finds them here."""
        return self.config_dir / "rubrics"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / folders.SETTINGS_FILE

    @property
    def preferences_file(self) -> Path:
        return self.config_dir / "preferences.json"

    @property
    def database(self) -> Path:
        return self.data_dir / folders.DATABASE_FILE


def xdg_user_dir(kind: str) -> Path | None:
    """:func:`convocoach.folders.xdg_user_dir` as a path."""
    found = folders.xdg_user_dir(kind)
    return None if found is None else Path(found)


def _user_dir(kind: str, env: Mapping[str, str]) -> Path | None:
    found = folders.user_dir(kind, env)
    return None if found is None else Path(found)
