"""Tin Can launch per the Rustici convention, against the real local LRS: the corpus golf example is imported, its
launch URL carries endpoint, auth, actor, registration and activity_id, the AU's statements are stored and queued
with that credential, and the credential ends with the launch."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select

from scorm_desktop.cmi5.lms import Cmi5LMS, actor_for
from scorm_desktop.cmi5.tincan_launch import TinCanLaunches, first_of
from scorm_desktop.lrs import LRS, Request
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from scorm_desktop.storage.models import OutboxStatement


def test_tincan_golf_launch_and_statements(tmp_path: Path, corpus: Path) -> None:
    svc = open_services(DataPaths(tmp_path / "data"), with_sample=False)
    try:
        course = svc.library.import_package(corpus / "good" / "tincan-golf-example.zip").course
        activity = course.manifest.course_structure["activities"][0]["id"]
        launches = TinCanLaunches("course://c4/__xapi__/")
        lrs = LRS(svc.sessions, first_of(Cmi5LMS(svc.sessions, "", "").authenticate, launches.authenticate))
        learner = svc.records.learner("Ana")
        _, registration = svc.records.current_attempt(learner.id, course.id)
        url, token = launches.launch("course://c4/index.html", activity, actor_for(learner.uid), registration)
        q = {k: vals[0] for k, vals in parse_qs(urlsplit(url).query).items()}
        assert set(q) == {"endpoint", "auth", "actor", "registration", "activity_id"}
        assert q["activity_id"] == activity and q["registration"] == registration
        st = {"id": str(uuid.uuid4()), "actor": json.loads(q["actor"]),
              "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
              "object": {"id": q["activity_id"]}, "context": {"registration": q["registration"]}}
        headers = {"Authorization": q["auth"], "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"}
        assert lrs.handle(Request("POST", "statements", {}, headers, json.dumps(st).encode())).status == 200
        with svc.sessions() as s:
            assert [r.statement_id for r in s.scalars(select(OutboxStatement))] == [st["id"]]
        launches.end(token)
        assert lrs.handle(Request("GET", "statements", {}, headers)).status == 401
    finally:
        svc.close()
