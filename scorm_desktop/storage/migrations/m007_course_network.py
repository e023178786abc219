"""Schema 7: a course may be allowed to reach the internet ("Allow internet access", off unless the user turns it on).

Course content is untrusted: its pages reach no http(s)/ws(s) address unless this is 1 (bridge/profile.py enforces it).
"""

SQL = """
ALTER TABLE courses ADD COLUMN allow_network INTEGER NOT NULL DEFAULT 0;
"""
