"""Schema 8: each session records the process that runs it (`owners.py`), so a start-up beside a live
process recovers only the sessions no living process owns. NULL: a session from before (recovered as before)."""

SQL = """
ALTER TABLE sessions ADD COLUMN owner TEXT;
"""
