"""cmi5 as the LMS does it, over the real local LRS and a real SQLite database: launch data, the one-time fetch,
"launched", the rules on what an AU sends (each refusal seen by the AU, nothing stored lost), abandoned, waived,
satisfied per moveOn, and the derived status. The AU here is a small client that talks only HTTP-shaped requests."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import func, select

from data.crafted import cmi5 as crafted
from data.crafted.cmi5 import AU
from scorm_desktop.cmi5 import vocab as v
from scorm_desktop.cmi5.lms import Cmi5LMS, actor_for, registration_status, structure_of
from scorm_desktop.lrs import LRS
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from scorm_desktop.storage.models import LrsStatement, OutboxStatement

ROOT = Path(__file__).resolve().parent.parent.parent
ENDPOINT, FETCH = crafted.ENDPOINT, crafted.FETCH
AU1, AU2, AU3, BLOCK = crafted.AU1, crafted.AU2, crafted.AU3, crafted.BLOCK
course_xml = crafted.block_course_xml


@pytest.fixture
def rig(tmp_path: Path):
    svc = open_services(DataPaths(tmp_path / "data"), with_sample=False)
    files = {"a1/index.html": "<html/>", "a2/index.html": "<html/>", "a3/index.html": "<html/>"}
    course = svc.library.import_package(crafted.package(tmp_path, course_xml(), files)).course
    lms = Cmi5LMS(svc.sessions, ENDPOINT, FETCH)
    lrs = LRS(svc.sessions, lms.authenticate)
    learner = svc.records.learner("Ana")
    attempt_id, registration = svc.records.current_attempt(learner.id, course.id)

    class Rig:
        pass

    r = Rig()
    r.svc, r.course, r.lms, r.lrs, r.registration = svc, course, lms, lrs, registration
    r.structure = structure_of(course.manifest.course_structure)
    r.actor = actor_for(learner.uid, learner.name)
    r.learner = learner
    yield r
    svc.close()


def stored(rig) -> int:
    with rig.svc.sessions() as s:
        return s.scalar(select(func.count()).select_from(LrsStatement))


def verbs(rig, registration=None) -> list[str]:
    with rig.svc.sessions() as s:
        q = select(OutboxStatement.body).order_by(OutboxStatement.id)
        return [json.loads(b)["verb"]["id"].rsplit("/", 1)[-1] for b in s.scalars(q)]


def launch(rig, au_id, mode="Normal"):
    au = rig.structure.au(au_id)
    url = f"course://c9/{rig.course.manifest.launch_url(next(i for i in rig.course.manifest.launchable_items() if i.identifier == au_id))}"
    return rig.lms.launch(rig.structure, au.id, url, rig.actor, rig.registration, mode=mode,
                          return_url="scorm-desktop://library", course_id=rig.course.id, learner_id=rig.learner.id)


def test_launch_url_launch_data_preferences_and_launched(rig) -> None:
    la = launch(rig, AU2)
    q = parse_qs(urlsplit(la.url).query)
    assert la.url.startswith("course://c9/a2/index.html?lang=en&")
    assert set(q) == {"lang", "endpoint", "fetch", "actor", "registration", "activityId"}
    assert q["endpoint"] == [ENDPOINT] and q["registration"] == [rig.registration]
    assert q["activityId"][0] != AU2 and q["activityId"][0].startswith("urn:uuid:")
    au = AU(rig, la)
    data = au.start()
    assert data["launchMode"] == "Normal" and data["moveOn"] == "Passed" and data["masteryScore"] == 0.8
    assert data["launchParameters"] == "level=2" and data["returnURL"] == "scorm-desktop://library"
    assert data["contextTemplate"]["contextActivities"]["grouping"] == [{"objectType": "Activity", "id": AU2}]
    assert data["contextTemplate"]["extensions"][v.EXT_SESSION] == la.session_id
    prefs = au.request("GET", "agents/profile", {"agent": json.dumps(au.actor), "profileId": v.LEARNER_PREFERENCES})
    assert prefs.status == 200 and "languagePreference" in prefs.json()
    assert verbs(rig) == ["launched"]
    got = au.request("GET", "statements", {"registration": rig.registration, "verb": v.LAUNCHED}).json()
    ext = got["statements"][0]["context"]["extensions"]
    assert ext[v.EXT_LAUNCHMODE] == "Normal" and ext[v.EXT_MOVEON] == "Passed" and ext[v.EXT_MASTERY] == 0.8


def test_fetch_gives_the_token_once(rig) -> None:
    au = AU(rig, launch(rig, AU1))
    assert rig.lms.fetch(au.fetch_url[len(FETCH):], "GET")[0] == 405
    assert au.request("GET", "statements").status == 401  # no token yet
    status, body = au.fetch()
    assert status == 200 and body["auth-token"]
    status, body = au.fetch()
    assert body["error-code"] == "1" and status != 200
    assert rig.lms.fetch("forged")[1]["error-code"] == "2"


def test_a_full_session_satisfies_block_and_course_once(rig) -> None:
    a1 = AU(rig, launch(rig, AU1))
    a1.start()
    assert a1.send(v.INITIALIZED).status == 200
    assert a1.send(v.COMPLETED, {"completion": True, "duration": "PT2M"}).status == 200
    assert a1.send(v.TERMINATED, {"duration": "PT3M"}).status == 200
    assert registration_status(rig.svc.sessions, rig.structure, rig.registration)["label"] == "in progress"
    a2 = AU(rig, launch(rig, AU2))
    a2.start()
    assert a2.send(v.INITIALIZED).status == 200
    passed = {"success": True, "score": {"scaled": 0.9}, "duration": "PT1M"}
    assert a2.send(v.PASSED, passed).status == 200
    assert a2.send(v.TERMINATED, {"duration": "PT1M30S"}).status == 200
    assert verbs(rig) == ["launched", "initialized", "completed", "terminated", "launched", "initialized", "passed",
                          "satisfied", "satisfied", "terminated"]
    status = registration_status(rig.svc.sessions, rig.structure, rig.registration)
    assert (status["label"], status["score"], status["total_seconds"]) == ("passed", 0.9, 270.0)
    assert status["satisfied"] and status["aus"][AU3]["satisfied"]
    with rig.svc.sessions() as s:
        bodies = [json.loads(b) for b in s.scalars(select(LrsStatement.body).where(LrsStatement.verb_id == v.SATISFIED))]
    assert {b["object"]["definition"]["type"] for b in bodies} == {v.TYPE_BLOCK, v.TYPE_COURSE}
    assert all(b["context"]["extensions"][v.EXT_SESSION] == a2.launch.session_id for b in bodies)


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("before-initialized", "first statement of an AU session must be 'initialized'"),
        ("passed-in-browse", "In Browse mode an AU may not send 'passed'"),
        ("other-actor", "not the learner this AU was launched for"),
        ("below-mastery", "below the masteryScore 0.8"),
        ("after-terminated", "session has ended (terminated)"),
        ("no-session-id", "does not carry this session's id"),
        ("twice-in-session", "already used in this session"),
        ("lms-verb", "is the LMS's to use"),
        ("launch-data-write", "LMS.LaunchData belongs to the LMS"),
    ],
)
def test_bad_au_behaviour_is_refused_and_nothing_stored_is_lost(rig, case, reason) -> None:
    au = AU(rig, launch(rig, AU2, mode="Browse" if case == "passed-in-browse" else "Normal"))
    au.start()
    if case != "before-initialized":
        assert au.send(v.INITIALIZED).status == 200
    if case == "after-terminated":
        assert au.send(v.TERMINATED, {"duration": "PT1S"}).status == 200
    before, queued = stored(rig), verbs(rig)
    if case == "before-initialized":
        resp = au.send(v.COMPLETED, {"completion": True})
    elif case == "passed-in-browse":
        resp = au.send(v.PASSED, {"success": True})
    elif case == "other-actor":
        resp = au.send("http://adlnet.gov/expapi/verbs/experienced", defined=False, actor={"mbox": "mailto:x@y.z"})
    elif case == "below-mastery":
        resp = au.send(v.PASSED, {"success": True, "score": {"scaled": 0.5}})
    elif case == "after-terminated":
        resp = au.send("http://adlnet.gov/expapi/verbs/experienced", defined=False)
    elif case == "no-session-id":
        st = au.statement("http://adlnet.gov/expapi/verbs/experienced", defined=False)
        st["context"].pop("extensions")
        resp = au.request("POST", "statements", body=json.dumps(st).encode())
    elif case == "twice-in-session":
        resp = au.send(v.INITIALIZED)
    elif case == "lms-verb":
        resp = au.send(v.SATISFIED)
    else:
        q = {"activityId": au.activity_id, "agent": json.dumps(au.actor), "registration": au.registration,
             "stateId": v.LAUNCH_DATA}
        resp = au.request("PUT", "activities/state", q, b'{"launchMode": "Normal"}')
    assert resp.status == 403, resp.body
    assert reason in resp.json()["message"]
    assert stored(rig) == before and verbs(rig) == queued


def test_a_statement_with_a_malformed_actor_gets_400(rig) -> None:
    au = AU(rig, launch(rig, AU1))
    au.start()
    au.send(v.INITIALIZED)
    resp = au.send("http://adlnet.gov/expapi/verbs/experienced", defined=False, actor={"name": "nobody"})
    assert resp.status == 400 and "exactly one identifier" in resp.json()["message"]


def test_one_completed_and_one_passed_per_registration_and_no_failed_after_passed(rig) -> None:
    first = AU(rig, launch(rig, AU2))
    first.start()
    first.send(v.INITIALIZED)
    assert first.send(v.PASSED, {"success": True, "score": {"scaled": 0.85}}).status == 200
    assert first.send(v.COMPLETED, {"completion": True}).status == 200
    first.send(v.TERMINATED, {"duration": "PT5S"})
    again = AU(rig, launch(rig, AU2))
    again.start()
    again.send(v.INITIALIZED)
    assert "already sent 'passed'" in again.send(v.PASSED, {"success": True}).json()["message"]
    assert "already sent 'completed'" in again.send(v.COMPLETED, {"completion": True}).json()["message"]
    assert "may not follow 'passed'" in again.send(v.FAILED, {"success": False}).json()["message"]


def test_closing_without_terminated_records_abandoned_once(rig) -> None:
    au = AU(rig, launch(rig, AU1))
    au.start()
    au.send(v.INITIALIZED)
    assert rig.lms.end_session(au.launch.session_id) == "abandoned"
    assert rig.lms.end_session(au.launch.session_id) == "abandoned"
    assert rig.lms.recover() == 0
    assert verbs(rig).count("abandoned") == 1
    assert au.send("http://adlnet.gov/expapi/verbs/experienced", defined=False).status == 403


def test_a_new_launch_abandons_the_open_session_of_the_registration(rig) -> None:
    au = AU(rig, launch(rig, AU1))
    au.start()
    au.send(v.INITIALIZED)
    launch(rig, AU2)
    assert verbs(rig) == ["launched", "initialized", "abandoned", "launched"]
    assert au.send(v.TERMINATED, {"duration": "PT1S"}).status == 403


def test_waived_au_counts_for_its_block(rig) -> None:
    a1 = AU(rig, launch(rig, AU1))
    a1.start()
    a1.send(v.INITIALIZED)
    a1.send(v.COMPLETED, {"completion": True})
    a1.send(v.TERMINATED, {"duration": "PT1S"})
    assert rig.lms.waive(rig.structure, AU2, rig.actor, rig.registration, "Tested Out")
    assert not rig.lms.waive(rig.structure, AU2, rig.actor, rig.registration, "Tested Out")
    assert verbs(rig)[-3:] == ["waived", "satisfied", "satisfied"]
    assert registration_status(rig.svc.sessions, rig.structure, rig.registration)["label"] == "completed"


CRASH = r"""
import json, os, signal, sys
sys.path.insert(0, sys.argv[1])
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from scorm_desktop.cmi5.lms import Cmi5LMS, actor_for, structure_of
from pathlib import Path
svc = open_services(DataPaths(Path(sys.argv[2])), with_sample=False)
course = svc.library.courses()[0]
lms = Cmi5LMS(svc.sessions, "course://c/x/", "course://c/f/")
learner = svc.records.learner("Ana")
_, reg = svc.records.current_attempt(learner.id, course.id)
structure = structure_of(course.manifest.course_structure)
lms.launch(structure, structure.aus()[0].id, "course://c/a1/index.html", actor_for(learner.uid), reg,
           course_id=course.id)
print("launched", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_killed_mid_session_is_abandoned_once_at_the_next_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    svc = open_services(DataPaths(data), with_sample=False)
    files = {"a1/index.html": "<html/>", "a2/index.html": "<html/>", "a3/index.html": "<html/>"}
    svc.library.import_package(crafted.package(tmp_path, course_xml(), files))
    svc.close()
    proc = subprocess.run([sys.executable, "-c", CRASH, str(ROOT), str(data)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == -signal.SIGKILL and "launched" in proc.stdout, proc.stderr
    svc = open_services(DataPaths(data), with_sample=False)
    try:
        # open_services (the next start) recorded it; later starts add nothing
        assert Cmi5LMS(svc.sessions, ENDPOINT, FETCH).recover() == 0
        svc.close()
        svc = open_services(DataPaths(data), with_sample=False)
        with svc.sessions() as s:
            got = [json.loads(b)["verb"]["id"] for b in s.scalars(select(OutboxStatement.body).order_by(OutboxStatement.id))]
        assert got == [v.LAUNCHED, v.ABANDONED]
    finally:
        svc.close()


def test_courses_json_shows_the_derived_status(rig) -> None:
    a2 = AU(rig, launch(rig, AU2))
    a2.start()
    a2.send(v.INITIALIZED)
    a2.send("http://adlnet.gov/expapi/verbs/progressed", defined=False,
            result={"extensions": {v.EXT_PROGRESS: 50}})
    a2.send(v.FAILED, {"success": False, "score": {"scaled": 0.4}, "duration": "PT1M"})
    a2.send(v.TERMINATED, {"duration": "PT1M30S"})
    rig.svc.settings.active_learner = "Ana"
    rig.svc.save_settings()
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(rig.svc.paths.root)}
    out = subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", str(rig.svc.paths.root), "courses",
                          "--json"], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    (course,) = [c for c in json.loads(out.stdout) if c["standard"] == "cmi5"]
    st = course["status"]
    assert (st["label"], st["success"], st["score"], st["total_seconds"]) == ("failed", "failed", 0.4, 90.0)
    assert st["progress"] == pytest.approx(0.5 / 3)


def test_cmi5_allowed_statements_with_defined_verbs_do_not_count_as_defined(rig) -> None:
    """CATAPULT scenario 19: a "passed" without the cmi5 category (cmi5 allowed) does not use up the defined one."""
    au = AU(rig, launch(rig, AU2))
    au.start()
    au.send(v.INITIALIZED)
    assert au.send(v.PASSED, {"success": True, "score": {"scaled": 0.3}}, defined=False).status == 200
    assert au.send(v.PASSED, {"success": True, "score": {"scaled": 0.9}}).status == 200
    assert registration_status(rig.svc.sessions, rig.structure, rig.registration)["aus"][AU2]["passed"]


def test_report_json_has_a_row_per_launched_au(rig) -> None:
    a2 = AU(rig, launch(rig, AU2))
    a2.start()
    a2.send(v.INITIALIZED)
    a2.send(v.PASSED, {"success": True, "score": {"scaled": 0.85}, "duration": "PT1M"})
    a2.send(v.TERMINATED, {"duration": "PT2M"})
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(rig.svc.paths.root)}
    out = subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", str(rig.svc.paths.root), "report",
                          "--json", "--course", str(rig.course.id)], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    (row,) = json.loads(out.stdout)
    assert (row["learner"], row["sco"]["identifier"], row["sessions"], row["total_time"]) == ("Ana", AU2, 1, "PT0H2M0S")
    assert (row["status"]["label"], row["status"]["score"]) == ("passed", 0.85)
