"""A planted media plan (issue 11): a package carrying its own `.converted/jobs.json` made `convert-media --wait` read
a file outside the data folder and write a converted copy beside it. The app's bookkeeping is never read from
package content, and every path the media code opens resolves inside the course folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("av")

from scorm_desktop.media import jobs as media_jobs  # noqa: E402
from scorm_desktop.media.synth import make_media  # noqa: E402
from scorm_desktop.paths import DataPaths  # noqa: E402
from scorm_desktop.services import open_services  # noqa: E402
from tests.data.crafted import archives  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent.parent


def cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), *args],
        capture_output=True, text=True, timeout=180, env=env, cwd=ROOT,
    )


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A real AAC file outside the data folder: what the planted plan points at."""
    return make_media(tmp_path / "outside" / "victim.wav", "aac-m4a", seconds=0.5)


def test_convert_media_never_follows_a_plan_planted_by_the_package(tmp_path: Path, victim: Path) -> None:
    data = tmp_path / "data"
    pkg = archives.planted_media_plan(tmp_path, victim, depth=12)
    imported = cli(data, "import", "--json", str(pkg))
    assert imported.returncode == 0, imported.stderr
    out = json.loads(imported.stdout.splitlines()[0])
    assert out["status"] == "imported"
    assert "The package's own '.converted' folder was left out: that name is reserved for the app's own files." \
        in out["warnings"]
    converted = cli(data, "convert-media", "--wait", "--json")
    assert converted.returncode == 0, converted.stderr
    assert not victim.with_name("victim.wav.webm").exists()
    assert sorted(p.name for p in victim.parent.iterdir()) == ["victim.wav"]
    course = data / "courses" / next(p.name for p in (data / "courses").iterdir())
    assert not (course / ".converted").exists()  # nothing of the package's own folder was kept


def test_a_plan_changed_after_import_cannot_lead_outside_the_course(tmp_path: Path, victim: Path) -> None:
    """Defence in depth: whatever writes jobs.json, the media code opens only files inside the course folder."""
    folder = tmp_path / "course"
    folder.mkdir()
    make_media(folder / "clip.m4a", "aac-m4a", seconds=0.5)
    escape = os.path.relpath(victim, folder)
    (folder / ".converted").mkdir()
    (folder / ".converted" / "jobs.json").write_text(json.dumps({"version": 1, "files": [
        {"path": escape, "kind": "audio", "codecs": ["aac"], "duration": 1, "size": 1},
        {"path": "/" + str(victim).lstrip("/"), "kind": "audio", "codecs": ["aac"], "duration": 1, "size": 1},
        {"path": "clip.m4a", "kind": "audio", "codecs": ["aac"], "duration": 1, "size": 1},
    ]}))
    assert [f["path"] for f in media_jobs.read_plan(folder)] == ["clip.m4a"]
    jobs = media_jobs.run(folder)
    assert [(f.path, f.status) for f in jobs.files] == [("clip.m4a", "done")]
    assert sorted(p.name for p in victim.parent.iterdir()) == ["victim.wav"]


def test_a_folder_package_with_a_converted_folder_is_imported_without_it(tmp_path: Path) -> None:
    src = tmp_path / "pkg"
    src.mkdir()
    (src / "imsmanifest.xml").write_bytes(archives.manifest("crafted.folder"))
    (src / "index.html").write_bytes(archives.INDEX)
    (src / ".Converted").mkdir()  # any letter case: on a case-insensitive disk it is the same folder
    (src / ".Converted" / "jobs.json").write_text("{}")
    (src / ".scorm-desktop").mkdir()
    (src / ".scorm-desktop" / "import.json").write_text('{"hash": "forged"}')
    svc = open_services(DataPaths(tmp_path / "data", explicit=True), with_sample=False)
    try:
        outcome = svc.library.import_package(src)
        assert len([w for w in outcome.warnings if "reserved for the app's own files" in w]) == 2
        folder = outcome.course.folder
        assert not (folder / ".Converted").exists()
        assert json.loads((folder / ".scorm-desktop" / "import.json").read_text())["hash"] != "forged"
    finally:
        svc.close()
