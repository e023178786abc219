"""`scorm-desktop play --headless`: the real player, offscreen, until the content is done."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWebEngineWidgets import QWebEngineView

from ..services import Services
from .player import Player
from .webenv import WebEnv, delete_now

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_TIMEOUT = 3
#: The content waits for a learner (no API call and no navigation for the idle period; see ui/idle_stop.py).
EXIT_WAITS = 4


def play_headless(
    services: Services,
    course_id: int,
    learner: str | None,
    item: str | None,
    timeout: float,
    mode: str | None = None,
    api_log=None,
    preview: bool = False,
    idle: float = 10.0,
) -> int:
    """Play until the course's navigation ends: after each Terminate, whatever the content asks for or the course's
    flow delivers (Continue); it stops when the sequencer ends the session, or when nothing more can be delivered
    without a learner's choice (said on stderr; exit code 0). Returns the process exit code."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    env = WebEnv(services)
    view = QWebEngineView()
    view.resize(1024, 768)
    view.show()  # offscreen: nothing appears, but the page is not throttled as a hidden one would be
    player = Player(services, env, view, learner=learner, mode=mode, unattended=True, preview=preview)
    result = {"code": EXIT_OK}

    def echo(level: str, text: str, source: str, line: int) -> None:
        print(f"[{level}] {text}", file=sys.stderr, flush=True)

    def ended(reason: str) -> None:
        if reason == "timeout":
            result["code"] = EXIT_TIMEOUT
        app.exit(result["code"])

    def failed(message: str) -> None:
        print(f"error: {message}", file=sys.stderr, flush=True)
        result["code"] = EXIT_FAILED
        app.exit(EXIT_FAILED)

    def on_timeout() -> None:
        print(f"error: the content did not finish within {timeout:g} s; its values so far are kept", file=sys.stderr)
        result["code"] = EXIT_TIMEOUT
        player.close("timeout")

    player.consoleMessage.connect(echo)
    player.navMessage.connect(lambda text: print(f"navigation: {text}", file=sys.stderr, flush=True))
    player.courseEnded.connect(ended)
    player.failed.connect(failed)
    player.storageProblem.connect(lambda text: print(f"warning: {text}", file=sys.stderr, flush=True) if text else None)
    if api_log is not None:
        player.apiLogged.connect(api_log)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(on_timeout)
    timer.start(int(timeout * 1000))
    from .idle_stop import stop_when_idle

    def on_idle(watch) -> None:
        print(f"stopped: {watch.sentence()} Its values so far are kept.", file=sys.stderr, flush=True)
        result["code"] = EXIT_WAITS
        player.close("closed")  # ended as the learner's own close would: the next launch resumes

    stop_when_idle(player, idle, on_idle)
    player.open(course_id, item)
    code = app.exec()
    timer.stop()
    # Teardown order matters to Chromium: view, then pages, then the profile.
    player.dispose()
    delete_now(view)
    delete_now(player)
    env.shutdown()
    return result["code"] if code == 0 else code
