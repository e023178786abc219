"""Dispatch through the real loopback LRS: revocation published by the issuer and fetched by the device at sync,
and the issuer's report read back from the LRS, with a gap flagged while one learner's statements are held back
(the LRS refuses them, so they wait quarantined on the device) and cleared once they are synced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import PROBE_2004
from lrs import (  # noqa: F401  (lrs and lrs_documents are fixtures)
    AUTH, Fault, FaultProxy, lrs, lrs_documents, lrs_statements, quiz_events,
)
from scorm_desktop import launch
from scorm_desktop.dispatch.licence import DispatchError
from scorm_desktop.dispatch.store import CLOCK_ENV, read_key_file, trust
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from scorm_desktop.sync.settings import SyncSettings
from test_dispatch import ok

ENV = {"SCORM_DESKTOP_LRS_PASSWORD": AUTH[1], "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


@pytest.fixture
def dispatched(tmp_path: Path, monkeypatch):
    """Issuer (CLI) and a field device (in process) holding a trusted dispatch of the probe course."""
    monkeypatch.setenv(CLOCK_ENV, "2027-03-01T09:00:00+00:00")
    issuer = tmp_path / "issuer"
    course_id = ok(issuer, "import", str(PROBE_2004)).strip()
    out = tmp_path / "probe.sddispatch"
    created = json.loads(ok(issuer, "dispatch", "create", course_id, "--to", "Field site B", "--max-launches", "10",
                            "--out", str(out), "--json"))
    ok(issuer, "dispatch", "key", "--out", str(tmp_path / "issuer.key"))
    svc = open_services(DataPaths(tmp_path / "device", explicit=True), with_sample=False)
    trust(svc.sessions, read_key_file(tmp_path / "issuer.key"))
    course = svc.library.import_package(out).course
    yield issuer, svc, course.id, created["dispatch_id"]
    svc.close()


def play(svc, course_id: int, learner: str, passed: bool = True):
    la = launch.prepare(svc.library, svc.records, course_id, learner)
    svc.records.apply_events(la.record.session_id, quiz_events(answers=1, passed=passed))
    la.terminated = True
    launch.finish(svc.records, la, "terminated")
    return la


def sync(svc, endpoint: str, retry_quarantined: bool = False):
    if retry_quarantined:
        from scorm_desktop.storage.outbox import QUARANTINED, Outbox

        Outbox(svc.sessions).requeue((QUARANTINED,))
    return svc.sync_engine(SyncSettings(endpoint=endpoint, username=AUTH[0], max_wait=5), AUTH[1]).run()


def report(issuer: Path, lrs_url: str, dispatch_id: str) -> dict:
    out = ok(issuer, "dispatch", "report", dispatch_id, "--json", "--endpoint", lrs_url, "--username", AUTH[0],
             env=ENV)
    [rep] = json.loads(out)
    return rep


def test_revocation_published_on_the_lrs_reaches_the_device_at_sync(dispatched, lrs: str) -> None:  # noqa: F811
    issuer, svc, course_id, dispatch_id = dispatched
    play(svc, course_id, "Ada")
    ok(issuer, "dispatch", "revoke", dispatch_id, "--endpoint", lrs, "--username", AUTH[0], env=ENV)
    launch.finish(svc.records, launch.prepare(svc.library, svc.records, course_id, "Ada"), "closed")  # not yet known
    result = sync(svc, lrs)
    assert result.pending == 0  # the records went out as usual
    with pytest.raises(DispatchError, match="revoked by its issuer"):
        launch.prepare(svc.library, svc.records, course_id, "Ada")
    # A second revocation by the same issuer replaces the document (concurrency headers) and keeps the first.
    rep = report(issuer, lrs, dispatch_id)
    assert rep["revoked_at"] and rep["totals"]["launches"] == 2 and rep["totals"]["missing"] == 0


def test_report_counts_what_was_played_and_flags_held_back_records_until_synced(
    dispatched, lrs: str, tmp_path: Path  # noqa: F811
) -> None:
    issuer, svc, course_id, dispatch_id = dispatched
    play(svc, course_id, "Ada")
    held = play(svc, course_id, "Bo").record.registration
    play(svc, course_id, "Cy", passed=False)
    proxy = FaultProxy(lrs)
    try:
        proxy.rule = lambda sts: (
            Fault("status", 400, body='{"message": "held back"}')
            if any(st.get("context", {}).get("registration") == held for st in sts) else None
        )
        first = sync(svc, proxy.url)
    finally:
        proxy.close()
    assert first.quarantined > 0 and first.pending == 0
    rep = report(issuer, lrs, dispatch_id)
    [dev] = rep["devices"]
    assert dev["missing"] and rep["totals"]["missing"] == dev["missing_count"] == first.quarantined  # all counted
    assert len(dev["missing"]) == 1  # Bo's records are one run: the last is named by the record after it
    assert (dev["launches"], dev["learners"]) == (2, 2)  # Bo's launch is among the held-back records
    assert dev["highest_sequence"] > max(dev["missing"])  # a gap in the middle: later records did arrive

    sync(svc, lrs, retry_quarantined=True)
    rep = report(issuer, lrs, dispatch_id)
    [dev] = rep["devices"]
    assert dev["missing"] == []
    assert (dev["launches"], dev["learners"], dev["completed"], dev["passed"]) == (3, 3, 3, 2)
    assert dev["average_score"] == pytest.approx((0.9 + 0.9 + 0.2) / 3, abs=1e-3)
    assert dev["last_launch"] and dev["statements"] == dev["highest_sequence"]
    csv_file = tmp_path / "report.csv"
    ok(issuer, "dispatch", "report", "--csv", str(csv_file), "--endpoint", lrs, "--username", AUTH[0], env=ENV)
    text = csv_file.read_text(encoding="utf-8-sig")
    assert dispatch_id in text and "Field site B" in text
    pdf = tmp_path / "report.pdf"
    ok(issuer, "dispatch", "report", dispatch_id, "--pdf", str(pdf), "--endpoint", lrs, "--username", AUTH[0],
       env={**ENV, "QT_QPA_PLATFORM": "offscreen"})
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    human = ok(issuer, "dispatch", "report", dispatch_id, "--endpoint", lrs, "--username", AUTH[0], env=ENV)
    assert "3 launches, 3 learners, 3 completed, 2 passed" in human and "missing records: none" in human


def test_revocation_as_an_activity_profile_document_on_a_real_lrs(dispatched, lrs_documents) -> None:  # noqa: F811
    """The central LRS holds documents (Learning Locker's activity service beside its statement service), and the
    statement fallback is refused there: the revocation reaches the device through the document alone."""
    import httpx

    from scorm_desktop.dispatch.remote import PROFILE_ID, REVOKED_VERB, issuer_activity

    issuer, svc, course_id, dispatch_id = dispatched
    central = lrs_documents
    central.refuse = lambda method, path, body: method == "POST" and path.startswith("statements") and (
        REVOKED_VERB.encode() in body)
    try:
        open_session = launch.prepare(svc.library, svc.records, course_id, "Ada")  # Ada is playing meanwhile
        ok(issuer, "dispatch", "revoke", dispatch_id, "--endpoint", central.url, "--username", AUTH[0], env=ENV)
        key = json.loads(ok(issuer, "dispatch", "list", "--json"))[0]["issuer_key"]
        doc = httpx.get(central.url + "activities/profile", auth=AUTH, headers={"X-Experience-API-Version": "1.0.3"},
                        params={"activityId": issuer_activity(key), "profileId": PROFILE_ID})
        assert doc.status_code == 200 and dispatch_id in doc.json()["revoked"] and doc.headers.get("ETag")
        assert ("PUT", "activities/profile", 204) in [(m, p.split("?")[0], st) for m, p, st in central.log]
        assert lrs_statements(central.url, verb=REVOKED_VERB, activity=issuer_activity(key)) == []  # no fallback

        assert sync(svc, central.url).pending == 0  # the device fetches the document at its sync
        with pytest.raises(DispatchError, match="revoked by its issuer"):
            launch.prepare(svc.library, svc.records, course_id, "Ada")
        # The session that was open goes on to its end: its results are recorded, kept, and sent at the next sync.
        svc.records.apply_events(open_session.record.session_id, quiz_events(answers=1))
        open_session.terminated = True
        launch.finish(svc.records, open_session, "terminated")
        assert svc.records.summaries(course_id=course_id)[0]["completion"] == "completed"
        assert sync(svc, central.url).pending == 0
        with pytest.raises(DispatchError, match="revoked by its issuer"):
            launch.prepare(svc.library, svc.records, course_id, "Bo")
        rep = report(issuer, central.url, dispatch_id)  # the issuer reads them back
        assert rep["revoked_at"] and (rep["totals"]["launches"], rep["totals"]["completed"]) == (1, 1)
        assert rep["totals"]["missing"] == 0

        # A second revocation replaces the document (If-Match on its ETag) and keeps the first dispatch in it.
        course_ref = str(json.loads(ok(issuer, "dispatch", "list", "--json"))[0]["course_id"])
        second = json.loads(ok(issuer, "dispatch", "create", course_ref, "--to", "Field site B2", "--out",
                               str(Path(svc.paths.root).parent / "second.sddispatch"), "--json"))["dispatch_id"]
        ok(issuer, "dispatch", "revoke", second, "--endpoint", central.url, "--username", AUTH[0], env=ENV)
        doc = httpx.get(central.url + "activities/profile", auth=AUTH, headers={"X-Experience-API-Version": "1.0.3"},
                        params={"activityId": issuer_activity(key), "profileId": PROFILE_ID}).json()
        assert set(doc["revoked"]) == {dispatch_id, second}
    finally:
        central.refuse = None
