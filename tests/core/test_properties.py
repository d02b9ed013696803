"""Whatever text a trainer writes, the loader returns a playbook or a clean error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convocoach.diagnostics import InvalidFile
from convocoach.playbooks.loader import parse_playbook
from convocoach.playbooks.model import Playbook
from convocoach.playbooks.starter import starter_playbook

STARTER_LINES = starter_playbook("prop").splitlines(keepends=True)
YAML_BITS = st.sampled_from(
    [
        ":",
        "- ",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "!!python/object ",
        "!x ",
        "'",
        '"',
        "\t",
        "\n",
        "  ",
        "---\n",
        "? ",
        "|\n",
        ">\n",
        "%YAML 1.1\n",
        "#",
        "NO",
        "1:30",
        "~",
        "\x00",
        "\ufeff",
        "\u202e",
        "é",
        "😀",
        "schema: 2\n",
        "id: x\n",
    ]
)


def _check(data: bytes) -> None:
    try:
        result = parse_playbook(data, "prop.yaml")
    except InvalidFile as exc:
        problems = exc.problems
    else:
        assert isinstance(result, Playbook)
        return
    assert problems
    for problem in problems:
        assert problem.file == "prop.yaml"
        assert problem.line >= 1
        assert problem.column >= 1
        assert problem.message


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_any_bytes(data: bytes) -> None:
    _check(data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(YAML_BITS, max_size=30).map("".join))
def test_yaml_shaped_noise(text: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_edited_starter(data: st.DataObject) -> None:
    lines = list(STARTER_LINES)
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "insert", "mangle", "indent"]))
        if action == "delete":
            del lines[index]
        elif action == "insert":
            lines.insert(index, data.draw(YAML_BITS) + data.draw(st.text(max_size=10)) + "\n")
        elif action == "mangle":
            cut = data.draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:cut] + data.draw(YAML_BITS) + lines[index][cut:]
        else:
            lines[index] = "  " + lines[index]
        if not lines:
            break
    _check("".join(lines).encode("utf-8", "surrogatepass"))
