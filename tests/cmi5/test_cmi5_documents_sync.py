"""Documents the AUs and the LMS write to the local LRS (State, Activity Profile, Agent Profile) reach the central LRS
on sync (issue 15, "documents forwarded too"): latest content wins, each write is sent once, a document the central
LRS already holds is replaced through its ETag, a 4xx refusal is quarantined with its reason and never dropped, a
preview's documents are never sent, and a write made while its document is on the wire is not lost. Real parts: the
crafted AU over the local LRS, the real sync engine, the `lrs_documents` LRS on loopback (Learning Locker's statement
and activity services, and an LRS for State and Agent Profile)."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import select

from data.crafted.cmi5 import AU, AU1, AU2
from lrs import AUTH, HEADERS, lrs, lrs_documents  # noqa: F401
from scorm_desktop.cmi5 import vocab as v
from scorm_desktop.storage.models import DocumentOutboxRow
from scorm_desktop.storage.outbox import DocumentOutbox, Outbox
from scorm_desktop.sync.engine import SyncEngine
from scorm_desktop.sync.settings import SyncSettings
from test_cmi5_lms import launch, rig  # noqa: F401  (the cmi5 course, learner, LMS and local LRS)

ACTIVITY = "http://example.com/activities/glossary"


def sync(rig, url: str, **kw):
    cfg = SyncSettings(endpoint=url, username="x", batch_size=50, backoff_base=0.01, backoff_max=0.02, max_wait=2)
    return SyncEngine(rig.svc.sessions, cfg, "x", **kw).run()


def central(url: str, path: str, **params) -> httpx.Response:
    return httpx.get(url + path, params=params, headers=HEADERS, auth=AUTH, timeout=10)


def put(au: AU, path: str, query: dict, doc: dict, method: str = "PUT", **headers):
    """The AU writes a JSON document to the local LRS (with extra headers, e.g. If-Match)."""
    from scorm_desktop.lrs import Request

    sent = {"X-Experience-API-Version": "1.0.3", "Authorization": f"Basic {au.token}",
            "Content-Type": "application/json", **headers}
    resp = au.rig.lrs.handle(Request(method, path, query, sent, json.dumps(doc).encode()))
    assert resp.status == 204, resp.body
    return resp


def started(rig, au_id=AU1, mode="Normal") -> AU:
    au = AU(rig, launch(rig, au_id, mode=mode))
    au.start()
    return au


def state_query(au: AU, state_id: str) -> dict:
    return {"activityId": au.activity_id, "agent": json.dumps(au.actor), "registration": au.registration,
            "stateId": state_id}


def doc_rows(rig) -> list[tuple]:
    with rig.svc.sessions() as s:
        t = DocumentOutboxRow
        return s.execute(select(t.kind, t.doc_id, t.state, t.revision).order_by(t.id)).all()


def test_documents_reach_the_central_lrs_once_latest_content_winning(rig, lrs_documents) -> None:  # noqa: F811
    url = lrs_documents.url
    au = started(rig)
    put(au, "activities/state", state_query(au, "bookmark"), {"page": 1})
    put(au, "activities/state", state_query(au, "bookmark"), {"page": 7})  # latest wins
    put(au, "activities/state", state_query(au, "bookmark"), {"seen": True}, method="POST")  # merged here
    put(au, "activities/profile", {"activityId": ACTIVITY, "profileId": "terms"}, {"xapi": "Experience API"})
    prefs = {"agent": json.dumps(au.actor), "profileId": v.LEARNER_PREFERENCES}
    current = au.request("GET", "agents/profile", prefs)
    put(au, "agents/profile", prefs, {"languagePreference": "fr-FR", "audioPreference": "off"},
        **{"If-Match": current.headers["ETag"]})
    # one row per document: LMS.LaunchData, the preferences, the bookmark, the glossary
    assert sorted(r[1] for r in doc_rows(rig)) == sorted([v.LAUNCH_DATA, v.LEARNER_PREFERENCES, "bookmark", "terms"])
    assert Outbox(rig.svc.sessions).status().documents_pending == 4

    report = sync(rig, url)
    assert report.complete, report
    assert (report.documents_sent, report.documents_pending, report.documents_quarantined) == (4, 0, 0)
    got = central(url, "activities/state", **state_query(au, "bookmark"))
    assert got.status_code == 200 and got.json() == {"page": 7, "seen": True}
    got = central(url, "activities/state", **state_query(au, v.LAUNCH_DATA))
    assert got.json()["launchMode"] == "Normal" and got.json()["contextTemplate"]
    assert central(url, "activities/profile", activityId=ACTIVITY, profileId="terms").json() == {
        "xapi": "Experience API"}
    assert central(url, "agents/profile", **prefs).json()["languagePreference"] == "fr-FR"

    before = len(lrs_documents.log)
    again = sync(rig, url)
    assert again.complete and again.documents_sent == 0
    assert [e for e in lrs_documents.log[before:] if e[0] in ("PUT", "POST", "DELETE")] == []  # nothing sent twice

    # a later write goes out again (the central LRS now holds the profile: replaced through its ETag, not 409)
    put(au, "activities/profile", {"activityId": ACTIVITY, "profileId": "terms"}, {"xapi": "Tin Can"},
        method="POST")
    resp = au.request("DELETE", "activities/state", state_query(au, "bookmark"))
    assert resp.status == 204
    third = sync(rig, url)
    assert third.complete and third.documents_sent == 2
    assert central(url, "activities/profile", activityId=ACTIVITY, profileId="terms").json() == {"xapi": "Tin Can"}
    assert central(url, "activities/state", **state_query(au, "bookmark")).status_code == 404


def test_a_profile_someone_else_wrote_is_replaced_through_its_etag(rig, lrs_documents) -> None:  # noqa: F811
    url = lrs_documents.url
    params = {"activityId": ACTIVITY + "/shared", "profileId": "notes"}
    first = httpx.put(url + "activities/profile", params=params, content=b'{"by": "another device"}',
                      headers={**HEADERS, "Content-Type": "application/json", "If-None-Match": "*"}, auth=AUTH)
    assert first.status_code == 204, first.text
    au = started(rig)
    put(au, "activities/profile", params, {"by": "this device"})
    report = sync(rig, url)
    assert report.complete and report.documents_sent >= 1
    assert central(url, "activities/profile", **params).json() == {"by": "this device"}
    sync_log = [(m, status) for m, p, status in lrs_documents.log if "profileId=notes" in p][1:-1]  # not ours
    assert sync_log == [("PUT", 412), ("GET", 200), ("PUT", 204)]  # If-None-Match: *, its ETag, If-Match


def test_a_refused_document_is_quarantined_and_sent_after_retry(rig, lrs_documents) -> None:  # noqa: F811
    url = lrs_documents.url
    au = started(rig)
    put(au, "activities/state", state_query(au, "refused-one"), {"a": 1})
    put(au, "activities/state", state_query(au, "fine-one"), {"b": 2})
    lrs_documents.refuse = lambda method, path, body: method == "PUT" and "stateId=refused-one" in path
    try:
        report = sync(rig, url)
    finally:
        lrs_documents.refuse = None
    assert report.documents_quarantined == 1 and report.documents_pending == 0 and report.last_error is None
    assert [r for r in report.refused if r.get("kind")] == [
        {"id": "refused-one", "kind": "state", "state": "quarantined", "reason": "refused"}]
    assert central(url, "activities/state", **state_query(au, "fine-one")).json() == {"b": 2}
    assert central(url, "activities/state", **state_query(au, "refused-one")).status_code == 404
    assert DocumentOutbox(rig.svc.sessions).refused()[0]["reason"] == "refused"  # kept, with the reason
    assert DocumentOutbox(rig.svc.sessions).requeue() == 1
    again = sync(rig, url)
    assert again.complete and again.documents_sent == 1
    assert central(url, "activities/state", **state_query(au, "refused-one")).json() == {"a": 1}


def test_an_lrs_that_fails_keeps_documents_pending(rig, lrs_documents) -> None:  # noqa: F811
    au = started(rig)
    put(au, "activities/state", state_query(au, "later"), {"x": 1})
    lrs_documents.refuse = None
    report = sync(rig, "http://127.0.0.1:9/xAPI/")  # nothing listens: the statements fail first, documents wait
    assert not report.complete and report.documents_pending == 3 and report.documents_sent == 0
    assert all(state == "pending" for _, _, state, _ in doc_rows(rig))


def test_only_documents_pending_still_calls_for_a_sync(rig, lrs_documents) -> None:  # noqa: F811
    started(rig)
    assert sync(rig, lrs_documents.url).complete
    au = started(rig, AU2)  # launch: statements and LMS.LaunchData; sync again, then one document only
    assert sync(rig, lrs_documents.url).complete
    put(au, "activities/state", state_query(au, "only-me"), {"y": 2})
    st = Outbox(rig.svc.sessions).status()
    assert (st.pending, st.documents_pending) == (1, 1)  # the sync loop (ui/sync_panel.py) runs when pending > 0


def test_a_write_while_on_the_wire_is_not_lost(rig) -> None:  # noqa: F811
    au = started(rig)
    put(au, "activities/state", state_query(au, "race"), {"v": 1})
    outbox = DocumentOutbox(rig.svc.sessions)
    on_the_wire = next(r for r in outbox.pending() if r.doc_id == "race")
    put(au, "activities/state", state_query(au, "race"), {"v": 2})  # written again before the LRS answered
    assert outbox.mark_sent(on_the_wire) is False
    row = next(r for r in outbox.pending() if r.doc_id == "race")
    assert json.loads(row.content) == {"v": 2} and row.revision == on_the_wire.revision + 1


def test_the_preview_documents_are_never_queued(rig) -> None:  # noqa: F811
    before = doc_rows(rig)
    la = rig.lms.launch(rig.structure, AU1, "course://c9/a1/index.html", rig.actor,
                        "0c2b6f1e-3d7a-4c1e-9a55-1b2c3d4e5f61", course_id=rig.course.id, forward=False, mode="Browse")
    au = AU(rig, la)
    au.start()
    put(au, "activities/state", state_query(au, "preview-note"), {"p": 1})
    assert doc_rows(rig) == before


@pytest.mark.parametrize("kind", ["mbox", "account"])
def test_migration_queues_the_documents_written_before_it(tmp_path, kind) -> None:
    import sqlite3

    from scorm_desktop.storage.db import migrate
    from scorm_desktop.storage.migrations import STEPS

    db = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    for version, sql in STEPS[:10]:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)
    conn.execute("PRAGMA user_version=10")
    key = "mbox:mailto:ana@example.com" if kind == "mbox" else "account:https://example.com/learners|ana"
    for doc_id, forwarded in (("kept", 1), ("preview", 0)):
        conn.execute("INSERT INTO lrs_documents (kind, activity_id, agent_key, registration, doc_id, content_type, "
                     "content, etag, updated, forwarded) VALUES ('state', 'http://example.com/a', ?, '', ?, "
                     "'application/json', X'7b7d', '\"x\"', '2026-01-01T00:00:00.000Z', ?)", (key, doc_id, forwarded))
    conn.close()
    migrate(db, tmp_path / "backups")
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT doc_id, agent_json, state, content FROM document_outbox").fetchall()
    assert [(r[0], r[2], r[3]) for r in rows] == [("kept", "pending", b"{}")]
    agent = json.loads(rows[0][1])
    assert agent == ({"objectType": "Agent", "mbox": "mailto:ana@example.com"} if kind == "mbox" else
                     {"objectType": "Agent", "account": {"homePage": "https://example.com/learners", "name": "ana"}})


def test_a_usb_bundle_carries_the_pending_documents(rig, lrs_documents, tmp_path) -> None:  # noqa: F811
    from scorm_desktop.paths import DataPaths
    from scorm_desktop.services import open_services
    from scorm_desktop.sync.bundles import export_records, import_records, read_bundle

    au = started(rig)
    put(au, "activities/state", state_query(au, "carried"), {"n": 1})
    put(au, "activities/profile", {"activityId": ACTIVITY, "profileId": "binary"}, {"k": "v"})
    resp = au.request("DELETE", "activities/profile", {"activityId": ACTIVITY, "profileId": "binary"})
    assert resp.status == 204
    laptop = DocumentOutbox(rig.svc.sessions).pending()
    bundle = tmp_path / "records.sdrecords"
    exported = export_records(rig.svc.sessions, bundle)
    assert exported.documents == len(laptop) == 4  # LaunchData, preferences, "carried", the deleted "binary"
    _, _, docs = read_bundle(bundle, with_documents=True)
    assert {(d["doc_id"], d["op"]) for d in docs} >= {("carried", "put"), ("binary", "delete")}

    office = open_services(DataPaths(tmp_path / "office"), with_sample=False)
    try:
        result = import_records(office.sessions, bundle)
        assert (result.documents, result.documents_queued) == (4, 4)
        here = DocumentOutbox(office.sessions).pending()
        fields = ("kind", "activity_id", "agent_key", "agent_json", "registration", "doc_id", "op", "content_type",
                  "content", "updated")
        assert sorted(tuple(getattr(r, f) for f in fields) for r in here) == sorted(
            tuple(getattr(r, f) for f in fields) for r in laptop)
        again = import_records(office.sessions, bundle)
        assert again.documents_queued == 0 and len(DocumentOutbox(office.sessions).pending()) == 4
        cfg = SyncSettings(endpoint=lrs_documents.url, username="x", max_wait=2)
        report = SyncEngine(office.sessions, cfg, "x").run()
        assert report.complete and report.documents_sent == 4
        assert central(lrs_documents.url, "activities/state", **state_query(au, "carried")).json() == {"n": 1}
        assert import_records(office.sessions, bundle).documents_queued == 0  # sent: not queued again
    finally:
        office.close()


def test_a_passing_failure_is_retried_and_bad_credentials_stop_the_run(rig, lrs_documents) -> None:  # noqa: F811
    url = lrs_documents.url
    au = started(rig)
    put(au, "activities/state", state_query(au, "flaky"), {"z": 1})
    answers = [503]  # the first PUT of "flaky" meets a 503, the next one gets through
    lrs_documents.refuse = lambda method, path, body: (
        answers.pop(0) if method == "PUT" and "stateId=flaky" in path and answers else False)
    try:
        report = sync(rig, url)
    finally:
        lrs_documents.refuse = None
    assert report.complete and report.documents_sent == 3, report
    puts = [status for m, p, status in lrs_documents.log if m == "PUT" and "stateId=flaky" in p]
    assert puts == [503, 204]  # tried again after the back-off, once it passed: sent once

    put(au, "activities/state", state_query(au, "locked"), {"z": 2})
    lrs_documents.refuse = lambda method, path, body: 401 if "stateId=locked" in path else False
    try:
        stopped = sync(rig, url)
    finally:
        lrs_documents.refuse = None
    assert not stopped.complete and stopped.documents_pending == 1 and "credentials" in stopped.last_error
    assert sync(rig, url).complete  # nothing was lost: sent at the next run
    assert central(url, "activities/state", **state_query(au, "locked")).json() == {"z": 2}
