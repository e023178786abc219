"""Schema 11: the document outbox (issue 15, "documents forwarded too").

`document_outbox` holds, per document key (kind, activity, agent, registration, document id), the last write of a
State, Activity Profile or Agent Profile document that the central LRS has not acknowledged yet: one row per key, so
latest content wins and a document written ten times between two syncs is sent once. Each write puts the row back
to pending with `revision` + 1 and the content as written (a snapshot: what a bundle carries, and what is sent even
if the document changes while it is on the wire; sync marks it sent only if the revision it sent is still the
row's). `op` is put (the whole document, PUT) or delete. `agent_json` is the agent as the xAPI agent parameter.

The documents written before this step that were meant to be forwarded (`lrs_documents.forwarded = 1`) are queued
here once, their agent rebuilt from the stored key.
"""

SQL = """
CREATE TABLE document_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('state', 'activity_profile', 'agent_profile')),
    activity_id TEXT NOT NULL DEFAULT '',
    agent_key TEXT NOT NULL DEFAULT '',
    agent_json TEXT NOT NULL DEFAULT '',
    registration TEXT NOT NULL DEFAULT '',
    doc_id TEXT NOT NULL,
    op TEXT NOT NULL DEFAULT 'put' CHECK (op IN ('put', 'delete')),
    content_type TEXT NOT NULL DEFAULT '',
    content BLOB,
    updated TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    source TEXT NOT NULL DEFAULT 'local',
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'quarantined')),
    tries INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    sent_at TEXT,
    next_attempt_at TEXT,
    UNIQUE (kind, activity_id, agent_key, registration, doc_id)
);

CREATE INDEX ix_document_outbox_state ON document_outbox(state, id);

INSERT INTO document_outbox (kind, activity_id, agent_key, agent_json, registration, doc_id, op, content_type,
                             content, updated, created_at, state)
SELECT kind, activity_id, agent_key,
       CASE
           WHEN agent_key LIKE 'mbox:%' THEN json_object('objectType', 'Agent', 'mbox', substr(agent_key, 6))
           WHEN agent_key LIKE 'sha1:%' THEN json_object('objectType', 'Agent', 'mbox_sha1sum', substr(agent_key, 6))
           WHEN agent_key LIKE 'openid:%' THEN json_object('objectType', 'Agent', 'openid', substr(agent_key, 8))
           WHEN agent_key LIKE 'account:%' THEN json_object('objectType', 'Agent', 'account', json_object(
               'homePage', substr(agent_key, 9, instr(agent_key, '|') - 9),
               'name', substr(agent_key, instr(agent_key, '|') + 1)))
           ELSE ''
       END,
       registration, doc_id, 'put', content_type, content, updated, updated, 'pending'
FROM lrs_documents WHERE forwarded = 1 ORDER BY id
"""
