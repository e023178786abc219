"""Schema 5: a course can be removed from the library while its learners' records are kept."""

SQL = """
ALTER TABLE courses ADD COLUMN removed_at TEXT;
"""
