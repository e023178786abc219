"""`scorm-desktop play --headless` for cmi5 and Tin Can courses: the AU's page offscreen, talking to the loopback
LRS (scorm_desktop/cmi5/service.py), until the AU sends "terminated" (exit 0) or the time-out (exit 3; the session
is recorded as abandoned). The window player is ui/xapi_window.py."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView

from ..bridge.scheme import content_url, host_for
from ..cmi5.service import XapiPlayerService, launch_mode
from ..services import Services
from .webenv import WebEnv, delete_now

EXIT_OK, EXIT_FAILED, EXIT_TIMEOUT = 0, 1, 3


class _Relay(QObject):
    """Carries the LMS's "terminated" from the LRS's thread to the UI thread."""

    ended = Signal(str)


class _Page(QWebEnginePage):
    def javaScriptConsoleMessage(self, level, message, line, source) -> None:  # noqa: N802 (Qt's name)
        print(f"[{level.name if hasattr(level, 'name') else level}] {message}", file=sys.stderr, flush=True)

    def javaScriptAlert(self, origin, message) -> None:  # noqa: N802
        print(QCoreApplication.translate("Headless", "alert: {0}").format(message), file=sys.stderr, flush=True)

    def javaScriptConfirm(self, origin, message) -> bool:  # noqa: N802
        return True


def play_xapi_headless(services: Services, course_id: int, learner: str | None, item: str | None, timeout: float,
                       mode: str | None = None, preview: bool = False) -> int:
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    course = services.library.course(course_id)
    who = services.records.preview_learner() if preview else services.records.learner(
        learner or services.settings.active_learner)
    player = XapiPlayerService(services)
    relay = _Relay()
    env = WebEnv(services)
    env.handler.set_course_root(course.id, course.folder)
    view = QWebEngineView()
    view.resize(1024, 768)
    view.show()
    page = _Page(env.profile_for(who.uid), view)
    view.setPage(page)
    result = {"code": EXIT_OK}
    launch = None
    try:
        launch = player.launch(course, who, item, lambda rel: content_url(course.id, rel),
                               f"course://{host_for(course.id)}", mode=launch_mode(mode), preview=preview)
        # The local LRS is the app's own: the course reaches it whatever its internet setting (bridge/policy.py).
        env.handler.policy.allow_service(player.origin, host_for(course.id))
        if player.lms is not None:
            player.lms.listeners.append(lambda session_id, _state: relay.ended.emit(session_id))
        relay.ended.connect(lambda sid: app.exit(EXIT_OK) if launch is not None and sid == launch.key else None)

        def on_timeout() -> None:
            print(QCoreApplication.translate("Headless", "error: the content did not finish within {0} s; what it sent "
                                             "is kept").format(f"{timeout:g}"), file=sys.stderr, flush=True)
            result["code"] = EXIT_TIMEOUT
            app.exit(EXIT_TIMEOUT)

        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(on_timeout)
        timer.start(int(timeout * 1000))
        view.load(QUrl(launch.url))
        code = app.exec()
        timer.stop()
        return result["code"] if code == 0 else code
    finally:
        if launch is not None:
            state = player.end(launch)
            print(f"session: {state}", file=sys.stderr, flush=True)
        delete_now(view)
        env.shutdown()
        player.close()
