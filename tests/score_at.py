"""Score labelled replies with the coach of another checkout of this project.

    python tests/score_at.py TREE LABELS PREFIX [PREFIX ...]

TREE is the checkout (its ``src`` and ``rubrics/default.yaml`` are used, nothing of this
one), LABELS a file of labelled replies; the replies whose ids start with a PREFIX are
scored. Prints JSON: ``said`` (by id, each code's status and ``PENALTY``) and ``rules`` (by
id and code, the rules whose matches a failing dimension shows). Only calls every version
of the coach has, so any commit of the project can be asked.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    tree, labels, prefixes = Path(argv[0]).resolve(), Path(argv[1]), tuple(argv[2:])
    sys.path.insert(0, str(tree / "src"))
    import yaml

    import convocoach
    from convocoach.coach.loader import read_rubric_file
    from convocoach.coach.score import Coach

    if not Path(convocoach.__file__).resolve().is_relative_to(tree):
        print(f"convocoach was imported from {convocoach.__file__}, not {tree}", file=sys.stderr)
        return 2
    coach = Coach(read_rubric_file(tree / "rubrics" / "default.yaml"))
    said: dict[str, dict[str, str]] = {}
    rules: dict[str, dict[str, list[str]]] = {}
    for entry in yaml.safe_load(labels.read_text(encoding="utf-8")):
        if not str(entry["id"]).startswith(prefixes):
            continue
        score = coach.score(entry["reply"], entry.get("client") or "", entry["level"])
        said[entry["id"]] = {r.code: r.status for r in score.results}
        said[entry["id"]]["PENALTY"] = "fail" if score.penalties else "pass"
        rules[entry["id"]] = {
            r.code: sorted({m.rule_id for m in r.matches})
            for r in score.results
            if r.status == "fail"
        }
    print(json.dumps({"said": said, "rules": rules}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
