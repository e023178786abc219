"""Schema 9: the local LRS for cmi5 and Tin Can courses, and cmi5 AU sessions.

`lrs_statements` keeps every statement the courses and the app made (its body as forwarded, without stored and
authority); each is written in the same transaction as its outbox row. `lrs_documents` holds the State, Activity
Profile and Agent Profile documents with their ETags. `cmi5_sessions` is one AU launch: its one-time fetch token, the
auth token, the mode, and where it stands (launched, initialized, terminated, abandoned). No foreign keys on purpose:
like the outbox, what an LRS stored outlives the course or learner it is about.
"""

SQL = """
CREATE TABLE lrs_statements (
    pk INTEGER PRIMARY KEY AUTOINCREMENT,
    statement_id TEXT NOT NULL UNIQUE,
    registration TEXT,
    verb_id TEXT NOT NULL,
    activity_id TEXT,
    actor_key TEXT NOT NULL,
    stored TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    voided INTEGER NOT NULL DEFAULT 0,
    voids TEXT,
    forwarded INTEGER NOT NULL DEFAULT 1,
    authority TEXT NOT NULL,
    body TEXT NOT NULL
);

CREATE INDEX ix_lrs_statements_registration ON lrs_statements(registration, pk);
CREATE INDEX ix_lrs_statements_actor ON lrs_statements(actor_key, pk);
CREATE INDEX ix_lrs_statements_activity ON lrs_statements(activity_id, pk);
CREATE INDEX ix_lrs_statements_stored ON lrs_statements(stored);

CREATE TABLE lrs_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('state', 'activity_profile', 'agent_profile')),
    activity_id TEXT NOT NULL DEFAULT '',
    agent_key TEXT NOT NULL DEFAULT '',
    registration TEXT NOT NULL DEFAULT '',
    doc_id TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content BLOB NOT NULL,
    etag TEXT NOT NULL,
    updated TEXT NOT NULL,
    forwarded INTEGER NOT NULL DEFAULT 1,
    UNIQUE (kind, activity_id, agent_key, registration, doc_id)
);

CREATE TABLE cmi5_sessions (
    session_id TEXT PRIMARY KEY,
    registration TEXT NOT NULL,
    course_id INTEGER,
    learner_id INTEGER,
    au_id TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    actor_json TEXT NOT NULL,
    launch_mode TEXT NOT NULL,
    move_on TEXT NOT NULL,
    mastery_score REAL,
    fetch_token TEXT NOT NULL UNIQUE,
    fetched_at TEXT,
    auth_token TEXT NOT NULL UNIQUE,
    forwarded INTEGER NOT NULL DEFAULT 1,
    state TEXT NOT NULL DEFAULT 'launched' CHECK (state IN ('launched', 'initialized', 'terminated', 'abandoned')),
    launched_at TEXT NOT NULL,
    ended_at TEXT
);

CREATE INDEX ix_cmi5_sessions_registration ON cmi5_sessions(registration, au_id)
"""
