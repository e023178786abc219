"""Schema 1: the library, learners, attempts and every CMI value."""

SQL = """
CREATE TABLE courses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    identifier TEXT NOT NULL,
    standard TEXT NOT NULL,
    edition TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    folder TEXT NOT NULL UNIQUE,
    source_name TEXT NOT NULL,
    size_bytes INTEGER NOT NULL DEFAULT 0,
    sco_count INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL,
    manifest_json TEXT NOT NULL,
    warnings_json TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE learners (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    course_id INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    registration TEXT NOT NULL UNIQUE,
    started_at TEXT NOT NULL,
    last_activity_at TEXT NOT NULL,
    UNIQUE (learner_id, course_id, number)
);

CREATE TABLE sco_states (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    item_identifier TEXT NOT NULL,
    number INTEGER NOT NULL DEFAULT 1,
    first_launch_at TEXT NOT NULL,
    last_activity_at TEXT NOT NULL,
    UNIQUE (attempt_id, item_identifier, number)
);

CREATE TABLE cmi_values (
    sco_state_id INTEGER NOT NULL REFERENCES sco_states(id) ON DELETE CASCADE,
    element TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (sco_state_id, element)
) WITHOUT ROWID;

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sco_state_id INTEGER NOT NULL REFERENCES sco_states(id) ON DELETE CASCADE,
    started_at TEXT NOT NULL,
    initialized_at TEXT,
    last_event_at TEXT,
    ended_at TEXT,
    end_reason TEXT,
    mode TEXT NOT NULL,
    credit TEXT NOT NULL,
    event_count INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX ix_attempts_course ON attempts(course_id);
CREATE INDEX ix_sessions_open ON sessions(ended_at) WHERE ended_at IS NULL;
"""
