"""Plan a role-play workshop (scenarios, rounds, length, group), or resume an earlier one."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Label, OptionList, Select, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from convocoach.diagnostics import UserError
from convocoach.tui.dialogs.confirm import ConfirmScreen
from convocoach.tui.screens.room import open_room
from convocoach.tui.screens.workshop_files import write_cards
from convocoach.tui.support.commands import Command, bindings
from convocoach.tui.support.needs import WorkshopSetupContext
from convocoach.tui.support.safe_text import plain
from convocoach.tui.support.screen_contract import ScreenContract
from convocoach.tui.widgets.field import Field
from convocoach.tui.widgets.key_footer import KeyFooter
from convocoach.workshop.plan import GROUP_KINDS, GROUP_LABELS, WorkshopPlan, make_plan
from convocoach.workshop.record import Workshop

INTRO = (
    "Pick the scenarios (one per round, in turn), the rounds and their length, pairs or "
    "triads, and everyone's names (up to 30: they are split into groups in order). Roles "
    "rotate within each group every round. Print the role cards with F2."
)


class WorkshopSetupScreen(ScreenContract, Screen[None]):
    ACTIONS: ClassVar[tuple[Command, ...]] = (
        Command("start", "ctrl+s", "Start", "Start the workshop with these choices"),
        Command(
            "cards",
            "f2",
            "Role cards",
            "Write the role cards of the chosen scenarios (HTML to print, and Markdown)",
        ),
        Command("delete_workshop", "delete", "Delete", "Delete the highlighted earlier workshop"),
        Command("leave", "escape", "Back", "Back to the home screen"),
    )
    BINDINGS: ClassVar[list[BindingType]] = bindings(ACTIONS)
    CSS_PATH = "workshop_setup.tcss"
    HELP_TOPIC = "workshop"

    def __init__(self, context: WorkshopSetupContext, plan: WorkshopPlan | None = None) -> None:
        super().__init__()
        self.context = context
        self.plan = plan

    def compose(self) -> ComposeResult:
        plan = self.plan
        chosen = set(plan.playbook_ids) if plan else set()
        yield Header()
        with VerticalScroll(id="ws-form"):
            yield Static(plain(INTRO), id="ws-intro", classes="muted")
            with Horizontal(classes="row"):
                yield Label("Title")
                yield Field(
                    plan.title if plan else "",
                    placeholder="Role-play workshop",
                    compact=True,
                    id="ws-title",
                    max_length=120,
                )
            yield Static("Scenarios (Space picks)", classes="section-title")
            playbooks = self.context.playbooks.library.sorted()
            if not chosen and playbooks:
                chosen = {playbooks[0].id}
            yield SelectionList[str](
                *(Selection(plain(p.title), p.id, p.id in chosen) for p in playbooks),
                id="ws-playbooks",
            )
            with Horizontal(classes="row"):
                yield Label("Rounds")
                yield Field(
                    str(plan.rounds if plan else 3),
                    compact=True,
                    classes="short",
                    type="integer",
                    id="ws-rounds",
                    max_length=2,
                )
                yield Label("Minutes")
                yield Field(
                    str(plan.round_minutes if plan else 10),
                    compact=True,
                    classes="short",
                    type="integer",
                    id="ws-minutes",
                    max_length=2,
                )
            with Horizontal(classes="row"):
                yield Label("Group")
                yield Select(
                    [(GROUP_LABELS[g], g) for g in GROUP_KINDS],
                    value=plan.group if plan else "triads",
                    allow_blank=False,
                    compact=True,
                    id="ws-group",
                )
            with Horizontal(classes="row"):
                yield Label("One over")
                yield Select(
                    [
                        ("makes a triad among pairs, or two pairs among triads", "mixed"),
                        ("is an extra observer in the last group", "observer"),
                    ],
                    value="mixed",
                    allow_blank=False,
                    compact=True,
                    id="ws-leftover",
                )
            with Horizontal(classes="row"):
                yield Label("People")
                yield Field(
                    ", ".join(plan.people) if plan else "",
                    placeholder="everyone, comma-separated, up to 30 (default: A, B, C)",
                    compact=True,
                    id="ws-people",
                    max_length=1300,
                )
            yield Static(
                "Earlier workshops (Enter resumes)", classes="section-title", id="ws-earlier-title"
            )
            yield OptionList(id="ws-earlier")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Workshop"
        self.sub_title = "plan a role-play workshop"
        self._fill_earlier()
        self.query_one("#ws-title").focus()

    def on_screen_resume(self) -> None:
        self._fill_earlier()

    def _fill_earlier(self) -> None:
        earlier = self.query_one("#ws-earlier", OptionList)
        workshops, damaged = self.context.workshops.readable()
        earlier.clear_options()
        earlier.add_options(Option(plain(_describe(w)), id=str(w.id)) for w in workshops)
        # Listed so that Delete can remove them; Enter explains instead of opening.
        earlier.add_options(
            Option(
                plain(f"Workshop {wid} cannot be read: {exc.message} (Delete removes it)"),
                id=str(wid),
            )
            for wid, exc in damaged
        )
        shown = bool(workshops or damaged)
        earlier.display = shown
        self.query_one("#ws-earlier-title").display = shown
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete_workshop":
            earlier = self.query_one("#ws-earlier", OptionList)
            return earlier.has_focus and earlier.highlighted is not None
        return True

    @on(OptionList.OptionHighlighted, "#ws-earlier")
    def _highlighted(self) -> None:
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#ws-earlier")
    def _resume(self, event: OptionList.OptionSelected) -> None:
        self.open_workshop(int(event.option.id or 0))

    def _plan(self) -> WorkshopPlan:
        rounds = self.query_one("#ws-rounds", Field).value.strip()
        minutes = self.query_one("#ws-minutes", Field).value.strip()
        people = self.query_one("#ws-people", Field).value.split(",")
        group = self.query_one("#ws-group", Select).value
        if not rounds.isdigit() or not minutes.isdigit():
            raise UserError("rounds and minutes must be whole numbers", "type a number")
        return make_plan(
            self.query_one("#ws-title", Field).value,
            self.query_one("#ws-playbooks", SelectionList).selected,
            int(rounds),
            int(minutes),
            str(group),
            people,
            str(self.query_one("#ws-leftover", Select).value),
        )

    def action_start(self) -> None:
        try:
            plan = self._plan()
        except UserError as exc:
            self.notify(exc.format(), title="Check the plan", severity="error", markup=False)
            return
        workshop_id = self.context.saver.attempt(
            lambda: self.context.workshops.create(plan), retry=False
        )
        if workshop_id is not None:
            self.open_workshop(workshop_id)

    def open_workshop(self, workshop_id: int) -> None:
        """A room of several groups opens on the facilitator's view; one group, on its round."""
        open_room(self.app, self.context, workshop_id)

    def action_cards(self) -> None:
        ids = self.query_one("#ws-playbooks", SelectionList).selected
        if not ids:
            self.notify("Pick at least one scenario first.", severity="warning")
            return
        write_cards(self, self.context, [str(i) for i in ids])

    @work
    async def action_delete_workshop(self) -> None:
        earlier = self.query_one("#ws-earlier", OptionList)
        if earlier.highlighted is None:
            return
        option = earlier.get_option_at_index(earlier.highlighted)
        question = (
            "Delete this workshop with its notes and tallies? This cannot be undone "
            "(export its debrief first if in doubt)."
        )
        if await self.app.push_screen_wait(ConfirmScreen("Delete workshop", question)):
            workshop_id = int(option.id or 0)
            if self.context.saver.saved(
                lambda: self.context.workshops.delete(workshop_id), retry=False
            ):
                self._fill_earlier()
                self.notify("Workshop deleted.")

    def action_leave(self) -> None:
        self.dismiss()


def _describe(workshop: Workshop) -> str:
    plan = workshop.plan
    done = sum(r.finished for r in workshop.rounds)
    return (
        f"{plan.title} \u2014 {_who(plan)}; round {workshop.current_round} "
        f"of {plan.rounds}, {done} done"
    )


def _who(plan: WorkshopPlan) -> str:
    if len(plan.groups) == 1:
        return ", ".join(plan.people)
    return f"{len(plan.people)} people in {len(plan.groups)} groups"
