"""Build the fixture database of each released schema version (run once per new schema, then commit the file).

    python tests/data/db/make_fixtures.py

Each fixture holds a learner, a course, an attempt with SCO states, CMI values and sessions (one of them left open,
as a crash leaves it) so an upgrade test can check that every row survives.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent.parent))

from scorm_desktop.storage.migrations import m001_initial  # noqa: E402


def schema_1(path: Path) -> None:
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(m001_initial.SQL)
    manifest = {
        "identifier": "fixture.course", "standard": "scorm2004", "edition": "2004 4th Edition", "edition_guessed": False,
        "organization": {"identifier": "org", "title": "Fixture course", "items": [
            {"identifier": "item_1", "title": "Lesson 1", "identifierref": "res_1", "children": []}],
            "sequencing_xml": None, "objectives_global_to_system": True, "shared_data_global_to_system": True},
        "organizations": [], "resources": {"res_1": {"identifier": "res_1", "scorm_type": "sco", "href": "index.html",
                                                     "files": ["index.html"], "dependencies": []}},
        "sequencing_collection_xml": None, "warnings": [],
    }
    manifest["organizations"] = [manifest["organization"]]
    conn.execute(
        "INSERT INTO courses VALUES (1, 'Fixture course', 'fixture.course', 'scorm2004', '2004 4th Edition', "
        "'hash-1', 'folder-1', 'fixture.zip', 1234, 1, '2026-11-01T10:00:00.000Z', ?, '[]')",
        (json.dumps(manifest),),
    )
    conn.execute("INSERT INTO learners VALUES (1, 'uid-ana', 'Ana', '2026-11-01T10:00:00.000Z')")
    conn.execute("INSERT INTO learners VALUES (2, 'uid-ben', 'Ben', '2026-11-01T10:05:00.000Z')")
    conn.execute("INSERT INTO attempts VALUES (1, 1, 1, 1, 'reg-ana-1', '2026-11-01T10:01:00.000Z', "
                 "'2026-11-01T10:20:00.000Z')")
    conn.execute("INSERT INTO attempts VALUES (2, 2, 1, 1, 'reg-ben-1', '2026-11-01T11:00:00.000Z', "
                 "'2026-11-01T11:02:00.000Z')")
    conn.execute("INSERT INTO sco_states VALUES (1, 1, 'item_1', 1, '2026-11-01T10:01:00.000Z', "
                 "'2026-11-01T10:20:00.000Z')")
    conn.execute("INSERT INTO sco_states VALUES (2, 2, 'item_1', 1, '2026-11-01T11:00:00.000Z', "
                 "'2026-11-01T11:02:00.000Z')")
    values = {
        1: {"cmi.completion_status": "completed", "cmi.success_status": "passed", "cmi.score.scaled": "0.85",
            "cmi.location": "page-9", "cmi.exit": "normal", "cmi.total_time": "PT0H19M0S",
            "cmi.interactions.0.id": "q1", "cmi.interactions.0.type": "choice", "cmi.interactions.0.result": "correct",
            "cmi.suspend_data": "x" * 5000},
        2: {"cmi.completion_status": "incomplete", "cmi.location": "page-2", "cmi.exit": "suspend",
            "cmi.session_time": "PT2M"},
    }
    written = {1: "2026-11-01T10:20:00.000Z", 2: "2026-11-01T11:02:00.000Z"}  # during each one's session
    for state, vals in values.items():
        for k, v in vals.items():
            conn.execute("INSERT INTO cmi_values VALUES (?, ?, ?, ?)", (state, k, v, written[state]))
    conn.execute("INSERT INTO sessions VALUES (1, 1, '2026-11-01T10:01:00.000Z', '2026-11-01T10:01:01.000Z', "
                 "'2026-11-01T10:20:00.000Z', '2026-11-01T10:20:00.000Z', 'terminated', 'normal', 'credit', 40)")
    conn.execute("INSERT INTO sessions VALUES (2, 2, '2026-11-01T11:00:00.000Z', '2026-11-01T11:00:01.000Z', "
                 "'2026-11-01T11:02:00.000Z', NULL, NULL, 'normal', 'credit', 5)")  # left open by a crash
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.execute("VACUUM")
    conn.close()


def later_schema(path: Path, version: int) -> None:
    """The schema-1 fixture carried to `version` by the app's own steps, as a user's database would be after each
    release: every later version's fixture holds the same learners, attempts and values."""
    from scorm_desktop.storage.migrations import STEPS

    schema_1(path)
    conn = sqlite3.connect(path)
    for step, sql in STEPS:
        if 1 < step <= version:
            conn.executescript(sql)
            conn.execute(f"PRAGMA user_version={step}")
    conn.commit()
    conn.execute("VACUUM")
    conn.close()


if __name__ == "__main__":
    schema_1(HERE / "schema-1.sqlite3")
    print("wrote", HERE / "schema-1.sqlite3")
    for version in sys.argv[1:]:  # e.g. make_fixtures.py 2 3 4: one per released schema, never rewritten after
        later_schema(HERE / f"schema-{version}.sqlite3", int(version))
        print("wrote", HERE / f"schema-{version}.sqlite3")
