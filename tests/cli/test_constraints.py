"""constraints.txt pins every dependency pyproject.toml names, inside the range it allows."""

from __future__ import annotations

import re
import sys

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    tomllib = pytest.importorskip("tomli")


def declared() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        names += extra
    # A requirement for other Pythons only ("...; python_version < '3.11'") is not this one's.
    requirements = [Requirement(text) for text in names]
    return [r for r in requirements if r.marker is None or r.marker.evaluate()]


def pins_for_this_python() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        spec, _, marker = line.partition(";")
        if marker and not Marker(marker).evaluate():
            continue
        name, version = re.split(r"==", spec.strip())
        assert canonicalize_name(name) not in pins, f"{name} is pinned twice for this Python"
        pins[canonicalize_name(name)] = version
    return pins


def test_every_declared_dependency_is_pinned_within_its_range() -> None:
    pins = pins_for_this_python()
    stale = [
        f"{req.name}: pinned {pins.get(canonicalize_name(req.name))}, pyproject {req}"
        for req in declared()
        if canonicalize_name(req.name) not in pins
        or not req.specifier.contains(pins[canonicalize_name(req.name)], prereleases=True)
    ]
    assert not stale, (
        "constraints.txt is out of step with pyproject.toml (run make lock): " + "; ".join(stale)
    )
