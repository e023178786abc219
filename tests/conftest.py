"""Test set-up shared by every test: Qt runs offscreen, and nothing touches the user's real data folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
if not CORPUS.is_dir():  # CI clones main with shared/ beside it; allow an override for other layouts
    CORPUS = Path(os.environ.get("SCORM_DESKTOP_CORPUS", CORPUS))

sys.path.insert(0, str(ROOT))
# Tests live in folders that mirror the package (tests/storage/ for scorm_desktop/storage/...); a test may share a
# fixture or helper defined beside another folder's tests, so each folder is importable by module name.
_TESTS = Path(__file__).resolve().parent
sys.path[1:1] = [str(d) for d in sorted(_TESTS.iterdir()) if d.is_dir() and d.name not in {"data", "__pycache__"}]

from scorm_desktop import qtenv  # noqa: E402

qtenv.prepare(headless=True)
# Every test that forgets --data-dir still cannot reach the user's data, config or logs.
# With pytest-xdist each worker gets its own home, so two workers never share a default data folder.
_HOME = Path(os.environ.setdefault("SCORM_DESKTOP_TEST_HOME", "/tmp/scorm-desktop-test-home")) / os.environ.get(
    "PYTEST_XDIST_WORKER", "main")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_CACHE_HOME"] = str(_HOME / "cache")
os.environ["XDG_STATE_HOME"] = str(_HOME / "state")
os.environ.pop("SCORM_DESKTOP_DATA", None)
# Tests read the app's English text whatever the machine's language (tests/test_i18n.py sets the others).
os.environ["SCORM_DESKTOP_LANG"] = "en"


def pytest_configure(config):
    # The custom URL scheme must be registered before the QApplication exists (pytest-qt creates it lazily).
    try:
        from scorm_desktop.bridge.scheme import register_scheme
    except ImportError:
        return
    register_scheme()


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is not at {CORPUS} (set SCORM_DESKTOP_CORPUS)")
    return CORPUS


@pytest.fixture
def paths(tmp_path):
    """A new data folder under tmp_path, given explicitly (as `--data-dir` does)."""
    from scorm_desktop.paths import DataPaths

    return DataPaths(tmp_path / "data", explicit=True)


@pytest.fixture
def services(paths):
    """The app's services over `paths` (empty, no sample course), closed at teardown."""
    from scorm_desktop.services import open_services

    svc = open_services(paths, with_sample=False)
    yield svc
    svc.close()


@pytest.fixture
def svc(tmp_path):
    """Services on a new data folder whose records also write xAPI statements, as the app wires them (a module
    that needs other services defines its own `svc`)."""
    from lrs import open_recording_services

    s = open_recording_services(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application with the language installed as the app installs it at start (English: its plural
    forms, so a Qt %n text reads "1 course", "7 records"): every GUI test sees the words a user sees, whatever test
    ran before it."""
    from scorm_desktop.ui import translator

    translator.install(qapp, "en")
    return qapp


@pytest.fixture
def worker(qapp):
    """The app's one background helper (ui/tasks.py), on its own: every job submitted has run at teardown."""
    from scorm_desktop.ui.tasks import Worker

    w = Worker()
    yield w
    w.drain()
    w.shutdown()


@pytest.fixture
def player_rig(qtbot):
    """make(services, learner="Tester", size=(900, 700)) -> a Player on a real web view, offscreen, that answers the
    content's dialogs; every console line is collected in `.lines` (text) and `.messages` ((level, text)).
    Everything made is torn down in Chromium's order (pages, views, then profiles)."""
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from scorm_desktop.ui.player import Player
    from scorm_desktop.ui.webenv import WebEnv, delete_now

    made = []

    def make(services, learner: str = "Tester", size: tuple[int, int] = (900, 700)):
        env = WebEnv(services)
        view = QWebEngineView()
        view.resize(*size)
        view.show()
        player = Player(services, env, view, learner=learner, unattended=True)
        player.lines, player.messages = [], []
        player.consoleMessage.connect(lambda level, text, src, line: player.lines.append(text))
        player.consoleMessage.connect(lambda level, text, src, line: player.messages.append((level, text)))
        made.append((player, view, env))
        return player

    yield make
    for player, view, env in reversed(made):
        player.dispose()
        delete_now(view)
        delete_now(player)
        env.shutdown()
