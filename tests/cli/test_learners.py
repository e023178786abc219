"""Learners on a shared device, the trainer's preview, and starting a course afresh, as scripts and users do it."""

from __future__ import annotations

import json

import pytest

from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from scorm_desktop.storage.records import hash_pin, verify_pin

from helpers import PROBE_2004
from test_cli import run


def test_learners_are_added_renamed_and_removed_from_the_command_line(tmp_path):
    data = tmp_path / "data"
    assert run(data, "learner", "add", "Ana").returncode == 0
    assert run(data, "learner", "add", "Ben").returncode == 0
    dup = run(data, "learner", "add", "Ana")
    assert dup.returncode == 2 and "already a learner named 'Ana'" in dup.stderr
    before = {r["name"]: r["id"] for r in json.loads(run(data, "learners", "--json").stdout)}
    assert set(before) == {"Ana", "Ben"}
    assert run(data, "learner", "rename", "Ben", "Benjamin").returncode == 0
    after = {r["name"]: r["id"] for r in json.loads(run(data, "learners", "--json").stdout)}
    assert after["Benjamin"] == before["Ben"]  # the id content and the LRS know stays the same
    refused = run(data, "learner", "remove", "Ana")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert run(data, "learner", "remove", "Ana", "--yes").returncode == 0
    assert [r["name"] for r in json.loads(run(data, "learners", "--json").stdout)] == ["Benjamin"]


def test_pins_are_salted_hashes_and_checked():
    stored = hash_pin("4711")
    assert "4711" not in stored and stored != hash_pin("4711")  # salted
    assert verify_pin("4711", stored) and not verify_pin("4712", stored)


@pytest.mark.gui
def test_preview_launches_are_browse_mode_never_synced_and_cleared_in_one_action(tmp_path):
    data = tmp_path / "data"
    course_id = run(data, "import", str(PROBE_2004)).stdout.strip()
    r = run(data, "play", course_id, "--headless", "--preview", "--timeout", "60")
    assert r.returncode == 0, r.stderr
    svc = open_services(DataPaths(data, explicit=True), with_sample=False)
    try:
        preview = svc.records.preview_learner()
        (state,) = svc.records.history(preview.id, int(course_id))
        assert state["launches"][0]["mode"] == "browse"
        assert svc.records.summaries() == []  # preview records never show as a learner's
        pending = svc.engine.connect().exec_driver_sql("SELECT count(*) FROM outbox").scalar()
        assert pending == 0  # never synced
        assert [lr.name for lr in svc.records.learners()] == []  # not listed among learners
    finally:
        svc.close()
    assert "cleared 1 preview attempt" in run(data, "clear-preview").stdout


@pytest.mark.gui
def test_reset_starts_a_new_attempt_and_keeps_the_old_one(tmp_path):
    data = tmp_path / "data"
    course_id = run(data, "import", str(PROBE_2004)).stdout.strip()
    assert run(data, "play", course_id, "--headless", "--learner", "Ana").returncode == 0
    assert run(data, "reset", course_id, "--learner", "Ana").returncode == 2  # asks for confirmation
    assert "attempt 2" in run(data, "reset", course_id, "--learner", "Ana", "--yes").stdout
    fresh = run(data, "play", course_id, "--headless", "--learner", "Ana")
    assert '"entry":"ab-initio"' in fresh.stderr
    history = json.loads(run(data, "attempts", course_id, "--learner", "Ana", "--json").stdout)
    assert [a["attempt"] for a in history] == [1, 2]
    assert history[0]["label"] == "in progress" and history[0]["launches"][0]["end"] == "terminated"
    assert history[0]["launches"][0]["status_after"] == "in progress"
