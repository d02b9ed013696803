"""On Linux the folders follow the XDG rule without platformdirs, exactly as it gives them."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from convocoach.folders import APP_NAME
from convocoach.locations import xdg_user_dir

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the XDG rule is Linux's")

KINDS = {
    "config": (platformdirs.user_config_path, "XDG_CONFIG_HOME"),
    "data": (platformdirs.user_data_path, "XDG_DATA_HOME"),
    "cache": (platformdirs.user_cache_path, "XDG_CACHE_HOME"),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("xdg", [None, "", "relative/dir", "/srv/xdg", "/srv/xdg/"])
@pytest.mark.parametrize("home", [None, "", "relative", "/home/dana", "/home/dana/", "/"])
def test_the_xdg_rule_gives_what_platformdirs_gives(
    kind: str, xdg: str | None, home: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    library, variable = KINDS[kind]
    for name, value in ((variable, xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    ours = xdg_user_dir(kind)
    if ours is None:  # left to platformdirs: only without a plain absolute HOME
        assert not (home or "").startswith("/")
        return
    assert ours == library(APP_NAME, appauthor=False)
    assert isinstance(ours, Path)
