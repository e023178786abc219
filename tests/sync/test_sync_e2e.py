"""End to end, as an administrator runs it: import a probe course with the real CLI, play it headless twice, sync
with `scorm-desktop sync` to a real LRS on loopback, read the statements back from the LRS over HTTP and check them
against what the ADL xAPI SCORM profile requires (and what this app promises: the device id, each statement once)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import PROBE_12, PROBE_2004
from lrs import lrs, lrs_statements  # noqa: F401  (lrs is a fixture)
from scorm_desktop.cmi import timefmt
from scorm_desktop.xapi import vocab

ROOT = Path(__file__).resolve().parent.parent.parent
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
#: ISO 8601 duration, as xAPI 1.0.3 allows it in result.duration.
DURATION = re.compile(r"^P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$")
ADL = "http://adlnet.gov/expapi/verbs/"
PASSWORD = "not-a-real-secret"

#: What each launch of the probe must produce (see tests/data/sco-api-probe-*/index.html): the first launch sets a
#: location, leaves the SCO incomplete and suspends; the resumed launch completes, passes with 90 % and exits.
FIRST = {"2004": {"initialized", "progressed", "suspended"}, "1.2": {"initialized", "suspended"}}
SECOND = {"resumed", "scored", "completed", "passed", "terminated"}


def run(data: Path, *args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    full = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    full.pop("SCORM_DESKTOP_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), *args],
        cwd=ROOT, env=full, capture_output=True, text=True, timeout=timeout,
    )


def sync(data: Path, base: str) -> dict:
    r = run(data, "sync", "--endpoint", base, "--username", "x", "--json",
            env={"SCORM_DESKTOP_LRS_PASSWORD": PASSWORD, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert r.returncode == 0, r.stdout + r.stderr
    return json.loads(r.stdout)


def outbox(db: Path) -> list[tuple[str, str, dict]]:
    """(statement id, state, statement) of every outbox row, in order, read straight from the database file."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [(sid, state, json.loads(body))
                for sid, state, body in conn.execute("SELECT statement_id, state, body FROM outbox ORDER BY id")]
    finally:
        conn.close()


def this_device(db: Path) -> str:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        (device,) = conn.execute("SELECT device_id FROM devices WHERE is_self = 1").fetchall()
        return device[0]
    finally:
        conn.close()


def verb(st: dict) -> str:
    assert st["verb"]["id"].startswith(ADL), st["verb"]
    return st["verb"]["id"][len(ADL):]


@pytest.mark.gui
@pytest.mark.parametrize("probe,version", [(PROBE_2004, "2004"), (PROBE_12, "1.2")], ids=["2004", "1.2"])
def test_play_headless_sync_and_read_back_from_the_lrs(tmp_path: Path, lrs: str, probe: Path, version: str) -> None:  # noqa: F811
    data = tmp_path / "data"
    db = data / "library.sqlite3"
    course_id = run(data, "import", str(probe)).stdout.strip()
    assert course_id.isdigit()
    assert outbox(db) == []  # importing records nothing

    # First launch: initialized (and progressed for 2004), suspended.
    first = run(data, "play", course_id, "--headless", "--learner", "Ana", "--timeout", "60")
    assert first.returncode == 0, first.stderr
    (row,) = json.loads(run(data, "report", "--json", "--course", course_id).stdout)
    registration = row["registration"]
    first_ids = [sid for sid, _, _ in outbox(db)]
    out = sync(data, lrs)
    assert (out["sent"], out["pending"], out["conflicts"], out["quarantined"]) == (len(first_ids), 0, 0, 0)
    held = lrs_statements(lrs, registration=registration)
    assert sorted(st["id"] for st in held) == sorted(first_ids)
    assert {verb(st) for st in held} == FIRST[version]

    # Second launch (resumes): resumed, scored, completed, passed, terminated. Only the new ones are sent.
    second = run(data, "play", course_id, "--headless", "--learner", "Ana", "--timeout", "60")
    assert second.returncode == 0, second.stderr
    rows = outbox(db)
    second_ids = [sid for sid, _, _ in rows[len(first_ids):]]
    assert second_ids and not set(second_ids) & set(first_ids)
    out = sync(data, lrs)
    assert (out["sent"], out["stored"], out["pending"]) == (len(second_ids), len(rows), 0)
    held = lrs_statements(lrs, registration=registration)
    ids = [st["id"] for st in held]
    assert len(ids) == len(set(ids)), "the LRS holds a statement twice"
    assert sorted(ids) == sorted(first_ids + second_ids)  # each statement exactly once
    by_id = {st["id"]: st for st in held}
    assert {verb(by_id[i]) for i in second_ids} == SECOND
    assert {state for _, state, _ in outbox(db)} == {"sent"}

    # What the profile requires of every statement, as the LRS gives it back.
    device = this_device(db)
    sco_iri = None
    for sid, _, sent in rows:
        st = by_id[sid]
        assert st["actor"]["account"]["name"] == row["learner_id"] and st["actor"]["name"] == "Ana"
        assert TIMESTAMP.match(sent["timestamp"]), sent["timestamp"]  # as written: UTC with milliseconds
        assert st["timestamp"].endswith("Z") and re.search(r"\.\d{3}", st["timestamp"]), st["timestamp"]
        ctx = st["context"]
        assert ctx["registration"] == registration
        assert [c["id"] for c in ctx["contextActivities"]["category"]] == [vocab.SCORM_PROFILE]
        grouping = ctx["contextActivities"]["grouping"]
        assert [g["definition"]["type"] for g in grouping] == [vocab.COURSE, vocab.ATTEMPT]
        assert ctx["extensions"][vocab.DEVICE_EXTENSION] == device
        obj = st["object"]
        assert obj["definition"]["type"] == vocab.LESSON  # the SCO (the probe has no interactions)
        sco_iri = sco_iri or obj["id"]
        assert obj["id"] == sco_iri and grouping[1]["id"].startswith(sco_iri + "?attemptId=")
    results = {verb(by_id[sid]): by_id[sid].get("result", {}) for sid, _, _ in rows}
    for name, seconds in (("suspended", 90), ("terminated", 120)):
        duration = results[name]["duration"]
        assert DURATION.match(duration), duration
        assert timefmt.try_parse(duration) == seconds * 100  # centiseconds
    assert results["scored"]["score"]["raw"] == 90 and results["scored"]["score"]["min"] == 0
    assert results["scored"]["score"]["scaled"] == pytest.approx(0.9)
    assert results["passed"]["success"] is True and results["completed"]["completion"] is True
    assert results["terminated"]["success"] is True and results["terminated"]["completion"] is True
    if version == "2004":
        assert results["progressed"]["extensions"][vocab.PROGRESS_EXTENSION] == 50

    # A third sync has nothing to send.
    again = sync(data, lrs)
    assert (again["sent"], again["requests"], again["pending"], again["stored"]) == (0, 0, 0, len(rows))
    assert len(lrs_statements(lrs, registration=registration)) == len(rows)


def test_the_device_id_is_stable_and_in_every_statement(tmp_path: Path) -> None:
    """The device row exists as soon as the data folder is opened, survives reopening, and the builder the services
    wire carries it; a builder without a device leaves the extension out."""
    from scorm_desktop.paths import DataPaths
    from scorm_desktop.services import open_services
    from scorm_desktop.sync.bundles import device_key
    from scorm_desktop.xapi import StatementBuilder

    paths = DataPaths(tmp_path / "d", explicit=True)
    svc = open_services(paths, with_sample=False)
    try:
        device = this_device(paths.database)
        assert svc.records.statements.options.device_id == device
        assert device_key(svc.sessions).device_id == device  # the same id signs the USB bundles
    finally:
        svc.close()
    again = open_services(paths, with_sample=False)
    try:
        assert again.records.statements.options.device_id == device
    finally:
        again.close()
    assert StatementBuilder().options.device_id is None
