"""cmi5 statements reach the central LRS through the existing outbox and `scorm-desktop sync`: a crafted AU plays two
AUs of a course through the local LRS, the real CLI syncs to a real LRS on loopback, and every statement is there
once, unchanged (same id), the documents (LMS.LaunchData, the learner preferences) are there too, and the trainer's
preview is not sent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


from data.crafted import cmi5 as crafted
from data.crafted.cmi5 import AU
from lrs import AUTH, HEADERS, lrs, lrs_documents, lrs_statements  # noqa: F401

import httpx
from scorm_desktop.cmi5 import vocab as v
from scorm_desktop.cmi5.lms import Cmi5LMS, actor_for, structure_of
from scorm_desktop.lrs import LRS
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services

ROOT = Path(__file__).resolve().parent.parent.parent


class Rig:
    pass


def _launch(rig, au_id: str, registration: str, forward: bool = True):
    item = next(i for i in rig.course.manifest.launchable_items() if i.identifier == au_id)
    url = "course://c9/" + rig.course.manifest.launch_url(item)
    return rig.lms.launch(rig.structure, au_id, url, rig.actor, registration, course_id=rig.course.id,
                          forward=forward, mode="Normal" if forward else "Browse")


def test_cmi5_statements_sync_once_each_and_unchanged(tmp_path: Path, lrs: str, lrs_documents) -> None:  # noqa: F811
    data = tmp_path / "data"
    svc = open_services(DataPaths(data), with_sample=False)
    try:
        course = svc.library.import_package(
            crafted.package(tmp_path, crafted.block_course_xml(), crafted.BLOCK_COURSE_FILES)).course
        rig = Rig()
        rig.lms = Cmi5LMS(svc.sessions, crafted.ENDPOINT, crafted.FETCH)
        rig.lrs = LRS(svc.sessions, rig.lms.authenticate)
        rig.course, rig.structure = course, structure_of(course.manifest.course_structure)
        learner = svc.records.learner("Ana")
        rig.actor = actor_for(learner.uid, learner.name)
        _, registration = svc.records.current_attempt(learner.id, course.id)
        sent_ids = []
        for au_id, verb, result in (
            (crafted.AU1, v.COMPLETED, {"completion": True, "duration": "PT1M"}),
            (crafted.AU2, v.PASSED, {"success": True, "score": {"scaled": 0.95}, "duration": "PT2M"}),
        ):
            au = AU(rig, _launch(rig, au_id, registration))
            au.start()
            for st in (au.statement(v.INITIALIZED), au.statement(verb, result),
                       au.statement(v.TERMINATED, {"duration": "PT3M"})):
                resp = au.request("POST", "statements", body=json.dumps(st).encode())
                assert resp.status == 200, resp.body
                sent_ids.append(st["id"])
        # the trainer's preview: played, stored locally, never synced
        preview_reg = "0c2b6f1e-3d7a-4c1e-9a55-1b2c3d4e5f60"
        pv = AU(rig, _launch(rig, crafted.AU1, preview_reg, forward=False))
        pv.start()
        assert pv.send(v.INITIALIZED).status == 200
        launch_data = [{"activityId": a.activity_id, "agent": json.dumps(a.actor), "registration": a.registration,
                        "stateId": v.LAUNCH_DATA} for a in (au, pv)]
    finally:
        svc.close()

    env = dict(os.environ, SCORM_DESKTOP_LRS_PASSWORD="pw", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    env.pop("SCORM_DESKTOP_DATA", None)
    central = lrs_documents.url  # statements to `lrs`, documents beside them
    out = subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), "sync", "--endpoint",
                          central, "--username", "x", "--json"], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    # LMS.LaunchData of the two AUs and the learner's preferences; none of the preview's
    assert (json.loads(out.stdout)["documents_sent"], json.loads(out.stdout)["documents_pending"]) == (3, 0)
    again = subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), "sync", "--endpoint",
                            central, "--username", "x", "--json"], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=120)
    assert again.returncode == 0, again.stdout + again.stderr
    assert json.loads(again.stdout)["documents_sent"] == 0
    got_data = httpx.get(central + "activities/state", params=launch_data[0], headers=HEADERS, auth=AUTH)
    assert got_data.status_code == 200 and got_data.json()["launchMode"] == "Normal"
    assert httpx.get(central + "activities/state", params=launch_data[1], headers=HEADERS,
                     auth=AUTH).status_code == 404  # the preview's

    got = lrs_statements(lrs, registration=registration)
    names = sorted(st["verb"]["id"].rsplit("/", 1)[-1] for st in got)
    assert names == sorted(["launched", "initialized", "completed", "terminated", "launched", "initialized", "passed",
                            "satisfied", "satisfied", "terminated"])
    assert set(sent_ids) <= {st["id"] for st in got}
    satisfied = [st for st in got if st["verb"]["id"] == v.SATISFIED]
    assert {st["object"]["definition"]["type"] for st in satisfied} == {v.TYPE_BLOCK, v.TYPE_COURSE}
    assert lrs_statements(lrs, registration=preview_reg) == []
