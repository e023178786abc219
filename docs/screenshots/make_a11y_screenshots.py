"""Screenshots of the main window, the dashboard and the player with a large system font and a high-contrast
palette, to look at for clipped text (docs/screenshots/a11y-*.png).

    Xvfb :95 &  DISPLAY=:95 QT_QPA_PLATFORM=xcb QT_FONT_DPI=144 PYTHONPATH=$PWD .venv/bin/python \
        docs/screenshots/make_a11y_screenshots.py /tmp/some-data-dir

QT_FONT_DPI is the system font-size setting Qt reads (144 = 150 %); the palette is set on the application as a
desktop's high-contrast theme delivers it (black/white/yellow), since Xvfb/offscreen has no desktop theme to read.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_FONT_DPI", "144")

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from scorm_desktop.app import create_application  # noqa: E402

OUT = Path(__file__).resolve().parent
MULTI = Path(__file__).resolve().parents[2] / "tests" / "data" / "sco-multi-12"


def main(data_dir: str) -> None:
    app = create_application(headless=True)
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QColor, QPalette

    from scorm_desktop.paths import DataPaths
    from scorm_desktop.services import open_services
    from scorm_desktop.ui.main_window import MainWindow
    from scorm_desktop.ui.player_window import PlayerWindow
    from scorm_desktop.ui.webenv import WebEnv

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    contrast = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "black"), (QPalette.ColorRole.WindowText, "white"),
                         (QPalette.ColorRole.Base, "black"), (QPalette.ColorRole.AlternateBase, "#202020"),
                         (QPalette.ColorRole.Text, "white"), (QPalette.ColorRole.Button, "black"),
                         (QPalette.ColorRole.ButtonText, "white"), (QPalette.ColorRole.ToolTipBase, "black"),
                         (QPalette.ColorRole.ToolTipText, "yellow"), (QPalette.ColorRole.Highlight, "yellow"),
                         (QPalette.ColorRole.HighlightedText, "black"),
                         (QPalette.ColorRole.PlaceholderText, "#d0d0d0")):
        contrast.setColor(role, QColor(colour))
    app.setPalette(contrast)
    services = open_services(DataPaths(Path(data_dir), explicit=True))
    try:
        services.library.import_package(MULTI)
    except Exception as exc:  # already imported on a second run
        print("note:", exc)
    if "Ana" not in [getattr(lr, "name", lr) for lr in services.records.learners()]:
        services.records.add_learner("Ana")
    services.settings.active_learner = "Ana"
    services.settings.welcomed = True
    win = MainWindow(services)
    win.resize(1100, 650)
    win.show()
    wait(1500)
    win.grab().save(str(OUT / "a11y-large-font-high-contrast-library.png"))
    dash = win.dashboards.open()
    dash.resize(1100, 700)
    wait(2000)
    dash.grab().save(str(OUT / "a11y-large-font-high-contrast-dashboard.png"))
    env = WebEnv(services)
    pw = PlayerWindow(services, env, learner="Ana")
    pw.resize(1100, 700)
    pw.show()
    course = [c for c in services.library.courses() if "Welcome" in c.title] or services.library.courses()
    pw.open_course(course[0].id)
    wait(4000)
    pw.grab().save(str(OUT / "a11y-large-font-high-contrast-player.png"))
    print("font", app.font().pointSizeF(), app.font().pixelSize(), "dpi", win.logicalDpiY())
    pw.close()
    dash.close()
    win.close()
    wait(500)
    import os as _os
    _os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/scorm-desktop-a11y-shots")
