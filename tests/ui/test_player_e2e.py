"""End to end with the real player: QtWebEngine offscreen, our run-time in the page, values found in SQLite."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")


from helpers import MULTI_12, PROBE_12, PROBE_2004, probe_variant, sessions, stored_values  # noqa: E402

pytestmark = pytest.mark.gui
TIMEOUT_MS = 20000


@pytest.fixture
def rig(player_rig, services):
    return player_rig(services)


def _import(services, path) -> int:
    return services.library.import_package(path).course.id


def _probe(lines: list[str], tag: str) -> dict:
    found = [ln for ln in lines if ln.startswith(tag + " ")]
    assert found, f"no {tag} line in {lines}"
    return json.loads(found[-1][len(tag) + 1 :])


def _play_to_end(qtbot, player, course_id) -> str:
    with qtbot.waitSignal(player.courseEnded, timeout=TIMEOUT_MS) as blocker:
        player.open(course_id)
    return blocker.args[0]


@pytest.mark.parametrize(
    "package, loc, status_key",
    [(PROBE_2004, "cmi.location", "cmi.completion_status"), (PROBE_12, "cmi.core.lesson_location", "cmi.core.lesson_status")],
    ids=["2004", "1.2"],
)
def test_values_reach_sqlite_and_resume_restores_them(qtbot, rig, services, package, loc, status_key):
    course_id = _import(services, package)
    assert _play_to_end(qtbot, rig, course_id) == "suspended"
    start = _probe(rig.lines, "PROBE-START")
    end = _probe(rig.lines, "PROBE-END")
    assert start["entry"] == "ab-initio"
    assert end["ok"], end
    values = stored_values(services.paths.database)
    (item_values,) = values.values()
    assert item_values[loc] == "page-3"
    assert item_values["cmi.suspend_data"] == "probe-state-1"
    assert item_values[status_key] == "incomplete"

    rig.lines.clear()
    assert _play_to_end(qtbot, rig, course_id) == "finished"
    start = _probe(rig.lines, "PROBE-START")
    assert start["entry"] == "resume"
    assert start["location"] == "page-3"
    assert start["suspend_data"] == "probe-state-1"
    assert _probe(rig.lines, "PROBE-END")["ok"]
    (item_values,) = stored_values(services.paths.database).values()
    if package is PROBE_2004:
        assert item_values["cmi.success_status"] == "passed"
        assert item_values["cmi.score.scaled"] == "0.9"
        assert item_values["cmi.total_time"] in ("PT3M30S", "PT0H3M30S")
    else:
        assert item_values["cmi.core.lesson_status"] == "passed"
        assert item_values["cmi.core.total_time"].startswith("0000:03:30")
    assert [s[1] for s in sessions(services.paths.database)] == ["terminated", "terminated"]


def test_closing_without_terminate_keeps_every_value(qtbot, rig, services, tmp_path):
    pkg = probe_variant(PROBE_2004, tmp_path / "noterm", "?noterminate=1", "noterminate")
    course_id = _import(services, pkg)
    rig.open(course_id)
    qtbot.waitUntil(lambda: any(ln.startswith("PROBE-END") for ln in rig.lines), timeout=TIMEOUT_MS)
    end = _probe(rig.lines, "PROBE-END")
    assert end["noterminate"] and not any(c["fn"] in ("Commit", "Terminate") for c in end["calls"])
    # No Commit: the values are durable anyway, shortly after SetValue accepted them.
    qtbot.waitUntil(
        lambda: stored_values(services.paths.database).get("ITEM-PROBE-2004", {}).get("cmi.exit") == "suspend",
        timeout=2000,
    )
    with qtbot.waitSignal(rig.courseEnded, timeout=TIMEOUT_MS) as blocker:
        rig.close("closed")
    assert blocker.args[0] == "closed"
    values = stored_values(services.paths.database)["ITEM-PROBE-2004"]
    assert values["cmi.location"] == "page-3"
    assert values["cmi.total_time"] in ("PT1M30S", "PT0H1M30S")  # the content's session time, accumulated
    assert sessions(services.paths.database)[-1][1:] == ("closed", 1)

    rig.lines.clear()
    rig.open(course_id)
    qtbot.waitUntil(lambda: any(ln.startswith("PROBE-START") for ln in rig.lines), timeout=TIMEOUT_MS)
    assert _probe(rig.lines, "PROBE-START")["entry"] == "resume"


def test_api_is_found_from_nested_frames(qtbot, rig, services, tmp_path):
    pkg = probe_variant(PROBE_2004, tmp_path / "nested", "?nested=1", "nested")
    course_id = _import(services, pkg)
    _play_to_end(qtbot, rig, course_id)
    start = _probe(rig.lines, "PROBE-START")
    assert start["nested"] is True and start["api"] is True
    assert start["apiDepth"] == 3
    assert _probe(rig.lines, "PROBE-END")["ok"]


def test_multi_sco_course_plays_every_sco_in_order(qtbot, rig, services):
    course_id = _import(services, MULTI_12)
    assert _play_to_end(qtbot, rig, course_id) == "finished"
    played = [json.loads(ln.split(" ", 1)[1])["sco"] for ln in rig.lines if ln.startswith("MULTI-SCO ")]
    assert played == ["sco1", "sco2"]
    values = stored_values(services.paths.database)
    assert values["ITEM-SCO-1"]["cmi.core.lesson_status"] == "completed"
    assert values["ITEM-SCO-2"]["cmi.core.lesson_status"] == "completed"


def test_course_content_cannot_be_read_outside_its_root(qtbot, rig, services):
    """The page asks for files outside the package with every trick; none is served."""
    course_id = _import(services, PROBE_2004)
    _play_to_end(qtbot, rig, course_id)
    page = rig.view.page()
    probes = [
        "/pkg/../../../../etc/passwd",
        "/pkg/%2e%2e/%2e%2e/etc/passwd",
        "/pkg/..%2f..%2fetc/passwd",
        "/pkg/%5c..%5c..%5cetc%5cpasswd",
        "/library.sqlite3",
        "/pkg/imsmanifest.xml",
    ]
    script = (
        "(function(){var out={};var paths=%s;paths.forEach(function(p){var x=new XMLHttpRequest();"
        "try{x.open('GET','course://c%d'+p,false);x.send();out[p]=x.status+':'+x.responseText.length;}"
        "catch(e){out[p]='error';}});return JSON.stringify(out);})()" % (json.dumps(probes), course_id)
    )
    result = {}
    page.runJavaScript(script, 0, lambda r: result.update(json.loads(r)))
    qtbot.waitUntil(lambda: bool(result), timeout=TIMEOUT_MS)
    for p in probes[:-1]:
        assert not result[p].startswith("200:"), (p, result[p])
    assert result["/pkg/imsmanifest.xml"].startswith("200:")


def test_api_is_found_from_a_window_the_content_opens(qtbot, rig, services, tmp_path):
    """Launchers that open the SCO in a new window: it finds the API through window.opener, and its values count."""
    pkg = probe_variant(PROBE_2004, tmp_path / "popup", "?popup=1", "popup")
    course_id = _import(services, pkg)
    assert _play_to_end(qtbot, rig, course_id) == "suspended"
    start = _probe(rig.lines, "PROBE-START")
    assert start["popup"] is True and start["apiDepth"] == "opener+1"
    assert _probe(rig.lines, "PROBE-END")["ok"]
    assert stored_values(services.paths.database)["ITEM-PROBE-2004"]["cmi.location"] == "page-3"


def test_every_api_call_is_logged_for_the_session(qtbot, rig, services):
    from scorm_desktop.apilog import read, session_log_path

    course_id = _import(services, PROBE_2004)
    calls: list[dict] = []
    rig.apiLogged.connect(calls.extend)
    _play_to_end(qtbot, rig, course_id)
    session_id = rig.current.record.session_id
    path = session_log_path(services.paths.logs, session_id)
    qtbot.waitUntil(lambda: path.exists() and len(list(read(path))) >= len(calls), timeout=5000)
    logged = list(read(path))  # the page's bursts are stored one line each; read() gives one entry per call
    assert logged == calls
    assert all(e["source"] == "page" for e in logged)  # nothing was refused: every line is the page's account
    assert logged[0]["fn"] == "Initialize" and logged[0]["result"] == "true"
    location = next(e for e in logged if e["fn"] == "GetValue" and e["args"] == ["cmi.location"])
    assert location["error"] == "403"  # not initialized yet on a first launch: the error code is in the log
    setting = next(e for e in logged if e["fn"] == "SetValue" and e["args"][0] == "cmi.location")
    assert setting["args"] == ["cmi.location", "page-3"] and setting["result"] == "true" and setting["error"] == "0"
    assert all({"fn", "args", "result", "error", "ms", "at"} <= set(e) for e in logged)
    (terminate,) = [e for e in logged if e["fn"] == "Terminate"]
    assert terminate["result"] == "true"
    assert logged.index(terminate) > logged.index(setting)


STORAGE_SCO = """<!DOCTYPE html><html><body><script>
var api = window.parent.API_1484_11; api.Initialize("");
var me = api.GetValue("cmi.learner_name");
console.log("STORAGE " + JSON.stringify({me: me, seen: localStorage.getItem("who")}));
localStorage.setItem("who", me);
api.SetValue("cmi.exit", "suspend"); api.Terminate("");
</script></body></html>"""


def test_each_learner_has_a_web_profile_of_their_own(qtbot, rig, services, tmp_path):
    """What one learner's content keeps in localStorage never shows to another; each finds their own again."""
    pkg = tmp_path / "storage"
    pkg.mkdir()
    manifest = (PROBE_2004 / "imsmanifest.xml").read_text().replace("probe2004", "storage2004")
    (pkg / "imsmanifest.xml").write_text(manifest)
    (pkg / "index.html").write_text(STORAGE_SCO)
    course_id = _import(services, pkg)
    seen = []
    for learner in ("Ana", "Ben", "Ana"):
        rig.learner = learner
        rig.lines.clear()
        _play_to_end(qtbot, rig, course_id)
        seen.append(_probe(rig.lines, "STORAGE"))
    assert seen == [{"me": "Ana", "seen": None}, {"me": "Ben", "seen": None}, {"me": "Ana", "seen": "Ana"}]


def test_a_full_disk_loses_nothing_and_the_learner_is_told(qtbot, rig, services, tmp_path):
    """While writes fail with SQLite's disk-full error, batches wait in order; once there is room they are written
    and the session ends normally."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    pkg = probe_variant(PROBE_2004, tmp_path / "noterm", "?noterminate=1", "noterminate")
    course_id = _import(services, pkg)
    problems: list[str] = []
    rig.storageProblem.connect(problems.append)
    real_apply = services.records.apply_batches
    full = {"on": True, "refused": 0}

    def apply_on_a_full_disk(session_id, batches):
        if full["on"]:  # what SQLAlchemy raises when SQLite answers SQLITE_FULL
            full["refused"] += 1
            raise OperationalError("INSERT INTO cmi_values", {}, sqlite3.OperationalError("database or disk is full"))
        return real_apply(session_id, batches)

    services.records.apply_batches = apply_on_a_full_disk
    rig.open(course_id)
    qtbot.waitUntil(lambda: any("disk is full" in p for p in problems), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: any(ln.startswith("PROBE-END") for ln in rig.lines), timeout=TIMEOUT_MS)
    assert "cmi.location" not in stored_values(services.paths.database).get("ITEM-PROBE-2004", {})
    full["on"] = False  # space was freed: the next retry writes everything, in order
    qtbot.waitUntil(lambda: problems[-1] == "", timeout=TIMEOUT_MS)
    values = stored_values(services.paths.database)["ITEM-PROBE-2004"]
    assert values["cmi.location"] == "page-3" and values["cmi.suspend_data"] == "probe-state-1"
    assert values["cmi.exit"] == "suspend"
    with qtbot.waitSignal(rig.courseEnded, timeout=TIMEOUT_MS):
        rig.close("closed")
    assert sessions(services.paths.database)[-1][1:] == ("closed", 1)
    assert full["refused"] >= 1


def test_the_player_page_loads_while_the_worker_decides_what_to_launch(qtbot, rig, services, monkeypatch):
    """Launch time (issue 13): the player page is loaded as soon as the worker knows the learner, while it decides the
    delivery and prepares the launch (its renderer starts meanwhile); the page waits for its payload, and the SCO
    starts with the values prepared for it."""
    import threading

    from scorm_desktop.navigation import Navigator

    course_id = _import(services, PROBE_2004)
    loaded = threading.Event()
    rig.view.loadFinished.connect(lambda ok: loaded.set())
    seen: list[bool] = []
    real_begin = Navigator.begin

    def begin(nav, item=None):  # the real decision, taken only once the page has loaded (or after 8 s without it)
        seen.append(loaded.wait(8))
        return real_begin(nav, item)

    monkeypatch.setattr(Navigator, "begin", begin)
    assert _play_to_end(qtbot, rig, course_id) == "suspended"
    assert seen == [True], "the player page was not loaded before the delivery was decided"
    assert _probe(rig.lines, "PROBE-START")["entry"] == "ab-initio"
    assert _probe(rig.lines, "PROBE-END")["ok"]
    (item_values,) = stored_values(services.paths.database).values()
    assert item_values["cmi.suspend_data"] == "probe-state-1"
