"""The database schema, as forward migrations numbered by ``PRAGMA user_version``."""

from __future__ import annotations

from convocoach.rehearsal.case import SESSION_FACTS

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema.
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        playbook_id TEXT NOT NULL,
        playbook_digest TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        client_name TEXT NOT NULL DEFAULT '',
        client_company TEXT NOT NULL DEFAULT '',
        client_role TEXT NOT NULL DEFAULT '',
        client_seniority TEXT NOT NULL DEFAULT 'manager',
        client_tech_level TEXT NOT NULL DEFAULT 'medium',
        client_language TEXT NOT NULL DEFAULT 'en',
        client_email TEXT NOT NULL DEFAULT '',
        meeting_date TEXT NOT NULL DEFAULT '',
        meeting_time TEXT NOT NULL DEFAULT '',
        meeting_duration_min INTEGER NOT NULL DEFAULT 60,
        meeting_channel TEXT NOT NULL DEFAULT 'video',
        meeting_place TEXT NOT NULL DEFAULT '',
        stakes TEXT NOT NULL DEFAULT '',
        cadence TEXT NOT NULL DEFAULT 'weekly',
        next_checkin TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        step TEXT NOT NULL DEFAULT 'situation',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE answers (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        position INTEGER NOT NULL,
        prompt TEXT NOT NULL,
        answer TEXT NOT NULL,
        PRIMARY KEY (session_id, section, position)
    );
    CREATE TABLE list_items (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('phrases', 'points')),
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (session_id, kind, position)
    );
    CREATE TABLE next_steps (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        action TEXT NOT NULL,
        owner_kind TEXT NOT NULL DEFAULT 'us',
        owner_name TEXT NOT NULL DEFAULT '',
        due TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open'
    );
    CREATE INDEX next_steps_by_session ON next_steps(session_id, position);
    """,
    # 2: the follow-up template a session uses, the user's own edit of its email, and when
    # the email was last exported or copied.
    """
    ALTER TABLE sessions ADD COLUMN template TEXT NOT NULL DEFAULT 'standard';
    ALTER TABLE sessions ADD COLUMN email_draft TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN exported_at TEXT NOT NULL DEFAULT '';
    """,
    # 3: role-play rehearsals, each with its transcript (the exchanges, as JSON) and where
    # it stands, so that an unfinished one resumes and finished ones show progress.
    """
    CREATE TABLE rehearsals (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        playbook_id TEXT NOT NULL,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        ending TEXT NOT NULL DEFAULT '',
        turn_id TEXT NOT NULL,
        mood INTEGER NOT NULL,
        seconds REAL NOT NULL DEFAULT 0,
        exchanges TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX rehearsals_by_session ON rehearsals(session_id, id);
    """,
    # 4: role-play workshops: the trainer's plan, and per round the observer's ticks (JSON:
    # behaviour code -> count), notes, the debrief answers and how long its clock ran.
    """
    CREATE TABLE workshops (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        playbooks TEXT NOT NULL,
        rounds INTEGER NOT NULL,
        round_minutes INTEGER NOT NULL,
        group_kind TEXT NOT NULL,
        people TEXT NOT NULL,
        current_round INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE workshop_rounds (
        workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        round INTEGER NOT NULL,
        ticks TEXT NOT NULL DEFAULT '{}',
        notes TEXT NOT NULL DEFAULT '',
        worked TEXT NOT NULL DEFAULT '',
        try_next TEXT NOT NULL DEFAULT '',
        seconds REAL NOT NULL DEFAULT 0,
        finished INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (workshop_id, round)
    );
    """,
    # 5: the reply a rehearsal's user was typing but had not sent, so that leaving or
    # quitting does not lose it; it is back in the box when the rehearsal resumes.
    """
    ALTER TABLE rehearsals ADD COLUMN draft TEXT NOT NULL DEFAULT '';
    """,
    # 6: the meeting as it was when the user last looked at the Timing step: the step is
    # done once they have seen its check of the meeting they have now.
    """
    ALTER TABLE sessions ADD COLUMN timing_checked TEXT NOT NULL DEFAULT '';
    """,
    # 7: the last day the repeating check-ins run (empty: three months from the first).
    """
    ALTER TABLE sessions ADD COLUMN checkin_until TEXT NOT NULL DEFAULT '';
    """,
    # 8: the facts the case turns on (dates, prices, the amount, the delay, what is out of
    # scope), which the role-play's client speaks.
    """
    ALTER TABLE sessions ADD COLUMN case_old_date TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN case_new_date TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN case_delay TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN case_old_price TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN case_new_price TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN case_amount TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN case_out_of_scope TEXT NOT NULL DEFAULT '';
    """,
    # 9: a workshop is a room of groups. The groups as made (JSON: [[members], players]);
    # one clock for the room (wall-clock seconds, so every process shows the same); ticks,
    # notes and debrief answers per round and group, ticks as counters that several
    # programs add to at once and notes as entries with author and time, never overwritten;
    # the participants' rehearsal scores as they happen. Round 1's old ticks, notes and
    # answers become group 1's (the columns stay, unused, for older versions).
    """
    ALTER TABLE workshops ADD COLUMN groups TEXT NOT NULL DEFAULT '';
    ALTER TABLE workshops ADD COLUMN clock_length REAL;
    ALTER TABLE workshops ADD COLUMN clock_used REAL NOT NULL DEFAULT 0;
    ALTER TABLE workshops ADD COLUMN clock_since REAL;
    CREATE TABLE workshop_ticks (
        workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        round INTEGER NOT NULL,
        group_no INTEGER NOT NULL,
        code TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (workshop_id, round, group_no, code)
    );
    INSERT INTO workshop_ticks (workshop_id, round, group_no, code, count)
        SELECT r.workshop_id, r.round, 1, t.key, t.value
        FROM workshop_rounds AS r, json_each(r.ticks) AS t
        WHERE json_valid(r.ticks) AND json_type(r.ticks) = 'object'
            AND t.type = 'integer' AND t.value > 0;
    CREATE TABLE workshop_notes (
        id INTEGER PRIMARY KEY,
        workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        round INTEGER NOT NULL,
        group_no INTEGER NOT NULL,
        author TEXT NOT NULL DEFAULT '',
        written_at TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX workshop_notes_by_round ON workshop_notes(workshop_id, round, group_no);
    INSERT INTO workshop_notes (workshop_id, round, group_no, author, written_at, text)
        SELECT r.workshop_id, r.round, 1, '', w.updated_at, r.notes
        FROM workshop_rounds AS r JOIN workshops AS w ON w.id = r.workshop_id
        WHERE trim(r.notes) != '';
    CREATE TABLE workshop_debriefs (
        workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        round INTEGER NOT NULL,
        group_no INTEGER NOT NULL,
        worked TEXT NOT NULL DEFAULT '',
        try_next TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (workshop_id, round, group_no)
    );
    INSERT INTO workshop_debriefs (workshop_id, round, group_no, worked, try_next)
        SELECT workshop_id, round, 1, worked, try_next FROM workshop_rounds
        WHERE worked != '' OR try_next != '';
    CREATE TABLE workshop_scores (
        workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        round INTEGER NOT NULL,
        person TEXT NOT NULL,
        playbook_id TEXT NOT NULL,
        score INTEGER NOT NULL,
        replies INTEGER NOT NULL DEFAULT 0,
        ending TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (workshop_id, round, person)
    );
    """,
    # 10: after the meeting. How it went (the outcome, and the prepared questions that came
    # up, as JSON); when the follow-up was sent; each next step's day agreed, day done and
    # every move of its due date with the reason; the check-ins held; lessons, from an
    # outcome or a scorecard, kept when their session is deleted. Steps already in the
    # database were agreed on the day their session was created. The home screen's first
    # screenful of sessions, most recently changed first, is read without a whole scan.
    """
    ALTER TABLE sessions ADD COLUMN sent_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN outcome_result TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN outcome_reaction TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN outcome_worked TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN outcome_change TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN outcome_came_up TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE sessions ADD COLUMN outcome_recorded_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE next_steps ADD COLUMN done_on TEXT NOT NULL DEFAULT '';
    ALTER TABLE next_steps ADD COLUMN created_on TEXT NOT NULL DEFAULT '';
    UPDATE next_steps SET created_on = coalesce(
        (SELECT substr(s.created_at, 1, 10) FROM sessions AS s WHERE s.id = session_id), '');
    CREATE TABLE next_step_moves (
        id INTEGER PRIMARY KEY,
        step_id INTEGER NOT NULL REFERENCES next_steps(id) ON DELETE CASCADE,
        moved_on TEXT NOT NULL,
        old_due TEXT NOT NULL DEFAULT '',
        new_due TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX next_step_moves_by_step ON next_step_moves(step_id, id);
    CREATE INDEX next_steps_by_status ON next_steps(status, due);
    CREATE TABLE checkins (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        due_on TEXT NOT NULL,
        done_at TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (session_id, due_on)
    );
    CREATE TABLE lessons (
        id INTEGER PRIMARY KEY,
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        source TEXT NOT NULL,
        playbook_id TEXT NOT NULL DEFAULT '',
        client_name TEXT NOT NULL DEFAULT '',
        client_company TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        edited INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        retired_at TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX lessons_by_session ON lessons(session_id);
    CREATE INDEX sessions_by_change ON sessions(updated_at DESC, id DESC);
    """,
    # 11: the language of a session's emails as the user chose it (empty: the client's
    # language, as the Situation step has it) and their register (formal or informal).
    """
    ALTER TABLE sessions ADD COLUMN email_language TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN email_register TEXT NOT NULL DEFAULT 'formal';
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
CASE_FACTS = tuple(fact.name for fact in SESSION_FACTS)
"""The fields of a session's case, each in its own column."""

# Dotted field names a caller may set, and the column each one lives in.
SCALAR_COLUMNS: dict[str, str] = {
    "title": "title",
    "playbook_id": "playbook_id",
    "playbook_digest": "playbook_digest",
    "client.name": "client_name",
    "client.company": "client_company",
    "client.role": "client_role",
    "client.seniority": "client_seniority",
    "client.tech_level": "client_tech_level",
    "client.language": "client_language",
    "client.email": "client_email",
    "meeting.date": "meeting_date",
    "meeting.time": "meeting_time",
    "meeting.duration_min": "meeting_duration_min",
    "meeting.channel": "meeting_channel",
    "meeting.place": "meeting_place",
    "stakes": "stakes",
    **{f"case.{name}": f"case_{name}" for name in CASE_FACTS},
    "cadence": "cadence",
    "next_checkin": "next_checkin",
    "checkin_until": "checkin_until",
    "notes": "notes",
    "step": "step",
    "template": "template",
    "email_draft": "email_draft",
    "email_language": "email_language",
    "email_register": "email_register",
    "exported_at": "exported_at",
    "sent_at": "sent_at",
    "outcome.result": "outcome_result",
    "outcome.reaction": "outcome_reaction",
    "outcome.worked": "outcome_worked",
    "outcome.change": "outcome_change",
    "outcome.recorded_at": "outcome_recorded_at",
}
