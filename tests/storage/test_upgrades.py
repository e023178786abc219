"""Upgrades keep every learner's data: each earlier schema's fixture database opens in this version unchanged in
substance, with a backup taken first."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from scorm_desktop.storage import backup
from scorm_desktop.storage.migrations import LATEST

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "db"
TABLES = ("courses", "learners", "attempts", "sco_states", "cmi_values", "sessions")


#: Columns derived from the data (status.py's summaries): recomputed at start when stale, so not compared as data.
DERIVED = {"label", "completion", "success", "score", "progress", "total_seconds", "resumable", "resume_point",
           "summary_version"}


def rows(db: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in DERIVED]
        return sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {table}")), cols
    finally:
        conn.close()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.sqlite3")), ids=lambda p: p.stem)
def test_every_earlier_schema_upgrades_with_all_data_kept(tmp_path, fixture):
    paths = DataPaths(tmp_path / "data", explicit=True)
    paths.ensure()
    shutil.copy(fixture, paths.database)
    before = {t: rows(fixture, t) for t in TABLES}
    (paths.root / ".sample-imported").write_text("")  # an existing user's library: no sample course added

    svc = open_services(paths, with_sample=False)
    try:
        conn = sqlite3.connect(paths.database)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        conn.close()
        for table, (old_rows, old_cols) in before.items():
            new_rows, new_cols = rows(paths.database, table)
            assert new_cols[: len(old_cols)] == old_cols or set(old_cols) <= set(new_cols), table
            idx = [new_cols.index(c) for c in old_cols]
            projected = sorted(tuple(r[i] for i in idx) for r in new_rows)
            if table == "sessions":  # the session a crash left open is finished at start, nothing else changes
                projected = [r[:5] for r in projected]
                old_rows = [r[:5] for r in old_rows]
            if table == "cmi_values":  # recovery adds the LMS's end-of-session values to the open session's SCO
                assert set(old_rows) <= set(projected), table
                continue
            assert projected == old_rows, table
        # The app reads the upgraded records as it reads its own.
        report = {r["sco"]["identifier"] + "/" + r["learner"]: r["status"]["label"] for r in
                  __import__("scorm_desktop.reports.rows", fromlist=["x"]).report_rows(svc)}
        assert report == {"item_1/Ana": "passed", "item_1/Ben": "in progress"}
        # The stored summaries (new in schema 3) were computed at start for the old attempts.
        summaries = {r["learner"]: r for r in svc.records.summaries()}
        assert summaries["Ana"]["label"] == "passed" and summaries["Ana"]["score"] == pytest.approx(0.85)
        assert summaries["Ben"]["label"] == "in progress" and summaries["Ben"]["resumable"] is True
        assert summaries["Ben"]["resume_point"] == "page-2"
    finally:
        svc.close()
    if LATEST > int(fixture.stem.split("-")[1]):
        assert any(b.reason.startswith("before-schema") for b in backup.list_backups(paths.backups))
