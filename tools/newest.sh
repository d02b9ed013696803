#!/usr/bin/env bash
# The fast tests against the newest releases pyproject.toml allows (no constraints.txt), so a
# new release that breaks something is noticed before a user meets it. It reports and never
# fails: what it finds is fixed in the code, or bounded in pyproject.toml, then `make lock`.
set -uo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say() { printf 'newest releases: %s\n' "$*"; }

if ! "$PYTHON" -m venv "$work/venv" ||
   ! "$work/venv/bin/python" -m pip install --quiet --upgrade pip ||
   ! "$work/venv/bin/python" -m pip install --quiet -e ".[test]"; then
  say "could not install them (see pip's output above)"
  exit 0
fi

newer=$("$work/venv/bin/python" - <<'PY'
from importlib.metadata import distributions
from pathlib import Path

locked = {}
for line in Path("constraints.txt").read_text(encoding="utf-8").splitlines():
    spec = line.split(";")[0].strip()
    if "==" in spec and not spec.startswith("#"):
        name, version = spec.split("==")
        locked.setdefault(name.lower().replace("_", "-"), set()).add(version)
for dist in distributions():
    name = dist.metadata["Name"].lower().replace("_", "-")
    if name in locked and dist.version not in locked[name]:
        print(f"{name} {'/'.join(sorted(locked[name]))} -> {dist.version}")
PY
)
if [ -z "$newer" ]; then
  say "none newer than constraints.txt"
  exit 0
fi
say "newer than constraints.txt:"
printf '%s\n' "$newer" | sed 's/^/  /'

log="$work/pytest.log"
if "$work/venv/bin/python" -m pytest -q -m "not slow" -n 4 -p no:cacheprovider -o addopts="" >"$log" 2>&1
then
  say "the fast tests pass with them"
else
  say "the fast tests FAIL with them (CI goes on; fix or bound the release, then make lock):"
  grep -E '^(FAILED|ERROR) ' "$log" | sed 's/^/  /' | head -n 40
fi
exit 0
