"""A read-only data folder (a shared or archived library, a write-protected stick): the commands that only read
(`courses`, `report`, `attempts`, `learners`, `backups`, `export`) open it without writing anything: no migration,
no backup, no recovery, no tidying, no sample course. Plain Python."""

from __future__ import annotations

import sqlite3

from sqlalchemy import create_engine, event

from .library.courses import Library
from .paths import DataPaths
from .services import Services
from .settings import Settings
from .storage.db import DatabaseError, session_factory
from .storage.migrations import LATEST
from .storage.records import Records


def open_read_only(paths: DataPaths) -> Services:
    db = paths.database
    if not db.is_file() or db.stat().st_size == 0:
        raise DatabaseError(f"The data folder {paths.root} is read-only and holds no library yet.")
    try:
        version = schema_version_ro(db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"The database {db} cannot be read ({exc}).") from exc
    if version != LATEST:
        raise DatabaseError(
            f"The database {db} is from another version of SCORM Desktop (schema {version}, this one uses {LATEST}) "
            "and the folder is read-only, so it cannot be upgraded; open it where it can be written."
        )
    engine = _engine(db, immutable=False)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master")
    except Exception:  # a WAL database whose -shm cannot be made here: read the file as it is
        engine.dispose()
        engine = _engine(db, immutable=True)
    sessions = session_factory(engine)
    return Services(
        paths=paths,
        engine=engine,
        sessions=sessions,
        library=Library(paths, sessions),
        records=Records(sessions, None),
        settings=Settings.load(paths.settings_file),
        notices=[f"the data folder {paths.root} is read-only: showing what it holds, changing nothing"],
    )


def schema_version_ro(db) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def _engine(db, immutable: bool):
    flag = "immutable=1" if immutable else "mode=ro"
    engine = create_engine(f"sqlite:///file:{db}?{flag}&uri=true", future=True)

    def configure(dbapi_conn, _record) -> None:
        dbapi_conn.execute("PRAGMA query_only=ON")

    event.listen(engine, "connect", configure)
    return engine
