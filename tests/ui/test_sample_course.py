"""The bundled sample course, the first thing a new user plays, taken to the end in the real player as a learner
would: through its pages, the quiz answered and submitted with the button in sight at the player's size, Finish; the
record says passed with the score."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from scorm_desktop.resources import sample_course_dir  # noqa: E402

from helpers import stored_values  # noqa: E402
from test_sequencing_player import TIMEOUT_MS, Rig  # noqa: E402

pytestmark = pytest.mark.gui

CORRECT = {"q1": "b", "q2": "false", "q3": "b", "q4": "true"}


def test_the_sample_course_is_passed_by_a_learner_clicking_through_it(qtbot, tmp_path):
    rig = Rig(qtbot, tmp_path / "data")
    try:
        rig.view.resize(1000, 640)  # smaller than the player's default window
        course = rig.services.library.import_package(sample_course_dir()).course.id
        rig.open(course)
        rig.wait_running()
        frame = "document.getElementById('sco').contentWindow.document"

        def sco(code: str):
            return rig.js(f"(function(d){{ {code} }})({frame})")

        for _ in range(4):
            assert sco("var b = d.getElementById('btn-next'); b.click(); return b.hidden;") is not None
        qtbot.waitUntil(lambda: sco("return d.getElementById('page-5').hidden;") is False, timeout=TIMEOUT_MS)
        for name, value in CORRECT.items():
            sco(f"d.querySelector('input[name={name}][value={value}]').click(); return 1;")

        # The submit button is visible without scrolling: inside the frame's viewport, not hidden.
        where = sco("var b = d.getElementById('btn-submit'); var r = b.getBoundingClientRect();"
                    "return JSON.stringify({hidden: b.hidden, bottom: r.bottom, height: r.height,"
                    " viewport: d.defaultView.innerHeight});")
        where = json.loads(where)
        assert where["hidden"] is False and where["height"] > 0
        assert where["bottom"] <= where["viewport"], where

        sco("d.getElementById('btn-submit').click(); return 1;")
        qtbot.waitUntil(lambda: sco("return d.getElementById('result').hidden;") is False, timeout=TIMEOUT_MS)
        assert sco("return d.getElementById('result-percent').textContent;") == "100%"
        assert sco("return d.getElementById('btn-submit').hidden;") is True

        sco("d.getElementById('btn-finish').click(); return 1;")
        # The course terminated; the player has the sequencer's answer (the course is over, or waits for a choice).
        qtbot.waitUntil(lambda: bool(rig.ended or rig.waits), timeout=TIMEOUT_MS)
        database = rig.services.paths.database
    finally:
        rig.close()

    (values,) = stored_values(database).values()
    assert values["cmi.success_status"] == "passed"
    assert values["cmi.completion_status"] == "completed"
    assert values["cmi.score.scaled"] == "1"
