"""The player when the learner (or a failure) is quicker than the worker: a close while a launch is being prepared
ends that launch's session at once, and a page preloaded for a launch that will not come is not made.

The worker's `launch.prepare` is held on an event so that the close lands while it runs (the real function runs once
released; nothing of the player is replaced)."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

import scorm_desktop.launch as launching  # noqa: E402

from helpers import PROBE_2004, sessions  # noqa: E402

pytestmark = pytest.mark.gui


def _hold_prepare(monkeypatch) -> tuple[threading.Event, threading.Event]:
    entered, release = threading.Event(), threading.Event()
    real = launching.prepare

    def prepare(*args, **kwargs):
        entered.set()
        release.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(launching, "prepare", prepare)
    return entered, release


def test_a_close_while_the_launch_is_prepared_ends_its_session_and_starts_nothing(qtbot, player_rig, services,
                                                                                   monkeypatch):
    player = player_rig(services)
    course = services.library.import_package(PROBE_2004).course.id
    entered, release = _hold_prepare(monkeypatch)
    started: list = []
    player.itemStarted.connect(started.append)
    player.open(course)
    qtbot.waitUntil(entered.is_set, timeout=10000)
    with qtbot.waitSignal(player.courseEnded, timeout=15000):
        player.close("closed")
        release.set()
    player.worker.drain()
    qtbot.wait(300)
    assert started == []  # the SCO was never handed its payload
    assert player.current is None and player._page is None
    (session,) = sessions(services.paths.database)
    assert session[1:] == ("closed", 1), session  # ended, not left open until the next start's recovery


def test_a_preload_that_arrives_after_the_launch_failed_makes_no_page(qtbot, player_rig, services):
    """The worker posts the preload before it decides; its answer (here: a failure) can reach the UI thread first."""
    player = player_rig(services)
    course = services.library.import_package(PROBE_2004).course
    player._awaiting_launch = True
    player._fail("the course folder is missing")
    player._preload(course, "learner-uid")
    assert player._page is None and player._preloaded is None
