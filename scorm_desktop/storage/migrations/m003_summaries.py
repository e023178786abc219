"""Schema 3: the learner-facing status of every attempt, kept beside it (so a dashboard of 10,000 courses and
100 learners reads a table, not millions of CMI values); learner PINs and preview learners; per-course relaunch.

Existing attempts get `summary_version` 0: the app recomputes their summary at start (status.py decides it, in one
place), since SQL alone cannot.
"""

SQL = """
ALTER TABLE attempts ADD COLUMN label TEXT NOT NULL DEFAULT 'not started';
ALTER TABLE attempts ADD COLUMN completion TEXT NOT NULL DEFAULT 'not attempted';
ALTER TABLE attempts ADD COLUMN success TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE attempts ADD COLUMN score REAL;
ALTER TABLE attempts ADD COLUMN progress REAL;
ALTER TABLE attempts ADD COLUMN total_seconds REAL NOT NULL DEFAULT 0;
ALTER TABLE attempts ADD COLUMN resumable INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attempts ADD COLUMN resume_point TEXT;
ALTER TABLE attempts ADD COLUMN summary_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE learners ADD COLUMN pin_hash TEXT;
ALTER TABLE learners ADD COLUMN is_preview INTEGER NOT NULL DEFAULT 0;
ALTER TABLE courses ADD COLUMN relaunch TEXT NOT NULL DEFAULT 'review';
CREATE INDEX ix_attempts_learner ON attempts(learner_id, course_id, number);
CREATE INDEX ix_attempts_summary ON attempts(summary_version);
"""
