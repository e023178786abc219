"""The sync engine against a real LRS on loopback (Learning Locker's xapi-statements, in memory), with a
fault-injecting proxy in front of it for the failures a network and an LRS produce."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import uuid
from argparse import Namespace
from pathlib import Path

import pytest

from helpers import PROBE_12, PROBE_2004
from lrs import (  # noqa: F401  (lrs and proxy are fixtures)
    Fault, lrs, lrs_statements, open_recording_services, outbox_rows, play, post_statements, proxy, quiz_events,
)
from scorm_desktop.storage.db import utcnow
from scorm_desktop.storage.records import Records
from scorm_desktop.sync import SyncEngine, SyncSettings
from scorm_desktop.cli.sync import cmd_sync

ROOT = Path(__file__).resolve().parent.parent.parent


class Sleeps(list):
    """Records the waits the engine asks for, without waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def course(svc) -> int:
    return svc.library.import_package(PROBE_2004).course.id


def engine(svc, endpoint: str, sleeps: Sleeps | None = None, **cfg) -> SyncEngine:
    settings = SyncSettings(endpoint=endpoint, username="test", timeout=cfg.pop("timeout", 5.0), **cfg)
    sleep = sleeps if sleeps is not None else Sleeps()
    return SyncEngine(svc.sessions, settings, "test", sleep=sleep, rand=lambda: 0.5)


def registration_ids(base: str, registration: str) -> list[str]:
    return [st["id"] for st in lrs_statements(base, registration=registration)]


def at_lrs(base: str, ids: set[str]) -> list[str]:
    """Ids of `ids` the LRS holds, with repeats if it held any twice."""
    return [st["id"] for st in lrs_statements(base) if st["id"] in ids]


def test_everything_reaches_the_lrs_once(svc, course: int, lrs: str) -> None:
    play(svc, course, "Ada", quiz_events(answers=3))
    play(svc, course, "Bob", quiz_events(answers=1, passed=False))
    rows = outbox_rows(svc)
    report = engine(svc, lrs, batch_size=4).run()
    assert report.complete
    counts = (report.sent, report.stored, report.pending, report.conflicts, report.quarantined)
    assert counts == (len(rows), len(rows), 0, 0, 0)
    ids = {r[0] for r in rows}
    assert sorted(at_lrs(lrs, ids)) == sorted(ids)
    for reg in {r[1] for r in rows}:
        assert sorted(registration_ids(lrs, reg)) == sorted(r[0] for r in rows if r[1] == reg)
    assert {r[3] for r in outbox_rows(svc)} == {"sent"}
    again = engine(svc, lrs).run()
    assert (again.sent, again.requests, again.pending) == (0, 0, 0)


def test_scorm_12_statements_are_valid_xapi(svc, lrs: str) -> None:
    course = svc.library.import_package(PROBE_12).course.id
    events = [{"op": "initialize"}] + [
        {"op": "set", "element": f"cmi.interactions.0.{k}", "value": v}
        for k, v in [("id", "tf-1"), ("type", "true-false"), ("correct_responses.0.pattern", "t"),
                     ("student_response", "f"), ("result", "wrong"), ("latency", "0000:00:07.25")]
    ] + [
        {"op": "set", "element": "cmi.core.score.raw", "value": "40"},
        {"op": "set", "element": "cmi.core.lesson_status", "value": "failed"},
        {"op": "terminate"},
    ]
    play(svc, course, "Ada", events)
    report = engine(svc, lrs).run()
    assert report.complete and report.quarantined == 0 and report.sent == len(outbox_rows(svc))


def test_a_conflicting_statement_is_recorded_and_the_rest_sent(svc, course: int, lrs: str) -> None:
    play(svc, course, "Ada", quiz_events(answers=2))
    rows = outbox_rows(svc)
    taken = json.loads(_body(svc, rows[2][0]))
    taken["verb"] = {"id": "http://adlnet.gov/expapi/verbs/experienced", "display": {"en-US": "experienced"}}
    assert post_statements(lrs, [taken]).status_code == 200  # the LRS already holds another statement with that id
    report = engine(svc, lrs, batch_size=10).run()
    assert report.conflicts == 1 and report.pending == 0 and report.sent == len(rows) - 1
    assert report.refused == [{"id": rows[2][0], "state": "conflict", "reason": report.refused[0]["reason"]}]
    assert "conflict" in report.refused[0]["reason"]
    assert [r[3] for r in outbox_rows(svc)].count("conflict") == 1
    assert engine(svc, lrs).run().requests == 0  # shown, not retried


def test_invalid_statements_are_found_by_bisection_and_quarantined(svc, course: int, lrs: str, proxy) -> None:
    play(svc, course, "Ada", quiz_events(answers=2))
    bad_ids = _queue_invalid(svc, 2)  # at the end of the queue, between two good sessions' statements
    play(svc, course, "Bob", quiz_events(answers=1))
    rows = outbox_rows(svc)
    report = engine(svc, proxy.url, batch_size=8).run()
    assert report.quarantined == 2 and report.pending == 0 and report.sent == len(rows) - 2
    assert {r["id"] for r in report.refused} == set(bad_ids)
    assert all("Problem in" in r["reason"] for r in report.refused)  # the LRS's own words
    good = {r[0] for r in rows} - set(bad_ids)
    assert sorted(at_lrs(lrs, good | set(bad_ids))) == sorted(good)
    _assert_order_kept(proxy, rows)


def test_413_shrinks_the_batch(svc, course: int, lrs: str, proxy) -> None:
    play(svc, course, "Ada", quiz_events(answers=4))
    rows = outbox_rows(svc)
    proxy.rule = lambda statements: Fault("status", 413, body='{"message": "too big"}') if len(statements) > 3 else None
    eng = engine(svc, proxy.url, batch_size=20)
    report = eng.run()
    assert report.complete and report.sent == len(rows)
    assert eng.batch_size <= 3
    assert sorted(at_lrs(lrs, {r[0] for r in rows})) == sorted(r[0] for r in rows)
    _assert_order_kept(proxy, rows)


def test_a_statement_too_large_alone_is_quarantined(svc, course: int, lrs: str, proxy) -> None:
    play(svc, course, "Ada", quiz_events(answers=1))
    rows = outbox_rows(svc)
    huge = rows[1][0]
    proxy.rule = lambda sts: Fault("status", 413) if any(st["id"] == huge for st in sts) else None
    report = engine(svc, proxy.url).run()
    assert report.quarantined == 1 and report.sent == len(rows) - 1 and report.pending == 0
    assert "too large" in report.refused[0]["reason"]


@pytest.mark.parametrize(
    "fault",
    [
        Fault("status", 500),
        Fault("status", 502, body="<html>bad gateway</html>"),
        Fault("status", 503),
        Fault("timeout", delay=0.6),
        Fault("drop"),
        Fault("drop-after"),  # the LRS stored the batch, the answer was lost: sending it again must not duplicate
    ],
    ids=lambda f: f"{f.kind}-{f.status}" if f.kind == "status" else f.kind,
)
def test_passing_failures_are_retried_with_backoff_until_sent(svc, course, lrs, proxy, fault: Fault) -> None:
    play(svc, course, "Ada", quiz_events(answers=1))
    rows = outbox_rows(svc)
    proxy.inject(fault, fault, fault)
    sleeps = Sleeps()
    report = engine(svc, proxy.url, sleeps, batch_size=5, timeout=0.3, backoff_base=1.0).run()
    assert report.complete and report.sent == len(rows)
    assert sleeps == [0.75, 1.5, 3.0]  # base·2^(n-1) × jitter (0.5 + 0.5·0.5)
    ids = {r[0] for r in rows}
    assert sorted(at_lrs(lrs, ids)) == sorted(ids)  # each exactly once
    _assert_order_kept(proxy, rows)


def test_429_waits_as_long_as_the_lrs_asks(svc, course, lrs, proxy) -> None:
    play(svc, course, "Ada", quiz_events(answers=0))
    proxy.inject(Fault("status", 429, headers={"Retry-After": "7"}), Fault("status", 429, headers={"Retry-After": "0"}))
    sleeps = Sleeps()
    report = engine(svc, proxy.url, sleeps).run()
    assert report.complete
    assert sleeps == [7.0, 0.0]


def test_backoff_is_capped_and_jittered(svc) -> None:
    eng = SyncEngine(svc.sessions, SyncSettings(backoff_base=2, backoff_max=60), rand=lambda: 0.0)
    assert [eng.backoff(n) for n in (1, 2, 3, 6, 7, 50)] == [1.0, 2.0, 4.0, 30.0, 30.0, 30.0]
    eng.rand = lambda: 0.999
    assert 59 < eng.backoff(50) < 60


def test_a_run_that_runs_out_of_time_keeps_everything_pending(svc, course, lrs, proxy) -> None:
    play(svc, course, "Ada", quiz_events(answers=1))
    rows = outbox_rows(svc)
    proxy.inject(*[Fault("status", 503)] * 10)
    now = [0.0]

    def sleep(s: float) -> None:
        sleeps.append(s)
        now[0] += s

    sleeps = Sleeps()
    eng = engine(svc, proxy.url, backoff_base=1.0, max_wait=5.0)
    eng.sleep, eng.clock = sleep, lambda: now[0]
    report = eng.run()
    assert sleeps == [0.75, 1.5]  # the next wait (3.0) would pass the 5 s budget: the run stops instead
    assert report.pending == len(rows) and not report.complete and "503" in report.last_error
    with svc.engine.connect() as conn:
        from sqlalchemy import text

        tries, due, err = conn.execute(
            text("SELECT MAX(tries), MAX(next_attempt_at), MAX(last_error) FROM outbox WHERE state='pending'")
        ).one()
    assert tries >= 1 and due.endswith("Z") and "503" in err
    proxy.faults.clear()
    final = engine(svc, proxy.url).run()  # the next run picks them up: nothing was dropped
    assert final.complete and final.stored == len(outbox_rows(svc))


def test_refused_credentials_stop_the_run(svc, course, lrs, proxy) -> None:
    play(svc, course, "Ada", quiz_events(answers=0))
    proxy.inject(Fault("status", 401))
    report = engine(svc, proxy.url).run()
    assert report.sent == 0 and report.pending == len(outbox_rows(svc))
    assert "credentials" in report.last_error


def test_order_is_kept_per_registration_through_failures(svc, course, lrs, proxy) -> None:
    second = svc.library.import_package(PROBE_12).course.id
    for learner in ("Ada", "Bob"):
        play(svc, course, learner, quiz_events(answers=2))
        play(svc, second, learner, [{"op": "initialize"}, {"op": "set", "element": "cmi.core.score.raw", "value": "5"},
                                    {"op": "terminate"}])
    _queue_invalid(svc, 1)
    rows = outbox_rows(svc)
    proxy.inject(Fault("status", 500), Fault("drop-after"), Fault("timeout", delay=0.6), Fault("status", 503))
    report = engine(svc, proxy.url, batch_size=3, timeout=0.3).run()
    assert report.pending == 0 and report.quarantined == 1
    _assert_order_kept(proxy, rows)


def test_a_sync_killed_mid_batch_resumes_without_duplicates(svc, course, lrs, proxy, tmp_path: Path) -> None:
    for learner in ("Ada", "Bob", "Cy"):
        play(svc, course, learner, quiz_events(answers=2))
    rows = outbox_rows(svc)
    svc.close()
    proxy.inject(Fault("status", 200, body="[]"), Fault("hang-after"))  # batch 1 "sent", batch 2 stored, then kill
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from scorm_desktop.storage.db import open_engine, session_factory
        from scorm_desktop.sync import SyncEngine, SyncSettings
        from pathlib import Path
        engine = open_engine(Path({str(svc.paths.database)!r}), Path({str(tmp_path)!r}))
        SyncEngine(session_factory(engine), SyncSettings(endpoint={proxy.url!r}, batch_size=5, timeout=60)).run()
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script])
    try:
        assert proxy.forwarded.wait(20), "the child never sent its second batch"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    after_kill = open_recording_services(svc.paths.root)
    try:
        states = [r[3] for r in outbox_rows(after_kill)]
        assert states[:5] == ["sent"] * 5 and set(states[5:]) == {"pending"}  # batch 2 reached the LRS, unmarked
        report = engine(after_kill, proxy.url, batch_size=7).run()
        assert report.complete and report.stored == len(rows)
    finally:
        after_kill.close()
    ids = {r[0] for r in rows}
    held = at_lrs(lrs, ids)
    assert len(held) == len(set(held)), "a statement reached the LRS twice"
    assert set(held) == ids - {r[0] for r in rows[:5]}  # batch 1 was swallowed by the proxy on purpose


def test_dry_run_sends_nothing(svc, course, lrs, proxy) -> None:
    play(svc, course, "Ada", quiz_events(answers=0))
    report = engine(svc, proxy.url).run(dry_run=True)
    assert report.dry_run and report.pending == len(outbox_rows(svc)) and report.sent == 0
    assert proxy.log == []


def test_sync_command(svc, course, lrs, capsys) -> None:
    play(svc, course, "Ada", quiz_events(answers=1))
    n = len(outbox_rows(svc))
    args = Namespace(endpoint=lrs, username="test", dry_run=True, json=False, max_wait=None, retry_quarantined=False)
    assert cmd_sync(svc, args) == 1  # something is pending
    assert n > 1 and f"would send {n} statements and 0 documents" in capsys.readouterr().out
    os.environ["SCORM_DESKTOP_LRS_PASSWORD"] = "secret"
    try:
        args.dry_run, args.json = False, True
        assert cmd_sync(svc, args) == 0
    finally:
        del os.environ["SCORM_DESKTOP_LRS_PASSWORD"]
    out = json.loads(capsys.readouterr().out)
    assert out["sent"] == n and out["pending"] == 0 and out["endpoint"] == lrs
    args.json = False
    assert cmd_sync(svc, args) == 0
    assert "sent 0 statements and 0 documents" in capsys.readouterr().out
    assert svc.records is not None
    from scorm_desktop.sync import Outbox

    status = Outbox(svc.sessions).status()
    assert status.pending == 0 and status.sent == n and status.last_sync_at and status.last_error is None


def test_sync_command_without_an_endpoint(svc, capsys) -> None:
    args = Namespace(endpoint=None, username=None, dry_run=False, json=False, max_wait=None, retry_quarantined=False)
    assert cmd_sync(svc, args) == 2
    assert "No LRS endpoint" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------------------ helpers
def _body(svc, statement_id: str) -> str:
    from sqlalchemy import text

    with svc.engine.connect() as conn:
        return conn.execute(text("SELECT body FROM outbox WHERE statement_id = :i"), {"i": statement_id}).scalar_one()


def _queue_invalid(svc, n: int) -> list[str]:
    """Queue `n` statements the LRS must refuse (a verb id that is not an IRI), on their own registration."""
    reg = str(uuid.uuid4())
    ids = [str(uuid.uuid4()) for _ in range(n)]
    items = [
        (sid, reg, json.dumps({
            "id": sid, "actor": {"objectType": "Agent", "account": {"homePage": "https://x.invalid", "name": "u"}},
            "verb": {"id": "not an iri"}, "object": {"id": "urn:scorm-desktop:test"}, "timestamp": utcnow(),
        }))
        for sid in ids
    ]
    with svc.sessions.begin() as s:
        Records.queue_statements(s, items, utcnow())
    return ids


def _assert_order_kept(proxy, rows: list[tuple]) -> None:
    """In the order statements were first accepted by the LRS (200 answers), each registration's seq increases."""
    seq = {r[0]: (r[1], r[2]) for r in rows}
    first: list[str] = []
    for method, path, count, status, ids in proxy.accepted:
        first += [i for i in ids if i not in first]
    last: dict[str, int] = {}
    for sid in first:
        reg, n = seq[sid]
        assert n > last.get(reg, 0), f"statement {n} of {reg} was sent after {last.get(reg)}"
        last[reg] = n


def test_cli_parsers() -> None:
    import argparse

    from scorm_desktop.cli.sync import COMMANDS, add_parsers

    parser = argparse.ArgumentParser()
    add_parsers(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["sync", "--endpoint", "https://lrs.example.org/xAPI/", "--username", "u", "--dry-run",
                              "--json"])
    assert (args.command, args.endpoint, args.username, args.dry_run, args.json) == (
        "sync", "https://lrs.example.org/xAPI/", "u", True, True)
    assert parser.parse_args(["export-records", "f.sdrecords"]).file == "f.sdrecords"
    assert parser.parse_args(["import-records", "f.sdrecords"]).command == "import-records"
    assert set(COMMANDS) == {"sync", "export-records", "import-records"}


def test_password_sources(tmp_path: Path, monkeypatch) -> None:
    from scorm_desktop.sync.settings import ENV_PASSWORD, get_password, store_password

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # no keyring on this machine
    monkeypatch.delenv(ENV_PASSWORD, raising=False)
    cfg = SyncSettings.from_mapping({"endpoint": "https://lrs.example.org/xAPI", "username": "u", "nonsense": 1})
    assert cfg.statements_url == "https://lrs.example.org/xAPI/statements"
    assert get_password(cfg, tmp_path) is None
    where = store_password(cfg, tmp_path, "s3cret")
    assert where == str(tmp_path / "lrs-password")
    assert (tmp_path / "lrs-password").stat().st_mode & 0o777 == 0o600
    assert get_password(cfg, tmp_path) == "s3cret"
    (tmp_path / "lrs-password").chmod(0o644)
    assert get_password(cfg, tmp_path) is None  # readable by others: not trusted
    monkeypatch.setenv(ENV_PASSWORD, "from-env")
    assert get_password(cfg, tmp_path) == "from-env"


def test_settings_are_read_from_the_settings_file(tmp_path: Path) -> None:
    from scorm_desktop.settings import Settings

    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"sync": {"endpoint": "https://lrs.example.org/xAPI/", "batch_size": 7},
                                "xapi": {"home_page": "https://lms.example.org"}}))
    settings = Settings.load(path)
    assert SyncSettings.from_settings(settings).batch_size == 7
    from scorm_desktop.xapi import XapiOptions

    assert XapiOptions.from_settings(settings).home_page == "https://lms.example.org"
