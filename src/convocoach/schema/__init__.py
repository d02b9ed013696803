"""A small declarative schema for hand-written YAML files.

One definition drives three things, so they cannot drift apart: validation of a
YAML node tree (every problem, with line and column), construction of the typed
model, and the JSON Schema that editors use for completion.

Each key of a mapping is declared once, as a field of the dataclass it builds
(:func:`spec_field` on a :func:`spec_dataclass`); :meth:`Record.of` reads the keys from
there. The kinds of value are in ``scalars`` (text, choices, numbers), ``formatted``
(dates, times, weighed words), ``lists``, ``checked`` (an extra check), ``tagged`` (a
record picked by its ``kind:``) and ``record``; ``context`` collects the problems and
``document`` converts a whole file.
"""

from convocoach.schema.checked import Check, Checked
from convocoach.schema.conversion import INVALID, Conversion, did_you_mean, join
from convocoach.schema.document import convert_document, refuse_newer_format
from convocoach.schema.fields import Field, inline_field, spec_dataclass, spec_field
from convocoach.schema.formatted import EMAIL, Formatted, WeightLines
from convocoach.schema.lists import ListOf
from convocoach.schema.record import Record
from convocoach.schema.scalars import Choice, Integer, Number, Text
from convocoach.schema.spec import JsonSchema, Spec
from convocoach.schema.tagged import Tagged

__all__ = [
    "EMAIL",
    "INVALID",
    "Check",
    "Checked",
    "Choice",
    "Conversion",
    "Field",
    "Formatted",
    "Integer",
    "JsonSchema",
    "ListOf",
    "Number",
    "Record",
    "Spec",
    "Tagged",
    "Text",
    "WeightLines",
    "convert_document",
    "did_you_mean",
    "inline_field",
    "join",
    "refuse_newer_format",
    "spec_dataclass",
    "spec_field",
]
