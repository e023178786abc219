"""Backups, the integrity check at start, and restore: records survive a damaged file or a bad day."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from scorm_desktop.storage import backup

from helpers import PROBE_2004

ROOT = Path(__file__).resolve().parent.parent.parent


def _titles(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM courses ORDER BY id")]
    finally:
        conn.close()


def _library_with_probe(paths: DataPaths) -> None:
    svc = open_services(paths, with_sample=False)
    svc.library.import_package(PROBE_2004)
    svc.close()


def test_a_damaged_database_is_set_aside_and_the_newest_backup_restored(tmp_path):
    paths = DataPaths(tmp_path / "data", explicit=True)
    _library_with_probe(paths)
    copy = backup.backup_database(paths.database, paths.backups, "daily")
    original = paths.database.read_bytes()
    with paths.database.open("r+b") as fh:  # damage the middle of the file, as a bad disk sector would
        fh.seek(len(original) // 2)
        fh.write(os.urandom(4096))
    assert not backup.integrity_ok(paths.database)

    svc = open_services(paths, with_sample=False)
    try:
        assert [c.title for c in svc.library.courses()] == ["SCO API probe (SCORM 2004)"]
        (notice,) = svc.notices
        assert "damaged" in notice and "restored" in notice
    finally:
        svc.close()
    kept = [p for p in paths.root.iterdir() if p.name.startswith("library.sqlite3.corrupt-")]
    assert kept, "the damaged file must be kept, never deleted"
    assert copy.exists()


def test_a_damaged_database_without_backups_starts_a_new_library_and_says_so(tmp_path):
    paths = DataPaths(tmp_path / "data", explicit=True)
    paths.ensure()
    paths.database.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    svc = open_services(paths, with_sample=False)
    try:
        assert svc.library.courses() == []
        assert "no usable backup" in svc.notices[0]
    finally:
        svc.close()
    assert any(p.name.startswith("library.sqlite3.corrupt-") for p in paths.root.iterdir())


def test_a_routine_backup_is_taken_once_a_day_and_old_ones_pruned(tmp_path):
    paths = DataPaths(tmp_path / "data", explicit=True)
    _library_with_probe(paths)
    now = datetime.now(timezone.utc)
    first = backup.routine_backup(paths.database, paths.backups, now)
    assert first is not None and backup.integrity_ok(first)
    assert backup.routine_backup(paths.database, paths.backups, now + timedelta(hours=1)) is None
    for i in range(14):  # old daily copies and one taken before an upgrade
        name = f"library-{(now - timedelta(days=i + 2)):%Y%m%dT%H%M%S}Z-daily.sqlite3"
        (paths.backups / name).write_bytes(first.read_bytes())
    upgrade = paths.backups / f"library-{(now - timedelta(days=30)):%Y%m%dT%H%M%S}Z-before-schema-2.sqlite3"
    upgrade.write_bytes(first.read_bytes())
    backup.prune(paths.backups)
    kept = backup.list_backups(paths.backups)
    assert len([b for b in kept if b.reason == "daily"]) == backup.KEEP_ROUTINE
    assert upgrade.exists()
    assert kept[0].path == first  # newest first


def test_restore_from_the_command_line_keeps_the_current_database(tmp_path):
    data = tmp_path / "data"
    paths = DataPaths(data, explicit=True)
    _library_with_probe(paths)
    copy = backup.backup_database(paths.database, paths.backups, "daily")
    svc = open_services(paths, with_sample=False)
    svc.library.import_package(ROOT / "tests" / "data" / "sco-api-probe-12")
    svc.close()
    assert len(_titles(paths.database)) == 2

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    base = [sys.executable, "-m", "scorm_desktop", "--data-dir", str(data)]
    listed = json.loads(subprocess.run(base + ["backups", "--json"], capture_output=True, text=True, env=env,
                                       cwd=ROOT, check=True).stdout)
    assert copy.name in [b["file"] for b in listed]
    done = subprocess.run(base + ["restore", copy.name], capture_output=True, text=True, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "restored from the backup" in done.stderr
    assert _titles(paths.database) == ["SCO API probe (SCORM 2004)"]
    replaced = [p for p in data.iterdir() if p.name.startswith("library.sqlite3.replaced-") and p.suffix != ".sqlite3-wal"]
    # What was there before the restore is kept, whole (the first CLI start also imported the sample course).
    assert replaced and "SCO API probe (SCORM 1.2)" in _titles(replaced[0])
    bad = subprocess.run(base + ["restore", "no-such-backup"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert bad.returncode == 2 and "there is no backup 'no-such-backup'" in bad.stderr


def test_restoring_an_older_backup_and_back_again_loses_no_course_files(tmp_path):
    """Courses imported after a backup keep their files through a restore, so undoing the restore (putting back
    the database kept beside it) gives playable courses again."""
    paths = DataPaths(tmp_path / "data", explicit=True)
    _library_with_probe(paths)
    copy = backup.backup_database(paths.database, paths.backups, "daily")
    svc = open_services(paths, with_sample=False)
    later = svc.library.import_package(ROOT / "tests" / "data" / "sco-api-probe-12").course
    svc.close()

    backup.request_restore(paths.root, copy)
    svc = open_services(paths, with_sample=False)  # the older library: without the later course
    assert [c.title for c in svc.library.courses()] == ["SCO API probe (SCORM 2004)"]
    svc.close()
    assert (later.folder / "index.html").exists()  # its files are still there

    replaced = next(p for p in paths.root.iterdir() if p.name.startswith("library.sqlite3.replaced-")
                    and not p.name.endswith(("-wal", "-shm")))
    backup.request_restore(paths.root, replaced)
    svc = open_services(paths, with_sample=False)
    try:
        back = svc.library.course(later.id)
        assert back.folder.is_dir() and (back.folder / "index.html").exists()
    finally:
        svc.close()


# -- a zero-length or deleted database (issue 11) ------------------------------------------------------------------
def _library_with_backup_then_more(tmp_path: Path) -> tuple[DataPaths, int, int]:
    """Course A imported and backed up, then course B imported after the backup. Returns (paths, id A, id B)."""
    from helpers import PROBE_12

    paths = DataPaths(tmp_path / "data", explicit=True)
    svc = open_services(paths, with_sample=False)
    try:
        a = svc.library.import_package(PROBE_2004).course
        learner = svc.records.learner("Ana")
        backup.backup_database(paths.database, paths.backups, "daily")
        b = svc.library.import_package(PROBE_12).course
    finally:
        svc.close()
    assert learner is not None
    return paths, a.id, b.id


def _wipe(paths: DataPaths, how: str) -> None:
    if how == "zero-length":
        for suffix in ("-wal", "-shm"):
            paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)
        paths.database.write_bytes(b"")
    else:
        for suffix in ("", "-wal", "-shm"):
            paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)


import pytest  # noqa: E402


@pytest.mark.parametrize("how", ["zero-length", "deleted"])
@pytest.mark.parametrize("deferred", [False, True], ids=["cli", "window-or-play"])
def test_a_blank_database_restores_the_newest_backup_and_reattaches_newer_courses(tmp_path, how, deferred):
    """Also when the start defers its maintenance (the window, play): the blank-file check is never deferred."""
    paths, a_id, b_id = _library_with_backup_then_more(tmp_path)
    _wipe(paths, how)
    svc = open_services(paths, with_sample=False, deferred=deferred)
    try:
        courses = {c.title: c for c in svc.library.courses()}
        assert set(courses) == {"SCO API probe (SCORM 2004)", "SCO API probe (SCORM 1.2)"}
        assert courses["SCO API probe (SCORM 2004)"].id == a_id  # from the backup, with its id (and its records)
        assert courses["SCO API probe (SCORM 1.2)"].source_name == "sco-api-probe-12"  # re-attached from its folder
        assert [lr.name for lr in svc.records.learners()] == ["Ana"]
        (notice,) = svc.notices
        word = "empty" if how == "zero-length" else "missing"
        assert notice.startswith(f"The library database was {word}, so the backup from ") and "restored" in notice
        assert sorted(p.name for p in svc.paths.courses.iterdir()) == sorted(c.folder.name for c in courses.values())
    finally:
        svc.close()
    if how == "zero-length":
        assert any(p.name.startswith("library.sqlite3.empty-") for p in paths.root.iterdir())
    assert not (paths.root / backup.REATTACH_REQUEST).exists()
    again = open_services(paths, with_sample=False)  # the next start is an ordinary one
    try:
        assert again.notices == [] and len(again.library.courses()) == 2
    finally:
        again.close()


def test_a_deleted_database_without_backups_reattaches_every_course_folder(tmp_path):
    paths, _, _ = _library_with_backup_then_more(tmp_path)
    for b in backup.list_backups(paths.backups):
        b.path.unlink()
    _wipe(paths, "deleted")
    svc = open_services(paths, with_sample=False)
    try:
        assert sorted(c.title for c in svc.library.courses()) == [
            "SCO API probe (SCORM 1.2)", "SCO API probe (SCORM 2004)"]
        (notice,) = svc.notices
        assert notice.startswith("The library database was missing and no usable backup was found")
        assert "2 course" in notice
        # Re-importing a re-attached package finds it: the folder's hash is the package's.
        assert svc.library.import_package(PROBE_2004).duplicate_of is not None
    finally:
        svc.close()


def test_a_first_start_is_not_mistaken_for_a_lost_database(tmp_path):
    paths = DataPaths(tmp_path / "data", explicit=True)
    svc = open_services(paths, with_sample=False)
    try:
        assert svc.notices == []
    finally:
        svc.close()
