"""Issue 11: the course scheme handler runs on the UI thread, so it must not wait for the disk. The media conversion
plan (`.converted/jobs.json`) it consults for every media request is read by the one background worker instead.

Proof with a real player (QtWebEngine offscreen): the plan is a FIFO nobody writes to, so reading it blocks until the
test writes the plan. The course's media request is answered meanwhile, and the learner is told that the file waits
for its conversion once the plan arrives.
"""

from __future__ import annotations

import json
import os
import threading
import time

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from scorm_desktop.media.jobs import STATE_RELPATH  # noqa: E402

from data.crafted.mediaplan import CLIP, media_plan_course  # noqa: E402


pytestmark = [pytest.mark.gui, pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")]
#: Past this the UI thread was held: the old handler read the plan on it, and the FIFO held it until the safety
#: writer below wrote the plan.
RESPONSIVE_S = 5.0
SAFETY_WRITE_S = 10.0


def test_a_media_request_never_waits_for_the_plan(qtbot, player_rig, services, tmp_path):
    course = services.library.import_package(media_plan_course(tmp_path / "pkg")).course
    state = course.folder / STATE_RELPATH
    state.parent.mkdir(parents=True, exist_ok=True)
    state.unlink(missing_ok=True)
    os.mkfifo(state)
    plan = json.dumps({"files": [{"path": CLIP, "status": "pending", "codecs": ["msmpeg4v3"]}]})
    written = threading.Event()

    def write_plan() -> None:
        if not written.is_set():
            written.set()
            with open(state, "w", encoding="utf-8") as f:  # waits for the reader: the worker, or the old UI thread
                f.write(plan)

    safety = threading.Timer(SAFETY_WRITE_S, write_plan)
    safety.daemon = True
    safety.start()
    player = player_rig(services)
    noted: list[tuple[int, str]] = []
    player.env.handler.mediaNotReady.connect(lambda cid, rel: noted.append((cid, rel)))
    try:
        started = time.monotonic()
        player.open(course.id)
        qtbot.waitUntil(lambda: any(ln.startswith("PLAN-FETCHED") for ln in player.lines),
                        timeout=int((SAFETY_WRITE_S + 10) * 1000))
        waited = time.monotonic() - started
        assert not written.is_set() and waited < RESPONSIVE_S, f"the UI thread waited {waited:.1f} s for the plan"
        assert [ln for ln in player.lines if ln.startswith("PLAN-FETCHED")] == ["PLAN-FETCHED 200"]
        assert noted == []  # the plan is not known yet
        writer = threading.Thread(target=write_plan, daemon=True)
        writer.start()
        qtbot.waitUntil(lambda: noted == [(course.id, CLIP)], timeout=10000)
        writer.join(timeout=5)
    finally:
        safety.cancel()
        write_plan()
        threading.Thread(target=_feed_readers, args=(state, plan), daemon=True).start()


def _feed_readers(fifo, text: str, seconds: float = 60.0) -> None:
    """Answer any reader still waiting on the FIFO for a while, so that a failing run never hangs the teardown."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO while nobody reads
        except OSError:
            time.sleep(0.1)
            continue
        try:
            os.write(fd, text.encode())
        except OSError:
            pass
        finally:
            os.close(fd)
