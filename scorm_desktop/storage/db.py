"""Opening the SQLite database: WAL, foreign keys, and the numbered migrations with a copy taken first."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from .migrations import LATEST, STEPS

log = logging.getLogger(__name__)


class DatabaseError(Exception):
    """The database cannot be used; the message says why and what to do."""


def utcnow() -> str:
    """UTC timestamp with milliseconds, ISO 8601, as every table stores it."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _configure(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed transaction survives a power cut too, not only a killed process (field laptops lose power).
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def schema_version(path: Path) -> int:
    conn = sqlite3.connect(path)  # `with sqlite3.connect()` only ends a transaction; it does not close the file
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def backup_database(path: Path, backups: Path, reason: str) -> Path:
    """Copy the database (consistently, through SQLite's backup API) into `backups`; return the copy's path."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = backups / f"library-{stamp}-{reason}.sqlite3"
    copy_database(path, target)
    return target


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (SQLite's online backup API), replacing `target`'s content."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def migrate(path: Path, backups: Path) -> int:
    """Bring the database at `path` to the latest schema; returns the version it had. Copies it first if it changes."""
    existed = path.exists() and path.stat().st_size > 0
    try:
        before = schema_version(path) if existed else 0
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"The database {path} cannot be read ({exc}).") from exc
    if before > LATEST:
        raise DatabaseError(
            f"The database {path} was made by a newer SCORM Desktop (schema {before}, this one knows {LATEST}); "
            "update the app to open it."
        )
    if before == LATEST:
        return before
    if existed:
        copy = backup_database(path, backups, f"before-schema-{LATEST}")
        log.info("database backed up to %s before migrating from schema %s", copy, before)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        for version, sql in STEPS:
            if version <= before:
                continue
            conn.execute("BEGIN EXCLUSIVE")
            try:
                for statement in sql.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version={int(version)}")
                conn.execute("COMMIT")
            except Exception:
                conn.execute("ROLLBACK")
                raise
            log.info("database migrated to schema %s", version)
    finally:
        conn.close()
    return before


def open_engine(path: Path, backups: Path) -> Engine:
    """Migrate, then return an engine whose every connection uses WAL, FULL sync and foreign keys."""
    path.parent.mkdir(parents=True, exist_ok=True)
    migrate(path, backups)
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _configure)
    return engine


def session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, expire_on_commit=False, future=True)
