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
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("SCORM Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SCORM Desktop")
    app.setDesktopFileName("scorm-desktop")
    from .ui.icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def run_gui(paths: DataPaths) -> int:
    app = create_application()
    from .services import open_services
    from .storage.db import DatabaseError
    from .ui.main_window import MainWindow

    try:
        services = open_services(paths)
    except DatabaseError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "SCORM Desktop", str(exc))
        return 2
    window = MainWindow(services)
    window.show()
    code = app.exec()
    window.dispose()
    services.close()
    return code


def run_player_window(app, services, course_id: int, learner: str | None, item: str | None, mode: str | None) -> int:
    """`scorm-desktop play COURSE` without --headless: the player window alone."""
    from .ui.player_window import PlayerWindow
    from .ui.webenv import WebEnv

    env = WebEnv(services)
    window = PlayerWindow(services, env, learner=learner, mode=mode)
    window.finished.connect(app.quit)
    window.open_course(course_id, item)
    window.show()
    code = app.exec()
    window.deleteLater()
    app.processEvents()
    env.shutdown()
    return code
