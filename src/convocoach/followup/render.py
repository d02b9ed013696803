"""Render a follow-up template safely.

Templates run in Jinja's immutable sandbox with strict undefined variables, no
``lipsum``, guarded ``*`` and ``**`` and a cap on output size. User templates
(from the user folder or ``--template PATH``) also run in a child process with a
time and memory limit, since a sandbox cannot stop a loop that never ends.

Each email language has an environment of its own: its ``{% trans %}`` blocks and ``_()``
read that language's catalogue, and its ``date_words`` filter writes that language's dates
(``localise.py``).

A compiled template is kept in the cache folder (Jinja's bytecode cache), so that a command
does not compile the same template again on every run; a damaged or stale entry is compiled
afresh.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import subprocess
import sys
import traceback
from collections.abc import Mapping
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError
from jinja2.bccache import Bucket, BytecodeCache, FileSystemBytecodeCache
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from convocoach.diagnostics import InvalidFile, Problem
from convocoach.followup.language import ENGLISH, EmailLanguage
from convocoach.followup.localise import words_in
from convocoach.locations import Locations
from convocoach.markdown_text import md_inline, md_lines

MAX_OUTPUT = 200_000
MAX_POWER_EXPONENT = 64
CHILD_TIMEOUT = 10.0
MEMORY_LIMIT_MB = 1024
"""The memory a user's template may use (the child process's address space)."""


@functools.lru_cache(maxsize=16)
def _environment(language: EmailLanguage = ENGLISH) -> Any:
    class LimitedEnvironment(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and (
                not isinstance(right, int | float) or abs(right) > MAX_POWER_EXPONENT
            ):
                raise SecurityError("powers are limited to small exponents")
            if operator == "*":
                for seq, count in ((left, right), (right, left)):
                    if (
                        isinstance(seq, str | list | tuple)
                        and isinstance(count, int)
                        and len(seq) * count > MAX_OUTPUT
                    ):
                        raise SecurityError("that repetition would make the email too long")
            return super().call_binop(context, operator, left, right)

    env = LimitedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.globals.pop("lipsum", None)
    # A translated sentence is one line of the catalogue however the template wraps it.
    env.policies["ext.i18n.trimmed"] = True
    words = words_in(language)
    # The i18n extension adds this method to the environment, unknown to the type checker.
    env.install_gettext_callables(  # type: ignore[attr-defined]
        words.gettext, words.ngettext, newstyle=True
    )
    env.filters["date_words"] = words.date
    env.filters["md"] = md_inline
    env.filters["md_lines"] = md_lines
    return env


def render_trusted(
    source: str, name: str, context: Mapping[str, Any], language: EmailLanguage = ENGLISH
) -> str:
    """Render a bundled template in this process; raise InvalidFile naming template and line."""
    try:
        template = _compile(source, name, language)
        pieces: list[str] = []
        size = 0
        for piece in template.generate(**json.loads(json.dumps(context))):
            size += len(piece)
            if size > MAX_OUTPUT:
                raise _Runaway
            pieces.append(piece)
        return "".join(pieces)
    except _Runaway:
        raise InvalidFile(
            name,
            [
                Problem(
                    name,
                    1,
                    1,
                    "",
                    f"the template made more than {MAX_OUTPUT:,} characters",
                    "look for a loop that runs too often",
                    "template-too-long",
                )
            ],
        ) from None
    except Exception as exc:  # every failure becomes a located problem, never a traceback
        raise InvalidFile(name, [_problem(exc, name, source)]) from None


CODEGEN = "1"
"""Part of every compiled template's cache key: raise it when the environment's settings
(extensions, whitespace, gettext style) change, so no template compiled before is reused."""


def _bytecode_cache() -> BytecodeCache | None:
    """The folder compiled templates are kept in; None when it cannot be made."""
    folder = Locations.from_env().cache_dir / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder), "convocoach-%s.cache")


@functools.lru_cache(maxsize=16)
def _compile(source: str, name: str, language: EmailLanguage) -> Any:
    env = _environment(language)
    template = env.template_class.from_code(env, _code(env, source, name), env.make_globals(None))
    template.name = name
    template.filename = name
    return template


def _code(env: Any, source: str, name: str) -> Any:
    """``source`` compiled, from the cache when it holds it."""
    cache = _bytecode_cache()
    bucket = None
    if cache is not None:
        key = f"{name}|{CODEGEN}"
        try:
            bucket = cache.get_bucket(env, key, None, source)
        except Exception:  # a damaged entry (Jinja reads it with pickle and marshal): replaced
            bucket = Bucket(env, cache.get_cache_key(key), cache.get_source_checksum(source))
    if bucket is not None and bucket.code is not None:
        return bucket.code
    code = env.compile(source)
    if cache is not None and bucket is not None:
        bucket.code = code
        # A full or read-only disk: the next run compiles again.
        with contextlib.suppress(OSError):
            cache.set_bucket(bucket)
    return code


class _Runaway(Exception):
    pass


def _problem(exc: BaseException, name: str, source: str) -> Problem:
    if isinstance(exc, TemplateSyntaxError):
        line = exc.lineno or 1
        message = exc.message or "template syntax error"
        if "end of template" in message or "unexpected end" in message:
            opener = _open_block(source)
            if opener:
                # Jinja points at the end of the file; the fix belongs where the block opens.
                open_line, column, tag = opener
                return Problem(
                    name,
                    open_line,
                    column,
                    "",
                    f"the '{tag}' block opened on line {open_line} is never closed "
                    f"(the template ends on line {line})",
                    f"add {{% end{tag} %}} where the block should end",
                    "template-syntax",
                )
        return Problem(name, line, 1, "", message, "fix the template syntax", "template-syntax")
    line = _template_line(exc, name)
    if isinstance(exc, UndefinedError):
        return Problem(
            name,
            line,
            1,
            "",
            f"{exc.message}",
            "use only the variables listed in the templates README, or guard with 'is defined'",
            "template-undefined",
        )
    if isinstance(exc, SecurityError):
        return Problem(
            name, line, 1, "", f"not allowed in a template: {exc}", "remove it", "template-unsafe"
        )
    if isinstance(exc, MemoryError):
        return too_much_memory(name, line)
    if isinstance(exc, RecursionError):
        return Problem(
            name,
            line,
            1,
            "",
            "the template calls itself too deeply",
            "look for a macro that calls itself without end",
            "template-recursion",
        )
    return Problem(
        name,
        line,
        1,
        "",
        f"{type(exc).__name__}: {exc}",
        "check the expression on that line",
        "template-error",
    )


def too_much_memory(name: str, line: int = 1) -> Problem:
    return Problem(
        name,
        line,
        1,
        "",
        f"the template used more than the {MEMORY_LIMIT_MB:,} MB "
        "of memory a template may use, and was stopped (the limits: "
        f"{MEMORY_LIMIT_MB:,} MB, {CHILD_TIMEOUT:.0f} seconds, {MAX_OUTPUT:,} "
        "characters of email)",
        "look for a huge repetition, range or padding (like center(1000000000))",
        "template-memory",
    )


def _template_line(exc: BaseException, name: str) -> int:
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == name and frame.lineno:
            return frame.lineno
    return 1


_BLOCK_TAGS = frozenset(
    {"for", "if", "block", "macro", "call", "filter", "with", "autoescape", "set"}
)


def _open_block(source: str) -> tuple[int, int, str] | None:
    """The innermost block still open at the end of ``source``: (line, column, tag).

    Read with Jinja's own lexer, so ``{% raw %}`` text and comments are not taken for tags
    and ``{% set x %}...{% endset %}`` pairs up while ``{% set x = 1 %}`` opens nothing.
    """
    tokens: list[tuple[int, str, str]] = []
    try:
        for line, kind, value in _environment().lex(source):
            if kind not in ("whitespace", "data"):
                tokens.append((line, kind, value))
    except TemplateSyntaxError:
        return None
    lines = source.splitlines()
    seen_on_line: dict[int, int] = {}
    stack: list[tuple[int, int, str]] = []
    for index, (line, kind, _) in enumerate(tokens):
        if kind != "block_begin":
            continue
        nth = seen_on_line[line] = seen_on_line.get(line, -1) + 1
        tag = tokens[index + 1][2] if index + 1 < len(tokens) else ""
        if tag in _BLOCK_TAGS:
            if tag == "set" and _assigns(tokens, index + 1):
                continue
            stack.append((line, _column(lines, line, nth), tag))
        elif tag.startswith("end") and stack:
            stack.pop()
    return stack[-1] if stack else None


def _assigns(tokens: list[tuple[int, str, str]], start: int) -> bool:
    for _, kind, _ in tokens[start:]:
        if kind == "block_end":
            return False
        if kind == "assign":
            return True
    return False


def _column(lines: list[str], line: int, nth: int) -> int:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    starts = [match.start() for match in re.finditer(r"{%", text)]
    return starts[nth] + 1 if nth < len(starts) else 1


def render_untrusted(
    source: str, name: str, context: Mapping[str, Any], language: EmailLanguage = ENGLISH
) -> str:
    """Render a user's template in a child process with a time and memory limit."""
    payload = json.dumps(
        {
            "source": source,
            "name": name,
            "context": context,
            "language": [language.tag, language.register],
        }
    )
    try:
        result = subprocess.run(
            [sys.executable, "-m", "convocoach.followup.sandbox_child"],
            input=payload,
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise InvalidFile(
            name,
            [
                Problem(
                    name,
                    1,
                    1,
                    "",
                    f"the template ran longer than {CHILD_TIMEOUT:.0f} seconds and was stopped",
                    "look for a loop that never ends",
                    "template-timeout",
                )
            ],
        ) from None
    try:
        answer = json.loads(result.stdout)
    except ValueError:
        raise InvalidFile(name, [too_much_memory(name)]) from None
    if "problem" in answer:
        raise InvalidFile(name, [Problem(**answer["problem"])])
    text: str = answer["text"]
    return text
