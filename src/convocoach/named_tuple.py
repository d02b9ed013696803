"""``typing.NamedTuple``'s class syntax without importing typing.

Importing typing costs a shell prompt's ``convocoach due`` a sixth of its start (4.6 ms on
the benchmark machine). The few classes that command builds declare themselves with this
at run time and with ``typing.NamedTuple`` for the type checker::

    TYPE_CHECKING = False
    if TYPE_CHECKING:
        from typing import NamedTuple
    else:
        from convocoach.named_tuple import NamedTuple

The class made is the one typing makes: a ``collections.namedtuple`` whose fields are the
annotated names, in order, with their defaults, and with the class body's methods and
docstring (a test compares the two).
"""

from __future__ import annotations

import collections

_NAMEDTUPLE_OWN = frozenset(
    {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults"}
    | {"_make", "_replace", "_asdict", "_source"}
)
_NOT_COPIED = frozenset({"__name__", "__module__", "__annotations__", "__qualname__"})


class _NamedTupleMaker(type):
    def __new__(cls, name: str, bases: tuple[type, ...], namespace: dict[str, object]) -> type:
        if not bases:  # NamedTuple itself, below
            return super().__new__(cls, name, bases, namespace)
        if bases != (NamedTuple,):
            raise TypeError(f"{name} can only inherit from NamedTuple")
        annotations = namespace.get("__annotations__", {})
        assert isinstance(annotations, dict)
        fields = list(annotations)
        with_default = [field in namespace for field in fields]
        if with_default != sorted(with_default):
            raise TypeError(f"{name}: a field without a default follows one with a default")
        defaults = [namespace[field] for field in fields if field in namespace]
        module = str(namespace["__module__"])
        made = collections.namedtuple(name, fields, defaults=defaults, module=module)  # type: ignore[misc]
        made.__annotations__ = dict(annotations)
        made.__qualname__ = str(namespace.get("__qualname__", name))
        for key, value in namespace.items():
            if key in _NAMEDTUPLE_OWN:
                raise AttributeError(f"cannot overwrite the named tuple's {key}")
            if key not in _NOT_COPIED and key not in fields:
                setattr(made, key, value)
        return made


class NamedTuple(metaclass=_NamedTupleMaker):
    """The base a lean named tuple names; the classes made do not inherit from it."""
