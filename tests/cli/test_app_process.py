"""The app as a process: one instance per data folder, "Open with" hand-over, and a clean exit on SIGTERM."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.gui


def _env():
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def _wait(predicate, timeout=30.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _course_titles(db: Path) -> list[str]:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return [r[0] for r in conn.execute("SELECT title FROM courses ORDER BY id")]
        finally:
            conn.close()
    except sqlite3.Error:
        return []


def test_second_start_hands_its_file_to_the_running_app_which_imports_it(tmp_path, corpus):
    data = tmp_path / "data"
    first = subprocess.Popen(
        [sys.executable, "-m", "scorm_desktop", "--data-dir", str(data)],
        cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        log = data / "logs" / "scorm-desktop.log"
        _wait(lambda: log.exists() and "single-instance server listening" in log.read_text(), what="first instance")
        package = corpus / "good" / "golf-cp-singlesco-2004-3rd.zip"
        second = subprocess.run(
            [sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), str(package)],
            cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stderr
        _wait(lambda: "Golf Explained - CP Single SCO" in _course_titles(data / "library.sqlite3"), what="import")
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=30) == 0
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert _course_titles(data / "library.sqlite3") == ["Welcome to SCORM Desktop", "Golf Explained - CP Single SCO"]
