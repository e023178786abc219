"""Schema 2: the statement outbox, this device's signing key (and the keys of devices whose bundles were imported),
and a log of sync runs.

The outbox has no foreign key to the records it describes on purpose: a statement, once written, outlives the
course, attempt or learner it is about (removing a course must never drop results still on their way).
"""

SQL = """
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    statement_id TEXT NOT NULL UNIQUE,
    registration TEXT NOT NULL,
    seq INTEGER NOT NULL,
    body TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT 'local',
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'conflict', 'quarantined')),
    tries INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    sent_at TEXT,
    next_attempt_at TEXT
);

CREATE INDEX ix_outbox_state ON outbox(state, id);
CREATE INDEX ix_outbox_registration ON outbox(registration, seq);

CREATE TABLE devices (
    device_id TEXT PRIMARY KEY,
    public_key TEXT NOT NULL UNIQUE,
    private_key TEXT,
    is_self INTEGER NOT NULL DEFAULT 0,
    first_seen_at TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_devices_self ON devices(is_self) WHERE is_self = 1;

CREATE TABLE sync_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    target TEXT NOT NULL DEFAULT '',
    sent INTEGER NOT NULL DEFAULT 0,
    conflicts INTEGER NOT NULL DEFAULT 0,
    quarantined INTEGER NOT NULL DEFAULT 0,
    pending INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
)
"""
