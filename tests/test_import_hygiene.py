"""The core never imports Textual, and listing playbooks stays light."""

from __future__ import annotations

import json
import os
import subprocess
import sys

CORE_MODULES = [
    "convocoach.schema",
    "convocoach.yamlsafe",
    "convocoach.diagnostics",
    "convocoach.locations",
    "convocoach.atomicfile",
    "convocoach.markdown_text",
    "convocoach.htmlpage",
    "convocoach.playbooks.format",
    "convocoach.playbooks.loader",
    "convocoach.playbooks.library",
    "convocoach.playbooks.summary",
    "convocoach.playbooks.prepsheet",
    "convocoach.playbooks.starter",
    "convocoach.cli",
    "convocoach.cli.playbooks_cmd",
    "convocoach.cli.locate_cmd",
]


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
    loaded = _modules_after("\n".join(f"import {m}" for m in CORE_MODULES))
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


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
