"""The local LRS on loopback over real HTTP (httpx): only 127.0.0.1, real status codes the AU sees (200, 204, 400,
401, 403, 404), the cmi5 fetch URL once, and CORS for the course origin only."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from data.crafted import cmi5 as crafted
from scorm_desktop.cmi5 import vocab as v
from scorm_desktop.cmi5.lms import Cmi5LMS, actor_for, structure_of
from scorm_desktop.lrs import LRS
from scorm_desktop.lrs.server import LoopbackLRS
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services

ORIGIN = "course://c3"


@pytest.fixture
def served(tmp_path: Path):
    svc = open_services(DataPaths(tmp_path / "data"), with_sample=False)
    course = svc.library.import_package(
        crafted.package(tmp_path, crafted.block_course_xml(), crafted.BLOCK_COURSE_FILES)).course
    server = LoopbackLRS(LRS(svc.sessions, lambda _: None, allowed_origin=ORIGIN))
    lms = Cmi5LMS(svc.sessions, server.endpoint, server.fetch_base)
    server.lrs.authenticate = lms.authenticate
    server.fetch = lms.fetch
    server.start()
    learner = svc.records.learner("Ana")
    _, registration = svc.records.current_attempt(learner.id, course.id)
    structure = structure_of(course.manifest.course_structure)
    launch = lms.launch(structure, crafted.AU2, f"{ORIGIN}/pkg/a2/index.html", actor_for(learner.uid), registration,
                        course_id=course.id)
    yield server, launch
    server.stop()
    svc.close()


def test_binds_loopback_only_and_speaks_real_statuses(served) -> None:
    server, launch = served
    assert server.base.startswith("http://127.0.0.1:")
    q = {k: vals[0] for k, vals in parse_qs(urlsplit(launch.url).query).items()}
    assert q["endpoint"] == server.endpoint
    with httpx.Client(timeout=10) as http:
        assert http.get(q["fetch"]).status_code == 405
        first = http.post(q["fetch"])
        assert first.status_code == 200
        token = first.json()["auth-token"]
        second = http.post(q["fetch"])
        assert second.json()["error-code"] == "1"
        h = {"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"}
        base = q["endpoint"]
        assert http.get(base + "statements", headers={**h, "Authorization": "Basic eDp5"}).status_code == 401
        state = {"activityId": q["activityId"], "agent": q["actor"], "registration": q["registration"]}
        data = http.get(base + "activities/state", params={**state, "stateId": v.LAUNCH_DATA}, headers=h).json()
        assert http.get(base + "activities/state", params={**state, "stateId": "bookmark"}, headers=h).status_code == 404
        ctx = {**data["contextTemplate"], "registration": q["registration"]}
        ctx["contextActivities"] = {**ctx["contextActivities"], "category": [{"id": v.CATEGORY_CMI5}]}
        st = {"id": str(uuid.uuid4()), "actor": json.loads(q["actor"]), "verb": {"id": v.COMPLETED},
              "object": {"id": q["activityId"]}, "context": ctx, "result": {"completion": True}}
        refused = http.post(base + "statements", json=st, headers=h)
        assert refused.status_code == 403 and "initialized" in refused.json()["message"]
        init = dict(st, id=str(uuid.uuid4()), verb={"id": v.INITIALIZED})
        init.pop("result")
        assert http.put(base + "statements", params={"statementId": init["id"]}, json=init, headers=h).status_code == 204
        bad = dict(init, id="not-a-uuid")
        assert http.post(base + "statements", json=bad, headers=h).status_code == 400
        assert http.get(base + "statements", params={"statementId": init["id"]}, headers=h).status_code == 200


def test_cors_preflight_answers_the_course_origin_only(served) -> None:
    server, launch = served
    pre = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Private-Network": "true"}
    with httpx.Client(timeout=10) as http:
        ok = http.options(server.endpoint + "statements", headers={**pre, "Origin": ORIGIN})
        assert ok.status_code == 204
        assert ok.headers["access-control-allow-origin"] == ORIGIN
        assert ok.headers["access-control-allow-private-network"] == "true"
        assert "authorization" in ok.headers["access-control-allow-headers"].lower()
        fetch = http.options(server.fetch_base + launch.fetch_token, headers={**pre, "Origin": ORIGIN})
        assert fetch.headers["access-control-allow-origin"] == ORIGIN
        other = http.options(server.endpoint + "statements", headers={**pre, "Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_more_links_are_absolute_paths_on_the_server(served) -> None:
    server, launch = served
    q = {k: vals[0] for k, vals in parse_qs(urlsplit(launch.url).query).items()}
    with httpx.Client(timeout=10) as http:
        token = http.post(q["fetch"]).json()["auth-token"]
        h = {"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"}
        state = {"activityId": q["activityId"], "agent": q["actor"], "registration": q["registration"],
                 "stateId": v.LAUNCH_DATA}
        ctx = {**http.get(server.endpoint + "activities/state", params=state, headers=h).json()["contextTemplate"],
               "registration": q["registration"]}
        init = {"actor": json.loads(q["actor"]), "verb": {"id": v.INITIALIZED}, "object": {"id": q["activityId"]},
                "context": ctx}
        assert http.post(server.endpoint + "statements", json=init, headers=h).status_code == 200
        page = http.get(server.endpoint + "statements", params={"limit": 1}, headers=h).json()
        assert page["more"].startswith("/xapi/statements?")
        assert http.get(server.base + page["more"], headers=h).status_code == 200


def test_concurrent_statement_posts_are_all_stored(served) -> None:
    from concurrent.futures import ThreadPoolExecutor

    server, launch = served
    q = {k: vals[0] for k, vals in parse_qs(urlsplit(launch.url).query).items()}
    with httpx.Client(timeout=30) as http:
        token = http.post(q["fetch"]).json()["auth-token"]
        h = {"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"}
        state = {"activityId": q["activityId"], "agent": q["actor"], "registration": q["registration"],
                 "stateId": v.LAUNCH_DATA}
        ctx = {**http.get(server.endpoint + "activities/state", params=state, headers=h).json()["contextTemplate"],
               "registration": q["registration"]}

        def statement(verb: str) -> dict:
            return {"id": str(uuid.uuid4()), "actor": json.loads(q["actor"]), "verb": {"id": verb},
                    "object": {"id": q["activityId"]}, "context": ctx}

        assert http.post(server.endpoint + "statements", json=statement(v.INITIALIZED), headers=h).status_code == 200
        batch = [statement("http://adlnet.gov/expapi/verbs/experienced") for _ in range(40)]

        def post(st: dict) -> int:
            with httpx.Client(timeout=30) as own:
                return own.post(server.endpoint + "statements", json=st, headers=h).status_code

        with ThreadPoolExecutor(8) as pool:
            assert list(pool.map(post, batch)) == [200] * 40
        got = http.get(server.endpoint + "statements",
                       params={"verb": "http://adlnet.gov/expapi/verbs/experienced"}, headers=h).json()
        assert {st["id"] for st in got["statements"]} == {st["id"] for st in batch}


def test_two_passed_sent_at_once_only_one_is_accepted(served) -> None:
    from concurrent.futures import ThreadPoolExecutor

    server, launch = served
    q = {k: vals[0] for k, vals in parse_qs(urlsplit(launch.url).query).items()}
    with httpx.Client(timeout=30) as http:
        token = http.post(q["fetch"]).json()["auth-token"]
        h = {"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"}
        state = {"activityId": q["activityId"], "agent": q["actor"], "registration": q["registration"],
                 "stateId": v.LAUNCH_DATA}
        ctx = {**http.get(server.endpoint + "activities/state", params=state, headers=h).json()["contextTemplate"],
               "registration": q["registration"]}
        ctx["contextActivities"] = {**ctx["contextActivities"],
                                    "category": [{"id": v.CATEGORY_CMI5}, {"id": v.CATEGORY_MOVEON}]}

        def statement(verb: str, result: dict | None = None) -> dict:
            st = {"id": str(uuid.uuid4()), "actor": json.loads(q["actor"]), "verb": {"id": verb},
                  "object": {"id": q["activityId"]}, "context": ctx}
            if result:
                st["result"] = result
            return st

        init = statement(v.INITIALIZED)
        init["context"] = {**ctx, "contextActivities": {**ctx["contextActivities"], "category": [{"id": v.CATEGORY_CMI5}]}}
        assert http.post(server.endpoint + "statements", json=init, headers=h).status_code == 200
        passes = [statement(v.PASSED, {"success": True, "score": {"scaled": 0.9}}) for _ in range(6)]

        def post(st: dict) -> int:
            with httpx.Client(timeout=30) as own:
                return own.post(server.endpoint + "statements", json=st, headers=h).status_code

        with ThreadPoolExecutor(6) as pool:
            statuses = sorted(pool.map(post, passes))
        assert statuses == [200, 403, 403, 403, 403, 403]


def test_served_course_files_stay_inside_their_folder(served, tmp_path: Path) -> None:
    server, _ = served
    root = tmp_path / "course"
    (root / "sub").mkdir(parents=True)
    (root / "index.html").write_text("<html>hi</html>")
    (tmp_path / "secret.txt").write_text("secret")
    (root / "sub" / "link.txt").symlink_to(tmp_path / "secret.txt")
    base = server.serve_folder(root)
    with httpx.Client(timeout=10) as http:
        ok = http.get(base + "index.html")
        assert ok.status_code == 200 and ok.text == "<html>hi</html>" and ok.headers["content-type"] == "text/html"
        assert http.post(base + "index.html").status_code == 405
        for bad in ("../secret.txt", "%2e%2e/secret.txt", "sub/%2e%2e/%2e%2e/secret.txt", "sub/link.txt", "",
                    "nothing.html"):
            assert http.get(base + bad).status_code == 404, bad
        assert http.get(server.base + "/content/not-a-key/index.html").status_code == 404
