"""One statement counter per device across all its dispatches (issue 16: "a gap is visible"): the numbers of two
dispatches interleave, survive concurrent processes on one data folder and a restore from backup (never reused), and
the report still finds a gap per device and dispatch: it counts every record that did not arrive and names the device
number of each one the chain reveals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import PROBE_12, PROBE_2004
from lrs import quiz_events
from scorm_desktop import launch
from scorm_desktop.dispatch.report import figures
from scorm_desktop.dispatch.store import (
    CLOCK_ENV, DISPATCH_EXTENSION, PREVIOUS_EXTENSION, SEQUENCE_EXTENSION, DEVICE_SEQUENCE_EXTENSION, create_dispatch,
    issued, issuer_public_key, trust,
)
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def two_dispatches(tmp_path: Path, monkeypatch):
    """An issuer with two dispatches (a SCORM 2004 and a SCORM 1.2 course), both imported on one device folder."""
    monkeypatch.setenv(CLOCK_ENV, "2027-03-01T09:00:00+00:00")
    issuer = open_services(DataPaths(tmp_path / "issuer", explicit=True), with_sample=False)
    files = []
    for package in (PROBE_2004, PROBE_12):
        course = issuer.library.import_package(package).course
        out = tmp_path / f"{course.id}.sddispatch"
        create_dispatch(issuer.sessions, course, out, "Field site S")
        files.append(out)
    key = issuer_public_key(issuer.sessions)
    dispatches = issued(issuer.sessions)
    issuer.close()
    device_root = tmp_path / "device"
    device = open_services(DataPaths(device_root, explicit=True), with_sample=False)
    trust(device.sessions, key)
    course_ids = [device.library.import_package(f).course.id for f in files]
    device.close()
    return device_root, course_ids, dispatches


def open_device(root: Path):
    return open_services(DataPaths(root, explicit=True), with_sample=False)


def play_2004(svc, course_id: int, learner: str, passed: bool = True) -> None:
    la = launch.prepare(svc.library, svc.records, course_id, learner)
    svc.records.apply_events(la.record.session_id, quiz_events(answers=1, passed=passed))
    la.terminated = True
    launch.finish(svc.records, la, "terminated")


def play_12(svc, course_id: int, learner: str) -> None:
    launch.finish(svc.records, launch.prepare(svc.library, svc.records, course_id, learner), "closed")


def tagged(root: Path) -> list[dict]:
    """The dispatch statements the device queued, in the order it queued them."""
    import sqlite3

    conn = sqlite3.connect(root / "library.sqlite3")
    try:
        bodies = [json.loads(b) for (b,) in conn.execute("SELECT body FROM outbox ORDER BY id")]
    finally:
        conn.close()
    return [b for b in bodies if DISPATCH_EXTENSION in ((b.get("context") or {}).get("extensions") or {})]


def ext(st: dict, key: str):
    return st["context"]["extensions"].get(key)


def test_two_dispatches_share_one_device_counter_each_with_its_own_chain(two_dispatches) -> None:
    root, (c2004, c12), dispatches = two_dispatches
    svc = open_device(root)
    try:
        play_2004(svc, c2004, "Ada")
        play_12(svc, c12, "Ada")
        play_2004(svc, c2004, "Bo")
        play_12(svc, c12, "Bo")
    finally:
        svc.close()
    sts = tagged(root)
    numbers = [ext(st, DEVICE_SEQUENCE_EXTENSION) for st in sts]
    assert numbers == list(range(1, len(sts) + 1))  # one counter for the device, whatever the dispatch
    assert {ext(st, DISPATCH_EXTENSION) for st in sts} == {d["dispatch_id"] for d in dispatches}
    for d in dispatches:
        mine = [st for st in sts if ext(st, DISPATCH_EXTENSION) == d["dispatch_id"]]
        assert [ext(st, SEQUENCE_EXTENSION) for st in mine] == list(range(1, len(mine) + 1))  # position in it
        previous = [0] + [ext(st, DEVICE_SEQUENCE_EXTENSION) for st in mine[:-1]]
        assert [ext(st, PREVIOUS_EXTENSION) for st in mine] == previous  # the chain through this dispatch only
    # The numbers interleave: the issuer of one dispatch sees holes that are the other dispatch's, not gaps.
    for d in dispatches:
        rep = figures(d, [st for st in sts if ext(st, DISPATCH_EXTENSION) == d["dispatch_id"]])
        [dev] = rep["devices"]
        assert dev["missing"] == [] and dev["missing_count"] == 0 and rep["totals"]["missing"] == 0


def test_the_report_names_the_device_numbers_held_back_and_counts_every_one(two_dispatches) -> None:
    root, (c2004, c12), dispatches = two_dispatches
    svc = open_device(root)
    try:
        play_2004(svc, c2004, "Ada")
        play_12(svc, c12, "Ada")
        play_2004(svc, c2004, "Bo")  # Bo's statements are held back on the device
        play_12(svc, c12, "Bo")
        play_2004(svc, c2004, "Cy")
    finally:
        svc.close()
    d = next(d for d in dispatches if d["course_title"].endswith("(SCORM 2004)"))
    mine = [st for st in tagged(root) if ext(st, DISPATCH_EXTENSION) == d["dispatch_id"]]
    held = [st for st in mine if st["actor"].get("name") == "Bo" or "Bo" in json.dumps(st["actor"])]
    assert held
    arrived = [st for st in mine if st not in held]
    [dev] = figures(d, arrived)["devices"]
    held_numbers = sorted(ext(st, DEVICE_SEQUENCE_EXTENSION) for st in held)
    assert dev["missing_count"] == len(held)  # every held-back record is counted
    assert dev["missing"] == held_numbers[-1:]  # the last of the run is named by the record after it
    [dev] = figures(d, mine)["devices"]
    assert dev["missing"] == [] and dev["missing_count"] == 0


HERE = Path(__file__).resolve().parent
WORKER = """
import sys
from pathlib import Path
sys.path[0:0] = [str(Path({tests!r})), str(Path({tests!r}).parent)]
from test_dispatch_sequence import open_device, play_2004, play_12
svc = open_device(Path({root!r}))
for i in range({rounds}):
    (play_2004 if {kind!r} == "2004" else play_12)(svc, {course}, "L{kind}-" + str(i % 3))
svc.close()
"""


def test_concurrent_processes_on_one_data_folder_never_share_a_number(two_dispatches) -> None:
    root, (c2004, c12), _dispatches = two_dispatches
    env = dict(os.environ, PYTHONPATH=str(ROOT), **{CLOCK_ENV: "2027-03-01T09:00:00+00:00"})
    env.pop("SCORM_DESKTOP_DATA", None)
    procs = [subprocess.Popen([sys.executable, "-c", WORKER.format(tests=str(HERE), root=str(root),
                                                                     rounds=6, kind=kind, course=course)],
                              env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for kind, course in (("2004", c2004), ("12", c12))]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    sts = tagged(root)
    numbers = sorted(ext(st, DEVICE_SEQUENCE_EXTENSION) for st in sts)
    assert numbers == list(range(1, len(sts) + 1))
    assert len({ext(st, DISPATCH_EXTENSION) for st in sts}) == 2


def test_a_restored_backup_never_reuses_a_number_and_the_lost_ones_show_as_missing(two_dispatches) -> None:
    from scorm_desktop.storage.backup import restore
    from scorm_desktop.storage.db import backup_database

    root, (c2004, _c12), dispatches = two_dispatches
    svc = open_device(root)
    try:
        play_2004(svc, c2004, "Ada")
        backup = backup_database(svc.paths.database, svc.paths.backups, "test")
        play_2004(svc, c2004, "Bo")  # sent (say), then the database is lost: restored from the older backup
    finally:
        svc.close()
    before = tagged(root)
    used = {ext(st, DEVICE_SEQUENCE_EXTENSION) for st in before}
    restore(root / "library.sqlite3", backup)
    svc = open_device(root)
    try:
        play_2004(svc, c2004, "Cy")
    finally:
        svc.close()
    after = [st for st in tagged(root) if st["id"] not in {b["id"] for b in before}]
    bo = [st for st in before if "Bo" in json.dumps(st["actor"])]
    assert len(after) == len(bo)  # Cy's records are all new ones (the launch statement's id is not reused either)
    new = [ext(st, DEVICE_SEQUENCE_EXTENSION) for st in after]
    assert min(new) == max(used) + 1  # never a number the lost database had given
    # Bo's records exist only in the lost database: the issuer sees them missing (their device numbers are named).
    d = dispatches[0] if ext(after[0], DISPATCH_EXTENSION) == dispatches[0]["dispatch_id"] else dispatches[1]
    ada = [st for st in before if "Ada" in json.dumps(st["actor"])]
    [dev] = figures(d, ada + after)["devices"]
    assert dev["missing_count"] == len(bo)
    assert dev["missing"] == [max(ext(st, DEVICE_SEQUENCE_EXTENSION) for st in bo)]


def test_a_sync_first_brings_the_counters_beside_the_database_up_to_it(two_dispatches) -> None:
    """A process killed between a commit and the file's update leaves the file behind: the next sync, before it
    sends anything, makes it catch up, so a later restore still cannot reuse a number that went out."""
    from scorm_desktop.storage.dispatch_sequence import COUNTERS_FILE, DEVICE, read_counters
    from scorm_desktop.storage.backup import restore
    from scorm_desktop.storage.db import backup_database
    from scorm_desktop.sync.settings import SyncSettings

    root, (c2004, _c12), _dispatches = two_dispatches
    svc = open_device(root)
    try:
        backup = backup_database(svc.paths.database, svc.paths.backups, "test")
        play_2004(svc, c2004, "Ada")
        highest = max(ext(st, DEVICE_SEQUENCE_EXTENSION) for st in tagged(root))
        (root / COUNTERS_FILE).write_text("{}")  # as if killed before the file was updated
        svc.sync_engine(SyncSettings(endpoint="http://127.0.0.1:9/xapi/", max_wait=0), None).run()
        assert read_counters(root / COUNTERS_FILE)[DEVICE] == highest
    finally:
        svc.close()
    restore(root / "library.sqlite3", backup)
    svc = open_device(root)
    try:
        play_2004(svc, c2004, "Bo")
    finally:
        svc.close()
    assert min(ext(st, DEVICE_SEQUENCE_EXTENSION) for st in tagged(root)) == highest + 1


def test_every_start_brings_the_counters_up_to_the_database_so_a_usb_export_is_covered(two_dispatches) -> None:
    """Not only a sync: records carried out on a USB stick (`export-records`) never touch the LRS, so the counters
    beside the database catch up at every start, and the export of the process after a crash cannot hand out a number
    that a restore would give out again."""
    from scorm_desktop.storage.dispatch_sequence import COUNTERS_FILE, DEVICE, read_counters
    from scorm_desktop.sync.bundles import export_records

    root, (c2004, _c12), _dispatches = two_dispatches
    svc = open_device(root)
    try:
        play_2004(svc, c2004, "Ada")
    finally:
        svc.close()
    highest = max(ext(st, DEVICE_SEQUENCE_EXTENSION) for st in tagged(root))
    (root / COUNTERS_FILE).write_text("{}")  # as if killed before the file was updated
    svc = open_device(root)  # the next command, e.g. export-records
    try:
        assert read_counters(root / COUNTERS_FILE)[DEVICE] == highest
        assert export_records(svc.sessions, root.parent / "records.sdrecords").count >= highest
    finally:
        svc.close()
