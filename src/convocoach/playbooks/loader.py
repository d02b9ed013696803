"""Load one playbook file: safe YAML, then the format's checks; every problem reported at once."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from convocoach.diagnostics import InvalidFile, Problem
from convocoach.playbooks.format import FORMAT_VERSION, PLAYBOOK
from convocoach.playbooks.model import Origin, Playbook, PlaybookFile
from convocoach.playbooks.option_checks import option_problems
from convocoach.schema import INVALID, convert_document, refuse_newer_format
from convocoach.yamlsafe import compose_text, decode_utf8, read_limited, refuse_too_large


def load_playbook_file(path: Path, origin: Origin = "option") -> PlaybookFile:
    """Read and validate ``path``; raise :class:`InvalidFile` with every problem found."""
    source = str(path)
    try:
        data = read_limited(path)
    except OSError as exc:
        raise InvalidFile(
            source,
            [
                Problem(
                    source,
                    1,
                    1,
                    "",
                    f"cannot read the file: {exc.strerror or exc}",
                    "check that the path exists and is readable",
                    "unreadable",
                )
            ],
        ) from None
    playbook = parse_playbook(data, source)
    return PlaybookFile(playbook, path, origin, hashlib.sha256(data).hexdigest())


def parse_playbook(data: bytes, source: str) -> Playbook:
    """Validate the bytes of a playbook file; ``source`` names it in error messages."""
    refuse_too_large(data, source)
    # Decoded once: the checks that point inside a value (a placeholder) need the text too.
    text = decode_utf8(data, source)
    root = compose_text(text, source)
    if root is None:
        raise InvalidFile(
            source,
            [
                Problem(
                    source,
                    1,
                    1,
                    "",
                    "the file is empty",
                    "start from 'convocoach playbooks new ID'",
                    "empty",
                )
            ],
        )
    if not isinstance(root, yaml.MappingNode):
        mark = root.start_mark
        raise InvalidFile(
            source,
            [
                Problem(
                    source,
                    mark.line + 1,
                    mark.column + 1,
                    "",
                    "the top level must be a mapping of keys (schema:, id:, title: ...)",
                    "start from 'convocoach playbooks new ID'",
                    "top-level",
                )
            ],
        )
    refuse_newer_format(root, "schema", FORMAT_VERSION, "playbook", source)
    value, problems = convert_document(root, PLAYBOOK, source, text)
    if problems or value is INVALID:
        raise InvalidFile(source, problems)
    assert isinstance(value, Playbook)
    problems = option_problems(value, root, source)
    if problems:
        raise InvalidFile(source, problems)
    return value
