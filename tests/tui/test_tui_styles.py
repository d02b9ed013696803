"""Screens and steps take their look from .tcss files beside their code, scoped to themselves.

A screen's CSS_PATH file, once the screen has opened, styles the whole app for as long as it
runs (Textual never unloads it), so a rule that does not start with the screen's own type
would reach into every other screen; the same holds for the steps' files, which the session
screen loads.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path, PurePath
from types import ModuleType
from typing import Any, TypeVar

import pytest
from textual.app import App
from textual.css.model import SelectorType
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.screen import Screen

import convocoach.tui.dialogs
import convocoach.tui.screens
import convocoach.tui.steps
from convocoach.tui.app import ConvocoachApp
from convocoach.tui.screens.home import HomeScreen
from convocoach.tui.screens.session import PANES, SessionScreen
from convocoach.tui.steps.base import StepPane

N = TypeVar("N", bound=DOMNode)


def _classes_of(package: ModuleType, base: type[N]) -> list[type[N]]:
    found: list[type[N]] = []
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        found += [
            cls
            for cls in vars(module).values()
            if inspect.isclass(cls) and issubclass(cls, base) and cls.__module__ == module.__name__
        ]
    return found


SCREENS: list[type[Screen[Any]]] = [
    *_classes_of(convocoach.tui.screens, Screen),
    *_classes_of(convocoach.tui.dialogs, Screen),
]
STEP_WIDGETS = _classes_of(convocoach.tui.steps, DOMNode)
# The shared base and each step (a base that one step builds on, with no key, is neither).
STEPS = [
    cls
    for cls in _classes_of(convocoach.tui.steps, StepPane)
    if cls is StepPane or "step_key" in vars(cls)
]


def _beside(cls: type[DOMNode]) -> Path:
    return Path(inspect.getfile(cls)).with_suffix(".tcss").resolve()


def _css_paths(owner: type[Screen[Any]] | type[App[Any]]) -> list[Path]:
    """The files a screen (or the app) loads, resolved as Textual does: beside its module."""
    named = owner.CSS_PATH
    if named is None:
        return []
    listed = [named] if isinstance(named, (str, PurePath)) else named
    here = Path(inspect.getfile(owner)).parent
    return [(here / p).resolve() for p in listed]  # an absolute p stays as it is


def _first_types(path: Path) -> set[str]:
    """The type each selector of the file starts with ("" for one that starts otherwise)."""
    sheet = Stylesheet(variables=App().get_css_variables())
    sheet.read(path)
    sheet.parse()
    return {
        first.name if first.type == SelectorType.TYPE else ""
        for rule in sheet.rules
        for selectors in rule.selector_set
        for first in selectors.selectors[:1]
    }


def test_the_packages_hold_screens_and_steps() -> None:
    assert len(SCREENS) > 10
    assert len(STEPS) == len(PANES) + 1  # and StepPane


def test_the_app_reads_its_files_and_the_home_screens_at_start_up() -> None:
    paths = _css_paths(ConvocoachApp)
    assert all(path.is_file() for path in paths)
    assert _beside(HomeScreen) in paths


def test_every_stylesheet_beside_a_screen_or_step_is_loaded() -> None:
    loaded = {path for screen in SCREENS for path in _css_paths(screen)}
    for package in (convocoach.tui.screens, convocoach.tui.steps):
        for sheet in Path(package.__path__[0]).glob("*.tcss"):
            assert sheet.resolve() in loaded, f"no CSS_PATH names {sheet}"


@pytest.mark.parametrize("screen", SCREENS, ids=lambda cls: cls.__name__)
def test_a_screen_has_no_default_css_and_its_files_exist(screen: type[Screen[Any]]) -> None:
    assert "DEFAULT_CSS" not in vars(screen), f"{screen.__name__}: move it to its CSS_PATH file"
    for path in _css_paths(screen):
        assert path.is_file(), f"{screen.__name__} names {path}, which does not exist"


@pytest.mark.parametrize(
    "screen", [s for s in SCREENS if s.CSS_PATH is not None], ids=lambda cls: cls.__name__
)
def test_a_screen_file_styles_only_its_screen(screen: type[Screen[Any]]) -> None:
    own = _beside(screen)
    assert own in _css_paths(screen)
    assert _first_types(own) == {screen.__name__}


@pytest.mark.parametrize("widget", STEP_WIDGETS, ids=lambda cls: cls.__name__)
def test_a_step_module_has_no_default_css(widget: type[DOMNode]) -> None:
    assert "DEFAULT_CSS" not in vars(widget), f"{widget.__name__}: move it to the step's .tcss"


@pytest.mark.parametrize("step", STEPS, ids=lambda cls: cls.__name__)
def test_the_session_screen_loads_each_step_file_which_styles_only_its_step(
    step: type[StepPane],
) -> None:
    path = _beside(step)
    assert path in _css_paths(SessionScreen)
    assert _first_types(path) == {step.__name__}


def test_shared_step_rules_come_before_the_steps_own() -> None:
    # Loaded later, a step's rule wins over a shared one of the same specificity.
    paths = _css_paths(SessionScreen)
    shared = paths.index(_beside(StepPane))
    assert all(shared < paths.index(_beside(step)) for step in STEPS if step is not StepPane)
