"""The issue's "done when", end to end through the real CLI: import a cmi5 course whose AU completes itself,
`play --headless` exits 0, `report --json` shows it completed, and `sync` delivers launched, initialized, completed,
terminated and satisfied to the loopback LRS, once each."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from data.crafted import cmi5 as crafted
from lrs import lrs, lrs_documents, lrs_statements  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent.parent


def run(data: Path, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SCORM_DESKTOP_LRS_PASSWORD="pw",
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    env.pop("SCORM_DESKTOP_DATA", None)
    return subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_play_headless_report_and_sync_a_self_completing_au(tmp_path: Path, lrs: str,
                                                            lrs_documents) -> None:  # noqa: F811
    data = tmp_path / "data"
    imp = run(data, "import", "--json", str(crafted.self_completing_course(tmp_path)))
    assert imp.returncode == 0, imp.stderr
    course_id = str(json.loads(imp.stdout.splitlines()[0])["course"]["id"])
    played = run(data, "play", course_id, "--headless", "--learner", "Ana", "--timeout", "90")
    assert played.returncode == 0, played.stderr
    assert "completed 200" in played.stderr and "session: terminated" in played.stderr
    report = run(data, "report", "--json", "--course", course_id)
    (row,) = json.loads(report.stdout)
    assert (row["learner"], row["status"]["label"]) == ("Ana", "completed")
    central = lrs_documents.url  # statements go to `lrs`, the documents (LMS.LaunchData...) beside them
    synced = run(data, "sync", "--endpoint", central, "--username", "x", "--json")
    assert synced.returncode == 0, synced.stdout + synced.stderr
    got = lrs_statements(lrs, registration=row["registration"])
    assert sorted(st["verb"]["id"].rsplit("/", 1)[-1] for st in got) == [
        "completed", "initialized", "launched", "satisfied", "terminated"]
    assert run(data, "sync", "--endpoint", central, "--username", "x", "--json").returncode == 0
    assert len(lrs_statements(lrs, registration=row["registration"])) == 5


def test_play_headless_time_out_records_abandoned(tmp_path: Path) -> None:
    data = tmp_path / "data"
    xml = crafted.course_xml(crafted.au("https://example.com/au/idle", url="idle.html", title="Idle"))
    pkg = crafted.package(tmp_path, xml, {"idle.html": "<html><body>never talks</body></html>"})
    course_id = str(json.loads(run(data, "import", "--json", str(pkg)).stdout.splitlines()[0])["course"]["id"])
    played = run(data, "play", course_id, "--headless", "--timeout", "3")
    assert played.returncode == 3, played.stderr
    assert "session: abandoned" in played.stderr
