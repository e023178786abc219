"""Backups of the database, the integrity check at start, and restoring: the learner's records survive a damaged
file, a bad upgrade, or a mistake.

Backups are consistent copies made with SQLite's backup API into `backups/`, named
`library-<UTC time>-<reason>.sqlite3`. A damaged or replaced database is never deleted: it is renamed beside the
original with `.corrupt-<time>` / `.replaced-<time>` so nothing is lost even then.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ..i18n import _, plural
from .db import backup_database, copy_database

log = logging.getLogger(__name__)

_NAME = re.compile(r"^library-(\d{8}T\d{6}\d*Z)-(.+)\.sqlite3$")
#: Daily copies kept; copies taken before a schema upgrade are always kept.
KEEP_ROUTINE = 10
DAILY = timedelta(hours=24)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int

    @property
    def label(self) -> str:
        """When, why and how big, in the learner's language (the `backups` listing and the window's restore list)."""
        local = self.created.astimezone()
        return _("{0} ({1}, {2} KiB)").format(f"{local:%Y-%m-%d %H:%M}", reason_words(self.reason),
                                              f"{self.size / 1024:.0f}")


#: A database a restore replaced, kept beside the backups folder: `library.sqlite3.replaced-<UTC time>[-n]`.
_REPLACED = re.compile(r"^library\.sqlite3\.replaced-(\d{8}T\d{6}Z)(?:-\d+)?$")
REPLACED_REASON = "replaced-by-a-restore"
_BEFORE_SCHEMA = re.compile(r"^before-schema-(\d+)$")


def reason_words(reason: str) -> str:
    """A backup's reason (the word in its file name) as words for a person; a reason this version does not make
    reads as its file name does, hyphens as spaces."""
    if reason == "daily":
        return _("daily")
    if reason == REPLACED_REASON:
        return _("replaced by a restore")
    m = _BEFORE_SCHEMA.match(reason)
    if m:
        return _("before schema {0}").format(m.group(1))
    return reason.replace("-", " ")


def list_backups(backups: Path, include_replaced: bool = False) -> list[BackupInfo]:
    """Newest first. `include_replaced`: also the databases a restore set aside (in the data folder, beside
    `backups/`), which can be restored like a backup (what `backups` and `restore` offer)."""
    out = _replaced(backups.parent) if include_replaced else []
    if not backups.is_dir():
        return out
    for p in backups.iterdir():
        m = _NAME.match(p.name)
        if not m or not p.is_file():
            continue
        stamp = m.group(1)
        try:
            created = datetime.strptime(stamp[:15], "%Y%m%dT%H%M%S").replace(tzinfo=timezone.utc)
        except ValueError:
            continue
        out.append(BackupInfo(p, created, m.group(2), p.stat().st_size))
    return sorted(out, key=lambda b: (b.created, b.path.name), reverse=True)


def _replaced(root: Path) -> list[BackupInfo]:
    out = []
    if not root.is_dir():
        return out
    for p in root.iterdir():
        m = _REPLACED.match(p.name)
        if not m or not p.is_file():
            continue
        created = datetime.strptime(m.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
        out.append(BackupInfo(p, created, REPLACED_REASON, p.stat().st_size))
    return out


def integrity_ok(db: Path) -> bool:
    """True when SQLite can open the file and its quick integrity check passes."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
            return row is not None and row[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def set_aside(db: Path, why: str) -> Path:
    """Rename the database (and its WAL/SHM files) out of the way; returns the new name of the main file.
    Never overwrites anything: a name already taken (two restores in one second) gets a counter."""
    stamp = _stamp()
    target = db.with_name(f"{db.name}.{why}-{stamp}")
    n = 1
    while any(p.exists() for p in (target, target.with_name(target.name + "-wal"))):
        n += 1
        target = db.with_name(f"{db.name}.{why}-{stamp}-{n}")
    for suffix in ("-wal", "-shm"):
        side = db.with_name(db.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    os.replace(db, target)
    return target


def damaged(backup: Path) -> ValueError:
    return ValueError(_("The backup {0} is damaged and cannot be restored.").format(backup.name))


def restore(db: Path, backup: Path) -> Path | None:
    """Put a backup in place of the database (the current one, if any, is set aside as `.replaced-<time>`).

    Only call while no connection to `db` is open (at start, or after the app closed its engine).
    """
    if not integrity_ok(backup):
        raise damaged(backup)
    aside = set_aside(db, "replaced") if db.exists() else None
    copy_database(backup, db)
    log.warning("restored %s from %s (the previous database was kept as %s)", db, backup, aside)
    return aside


def routine_backup(db: Path, backups: Path, now: datetime | None = None) -> Path | None:
    """A copy once a day (when the database exists and the newest copy is older than a day); prunes old copies."""
    if not db.exists() or db.stat().st_size == 0:
        return None
    now = now or datetime.now(timezone.utc)
    existing = list_backups(backups)
    if existing and now - existing[0].created < DAILY:
        return None
    copy = backup_database(db, backups, "daily")
    prune(backups)
    return copy


def prune(backups: Path, keep: int = KEEP_ROUTINE) -> list[Path]:
    """Delete routine copies beyond the newest `keep`; copies taken before an upgrade or a restore stay."""
    routine = [b for b in list_backups(backups) if b.reason == "daily"]
    removed = []
    for b in routine[keep:]:
        b.path.unlink(missing_ok=True)
        removed.append(b.path)
    return removed


#: Left in the data folder when the database was replaced at start: `Library.tidy` then re-attaches the course
#: folders the restored (or new) database does not know, and removes the marker.
REATTACH_REQUEST = "reattach-courses.request"


def check_at_start(db: Path, backups: Path) -> list[str]:
    """The integrity check at start. A damaged database is set aside and the newest sound backup restored (or a new
    library started when there is none). A missing or zero-length database in a data folder that was in use (it has
    backups or course folders) is treated the same way, never as a first start. Either way the course folders the
    database does not know are re-attached afterwards (see REATTACH_REQUEST). Returns sentences for the user about
    what happened (empty: all well)."""
    if is_blank(db):
        return _recover_blank(db, backups)
    if integrity_ok(db):
        return []
    aside = set_aside(db, "corrupt")
    log.error("the database %s failed its integrity check; set aside as %s", db, aside)
    _request_reattach(db)
    for candidate in list_backups(backups):
        if integrity_ok(candidate.path):
            restore(db, candidate.path)
            return [
                _("The library database was damaged, so the backup from {0} was restored. Anything recorded after that "
                  "backup is not in the library; the damaged file was kept as {1} in {2}.").format(
                    candidate.label, aside.name, aside.parent)
            ]
    return [
        _("The library database was damaged and no usable backup was found, so a new, empty library was started. "
          "The damaged file was kept as {0} in {1}.").format(aside.name, aside.parent)
    ]


def is_blank(db: Path) -> bool:
    """No database, or a zero-length file whose WAL holds nothing either."""
    if not db.exists():
        return True
    if db.stat().st_size > 0:
        return False
    wal = db.with_name(db.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            try:
                return conn.execute("PRAGMA user_version").fetchone()[0] == 0
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            return True
    return True


def _course_folders(db: Path) -> list[Path]:
    courses = db.parent / "courses"  # DataPaths.courses: the database and the courses share the data folder
    if not courses.is_dir():
        return []
    return [p for p in courses.iterdir() if p.is_dir() and not p.name.startswith(".")]


def _recover_blank(db: Path, backups: Path) -> list[str]:
    found = _course_folders(db)
    known = list_backups(backups)
    if not found and not known:
        return []  # a first start
    what = "missing" if not db.exists() else "empty"
    aside = set_aside(db, what) if db.exists() else None
    for suffix in ("-wal", "-shm"):  # a log left without its database must not be replayed into a new one
        side = db.with_name(db.name + suffix)
        if side.exists():
            os.replace(side, db.with_name(f"{db.name}.{what}-{_stamp()}{suffix}"))
    log.error("the database %s is %s although the data folder was in use", db, what)
    _request_reattach(db)
    kept = (" " + _("The empty file was kept as {0} in {1}.").format(aside.name, aside.parent)) if aside else ""
    for candidate in known:
        if integrity_ok(candidate.path):
            restore(db, candidate.path)
            restored = (_("The library database was missing, so the backup from {0} was restored. Anything recorded "
                          "after that backup is not in the library; courses imported since are put back in it.")
                        if what == "missing" else
                        _("The library database was empty, so the backup from {0} was restored. Anything recorded "
                          "after that backup is not in the library; courses imported since are put back in it."))
            return [restored.format(candidate.label) + kept]
    started = (_("The library database was missing and no usable backup was found, so a new library was started.")
               if what == "missing" else
               _("The library database was empty and no usable backup was found, so a new library was started."))
    if found:
        started += " " + plural(
            len(found), _("The course found in the data folder is put back in it, without its learners' records."),
            _("The {0} courses found in the data folder are put back in it, without their learners' records."))
    return [started + kept]


def _request_reattach(db: Path) -> None:
    (db.parent / REATTACH_REQUEST).write_text(
        "The database was replaced at start: course folders it does not know are re-attached.\n", encoding="utf-8"
    )


RESTORE_REQUEST = "restore-request.json"


def request_restore(root: Path, backup: Path) -> None:
    """Ask for `backup` to be restored at the next start, before the database is opened."""
    if not integrity_ok(backup):
        raise damaged(backup)
    (root / RESTORE_REQUEST).write_text(json.dumps({"backup": str(backup)}), encoding="utf-8")


def apply_restore_request(root: Path, db: Path) -> list[str]:
    """Carry out a pending restore request (see `request_restore`); returns sentences for the user.

    Call with the data folder claimed (`owners.claim`): while another process uses the folder, its database is not
    swapped under it; the request stays for a start with the folder to itself."""
    marker = root / RESTORE_REQUEST
    if not marker.exists():
        return []
    others = other_owners(root)
    if others:
        log.warning("restore request left pending: process(es) %s use the data folder", others)
        return [_("A backup waits to be restored, but SCORM Desktop is using this data folder now (process {0}); "
                  "nothing was changed. It is restored at the next start with no other process using it.").format(
                    others)]
    try:
        chosen = Path(json.loads(marker.read_text(encoding="utf-8"))["backup"])
    except (OSError, ValueError, KeyError, TypeError):
        marker.unlink(missing_ok=True)
        return [_("A request to restore a backup could not be read and was ignored.")]
    marker.unlink(missing_ok=True)
    if not chosen.exists():
        return [_("The backup {0} chosen for restoring no longer exists; nothing was changed.").format(chosen.name)]
    try:
        aside = restore(db, chosen)
    except ValueError as exc:
        return [str(exc) + " " + _("Nothing was changed.")]
    info = next((b for b in list_backups(chosen.parent) if b.path == chosen), None)
    when = info.label if info else chosen.name
    kept = (" " + _("The library as it was before is kept as {0}.").format(aside.name)) if aside else ""
    return [_("The library was restored from the backup of {0}.").format(when) + kept]


def other_owners(root: Path) -> str:
    """The process ids of the other living processes that hold the data folder, comma-separated ("" when none)."""
    from .. import owners

    return ", ".join(owners.pid_of(t) for t in owners.living(root) if not owners.is_mine(t))
