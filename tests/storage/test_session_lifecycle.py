"""Per-session elements (exit, session_time) count only in the session that set them."""

from __future__ import annotations

from scorm_desktop import launch
from scorm_desktop.cmi import timefmt

from helpers import PROBE_2004


def _session(services, course_id, events, terminate=True):
    run = launch.prepare(services.library, services.records, course_id, "Ada")
    services.records.apply_events(run.record.session_id, [{"op": "initialize"}] + events)
    run.terminated = terminate
    return run, launch.finish(services.records, run, "terminated" if terminate else "closed")


def test_a_resumed_session_that_reports_no_time_or_exit_does_not_reuse_the_last_ones(services):
    course_id = services.library.import_package(PROBE_2004).course.id
    first, after_first = _session(services, course_id, [
        {"op": "set", "element": "cmi.session_time", "value": "PT1M"},
        {"op": "set", "element": "cmi.exit", "value": "suspend"},
    ])
    assert timefmt.to_seconds(timefmt.parse_any(after_first["cmi.total_time"])) == 60

    second, after_second = _session(services, course_id, [{"op": "set", "element": "cmi.location", "value": "p2"}])
    assert second.values["cmi.entry"] == "resume"
    total = timefmt.to_seconds(timefmt.parse_any(after_second["cmi.total_time"]))
    assert 60 <= total < 65  # the measured time of this short session, not another minute
    assert after_second["cmi.exit"] == ""  # the old "suspend" does not carry over: this attempt ended
    assert after_second["cmi.session_time"] == ""

    third = launch.prepare(services.library, services.records, course_id, "Ada", mode="normal")
    assert third.values["cmi.entry"] == "ab-initio"  # a new attempt, since the last one ended


def test_recovery_leaves_a_session_another_living_process_owns_and_finishes_it_once_that_process_is_gone(services):
    """The owner is checked for real: another process holds its claim on the data folder (a lock for its life)."""
    import sqlite3
    import subprocess
    import sys
    from pathlib import Path

    course_id = services.library.import_package(PROBE_2004).course.id
    run = launch.prepare(services.library, services.records, course_id, "Ada")
    services.records.apply_events(run.record.session_id, [{"op": "initialize"}])
    root = services.paths.root
    other = subprocess.Popen(
        [sys.executable, "-c", "import sys; from scorm_desktop import owners; "
         "print(owners.claim(sys.argv[1]).token, flush=True); sys.stdin.readline()", str(root)],
        cwd=Path(__file__).resolve().parent.parent.parent, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        token = other.stdout.readline().strip()
        conn = sqlite3.connect(services.paths.database)
        with conn:
            conn.execute("UPDATE sessions SET owner = ? WHERE id = ?", (token, run.record.session_id))
        conn.close()
        assert launch.recover(services.library, services.records) == 0  # it is running over there
        assert [s.session_id for s in services.records.open_sessions()] == [run.record.session_id]
    finally:
        other.kill()
        other.wait()
    assert launch.recover(services.library, services.records) == 1  # its owner is gone: finished now
    assert services.records.open_sessions() == []
