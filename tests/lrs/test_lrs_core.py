"""The local LRS core over a real SQLite database: xAPI 1.0.3 validation (400 with the reason), statements stored
once with their outbox rows in the same transaction, GET by id and by filters with `more` paging, voiding, the
version header, credentials, CORS, and documents with ETag concurrency."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from scorm_desktop.lrs import LRS, Principal, Request
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from scorm_desktop.storage.models import LrsStatement, OutboxStatement

TOKEN = "Basic dGVzdDp0ZXN0"
PREVIEW = "Basic cHJldmlldzp4"
V = {"X-Experience-API-Version": "1.0.3", "Authorization": TOKEN, "Content-Type": "application/json"}
ACTOR = {"objectType": "Agent", "account": {"homePage": "https://example.com", "name": "ana"}}
OTHER = {"mbox": "mailto:bo@example.com"}
ACT = "https://example.com/activities/a"
REG = str(uuid.uuid4())


@pytest.fixture
def svc(tmp_path: Path):
    services = open_services(DataPaths(tmp_path / "data"), with_sample=False)
    yield services
    services.close()


@pytest.fixture
def lrs(svc) -> LRS:
    principals = {TOKEN: Principal("test"), PREVIEW: Principal("preview", forward=False)}
    return LRS(svc.sessions, principals.get, base_path="/xapi/", allowed_origin="course://c7")


def stmt(verb: str = "completed", actor: dict = ACTOR, obj: str = ACT, **extra) -> dict:
    st = {"actor": actor, "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}", "display": {"en-US": verb}},
          "object": {"objectType": "Activity", "id": obj}, "context": {"registration": REG}}
    st.update(extra)
    return st


def post(lrs: LRS, body, headers=V, query=None):
    return lrs.handle(Request("POST", "statements", query or {}, headers, json.dumps(body).encode()))


def outbox(svc) -> list[OutboxStatement]:
    with svc.sessions() as s:
        return list(s.scalars(select(OutboxStatement).order_by(OutboxStatement.id)))


def test_post_stores_and_queues_the_statement_unchanged(lrs, svc) -> None:
    st = stmt(id=str(uuid.uuid4()), timestamp="2026-12-01T10:00:00.000Z")
    resp = post(lrs, st)
    assert resp.status == 200 and resp.json() == [st["id"]]
    assert resp.headers["X-Experience-API-Version"] == "1.0.3"
    rows = outbox(svc)
    assert [r.statement_id for r in rows] == [st["id"]] and rows[0].registration == REG
    assert json.loads(rows[0].body) == st  # forwarded as sent: no stored, no authority
    got = lrs.handle(Request("GET", "statements", {"statementId": st["id"]}, V)).json()
    assert got["stored"] and got["authority"]["account"]["name"] == "test"


def test_identical_repost_is_stored_once_and_different_content_conflicts(lrs, svc) -> None:
    st = stmt(id=str(uuid.uuid4()))
    assert post(lrs, st).status == 200
    assert post(lrs, st).status == 200
    assert len(outbox(svc)) == 1
    changed = dict(st, verb={"id": "http://adlnet.gov/expapi/verbs/passed"})
    assert post(lrs, changed).status == 409
    put = lrs.handle(Request("PUT", "statements", {"statementId": st["id"]}, V, json.dumps(changed).encode()))
    assert put.status == 409
    assert len(outbox(svc)) == 1


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda s: s.pop("actor"), "has no actor"),
        (lambda s: s.update(actor={"name": "x"}), "exactly one identifier"),
        (lambda s: s.update(actor={**OTHER, "openid": "https://x.example"}), "exactly one identifier"),
        (lambda s: s.update(actor={"mbox": "bo@example.com"}), "mailto"),
        (lambda s: s.update(verb={"id": "completed"}), "IRI"),
        (lambda s: s.update(id="1234"), "UUID"),
        (lambda s: s.update(timestamp="2026-12-01 10:00"), "ISO 8601"),
        (lambda s: s.update(result={"score": {"scaled": 1.5}}), "from -1 to 1"),
        (lambda s: s.update(result={"duration": "3 minutes"}), "ISO 8601 duration"),
        (lambda s: s.update(result={"success": "yes"}), "true or false"),
        (lambda s: s.update(context={"registration": "abc"}), "UUID"),
        (lambda s: s.update(verb={"id": "http://adlnet.gov/expapi/verbs/x", "display": {"not a tag": "x"}}), "language tag"),
        (lambda s: s.update(colour="red"), "'colour'"),
        (lambda s: s.update(object={"objectType": "Activity"}), "has no id"),
        (lambda s: s.update(verb={"id": "http://adlnet.gov/expapi/verbs/voided"}), "StatementRef"),
    ],
)
def test_invalid_statements_get_400_with_the_reason_and_nothing_is_stored(lrs, svc, mutate, reason) -> None:
    good = stmt(id=str(uuid.uuid4()))
    bad = stmt()
    mutate(bad)
    resp = post(lrs, [good, bad])
    assert resp.status == 400
    assert reason in resp.json()["message"]
    assert outbox(svc) == []
    with svc.sessions() as s:
        assert s.scalars(select(LrsStatement)).first() is None


def test_version_header_and_credentials_are_required(lrs) -> None:
    no_version = {k: v for k, v in V.items() if k != "X-Experience-API-Version"}
    assert post(lrs, stmt(), no_version).status == 400
    assert post(lrs, stmt(), {**V, "X-Experience-API-Version": "0.95"}).status == 400
    assert post(lrs, stmt(), {**V, "Authorization": "Basic bm9wZTpub3Bl"}).status == 401
    about = lrs.handle(Request("GET", "about"))
    assert about.status == 200 and "1.0.3" in about.json()["version"]


def test_cors_only_for_the_course_origin(lrs) -> None:
    ok = lrs.handle(Request("OPTIONS", "statements", {}, {"Origin": "course://c7"}))
    assert ok.status == 204 and ok.headers["Access-Control-Allow-Origin"] == "course://c7"
    other = lrs.handle(Request("OPTIONS", "statements", {}, {"Origin": "https://evil.example"}))
    assert "Access-Control-Allow-Origin" not in other.headers


def test_preview_statements_are_stored_but_never_queued(lrs, svc) -> None:
    resp = post(lrs, stmt(), {**V, "Authorization": PREVIEW})
    assert resp.status == 200
    assert outbox(svc) == []
    assert lrs.handle(Request("GET", "statements", {"statementId": resp.json()[0]}, V)).status == 200


def test_filters_and_more_paging(lrs) -> None:
    other_reg = str(uuid.uuid4())
    ids = []
    for n in range(7):
        st = stmt("experienced" if n % 2 else "completed", obj=f"{ACT}/{n % 3}", id=str(uuid.uuid4()))
        if n == 6:
            st["actor"] = OTHER
            st["context"] = {"registration": other_reg, "contextActivities": {"parent": [{"id": ACT}]}}
        ids.append(post(lrs, st).json()[0])

    def get(**q):
        resp = lrs.handle(Request("GET", "statements", {k: str(v) for k, v in q.items()}, V))
        assert resp.status == 200, resp.body
        return resp.json()

    assert [s["id"] for s in get()["statements"]] == ids[::-1]
    assert {s["id"] for s in get(agent=json.dumps(OTHER))["statements"]} == {ids[6]}
    assert {s["id"] for s in get(verb="http://adlnet.gov/expapi/verbs/experienced")["statements"]} == {
        ids[1], ids[3], ids[5]}
    assert {s["id"] for s in get(activity=f"{ACT}/0")["statements"]} == {ids[0], ids[3], ids[6]}
    assert {s["id"] for s in get(activity=ACT, related_activities="true")["statements"]} == {ids[6]}
    assert {s["id"] for s in get(registration=other_reg)["statements"]} == {ids[6]}
    # paging: 3 at a time, oldest first, following `more` until it is empty
    seen, page = [], get(limit=3, ascending="true")
    while True:
        seen += [s["id"] for s in page["statements"]]
        if not page["more"]:
            break
        path, _, query = page["more"].partition("?")
        assert path == "/xapi/statements"
        page = lrs.handle(Request("GET", "statements", query, V)).json()
    assert seen == ids
    ids_only = get(limit=1, format="ids")["statements"][0]
    assert ids_only["verb"] == {"id": ids_only["verb"]["id"]}
    assert lrs.handle(Request("GET", "statements", {"colour": "red"}, V)).status == 400


def test_since_and_until_use_stored_time(lrs) -> None:
    first = post(lrs, stmt()).json()[0]
    stored = lrs.handle(Request("GET", "statements", {"statementId": first}, V)).json()["stored"]
    second = post(lrs, stmt()).json()[0]
    got = lrs.handle(Request("GET", "statements", {"since": stored}, V)).json()["statements"]
    assert first not in [s["id"] for s in got]
    got = lrs.handle(Request("GET", "statements", {"until": stored}, V)).json()["statements"]
    assert [s["id"] for s in got] == [first] and second


def test_voiding_hides_the_target_from_queries(lrs, svc) -> None:
    target = post(lrs, stmt()).json()[0]
    void = stmt("voided")
    void["object"] = {"objectType": "StatementRef", "id": target}
    void.pop("context")
    assert post(lrs, void).status == 200
    assert lrs.handle(Request("GET", "statements", {"statementId": target}, V)).status == 404
    assert lrs.handle(Request("GET", "statements", {"voidedStatementId": target}, V)).status == 200
    listed = [s["id"] for s in lrs.handle(Request("GET", "statements", {}, V)).json()["statements"]]
    assert target not in listed
    assert len(outbox(svc)) == 2  # both go to the central LRS, which voids there too


def _doc(lrs, method, path, query, body=b"", **headers):
    h = {**V, **headers}
    return lrs.handle(Request(method, path, query, h, body))


def test_state_documents_round_trip_merge_and_delete(lrs) -> None:
    q = {"activityId": ACT, "agent": json.dumps(ACTOR), "stateId": "bookmark", "registration": REG}
    assert _doc(lrs, "GET", "activities/state", q).status == 404
    assert _doc(lrs, "PUT", "activities/state", q, b'{"page": 1}').status == 204
    assert _doc(lrs, "POST", "activities/state", q, b'{"score": 3}').status == 204
    got = _doc(lrs, "GET", "activities/state", q)
    assert got.json() == {"page": 1, "score": 3} and got.headers["ETag"].startswith('"')
    listed = _doc(lrs, "GET", "activities/state", {k: v for k, v in q.items() if k != "stateId"})
    assert listed.json() == ["bookmark"]
    assert _doc(lrs, "POST", "activities/state", q, b"[1]").status == 400
    assert _doc(lrs, "DELETE", "activities/state", {k: v for k, v in q.items() if k != "stateId"}).status == 204
    assert _doc(lrs, "GET", "activities/state", q).status == 404
    assert _doc(lrs, "GET", "activities/state", {"activityId": ACT, "stateId": "x"}).status == 400


def test_profile_concurrency_with_etags(lrs) -> None:
    q = {"activityId": ACT, "profileId": "settings"}
    created = _doc(lrs, "PUT", "activities/profile", q, b'{"v": 1}', **{"If-None-Match": "*"})
    assert created.status == 204
    tag = _doc(lrs, "GET", "activities/profile", q).headers["ETag"]
    assert _doc(lrs, "PUT", "activities/profile", q, b'{"v": 2}').status == 409  # no precondition
    assert _doc(lrs, "PUT", "activities/profile", q, b'{"v": 2}', **{"If-None-Match": "*"}).status == 412
    assert _doc(lrs, "PUT", "activities/profile", q, b'{"v": 2}', **{"If-Match": '"0000"'}).status == 412
    assert _doc(lrs, "PUT", "activities/profile", q, b'{"v": 2}', **{"If-Match": tag}).status == 204
    assert _doc(lrs, "GET", "activities/profile", q).json() == {"v": 2}
    agent_q = {"agent": json.dumps(ACTOR), "profileId": "cmi5LearnerPreferences"}
    assert _doc(lrs, "PUT", "agents/profile", agent_q, b'{"languagePreference": "en-US"}').status == 204
    assert _doc(lrs, "GET", "agents/profile", agent_q).json() == {"languagePreference": "en-US"}
