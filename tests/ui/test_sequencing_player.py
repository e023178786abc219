"""The real player (QtWebEngine offscreen) driving the sequencing packages of the corpus and multi-SCO SCORM 1.2
courses: which item is delivered next, what the table of contents allows, the course-level result, and a whole
2004 course suspended, the app quit, and resumed by a new player on the same data folder.

The learner's part is played through the run-time API from the test: once the SCO has initialized, the test sets
its values with `API_1484_11.SetValue` (the page's API, which the SCO's frame finds as window.parent.API_1484_11)
and calls Terminate, as the content would."""

from __future__ import annotations

import json
import sqlite3

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402

from scorm_desktop.paths import DataPaths  # noqa: E402
from scorm_desktop.services import open_services  # noqa: E402
from scorm_desktop.ui.player import Player  # noqa: E402
from scorm_desktop.ui.webenv import WebEnv, delete_now  # noqa: E402

from helpers import MULTI_12, stored_values  # noqa: E402

pytestmark = pytest.mark.gui
TIMEOUT_MS = 30000

DONE = {"cmi.completion_status": "completed", "cmi.success_status": "passed"}


class Rig:
    """A player on an offscreen view, recording what it delivers and how navigation answers."""

    def __init__(self, qtbot, data, auto_continue: bool = False, learner: str = "Learner"):
        self.qtbot = qtbot
        self.services = open_services(DataPaths(data, explicit=True), with_sample=False)
        self.env = WebEnv(self.services)
        self.view = QWebEngineView()
        self.view.resize(1000, 700)
        self.view.show()
        self.player = Player(self.services, self.env, self.view, learner=learner, unattended=True,
                             auto_continue=auto_continue)
        self.delivered: list[str] = []
        self.ended: list[str] = []
        self.waits: list[str] = []
        self.messages: list[str] = []
        self.failures: list[str] = []
        self.closed = False
        self.player.itemStarted.connect(lambda launch: self.delivered.append(launch.item.identifier))
        self.player.courseEnded.connect(self.ended.append)
        self.player.waiting.connect(self.waits.append)
        self.player.navMessage.connect(self.messages.append)
        self.player.failed.connect(self.failures.append)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.player.dispose()
        delete_now(self.view)
        delete_now(self.player)
        self.env.shutdown()
        self.services.close()

    # -- driving -------------------------------------------------------------------------------------------------
    def js(self, code: str):
        box: list = []
        self.player.view.page().runJavaScript(code, 0, lambda r: box.append(r))
        self.qtbot.waitUntil(lambda: bool(box), timeout=TIMEOUT_MS)
        return box[0]

    def wait_running(self, item: str | None = None) -> None:
        if item is not None:
            self.qtbot.waitUntil(lambda: bool(self.delivered) and self.delivered[-1] == item
                                 and self.player.current is not None
                                 and self.player.current.item.identifier == item, timeout=TIMEOUT_MS)
        state = "(function(){return window.SD ? window.SD.state() : 'none';})()"
        self.qtbot.waitUntil(lambda: self.js(state) in ("not-initialized", "running"), timeout=TIMEOUT_MS)
        try:  # most SCOs initialize as they load; some wait for a click (or need a library offline)
            self.qtbot.waitUntil(lambda: self.js(state) == "running", timeout=2000)
        except Exception:
            api = "window.API_1484_11" if self.js("typeof window.API_1484_11") == "object" else "window.API"
            init = "Initialize" if api.endswith("11") else "LMSInitialize"
            assert self.js(f"{api}.{init}('')") == "true"
            self.qtbot.waitUntil(lambda: self.js(state) == "running", timeout=TIMEOUT_MS)

    def open(self, course_id: int, item: str | None = None) -> None:
        self.player.open(course_id, item)

    def finish(self, values: dict[str, str], nav: str | None = None) -> None:
        """The running SCO sets `values` (and adl.nav.request) and terminates; wait for navigation's answer."""
        sets = dict(values)
        if nav is not None:
            sets["adl.nav.request"] = nav
        calls = "".join(f"api.SetValue({json.dumps(k)}, {json.dumps(v)});" for k, v in sets.items())
        before = (len(self.delivered), len(self.ended), len(self.waits))
        ok = self.js(
            "(function(){var w=document.getElementById('sco').contentWindow;var api=w.parent.API_1484_11;"
            + calls + "return api.Terminate('');})()"
        )
        assert ok == "true"
        self.qtbot.waitUntil(lambda: (len(self.delivered), len(self.ended), len(self.waits)) != before,
                             timeout=TIMEOUT_MS)

    def request(self, request: str, target: str | None = None) -> None:
        before = (len(self.delivered), len(self.ended), len(self.waits), len(self.messages))
        self.player.navigate(request, target)
        self.qtbot.waitUntil(
            lambda: (len(self.delivered), len(self.ended), len(self.waits), len(self.messages)) != before,
            timeout=TIMEOUT_MS,
        )

    # -- what the learner sees ---------------------------------------------------------------------------------------
    @property
    def ui(self) -> dict:
        return self.player.nav_state

    def enabled(self) -> list[str]:
        return [e["id"] for e in self.ui["toc"] if e["enabled"]]

    def status(self, item: str) -> str:
        return next(e["status"] for e in self.ui["toc"] if e["id"] == item)

    def summary(self) -> dict:
        (row,) = self.services.records.summaries()
        return row


@pytest.fixture
def rig_factory(qtbot, tmp_path):
    rigs: list[Rig] = []

    def make(auto_continue: bool = False) -> Rig:
        rig = Rig(qtbot, tmp_path / "data", auto_continue)
        rigs.append(rig)
        return rig

    yield make
    for rig in rigs:
        rig.close()


def _import(rig: Rig, path) -> int:
    return rig.services.library.import_package(path).course.id


FORCED = ["playing_item", "etuqiette_item", "handicapping_item", "havingfun_item", "assessment_item"]


def test_forced_sequential_course_delivers_in_order_and_rolls_up(rig_factory, corpus):
    rig = rig_factory()
    cid = _import(rig, corpus / "good" / "golf-seq-forcedseq-2004-3rd.zip")
    rig.open(cid)
    rig.wait_running("playing_item")
    # only the first SCO can be chosen; Continue and Previous are not offered yet
    assert [i for i in rig.enabled() if i in FORCED] == ["playing_item"]
    assert rig.ui["buttons"]["continue"] is False and rig.ui["buttons"]["previous"] is False
    assert rig.ui["buttons"]["suspendAll"] is True and rig.ui["buttons"]["exitAll"] is True
    locked = next(e for e in rig.ui["toc"] if e["id"] == "handicapping_item")
    assert locked["tooltip"] and not locked["enabled"]
    # adl.nav.request_valid.* answered from the sequencer's state at launch
    assert rig.js("window.API_1484_11.GetValue('adl.nav.request_valid.continue')") == "false"
    assert rig.js("window.API_1484_11.GetValue('adl.nav.request_valid.choice.{target=playing_item}')") == "true"
    assert rig.js("window.API_1484_11.GetValue('adl.nav.request_valid.choice.{target=assessment_item}')") == "false"

    # the SCO terminates without a navigation request: the player waits for the learner
    rig.finish(DONE)
    assert rig.waits and rig.delivered == ["playing_item"]
    assert rig.status("playing_item") == "passed"
    assert [i for i in rig.enabled() if i in FORCED] == FORCED[:2]
    assert rig.ui["buttons"]["continue"] is True
    # a choice the rules forbid is refused with a sentence; nothing is launched
    rig.request("choice", "handicapping_item")
    assert rig.delivered == ["playing_item"] and "not available" in rig.messages[-1].lower()
    rig.request("continue")
    rig.wait_running("etuqiette_item")
    assert rig.ui["buttons"]["previous"] is True
    assert rig.ui["current"] == "etuqiette_item"
    assert next(e for e in rig.ui["toc"] if e["current"])["id"] == "etuqiette_item"

    # the content's own adl.nav.request drives the rest
    for item in FORCED[1:4]:
        rig.finish(DONE, nav="continue")
        rig.wait_running(FORCED[FORCED.index(item) + 1])
    assert rig.delivered == FORCED
    assert rig.summary()["completion"] != "completed"
    rig.finish({**DONE, "cmi.score.scaled": "0.9"}, nav="continue")
    rig.qtbot.waitUntil(lambda: rig.ended == ["finished"], timeout=TIMEOUT_MS)
    assert all(rig.status(i) == "passed" for i in FORCED)
    summary = rig.summary()
    assert (summary["completion"], summary["success"], summary["label"]) == ("completed", "passed", "passed")
    assert summary["progress"] == 1.0 and summary["resumable"] is False


def test_post_test_course_jump_from_content_and_retry(rig_factory, corpus):
    rig = rig_factory()
    cid = _import(rig, corpus / "good" / "golf-seq-posttest-2004-4th.zip")
    rig.open(cid)
    rig.wait_running("playing_item")
    assert "assessment_item" not in rig.enabled()
    assert rig.js("window.API_1484_11.GetValue('adl.nav.request_valid.jump.{target=assessment_item}')") == "true"
    # the content jumps straight to the test
    rig.finish({"cmi.completion_status": "incomplete"}, nav="{target=assessment_item}jump")
    rig.wait_running("assessment_item")
    rig.finish({"cmi.completion_status": "completed", "cmi.success_status": "failed", "cmi.score.scaled": "0.4"})
    assert rig.waits  # no request: the learner decides
    assert rig.status("assessment_item") == "failed"
    summary = rig.summary()
    assert (summary["completion"], summary["success"], summary["score"]) == ("completed", "failed", 0.4)
    # once attempted, the test may be chosen again: the retry passes the course
    assert "assessment_item" in rig.enabled()
    rig.request("choice", "assessment_item")
    rig.wait_running("assessment_item")
    rig.finish({"cmi.completion_status": "completed", "cmi.success_status": "passed", "cmi.score.scaled": "0.85"},
               nav="exitAll")
    rig.qtbot.waitUntil(lambda: rig.ended == ["finished"], timeout=TIMEOUT_MS)
    summary = rig.summary()
    assert (summary["label"], summary["score"]) == ("passed", 0.85)
    values = stored_values(rig.services.paths.database)
    assert values["assessment_item"]["cmi.success_status"] == "passed"


def test_remediation_course_played_headless_style_with_flow(rig_factory, corpus):
    """auto_continue (what `play --headless` does): after each Terminate, whatever flow delivers."""
    rig = rig_factory(auto_continue=True)
    cid = _import(rig, corpus / "good" / "golf-seq-remediation-2004-3rd.zip")
    rig.open(cid)
    scores = {"test_1": "passed", "test_2": "failed", "test_3": "passed", "test_4": "passed"}
    expected = ["playing_item", "etuqiette_item", "handicapping_item", "havingfun_item",
                "test_1", "test_2", "test_3", "test_4",
                # test 2 failed: the etiquette material comes back, then its test, then test 4 again
                "etuqiette_item", "test_2", "test_4"]
    for n, item in enumerate(expected):
        rig.wait_running(item)
        assert len(rig.delivered) == n + 1
        values = {"cmi.completion_status": "completed"}
        if item in scores:
            passed = scores[item] == "passed" or n > 8
            values.update({"cmi.success_status": "passed" if passed else "failed",
                           "cmi.score.scaled": "0.9" if passed else "0.3"})
        rig.finish(values)
    rig.qtbot.waitUntil(lambda: rig.ended == ["finished"], timeout=TIMEOUT_MS)
    assert rig.delivered == expected, (rig.messages, rig.ended)
    assert "content_wrapper" not in [e["id"] for e in rig.ui["toc"]]  # invisible cluster: not in the contents
    summary = rig.summary()
    assert (summary["completion"], summary["success"]) == ("completed", "passed")


def test_suspend_all_quit_and_resume_all_restores_the_course(rig_factory, corpus):
    rig = rig_factory()
    cid = _import(rig, corpus / "good" / "golf-seq-forcedseq-2004-3rd.zip")
    rig.open(cid)
    rig.wait_running("playing_item")
    rig.finish(DONE, nav="continue")
    rig.wait_running("etuqiette_item")
    rig.js("window.API_1484_11.SetValue('cmi.location', 'page-2')")
    rig.js("window.API_1484_11.SetValue('cmi.exit', 'suspend')")
    rig.request("suspendAll")  # the button: the SCO is unloaded, its values reported, the course suspended
    rig.qtbot.waitUntil(lambda: rig.ended == ["suspended"], timeout=TIMEOUT_MS)
    assert rig.summary()["resumable"] is True
    rig.close()

    # quit the app; a new player on the same data folder
    again = rig_factory()
    again.open(cid)
    again.wait_running("etuqiette_item")
    assert again.js("window.API_1484_11.GetValue('cmi.entry')") == "resume"
    assert again.player.current.values["cmi.location"] == "page-2"  # what the SCO starts with
    assert again.status("playing_item") == "passed"  # the tracking state came back with it
    assert again.ui["buttons"]["previous"] is True
    assert [i for i in again.enabled() if i in FORCED] == FORCED[:2]
    again.request("previous")
    again.wait_running("playing_item")
    conn = sqlite3.connect(again.services.paths.database)
    try:
        (state,) = conn.execute("SELECT state_json FROM sequencing_states").fetchone()
    finally:
        conn.close()
    assert json.loads(state)["current"] == "playing_item"


def test_window_closed_mid_sco_resumes_next_time(rig_factory, corpus):
    rig = rig_factory()
    cid = _import(rig, corpus / "good" / "golf-seq-posttest-2004-4th.zip")
    rig.open(cid)
    rig.wait_running("playing_item")
    rig.finish({"cmi.completion_status": "completed"}, nav="continue")
    rig.wait_running("etuqiette_item")
    with rig.qtbot.waitSignal(rig.player.courseEnded, timeout=TIMEOUT_MS) as blocker:
        rig.player.close("closed")
    assert blocker.args == ["closed"]
    rig.close()
    again = rig_factory()
    again.open(cid)
    again.wait_running("etuqiette_item")
    assert again.status("playing_item") == "completed"


# -- SCORM 1.2 ---------------------------------------------------------------------------------------------------------
def _finish_12(rig: Rig, status: str) -> None:
    before = (len(rig.delivered), len(rig.ended), len(rig.waits))
    rig.js("(function(){var api=window.API;api.LMSSetValue('cmi.core.lesson_status','%s');"
           "return api.LMSFinish('');})()" % status)
    rig.qtbot.waitUntil(lambda: (len(rig.delivered), len(rig.ended), len(rig.waits)) != before, timeout=TIMEOUT_MS)


def test_prerequisites_gate_the_menu_of_a_12_course(rig_factory, corpus):
    rig = rig_factory()
    cid = _import(rig, corpus / "good" / "emp-prerequisites-12.zip")
    rig.open(cid)
    rig.wait_running("module1")
    assert rig.enabled() == ["module1"]
    locked = next(e for e in rig.ui["toc"] if e["id"] == "module3")
    assert "opens once you have completed" in locked["tooltip"]
    assert rig.ui["buttons"]["continue"] is False
    rig.request("choice", "module3")  # refused: prerequisites not met
    assert "module3" not in rig.delivered and "opens once" in rig.messages[-1]
    _finish_12(rig, "completed")
    assert rig.enabled() == ["module1", "module2"]
    assert rig.ui["buttons"]["continue"] is True
    assert rig.status("module1") == "completed"
    rig.request("continue")
    rig.wait_running("module2")
    _finish_12(rig, "passed")
    assert set(rig.enabled()) == {"module1", "module2", "module3", "module4"}
    assert 0.4 < rig.ui["progress"] < 0.6
    rig.request("choice", "module4")
    rig.wait_running("module4")
    assert rig.ui["buttons"]["previous"] is True
    assert rig.summary()["completion"] == "incomplete"


def test_12_courses_play_through_headless_style(rig_factory, corpus):
    rig = rig_factory(auto_continue=True)
    cid = _import(rig, MULTI_12)
    rig.open(cid)
    rig.qtbot.waitUntil(lambda: rig.ended == ["finished"], timeout=TIMEOUT_MS)
    assert rig.delivered == ["ITEM-SCO-1", "ITEM-SCO-2"]
    assert rig.summary()["completion"] == "completed"
    assert all(e["status"] == "completed" for e in rig.ui["toc"])

    complex_id = _import(rig, corpus / "good" / "moodle-complexscorm.zip")
    rig.ended.clear()
    rig.delivered.clear()
    rig.open(complex_id)
    rig.wait_running()
    items = [e["id"] for e in rig.ui["toc"]]
    assert items and items[0] == rig.delivered[0]
    assert not any(i.endswith("s07") for i in items)  # isvisible="false": not in the contents
    gated = next(e for e in rig.ui["toc"] if e["id"].endswith("s08"))
    assert not gated["enabled"] and gated["tooltip"]


# -- play --headless -----------------------------------------------------------------------------------------------
AUTO_SCO = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{ident}</title></head><body>
<script>var api = window.parent.API_1484_11; api.Initialize('');
console.log('AUTO-SCO {ident}');
api.SetValue('cmi.completion_status', 'completed'); api.SetValue('cmi.success_status', 'passed');
api.Terminate('');</script></body></html>"""


def _auto_course(dest, flow: bool):
    dest.mkdir(parents=True)
    items = ["one", "two", "three"]
    for ident in items:
        (dest / f"{ident}.html").write_text(AUTO_SCO.format(ident=ident), encoding="utf-8")
    seq = '<imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>' if flow else ""
    body = "".join(f'<item identifier="{i}" identifierref="r-{i}"><title>{i}</title></item>' for i in items)
    res = "".join(f'<resource identifier="r-{i}" type="webcontent" adlcp:scormType="sco" href="{i}.html">'
                  f'<file href="{i}.html"/></resource>' for i in items)
    (dest / "imsmanifest.xml").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="auto{int(flow)}" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Auto {flow}</title>{body}{seq}
  </organization></organizations><resources>{res}</resources></manifest>""", encoding="utf-8")
    return dest


def _cli(data, *args):
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("SCORM_DESKTOP_DATA", None)
    return subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), *args],
                          cwd=Path(__file__).resolve().parent.parent.parent, env=env, capture_output=True, text=True,
                          timeout=120)


def test_headless_follows_flow_and_stops_when_a_choice_is_needed(tmp_path):
    data = tmp_path / "data"
    flow_id = _cli(data, "import", str(_auto_course(tmp_path / "flow", True))).stdout.strip()
    r = _cli(data, "play", flow_id, "--headless", "--timeout", "60")
    assert r.returncode == 0, r.stderr
    assert [ln.split()[-1] for ln in r.stderr.splitlines() if "AUTO-SCO" in ln] == ["one", "two", "three"]
    rows = json.loads(_cli(data, "courses", "--json").stdout)
    (course,) = [c for c in rows if c["id"] == int(flow_id)]
    assert course["status"]["label"] == "passed"

    # no sequencing in the manifest: flow is off, so after the first choice the learner would have to choose
    choice_id = _cli(data, "import", str(_auto_course(tmp_path / "choice", False))).stdout.strip()
    r = _cli(data, "play", choice_id, "--headless", "--timeout", "60")
    assert r.returncode == 0, r.stderr
    assert "Nothing more can be played without a learner's choice" in r.stderr
    r = _cli(data, "play", choice_id, "--headless", "--sco", "two", "--timeout", "60")
    assert r.returncode == 0, r.stderr
    assert [ln.split()[-1] for ln in r.stderr.splitlines() if "AUTO-SCO" in ln] == ["two"]


def test_request_valid_is_recomputed_while_the_sco_runs(rig_factory, corpus):
    """adl.nav.request_valid.* follow the SCO's values as they are stored, not only the state at launch; the
    buttons and the contents follow the same answers."""
    rig = rig_factory()
    cid = _import(rig, corpus / "good" / "golf-seq-forcedseq-2004-3rd.zip")
    rig.open(cid)
    rig.wait_running("playing_item")
    get = "window.API_1484_11.GetValue('adl.nav.request_valid.continue')"
    assert rig.js(get) == "false"
    assert rig.ui["buttons"]["continue"] is False
    rig.js("(function(){var a=window.API_1484_11;a.SetValue('cmi.completion_status','completed');"
           "return a.SetValue('cmi.success_status','passed');})()")
    rig.qtbot.waitUntil(lambda: rig.js(get) == "true", timeout=TIMEOUT_MS)
    assert rig.ui["buttons"]["continue"] is True
    etiquette = next(e for e in rig.ui["toc"] if e["id"] == "etuqiette_item")
    assert etiquette["enabled"] is True
    # nothing was kept: the sequencing state changes only when the session ends
    assert rig.player.navigator.seq.tree["playing_item"].state.attempt_progress_status is False
