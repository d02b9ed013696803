"""What the client asks for at a turn (a reason, a date, the cost, options, an apology,
reassurance), whether a reply gives it, and which of the playbook's options it offers.

The coach judges how a reply is said; this judges what it says. A client who asked "why?"
is not answered by "I understand how you feel. What would help most?".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Literal

from convocoach.coach.model import Status
from convocoach.coach.text import sentences, stem, words
from convocoach.rehearsal import figures

Ask = Literal["reason", "date", "cost", "options", "apology", "reassurance"]
ASKS: tuple[Ask, ...] = ("reason", "date", "cost", "options", "apology", "reassurance")
ASK_LABELS: dict[Ask, str] = {
    "reason": "a reason",
    "date": "a date",
    "cost": "the cost",
    "options": "options",
    "apology": "an apology",
    "reassurance": "reassurance",
}
UNANSWERED: dict[Ask, tuple[str, ...]] = {
    "reason": ("You still haven't told me why.", "But why did this happen?"),
    "date": ("You haven't given me a date.", "When, though?"),
    "cost": ("You haven't said what it will cost.", "And the cost?"),
    "options": ("What are my options, though?", "You haven't said what you can offer."),
    "apology": ("I haven't heard an apology.", "Is anyone actually sorry about this?"),
    "reassurance": ("How do I know it won't happen again?", "How can I be sure of that?"),
}


@dataclass(frozen=True, slots=True)
class Offer:
    """One of the playbook's options, as the client recognises it when it is offered."""

    id: str
    name: str
    cues: tuple[str, ...]
    """Phrases that offer it ("phase", "in two steps")."""
    objection: str
    """What the client says about its cost when it is offered ("" for nothing)."""


_REASON = re.compile(
    r"\b(?:because|due to|the reason (?:is|was|for (?:this|it|that) (?:is|was))|caused by|"
    r"came from|comes from|comes down to|down to|"
    r"which is why|which meant|that meant|this is because|that's because|stopped working|"
    r"what happened|that'?s why|as a result of|driven by|the cause|the problem was|"
    r"behind (?:this|it|the \w+) (?:is|was|are)|we (?:found|discovered|underestimated|missed|"
    r"didn't|did not|got)|it turned out|(?:rose|risen|increased|gone up|went up) by)\b"
    r"|\b(?:costs?|prices?|wages?|salaries|rates?|rent|fees?|inflation|suppliers?) "
    r"(?:have |has )?(?:both |all |also )?"
    r"(?:gone up|rose|risen|increased|went up|doubled)\b",
    re.IGNORECASE,
)
_FREE = re.compile(
    r"\b(?:no (?:extra |additional |further )?(?:cost|charge|fee)s?|at no (?:extra |additional )?"
    r"(?:cost|charge)|free of charge|(?:won't|will not|doesn't|does not) (?:cost|charge) you|"
    r"at our (?:cost|expense)|we(?:'ll| will) (?:cover|absorb|pay for)|cost(?:s)? you nothing|"
    r"for free|(?:is|are|be) free)\b",
    re.IGNORECASE,
)
_CHOICE = re.compile(
    r"\b(?:(?:two|three|a few|some|several) (?:options|choices|ways)|one option|another option|"
    r"(?:the )?other option|alternatively|would you (?:prefer|rather)|you could choose|"
    r"either\b.{3,120}\bor|we could|one way|another way|we can (?:either|offer))\b",
    re.IGNORECASE,
)
# An action of ours put forward: "we'll have the Spanish pages live by...", "I can waive...".
_PROPOSAL = re.compile(
    r"\b(?:(?:we|I)(?:'ll| will| can| could| would)(?!'t|n't| not)|let me|let's|"
    r"let us|happy to|prepared to|able to)\s+(?:[\w'’-]+\s+){0,2}?(?:deliver|build|add|fix|redo|"
    r"rework|translate|launch|ship|switch|move|cover|waive|credit|refund|assign|bring|"
    r"offer|include|drop|swap|split|lock|phase|extend|pause|go live|rebuild|replace|absorb|"
    r"reduce|cut|spread|have\b[^.!?]{0,50}\b(?:live|ready|done|fixed|finished|delivered))\b",
    re.IGNORECASE,
)
_APOLOGY = re.compile(r"\b(?:sorry|apologi[sz]e|apologies)\b", re.IGNORECASE)
_REASSURE = re.compile(
    r"\b(?:won't happen again|will not happen again|make sure|ensure|guarantee|promise|"
    r"you can (?:count|rely) on|personally|from now on|going forward|in future|"
    r"(?:every|each) (?:week|day|monday|tuesday|wednesday|thursday|friday|morning)|weekly|"
    r"check-ins?|early warning|flag (?:it|any)|keep you (?:posted|updated|informed))\b",
    re.IGNORECASE,
)
_NEGATION = {
    "not",
    "no",
    "never",
    "can't",
    "cannot",
    "won't",
    "couldn't",
    "don't",
    "isn't",
    "wasn't",
    "weren't",
    "didn't",
    "doesn't",
    "haven't",
    "hasn't",
    "aren't",
    "without",
    "unable",
    "instead",
}


def answered(
    reply: str, asks: Collection[Ask], statuses: Mapping[str, Status], offered: Collection[str]
) -> frozenset[Ask]:
    """The asks of ``asks`` that ``reply`` gives the client."""
    statements = _statements(reply)
    return frozenset(ask for ask in asks if _gives(ask, reply, statements, statuses, offered))


def _gives(
    ask: Ask,
    reply: str,
    statements: list[str],
    statuses: Mapping[str, Status],
    offered: Collection[str],
) -> bool:
    if ask == "reason":
        return bool(_REASON.search(reply)) or statuses.get("OWN") == "pass"
    if ask == "date":
        return any(figures.dates(s) for s in statements)
    if ask == "cost":
        return any(
            figures.money(s) or figures.PERCENT.search(s) or _FREE.search(s) for s in statements
        )
    if ask == "options":
        return (
            bool(offered)
            or bool(_CHOICE.search(reply))
            or any(_PROPOSAL.search(s) for s in statements)
        )
    if ask == "apology":
        return statuses.get("OWN") == "pass" and bool(_APOLOGY.search(reply))
    return bool(_REASSURE.search(reply)) or statuses.get("NEXT") == "pass"


def _statements(reply: str) -> list[str]:
    """The sentences of ``reply`` that are not questions: "by the end of the year?" asks
    for a date rather than giving one."""
    return [reply[s:e] for s, e in sentences(reply) if not reply[s:e].rstrip().endswith("?")]


def offered(reply: str, offers: Collection[Offer]) -> tuple[str, ...]:
    """The ids of the options ``reply`` offers (a cue said without a "not" just before it),
    in the order of the playbook."""
    stems = _stemmed_sentences(reply)
    return tuple(offer.id for offer in offers if any(_says(cue, stems) for cue in offer.cues))


def _form(word: str) -> str:
    """A word's stem without a final "e", so "phase", "phased" and "phasing" meet."""
    return stem(word).removesuffix("e")


_NEGATION_REACH = 6
"""Words before a cue in which a "not" denies it ("I'm not in a position to offer a refund")."""


def _stemmed_sentences(text: str) -> list[list[tuple[str, str]]]:
    """Each sentence's words as (form, the word in lower case): cues match forms, and a
    negation is a word as written ("note" is no "not")."""
    return [
        [(_form(w.text), w.text.lower().replace("’", "'")) for w in words(text[s:e])]
        for s, e in sentences(text)
    ]


def _says(cue: str, stems: list[list[tuple[str, str]]]) -> bool:
    wanted = [_form(w.text) for w in words(cue)]
    if not wanted:
        return False
    for sentence in stems:
        forms = [form for form, _ in sentence]
        for i in range(len(forms) - len(wanted) + 1):
            before = {word for _, word in sentence[max(0, i - _NEGATION_REACH) : i]}
            if forms[i : i + len(wanted)] == wanted and not _NEGATION & before:
                return True
    return False
