"""Step 5: the rehearsal's place in the flow (the role-play itself is not built yet)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from convocoach.tui.steps.base import StepPane

NOT_YET = (
    "Rehearsal is not available yet.\n\n"
    "This step will hold a role-play against a scripted client who reacts to what you type, "
    "with feedback on each reply and a scorecard at the end.\n\n"
    "Until then: rehearse out loud with a colleague, using the prep sheet (F2) for the "
    "phrases you chose and the questions you expect. Then move on to Agree (Ctrl+N)."
)


class RehearseStep(StepPane):
    step_key = "rehearse"
    DEFAULT_CSS = """
    RehearseStep #not-yet { border: round $warning; padding: 1 2; margin: 1 0; height: auto; }
    """

    def compose(self) -> ComposeResult:
        notice = Static(NOT_YET, id="not-yet", markup=False)
        notice.border_title = "Coming later"
        yield notice
