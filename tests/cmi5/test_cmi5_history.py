"""A cmi5 course's attempts in the attempt history (`Records.history`, the `attempts` command) and the report rows,
like SCORM ones: each AU launch with its start, end, how it ended, mode, statements and the AU's status after it;
a waived AU is reported although it was never launched. Real LMS, real local LRS, real SQLite."""

from __future__ import annotations

from data.crafted.cmi5 import AU, AU1, AU2
from scorm_desktop.cmi5 import vocab as v
from scorm_desktop.cmi5.report import cmi5_launches
from scorm_desktop.cmi5.waive import waive
from scorm_desktop.reports.rows import report_rows
from test_cmi5_lms import launch, rig  # noqa: F401  (the block course, learner Ana, LMS and local LRS)


def test_history_lists_cmi5_launches_and_the_report_a_waived_au(rig) -> None:  # noqa: F811
    a1 = AU(rig, launch(rig, AU1))
    a1.start()
    for verb, result in ((v.INITIALIZED, None), (v.COMPLETED, {"completion": True}),
                         (v.TERMINATED, {"duration": "PT1M"})):
        assert a1.send(verb, result).status == 200
    la2 = launch(rig, AU2, mode="Browse")
    AU(rig, la2).start()
    assert rig.lms.end_session(la2.session_id) == "abandoned"  # the window was closed without "terminated"
    waive(rig.svc, rig.course, rig.learner, AU2, "Tested Out")

    (attempt,) = rig.svc.records.history(rig.learner.id, rig.course.id, more_launches=cmi5_launches)
    assert attempt["registration"] == rig.registration and attempt["label"] == "completed"
    first, second = attempt["launches"]
    assert (first["item"], first["end"], first["mode"], first["status_after"]) == (AU1, "terminated", "normal",
                                                                                   "completed")
    assert first["events"] == 4 and first["started"] <= first["ended"]  # launched, initialized, completed, terminated
    assert (second["item"], second["end"], second["mode"], second["status_after"]) == (AU2, "abandoned", "browse",
                                                                                      None)

    rows = {r["sco"]["identifier"]: r for r in report_rows(rig.svc, rig.course.id)}
    assert set(rows) == {AU1, AU2}
    assert rows[AU1]["status"]["completion"] == "completed" and rows[AU1]["sessions"] == 1
    assert rows[AU2]["status"]["success"] == "passed"  # waived: passed and completed for the course's rules


def test_an_unlaunched_cmi5_attempt_has_no_launches(rig) -> None:  # noqa: F811
    (attempt,) = rig.svc.records.history(rig.learner.id, rig.course.id, more_launches=cmi5_launches)
    assert attempt["launches"] == []


def test_the_attempts_command_lists_a_cmi5_courses_au_launches(rig, capsys) -> None:  # noqa: F811
    """`scorm-desktop attempts COURSE --learner NAME --json` shows the AU sessions of a cmi5 course (storage does not
    know cmi5: the command hands it the LMS's launches)."""
    import argparse
    import json as _json

    from scorm_desktop.cli.learners import cmd_attempts

    a1 = AU(rig, launch(rig, AU1))
    a1.start()
    assert a1.send(v.INITIALIZED, None).status == 200
    assert a1.send(v.TERMINATED, {"duration": "PT1M"}).status == 200
    args = argparse.Namespace(course=str(rig.course.id), learner="Ana", json=True)
    assert cmd_attempts(rig.svc, args) == 0
    (attempt,) = _json.loads(capsys.readouterr().out)
    assert [(la["item"], la["end"]) for la in attempt["launches"]] == [(AU1, "terminated")]
