"""``convocoach workshop``: plan a role-play workshop, open it in the app, list workshops."""

from __future__ import annotations

import argparse
import gc
import json
from pathlib import Path

from convocoach.cli.context import CliContext
from convocoach.cli.output import say, warn
from convocoach.diagnostics import UserError
from convocoach.wording import counted
from convocoach.workshop.plan import WorkshopPlan, make_plan
from convocoach.workshop.seat import Seat
from convocoach.workshop.store import WorkshopLog


def cmd_open(ctx: CliContext, args: argparse.Namespace) -> int:
    """The app, on the workshop screen (plan a new one, or resume one)."""
    return _run_app(ctx, workshop_id=0)


def cmd_start(ctx: CliContext, args: argparse.Namespace) -> int:
    """Plan a workshop from the arguments and open its first round in the app."""
    ids = list(args.scenarios) or ["project-delays"]
    summaries = ctx.summaries()
    unknown = [pid for pid in ids if summaries.get(pid) is None]
    if unknown:
        raise UserError(
            f"no playbook {unknown[0]!r}", "see the ids with 'convocoach playbooks list'"
        )
    people = args.people.split(",") if args.people else []
    chosen = [g.split(",") for g in args.groups.split(";") if g.strip()] if args.groups else []
    plan = make_plan(
        args.title or "",
        ids,
        args.rounds,
        args.minutes,
        args.group,
        people,
        args.leftover,
        chosen,
    )
    with ctx.store() as store:
        workshop_id = WorkshopLog(store).create(plan)
    return _run_app(ctx, workshop_id)


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.reader() as store:
        workshops, damaged = WorkshopLog(store).readable()
    for _, problem in damaged:
        warn(problem.format())
    if args.format == "json":
        say(
            json.dumps(
                [
                    {
                        "id": w.id,
                        "title": w.plan.title,
                        "playbooks": list(w.plan.playbook_ids),
                        "rounds": w.plan.rounds,
                        "round_minutes": w.plan.round_minutes,
                        "group": w.plan.group,
                        "people": list(w.plan.people),
                        "groups": [
                            {"members": list(g.members), "players": g.players}
                            for g in w.plan.groups
                        ],
                        "current_round": w.current_round,
                        "rounds_done": sum(r.finished for r in w.rounds),
                        "updated_at": w.updated_at,
                    }
                    for w in workshops
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    if not workshops:
        say("No workshops yet. Plan one with 'convocoach workshop start PLAYBOOK...'.")
    for w in workshops:
        done = sum(r.finished for r in w.rounds)
        say(
            f"{w.id:>4}  {w.plan.title}  ({_who(w.plan)}; "
            f"{done} of {counted(w.plan.rounds, 'round')} done; "
            f"{w.updated_at[:16].replace('T', ' ')})"
        )
    return 0


def cmd_facilitate(ctx: CliContext, args: argparse.Namespace) -> int:
    """The facilitator's view of a room (or, for one group, its round) in the app."""
    with ctx.reader() as store:
        WorkshopLog(store).get(args.id)  # a missing or damaged workshop: exit 2, said why
    return _run_app(ctx, args.id)


def cmd_join(ctx: CliContext, args: argparse.Namespace) -> int:
    """A participant's own app: their sessions in their own folder, and their group's round
    of the room (through a seat that reaches nothing else of the room's database)."""
    room: Path = args.room
    if not room.is_file():
        raise UserError(f"no room database at {room}", "give the trainer's sessions.db")
    seat = Seat.open(room, args.id, args.person)
    gc.disable()  # as for the app itself: see app_cmd
    # Lazy: Textual and the app only once the collector is off, as in app_cmd
    from convocoach.tui.app import ConvocoachApp, make_app

    def open_seat(app: ConvocoachApp) -> None:
        # Lazy: the round's screen once the app runs, as Textual above
        from convocoach.tui.screens.workshop_round import WorkshopRoundScreen

        app.push_screen(WorkshopRoundScreen(app.context, seat))

    app = make_app(ctx.locations, open_with=open_seat, seat=seat)
    app.run()
    return app.return_code or 0


def _run_app(ctx: CliContext, workshop_id: int) -> int:
    gc.disable()  # as for the app itself: see app_cmd
    # Lazy: Textual and the app only once the collector is off, as in app_cmd
    from convocoach.tui.app import ConvocoachApp, make_app

    def open_workshop(app: ConvocoachApp) -> None:
        # Lazy: the workshop's screens once the app runs, as Textual above
        from convocoach.tui.screens.room import open_room
        from convocoach.tui.screens.workshop_setup import WorkshopSetupScreen  # Lazy: as above

        app.push_screen(WorkshopSetupScreen(app.context))
        if workshop_id:
            open_room(app, app.context, workshop_id)

    app = make_app(ctx.locations, open_with=open_workshop)
    app.run()
    return app.return_code or 0


def _who(plan: WorkshopPlan) -> str:
    """The people of a one-group workshop by name; a room's by count."""
    if len(plan.groups) == 1:
        return ", ".join(plan.people)
    return (
        f"{counted(len(plan.people), 'person', 'people')} in {counted(len(plan.groups), 'group')}"
    )
