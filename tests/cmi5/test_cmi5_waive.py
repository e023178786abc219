"""Waiving a cmi5 AU (cmi5 9.3.9): the "waived" statement with the cmi5 context and reason, once per registration
and only while the AU is not satisfied, then "satisfied" for the block and the course per moveOn; the `waive` CLI
(real subprocess, then a real sync to the loopback LRS) and its one-sentence refusals. Real SQLite, the real LMS."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from data.crafted import cmi5 as crafted
from data.crafted.cmi5 import AU, AU1, AU2, AU3
from lrs import lrs, lrs_documents, lrs_statements  # noqa: F401
from scorm_desktop.cmi5 import vocab as v
from scorm_desktop.cmi5.waive import REASONS, WaiveError, can_waive, waivable, waive
from test_cmi5_lms import launch, rig, verbs  # noqa: F401  (the block course, learner Ana, LMS and local LRS)

ROOT = Path(__file__).resolve().parent.parent.parent


def bodies(rig, verb: str) -> list[dict]:
    from sqlalchemy import select

    from scorm_desktop.storage.models import LrsStatement

    with rig.svc.sessions() as s:
        return [json.loads(b) for b in s.scalars(select(LrsStatement.body).where(LrsStatement.verb_id == verb)
                                                  .order_by(LrsStatement.pk))]


def test_waived_statement_then_satisfied_per_move_on(rig) -> None:
    svc, course = rig.svc, rig.course
    assert can_waive(course) and [au.id for au in waivable(svc, course, rig.learner)] == [AU1, AU2]
    first = waive(svc, course, rig.learner, AU2, "Tested Out")
    assert first.registration == rig.registration and first.status["label"] == "in progress"  # AU1 still due
    (st,) = bodies(rig, v.WAIVED)
    assert st["id"] == first.statement_id and st["verb"]["id"] == v.WAIVED
    assert st["object"]["id"] == v.lms_id("au", AU2) and st["actor"]["account"]["name"] == rig.learner.uid
    assert st["result"]["success"] is True and st["result"]["completion"] is True
    assert st["result"]["extensions"] == {v.EXT_REASON: "Tested Out"}
    ctx = st["context"]
    assert ctx["registration"] == rig.registration and v.EXT_SESSION in ctx["extensions"]
    assert {"objectType": "Activity", "id": v.CATEGORY_CMI5} in ctx["contextActivities"]["category"]
    assert {"objectType": "Activity", "id": AU2} in ctx["contextActivities"]["grouping"]
    assert bodies(rig, v.SATISFIED) == []  # the block needs AU1 too

    second = waive(svc, course, rig.learner, "Lesson", "Administrative")  # by title
    assert second.au_id == AU1 and second.status["satisfied"] is True
    assert second.status["label"] == "completed"  # not "not started": nothing was launched, both waived
    kinds = sorted(b["object"]["definition"]["type"] for b in bodies(rig, v.SATISFIED))
    assert kinds == sorted([v.TYPE_BLOCK, v.TYPE_COURSE])
    assert waivable(svc, course, rig.learner) == []
    # the attempt's stored summary follows (library, dashboard, reports)
    from scorm_desktop.storage.models import Attempt

    with svc.sessions() as s:
        attempt = s.get(Attempt, svc.records.current_attempt(rig.learner.id, course.id)[0])
        assert (attempt.label, attempt.completion) == ("completed", "completed")


def test_refusals_are_one_sentence_and_write_nothing(rig) -> None:
    svc, course = rig.svc, rig.course
    a1 = AU(rig, launch(rig, AU1))
    a1.start()
    a1.send(v.INITIALIZED)
    a1.send(v.COMPLETED, {"completion": True})
    before = verbs(rig)
    cases = [
        (AU1, "Administrative", "already satisfied"),  # moveOn Completed, completed
        (AU3, "Administrative", "already satisfied"),  # moveOn NotApplicable
        ("nope", "Administrative", "has no AU 'nope'"),
        (AU2, "Because", "not one cmi5 defines"),
    ]
    for au_ref, reason, words in cases:
        with pytest.raises(WaiveError, match=words):
            waive(svc, course, rig.learner, au_ref, reason)
    assert verbs(rig) == before
    waive(svc, course, rig.learner, AU2, "Equivalent AU")
    with pytest.raises(WaiveError, match="already exempted"):
        waive(svc, course, rig.learner, AU2, "Equivalent AU")
    assert len(bodies(rig, v.WAIVED)) == 1
    assert "Equivalent Outside Activity" in REASONS


def test_refusals_follow_the_language(rig) -> None:
    """Each refusal is translated whole (issue 18), the names it quotes kept as they are."""
    from scorm_desktop import i18n

    svc, course = rig.svc, rig.course
    waive(svc, course, rig.learner, AU2, "Administrative")
    try:
        i18n.set_language("fr")
        refusals = []
        for au_ref, reason in (("nope", "Administrative"), (AU2, "Because"), (AU2, "Administrative")):
            with pytest.raises(WaiveError) as refused:
                waive(svc, course, rig.learner, au_ref, reason)
            refusals.append(str(refused.value))
    finally:
        i18n.set_language("en")
    assert refusals[0].startswith("Le cours n'a pas d'AU 'nope' ; ses AU sont "), refusals[0]
    assert refusals[1].startswith("Le motif 'Because' ne fait pas partie de ceux que définit cmi5 ; utilisez l'un "
                                  "de ceux-ci : Tested Out, "), refusals[1]
    assert refusals[2].startswith("Ana est déjà dispensé de '") and refusals[2].endswith("' dans cette tentative.")
    with pytest.raises(WaiveError, match="^Ana is already exempted from '"):
        waive(svc, course, rig.learner, AU2, "Administrative")


def test_a_scorm_course_cannot_be_waived(tmp_path: Path) -> None:
    from helpers import PROBE_2004
    from scorm_desktop.paths import DataPaths
    from scorm_desktop.services import open_services

    svc = open_services(DataPaths(tmp_path / "d"), with_sample=False)
    try:
        course = svc.library.import_package(PROBE_2004).course
        assert not can_waive(course)
        with pytest.raises(WaiveError, match="not a cmi5 course"):
            waive(svc, course, svc.records.learner("Ana"), "x")
    finally:
        svc.close()


def run(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, SCORM_DESKTOP_LRS_PASSWORD="pw", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    env.pop("SCORM_DESKTOP_DATA", None)
    return subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_waive_command_then_sync(tmp_path: Path, lrs: str, lrs_documents) -> None:  # noqa: F811
    data = tmp_path / "data"
    pkg = crafted.package(tmp_path, crafted.block_course_xml(), crafted.BLOCK_COURSE_FILES)
    imp = run(data, "import", "--json", str(pkg))
    assert imp.returncode == 0, imp.stderr
    course_id = str(json.loads(imp.stdout.splitlines()[0])["course"]["id"])
    assert run(data, "learner", "add", "Ana").returncode == 0
    missing = run(data, "waive", course_id, AU1, "--learner", "Nobody")
    assert missing.returncode == 2 and "no learner named 'Nobody'" in missing.stderr
    out = run(data, "waive", course_id, AU1, "--learner", "Ana", "--reason", "Tested Out", "--json")
    assert out.returncode == 0, out.stderr
    first = json.loads(out.stdout)
    assert (first["au"], first["reason"], first["satisfied"]) == (AU1, "Tested Out", False)
    out = run(data, "waive", course_id, AU2, "--learner", "Ana")
    assert out.returncode == 0 and "now completed" in out.stdout, out.stdout + out.stderr
    again = run(data, "waive", course_id, AU2, "--learner", "Ana")
    assert again.returncode == 2 and "already exempted" in again.stderr and "Traceback" not in again.stderr
    bad = run(data, "waive", course_id, AU2, "--learner", "Ana", "--reason", "Because")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr

    synced = run(data, "sync", "--endpoint", lrs_documents.url, "--username", "x", "--json")
    assert synced.returncode == 0, synced.stdout + synced.stderr
    got = lrs_statements(lrs, registration=first["registration"])
    names = sorted(st["verb"]["id"].rsplit("/", 1)[-1] for st in got)
    assert names == ["satisfied", "satisfied", "waived", "waived"]
    assert run(data, "sync", "--endpoint", lrs_documents.url, "--username", "x").returncode == 0
    assert len(lrs_statements(lrs, registration=first["registration"])) == 4
