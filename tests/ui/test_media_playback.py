"""Converted media play in the real player (QtWebEngine offscreen, the PyPI build without proprietary codecs): served
under the original URL, seekable through range requests; MP3 and WebM pass through as they are."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("av")
pytest.importorskip("PySide6.QtWebEngineWidgets")


from scorm_desktop.media import converted_relpath  # noqa: E402
from scorm_desktop.media import jobs as media_jobs  # noqa: E402

from test_media import media_package  # noqa: E402

pytestmark = pytest.mark.gui
TIMEOUT_MS = 20000


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    return media_package(tmp_path_factory.mktemp("pkg") / "media-course")


@pytest.fixture
def rig(player_rig, services):
    return player_rig(services, size=(400, 300))  # player.env is the player's WebEnv


def _events(lines: list[str]) -> list[dict]:
    return [json.loads(ln[len("MEDIA "):]) for ln in lines if ln.startswith("MEDIA ")]


def _event(lines: list[str], id_: str, event: str | None = None) -> dict | None:
    return next((e for e in _events(lines) if e["id"] == id_ and (event is None or e.get("event") == event)), None)


def _close(qtbot, rig) -> None:
    with qtbot.waitSignal(rig.courseEnded, timeout=TIMEOUT_MS):
        rig.close("closed")


def test_converted_video_plays_to_the_end_and_seeks(qtbot, rig, services, package):
    course = services.library.import_package(package).course
    jobs = media_jobs.run(course.folder)
    assert [f.status for f in jobs.files] == ["done", "done"]
    webm = (course.folder / converted_relpath("media/clip.mp4")).read_bytes()
    mp3 = (course.folder / "media/tone.mp3").read_bytes()
    noted: list[tuple] = []
    rig.env.handler.mediaNotReady.connect(lambda cid, rel: noted.append((cid, rel)))

    rig.open(course.id)
    qtbot.waitUntil(lambda: _event(rig.lines, "video", "seeked") is not None
                    or _event(rig.lines, "video", "error") is not None, timeout=TIMEOUT_MS)
    assert _event(rig.lines, "video", "error") is None, _events(rig.lines)
    canplay = _event(rig.lines, "video", "canplay")
    assert canplay["duration"] == pytest.approx(2.0, abs=0.15) and canplay["width"] == 160
    assert _event(rig.lines, "video", "playing") is not None
    assert _event(rig.lines, "video", "ended")["currentTime"] == pytest.approx(2.0, abs=0.15)
    assert _event(rig.lines, "video", "seeked")["currentTime"] == pytest.approx(canplay["duration"] / 2, abs=0.05)
    # The AAC voice-over plays converted; the MP3 and the VP9 WebM play as they are.
    qtbot.waitUntil(lambda: all(_event(rig.lines, i, "canplay") for i in ("tone", "voice", "intro")), timeout=5000)
    assert not any(e.get("event") == "error" for e in _events(rig.lines)), _events(rig.lines)
    assert noted == []
    assert not (course.folder / converted_relpath("media/tone.mp3")).exists()

    # Range requests: 206 with Content-Range and exactly the bytes asked for, from the converted file.
    qtbot.waitUntil(lambda: _event(rig.lines, "range") is not None, timeout=5000)
    r = {(x["url"], x["range"]): x for x in _event(rig.lines, "range")["results"]}
    mid = r[("media/clip.mp4", "bytes=100-199")]
    assert (mid["status"], mid["contentRange"], mid["type"]) == (206, f"bytes 100-199/{len(webm)}", "video/webm")
    assert (mid["length"], mid["hex"]) == (100, webm[100:164].hex())
    tail = r[("media/clip.mp4", "bytes=1000-")]
    assert (tail["status"], tail["length"], tail["contentRange"]) == (
        206, len(webm) - 1000, f"bytes 1000-{len(webm) - 1}/{len(webm)}")
    head = r[("media/tone.mp3", "bytes=0-9")]
    assert (head["status"], head["contentRange"], head["type"], head["hex"]) == (
        206, f"bytes 0-9/{len(mp3)}", "audio/mpeg", mp3[:10].hex())
    suffix = r[("media/tone.mp3", "bytes=-16")]
    assert (suffix["status"], suffix["hex"]) == (206, mp3[-16:].hex())
    # Past the end: QtWebEngine itself would crash the app here (use after free); the handler answers empty.
    beyond = r[("media/tone.mp3", "bytes=99999999-")]
    assert (beyond["status"], beyond["length"]) == (200, 0)
    index = (course.folder / "index.html").read_bytes()
    bad = r[("index.html", "bytes=5-2,x")]  # malformed: ignored, the whole file
    assert (bad["status"], bad["length"], bad["contentRange"]) == (200, len(index), None)
    big = r[("index.html", "bytes=-99999")]  # a suffix longer than the file: all of it
    assert (big["status"], big["contentRange"], big["length"]) == (206, f"bytes 0-{len(index) - 1}/{len(index)}", len(index))
    _close(qtbot, rig)


def test_unconverted_video_is_served_as_it_is_and_the_learner_is_told(qtbot, rig, services, package):
    course = services.library.import_package(package).course
    noted: list[tuple] = []
    rig.env.handler.mediaNotReady.connect(lambda cid, rel: noted.append((cid, rel)))
    rig.open(course.id)
    qtbot.waitUntil(lambda: _event(rig.lines, "video", "error") is not None, timeout=TIMEOUT_MS)
    assert _event(rig.lines, "video", "error")["code"] == 4  # MEDIA_ERR_SRC_NOT_SUPPORTED: no H.264 here
    qtbot.waitUntil(lambda: bool(_event(rig.lines, "tone", "canplay") and _event(rig.lines, "intro", "canplay")),
                    timeout=5000)
    assert sorted(noted) == [(course.id, "media/clip.mp4"), (course.id, "media/voice.m4a")]
    _close(qtbot, rig)


def test_main_window_helper_converts_after_import_and_tells_the_learner(qtbot, services, package):
    from scorm_desktop.ui.media_jobs import MediaJobs
    from scorm_desktop.ui.tasks import Worker

    worker = Worker()
    jobs = MediaJobs(services, worker)
    notices: list[str] = []
    jobs.notice.connect(notices.append)
    outcome = services.library.import_package(package)
    jobs.media_not_ready(outcome.course.id, "media/clip.mp4")  # asked for before its conversion started
    assert "queued for conversion" in notices[-1]
    with qtbot.waitSignal(jobs.finished, timeout=TIMEOUT_MS) as blocker:
        jobs.after_import([outcome])
        assert jobs.running == outcome.course.id
    course_id, summary = blocker.args
    assert course_id == outcome.course.id and summary["done"] == 2 and summary["progress"] == 1.0
    assert jobs.running is None
    assert (outcome.course.folder / converted_relpath("media/clip.mp4")).is_file()
    jobs.shutdown()
    worker.shutdown()


def test_quitting_leaves_the_conversion_resumable(qtbot, services, package):
    from scorm_desktop.ui.media_jobs import MediaJobs
    from scorm_desktop.ui.tasks import Worker

    worker = Worker()
    jobs = MediaJobs(services, worker)
    outcome = services.library.import_package(package)
    jobs.start(outcome.course.id, outcome.course.folder)
    jobs.shutdown()  # at once: the child stops before or during its first file
    states = {f.status for f in media_jobs.CourseJobs.load(outcome.course.folder).files}
    assert states <= {"pending", "done"}
    with qtbot.waitSignal(jobs.finished, timeout=TIMEOUT_MS):
        jobs.resume_all()  # the next start goes on
    assert {f.status for f in media_jobs.CourseJobs.load(outcome.course.folder).files} == {"done"}
    jobs.shutdown()
    worker.shutdown()
