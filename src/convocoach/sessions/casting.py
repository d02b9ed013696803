"""The role-play's client played as the session's client: rehearsing for a meeting with Dana
Reyes, VP Operations, is a conversation with Dana Reyes, VP Operations, who knows the case's
figures as the session holds them."""

from __future__ import annotations

from dataclasses import replace

from convocoach.coach.model import Level
from convocoach.rehearsal.case import SESSION_FACTS
from convocoach.rehearsal.script import Script
from convocoach.sessions.model import Case, Client

_SENIORITY = {
    "staff": "Staff; reports to a manager",
    "manager": "Manager",
    "director": "Director",
    "executive": "Executive; answers to the board",
}


_LEVELS: dict[str, Level] = {"low": "low", "medium": "medium", "high": "high"}


def cast(script: Script, client: Client, case: Case | None = None) -> Script:
    """``script`` with the session's client in the persona's place: the name, role (at their
    company), seniority and technical level the Situation step holds; and the case's facts
    from the Prepare step, which the client's lines speak. How the persona behaves, wants and
    fears stays the playbook's: that is the scenario. A session with no client named leaves
    the playbook's persona as it is."""
    if case is not None:
        known = tuple(
            (f.name, getattr(case, f.name).strip())
            for f in SESSION_FACTS
            if getattr(case, f.name).strip()
        )
        script = replace(script, facts=known)
    name, role, company = client.name.strip(), client.role.strip(), client.company.strip()
    if not name and not role:
        return script
    persona = script.persona
    role = role or persona.role
    cast_persona = replace(
        persona,
        name=name or persona.name,
        role=f"{role}, {company}" if company else role,
        seniority=_SENIORITY.get(client.seniority, persona.seniority),
        technical_level=_LEVELS.get(client.tech_level, persona.technical_level),
    )
    return replace(script, persona=cast_persona)
