"""The home screen paints before the session model, its schema and PyYAML have loaded: it
lists the sessions with the standard library alone (``sessions/session_rows.py``), and the
first session's summary, which needs the model, follows the first frame."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from convocoach.sessions.store import SessionStore

HEAVY = ("yaml", "convocoach.schema", "convocoach.sessions.model", "convocoach.sessions.store")

PROGRAM = """
import asyncio, sys
from pathlib import Path
from convocoach.locations import Locations
from convocoach.tui.app import make_app
from convocoach.tui.widgets import session_list

session_list.FIRST_DETAIL_AFTER = session_list.REST_AFTER = 3600.0  # the frame, then stop

async def main() -> None:
    home = Path(sys.argv[1])
    app = make_app(Locations.from_env(data_dir=home / "data", config_dir=home / "config"))
    async with app.run_test(size=(100, 30)) as pilot:
        listed = app.screen.query_one(session_list.SessionList).rows
        print(len(listed), sorted(set(sys.argv[2:]) & set(sys.modules)))
        app.screen.query_one(session_list.SessionList)._show_detail()
        print(sorted(set(sys.argv[2:]) & set(sys.modules)))

asyncio.run(main())
"""


def test_the_home_screen_lists_sessions_without_the_session_model(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.yaml").write_text("name: Sam\n", encoding="utf-8")
    with SessionStore.open(tmp_path / "data" / "sessions.db") as store:
        for n in range(3):
            store.create("project-delays", title=f"Session {n}")
    env = {**os.environ, "CONVOCOACH_CACHE_DIR": str(tmp_path / "cache")}
    # The first start fills the cache of the playbooks' summaries, as any earlier use does.
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", PROGRAM, str(tmp_path), *HEAVY],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env=env,
        ).stdout.splitlines()
    assert out[0] == "3 []"
    # The summary beside the list reads the session whole, with the model.
    assert out[1] == str(sorted(HEAVY))
