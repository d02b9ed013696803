"""Child process that renders one untrusted template (see render.render_untrusted)."""

from __future__ import annotations

import json
import sys


def _limit_resources() -> None:
    try:
        import resource
    except ImportError:  # not on Windows; the parent's timeout still applies
        return
    memory = 1024 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (10, 10))


def main() -> None:
    request = json.loads(sys.stdin.read())
    _limit_resources()
    from convocoach.diagnostics import InvalidFile
    from convocoach.followup.render import render_trusted

    try:
        text = render_trusted(request["source"], request["name"], request["context"])
    except InvalidFile as exc:
        json.dump({"problem": exc.problems[0].to_json()}, sys.stdout)
    except MemoryError:
        json.dump({"problem": {"file": request["name"], "line": 1, "column": 1, "path": "",
                               "message": "the template used too much memory",
                               "fix": "simplify the template", "rule": "template-memory"}},
                  sys.stdout)
    else:
        json.dump({"text": text}, sys.stdout)


if __name__ == "__main__":
    main()
