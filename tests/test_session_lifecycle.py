"""Per-session elements (exit, session_time) count only in the session that set them."""

from __future__ import annotations

import pytest

from scorm_desktop import launch
from scorm_desktop.cmi import timefmt
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services

from helpers import PROBE_2004


@pytest.fixture
def services(tmp_path):
    svc = open_services(DataPaths(tmp_path / "data", explicit=True), with_sample=False)
    yield svc
    svc.close()


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
