"""Playbook loading and ``playbooks list`` start-up, as ratios to bare PyYAML in the same run.

python benchmarks/bench_playbooks.py [--check] [--files 1000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import Result, interleaved, program_env, report, run_quietly
from convocoach.locations import Locations
from convocoach.playbooks.library import playbook_paths
from convocoach.playbooks.loader import load_playbook_file


def make_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` playbooks made from the bundled ones, each with its own id."""
    sources = playbook_paths(Locations.from_env().bundled_playbooks)
    paths = []
    for n in range(count):
        source = sources[n % len(sources)]
        text = source.read_text(encoding="utf-8").replace(
            f"id: {source.stem}\n", f"id: {source.stem}-{n}\n", 1
        )
        path = folder / f"{source.stem}-{n}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def bench_loading(paths: list[Path], rounds: int) -> Result:
    def bare() -> None:
        for path in paths:
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    def ours() -> None:
        for path in paths:
            load_playbook_file(path)

    base, cand = interleaved(bare, ours, rounds)
    return Result(
        f"load+validate {len(paths)} playbooks vs yaml.load(CSafeLoader)", base, cand, 1.5
    )


def bench_list(rounds: int, home: Path) -> Result:
    exe = shutil.which("convocoach") or str(Path(sys.executable).parent / "convocoach")
    env = program_env(home)
    listing = run_quietly([exe, "playbooks", "list"], env)
    listing()  # the first run fills the summary cache, as any earlier use would
    base, cand = interleaved(
        run_quietly([sys.executable, "-c", "import yaml"], env), listing, rounds * 4
    )
    return Result("convocoach playbooks list vs python -c 'import yaml'", base, cand, 2.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--check", action="store_true", help="exit 1 if a goal is missed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        results = [
            bench_loading(make_corpus(folder, args.files), args.rounds),
            bench_list(args.rounds, Path(tmp)),
        ]
    ok = report(results)
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    raise SystemExit(main())
