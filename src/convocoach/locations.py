"""Every place convocoach reads or writes, in one module (see ``convocoach playbooks locate``)."""

from __future__ import annotations

import os
import posixpath
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

APP_NAME = "convocoach"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
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
        if config_dir is None:
            config_dir = _env_path(env, "CONVOCOACH_CONFIG_DIR")
        if data_dir is None:
            data_dir = _env_path(env, "CONVOCOACH_DATA_DIR")
        cache_dir = _env_path(env, "CONVOCOACH_CACHE_DIR")
        config_dir = config_dir or xdg_user_dir("config")
        data_dir = data_dir or xdg_user_dir("data")
        cache_dir = cache_dir or xdg_user_dir("cache")
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
            bundled_playbooks=_bundled("playbooks"),
            bundled_templates=_bundled("templates"),
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
        return _bundled("rubrics")

    @property
    def user_rubrics(self) -> Path:
        """Trainers' own rubrics; ``convocoach check --rubric ID`` finds them here."""
        return self.config_dir / "rubrics"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.yaml"

    @property
    def preferences_file(self) -> Path:
        return self.config_dir / "preferences.json"

    @property
    def database(self) -> Path:
        return self.data_dir / "sessions.db"


_XDG_HOMES = {
    "config": ("XDG_CONFIG_HOME", ".config"),
    "data": ("XDG_DATA_HOME", ".local/share"),
    "cache": ("XDG_CACHE_HOME", ".cache"),
}


def xdg_user_dir(kind: str) -> Path | None:
    """convocoach's ``kind`` folder by the XDG base directory rule, on Linux, as platformdirs
    gives it there (a test compares the two); None elsewhere, or when HOME is not a plain
    absolute path: platformdirs decides then."""
    if sys.platform != "linux":
        return None
    variable, default = _XDG_HOMES[kind]
    value = os.environ.get(variable, "")
    if posixpath.isabs(value):
        return Path(value, APP_NAME)
    home = os.environ.get("HOME", "")
    return Path(home, default, APP_NAME) if posixpath.isabs(home) else None


def _env_path(env: Mapping[str, str], name: str) -> Path | None:
    value = env.get(name, "").strip()
    return Path(value).expanduser() if value else None
