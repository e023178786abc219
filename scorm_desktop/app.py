"""The Qt entry point: environment, URL scheme and QApplication, in the order QtWebEngine requires."""

from __future__ import annotations

import logging
import sys

from . import APP_NAME, __version__, qtenv
from .paths import DataPaths

log = logging.getLogger(__name__)


def create_application(headless: bool = False):
    """Create (or return) the QApplication. The custom scheme is registered first, as Chromium requires."""
    qtenv.prepare(headless=headless)
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    import PySide6.QtWebEngineWidgets  # noqa: F401  (must be loaded before the QApplication exists)

    from .bridge.scheme import register_scheme

    existing = QApplication.instance()
    if existing is not None:
        return existing
    register_scheme()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(sys.argv[:1])
    # Fusion follows the system's light or dark colour scheme on every platform (Qt 6.5+) and scales at high DPI.
    app.setStyle("Fusion")
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("SCORM Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SCORM Desktop")
    app.setDesktopFileName("org.scormdesktop.ScormDesktop")  # matches the installed .desktop file
    from .ui.icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def run_gui(paths: DataPaths, open_paths: list[str] | None = None, log_file=None) -> int:
    """The app window. A second start on the same data folder hands its files to the first and exits."""
    app = create_application()
    from PySide6.QtWidgets import QMessageBox

    from . import crash
    from .services import open_services
    from .storage.db import DatabaseError
    from .ui.main_window import MainWindow
    from .ui.single_instance import InstanceServer, hand_over, server_name

    open_paths = open_paths or []
    name = server_name(paths.root)
    if hand_over(name, open_paths):
        log.info("handed %d path(s) to the running instance", len(open_paths))
        print("SCORM Desktop is already running; it has been brought forward.", file=sys.stderr)
        return 0
    server = InstanceServer(name)
    if log_file is not None:
        crash.install(log_file, lambda text: QMessageBox.critical(None, "SCORM Desktop", text))
    try:
        services = open_services(paths, deferred=True)  # the checks that grow with the library run once shown
    except DatabaseError as exc:
        QMessageBox.critical(None, "SCORM Desktop", str(exc))
        return 2
    install_language(app, services)
    window = MainWindow(services)
    server.openRequested.connect(window.open_request)
    _close_on_termination(window)
    window.show()
    for notice in services.notices:
        QMessageBox.warning(window, "SCORM Desktop", notice)
    window.start_maintenance()
    window.welcome_if_first_run()
    if open_paths:
        window.open_request(open_paths)
    code = app.exec()
    window.dispose()
    services.close()
    del server
    return code


def run_player_window(
    app, services, course_id: int, learner: str | None, item: str | None, mode: str | None, preview: bool = False
) -> int:
    """`scorm-desktop play COURSE` without --headless: the player window alone (XapiWindow for cmi5 and Tin Can)."""
    from .ui.webenv import WebEnv
    from .ui.xapi_window import player_window_class

    install_language(app, services)
    env = WebEnv(services)
    window_class = player_window_class(services.library.course(course_id))
    window = window_class(services, env, learner=learner, mode=mode, preview=preview)
    window.finished.connect(app.quit)
    _close_on_termination(window)  # SIGTERM/Ctrl+C: the learner's close (the session is saved and ended)
    window.open_course(course_id, item)
    window.show()
    code = app.exec()
    window.deleteLater()
    app.processEvents()
    env.shutdown()
    return code


def install_language(app, services) -> None:
    """The learner's language (--lang / SCORM_DESKTOP_LANG / Settings / the system's), before any window exists."""
    from . import i18n
    from .ui import translator

    translator.install(app, i18n.resolve(services.settings.language))


def _close_on_termination(window) -> None:
    """SIGTERM/SIGINT (log-out, shutdown, Ctrl+C) close the window the normal way, so the open session is saved."""
    import signal

    from PySide6.QtCore import QTimer

    def request_close(*_args) -> None:
        log.info("termination requested: closing the window")
        window.close()

    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            signal.signal(sig, request_close)
        except (ValueError, OSError):  # not the main thread, or not available on this OS
            pass
    # Python runs signal handlers only between bytecodes: wake it regularly while Qt's loop runs.
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(300)

