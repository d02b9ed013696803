"""Each key of a file is declared once, on the dataclass it builds: every record reads its
keys, their order and their defaults from its model, and nothing else lists them."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest

from convocoach.coach.format import RUBRIC
from convocoach.playbooks.format import PLAYBOOK
from convocoach.profile import PROFILE
from convocoach.schema import Checked, ListOf, Record, Spec, Tagged
from convocoach.sessions.fileformat import SESSION
from tests.conftest import REPO

SRC = REPO / "src" / "convocoach"


def records(spec: Spec[object], seen: set[int] | None = None) -> Iterator[Record[object]]:
    """``spec`` and every record below it, once each."""
    seen = set() if seen is None else seen
    if isinstance(spec, Checked):
        yield from records(spec.inner, seen)
    elif isinstance(spec, ListOf):
        yield from records(spec.item, seen)
    elif isinstance(spec, Tagged):
        for variant in spec.variants.values():
            yield from records(variant, seen)
    elif isinstance(spec, Record) and id(spec) not in seen:
        seen.add(id(spec))
        yield spec
        for field in spec.fields:
            yield from records(field.spec, seen)


ALL = [r for top in (PLAYBOOK, RUBRIC, SESSION, PROFILE) for r in records(top)]


def file_keys(model: type) -> list[str]:
    """The keys ``model`` declares, in its own order; an inline field brings its model's."""
    keys: list[str] = []
    for field in dataclasses.fields(model):
        declared = field.metadata.get("convocoach.schema")
        if declared is None:
            continue
        inline = getattr(declared, "model", None)
        keys += file_keys(inline) if inline is not None else [field.name]
    return keys


def test_the_formats_have_every_record() -> None:
    assert len(ALL) == len({r.model for r in ALL}) == 52


@pytest.mark.parametrize("record", ALL, ids=lambda r: r.model.__name__)
def test_a_records_keys_are_its_models_fields_in_order(record: Record[object]) -> None:
    assert [f.name for f in record.fields] == file_keys(record.model)


@pytest.mark.parametrize("record", ALL, ids=lambda r: r.model.__name__)
def test_an_optional_key_defaults_to_its_models_default(record: Record[object]) -> None:
    for field in dataclasses.fields(record.model):
        if field.default is dataclasses.MISSING or field.name not in record.by_name:
            continue
        assert record.by_name[field.name].default_value() == field.default, field.name


@pytest.mark.parametrize("record", ALL, ids=lambda r: r.model.__name__)
def test_a_field_that_is_not_a_key_has_a_default(record: Record[object]) -> None:
    for field in dataclasses.fields(record.model):
        if "convocoach.schema" not in field.metadata:
            assert field.default is not dataclasses.MISSING, field.name


def test_a_model_that_is_not_a_dataclass_of_keys_is_refused() -> None:
    @dataclasses.dataclass(frozen=True)
    class Learned:
        seen: int

    with pytest.raises(TypeError, match="seen is not in the file"):
        Record.of(Learned, "Learned", "A field that is not a key, without a default.")


def test_every_record_is_made_from_its_model() -> None:
    # Record(...) with a list of fields would be a second declaration of the model's keys.
    found = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.parent.name != "schema" and re.search(r"\bRecord\(", path.read_text("utf-8"))
    ]
    assert found == []
