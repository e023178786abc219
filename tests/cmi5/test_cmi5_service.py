"""The one object the player needs for cmi5 and Tin Can (cmi5/service.py), over the real loopback LRS with httpx as
the AU: launch URLs for both standards, the course origin allowed, end() abandoning an unterminated session once,
and the trainer's preview played in Browse mode and never queued for sync."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
from sqlalchemy import select

from data.crafted import cmi5 as crafted
from scorm_desktop.cmi5 import vocab as v
from scorm_desktop.cmi5.service import XapiPlayerService
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from scorm_desktop.storage.models import OutboxStatement


def _verbs(svc) -> list[str]:
    with svc.sessions() as s:
        return [json.loads(b)["verb"]["id"] for b in s.scalars(select(OutboxStatement.body).order_by(OutboxStatement.id))]


def test_service_launches_cmi5_and_tincan_and_ends_sessions(tmp_path: Path, corpus: Path) -> None:
    svc = open_services(DataPaths(tmp_path / "data"), with_sample=False)
    player = XapiPlayerService(svc)
    try:
        cmi5 = svc.library.import_package(
            crafted.package(tmp_path, crafted.block_course_xml(), crafted.BLOCK_COURSE_FILES)).course
        golf = svc.library.import_package(corpus / "good" / "tincan-golf-example.zip").course
        learner = svc.records.learner("Ana")
        la = player.launch(cmi5, learner, crafted.AU2, lambda rel: f"course://c{cmi5.id}/pkg/{rel}",
                           f"course://c{cmi5.id}")
        q = {k: vals[0] for k, vals in parse_qs(urlsplit(la.url).query).items()}
        assert q["endpoint"].startswith("http://127.0.0.1:") and la.launch_method == "AnyWindow"
        with httpx.Client(timeout=10) as http:
            token = http.post(q["fetch"]).json()["auth-token"]
            pre = http.options(q["endpoint"] + "statements", headers={"Origin": f"course://c{cmi5.id}",
                                                                       "Access-Control-Request-Method": "POST"})
            assert pre.headers["access-control-allow-origin"] == f"course://c{cmi5.id}"
            h = {"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"}
            params = {"activityId": q["activityId"], "agent": q["actor"], "registration": q["registration"],
                      "stateId": v.LAUNCH_DATA}
            assert http.get(q["endpoint"] + "activities/state", params=params, headers=h).status_code == 200
        assert player.end(la) == "abandoned"
        assert player.end(la) == "abandoned"
        assert _verbs(svc) == [v.LAUNCHED, v.ABANDONED]

        tl = player.launch(golf, learner, None, lambda rel: f"course://c{golf.id}/pkg/{rel}", f"course://c{golf.id}")
        tq = {k: vals[0] for k, vals in parse_qs(urlsplit(tl.url).query).items()}
        st = {"actor": json.loads(tq["actor"]), "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
              "object": {"id": tq["activity_id"]}}
        with httpx.Client(timeout=10) as http:
            h = {"Authorization": tq["auth"], "X-Experience-API-Version": "1.0.3"}
            assert http.post(tq["endpoint"] + "statements", json=st, headers=h).status_code == 200
            player.end(tl)
            assert http.post(tq["endpoint"] + "statements", json=st, headers=h).status_code == 401

        before = len(_verbs(svc))
        pv = player.launch(cmi5, svc.records.preview_learner(), crafted.AU1,
                           lambda rel: f"course://c{cmi5.id}/pkg/{rel}", f"course://c{cmi5.id}", preview=True)
        pq = {k: vals[0] for k, vals in parse_qs(urlsplit(pv.url).query).items()}
        with httpx.Client(timeout=10) as http:
            token = http.post(pq["fetch"]).json()["auth-token"]
            h = {"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"}
            params = {"activityId": pq["activityId"], "agent": pq["actor"], "registration": pq["registration"],
                      "stateId": v.LAUNCH_DATA}
            assert http.get(pq["endpoint"] + "activities/state", params=params, headers=h).json()["launchMode"] == "Browse"
        player.end(pv)
        assert len(_verbs(svc)) == before  # nothing of the preview is queued for the central LRS
    finally:
        player.close()
        svc.close()
