"""``convocoach profile``: show the sender profile, or set one value of it."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from convocoach.cli.context import CliContext
from convocoach.cli.output import emit, say
from convocoach.profile import dump_profile, load_profile, with_value


def cmd_profile_set(ctx: CliContext, args: argparse.Namespace) -> int:
    path = ctx.locations.settings_file
    profile = with_value(load_profile(path), args.key, args.value, str(path))
    emit(dump_profile(profile), path)
    return 0


def cmd_profile_show(ctx: CliContext, args: argparse.Namespace) -> int:
    profile = load_profile(ctx.locations.settings_file)
    width = max(len(k) for k in asdict(profile))
    for key, value in asdict(profile).items():
        shown = value.replace("\n", " / ") if value else "-"
        say(f"{key.ljust(width)}  {shown}")
    return 0
