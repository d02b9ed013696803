"""Load one playbook file: safe YAML, then the format's checks; every problem reported at once."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from convocoach.diagnostics import InvalidFile, Problem
from convocoach.playbooks.format import FORMAT_VERSION, PLAYBOOK
from convocoach.playbooks.model import Origin, Playbook, PlaybookFile
from convocoach.schema import INVALID, convert_document
from convocoach.yamlsafe import MAX_BYTES, compose_bytes


def load_playbook_file(path: Path, origin: Origin = "option") -> PlaybookFile:
    """Read and validate ``path``; raise :class:`InvalidFile` with every problem found."""
    source = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InvalidFile(
            source,
            [Problem(source, 1, 1, "", f"cannot read the file: {exc.strerror or exc}",
                     "check that the path exists and is readable", "unreadable")],
        ) from None
    playbook = parse_playbook(data, source)
    return PlaybookFile(playbook, path, origin, hashlib.sha256(data).hexdigest())


def parse_playbook(data: bytes, source: str) -> Playbook:
    """Validate the bytes of a playbook file; ``source`` names it in error messages."""
    root = compose_bytes(data, source)
    if root is None:
        raise InvalidFile(source, [Problem(source, 1, 1, "", "the file is empty",
                                           "start from 'convocoach playbooks new ID'", "empty")])
    if not isinstance(root, yaml.MappingNode):
        mark = root.start_mark
        raise InvalidFile(source, [Problem(
            source, mark.line + 1, mark.column + 1, "",
            "the top level must be a mapping of keys (schema:, id:, title: ...)",
            "start from 'convocoach playbooks new ID'", "top-level")])
    _refuse_newer_format(root, source)
    value, problems = convert_document(root, PLAYBOOK, source)
    if problems or value is INVALID:
        raise InvalidFile(source, problems)
    assert isinstance(value, Playbook)
    return value


def _refuse_newer_format(root: yaml.MappingNode, source: str) -> None:
    # Checked first and alone: a newer file's unknown keys would only be noise.
    for key, value in root.value:
        if key.value != "schema" or not isinstance(value, yaml.ScalarNode):
            continue
        text = value.value.strip()
        if text.isdigit() and len(text) < 10 and int(text) > FORMAT_VERSION:
            raise InvalidFile(source, [Problem(
                source, value.start_mark.line + 1, value.start_mark.column + 1, "schema",
                f"this playbook uses format {text}; this convocoach reads format "
                f"{FORMAT_VERSION} and older",
                "upgrade convocoach (pip install --upgrade convocoach)", "newer-format")])
