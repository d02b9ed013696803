# Day-to-day tasks. `make setup` once, then `make check` before every commit.
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: setup format lint typecheck test test-fast snap-update bench schema docs check run lock newest

setup:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -c constraints.txt -e ".[test,dev]"

# Re-pin constraints.txt to the newest releases pyproject.toml allows (then `make check`).
lock:
	$(BIN)/python tools/lock.py

# The fast tests against the newest allowed releases, without constraints.txt (CI runs it too).
newest:
	PYTHON=$(PY) bash tools/newest.sh

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format:
	$(BIN)/ruff format .

typecheck:
	$(BIN)/mypy

test:
	$(BIN)/pytest

# The core and the command line, without the app, real processes or long property tests.
test-fast:
	$(BIN)/pytest -m "not slow"

snap-update:
	$(BIN)/pytest tests/tui -n 0 -k snapshot --snapshot-update

bench:
	$(BIN)/python benchmarks/bench_playbooks.py
	$(BIN)/python benchmarks/bench_followup.py
	$(BIN)/python benchmarks/bench_tui.py
	$(BIN)/python benchmarks/bench_coach.py
	$(BIN)/python benchmarks/bench_fresh.py
	$(BIN)/python benchmarks/bench_rehearsal.py
	$(BIN)/python benchmarks/bench_room.py

schema:
	$(BIN)/convocoach playbooks schema -o playbooks/playbook.schema.json
	$(BIN)/convocoach check --schema > rubrics/rubric.schema.json

docs:
	$(BIN)/python -m convocoach.authoring_docs docs

check: lint typecheck test

run:
	$(BIN)/convocoach
