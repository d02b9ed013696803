"""Follow-up rendering and ``convocoach email`` start-up, as ratios to bare Jinja in the same run.

python benchmarks/bench_followup.py [--check] [--rounds 30]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import jinja2

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.followup_fixtures import NOW, PROFILE, playbook, session

from _harness import Result, interleaved, program_env, report, run_quietly
from convocoach.followup import render as render_module
from convocoach.followup.context import build_context
from convocoach.followup.email import find_template, render_all, render_followup
from convocoach.followup.formats import FORMAT_NAMES
from convocoach.locations import Locations
from convocoach.sessions.model import NextStep
from convocoach.sessions.store import SessionStore


def bench_render(rounds: int) -> Result:
    steps = tuple(
        NextStep(
            f"Action number {n}: send the revised plan for part {n}",
            ("us", "client", "person")[n % 3],
            "Ana Ruiz",
            f"2026-12-{n + 1:02d}",
        )
        for n in range(20)
    )
    big = replace(session(), next_steps=steps)
    pb = playbook()
    template = find_template(Locations.from_env(), "standard")
    context = build_context(big, pb, PROFILE)
    size = len(render_followup("md", template, big, pb, PROFILE, now=NOW))
    # The bare baseline: a template with no logic whose output is as long as ours.
    bare_source = "{{ greeting }}\n" + "".join(
        f"- {{{{ steps[{n % 20}].action }}}} ({{{{ steps[{n % 20}].owner }}}})\n"
        for n in range(size // 60)
    )

    # One-shot renders on both sides, as a command does: environment, compile, render.
    def bare() -> None:
        jinja2.Environment().from_string(bare_source).render(
            greeting="Hello", steps=context["next_steps"]
        )

    def ours() -> None:
        render_module._environment.cache_clear()
        render_module._compile.cache_clear()
        render_all(FORMAT_NAMES, template, big, pb, PROFILE, now=NOW)

    base, cand = interleaved(bare, ours, rounds)
    return Result("follow-up, 20 next steps, all 5 formats vs bare Jinja render", base, cand, 3.0)


def bench_email_cli(rounds: int, home: Path, language: str = "") -> Result:
    """``convocoach email ID --format md`` (in ``language``, the demo client's, if given)."""
    exe = shutil.which("convocoach") or str(Path(sys.executable).parent / "convocoach")
    env = program_env(home)
    sid = subprocess.run(
        [exe, "demo"], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    if language:
        with SessionStore.open(home / "data" / "sessions.db") as store:
            store.set_field(int(sid), "client.language", language)
    email = run_quietly([exe, "email", sid, "--format", "md"], env)
    email()  # fills the caches (playbook summaries, the compiled template), as any use does
    base, cand = interleaved(
        run_quietly([sys.executable, "-c", "import jinja2, yaml"], env), email, rounds
    )
    written = f" in {language}" if language else ""
    return Result(
        f"convocoach email ID --format md{written} vs python -c 'import jinja2, yaml'",
        base,
        cand,
        2.0,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--check", action="store_true", help="exit 1 if a goal is missed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = [
            bench_render(args.rounds),
            bench_email_cli(args.rounds, Path(tmp) / "en"),
            bench_email_cli(args.rounds, Path(tmp) / "de", "de"),
        ]
    ok = report(results)
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    raise SystemExit(main())
