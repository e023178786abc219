"""Take screenshots of the real app (offscreen or under Xvfb) to look at what a user sees.

    .venv/bin/python scripts/screenshot.py --data-dir DIR --out docs/screenshots [--play COURSE_ID] [--wait 3]

Writes library.png (the main window) and, with --play, player.png (the player window after --wait seconds); with
--dashboard, dashboard.png too. With --lang fr (or es), the app runs in that language and the files are named
library-fr.png, player-fr.png, dashboard-fr.png.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scorm_desktop.app import create_application  # noqa: E402
from scorm_desktop.paths import DataPaths  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--out", default="docs/screenshots")
    ap.add_argument("--play", type=int)
    ap.add_argument("--wait", type=float, default=3.0)
    ap.add_argument("--size", default="1100x680")
    ap.add_argument("--api-panel", action="store_true", help="open the player's API log panel")
    ap.add_argument("--dashboard", action="store_true", help="also shoot the dashboard window")
    ap.add_argument("--lang", help="run the app in this language (en, fr, es) and suffix the file names with it")
    args = ap.parse_args()
    app = create_application()
    from PySide6.QtCore import QTimer

    from scorm_desktop.services import open_services
    from scorm_desktop.ui.main_window import MainWindow

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    services = open_services(DataPaths.resolve(args.data_dir))
    from scorm_desktop.ui import translator

    # As the app does: a language is always installed (English too: its plural forms, "1 course").
    code = translator.install(app, args.lang or "en")
    suffix = "-" + code if args.lang else ""

    def name(base: str) -> str:
        return str(out / f"{base}{suffix}.png")

    window = MainWindow(services)
    w, h = (int(x) for x in args.size.split("x"))
    window.resize(w, h)
    window.show()

    def shoot_library() -> None:
        window.grab().save(name("library"))
        if args.dashboard:
            dash = window.dashboards.open()
            dash.resize(w, h)
            QTimer.singleShot(2000, lambda: (dash.grab().save(name("dashboard")), dash.close(), after_dashboard()))
            return
        after_dashboard()

    def after_dashboard() -> None:
        if args.play is None:
            window.close()
            return
        window.play(args.play)
        if args.api_panel and window.player_window is not None:
            window.player_window.api_panel.show()
        QTimer.singleShot(int(args.wait * 1000), shoot_player)

    def shoot_player() -> None:
        pw = window.player_window
        if pw is not None:
            pw.grab().save(name("player"))
        window.close()

    QTimer.singleShot(1500, shoot_library)
    code = app.exec()
    window.dispose()
    services.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
