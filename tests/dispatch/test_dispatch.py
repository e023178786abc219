"""Dispatch (issue 16) without a network: two data folders (issuer and field device), the real CLI as subprocesses
for the hand-over, and the real launch path (`launch.prepare`) with an injected clock for enforcement."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from data.crafted.dispatch import changed_course, raised_launch_cap, resigned_by
from helpers import PROBE_2004
from lrs import quiz_events
from scorm_desktop import launch
from scorm_desktop.dispatch.licence import DispatchError
from scorm_desktop.dispatch.store import CLOCK_ENV
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services

ROOT = Path(__file__).resolve().parent.parent.parent


def cli(data: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full = dict(os.environ, **(env or {}))
    full.pop("SCORM_DESKTOP_DATA", None)
    return subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), *args],
                          cwd=ROOT, env=full, capture_output=True, text=True, timeout=120)


def ok(data: Path, *args: str, env: dict | None = None) -> str:
    r = cli(data, *args, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def courses(data: Path) -> list[dict]:
    return json.loads(ok(data, "courses", "--json"))


def library_state(data: Path) -> tuple:
    """What must not change when a file is refused: the courses and the course folders on disk."""
    return json.dumps(courses(data), sort_keys=True), sorted(p.name for p in (data / "courses").iterdir())


@pytest.fixture
def issued(tmp_path: Path):
    """An issuer folder with the probe course, a dispatch file (2 launches, 2 learners, expiry) and its key file."""
    issuer = tmp_path / "issuer"
    course_id = ok(issuer, "import", str(PROBE_2004)).strip()
    out = tmp_path / "probe.sddispatch"
    created = json.loads(ok(issuer, "dispatch", "create", course_id, "--to", "Field site A", "--max-launches", "2",
                            "--max-learners", "2", "--expires", "2027-03-31", "--out", str(out), "--json"))
    ok(issuer, "dispatch", "key", "--out", str(tmp_path / "issuer.key"))
    return issuer, out, tmp_path / "issuer.key", created


def test_create_writes_one_signed_file_and_lists_it(issued) -> None:
    issuer, out, _key, created = issued
    assert out.read_bytes().startswith(b"SCORM-DESKTOP-DISPATCH 1\n")
    listed = json.loads(ok(issuer, "dispatch", "list", "--json"))
    assert [d["dispatch_id"] for d in listed] == [created["dispatch_id"]]
    d = listed[0]
    assert (d["recipient"], d["max_launches"], d["max_learners"], d["expires"]) == ("Field site A", 2, 2, "2027-03-31")
    assert d["course_identifier"] and len(d["content_hash"]) == 64 and d["issuer_key"] and d["issued_at"]
    assert "Field site A" in ok(issuer, "dispatch", "list")


def test_create_refuses_bad_limits_in_one_sentence(tmp_path: Path) -> None:
    issuer = tmp_path / "issuer"
    course_id = ok(issuer, "import", str(PROBE_2004)).strip()
    r = cli(issuer, "dispatch", "create", course_id, "--to", "X", "--expires", "31/03/2027", "--out",
            str(tmp_path / "x.sddispatch"))
    assert r.returncode == 1 and "Traceback" not in r.stderr and "2027-03-31" in r.stderr
    assert not (tmp_path / "x.sddispatch").exists()
    r = cli(issuer, "dispatch", "create", course_id, "--to", "X", "--out", str(tmp_path / "nowhere" / "x.sddispatch"))
    assert r.returncode == 1 and r.stderr.strip() == (
        f"refused: The folder {tmp_path / 'nowhere'} does not exist; choose another place for the dispatch file.")
    assert json.loads(ok(issuer, "dispatch", "list", "--json")) == []


def test_untrusted_issuer_refused_then_trusted_import_shows_the_licence(issued, tmp_path: Path) -> None:
    _issuer, out, key, created = issued
    device = tmp_path / "device"
    before = library_state(device)
    r = cli(device, "import", str(out))
    assert r.returncode == 1 and "does not trust" in r.stderr and "dispatch trust" in r.stderr
    assert "Traceback" not in r.stderr
    assert library_state(device) == before
    fp = created["issuer_fingerprint"]
    assert fp in ok(device, "dispatch", "trust", str(key))
    ok(device, "import", str(out))
    probe = [c for c in courses(device) if c["licence"]]
    assert len(probe) == 1
    lic = probe[0]["licence"]
    assert lic["dispatch_id"] == created["dispatch_id"] and lic["launches_left"] == 2
    assert lic["summary"] == "2 of 2 launches left, 0 of 2 learners, expires 31 March 2027"
    assert "2 of 2 launches left" in ok(device, "courses")


@pytest.mark.parametrize("tamper", ["raised-cap", "changed-course", "other-issuer"])
def test_a_tampered_or_foreign_file_is_refused_and_changes_nothing(issued, tmp_path: Path, tamper: str) -> None:
    _issuer, out, key, _created = issued
    device = tmp_path / "device"
    ok(device, "dispatch", "trust", str(key))
    bad = tmp_path / "bad.sddispatch"
    if tamper == "raised-cap":
        raised_launch_cap(out, bad)
    elif tamper == "changed-course":
        changed_course(out, bad)
    else:
        other = Ed25519PrivateKey.generate()
        import base64

        resigned_by(out, bad, other, base64.b64encode(other.public_key().public_bytes_raw()).decode())
    before = library_state(device)
    r = cli(device, "import", str(bad))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    message = r.stderr.strip().splitlines()[-1]
    assert message.startswith("refused:") and message.count(". ") == 0
    assert ("does not trust" if tamper == "other-issuer" else "changed after the issuer signed it") in message
    assert library_state(device) == before
    assert not any((device / "courses" / ".staging").glob("*")) if (device / "courses" / ".staging").exists() else True


# -- enforcement on the device (in process: the real launch path, an injected clock) ------------------------------------
@pytest.fixture
def device(issued, tmp_path: Path, monkeypatch):
    _issuer, out, key, created = issued
    monkeypatch.setenv(CLOCK_ENV, "2027-03-01T09:00:00+00:00")
    svc = open_services(DataPaths(tmp_path / "device", explicit=True), with_sample=False)
    from scorm_desktop.dispatch.store import read_key_file, trust

    trust(svc.sessions, read_key_file(key))
    course = svc.library.import_package(out).course
    yield svc, course.id, created
    svc.close()


def play(svc, course_id: int, learner: str):
    la = launch.prepare(svc.library, svc.records, course_id, learner)
    svc.records.apply_events(la.record.session_id, quiz_events(answers=1))
    la.terminated = True
    launch.finish(svc.records, la, "terminated")
    return la


def pending_count(svc) -> int:
    from sqlalchemy import text

    with svc.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM outbox WHERE state = 'pending'")).scalar_one()


def test_launch_cap_refuses_the_launch_after_the_last_and_keeps_results(device) -> None:
    svc, course_id, _created = device
    play(svc, course_id, "Ada")
    play(svc, course_id, "Ada")
    pending = pending_count(svc)
    with pytest.raises(DispatchError, match="used all 2 launches.*ask the issuer for a new dispatch"):
        launch.prepare(svc.library, svc.records, course_id, "Ada")
    assert pending_count(svc) == pending  # a refused launch records nothing, and nothing queued is dropped
    assert svc.records.summaries(course_id=course_id)[0]["completion"] == "completed"
    from scorm_desktop.dispatch.store import licence_state

    assert licence_state(svc.sessions, course_id).summary().startswith("0 of 2 launches left, 1 of 2 learners")


def test_learner_cap_admits_known_learners_only(issued, device, tmp_path: Path) -> None:
    issuer, _out, _key, _created = issued
    svc, course_id, _ = device
    # A newer dispatch of the same course (one learner, no launch cap) replaces the first one on import.
    course_ref = str(json.loads(ok(issuer, "dispatch", "list", "--json"))[0]["course_id"])
    second = tmp_path / "second.sddispatch"
    ok(issuer, "dispatch", "create", course_ref, "--to", "Field site A", "--max-learners", "1", "--out", str(second))
    assert svc.library.import_package(second).duplicate_of.id == course_id
    play(svc, course_id, "Ada")
    play(svc, course_id, "Ada")
    play(svc, course_id, "Ada")
    with pytest.raises(DispatchError, match="licensed for 1 learner"):
        launch.prepare(svc.library, svc.records, course_id, "Bo")


def test_expiry_with_the_clock_moved_forward_and_back(device, monkeypatch) -> None:
    svc, course_id, _created = device
    monkeypatch.setenv(CLOCK_ENV, "2027-03-31T22:00:00+00:00")  # the last day: still valid
    la = launch.prepare(svc.library, svc.records, course_id, "Ada")
    launch.finish(svc.records, la, "closed")
    monkeypatch.setenv(CLOCK_ENV, "2027-04-01T00:00:01+00:00")
    with pytest.raises(DispatchError, match="expired on 2027-03-31"):
        launch.prepare(svc.library, svc.records, course_id, "Ada")
    monkeypatch.setenv(CLOCK_ENV, "2027-04-02T09:00:00+00:00")
    with pytest.raises(DispatchError, match="expired"):
        launch.prepare(svc.library, svc.records, course_id, "Ada")
    # The clock set back a week: the device remembers it saw 2 April (less the 12-hour drift tolerance), so the
    # licence is still expired.
    monkeypatch.setenv(CLOCK_ENV, "2027-03-25T09:00:00+00:00")
    with pytest.raises(DispatchError, match="expired"):
        launch.prepare(svc.library, svc.records, course_id, "Ada")


def test_honest_drift_back_within_the_tolerance_is_not_punished(device, monkeypatch) -> None:
    svc, course_id, _created = device
    from scorm_desktop.dispatch import store

    course, ada = svc.library.course(course_id), svc.records.learner("Ada")
    monkeypatch.setenv(CLOCK_ENV, "2027-03-31T20:00:00+00:00")
    store.admit_launch(svc.records, course, ada)
    monkeypatch.setenv(CLOCK_ENV, "2027-03-31T15:00:00+00:00")  # corrected back 5 hours, before expiry
    store.admit_launch(svc.records, course, ada)


def test_statements_of_a_dispatched_course_carry_the_dispatch_and_a_gapless_counter(device) -> None:
    svc, course_id, created = device
    play(svc, course_id, "Ada")
    from sqlalchemy import text

    from scorm_desktop.dispatch.store import DISPATCH_EXTENSION, LAUNCHED, SEQUENCE_EXTENSION

    with svc.engine.connect() as conn:
        bodies = [json.loads(b) for (b,) in conn.execute(text("SELECT body FROM outbox ORDER BY id"))]
    tagged = [b for b in bodies if b["context"]["extensions"].get(DISPATCH_EXTENSION) == created["dispatch_id"]]
    assert len(tagged) == len(bodies) > 3
    assert [b["context"]["extensions"][SEQUENCE_EXTENSION] for b in tagged] == list(range(1, len(tagged) + 1))
    assert bodies[0]["verb"]["id"] == LAUNCHED
    verbs = {b["verb"]["display"]["en-US"] for b in bodies}
    assert {"launched", "completed", "passed"} <= verbs


def test_revocation_file_over_usb_stops_launches(issued, device, tmp_path: Path) -> None:
    issuer, _out, _key, created = issued
    svc, course_id, _ = device
    play(svc, course_id, "Ada")
    listing = tmp_path / "revoked.json"
    ok(issuer, "dispatch", "revoke", created["dispatch_id"], "--offline", "--out", str(listing))
    forged = json.loads(listing.read_text())
    forged["revoked"] = {}
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    r = cli(svc.paths.root, "dispatch", "import-revocations", str(tmp_path / "forged.json"))
    assert r.returncode == 1 and "not signed by the issuer" in r.stderr and "Traceback" not in r.stderr
    assert "1 dispatch(es) newly revoked" in ok(svc.paths.root, "dispatch", "import-revocations", str(listing))
    with pytest.raises(DispatchError, match="revoked by its issuer"):
        launch.prepare(svc.library, svc.records, course_id, "Ada")
    assert svc.records.summaries(course_id=course_id)  # results kept
    assert pending_count(svc) > 0  # and still to be synced
    assert json.loads(ok(issuer, "dispatch", "list", "--json"))[0]["revoked_at"]


def test_play_from_the_cli_is_refused_after_the_cap_in_one_sentence(issued, tmp_path: Path) -> None:
    issuer, _out, key, _created = issued
    course_ref = str(json.loads(ok(issuer, "dispatch", "list", "--json"))[0]["course_id"])
    one = tmp_path / "one.sddispatch"
    ok(issuer, "dispatch", "create", course_ref, "--to", "Field site A", "--max-launches", "1", "--out", str(one))
    device = tmp_path / "device"
    ok(device, "dispatch", "trust", str(key))
    course_id = ok(device, "import", str(one)).strip()
    env = {"QT_QPA_PLATFORM": "offscreen"}
    ok(device, "play", course_id, "--headless", "--learner", "Ada", "--timeout", "60", env=env)
    r = cli(device, "play", course_id, "--headless", "--learner", "Ada", "--timeout", "60", env=env)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert r.stderr.strip().splitlines()[-1] == (
        "error: 'SCO API probe (SCORM 2004)' has used the one launch of its licence: ask the issuer for a new "
        "dispatch of this course; earlier results are kept and still synced.")
    [course] = [c for c in courses(device) if c["licence"]]
    assert course["licence"]["launches_left"] == 0 and course["status"]["label"] != "not started"


def test_an_import_killed_before_its_licence_was_recorded_still_enforces_it(issued, tmp_path: Path) -> None:
    import signal
    import time

    _issuer, out, key, created = issued
    device = tmp_path / "device"
    ok(device, "dispatch", "trust", str(key))
    env = dict(os.environ, PYTHONPATH=str(ROOT), SCORM_DESKTOP_TEST_PAUSE_IMPORT="after-rename")
    env.pop("SCORM_DESKTOP_DATA", None)
    proc = subprocess.Popen([sys.executable, "-m", "scorm_desktop", "--data-dir", str(device), "import", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.stderr.readline().strip() != "paused at after-rename":
        pass
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    proc.stdout.close()
    proc.stderr.close()
    # The next start finishes the import (the library's own recovery); the licence is attached with it.
    [course] = [c for c in courses(device) if c["identifier"] == created["course_identifier"]]
    assert course["licence"] and course["licence"]["dispatch_id"] == created["dispatch_id"]


@pytest.mark.parametrize("stage", ["after-file", "after-row"])
def test_create_killed_between_the_file_and_its_row_leaves_neither_an_unknown_file_nor_a_row_without_one(
    tmp_path: Path, stage: str
) -> None:
    import signal
    import time

    from scorm_desktop.dispatch.licence import read_dispatch

    issuer = tmp_path / "issuer"
    course_id = ok(issuer, "import", str(PROBE_2004)).strip()
    outdir = tmp_path / "out"
    outdir.mkdir()
    out = outdir / "site.sddispatch"
    env = dict(os.environ, PYTHONPATH=str(ROOT), SCORM_DESKTOP_TEST_PAUSE_DISPATCH=stage)
    env.pop("SCORM_DESKTOP_DATA", None)
    proc = subprocess.Popen([sys.executable, "-m", "scorm_desktop", "--data-dir", str(issuer), "dispatch", "create",
                             course_id, "--to", "Field site K", "--max-launches", "3", "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    deadline = time.monotonic() + 120
    paused = False
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break  # ended without pausing
        if line.strip() == f"paused at {stage}":
            paused = True
            ok(issuer, "dispatch", "list", "--json")  # another process meanwhile leaves a living creation alone
            assert not out.exists() and [p.name for p in outdir.iterdir() if p.name.endswith(".partial")]
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(30)
    proc.stdout.close()
    proc.stderr.close()
    listed = json.loads(ok(issuer, "dispatch", "list", "--json"))  # the next dispatch command tidies up
    if stage == "after-file":
        assert listed == [] and not out.exists()  # the dispatch was never recorded: no file of it is left
    else:
        [d] = listed  # recorded: its file is completed under its name
        licence, _sig = read_dispatch(out)
        assert licence.dispatch_id == d["dispatch_id"] and licence.max_launches == 3
    assert sorted(p.name for p in outdir.iterdir()) == (["site.sddispatch"] if stage == "after-row" else [])
    assert paused
