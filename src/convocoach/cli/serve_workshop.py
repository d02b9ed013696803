"""``convocoach serve --workshop ID``: the room's door and the app each pass opens.

A participant's app works in a folder of their own, chosen here from their name (never from
anything the browser sends) and used as both its data and its config folder; it opens the
trainer's database only for the workshop, through its narrow ``Seat``. The facilitator's
app is the trainer's own, on the workshop.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from convocoach.cli.context import CliContext
from convocoach.cli.room_door import Door, Pass, participant_folder
from convocoach.diagnostics import UserError
from convocoach.textsafety import visible
from convocoach.workshop.store import WorkshopLog


@dataclass
class RoomEntry:
    """What the web server needs to let a workshop's people in."""

    door: Door
    title: str
    argv_for: Callable[[Pass], list[str]]
    shell: Callable[[list[str]], str]
    # What each app's command line is run through: the warm start's launcher, once it runs.
    launcher: Sequence[str] = ()

    def command_for(self, passed: Pass) -> str:
        return self.shell([*self.launcher, *self.argv_for(passed)])


def open_room(
    ctx: CliContext,
    workshop_id: int,
    trainer_argv: Sequence[str],
    shell: Callable[[list[str]], str],
) -> RoomEntry:
    """The workshop's door, or a UserError naming ``workshop list`` if there is none."""
    with ctx.store() as store:
        workshop = WorkshopLog(store).get(workshop_id)
    if not workshop.plan.people:
        raise UserError(
            f"workshop {workshop_id} has no list of people to join with",
            "start a workshop with --people, then serve that one",
        )
    door = Door(workshop_id, workshop.plan.people)
    playbooks = _playbook_folders(ctx)

    def argv_for(passed: Pass) -> list[str]:
        if passed.role == "facilitator":
            return [*trainer_argv, "workshop", "facilitate", str(workshop_id)]
        folder = participant_folder(ctx.locations.data_dir, workshop_id, passed.name)
        room = ctx.locations.database
        return participant_argv(room, workshop_id, passed.name, folder, playbooks)

    return RoomEntry(door, workshop.plan.title, argv_for, shell)


def participant_argv(
    room: Path, workshop_id: int, person: str, folder: Path, playbooks: Sequence[Path] = ()
) -> list[str]:
    """The app of one participant: their seat in ``room``, their own ``folder`` for the rest."""
    argv = [sys.executable, "-m", "convocoach", "workshop", "join", str(workshop_id)]
    argv += ["--room", str(room.absolute()), "--person", person]
    argv += ["--data-dir", str(folder), "--config-dir", str(folder)]
    for playbook_folder in playbooks:
        argv += ["--playbooks", str(playbook_folder)]
    return argv


def _playbook_folders(ctx: CliContext) -> list[Path]:
    """The trainer's own playbook folders: a participant's config folder is their own, and
    the workshop's scenarios may be the trainer's."""
    own = ctx.locations.user_playbooks
    given = [p.absolute() for p in ctx.locations.option_playbook_dirs]
    return [own.absolute(), *given] if own.is_dir() else given


def room_exposure_warning(host: str, port: int, data_dir: Path, workshop_id: int) -> str:
    rooms = data_dir / "rooms" / f"workshop-{workshop_id}"
    return visible(
        f"warning: listening on {host}:{port}, open to the network, for workshop "
        f"{workshop_id}. Nothing is served without the room code or the facilitator's "
        "link, and the traffic is not encrypted.\n"
        f"    A participant sees their own sessions, profile and rehearsals, kept in a folder "
        f"of their own under {rooms}, and their own group's round of the workshop "
        "(roles, ticks, notes). They cannot see other participants' data, nor your "
        "sessions, nor the other groups.\n"
        "    The facilitator's link opens the app on your own data: every session you keep. "
        "Do not share it or show it on a projected screen.\n"
        "    Use it only on a network private to the room, and stop it (Ctrl+C) when the "
        "workshop ends."
    )
