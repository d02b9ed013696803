"""Step 3: the playbook's advice on timing and setting, checked against the meeting entered."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from convocoach.playbooks.model import CHANNEL_LABELS
from convocoach.sessions.timing_check import LEVEL_WORDS, check_timing
from convocoach.tui.steps.base import StepPane
from convocoach.tui.support.safe_text import bullets, styled

_LEVEL_STYLES = {
    "warning": "bold $text-warning",
    "ok": "bold $text-success",
    "info": "bold $text-primary",
}


class TimingStep(StepPane):
    step_key = "timing"

    def compose(self) -> ComposeResult:
        yield Static("Your meeting", classes="section-title")
        yield Static("", id="meeting", classes="note")
        yield Static("", id="checks", classes="note")
        if self.playbook is None:
            return
        setting = self.playbook.playbook.setting
        yield Static("When", classes="section-title")
        yield Static(bullets(setting.timing), classes="note")
        yield Static("Where", classes="section-title")
        yield Static(bullets(setting.place), classes="note")
        yield Static("How", classes="section-title")
        lines = [styled("Usually best: ", (CHANNEL_LABELS[setting.best_channel], "bold"))]
        for advice in setting.channels:
            line = styled("\u2022 ", (CHANNEL_LABELS[advice.channel], "bold"), ": ", advice.fits)
            if advice.caution:
                line = line + styled((" Watch out: ", "italic"), advice.caution)
            lines.append(line)
        yield Static(Content("\n").join(lines), classes="note")
        if setting.people:
            yield Static("Who should be there", classes="section-title")
            yield Static(bullets(setting.people), classes="note")

    def on_mount(self) -> None:
        self.shown()

    def shown(self) -> None:
        session = self.editor.session
        m = session.meeting
        when = " at ".join(part for part in (m.date, m.time) if part) or "no date yet"
        place = f", {m.place}" if m.place else ""
        self.query_one("#meeting", Static).update(
            styled(
                f"{when}, {m.duration_min} min, {CHANNEL_LABELS.get(m.channel, m.channel)}{place}"
            )
        )

        notes = check_timing(
            session,
            self.playbook.playbook if self.playbook else None,
            self.context.profile,
            self.context.today(),
        )
        self.query_one("#checks", Static).update(
            Content("\n").join(
                styled((LEVEL_WORDS[note.level] + " ", _LEVEL_STYLES[note.level]), note.message)
                for note in notes
            )
        )
