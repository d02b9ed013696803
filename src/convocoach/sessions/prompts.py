"""The preparation checklist: the prompts a playbook asks the user to answer in their own words.

Answers are stored by ``(section, position)``; the prompt text is stored beside each answer so
a session still reads sensibly if its playbook changes later.
"""

from __future__ import annotations

from dataclasses import dataclass

from convocoach.playbooks.model import Playbook
from convocoach.rehearsal import case
from convocoach.rehearsal.engine import named_facts
from convocoach.sessions.model import Answer

SECTION_LABELS: dict[str, str] = {
    "case": "The case in figures (the role-play's client uses them)",
    "facts": "Facts to gather",
    "perspective": "The client's perspective",
    "options": "Options and trade-offs",
    "walk_away": "Your walk-away",
    "questions": "Questions to expect",
}


@dataclass(frozen=True, slots=True)
class PrepPrompt:
    section: str
    position: int
    text: str
    hint: str = ""
    """What the playbook suggests, shown beside the answer box."""
    field: str = ""
    """The session field the answer is (``case.new_date``); empty for a checklist answer."""

    @property
    def key(self) -> tuple[str, int]:
        return (self.section, self.position)


def prep_prompts(playbook: Playbook) -> tuple[PrepPrompt, ...]:
    """Every prompt of the Prepare step, in the order a careful preparer would work."""
    prep = playbook.prepare
    out = [PrepPrompt("facts", n, fact) for n, fact in enumerate(prep.facts)]
    persp = prep.perspective
    for n, (question, items) in enumerate(
        (
            ("How is the client likely to feel when they hear this?", persp.feels),
            ("What does the client need from this conversation?", persp.needs),
            ("What is the client afraid of?", persp.fears),
        )
    ):
        out.append(
            PrepPrompt("perspective", n, question, "Often: " + "; ".join(items) if items else "")
        )
    for n, option in enumerate(prep.options):
        hint = "; ".join(
            [*(f"gains: {g}" for g in option.gains), *(f"costs: {c}" for c in option.costs)]
        )
        out.append(
            PrepPrompt(
                "options",
                n,
                f"Would you offer this: {option.name}? What would it cost you, and them?",
                hint,
            )
        )
    out.append(
        PrepPrompt("options", len(prep.options), "Is there another option the client might prefer?")
    )
    out += [PrepPrompt("walk_away", n, item) for n, item in enumerate(prep.walk_away)]
    out += [
        PrepPrompt(
            "questions", n, f"They ask: \u201c{q.question}\u201d What will you say?", q.answer
        )
        for n, q in enumerate(prep.questions)
    ]
    return tuple(out)


def case_prompts(playbook: Playbook) -> tuple[PrepPrompt, ...]:
    """The facts of the case the playbook's role-play speaks (the new date, the old and new
    price...), asked for first so the client can say the user's own figures."""
    script = playbook.rehearsal
    if script is None:
        return ()
    named = named_facts(script)
    return tuple(
        PrepPrompt(
            "case",
            n,
            fact.label,
            fact.hint + "; one line, as you would say it",
            f"case.{fact.name}",
        )
        for n, fact in enumerate(f for f in case.SESSION_FACTS if f.name in named)
    )


def answers_by_key(answers: tuple[Answer, ...]) -> dict[tuple[str, int], str]:
    return {(a.section, a.position): a.answer for a in answers}


def answered_count(prompts: tuple[PrepPrompt, ...], answers: tuple[Answer, ...]) -> int:
    given = answers_by_key(answers)
    return sum(1 for p in prompts if given.get(p.key, "").strip())
