"""Which folder is the user's config, data or cache folder, as plain strings.

A setting on the command line wins over an environment variable over the XDG rule. This is
the part of :class:`convocoach.locations.Locations` that ``convocoach due`` needs, kept free
of pathlib so a shell prompt's command starts without it; ``Locations`` builds on it.
"""

from __future__ import annotations

import os
import posixpath
import sys
from collections.abc import Mapping

APP_NAME = "convocoach"
SETTINGS_FILE = "settings.yaml"
DATABASE_FILE = "sessions.db"

_VARIABLES = {
    "config": "CONVOCOACH_CONFIG_DIR",
    "data": "CONVOCOACH_DATA_DIR",
    "cache": "CONVOCOACH_CACHE_DIR",
}
_XDG_HOMES = {
    "config": ("XDG_CONFIG_HOME", ".config"),
    "data": ("XDG_DATA_HOME", ".local/share"),
    "cache": ("XDG_CACHE_HOME", ".cache"),
}


def user_dir(kind: str, env: Mapping[str, str], given: str | None = None) -> str | None:
    """The ``kind`` folder ("config", "data" or "cache"): ``given``, else its environment
    variable, else the XDG rule; None when only platformdirs can tell."""
    if given is not None:
        return given
    value = env.get(_VARIABLES[kind], "").strip()
    return os.path.expanduser(value) if value else xdg_user_dir(kind)


def xdg_user_dir(kind: str) -> str | None:
    """convocoach's ``kind`` folder by the XDG base directory rule, on Linux, as platformdirs
    gives it there (a test compares the two); None elsewhere, or when HOME is not a plain
    absolute path: platformdirs decides then."""
    if sys.platform != "linux":
        return None
    variable, default = _XDG_HOMES[kind]
    value = os.environ.get(variable, "")
    if posixpath.isabs(value):
        return posixpath.join(value, APP_NAME)
    home = os.environ.get("HOME", "")
    return posixpath.join(home, default, APP_NAME) if posixpath.isabs(home) else None
