"""The shape of the code base, checked: no import cycles, small files, imports at the top
(each exception saying why), and no contract between the app's parts that only a name in a
string holds (``getattr``), so a rename fails the type check, not a user. The layers
themselves are ``[tool.importlinter]`` in pyproject.toml."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import grimp
import pytest

from tests.conftest import REPO

SOURCE = REPO / "src" / "convocoach"
MAX_LINES = 400
LAZY = "# Lazy:"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    # Every import counts, also those inside functions or only for type checking.
    return grimp.build_graph("convocoach", cache_dir=None)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one node (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def package_of(module: str) -> str:
    """``convocoach.tui.screens.home`` -> ``convocoach.tui.screens``; a top-level module is
    its own package."""
    parts = module.split(".")
    depth = 3 if parts[1:2] == ["tui"] and len(parts) > 3 else 2
    return ".".join(parts[:depth])


def test_no_module_imports_itself_through_others(graph: grimp.ImportGraph) -> None:
    edges = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    assert cycles(edges) == []


def test_no_package_imports_itself_through_others(graph: grimp.ImportGraph) -> None:
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        for target in graph.find_modules_directly_imported_by(module):
            if package_of(module) != package_of(target):
                edges.setdefault(package_of(module), set()).add(package_of(target))
    assert cycles(edges) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_source_file_is_over_400_lines() -> None:
    long = {
        str(path.relative_to(SOURCE)): lines
        for path in SOURCE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def unexplained_lazy_imports(text: str, name: str) -> list[str]:
    """Each import inside a function of ``text`` without a ``# Lazy:`` comment saying why, on
    its own line or in the comment directly above it, as ``name:line: import``."""
    lines = text.splitlines()
    found: dict[int, str] = {}
    for function in ast.walk(ast.parse(text)):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            comment = [lines[n - 1] for n in range(node.lineno, (node.end_lineno or 0) + 1)]
            above = node.lineno - 2
            while above >= 0 and lines[above].lstrip().startswith("#"):
                comment.append(lines[above])
                above -= 1
            if not any(LAZY in line for line in comment):
                found[node.lineno] = f"{name}:{node.lineno}: {ast.unparse(node)}"
    return [found[line] for line in sorted(found)]


def test_every_import_inside_a_function_says_why_it_is_not_at_the_top() -> None:
    # Imports belong at the top of a module; one inside a function is a deliberate lazy load
    # (start-up time, an optional extra), and its comment says what it keeps out and of what.
    found = [
        problem
        for path in sorted(SOURCE.rglob("*.py"))
        for problem in unexplained_lazy_imports(
            path.read_text(encoding="utf-8"), str(path.relative_to(SOURCE))
        )
    ]
    assert found == []


def test_the_lazy_import_check_finds_unexplained_imports() -> None:
    text = (
        "import json\n\n\n"
        "def explained():\n"
        "    # Lazy: yaml only for this\n"
        "    # (a second line of the reason)\n"
        "    import yaml\n"
        "    from jinja2 import Template  # Lazy: as above\n\n\n"
        "def unexplained():\n"
        "    x = 1  # Lazy: a comment on another statement\n"
        "    import yaml\n\n"
        "    def inner():\n"
        "        from markdown_it import (\n"
        "            MarkdownIt,\n"
        "        )\n"
    )
    assert unexplained_lazy_imports(text, "m.py") == [
        "m.py:13: import yaml",
        "m.py:16: from markdown_it import MarkdownIt",
    ]


def _attribute_lookups_by_name(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "hasattr", "setattr")
        ):
            yield f"{path.relative_to(SOURCE)}:{node.lineno}: {ast.unparse(node)}"


ALLOWED = (
    # Data, not the app's parts: a dotted field of a session, a field of the profile.
    "tui/steps/situation.py",
    "tui/screens/profile_form.py",
    # The standard library's codecs module, on Pythons that have the function.
    "tui/support/input_decoding.py",
)


def test_no_app_screen_or_widget_is_reached_by_attribute_name() -> None:
    found = [
        lookup
        for path in sorted((SOURCE / "tui").rglob("*.py"))
        if str(path.relative_to(SOURCE)) not in ALLOWED
        for lookup in _attribute_lookups_by_name(path)
    ]
    assert found == []


HOLD_THE_WHOLE_CONTEXT = ("tui/app.py", "tui/support/app_base.py")


def test_only_the_app_holds_the_whole_context() -> None:
    """Screens, steps and widgets take the narrow context Protocol of ``tui/support/needs.py``
    that names what they use, never the ``AppContext`` with everything."""
    holders = sorted(
        str(path.relative_to(SOURCE))
        for path in (SOURCE / "tui").rglob("*.py")
        if any(
            isinstance(node, ast.Name) and node.id == "AppContext"
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    )
    assert holders == sorted(HOLD_THE_WHOLE_CONTEXT)
