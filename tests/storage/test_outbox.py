"""The outbox is written in the same transaction as the values it describes: a batch that fails leaves neither, a
replayed batch makes the same statement ids, and review/browse sessions make none."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from helpers import PROBE_12, PROBE_2004, stored_values
from lrs import open_recording_services, outbox_rows, play, quiz_events
from scorm_desktop import launch
from scorm_desktop.storage.db import open_engine, session_factory
from scorm_desktop.storage.records import Records
from scorm_desktop.xapi import StatementBuilder

ITEM = "ITEM-PROBE-2004"


@pytest.fixture
def course_id(svc) -> int:
    return svc.library.import_package(PROBE_2004).course.id


def test_a_session_queues_its_statements_in_order(svc, course_id: int) -> None:
    play(svc, course_id, "Ada", quiz_events(answers=2))
    rows = outbox_rows(svc)
    assert [r[4] for r in rows] == [
        "initialized", "responded", "responded", "progressed", "scored", "completed", "passed", "terminated",
    ]
    assert [r[2] for r in rows] == list(range(1, len(rows) + 1))  # order within the registration
    assert {r[1] for r in rows} == {svc.records.sco_rows()[0]["registration"]}
    assert {r[3] for r in rows} == {"pending"}


def test_a_failed_batch_writes_neither_values_nor_statements(svc, course_id: int) -> None:
    la = launch.prepare(svc.library, svc.records, course_id, "Ada")
    sid = la.record.session_id
    svc.records.apply_events(sid, [{"op": "initialize", "seq": 1}])
    before = outbox_rows(svc)
    broken = [
        {"op": "set", "element": "cmi.completion_status", "value": "completed", "seq": 2},
        {"op": "set", "seq": 3},  # no element: the batch fails
    ]
    with pytest.raises(KeyError):
        svc.records.apply_events(sid, broken)
    assert outbox_rows(svc) == before
    assert "cmi.completion_status" not in stored_values(svc.paths.database).get(ITEM, {})


def test_a_statement_that_cannot_be_built_keeps_the_values_out_too(svc, course_id: int, monkeypatch) -> None:
    la = launch.prepare(svc.library, svc.records, course_id, "Ada")

    def boom(*args, **kwargs):
        raise RuntimeError("builder failed")

    monkeypatch.setattr(svc.records.statements, "for_events", boom)
    with pytest.raises(RuntimeError):
        svc.records.apply_events(la.record.session_id, [{"op": "set", "element": "cmi.location", "value": "p9"}])
    assert stored_values(svc.paths.database).get(ITEM, {}).get("cmi.location") is None
    assert outbox_rows(svc) == []


def test_replaying_the_same_batch_after_a_crash_gives_the_same_ids(tmp_path: Path) -> None:
    """Run a batch, then go back to the database as it was before it (a crash before commit) and run it again."""
    root = tmp_path / "data"
    svc = open_recording_services(root)
    course = svc.library.import_package(PROBE_2004).course.id
    la = launch.prepare(svc.library, svc.records, course, "Ada")
    session_id = la.record.session_id
    svc.close()
    snapshot = tmp_path / "snapshot.sqlite3"
    _copy_db(root / "library.sqlite3", snapshot)

    ids = []
    for _ in range(2):
        _copy_db(snapshot, root / "library.sqlite3")
        engine = open_engine(root / "library.sqlite3", root / "backups")  # no recovery: the session stays open
        try:
            records = Records(session_factory(engine), StatementBuilder())
            records.apply_events(session_id, quiz_events(answers=1))
            with engine.connect() as conn:
                ids.append([r[0] for r in conn.execute(text("SELECT statement_id FROM outbox ORDER BY id"))])
        finally:
            engine.dispose()
    assert len(ids[0]) > 3 and ids[0] == ids[1]


def test_the_same_batch_twice_adds_nothing(svc, course_id: int) -> None:
    la = launch.prepare(svc.library, svc.records, course_id, "Ada")
    batch = quiz_events(answers=1)[:-1]
    svc.records.apply_events(la.record.session_id, batch)
    first = outbox_rows(svc)
    svc.records.apply_events(la.record.session_id, batch)
    assert outbox_rows(svc) == first


@pytest.mark.parametrize("mode", ["review", "browse"])
def test_review_and_browse_sessions_make_no_statements(svc, course_id: int, mode: str) -> None:
    play(svc, course_id, "Ada", quiz_events(), mode=mode)
    assert outbox_rows(svc) == []


def test_review_after_completion_adds_nothing(svc, course_id: int) -> None:
    play(svc, course_id, "Ada", quiz_events())
    n = len(outbox_rows(svc))
    play(svc, course_id, "Ada", quiz_events(passed=False))  # opens in review: the record does not change
    assert len(outbox_rows(svc)) == n


def test_suspend_then_resume(svc, course_id: int) -> None:
    first = [
        {"op": "initialize", "seq": 1},
        {"op": "set", "element": "cmi.location", "value": "p3", "seq": 2},
        {"op": "set", "element": "cmi.exit", "value": "suspend", "seq": 3},
        {"op": "terminate", "seq": 4},
    ]
    play(svc, course_id, "Ada", first)
    play(svc, course_id, "Ada", quiz_events(answers=0))
    verbs = [r[4] for r in outbox_rows(svc)]
    assert verbs[:3] == ["initialized", "suspended", "resumed"]
    assert verbs[-1] == "terminated"
    assert len({r[1] for r in outbox_rows(svc)}) == 1  # one registration: the same course attempt


def test_a_crashed_session_is_suspended_once_on_recovery(svc, course_id: int) -> None:
    la = launch.prepare(svc.library, svc.records, course_id, "Ada")
    svc.records.apply_events(la.record.session_id, [{"op": "initialize", "seq": 1}])
    assert launch.recover(svc.library, svc.records) == 1
    assert launch.recover(svc.library, svc.records) == 0
    assert [r[4] for r in outbox_rows(svc)] == ["initialized", "suspended"]


def test_a_session_that_never_initialized_reports_nothing(svc, course_id: int) -> None:
    launch.prepare(svc.library, svc.records, course_id, "Ada")
    launch.recover(svc.library, svc.records)
    assert outbox_rows(svc) == []


def test_scorm_12_lms_decisions_at_the_end_are_reported(svc) -> None:
    course = svc.library.import_package(PROBE_12).course.id
    events = [
        {"op": "initialize", "seq": 1},
        {"op": "set", "element": "cmi.core.score.raw", "value": "75", "seq": 2},
        {"op": "terminate", "seq": 3},
    ]
    play(svc, course, "Ada", events)
    verbs = [r[4] for r in outbox_rows(svc)]
    assert verbs[0] == "initialized" and "scored" in verbs and verbs[-1] == "terminated"
    assert "completed" in verbs  # lesson_status set by the LMS at LMSFinish


def test_removing_a_course_keeps_its_statements(svc, course_id: int) -> None:
    play(svc, course_id, "Ada", quiz_events())
    n = len(outbox_rows(svc))
    with svc.engine.begin() as conn:
        conn.execute(text("DELETE FROM courses WHERE id = :id"), {"id": course_id})
    assert len(outbox_rows(svc)) == n


def test_records_without_a_builder_write_no_statements(svc, course_id: int) -> None:
    svc.records.statements = None
    play(svc, course_id, "Ada", quiz_events())
    assert outbox_rows(svc) == []


def _copy_db(src: Path, dst: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    s = sqlite3.connect(src)
    d = sqlite3.connect(dst)
    try:
        s.backup(d)
    finally:
        d.close()
        s.close()
