"""Numbered schema steps. Step N takes a database at version N-1 to version N; never edit a step once released.

The schema version is SQLite's ``PRAGMA user_version``. Each step is plain SQL so a fixture database of any earlier
version can be rebuilt and upgraded in tests.
"""

from __future__ import annotations

from . import (
    m001_initial,
    m002_outbox,
    m003_summaries,
    m004_sequencing,
    m005_course_removal,
    m006_session_status,
    m007_course_network,
    m008_session_owner,
    m009_lrs,
    m010_dispatch,
    m011_document_outbox,
)

#: (version, sql) in order. The version after the last step is the current schema version.
STEPS: list[tuple[int, str]] = [
    (1, m001_initial.SQL),
    (2, m002_outbox.SQL),
    (3, m003_summaries.SQL),
    (4, m004_sequencing.SQL),
    (5, m005_course_removal.SQL),
    (6, m006_session_status.SQL),
    (7, m007_course_network.SQL),
    (8, m008_session_owner.SQL),
    (9, m009_lrs.SQL),
    (10, m010_dispatch.SQL),
    (11, m011_document_outbox.SQL),
]

LATEST = STEPS[-1][0]
