"""The write path below the channel (storage/writes.py, Records.apply_events): validated, ordered, group-committed,
retried, and sized by the batch, not the session. Real SQLite files, no Qt."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

import scorm_desktop
from helpers import PROBE_2004, stored_values
from lrs import open_recording_services
from scorm_desktop import launch
from scorm_desktop.cmi.events import RuntimeEvent
from scorm_desktop.storage.writes import OrderedWrites

ITEM = "ITEM-PROBE-2004"


@pytest.fixture
def session(svc):
    la = launch.prepare(svc.library, svc.records, svc.library.import_package(PROBE_2004).course.id, "Ada")
    writes = OrderedWrites(svc.records)
    writes.open(la.record.session_id, la.version, la.payload(svc.settings.runtime)["values"],
                la.payload(svc.settings.runtime)["options"])
    return la.record.session_id, writes


def _set(seq: int, element: str, value: str) -> RuntimeEvent:
    return RuntimeEvent("set", seq, element, value)


def _commits(svc) -> list[int]:
    """Count the transactions the records' engine commits from now on."""
    engine = svc.engine
    counted: list[int] = []
    event.listen(engine, "commit", lambda conn: counted.append(1))
    return counted


def test_batches_that_arrive_during_a_write_are_written_in_one_transaction(svc, session):
    sid, writes = session
    assert writes.put(sid, [RuntimeEvent("initialize", 1)]) is True  # the caller schedules one flush
    for i in range(2, 52):
        assert writes.put(sid, [_set(i, "cmi.location", f"p{i}")]) is False  # already scheduled: just queued
    commits = _commits(svc)
    flushed = writes.flush()
    assert flushed.error is None and flushed.refused == [] and len(commits) == 1
    assert stored_values(svc.paths.database)[ITEM]["cmi.location"] == "p51"


def test_refused_events_are_reported_and_never_stored_nor_mapped(svc, session):
    sid, writes = session
    flushed = writes.write(sid, [RuntimeEvent("initialize", 1), _set(2, "cmi.score.raw", "1e308"),
                                 _set(3, "cmi.completion_status", "completed"), _set(4, "cmi.learner_id", "X"),
                                 _set(5, "evil.element", "x"), _set(6, "cmi.score.scaled", "0.5")])
    assert [(r.event.element, r.code) for _, r in flushed.refused] == [
        ("cmi.score.raw", 406), ("cmi.learner_id", 404), ("evil.element", 401)]
    values = stored_values(svc.paths.database)[ITEM]
    assert values["cmi.completion_status"] == "completed" and values["cmi.score.scaled"] == "0.5"
    assert "cmi.score.raw" not in values and "evil.element" not in values
    conn = sqlite3.connect(svc.paths.database)
    bodies = " ".join(b for (b,) in conn.execute("SELECT body FROM outbox"))
    conn.close()
    assert "initialized" in bodies and "1e308" not in bodies and "evil" not in bodies


def test_a_failed_write_keeps_every_batch_queued_in_order_and_retries(svc, session, monkeypatch):
    sid, writes = session
    real = svc.records.apply_batches
    failing = {"on": True}

    def full_disk(session_id, batches):
        if failing["on"]:
            raise OperationalError("INSERT", {}, Exception("database or disk is full"))
        return real(session_id, batches)

    monkeypatch.setattr(svc.records, "apply_batches", full_disk)
    assert writes.write(sid, [RuntimeEvent("initialize", 1), _set(2, "cmi.location", "a")]).error == "the disk is full"
    assert writes.write(sid, [_set(3, "cmi.location", "b")]).error == "the disk is full"
    assert not writes.idle
    failing["on"] = False
    assert writes.flush().error is None and writes.idle
    assert stored_values(svc.paths.database)[ITEM]["cmi.location"] == "b"


def test_events_of_a_closed_or_unknown_session_are_refused(svc, session):
    sid, writes = session
    writes.close(sid)
    flushed = writes.write(sid, [RuntimeEvent("initialize", 1), _set(2, "cmi.location", "late")])
    assert len(flushed.refused) == 2 and "not open" in flushed.refused[0][1].reason
    assert "cmi.location" not in stored_values(svc.paths.database).get(ITEM, {})


def test_a_batch_reads_what_it_touches_not_the_whole_session(svc, session):
    """O(batch): with 3,000 interaction values stored, a batch touching one interaction reads back a handful of rows."""
    sid, writes = session
    events = [RuntimeEvent("initialize", 1)]
    for i in range(300):
        p = f"cmi.interactions.{i}."
        events += [_set(0, p + "id", f"q{i}"), _set(0, p + "type", "choice")]
        events += [_set(0, p + f"objectives.{k}.id", f"o{k}") for k in range(8)]
    assert writes.write(sid, events).error is None
    rows: list[int] = []

    from scorm_desktop.storage import records as records_module

    real_values = records_module.Records._values_for_batch

    def spy(s, sco_state_id, version, batch_rows):
        got = real_values(s, sco_state_id, version, batch_rows)
        rows.append(len(got))
        return got

    records_module.Records._values_for_batch = staticmethod(spy)
    try:
        assert writes.write(sid, [_set(0, "cmi.interactions.7.learner_response", "a"),
                                  _set(0, "cmi.interactions.7.result", "correct")]).error is None
    finally:
        records_module.Records._values_for_batch = staticmethod(real_values)
    assert rows and rows[-1] <= 20, rows  # interaction 7's ten values and the status elements, not 3,000 rows


def test_the_ui_and_the_bridge_import_no_sqlalchemy():
    package = Path(scorm_desktop.__file__).resolve().parent
    offenders = []
    for path in list((package / "ui").glob("*.py")) + list((package / "bridge").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] == "sqlalchemy" for n in names):
                offenders.append(path.name)
    assert offenders == []


def test_only_a_valid_terminate_ends_the_session(svc, session):
    sid, writes = session
    writes.write(sid, [RuntimeEvent("terminate", 1)])  # before Initialize: refused, the session goes on
    assert not writes.terminated(sid)
    writes.write(sid, [RuntimeEvent("initialize", 2), RuntimeEvent("terminate", 3)])
    assert writes.terminated(sid)
    assert writes.write(sid, [_set(4, "cmi.location", "after")]).refused  # nothing after Terminate is stored


def test_the_pages_api_log_rides_in_the_same_flush_after_the_values(svc, session, tmp_path):
    from scorm_desktop import apilog

    sid, writes = session
    path = tmp_path / "api.jsonl"
    assert writes.put(sid, [RuntimeEvent("initialize", 1)]) is True
    assert writes.put_log(path, '[["Initialize", [""], "true", "0", 0.1, "t"]]', show=True) is False  # one flush
    writes.put_log(path, '[["SetValue", ["cmi.location", "x"], "true", "0", 0.1, "t"], "junk", {"fn": 3}]')
    flushed = writes.flush()
    assert [e["fn"] for e in flushed.shown] == ["Initialize"]
    assert [e["fn"] for e in apilog.read(path)] == ["Initialize", "SetValue"]  # what is not a call is dropped
    assert len(path.read_text().splitlines()) == 1  # one append per file and flush
    assert writes.idle


def _quiz_batches() -> list[list[RuntimeEvent]]:
    """Two batches as content sends them: an answer, a score and a Commit each."""
    return [
        [RuntimeEvent("initialize", 1), _set(2, "cmi.interactions.0.id", "q1"), _set(3, "cmi.interactions.0.type", "choice"),
         _set(4, "cmi.interactions.0.learner_response", "a"), _set(5, "cmi.score.scaled", "0.2"), RuntimeEvent("commit", 6)],
        [_set(7, "cmi.interactions.0.learner_response", "b"), _set(8, "cmi.score.scaled", "0.9"), RuntimeEvent("commit", 9)],
    ]


def _sent(svc) -> list[tuple]:
    """What the outbox will send, without what differs between two data folders (ids, registration, times)."""
    import json

    conn = sqlite3.connect(svc.paths.database)
    bodies = [json.loads(b) for (b,) in conn.execute("SELECT body FROM outbox ORDER BY seq")]
    conn.close()
    return [(b["verb"]["id"], b["object"]["id"], json.dumps(b.get("result"), sort_keys=True)) for b in bodies]


def test_batches_flushed_together_send_what_they_send_flushed_apart(tmp_path):
    """Group commit is about transactions, never about content: each batch keeps its own statements, so what the LRS
    receives does not depend on how many batches the disk's pace let one flush gather."""
    results = {}
    for mode in ("apart", "together"):
        svc = open_recording_services(tmp_path / mode)
        try:
            la = launch.prepare(svc.library, svc.records, svc.library.import_package(PROBE_2004).course.id, "Ada")
            payload = la.payload(svc.settings.runtime)
            writes = OrderedWrites(svc.records)
            sid = la.record.session_id
            writes.open(sid, la.version, payload["values"], payload["options"])
            if mode == "together":
                for batch in _quiz_batches():
                    writes.put(sid, batch)
                commits = _commits(svc)
                assert writes.flush().error is None
                assert len(commits) == 1  # still one transaction for both
            else:
                for batch in _quiz_batches():
                    assert writes.write(sid, batch).error is None
            results[mode] = _sent(svc)
            assert stored_values(svc.paths.database)[ITEM]["cmi.interactions.0.learner_response"] == "b"
        finally:
            svc.close()
    verbs = [v.rsplit("/", 1)[-1] for v, _o, _r in results["apart"]]
    assert verbs.count("responded") == 2 and verbs.count("scored") == 2, verbs  # "a" then "b"; 0.2 then 0.9
    assert results["together"] == results["apart"]


def test_content_nested_too_deep_is_malformed_not_a_crash():
    from scorm_desktop import apilog
    from scorm_desktop.cmi.events import parse_batch

    with pytest.raises(ValueError):
        parse_batch("[" * 100_000, 1)
    with pytest.raises(ValueError):
        parse_batch("[" * 100_000)
    assert apilog.page_calls("[" * 100_000) == []
    assert apilog.page_calls('[{"fn": "x"}, ' * 50_000) == []


def test_a_log_nested_too_deep_never_fails_the_flush_that_wrote_the_values(svc, session, tmp_path):
    sid, writes = session
    path = tmp_path / "api.jsonl"
    writes.put(sid, [RuntimeEvent("initialize", 1), _set(2, "cmi.location", "kept")])
    writes.put_log(path, "[" * 100_000, show=True)
    deep = "[" * 400 + "]" * 400
    writes.put_log(path, f'[["SetValue", [{deep}, "x"], {deep}, "0", 0.1, "t"]]', show=True)
    flushed = writes.flush()  # no exception escapes: the values are written and said to be
    assert flushed.error is None and writes.idle
    assert stored_values(svc.paths.database)[ITEM]["cmi.location"] == "kept"
    assert [e["fn"] for e in flushed.shown] == ["SetValue"]
    writes.put(sid, [_set(3, "cmi.location", "again")])
    assert writes.flush().error is None  # and the next flush goes on as usual
    assert stored_values(svc.paths.database)[ITEM]["cmi.location"] == "again"
