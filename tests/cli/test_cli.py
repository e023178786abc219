"""The CLI as a user or a script runs it: real subprocesses, a real data folder, real packages."""

from __future__ import annotations

import json
import re
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import PROBE_12, PROBE_2004, probe_variant, sessions, stored_values

ROOT = Path(__file__).resolve().parent.parent.parent


def run(data: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("SCORM_DESKTOP_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout,
    )


@pytest.fixture
def data(tmp_path) -> Path:
    return tmp_path / "data"


def test_import_prints_new_ids_and_refuses_bad_packages_one_line_each(data, corpus):
    good = corpus / "good" / "golf-rt-minimum-2004-3rd.zip"
    bad1 = corpus / "bad" / "moodle-invalid.zip"
    bad2 = corpus / "bad" / "catapult-lts-209-not-a-zip.zip"
    r = run(data, "import", str(good), str(bad1), str(bad2))
    assert r.returncode == 1
    lines = r.stdout.splitlines()  # several packages: `id  title  (file)` each
    assert len(lines) == 1
    course_id, title, source = lines[0].split("  ")
    assert course_id.isdigit() and title == "Golf Explained - Minimum Run-time Calls" and source == f"({good})"
    refused = [ln for ln in r.stderr.splitlines() if ln.startswith("refused: ")]
    assert len(refused) == 2
    assert "moodle-invalid.zip: The package has no imsmanifest.xml" in refused[0]
    assert "is not a ZIP archive" in refused[1]


def test_import_same_package_twice_is_reported_not_duplicated(data, corpus):
    pkg = corpus / "good" / "golf-cp-singlesco-2004-3rd.zip"
    first = run(data, "import", str(pkg))
    second = run(data, "import", str(pkg))
    assert first.returncode == second.returncode == 0
    assert first.stdout.strip() == second.stdout.strip()
    assert "already in the library" in second.stderr
    courses = json.loads(run(data, "courses", "--json").stdout)
    assert sum(1 for c in courses if c["title"] == "Golf Explained - CP Single SCO") == 1


def test_courses_json_includes_the_sample_course_on_first_run(data):
    r = run(data, "courses", "--json")
    assert r.returncode == 0, r.stderr
    courses = json.loads(r.stdout)
    assert [c["title"] for c in courses] == ["Welcome to SCORM Desktop"]
    c = courses[0]
    assert {"id", "title", "identifier", "standard", "edition", "scos", "imported_at", "warnings", "status"} <= set(c)
    assert c["standard"] == "scorm2004" and c["edition"] == "2004 4th Edition"
    assert c["status"]["label"] == "not started"


def test_import_json_output(data, corpus):
    r = run(data, "import", "--json", str(corpus / "bad" / "moodle-singlescobasic-missingorg.zip"))
    assert r.returncode == 0
    out = json.loads(r.stdout)
    assert out["status"] == "imported"
    assert any("no organization" in w for w in out["warnings"])


@pytest.mark.gui
@pytest.mark.parametrize("probe", [PROBE_2004, PROBE_12], ids=["2004", "1.2"])
def test_play_headless_then_report_json(data, probe):
    course_id = run(data, "import", str(probe)).stdout.strip()
    api_log = data.parent / "api.jsonl"
    first = run(data, "play", course_id, "--headless", "--learner", "Ana", "--timeout", "60", "--api-log", str(api_log))
    assert first.returncode == 0, first.stderr
    assert "PROBE-START" in first.stderr and "PROBE-END" in first.stderr  # content console echoed
    calls = [json.loads(line) for line in api_log.read_text().splitlines()]
    assert calls[0]["fn"] in ("Initialize", "LMSInitialize")
    assert any(c["fn"] in ("Terminate", "LMSFinish") and c["result"] == "true" for c in calls)
    second = run(data, "play", course_id, "--headless", "--learner", "Ana", "--timeout", "60")
    assert second.returncode == 0, second.stderr
    assert '"entry":"resume"' in second.stderr

    rows = json.loads(run(data, "report", "--json", "--course", course_id, "--cmi").stdout)
    assert len(rows) == 1
    row = rows[0]
    assert row["learner"] == "Ana"
    assert row["course"]["id"] == int(course_id)
    assert row["status"]["label"] == "passed"
    assert row["status"]["score"] == pytest.approx(0.9)
    assert row["status"]["total_seconds"] == pytest.approx(210)
    assert row["sessions"] == 2
    assert row["cmi"]  # every stored value
    assert run(data, "report", "--json", "--learner", "Nobody").stdout.strip() == "[]"
    (course,) = [c for c in json.loads(run(data, "courses", "--json").stdout) if c["id"] == int(course_id)]
    assert course["status"]["label"] == "passed"  # the stored summary agrees with the report
    assert course["status"]["score"] == pytest.approx(0.9)
    assert course["status"]["total_seconds"] == pytest.approx(210)
    assert course["status"]["resumable"] is False


@pytest.mark.gui
def test_play_headless_times_out_with_exit_3_and_keeps_values(data, tmp_path):
    pkg = probe_variant(PROBE_2004, tmp_path / "noterm", "?noterminate=1", "noterminate")
    course_id = run(data, "import", str(pkg)).stdout.strip()
    r = run(data, "play", course_id, "--headless", "--timeout", "4")
    assert r.returncode == 3
    assert "did not finish within 4 s" in r.stderr
    values = stored_values(data / "library.sqlite3")["ITEM-PROBE-2004"]
    assert values["cmi.suspend_data"] == "probe-state-1"
    assert sessions(data / "library.sqlite3")[-1][1:] == ("timeout", 1)


def test_play_unknown_course_is_a_clear_error(data):
    r = run(data, "play", "999", "--headless")
    assert r.returncode == 2
    assert "There is no course 999" in r.stderr


@pytest.mark.gui
def test_sigkill_mid_session_loses_nothing_accepted_and_recovers(data, tmp_path):
    """Kill -9 the app while a SCO runs (no Commit, no Terminate): the values are there, the database is sound,
    and the next start finishes the session so its time counts and the next launch resumes."""
    pkg = probe_variant(PROBE_2004, tmp_path / "noterm", "?noterminate=1", "noterminate")
    course_id = run(data, "import", str(pkg)).stdout.strip()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), "play", course_id, "--headless",
         "--timeout", "120"],
        cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        for line in proc.stderr:
            if "PROBE-END" in line or time.monotonic() > deadline:
                break
        time.sleep(0.25)  # the durability promise: accepted values are in SQLite within 250 ms
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    db = data / "library.sqlite3"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    values = stored_values(db)["ITEM-PROBE-2004"]
    assert values["cmi.location"] == "page-3"
    assert values["cmi.exit"] == "suspend"
    assert sessions(db)[-1][1:] == (None, 0)  # left open by the kill

    rows = json.loads(run(data, "report", "--json").stdout)  # any start recovers open sessions
    assert sessions(db)[-1][1:] == ("recovered", 1)
    (row,) = [r for r in rows if r["course"]["id"] == int(course_id)]
    assert row["status"]["total_seconds"] == pytest.approx(90)
    assert row["status"]["resumable"] is True


@pytest.mark.gui
def test_completed_sco_reopens_in_review_and_normal_starts_a_new_attempt(data):
    course_id = run(data, "import", str(PROBE_2004)).stdout.strip()
    for _ in range(2):  # first launch suspends, the resume launch passes with exit "normal": the attempt is over
        assert run(data, "play", course_id, "--headless", "--timeout", "60").returncode == 0

    history = json.loads(run(data, "attempts", course_id, "--json").stdout)
    passing = history[0]["launches"][1]  # each launch records the status change it made
    assert (passing["status_before"], passing["status_after"]) == ("in progress", "passed")
    review = run(data, "play", course_id, "--headless", "--timeout", "60")
    assert review.returncode == 0, review.stderr
    rows = json.loads(run(data, "report", "--json", "--cmi").stdout)
    assert len(rows) == 1
    assert rows[0]["status"]["label"] == "passed"  # the review session's writes changed nothing
    assert rows[0]["cmi"]["cmi.exit"] == "normal"
    assert rows[0]["status"]["total_seconds"] == pytest.approx(210)

    again = run(data, "play", course_id, "--headless", "--mode", "normal", "--timeout", "60")
    assert again.returncode == 0, again.stderr
    assert '"entry":"ab-initio"' in again.stderr  # a fresh attempt starts from the beginning
    rows = json.loads(run(data, "report", "--json").stdout)
    assert [(r["sco_attempt"], r["status"]["label"]) for r in rows] == [(1, "passed"), (2, "in progress")]
    (course,) = [c for c in json.loads(run(data, "courses", "--json").stdout) if c["id"] == int(course_id)]
    assert course["status"]["label"] == "in progress"  # the library shows the attempt under way


def test_a_folder_of_zips_imports_each_and_names_each_refusal(data, corpus, tmp_path):
    import shutil

    folder = tmp_path / "delivery"
    (folder / "more").mkdir(parents=True)
    shutil.copy(corpus / "good" / "golf-cp-singlesco-2004-3rd.zip", folder)
    shutil.copy(corpus / "good" / "moodle-singlescobasic-12.zip", folder / "more")
    shutil.copy(corpus / "bad" / "moodle-invalid.zip", folder)
    r = run(data, "import", str(folder))
    assert r.returncode == 1
    assert [ln.split("  ")[1:] for ln in r.stdout.splitlines()] == [
        ["Golf Explained - CP Single SCO", f"({folder / 'golf-cp-singlesco-2004-3rd.zip'})"],
        ["Golf Explained - Run-time Basic Calls", f"({folder / 'more' / 'moodle-singlescobasic-12.zip'})"],
    ]
    assert [ln for ln in r.stderr.splitlines() if ln.startswith("refused:")] == [
        f"refused: {folder / 'moodle-invalid.zip'}: The package has no imsmanifest.xml: it is not a SCORM package."
    ]


@pytest.mark.gui
def test_remove_keeps_records_and_reimport_brings_the_course_back(data):
    course_id = run(data, "import", str(PROBE_2004)).stdout.strip()
    assert run(data, "play", course_id, "--headless", "--learner", "Ana").returncode == 0
    assert run(data, "remove", course_id).returncode == 2  # asks for confirmation
    assert run(data, "remove", course_id, "--yes").returncode == 0
    assert all(c["id"] != int(course_id) for c in json.loads(run(data, "courses", "--json").stdout))
    rows = json.loads(run(data, "report", "--json", "--course", course_id).stdout)
    assert rows and rows[0]["status"]["location"] == "page-3"  # the records stayed
    back = run(data, "import", str(PROBE_2004))
    assert back.stdout.strip() == course_id  # the same course again, with its records
    again = run(data, "play", course_id, "--headless", "--learner", "Ana")
    assert '"entry":"resume"' in again.stderr


def test_update_replaces_the_files_and_keeps_the_records(data, tmp_path):
    import shutil

    old = tmp_path / "v1"
    shutil.copytree(PROBE_2004, old)
    course_id = run(data, "import", str(old)).stdout.strip()
    new = tmp_path / "v2"
    shutil.copytree(PROBE_2004, new)
    (new / "index.html").write_text((new / "index.html").read_text() + "<!-- version 2 -->")
    as_new = run(data, "import", "--json", str(new))  # without --update: a second course
    assert json.loads(as_new.stdout)["status"] == "imported"
    run(data, "remove", json.loads(as_new.stdout)["course"]["id"].__str__(), "--yes", "--delete-records")
    (new / "index.html").write_text((new / "index.html").read_text() + "<!-- version 3 -->")
    updated = run(data, "import", "--json", "--update", str(new))
    out = json.loads(updated.stdout)
    assert out["status"] == "updated" and out["course"]["id"] == int(course_id)
    other = tmp_path / "other"
    shutil.copytree(PROBE_12, other)
    refused = run(data, "import", "--update", str(other))
    assert refused.returncode == 1 and "no course with the identifier" in refused.stderr


# ------------------------------------------------------------------------------------------ the data folder, the LRS
def _without_root_powers() -> list[str]:
    """A command prefix under which file permissions hold: root ignores them, so as root the command runs without the
    capabilities that override them (util-linux `setpriv`); nothing as a normal user."""
    if os.geteuid() != 0:
        return []
    import shutil

    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file permissions cannot be made to hold")
    caps = "-dac_override,-dac_read_search,-fowner"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}"]


def test_a_read_only_data_folder_serves_the_read_only_commands_and_refuses_writes_with_a_sentence(data):
    import stat

    assert run(data, "import", str(PROBE_12)).returncode == 0
    prefix = _without_root_powers()
    try:
        for p in [data, *data.rglob("*")]:
            p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        listing = sorted((str(p), p.stat().st_mtime_ns) for p in data.rglob("*"))

        def as_reader(*args: str) -> subprocess.CompletedProcess:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
            return subprocess.run(
                [*prefix, sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), *args], cwd=ROOT, env=env,
                capture_output=True, text=True, timeout=120,
            )

        for args in (["courses"], ["courses", "--json"], ["report"], ["report", "--json"], ["attempts", "2"],
                     ["learners"], ["backups"]):
            r = as_reader(*args)
            assert r.returncode == 0 and "Traceback" not in r.stderr, (args, r.stderr)
        assert "SCO API probe (SCORM 1.2)" in as_reader("courses").stdout
        for args in (["import", str(PROBE_2004)], ["play", "2", "--headless"], ["learner", "add", "Bo"],
                     ["reset", "2", "--yes"], ["sync"]):
            r = as_reader(*args)
            assert r.returncode == 2, (args, r.stderr)
            assert r.stderr.strip() == (f"error: cannot use {data} as a data folder: it is not writable (read-only "
                                        "commands such as courses, report and backups still work)"), args
        assert sorted((str(p), p.stat().st_mtime_ns) for p in data.rglob("*")) == listing  # nothing was written
    finally:
        for p in [data, *data.rglob("*")]:
            p.chmod(p.stat().st_mode | stat.S_IWUSR)


def test_sync_max_wait_bounds_a_run_against_an_lrs_that_accepts_and_never_answers(data):
    import socket
    import threading

    from scorm_desktop import launch
    from scorm_desktop.paths import DataPaths
    from scorm_desktop.services import open_services

    svc = open_services(DataPaths(data, explicit=True), with_sample=False)
    try:
        course = svc.library.import_package(PROBE_2004).course.id
        la = launch.prepare(svc.library, svc.records, course, "Ada")
        svc.records.apply_events(la.record.session_id, [{"op": "initialize", "seq": 1}])
        launch.finish(svc.records, la, "closed")
    finally:
        svc.close()
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept_and_stall() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])  # reads nothing, answers nothing
            except OSError:
                continue

    t = threading.Thread(target=accept_and_stall, daemon=True)
    t.start()
    try:
        began = time.monotonic()
        r = run(data, "sync", "--endpoint", f"http://127.0.0.1:{server.getsockname()[1]}/xapi/", "--max-wait", "2")
        took = time.monotonic() - began
    finally:
        stop.set()
        t.join()
        for s in held:
            s.close()
        server.close()
    assert r.returncode == 1, r.stderr  # still pending: nothing lost, nothing sent
    assert "did not answer in time" in r.stderr and "Traceback" not in r.stderr
    assert "still pending: " in r.stdout and "still pending: 0" not in r.stdout
    # A behaviour bound with a wide margin (start-up included), not a speed figure: before, one request alone waited
    # for the 20 s per-request time-out whatever --max-wait said.
    assert took < 2 + 10, f"sync took {took:.1f} s with --max-wait 2"


# ------------------------------------------------------------------------------------------- what a user reads
def _played_once(data: Path, learner: str = "Ana") -> int:
    """A course with one finished session for the learner (made in this process, as the player's writer does)."""
    from scorm_desktop import launch
    from scorm_desktop.paths import DataPaths
    from scorm_desktop.services import open_services

    svc = open_services(DataPaths(data, explicit=True), with_sample=False)
    try:
        course = svc.library.import_package(PROBE_2004).course.id
        la = launch.prepare(svc.library, svc.records, course, learner)
        svc.records.apply_events(la.record.session_id, [
            {"op": "initialize", "seq": 1},
            {"op": "set", "element": "cmi.completion_status", "value": "completed", "seq": 2},
            {"op": "set", "element": "cmi.success_status", "value": "passed", "seq": 3},
            {"op": "set", "element": "cmi.score.scaled", "value": "0.8", "seq": 4},
            {"op": "terminate", "seq": 5},
        ])
        la.terminated = True
        launch.finish(svc.records, la, "terminated")
        return course
    finally:
        svc.close()


def test_text_report_has_a_header_and_titles_and_after_reset_shows_each_attempt_by_number(data):
    course = _played_once(data)
    r = run(data, "report")
    header, row = r.stdout.splitlines()
    assert header.split()[:5] == ["LEARNER", "COURSE", "ATTEMPT", "SCO", "STATUS"]
    assert f"{course} SCO API probe (SCORM 2004" in row and "passed" in row and "80%" in row
    # The SCO by its title, the time as h:mm:ss and the last activity as a local "YYYY-MM-DD HH:MM", as the
    # dashboard shows them (not the item identifier, an ISO 8601 duration and a UTC stamp: those stay in --json).
    assert " 1  API probe SCO " in row and "ITEM-PROBE-2004" not in row
    assert re.search(r" \d+:\d\d:\d\d +\d{4}-\d\d-\d\d \d\d:\d\d$", row), row
    assert run(data, "reset", str(course), "--learner", "Ana", "--yes").returncode == 0
    lines = run(data, "report").stdout.splitlines()[1:]
    assert len(lines) == 2
    assert [ln.split()[0] for ln in lines] == ["Ana", "Ana"]
    first, second = lines
    assert " 1  API probe SCO" in first and "passed" in first
    assert " 2  -" in second and "not started" in second


def test_sync_without_an_endpoint_says_only_that(data):
    _played_once(data)
    r = run(data, "sync")
    assert r.returncode == 2
    assert r.stdout == ""  # no "sent 0 statements" summary before the error
    assert r.stderr.strip() == (
        "error: No LRS endpoint is set: give one with --endpoint or in settings.json (sync.endpoint).")


def test_removing_a_removed_course_says_so_and_importing_it_again_says_restored(data):
    course_id = run(data, "import", str(PROBE_12)).stdout.strip()
    assert run(data, "remove", course_id, "--yes").stdout.startswith(f"removed course {course_id}")
    again = run(data, "remove", course_id, "--yes")
    assert again.returncode == 0 and "is already removed" in again.stdout
    back = run(data, "import", "--json", str(PROBE_12))
    out = json.loads(back.stdout)
    assert out["status"] == "restored" and out["course"]["id"] == int(course_id)
    run(data, "remove", course_id, "--yes")
    plain = run(data, "import", str(PROBE_12))
    assert plain.stdout.strip() == course_id and "brought back course" in plain.stderr


def test_backups_lists_the_database_a_restore_replaced_and_it_can_be_restored(data):
    assert run(data, "courses").returncode == 0
    assert run(data, "courses").returncode == 0  # the day's backup
    (name, *_), = [ln.split() for ln in run(data, "backups").stdout.splitlines()]
    assert run(data, "restore", name).returncode == 0
    listed = run(data, "backups").stdout.splitlines()
    replaced = [ln for ln in listed if "replaced by a restore" in ln]
    assert len(replaced) == 1 and replaced[0].startswith("library.sqlite3.replaced-")
    as_json = json.loads(run(data, "backups", "--json").stdout)
    assert any(b["reason"] == "replaced-by-a-restore" and Path(b["path"]).parent == data for b in as_json)
    assert run(data, "restore", replaced[0].split()[0]).returncode == 0


@pytest.mark.gui
def test_play_headless_of_an_item_the_sequencing_rules_do_not_open_now_fails_with_exit_1(data, corpus):
    course_id = run(data, "import", str(corpus / "good" / "golf-seq-forcedseq-2004-3rd.zip")).stdout.strip()
    r = run(data, "play", course_id, "--headless", "--sco", "assessment_item", "--timeout", "60")
    assert r.returncode == 1, r.stderr[-2000:]  # it could not start (README): not a success
    assert "error: the item 'assessment_item' cannot be opened now; nothing was played" in r.stderr
    assert "Traceback" not in r.stderr
