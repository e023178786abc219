"""Schema 6: each launch records the attempt's status before and after it (the attempt history shows the change)."""

SQL = """
ALTER TABLE sessions ADD COLUMN status_before TEXT;
ALTER TABLE sessions ADD COLUMN status_after TEXT;
"""
