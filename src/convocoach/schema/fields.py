"""The keys of a file's mapping, declared once, on the model they build.

Each key is a field of a frozen dataclass, declared with :func:`spec_field`: its type, the
kind of value it is read from (a :class:`Spec`), its description, whether it must be
written, its default and an example. :class:`~convocoach.schema.record.Record` reads the
keys, their order and their defaults from there, and builds the dataclass itself.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, NamedTuple, TypeVar, overload

from convocoach.schema.spec import Spec

if TYPE_CHECKING:
    from _typeshed import DataclassInstance
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: object) -> Callable[[object], object]:
        # Only type checkers read it (Python 3.10's typing has no dataclass_transform).
        return lambda decorated: decorated


T = TypeVar("T")
C = TypeVar("C")
D = TypeVar("D", bound="DataclassInstance")
_KEY: Final = "convocoach.schema"


class _NoDefault(enum.Enum):
    NO_DEFAULT = "NO_DEFAULT"


NO_DEFAULT: Final = _NoDefault.NO_DEFAULT
"""An optional key that was given no default takes its kind's empty value."""


class Field:
    """A key of a :class:`~convocoach.schema.record.Record`."""

    __slots__ = (
        "default",
        "description",
        "example",
        "name",
        "required",
        "spec",
    )

    def __init__(
        self,
        name: str,
        spec: Spec[object],
        description: str,
        required: bool = False,
        default: object = NO_DEFAULT,
        example: object = None,
    ) -> None:
        self.name = name
        self.spec = spec
        self.description = description
        self.required = required
        self.default = default
        self.example = example

    def default_value(self) -> object:
        return self.spec.empty() if self.default is NO_DEFAULT else self.default


class _Declared(NamedTuple):
    """What :func:`spec_field` keeps in a dataclass field's metadata."""

    spec: Spec[object]
    description: str
    required: bool
    example: object


class _Inline(NamedTuple):
    """What :func:`inline_field` keeps: the dataclass whose keys are written in its place."""

    model: type[DataclassInstance]


@overload
def spec_field(
    spec: Spec[T], description: str, *, required: bool = False, example: object = None
) -> T: ...


@overload
def spec_field(spec: Spec[T], description: str, *, default: T, example: object = None) -> T: ...


def spec_field(
    spec: Spec[T],
    description: str,
    *,
    required: bool = False,
    default: T | _NoDefault = NO_DEFAULT,
    example: object = None,
) -> T:
    """A key of the file: read as ``spec``, described for editors and the docs.

    A ``required`` key must be written; an optional one takes ``default`` when absent, which
    is the model's default too (without one, it takes ``spec``'s empty value, and the model
    has no default for it). ``example`` is shown in the JSON Schema and the docs.
    """
    metadata = {_KEY: _Declared(spec, description, required, example)}
    field: T
    if isinstance(default, _NoDefault):
        field = dataclasses.field(metadata=metadata)
    else:
        field = dataclasses.field(default=default, metadata=metadata)
    return field


def inline_field(model: type[D]) -> D:
    """A ``model`` whose keys are written at this level, in this place, not under a key."""
    field: D = dataclasses.field(metadata={_KEY: _Inline(model)})
    return field


@overload
def spec_dataclass(cls: type[C], /) -> type[C]: ...


@overload
def spec_dataclass(*, kw_only: bool = False) -> Callable[[type[C]], type[C]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(spec_field, inline_field))
def spec_dataclass(
    cls: type[C] | None = None, /, *, kw_only: bool = False
) -> type[C] | Callable[[type[C]], type[C]]:
    """A frozen dataclass with slots, whose fields are declared with :func:`spec_field`.

    ``dataclass_transform`` tells type checkers which of those fields have defaults;
    ``kw_only`` is for a model whose required keys follow keys with defaults.
    """

    def make(cls: type[C]) -> type[C]:
        return dataclasses.dataclass(frozen=True, slots=True, kw_only=kw_only)(cls)

    return make if cls is None else make(cls)


def keys_of(model: type[D]) -> tuple[tuple[Field, ...], Callable[..., D]]:
    """The keys ``model`` declares, in order, and what builds it from their values.

    A field without :func:`spec_field` is not written in the file (a database id, what is
    learned after loading); it must have a default.
    """
    fields: list[Field] = []
    inline: list[tuple[str, tuple[str, ...], Callable[..., object]]] = []
    for field in dataclasses.fields(model):
        declared = field.metadata.get(_KEY)
        if isinstance(declared, _Inline):
            inner, build_inner = keys_of(declared.model)
            fields.extend(inner)
            inline.append((field.name, tuple(f.name for f in inner), build_inner))
        elif isinstance(declared, _Declared):
            default = NO_DEFAULT if field.default is dataclasses.MISSING else field.default
            fields.append(
                Field(
                    field.name,
                    declared.spec,
                    declared.description,
                    declared.required,
                    default,
                    declared.example,
                )
            )
        elif (
            field.init
            and field.default is dataclasses.MISSING
            and field.default_factory is dataclasses.MISSING
        ):
            raise TypeError(f"{model.__name__}.{field.name} is not in the file: give it a default")
    if not inline:
        return tuple(fields), model

    def build(**values: object) -> D:
        for name, names, build_inner in inline:
            values[name] = build_inner(**{n: values.pop(n) for n in names})
        return model(**values)

    return tuple(fields), build
