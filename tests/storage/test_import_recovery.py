"""The rename-and-record step of an import is recoverable (issue 11): an import SIGKILLed after its course folder was
renamed into place but before its database row existed left an orphan folder that `tidy` kept and a re-import never
reused. Now an intent record is written first, and the next start finishes the import (or removes what cannot be
finished); an intent held by a live import in another process is left alone.

Real subprocesses, paused at that exact point by the test-only SCORM_DESKTOP_TEST_PAUSE_IMPORT hook and SIGKILLed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scorm_desktop.services import SAMPLE_MARKER
from tests.data.crafted import archives

ROOT = Path(__file__).resolve().parent.parent.parent
PAUSE = "SCORM_DESKTOP_TEST_PAUSE_IMPORT"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    fresh(data)
    full = {**os.environ, "PYTHONPATH": str(ROOT)}
    full.pop(PAUSE, None)
    return subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=120, env=full, cwd=ROOT)


def fresh(data: Path) -> None:
    """A data folder without the bundled sample course (its import would pause too)."""
    data.mkdir(parents=True, exist_ok=True)
    (data / SAMPLE_MARKER).touch()


def start_paused(data: Path, *args: str) -> subprocess.Popen:
    """An import that stops right after the rename (before the database row) and says so on stderr."""
    fresh(data)
    env = {**os.environ, "PYTHONPATH": str(ROOT), PAUSE: "after-rename"}
    proc = subprocess.Popen([sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    deadline = time.monotonic() + 120
    lines = []
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        lines.append(line)
        if line.strip() == "paused at after-rename":
            return proc
    proc.kill()
    raise AssertionError("the import never reached the pause point:\n" + "".join(lines))


def kill(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    proc.stdout.close()
    proc.stderr.close()


def folders(data: Path) -> list[str]:
    return sorted(p.name for p in (data / "courses").iterdir()) if (data / "courses").exists() else []


def rows(data: Path) -> list[tuple[int, str, str]]:
    conn = sqlite3.connect(f"file:{data / 'library.sqlite3'}?mode=ro", uri=True)
    try:
        return list(conn.execute("SELECT id, folder, title FROM courses ORDER BY id"))
    finally:
        conn.close()


def test_an_import_killed_between_rename_and_record_is_finished_at_the_next_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    pkg = archives._zip(tmp_path / "course.zip", {"imsmanifest.xml": archives.manifest("crafted.kill"),
                                                  "index.html": archives.INDEX, "big.bin": os.urandom(2_000_000)})
    kill(start_paused(data, "import", str(pkg)))
    # The state the finding describes: the folder is in place, its row is not.
    assert len([f for f in folders(data) if not f.startswith(".")]) == 1
    assert rows(data) == []
    assert folders(data) == [".intents", folders(data)[-1]]

    listed = cli(data, "courses", "--json")
    assert listed.returncode == 0, listed.stderr
    courses = json.loads(listed.stdout)
    assert [c["title"] for c in courses] == ["Crafted course"] and courses[0]["source"] == "course.zip"
    assert folders(data) == [rows(data)[0][1]]  # one folder, recorded; no intent left

    again = cli(data, "import", "--json", str(pkg))  # a re-import finds the course, it extracts no second copy
    assert again.returncode == 0 and json.loads(again.stdout)["status"] == "duplicate"
    assert len(folders(data)) == 1


def test_an_update_killed_before_its_record_is_finished_and_the_old_files_go(tmp_path: Path) -> None:
    data = tmp_path / "data"
    v1 = archives._zip(tmp_path / "v1.zip", {"imsmanifest.xml": archives.manifest("crafted.upd", "Version 1"),
                                             "index.html": archives.INDEX})
    v2 = archives._zip(tmp_path / "v2.zip", {"imsmanifest.xml": archives.manifest("crafted.upd", "Version 2"),
                                             "index.html": archives.INDEX + b"<!-- v2 -->"})
    assert cli(data, "import", str(v1)).returncode == 0
    [(course_id, old_folder, _)] = rows(data)
    kill(start_paused(data, "import", "--update", str(v2)))
    assert rows(data) == [(course_id, old_folder, "Version 1")]
    assert len([f for f in folders(data) if not f.startswith(".")]) == 2

    assert cli(data, "courses").returncode == 0
    [(same_id, new_folder, title)] = rows(data)
    assert (same_id, title) == (course_id, "Version 2") and new_folder != old_folder
    assert folders(data) == [new_folder]


def test_an_intent_held_by_a_live_import_is_left_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    pkg = archives._zip(tmp_path / "live.zip", {"imsmanifest.xml": archives.manifest("crafted.live"),
                                                "index.html": archives.INDEX})
    live = start_paused(data, "import", str(pkg))
    try:
        before = folders(data)
        other = cli(data, "courses", "--json")  # another process starts while the import is between its two steps
        assert other.returncode == 0 and json.loads(other.stdout) == []
        assert folders(data) == before  # neither finished nor removed under the live import's feet
    finally:
        kill(live)
    assert [c["title"] for c in json.loads(cli(data, "courses", "--json").stdout)] == ["Crafted course"]


def test_an_unfinishable_intent_removes_its_folder(tmp_path: Path) -> None:
    """The course an update was for was removed with its records meanwhile: the new files cannot be recorded."""
    data = tmp_path / "data"
    v1 = archives._zip(tmp_path / "v1.zip", {"imsmanifest.xml": archives.manifest("crafted.gone", "V1"),
                                             "index.html": archives.INDEX})
    v2 = archives._zip(tmp_path / "v2.zip", {"imsmanifest.xml": archives.manifest("crafted.gone", "V2"),
                                             "index.html": archives.INDEX + b" "})
    assert cli(data, "import", str(v1)).returncode == 0
    [(course_id, _, _)] = rows(data)
    kill(start_paused(data, "import", "--update", str(v2)))
    conn = sqlite3.connect(data / "library.sqlite3")
    with conn:
        conn.execute("DELETE FROM courses WHERE id = ?", (course_id,))
    conn.close()
    assert cli(data, "courses").returncode == 0
    assert rows(data) == []
    # The old folder is no longer named by any row either: it is kept and logged, as tidy does for unknown folders;
    # the interrupted update's own folder is gone.
    assert len(folders(data)) == 1


def test_an_unreadable_or_half_written_intent_is_dropped(tmp_path: Path) -> None:
    from scorm_desktop.storage import intents

    courses = tmp_path / "courses"
    folder = intents.intents_dir(courses)
    folder.mkdir(parents=True)
    (folder / "broken.json").write_text("{not json")
    (folder / "half.json.tmp").write_text('{"folder": "x"')  # killed while it was being written
    assert list(intents.orphans(courses)) == []
    assert not folder.exists()
