"""What Orca, the GNOME screen reader, actually says: the app under Xvfb with Qt's AT-SPI bridge, Orca running with
its debug log (every SPEECH OUTPUT line), keys typed with xdotool (real X key events through XTest): Tab through
the main window, then Ctrl+D for the dashboard. Opt-in: needs `apt-get install orca xdotool xvfb dbus` (77 packages,
~40 s; scripts/test installs them when SCORM_DESKTOP_ORCA=1), skipped otherwise.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux")
    or not all(shutil.which(t) for t in ("orca", "xdotool", "Xvfb", "dbus-run-session")),
    reason="needs apt packages orca xdotool xvfb dbus (scripts/test installs them when SCORM_DESKTOP_ORCA=1)",
)

TABS = 5


@pytest.fixture(scope="module")
def speech(tmp_path_factory) -> list[str]:
    """Everything Orca spoke, in order, from the app's start to the dashboard."""
    tmp = tmp_path_factory.mktemp("orca")
    from scorm_desktop.paths import DataPaths
    from scorm_desktop.services import open_services

    services = open_services(DataPaths(tmp / "data", explicit=True))
    services.records.add_learner("Ana")
    services.settings.active_learner = "Ana"
    services.settings.welcomed = True
    services.close()
    (tmp / "home").mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", HOME=str(tmp / "home"),
               PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(tmp / "home" / ".config"))
    script = f"""
set -u
exec 3>"{tmp}/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xv=$!
for i in $(seq 50); do [ -s "{tmp}/display" ] && break; sleep 0.1; done
export DISPLAY=:$(head -n1 "{tmp}/display")
orca --replace --debug-file="{tmp}/orca.log" >"{tmp}/orca.out" 2>&1 & orca=$!
sleep 4
"{sys.executable}" -m scorm_desktop --data-dir "{tmp}/data" --lang en >"{tmp}/app.log" 2>&1 & app=$!
wid=""
for i in $(seq 60); do wid=$(xdotool search --name '^SCORM Desktop$' 2>/dev/null | head -n1); [ -n "$wid" ] && break; sleep 0.5; done
sleep 3
xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid"
sleep 1
for i in $(seq {TABS}); do xdotool key Tab; sleep 1.2; done
xdotool key ctrl+d; sleep 3
kill $app; wait $app 2>/dev/null; kill $orca; wait $orca 2>/dev/null; kill $xv; wait $xv 2>/dev/null
[ -n "$wid" ]
"""
    r = subprocess.run(["dbus-run-session", "--", "bash", "-c", script], env=env, capture_output=True, text=True,
                       timeout=240)
    log = (tmp / "orca.log").read_text(errors="replace") if (tmp / "orca.log").exists() else ""
    said = [m.group(1) for m in re.finditer(r"SPEECH OUTPUT: '(.*?)'\s*\{", log)]
    assert r.returncode == 0 and said, f"exit {r.returncode}\n{r.stderr[-1500:]}\n{(tmp / 'app.log').read_text()[-1500:]}"
    return said


def test_orca_announces_the_main_window_controls_by_name_and_the_dashboard(speech):
    text = "\n".join(speech)
    assert "Search courses text." in speech, text
    assert "All statuses combo box." in speech, text
    assert "The library lists only the courses with this status." in speech, text  # the description, read too
    assert "Course library." in speech, text
    assert any(s.startswith("By learner page tab") for s in speech), text  # Ctrl+D: the dashboard's first tab
    bare_roles = {"push button", "text", "combo box", "check box", "page tab", "table", "list", "menu item"}
    assert not [s for s in speech if s.rstrip(". ").lower() in bare_roles], text


def test_tab_leaves_the_library_table_instead_of_walking_its_cells(speech):
    start = speech.index("Course library.")
    after = [s for s in speech[start:] if s.strip() != "tab"]
    assert not [s for s in after if "column header" in s], "\n".join(speech[start:])
