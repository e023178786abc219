"""The database (migrations, backups, refusals, engine settings) and the records written during play.

Real SQLite files under tmp_path, real packages imported through the library; nothing under test is mocked.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Integer, String, inspect, select, text

from scorm_desktop import launch
from scorm_desktop.cmi import timefmt
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import Services, open_services
from scorm_desktop.storage.db import DatabaseError, migrate, open_engine, schema_version
from scorm_desktop.storage.migrations import LATEST, STEPS
from scorm_desktop.storage.models import Base, Session, load_all

load_all()  # Base.metadata holds every table, the LRS's and dispatch's too (they map on first use)

DATA = Path(__file__).resolve().parent.parent / "data"
PROBE_2004 = DATA / "sco-api-probe-2004"
PROBE_12 = DATA / "sco-api-probe-12"


@pytest.fixture
def course_id(services: Services) -> int:
    outcome = services.library.import_package(PROBE_2004)
    assert outcome.course is not None
    return outcome.course.id


def user_tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    return {r[0] for r in rows}


def cs(value: str) -> int:
    """A time value in centiseconds (fails the test when the value is not a readable time)."""
    parsed = timefmt.try_parse(value)
    assert parsed is not None, f"not a time: {value!r}"
    return parsed


# --------------------------------------------------------------------------------------------------- migrations


def test_migrates_an_empty_file_to_the_latest_schema(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    db.touch()  # an empty file is a new database, not a corrupt one
    assert migrate(db, tmp_path / "backups") == 0
    assert schema_version(db) == LATEST
    with sqlite3.connect(db) as conn:
        assert user_tables(conn) == set(Base.metadata.tables)
    conn.close()
    assert not (tmp_path / "backups").exists(), "a new database has nothing worth backing up"


def test_migrates_a_missing_file_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    assert migrate(db, tmp_path / "backups") == 0
    before = db.read_bytes()
    assert migrate(db, tmp_path / "backups") == LATEST
    assert db.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_steps_are_numbered_one_by_one() -> None:
    assert [v for v, _ in STEPS] == list(range(1, len(STEPS) + 1))
    assert LATEST == len(STEPS)


def _reflect(engine) -> dict[str, dict]:
    """Tables as comparable plain data: columns (affinity, nullable, pk), unique sets and foreign keys."""
    insp = inspect(engine)
    out: dict[str, dict] = {}
    for table in insp.get_table_names():
        pk = set(insp.get_pk_constraint(table)["constrained_columns"])
        out[table] = {
            "columns": {
                c["name"]: (_affinity(c["type"]), c["nullable"] or c["name"] in pk) for c in insp.get_columns(table)
            },
            "pk": pk,
            "unique": {frozenset(u["column_names"]) for u in insp.get_unique_constraints(table)},
            "fk": {
                (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
                for f in insp.get_foreign_keys(table)
            },
        }
    return out


def _affinity(sa_type) -> str:
    if isinstance(sa_type, Integer):
        return "INTEGER"
    if isinstance(sa_type, String):  # Text is a String
        return "TEXT"
    return type(sa_type).__name__


def _models() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for name, table in Base.metadata.tables.items():
        pk = {c.name for c in table.primary_key.columns}
        unique = {frozenset([c.name]) for c in table.columns if c.unique}
        unique |= {
            frozenset(c.name for c in con.columns)
            for con in table.constraints
            if type(con).__name__ == "UniqueConstraint"
        }
        out[name] = {
            "columns": {c.name: (_affinity(c.type), c.nullable or c.name in pk) for c in table.columns},
            "pk": pk,
            "unique": unique,
            "fk": {
                ((fk.parent.name,), fk.column.table.name, (fk.column.name,))
                for c in table.columns
                for fk in c.foreign_keys
            },
        }
    return out


def test_orm_models_agree_with_the_migrated_schema(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "library.sqlite3", tmp_path / "backups")
    try:
        reflected = _reflect(engine)
    finally:
        engine.dispose()
    models = _models()
    assert set(reflected) == set(models)
    for table in models:
        assert reflected[table]["columns"] == models[table]["columns"], table
        assert reflected[table]["pk"] == models[table]["pk"], table
        assert reflected[table]["unique"] == models[table]["unique"], table
        assert reflected[table]["fk"] == models[table]["fk"], table


def test_orm_on_delete_matches_the_schema(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    migrate(db, tmp_path / "backups")
    conn = sqlite3.connect(db)
    try:
        for name, table in Base.metadata.tables.items():
            # foreign_key_list columns: id, seq, table, from, to, on_update, on_delete, match
            in_db = {(r[3], r[2], r[6]) for r in conn.execute(f"PRAGMA foreign_key_list({name})")}
            in_orm = {
                (fk.parent.name, fk.column.table.name, (fk.ondelete or "NO ACTION").upper())
                for c in table.columns
                for fk in c.foreign_keys
            }
            assert in_db == in_orm, name
    finally:
        conn.close()


def test_backup_is_taken_before_migrating_an_older_database(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    backups = tmp_path / "backups"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.executemany("INSERT INTO notes (body) VALUES (?)", [("first",), ("second",)])
    conn.commit()
    conn.close()
    assert schema_version(db) == 0
    original = db.read_bytes()

    assert migrate(db, backups) == 0
    assert schema_version(db) == LATEST

    copies = list(backups.iterdir())
    assert len(copies) == 1
    assert copies[0].name.endswith(f"-before-schema-{LATEST}.sqlite3")
    copy = sqlite3.connect(copies[0])
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 0
        assert user_tables(copy) == {"notes"}
        assert [r[0] for r in copy.execute("SELECT body FROM notes ORDER BY id")] == ["first", "second"]
    finally:
        copy.close()
    # The copy holds the data of the original, not merely a file that opens.
    assert copies[0].read_bytes()[:16] == original[:16] == b"SQLite format 3\x00"
    # The data survives the migration itself too.
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 2
        assert set(Base.metadata.tables) <= user_tables(conn)
    finally:
        conn.close()


def test_failed_step_rolls_back_and_keeps_the_backup(tmp_path: Path) -> None:
    """A version-0 database that already has a `courses` table makes step 1 fail: nothing half-migrated remains."""
    db = tmp_path / "library.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE courses (legacy TEXT)")
    conn.execute("INSERT INTO courses VALUES ('keep me')")
    conn.commit()
    conn.close()
    with pytest.raises(sqlite3.OperationalError):
        migrate(db, tmp_path / "backups")
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
        assert user_tables(conn) == {"courses"}
        assert conn.execute("SELECT legacy FROM courses").fetchall() == [("keep me",)]
    finally:
        conn.close()
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_refuses_a_database_from_a_newer_app(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE future (x)")
    conn.execute("PRAGMA user_version=999")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseError) as info:
        open_engine(db, tmp_path / "backups")
    message = str(info.value)
    assert "newer" in message and "update the app" in message
    assert "999" in message and str(LATEST) in message
    assert db.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_refuses_a_corrupt_file_without_touching_it(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    garbage = os.urandom(8192)
    db.write_bytes(garbage)
    with pytest.raises(DatabaseError) as info:
        open_engine(db, tmp_path / "backups")
    message = str(info.value)
    assert str(db) in message and "cannot be read" in message
    assert db.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.sqlite3"]


def test_open_services_reports_a_newer_database(paths: DataPaths) -> None:
    paths.root.mkdir(parents=True)
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA user_version=999")
    conn.close()
    with pytest.raises(DatabaseError, match="update the app"):
        open_services(paths, with_sample=False)


def test_engine_connections_use_wal_and_foreign_keys(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "library.sqlite3", tmp_path / "backups")
    try:
        for _ in range(2):  # every connection, not only the first
            with engine.connect() as conn:
                assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
                assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
                assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            engine.dispose()
    finally:
        engine.dispose()


def test_foreign_keys_are_enforced_and_cascade(services: Services, course_id: int) -> None:
    ada = services.records.learner("Ada")
    rec = services.records.begin_session(ada.id, course_id, "ITEM-PROBE-2004", "normal", "credit")
    services.records.apply_events(rec.session_id, [{"op": "set", "element": "cmi.location", "value": "1"}])
    with services.engine.begin() as conn:
        with pytest.raises(Exception, match="FOREIGN KEY"):
            with conn.begin_nested():
                conn.execute(
                    text(
                        "INSERT INTO attempts (learner_id, course_id, number, registration, started_at, "
                        "last_activity_at) VALUES (9999, 9999, 1, 'r', 'x', 'x')"
                    )
                )
        conn.execute(text("DELETE FROM courses WHERE id = :id"), {"id": course_id})
    with services.engine.connect() as conn:
        for table in ("attempts", "sco_states", "cmi_values", "sessions"):
            assert conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() == 0, table


# --------------------------------------------------------------------------------------------------- records


def test_learner_is_created_once_with_a_stable_uid(services: Services) -> None:
    records = services.records
    ada = records.learner("Ada")
    again = records.learner("  Ada  ")
    assert again == ada
    assert len(ada.uid) == 36
    bob = records.learner("Bob")
    assert bob.id != ada.id and bob.uid != ada.uid
    assert records.learner() == ada  # no name: the first learner
    assert [lr.name for lr in records.learners()] == ["Ada", "Bob"]
    with pytest.raises(ValueError):
        records.learner("   ")


def test_learner_uid_survives_reopening(paths: DataPaths) -> None:
    first = open_services(paths, with_sample=False)
    try:
        uid = first.records.learner("Ada").uid
    finally:
        first.close()
    second = open_services(paths, with_sample=False)
    try:
        assert second.records.learner("Ada").uid == uid
        assert len(second.records.learners()) == 1
    finally:
        second.close()


def test_default_learner_is_created_when_there_is_none(services: Services) -> None:
    learner = services.records.learner()
    assert learner.name
    assert services.records.learner() == learner
    assert services.records.learners() == [learner]


def test_session_round_trip(services: Services, course_id: int) -> None:
    records = services.records
    ada = records.learner("Ada")
    first = records.begin_session(ada.id, course_id, "ITEM-PROBE-2004", "normal", "credit")
    assert first.stored == {}
    written = records.apply_events(
        first.session_id,
        [
            {"op": "initialize"},
            {"op": "set", "element": "cmi.location", "value": "page-3"},
            {"op": "set", "element": "cmi.score.raw", "value": 80},
            {"op": "commit"},
        ],
    )
    assert written == 2
    assert records.session_values(first.session_id) == {"cmi.location": "page-3", "cmi.score.raw": "80"}
    assert [s.session_id for s in records.open_sessions()] == [first.session_id]
    records.end_session(first.session_id, "terminated", {"cmi.total_time": "PT1M"})
    assert records.open_sessions() == []

    second = records.begin_session(ada.id, course_id, "ITEM-PROBE-2004", "normal", "credit")
    assert second.session_id != first.session_id
    assert second.sco_state_id == first.sco_state_id
    assert (second.attempt_id, second.registration) == (first.attempt_id, first.registration)
    assert second.stored == {"cmi.location": "page-3", "cmi.score.raw": "80", "cmi.total_time": "PT1M"}

    with services.sessions() as s:
        row = s.get(Session, first.session_id)
        assert row.initialized_at is not None and row.ended_at is not None
        assert row.end_reason == "terminated" and row.event_count == 4
        assert (row.mode, row.credit) == ("normal", "credit")

    rows = records.sco_rows(course_id=course_id)
    assert len(rows) == 1
    assert rows[0]["learner_uid"] == ada.uid and rows[0]["sessions"] == 1  # the second session has no events yet


def test_learners_and_items_keep_separate_values(services: Services, course_id: int) -> None:
    records = services.records
    ada, bob = records.learner("Ada"), records.learner("Bob")
    a = records.begin_session(ada.id, course_id, "ITEM-PROBE-2004", "normal", "credit")
    b = records.begin_session(bob.id, course_id, "ITEM-PROBE-2004", "normal", "credit")
    other = records.begin_session(ada.id, course_id, "OTHER-ITEM", "normal", "credit")
    records.apply_events(a.session_id, [{"op": "set", "element": "cmi.location", "value": "ada"}])
    records.apply_events(b.session_id, [{"op": "set", "element": "cmi.location", "value": "bob"}])
    assert a.registration != b.registration
    assert other.attempt_id == a.attempt_id and other.sco_state_id != a.sco_state_id
    assert records.session_values(a.session_id) == {"cmi.location": "ada"}
    assert records.session_values(b.session_id) == {"cmi.location": "bob"}
    assert records.session_values(other.session_id) == {}


def test_later_set_of_the_same_element_wins_within_and_across_batches(services: Services, course_id: int) -> None:
    records = services.records
    rec = records.begin_session(records.learner("Ada").id, course_id, "ITEM-PROBE-2004", "normal", "credit")
    batch = [
        {"op": "set", "element": "cmi.location", "value": "1"},
        {"op": "set", "element": "cmi.suspend_data", "value": "a"},
        {"op": "set", "element": "cmi.location", "value": "2"},
        {"op": "set", "element": "cmi.location", "value": "3"},
    ]
    assert records.apply_events(rec.session_id, batch) == 2
    assert records.session_values(rec.session_id) == {"cmi.location": "3", "cmi.suspend_data": "a"}
    records.apply_events(rec.session_id, [{"op": "set", "element": "cmi.location", "value": "4"}])
    assert records.session_values(rec.session_id) == {"cmi.location": "4", "cmi.suspend_data": "a"}


def test_ten_thousand_values_in_one_batch(services: Services, course_id: int) -> None:
    records = services.records
    rec = records.begin_session(records.learner("Ada").id, course_id, "ITEM-PROBE-2004", "normal", "credit")
    events = [{"op": "set", "element": f"cmi.interactions.{i}.id", "value": f"q{i}"} for i in range(10_000)]
    events.append({"op": "set", "element": "cmi.interactions.0.id", "value": "last"})
    assert records.apply_events(rec.session_id, events) == 10_000
    values = records.session_values(rec.session_id)
    assert len(values) == 10_000
    assert values["cmi.interactions.0.id"] == "last"
    assert values["cmi.interactions.9999.id"] == "q9999"
    # A second big batch updates the same rows (the upsert path, not only inserts).
    again = [{"op": "set", "element": f"cmi.interactions.{i}.id", "value": f"r{i}"} for i in range(10_000)]
    assert records.apply_events(rec.session_id, again) == 10_000
    values = records.session_values(rec.session_id)
    assert len(values) == 10_000 and values["cmi.interactions.5000.id"] == "r5000"


def test_failed_batch_writes_nothing(services: Services, course_id: int) -> None:
    records = services.records
    rec = records.begin_session(records.learner("Ada").id, course_id, "ITEM-PROBE-2004", "normal", "credit")
    records.apply_events(rec.session_id, [{"op": "set", "element": "cmi.location", "value": "kept"}])
    with pytest.raises(KeyError):
        records.apply_events(rec.session_id, [{"op": "set", "element": "cmi.location", "value": "lost"}, {"op": "set"}])
    assert records.session_values(rec.session_id) == {"cmi.location": "kept"}
    with pytest.raises(KeyError):
        records.apply_events(987654, [{"op": "initialize"}])


def test_end_session_is_idempotent(services: Services, course_id: int) -> None:
    records = services.records
    rec = records.begin_session(records.learner("Ada").id, course_id, "ITEM-PROBE-2004", "normal", "credit")
    records.apply_events(rec.session_id, [{"op": "initialize"}])
    records.end_session(rec.session_id, "terminated", {"cmi.total_time": "PT10S"})
    with services.sessions() as s:
        first = s.get(Session, rec.session_id)
        ended_at, reason = first.ended_at, first.end_reason
    records.end_session(rec.session_id, "closed", {"cmi.total_time": "PT20S"})
    with services.sessions() as s:
        row = s.get(Session, rec.session_id)
        assert (row.ended_at, row.end_reason) == (ended_at, reason) == (ended_at, "terminated")
    assert records.session_values(rec.session_id) == {"cmi.total_time": "PT10S"}
    records.end_session(987654, "closed", {})  # an unknown session is not an error


def test_open_sessions_lists_a_session_never_ended(services: Services, course_id: int) -> None:
    records = services.records
    ada = records.learner("Ada")
    ended = records.begin_session(ada.id, course_id, "ITEM-PROBE-2004", "normal", "credit")
    records.end_session(ended.session_id, "terminated", {})
    left = records.begin_session(ada.id, course_id, "ITEM-PROBE-2004", "review", "no-credit")
    records.apply_events(left.session_id, [{"op": "initialize"}])
    (open_,) = records.open_sessions()
    assert open_.session_id == left.session_id
    assert (open_.course_id, open_.learner_id, open_.item_identifier) == (course_id, ada.id, "ITEM-PROBE-2004")
    assert (open_.mode, open_.credit) == ("review", "no-credit")
    assert open_.initialized_at is not None and open_.last_event_at is not None


# --------------------------------------------------------------------------------------------------- recovery


def _end_state(services: Services, session_id: int) -> tuple[str | None, str | None]:
    with services.sessions() as s:
        row = s.get(Session, session_id)
        return (row.ended_at, row.end_reason) if row is not None else (None, None)


def test_recover_finishes_an_interrupted_session_and_the_next_launch_resumes(
    services: Services, course_id: int
) -> None:
    library, records = services.library, services.records
    # A first session that ended properly (suspended, so the attempt goes on), counting one minute.
    first = launch.prepare(library, records, course_id, "Ada")
    assert first.values["cmi.entry"] == "ab-initio"
    records.apply_events(
        first.record.session_id,
        [{"op": "initialize"}, {"op": "set", "element": "cmi.session_time", "value": "PT1M"},
         {"op": "set", "element": "cmi.exit", "value": "suspend"}],
    )
    first.terminated = True
    assert cs(launch.finish(records, first, "terminated")["cmi.total_time"]) == 6000

    # A second session that the app never ended (killed): 30 seconds, suspended at page 3.
    second = launch.prepare(library, records, course_id, "Ada")
    assert second.values["cmi.entry"] == "resume"
    assert second.record.sco_state_id == first.record.sco_state_id
    records.apply_events(
        second.record.session_id,
        [{"op": "initialize"}, {"op": "set", "element": "cmi.location", "value": "page-3"},
         {"op": "set", "element": "cmi.session_time", "value": "PT30S"},
         {"op": "set", "element": "cmi.exit", "value": "suspend"}],
    )
    assert [s.session_id for s in records.open_sessions()] == [second.record.session_id]

    assert launch.recover(library, records) == 1
    assert records.open_sessions() == []
    assert _end_state(services, second.record.session_id)[1] == "recovered"
    values = records.session_values(second.record.session_id)
    assert cs(values["cmi.total_time"]) == 9000  # 1 min + 30 s

    third = launch.prepare(library, records, course_id, "Ada")
    assert third.values["cmi.entry"] == "resume"
    assert third.values["cmi.location"] == "page-3"
    assert cs(third.values["cmi.total_time"]) == 9000
    # Only the third session is open now, and its content never initialized: dropped, not counted as recovered.
    assert launch.recover(library, records) == 0
    assert records.open_sessions() == []


def test_recover_uses_the_measured_time_and_suspends_when_the_content_set_neither(
    services: Services, course_id: int
) -> None:
    library, records = services.library, services.records
    run = launch.prepare(library, records, course_id, "Ada")
    sid = run.record.session_id
    records.apply_events(sid, [{"op": "initialize"}, {"op": "set", "element": "cmi.location", "value": "p2"}])
    with services.engine.begin() as conn:
        conn.execute(
            text("UPDATE sessions SET initialized_at=:a, last_event_at=:b WHERE id=:id"),
            {"a": "2024-05-01T10:00:00.000Z", "b": "2024-05-01T10:02:00.000Z", "id": sid},
        )
    assert launch.recover(library, records) == 1
    values = records.session_values(sid)
    assert cs(values["cmi.total_time"]) == 12000  # the two minutes between Initialize and the last event
    assert values["cmi.exit"] == "suspend"
    assert launch.prepare(library, records, course_id, "Ada").values["cmi.entry"] == "resume"


def test_recover_drops_a_session_the_content_never_initialized(services: Services, course_id: int) -> None:
    library, records = services.library, services.records
    run = launch.prepare(library, records, course_id, "Ada")
    assert launch.recover(library, records) == 0
    assert records.open_sessions() == []
    with services.sessions() as s:
        assert s.get(Session, run.record.session_id) is None
        assert s.scalars(select(Session)).all() == []


def test_open_services_recovers_sessions_left_by_a_crash(paths: DataPaths) -> None:
    crashed = open_services(paths, with_sample=False)
    try:
        course = crashed.library.import_package(PROBE_12).course
        run = launch.prepare(crashed.library, crashed.records, course.id, "Ada")
        crashed.records.apply_events(
            run.record.session_id,
            [{"op": "initialize"}, {"op": "set", "element": "cmi.core.session_time", "value": "00:00:42"}],
        )
    finally:
        crashed.engine.dispose()  # no finish(): the process "died"
    reopened = open_services(paths, with_sample=False)
    try:
        assert reopened.records.open_sessions() == []
        values = reopened.records.session_values(run.record.session_id)
        assert cs(values["cmi.core.total_time"]) == 4200
        assert values["cmi.core.exit"] == "suspend"
        assert values["cmi.core.lesson_status"] == "incomplete"
        nxt = launch.prepare(reopened.library, reopened.records, course.id, "Ada")
        assert nxt.values["cmi.core.entry"] == "resume"
    finally:
        reopened.close()
