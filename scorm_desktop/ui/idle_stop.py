"""Stop a headless player whose content waits for a learner: no API call and no navigation (a page or frame
loading, or any file it loads) for `seconds` (`checker.idle.IdleWatch`, shared with `scorm-desktop check`)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor

from ..checker.idle import IdleWatch

class _Navigations(QWebEngineUrlRequestInterceptor):
    """Notes every request of the learner's profile (a navigation, or a page still loading its files) as a sign of
    life; it blocks nothing."""

    def __init__(self, watch: IdleWatch, parent: QObject) -> None:
        super().__init__(parent)
        self.watch = watch

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt's name)
        self.watch.activity()


def stop_when_idle(player, seconds: float, on_idle: Callable[[IdleWatch], None]) -> IdleWatch | None:
    """Watch `player` (a ui.player.Player): call `on_idle(watch)` once when its content has been idle for `seconds`
    while an item runs. `seconds <= 0` watches nothing (returns None)."""
    if seconds <= 0:
        return None
    watch = IdleWatch(seconds)
    navigations = _Navigations(watch, player)
    state = {"fired": False, "profiles": set()}

    def started(_launch) -> None:
        watch.activity()
        profile = player.profile
        if profile is not None and id(profile) not in state["profiles"]:
            profile.setUrlRequestInterceptor(navigations)
            state["profiles"].add(id(profile))

    def check() -> None:
        launch = player.current
        running = launch is not None and not launch.finished and not launch.terminated
        if not running:
            watch.activity()  # between items the player itself decides; only a running item can wait
        elif not state["fired"] and watch.idle():
            state["fired"] = True
            timer.stop()
            on_idle(watch)

    player.itemStarted.connect(started)
    player.apiLogged.connect(lambda entries: watch.api_calls(len(entries)))
    timer = QTimer(player)
    timer.setInterval(250)
    timer.timeout.connect(check)
    timer.start()
    return watch
