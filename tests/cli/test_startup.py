"""Start-up does nothing that grows with the library: the integrity check, the daily backup and the refresh of
stale summaries run after the first page is shown (`Services.maintenance()`), on the Worker in the app."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from scorm_desktop.storage import backup

from helpers import PROBE_2004


def _library_with_a_course(paths: DataPaths) -> None:
    svc = open_services(paths, with_sample=False)
    svc.library.import_package(PROBE_2004)
    svc.close()


def _stale_attempts(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        conn.execute("UPDATE attempts SET summary_version = 0")
        conn.commit()
        return conn.execute("SELECT count(*) FROM attempts WHERE summary_version = 0").fetchone()[0]
    finally:
        conn.close()


def _count_stale(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM attempts WHERE summary_version = 0").fetchone()[0]
    finally:
        conn.close()


def test_a_deferred_start_leaves_the_backup_and_the_checks_for_after_the_first_page(tmp_path):
    paths = DataPaths(tmp_path / "data", explicit=True)
    _library_with_a_course(paths)
    for old in backup.list_backups(paths.backups):
        old.path.unlink()

    svc = open_services(paths, with_sample=False, deferred=True)
    try:
        assert backup.list_backups(paths.backups) == [], "the daily copy must not be taken before the first page"
        assert [c.title for c in svc.library.courses()] == ["SCO API probe (SCORM 2004)"]
        notices = svc.maintenance()
        assert notices == []
        assert [b.reason for b in backup.list_backups(paths.backups)] == ["daily"]
    finally:
        svc.close()


def test_maintenance_refreshes_stale_summaries_that_a_deferred_start_left(tmp_path, qtbot):
    from scorm_desktop.ui.headless import play_headless  # noqa: F401  (creates nothing; Qt is imported)
    from scorm_desktop.app import create_application

    create_application(headless=True)
    paths = DataPaths(tmp_path / "data", explicit=True)
    svc = open_services(paths, with_sample=False)
    course = svc.library.import_package(PROBE_2004)
    code = play_headless(svc, course.course.id, "Ann", None, 60)
    svc.close()
    assert code == 0
    assert _stale_attempts(paths.database) >= 1

    svc = open_services(paths, with_sample=False, deferred=True)
    try:
        assert _count_stale(paths.database) >= 1, "a deferred start must not scan every attempt"
        svc.maintenance()
        assert _count_stale(paths.database) == 0
    finally:
        svc.close()


def test_an_ordinary_start_still_checks_and_backs_up_at_once(tmp_path):
    paths = DataPaths(tmp_path / "data", explicit=True)
    _library_with_a_course(paths)
    for old in backup.list_backups(paths.backups):
        old.path.unlink()
    svc = open_services(paths, with_sample=False)
    try:
        assert [b.reason for b in backup.list_backups(paths.backups)] == ["daily"]
    finally:
        svc.close()


def test_the_window_runs_the_maintenance_on_its_worker_once_shown(tmp_path, qtbot):
    from scorm_desktop.ui.main_window import MainWindow
    from scorm_desktop.ui.webenv import delete_now

    paths = DataPaths(tmp_path / "data", explicit=True)
    _library_with_a_course(paths)
    for old in backup.list_backups(paths.backups):
        old.path.unlink()
    services = open_services(paths, with_sample=False, deferred=True)
    win = MainWindow(services)
    try:
        win.show()
        assert backup.list_backups(paths.backups) == []
        win.start_maintenance()
        qtbot.waitUntil(lambda: len(backup.list_backups(paths.backups)) == 1, timeout=10000)
    finally:
        win.close()
        win.dispose()
        delete_now(win)
        services.close()


def _damage_table(db: Path, table: str) -> None:
    """A bad sector on the first page of one table (the header and the other tables still read)."""
    import os

    conn = sqlite3.connect(db)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    finally:
        conn.close()
    with db.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(os.urandom(page_size))


def test_a_damage_found_after_a_deferred_start_asks_for_the_backup_at_the_next_start(tmp_path):
    paths = DataPaths(tmp_path / "data", explicit=True)
    _library_with_a_course(paths)
    backup.backup_database(paths.database, paths.backups, "daily")
    _damage_table(paths.database, "cmi_values")  # no start-up step reads it: only the deferred check finds it

    svc = open_services(paths, with_sample=False, deferred=True)
    try:
        (notice,) = svc.maintenance()
        assert "damaged" in notice and "start SCORM Desktop again" in notice
    finally:
        svc.close()
    svc = open_services(paths, with_sample=False)  # the next start restores the sound backup before opening
    try:
        assert backup.integrity_ok(paths.database)
        assert [c.title for c in svc.library.courses()] == ["SCO API probe (SCORM 2004)"]
    finally:
        svc.close()


def test_a_deferred_start_that_meets_the_damage_restores_the_backup_at_once(tmp_path):
    """Damage where start-up reads (the device id) is not left to crash the window: the deferred start does what a full
    start does."""
    paths = DataPaths(tmp_path / "data", explicit=True)
    _library_with_a_course(paths)
    backup.backup_database(paths.database, paths.backups, "daily")
    _damage_table(paths.database, "devices")

    svc = open_services(paths, with_sample=False, deferred=True)
    try:
        (notice,) = svc.notices
        assert notice.startswith("The library database was damaged, so the backup from ")
        assert [c.title for c in svc.library.courses()] == ["SCO API probe (SCORM 2004)"]
        assert svc.maintenance() == []
    finally:
        svc.close()
    assert backup.integrity_ok(paths.database)


def test_a_scorm_start_maps_none_of_the_local_lrs_or_dispatch_tables(tmp_path):
    """What a SCORM play does before its page (open the library deferred, recover, read the course, begin a session)
    maps only the tables it uses: the local LRS's, the document outbox's and dispatch's are mapped by those who use
    them (storage/models.py hands them out on first use), since every mapped class costs each start its import and
    its share of the mapper configuration at the first query (benchmarks/profiles/launch.md)."""
    import os
    import subprocess
    import sys

    paths = DataPaths(tmp_path / "data", explicit=True)
    _library_with_a_course(paths)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from scorm_desktop.paths import DataPaths\n"
        "from scorm_desktop.services import open_services\n"
        f"svc = open_services(DataPaths(Path({str(paths.root)!r}), explicit=True), with_sample=False, deferred=True)\n"
        "course = svc.library.courses()[0]\n"
        "learner = svc.records.learner('Ada')\n"
        "svc.records.begin_session(learner.id, course.id, 'ITEM-PROBE-2004', 'normal', 'credit', False)\n"
        "print(sorted(m for m in sys.modules if m.startswith('scorm_desktop.storage.models')))\n"
        "svc.close()\n"
    )
    root = Path(__file__).resolve().parent.parent
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root,
                       env={**os.environ, "PYTHONPATH": str(root)}, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "['scorm_desktop.storage.models', 'scorm_desktop.storage.models_base']"
