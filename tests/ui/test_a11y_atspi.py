"""Accessibility checked with the real tools: the AT-SPI stack a Linux screen reader (Orca) reads.

The app runs under Xvfb in its own D-Bus session with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1; tests/ui/a11y_atspi_walk.py
(Debian's python3-pyatspi, so the system Python) finds it on the accessibility bus, walks the main window, opens the
dashboard and the player with AT-SPI actions and walks them, and lists every focusable control without a name.
A control window with an icon-only button and an unlabelled field proves the walk finds what it looks for.
Needs (apt): at-spi2-core python3-pyatspi dbus xvfb; scripts/test installs them when run as root.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
WALKER = Path(__file__).resolve().parent / "a11y_atspi_walk.py"
SYSTEM_PYTHON = "/usr/bin/python3"


def _have_stack() -> bool:
    if not (shutil.which("Xvfb") and shutil.which("dbus-run-session") and os.path.exists(SYSTEM_PYTHON)):
        return False
    r = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    return r.returncode == 0


pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not _have_stack(),
    reason="needs apt packages at-spi2-core python3-pyatspi dbus xvfb (scripts/test installs them as root)",
)

CONTROL_APP = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget, QVBoxLayout, QPushButton, QLineEdit, QStyle
app = QApplication(sys.argv)
app.setApplicationName("scorm-control")
w = QMainWindow(); w.setWindowTitle("Control")
box = QWidget(); lay = QVBoxLayout(box)
icon_only = QPushButton(); icon_only.setIcon(app.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
lay.addWidget(icon_only); lay.addWidget(QLineEdit()); lay.addWidget(QPushButton("Named"))
w.setCentralWidget(box); w.show()
sys.exit(app.exec())
"""


def run_walk(app_argv: list[str], tmp_path: Path) -> dict:
    """Start Xvfb, the app and the walker inside one D-Bus session; return the walker's JSON."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1",
               PYTHONPATH=str(ROOT), HOME=str(tmp_path / "home"), NO_AT_BRIDGE="0")
    (tmp_path / "home").mkdir(exist_ok=True)
    app_cmd = " ".join(f"'{a}'" for a in app_argv)
    script = f"""
set -u
exec 3>"{tmp_path}/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"{tmp_path}/xvfb.log" 2>&1 & xv=$!
for i in $(seq 50); do [ -s "{tmp_path}/display" ] && break; sleep 0.1; done
export DISPLAY=:$(head -n1 "{tmp_path}/display")
{app_cmd} >"{tmp_path}/app.log" 2>&1 & app=$!
rc=0
"{SYSTEM_PYTHON}" "{WALKER}" >"{tmp_path}/walk.json" 2>"{tmp_path}/walk.err" || rc=$?
kill $app 2>/dev/null; wait $app 2>/dev/null
kill $xv 2>/dev/null; wait $xv 2>/dev/null
exit $rc
"""
    r = subprocess.run(["dbus-run-session", "--", "bash", "-c", script], env=env, capture_output=True, text=True,
                       timeout=240)
    out = (tmp_path / "walk.json").read_text() if (tmp_path / "walk.json").exists() else ""
    assert r.returncode == 0 and out.strip(), (
        f"walker exit {r.returncode}\n{(tmp_path / 'walk.err').read_text()[-2000:]}\n"
        f"app log:\n{(tmp_path / 'app.log').read_text()[-2000:]}")
    return json.loads(out.strip().splitlines()[-1])


def test_walk_finds_unnamed_controls_in_a_control_window(tmp_path):
    result = run_walk([sys.executable, "-c", CONTROL_APP], tmp_path)
    assert list(result["windows"]) == ["Control"]
    roles = sorted(u.rsplit(" › ", 1)[-1] for u in result["unnamed"])
    assert roles == ["push button", "text"], result


def test_main_window_dashboard_and_player_have_no_unnamed_control_for_a_screen_reader(tmp_path):
    data = tmp_path / "data"
    result = run_walk([sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), "--lang", "en"], tmp_path)
    titles = list(result["windows"])
    assert titles[0] == "SCORM Desktop", result
    assert any(t.startswith("Dashboard") for t in titles), result  # opened with the AT-SPI action of its menu item
    assert any(t.startswith("Welcome to SCORM Desktop") for t in titles), result  # the player, from Play
    assert all(n > 20 for n in result["windows"].values()), result
    assert result["unnamed"] == [], "focusable controls a screen reader announces without a name:\n" + "\n".join(
        result["unnamed"])
