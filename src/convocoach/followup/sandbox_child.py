"""Child process that renders one untrusted template (see render.render_untrusted)."""

from __future__ import annotations

import json
import sys

from convocoach.diagnostics import InvalidFile
from convocoach.followup.language import EmailLanguage
from convocoach.followup.render import (
    CHILD_TIMEOUT,
    MEMORY_LIMIT_MB,
    render_trusted,
    too_much_memory,
)

if sys.platform != "win32":
    import resource


def _limit_resources() -> None:
    if sys.platform == "win32":  # no resource limits there; the parent's timeout still applies
        return
    memory = MEMORY_LIMIT_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    seconds = int(CHILD_TIMEOUT)
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))


def main() -> None:
    request = json.loads(sys.stdin.read())
    _limit_resources()
    try:
        language = EmailLanguage(*request["language"])
        text = render_trusted(request["source"], request["name"], request["context"], language)
    except InvalidFile as exc:
        json.dump({"problem": exc.problems[0].to_json()}, sys.stdout)
    except MemoryError:
        json.dump({"problem": too_much_memory(request["name"]).to_json()}, sys.stdout)
    else:
        json.dump({"text": text}, sys.stdout)


if __name__ == "__main__":
    main()
