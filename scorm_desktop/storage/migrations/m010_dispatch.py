"""Schema 10: dispatch (issue 16) — licences issued and received, trusted issuers, launches, revocations.

- ``dispatch_issued``: the dispatches this installation issued (it signs them with its device key).
- ``dispatch_issuers``: issuers whose licences this installation accepts (trusted explicitly, by public key).
- ``dispatch_licences``: licences received with an imported course (one course may carry one licence).
- ``dispatch_launches``: every launch admitted under a licence (counts launches and distinct learners offline).
- ``dispatch_revocations``: dispatch ids an issuer revoked (from the LRS or a USB file), kept even before the
  licence arrives.
- ``dispatch_state``: small key/values: the latest time this device has seen (a clock set back does not extend a
  licence) and the per-dispatch statement counters.
"""

SQL = """
CREATE TABLE dispatch_issued (
    dispatch_id TEXT PRIMARY KEY,
    course_id INTEGER,
    course_title TEXT NOT NULL,
    recipient TEXT NOT NULL,
    licence_json TEXT NOT NULL,
    signature TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE TABLE dispatch_issuers (
    public_key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    trusted_at TEXT NOT NULL
);

CREATE TABLE dispatch_licences (
    dispatch_id TEXT PRIMARY KEY,
    course_id INTEGER NOT NULL UNIQUE REFERENCES courses(id) ON DELETE CASCADE,
    issuer_key TEXT NOT NULL,
    licence_json TEXT NOT NULL,
    signature TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

CREATE TABLE dispatch_launches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dispatch_id TEXT NOT NULL,
    learner_uid TEXT NOT NULL,
    launched_at TEXT NOT NULL
);

CREATE INDEX ix_dispatch_launches ON dispatch_launches(dispatch_id, learner_uid);

CREATE TABLE dispatch_revocations (
    issuer_key TEXT NOT NULL,
    dispatch_id TEXT NOT NULL,
    revoked_at TEXT NOT NULL,
    PRIMARY KEY (issuer_key, dispatch_id)
);

CREATE TABLE dispatch_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
)
"""
