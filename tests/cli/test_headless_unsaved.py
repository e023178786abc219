"""`play --headless` after its event loop has ended (an interrupt): what is still queued is written on the spot, and
the session is ended only when nothing is left unsaved (ui/headless.py end_when_saved). Real SQLite files; the
failure is a real lock held by another connection, as another process would hold it."""

from __future__ import annotations

import sqlite3

from helpers import PROBE_2004, sessions, stored_values
from scorm_desktop import launch
from scorm_desktop.cmi.events import RuntimeEvent
from scorm_desktop.storage.writes import OrderedWrites
from scorm_desktop.ui.headless import end_when_saved

ITEM = "ITEM-PROBE-2004"


def test_an_interrupted_run_ends_its_session_only_once_every_value_is_written(svc):
    la = launch.prepare(svc.library, svc.records, svc.library.import_package(PROBE_2004).course.id, "Ada")
    payload = la.payload(svc.settings.runtime)
    sid = la.record.session_id
    writes = OrderedWrites(svc.records)
    writes.open(sid, la.version, payload["values"], payload["options"])
    assert writes.write(sid, [RuntimeEvent("initialize", 1), RuntimeEvent("set", 2, "cmi.location", "p1")]).error is None
    writes.put(sid, [RuntimeEvent("set", 3, "cmi.location", "p2")])  # accepted, not yet durable

    other = sqlite3.connect(svc.paths.database, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process holds the database: every write is refused
    try:
        problem = end_when_saved(svc.records, writes, la, "closed")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert problem is not None and "locked" in problem
    assert not la.finished and sessions(svc.paths.database)[-1][1:] == (None, 0)  # left open, for recovery
    assert stored_values(svc.paths.database)[ITEM]["cmi.location"] == "p1"
    assert not writes.idle  # p2 is still held, in order

    assert end_when_saved(svc.records, writes, la, "closed") is None  # the database is free again
    assert stored_values(svc.paths.database)[ITEM]["cmi.location"] == "p2"
    assert la.finished and sessions(svc.paths.database)[-1][1:] == ("closed", 1)


def test_nothing_queued_and_no_session_to_end_is_fine(svc):
    writes = OrderedWrites(svc.records)
    assert end_when_saved(svc.records, writes, None, "closed") is None
