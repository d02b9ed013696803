"""The core never imports Textual, and listing playbooks stays light."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO

UI = ("convocoach.tui", "convocoach.cli", "convocoach.__main__")
"""The app and the command line (which starts it); everything else is the core."""


def core_modules() -> list[str]:
    """Every module of the core, found on disk, so a new one is covered without a list."""
    source = REPO / "src"
    names = []
    for path in sorted((source / "convocoach").rglob("*.py")):
        name = ".".join(path.relative_to(source).with_suffix("").parts).removesuffix(".__init__")
        if not name.startswith(UI):
            names.append(name)
    return names


CORE_MODULES = core_modules()


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ.copy(),
    )
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_core_never_imports_textual() -> None:
    assert len(CORE_MODULES) > 80  # the search found the core
    assert "convocoach.sessions.store" in CORE_MODULES
    loaded = _modules_after("\n".join(f"import {m}" for m in CORE_MODULES))
    assert {m.split(".")[0] for m in loaded} >= {"convocoach"}
    assert not {m for m in loaded if m.split(".")[0] in ("textual", "rich", "textual_serve")}


def test_non_interactive_commands_do_not_import_textual() -> None:
    code = (
        "from convocoach.cli import main\n"
        "for argv in (['playbooks', 'list'], ['playbooks', 'validate'], ['locate'],\n"
        "             ['playbooks', 'show', 'project-delays', '--format', 'md'],\n"
        "             ['playbooks', 'schema']):\n"
        "    main(argv)"
    )
    loaded = _modules_after(code)
    assert "textual" not in loaded


def test_warm_list_does_not_even_import_yaml() -> None:
    code = "from convocoach.cli import main\nmain(['playbooks', 'list'])"
    _modules_after(code)  # fills the summary cache
    loaded = _modules_after(code)
    assert "yaml" not in loaded
    assert "convocoach.playbooks.loader" not in loaded
