"""Write a workshop's role cards and its debrief where the user keeps exports, and say where."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from convocoach.coach.loader import bundled_rubric
from convocoach.diagnostics import UserError
from convocoach.tui.support.needs import WorkshopFilesContext
from convocoach.workshop.files import write_card_files, write_debrief_files


def write_cards(
    screen: Screen[Any], context: WorkshopFilesContext, playbook_ids: list[str]
) -> None:

    playbooks = [context.playbooks.get(pid) for pid in playbook_ids]
    missing = [pid for pid, p in zip(playbook_ids, playbooks, strict=True) if p is None]
    if missing:
        screen.notify(
            context.playbooks.why_unreadable(missing[0]),
            title="Cannot make the role cards",
            severity="error",
            markup=False,
        )
        return
    try:
        paths = write_card_files(
            [p.playbook for p in playbooks if p is not None], bundled_rubric(), context.export_dir
        )
    except (OSError, UserError) as exc:
        screen.notify(f"Could not write the role cards: {exc}", severity="error", markup=False)
        return
    screen.notify(
        "\n".join(str(p) for p in paths), title="Role cards written", markup=False, timeout=10
    )


def export_debrief(screen: Screen[Any], context: WorkshopFilesContext, workshop_id: int) -> None:
    try:
        workshop = context.workshops.get(workshop_id)
        titles = {
            pid: context.playbooks.library.title_of(pid) for pid in workshop.plan.playbook_ids
        }
        paths = write_debrief_files(workshop, titles, bundled_rubric(), context.export_dir)
    except (OSError, UserError) as exc:
        screen.notify(f"Could not write the debrief: {exc}", severity="error", markup=False)
        return
    screen.notify(
        "\n".join(str(p) for p in paths),
        title="Workshop debrief and handouts written",
        markup=False,
        timeout=10,
    )
