"""Issue 11: outside links open in the system's browser only from a real click of the learner, after a confirmation
that shows the address, and never in an unattended (headless) run.

Real QtWebEngine offscreen; the learner's clicks are real Qt mouse events on the view (QTest), the content's are
scripted. The desktop opener and the confirmation are plain callables on the WebEnv's policy, injected here: no
browser is opened, no dialog shown.
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from PySide6.QtCore import QPoint, Qt, QUrl  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402

from scorm_desktop.bridge.page import PlayerPage  # noqa: E402
from scorm_desktop.bridge.scheme import content_url, host_for  # noqa: E402
from scorm_desktop.ui.webenv import WebEnv, delete_now  # noqa: E402

from data.crafted.isolation import CountingServer, links_page  # noqa: E402

pytestmark = pytest.mark.gui
TIMEOUT_MS = 20000
COURSE = 7
#: Where the crafted page puts its targets: (y of the middle of) the new-window link, the same-frame link, the button.
NEW_WINDOW, SAME_FRAME, BUTTON = 75, 225, 375


class Rig:
    def __init__(self, qtbot, env: WebEnv, server, root, unattended: bool) -> None:
        self.qtbot = qtbot
        self.env = env
        self.asked: list[str] = []
        self.opened: list[str] = []
        self.answer = False
        self.lines: list[str] = []
        self.view = QWebEngineView()
        self.view.resize(600, 500)
        self.view.show()
        self.page = PlayerPage(self.env.profile_for("tester"), host_for(COURSE), "links")
        self.page.unattended = unattended
        self.page.consoleMessage.connect(lambda level, text, src, line: self.lines.append(text))
        self.env.handler.set_course_root(COURSE, root, owner=self.page)
        self.view.setPage(self.page)
        self.base = f"http://127.0.0.1:{server.port}"

    def confirm(self, address: str, parent) -> bool:
        assert isinstance(parent, QWebEngineView)  # the question sits over the course's window
        self.asked.append(address)
        return self.answer

    def load(self) -> None:
        self.page.load(QUrl(content_url(COURSE, "links.html")))
        self.qtbot.waitUntil(lambda: "LINKS-READY" in self.lines, timeout=TIMEOUT_MS)
        self.qtbot.wait(300)

    def click(self, y: int) -> None:
        QTest.mouseClick(self.view.focusProxy(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(100, y))

    def close(self) -> None:
        delete_now(self.view)
        delete_now(self.page)


@pytest.fixture
def server():
    srv = CountingServer()
    yield srv
    srv.close()


@pytest.fixture
def make(qtbot, services, server, tmp_path):
    root = links_page(tmp_path / "course", server.port).parent
    env = WebEnv(services)  # one for every page, as in the app: one scheme handler, one profile per learner
    made: list[Rig] = []

    def ask(address: str, parent) -> bool:  # the confirmation goes to the rig whose view asks
        rig = next(r for r in made if r.view is parent)
        return rig.confirm(address, parent)

    opened: list[str] = []  # what reached the desktop, whichever page asked
    env.policy.confirm_external = ask
    env.policy.open_external = opened.append

    def build(unattended: bool = False) -> Rig:
        rig = Rig(qtbot, env, server, root, unattended)
        rig.opened = opened
        made.append(rig)
        rig.load()
        return rig

    yield build
    for rig in made:
        rig.close()
    env.shutdown()


def test_scripted_clicks_and_window_open_never_reach_the_desktop(qtbot, make, server):
    rig = make()
    qtbot.wait(1500)
    assert rig.asked == [] and rig.opened == []
    assert server.hits == []


@pytest.mark.parametrize("y, path", [(NEW_WINDOW, "/new-window"), (SAME_FRAME, "/same-frame"), (BUTTON, "/button")],
                         ids=["new-window link", "same-frame link", "button with window.open"])
def test_a_real_click_asks_first_showing_the_address(qtbot, make, server, y, path):
    rig = make()
    rig.click(y)
    qtbot.waitUntil(lambda: rig.asked == [rig.base + path], timeout=TIMEOUT_MS)
    qtbot.wait(300)
    assert rig.opened == []  # the learner said no
    rig.answer = True
    rig.click(y)
    qtbot.waitUntil(lambda: rig.opened == [rig.base + path], timeout=TIMEOUT_MS)
    assert rig.asked == [rig.base + path] * 2
    assert rig.page.url().toString().endswith("/links.html")  # never loaded inside the player
    assert server.hits == []


def test_an_unattended_run_never_asks_nor_opens(qtbot, make, server):
    rig = make(unattended=True)
    rig.answer = True
    for y in (NEW_WINDOW, SAME_FRAME, BUTTON):
        rig.click(y)
    qtbot.wait(1000)
    assert rig.asked == [] and rig.opened == []
    assert server.hits == []


def test_a_click_long_before_the_script_is_not_the_learners(qtbot, make, server):
    """Content that waits after a real click, then opens an address itself: the click no longer counts."""
    rig = make()
    rig.click(400 + 60)  # below everything: a click on nothing
    qtbot.wait(2000)
    rig.page.runJavaScript(f"document.querySelector('a').click(); window.open('{rig.base}/late')")
    qtbot.wait(1000)
    assert rig.asked == [] and rig.opened == []


@pytest.mark.parametrize("button, expected", [("Open", True), ("Cancel", False)])
def test_the_app_confirmation_shows_the_address_in_full(qtbot, button, expected):
    """The confirmation the app uses (ui/webenv.py): the whole address is on screen; Open is not the default."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from scorm_desktop.ui.webenv import confirm_external_link

    address = "https://example.org/a/very/long/path?with=query&and=more#fragment"
    seen = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text() + "\n" + box.informativeText()
        seen["default"] = box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        box.button(getattr(QMessageBox.StandardButton, button)).click()

    QTimer.singleShot(200, answer)
    assert confirm_external_link(address) is expected
    assert address in seen["text"] and seen["default"]


def test_a_click_in_another_window_is_not_a_click_on_this_page(qtbot, make):
    """Two players: the learner clicks in one; content of the other opens an address at that moment."""
    one, other = make(), make()
    one.click(400 + 60)  # on nothing, in the first window
    other.page.runJavaScript(f"document.querySelector('a').click(); window.open('{other.base}/meanwhile')")
    qtbot.wait(1000)
    assert other.asked == [] and other.opened == [] and one.asked == []
