"""Rustici's Golf run-time examples played end to end: the real content, driven through its own navigation."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from scorm_desktop.paths import DataPaths  # noqa: E402
from scorm_desktop.services import open_services  # noqa: E402

from helpers import stored_values  # noqa: E402

pytestmark = pytest.mark.gui
TIMEOUT_MS = 30000

# Answer every question of the assessment page (the first choice, "True" for true/false), then submit.
ANSWER_AND_SUBMIT = r"""
(function () {
  var sco = document.getElementById('sco').contentWindow;
  var doc = sco.document.getElementById('contentFrame').contentWindow.document;
  var seen = {};
  var inputs = doc.querySelectorAll('input[type=radio]');
  for (var i = 0; i < inputs.length; i++) {
    if (!seen[inputs[i].name]) { seen[inputs[i].name] = true; inputs[i].checked = true; }
  }
  var texts = doc.querySelectorAll('input[type=text]');
  for (var j = 0; j < texts.length; j++) { texts[j].value = '18'; }
  doc.defaultView.SubmitAnswers();
  return Object.keys(seen).length;
})()
"""


@pytest.fixture
def rig(player_rig, tmp_path):
    services = open_services(DataPaths(tmp_path / "data", explicit=True), with_sample=False)
    player = player_rig(services, learner="Golfer", size=(1024, 768))
    player.services_ = services
    yield player
    services.close()


def js(qtbot, player, code: str):
    box: list = []
    player.view.page().runJavaScript(code, 0, lambda r: box.append(r))
    qtbot.waitUntil(lambda: bool(box), timeout=TIMEOUT_MS)
    return box[0]


def sco_ready(qtbot, player) -> None:
    ready = "(function(){try{var w=document.getElementById('sco').contentWindow;" \
            "return typeof w.doNext==='function' && w.currentPage!==null;}catch(e){return false;}})()"
    qtbot.waitUntil(lambda: js(qtbot, player, ready) is True, timeout=TIMEOUT_MS)


def assessment_loaded(qtbot, player) -> None:
    code = "(function(){try{var d=document.getElementById('sco').contentWindow.document" \
           ".getElementById('contentFrame').contentWindow;return typeof d.SubmitAnswers==='function'" \
           " && d.document.querySelectorAll('input').length>0;}catch(e){return false;}})()"
    qtbot.waitUntil(lambda: js(qtbot, player, code) is True, timeout=TIMEOUT_MS)


def errors_shown(player) -> list[str]:
    return [text for level, text in player.messages if level == "alert" and "rror" in text]


@pytest.mark.parametrize(
    "package, pages, status, score",
    [
        ("golf-rt-advanced-2004-3rd.zip", 15, "cmi.completion_status", "cmi.score.raw"),
        ("moodle-singlescobasic-12.zip", 16, "cmi.core.lesson_status", "cmi.core.score.raw"),
    ],
    ids=["RunTimeAdvancedCalls-2004", "RuntimeBasicCalls-1.2"],
)
def test_golf_course_played_through_to_its_assessment(qtbot, rig, corpus, package, pages, status, score):
    services = rig.services_
    course_id = services.library.import_package(corpus / "good" / package).course.id
    rig.open(course_id)
    sco_ready(qtbot, rig)
    for _ in range(pages - 1):
        js(qtbot, rig, "document.getElementById('sco').contentWindow.doNext()")
    assessment_loaded(qtbot, rig)
    answered = js(qtbot, rig, ANSWER_AND_SUBMIT)
    assert answered > 0
    with qtbot.waitSignal(rig.courseEnded, timeout=TIMEOUT_MS):
        js(qtbot, rig, "document.getElementById('sco').contentWindow.doExit()")

    assert errors_shown(rig) == []  # the content alerts on every refused call: none happened
    (values,) = stored_values(services.paths.database).values()
    assert values[score] not in ("", None)
    if package.startswith("golf-rt-advanced"):
        assert values[status] == "completed"
        assert values["cmi.success_status"] in ("passed", "failed")
        assert values["cmi.progress_measure"] == "1"
        count = len({k.split(".")[2] for k in values if k.startswith("cmi.interactions.") and k.endswith(".id")})
        assert count >= 10  # one interaction per question, with id, type, response, result, objective
        assert any(k.startswith("cmi.objectives.") and k.endswith(".score.scaled") for k in values)
        assert values["adl.nav.request"] == "exitAll"
        assert values["cmi.total_time"] != "PT0H0M0S"
    else:
        assert values[status] in ("passed", "failed", "completed")
        assert values["cmi.core.total_time"] != "0000:00:00"
    assert json.dumps(values)  # everything stored is plain text
