"""The lean named tuple is the one ``typing.NamedTuple`` makes, without importing typing."""

from __future__ import annotations

import pickle
import typing

import pytest

from convocoach import named_tuple
from convocoach.diagnostics import Problem


def _declare(base: type) -> type:
    class Point(base):  # type: ignore[misc]
        """A point, with a label."""

        x: int
        y: int
        label: str = "origin"
        """What the point is."""

        def moved(self, by: int) -> tuple[int, int]:
            return (self.x + by, self.y + by)

    return Point


def test_the_same_class_as_typings() -> None:
    ours, theirs = _declare(named_tuple.NamedTuple), _declare(typing.NamedTuple)
    for attribute in ("_fields", "_field_defaults", "__doc__", "__module__", "__qualname__"):
        assert getattr(ours, attribute) == getattr(theirs, attribute), attribute
    assert ours.__mro__[1:] == (tuple, object)
    a, b = ours(1, 2), theirs(1, 2)
    assert (a == b, hash(a) == hash(b), repr(a) == repr(b)) == (True, True, True)
    assert a.moved(1) == (2, 3)
    assert a._replace(label="home")._asdict() == {"x": 1, "y": 2, "label": "home"}


def test_a_field_without_a_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError):

        class Bad(named_tuple.NamedTuple):
            x: int = 0
            y: int


def test_the_tuples_own_names_are_not_overwritten() -> None:
    with pytest.raises(AttributeError, match="_asdict"):

        class Bad(named_tuple.NamedTuple):
            x: int

            def _asdict(self) -> dict[str, object]:
                return {}


def test_a_problem_pickles_and_sorts_as_a_tuple() -> None:
    problem = Problem("f.yaml", 3, 1, "", "bad", "fix it", "schema")
    assert pickle.loads(pickle.dumps(problem)) == problem
    assert sorted([problem, problem._replace(line=1)])[0].line == 1
