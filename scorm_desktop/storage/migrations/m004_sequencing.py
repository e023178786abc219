"""Schema 4: SCORM 2004 sequencing state: the sequencer's tracking state of every activity per course attempt (so
suspend all, quit, resume all restores the whole course), and the global objectives a learner carries across
courses (when a course declares objectivesGlobalToSystem, the SN default).

The course-level result from rollup is kept beside the state (`result_json`): the attempt's summary uses it.
"""

SQL = """
CREATE TABLE sequencing_states (
    attempt_id INTEGER PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
    state_json TEXT NOT NULL,
    result_json TEXT,
    updated_at TEXT NOT NULL
);

CREATE TABLE learner_objectives (
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    objective_id TEXT NOT NULL,
    state_json TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (learner_id, objective_id)
);
"""
