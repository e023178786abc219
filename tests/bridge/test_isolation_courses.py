"""Issue 11, "Other courses' files": a page of one course never reads another course's files, in one process.

Real QtWebEngine offscreen, two crafted courses (tests/data/crafted/isolation.py): `secret_course` holds files that
say so on the console if they ever run; `cross_course` reaches for them by fetch, XHR, script, iframe and window.open,
and for its own missing files, whose refusals must end at once (QtWebEngine's 404 never ended its body).
"""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from PySide6.QtCore import QUrl  # noqa: E402
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile  # noqa: E402
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402

from scorm_desktop.bridge.scheme import content_url, host_for  # noqa: E402
from scorm_desktop.ui.player import Player  # noqa: E402
from scorm_desktop.ui.webenv import WebEnv, delete_now  # noqa: E402

from data.crafted.isolation import cross_course, secret_course  # noqa: E402

pytestmark = pytest.mark.gui
TIMEOUT_MS = 30000


def result(lines: list[str], tag: str) -> dict:
    found = [ln for ln in lines if ln.startswith(tag + " ")]
    assert found, f"no {tag} line in {lines}"
    return json.loads(found[-1][len(tag) + 1:])


def assert_nothing_leaked(out: dict, lines: list[str]) -> None:
    for key in ("manifest", "secretjs", "player", "unknown"):
        assert out[key] == "error", (key, out)  # refused, and the refusal ends (no "timeout", no "body-never-ends")
    assert out["missing"] == "error", out  # the course's own missing file: ends at once too
    assert out["own"].startswith("status:200:"), out
    assert out["script"] == "error" and out["xhr"] == "0:0" and out["ran"] is False, out
    assert not [ln for ln in lines if "SECRET-SCRIPT-RAN" in ln or "SECRET-PAGE-RAN" in ln]


def close(qtbot, player) -> None:
    done = []
    player.close("closed", then=lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT_MS)


def test_a_course_played_after_another_cannot_read_it(qtbot, player_rig, services, tmp_path):
    """The GUI plays courses one after another in one process: course 2 reaches for course 1's files."""
    secret = services.library.import_package(secret_course(tmp_path / "secret")).course.id
    reader = services.library.import_package(cross_course(tmp_path / "reader", host_for(secret))).course.id
    player = player_rig(services)
    with qtbot.waitSignal(player.courseEnded, timeout=TIMEOUT_MS):
        player.open(secret)
    assert player.env.policy.is_open(host_for(secret))
    close(qtbot, player)
    assert not player.env.policy.is_open(host_for(secret))  # unregistered when its player closed

    with qtbot.waitSignal(player.courseEnded, timeout=TIMEOUT_MS):
        player.open(reader)
    assert_nothing_leaked(result(player.lines, "ISO-CROSS"), player.lines)


@pytest.fixture
def shared_env(qtbot, services):
    """Players that share one WebEnv (one scheme handler and profile), as the GUI's windows do."""
    env = WebEnv(services)
    made = []

    def make() -> Player:
        view = QWebEngineView()
        view.resize(800, 600)
        view.show()
        player = Player(services, env, view, unattended=True)
        player.lines = []
        player.consoleMessage.connect(lambda level, text, src, line: player.lines.append(text))
        made.append((player, view))
        return player

    yield env, make
    for player, view in reversed(made):
        player.dispose()
        delete_now(view)
        delete_now(player)
    env.shutdown()


def test_a_course_open_in_another_window_cannot_be_read(qtbot, services, shared_env, tmp_path):
    """Course 1 is open (its files are served) while course 2 plays in a second player of the same process."""
    env, make = shared_env
    secret = services.library.import_package(secret_course(tmp_path / "secret", stay=True)).course.id
    reader = services.library.import_package(cross_course(tmp_path / "reader", host_for(secret))).course.id
    first, second = make(), make()
    first.open(secret)
    qtbot.waitUntil(lambda: any(ln.startswith("SECRET-OPEN") for ln in first.lines), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(second.courseEnded, timeout=TIMEOUT_MS):
        second.open(reader)
    assert env.policy.is_open(host_for(secret))  # still open: only the origin check kept it apart
    assert_nothing_leaked(result(second.lines, "ISO-CROSS"), second.lines + first.lines)
    close(qtbot, second)
    assert env.policy.is_open(host_for(secret)) and not env.policy.is_open(host_for(reader))
    close(qtbot, first)
    assert not env.policy.is_open(host_for(secret))


class _Page(QWebEnginePage):
    def __init__(self, profile, lines):
        super().__init__(profile)
        self.lines = lines

    def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802
        self.lines.append(message)


def _load(qtbot, page: QWebEnginePage, url: str) -> None:
    with qtbot.waitSignal(page.loadFinished, timeout=TIMEOUT_MS):
        page.load(QUrl(url))


def test_the_scheme_handler_alone_checks_the_initiator(qtbot, services, tmp_path):
    """Without the profile's interceptor (the first line of defence), the handler itself refuses course 2's page."""
    env = WebEnv(services)
    lines: list[str] = []
    profile = QWebEngineProfile(env)  # off the record, the course scheme and nothing else
    profile.installUrlSchemeHandler(b"course", env.handler)
    page = _Page(profile, lines)
    try:
        secret = services.library.import_package(secret_course(tmp_path / "secret")).course
        reader = services.library.import_package(cross_course(tmp_path / "reader", host_for(secret.id))).course
        env.handler.set_course_root(secret.id, secret.folder, owner=page)
        env.handler.set_course_root(reader.id, reader.folder, owner=page)
        _load(qtbot, page, content_url(reader.id, "index.html"))
        qtbot.waitUntil(lambda: any(ln.startswith("ISO-CROSS ") for ln in lines), timeout=TIMEOUT_MS)
        out = result(lines, "ISO-CROSS")
        for key in ("manifest", "secretjs", "player", "unknown"):
            assert not out[key].startswith("status:200"), (key, out)
        assert out["script"] == "error" and out["ran"] is False and out["own"].startswith("status:200:")
        assert not [ln for ln in lines if "SECRET-SCRIPT-RAN" in ln or "SECRET-PAGE-RAN" in ln]
    finally:
        delete_now(page)
        delete_now(profile)
        env.shutdown()


def test_a_top_level_load_by_the_app_reaches_only_an_open_course(qtbot, services, tmp_path):
    """A navigation with no initiator is the app's own (page.load): it may show an open course's page, and nothing
    of a course no player holds any more."""
    env = WebEnv(services)
    lines: list[str] = []
    owner = object()
    page = _Page(env.profile_for("tester"), lines)
    try:
        secret = services.library.import_package(secret_course(tmp_path / "secret")).course
        env.handler.set_course_root(secret.id, secret.folder, owner=owner)
        _load(qtbot, page, content_url(secret.id, "secret.html"))
        qtbot.waitUntil(lambda: any("SECRET-PAGE-RAN" in ln for ln in lines), timeout=TIMEOUT_MS)
        env.handler.release(owner)
        lines.clear()
        _load(qtbot, page, content_url(secret.id, "secret.html") + "?again")
        qtbot.wait(300)
        assert not [ln for ln in lines if "SECRET-PAGE-RAN" in ln]
    finally:
        delete_now(page)
        env.shutdown()
