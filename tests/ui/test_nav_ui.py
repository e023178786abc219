"""The player window's navigation: the table of contents (status icons, the current item, disabled items explained),
the buttons the course allows (hideLMSUI respected), the progress bar, and a screenshot for the docs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from PySide6.QtCore import Qt  # noqa: E402

from scorm_desktop.paths import DataPaths  # noqa: E402
from scorm_desktop.services import open_services  # noqa: E402
from scorm_desktop.ui.icons import status_icon  # noqa: E402
from scorm_desktop.ui.player_window import PlayerWindow  # noqa: E402
from scorm_desktop.ui.webenv import WebEnv, delete_now  # noqa: E402

pytestmark = pytest.mark.gui
TIMEOUT_MS = 30000

SCO = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body style="font: 15px sans-serif; margin: 24px"><h1>{title}</h1><p>A lesson of the test course.</p>
<script>var api = window.parent.API_1484_11; api.Initialize('');</script></body></html>"""


def _item(ident: str, extra: str = "") -> str:
    return f'<item identifier="{ident}" identifierref="r-{ident}"><title>{ident.title()}</title>{extra}</item>'


def make_course(dest: Path) -> Path:
    """A 2004 course: flow and choice; the last item hides the Previous button (hideLMSUI) and is invisible-free;
    an invisible item is left out of the contents."""
    dest.mkdir(parents=True)
    items = ["intro", "lesson", "quiz"]
    for ident in items + ["secret"]:
        (dest / f"{ident}.html").write_text(SCO.format(title=ident.title()), encoding="utf-8")
    nav = ('<adlnav:presentation><adlnav:navigationInterface><adlnav:hideLMSUI>previous</adlnav:hideLMSUI>'
           '</adlnav:navigationInterface></adlnav:presentation>')
    body = _item("intro") + _item("lesson") + _item("quiz", nav) + _item("secret").replace(
        'identifierref', 'isvisible="false" identifierref')
    resources = "".join(
        f'<resource identifier="r-{i}" type="webcontent" adlcp:scormType="sco" href="{i}.html">'
        f'<file href="{i}.html"/></resource>' for i in items + ["secret"]
    )
    (dest / "imsmanifest.xml").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="navui" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Navigation test course</title>{body}
    <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
  </organization></organizations>
  <resources>{resources}</resources>
</manifest>""", encoding="utf-8")
    return dest


@pytest.fixture
def window(qtbot, tmp_path):
    services = open_services(DataPaths(tmp_path / "data", explicit=True), with_sample=False)
    env = WebEnv(services)
    win = PlayerWindow(services, env, learner="Ana")
    win.player.unattended = True
    win.resize(1200, 760)
    win.show()
    win.services_ = services
    yield win
    win.player.dispose()
    delete_now(win.view)
    delete_now(win)
    env.shutdown()
    services.close()


def _rows(win) -> dict[str, object]:
    out = {}
    stack = [win.toc.topLevelItem(i) for i in range(win.toc.topLevelItemCount())]
    while stack:
        row = stack.pop(0)
        out[row.data(0, Qt.ItemDataRole.UserRole)] = row
        stack.extend(row.child(i) for i in range(row.childCount()))
    return out


def _status(row) -> str:
    """A row's status in words (its tooltip adds the whole title before it)."""
    return row.data(0, Qt.ItemDataRole.AccessibleDescriptionRole)


def _running(qtbot, win, item: str) -> None:
    qtbot.waitUntil(lambda: win.player.current is not None and win.player.current.item.identifier == item
                    and win.player.nav_state.get("current") == item, timeout=TIMEOUT_MS)
    box: list = []

    def state():
        box.clear()
        win.view.page().runJavaScript("window.SD ? window.SD.state() : ''", 0, box.append)
        qtbot.waitUntil(lambda: bool(box), timeout=TIMEOUT_MS)
        return box[0]

    qtbot.waitUntil(lambda: state() == "running", timeout=TIMEOUT_MS)


def _finish(qtbot, win, values: dict[str, str]) -> None:
    sets = "".join(f"api.SetValue('{k}','{v}');" for k, v in values.items())
    done: list = []
    win.view.page().runJavaScript(f"(function(){{var api=window.API_1484_11;{sets}return api.Terminate('');}})()", 0,
                                  done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT_MS)


def test_buttons_toc_and_progress_follow_the_course(qtbot, window, tmp_path):
    win = window
    course = make_course(tmp_path / "navui")
    cid = win.services_.library.import_package(course).course.id
    win.open_course(cid)
    _running(qtbot, win, "intro")
    rows = _rows(win)
    assert list(rows) == ["intro", "lesson", "quiz"]  # the invisible item is not listed
    assert rows["intro"].font(0).bold()  # the current item stands out
    assert win.toc.currentItem() is rows["intro"]
    acts = win.nav_actions
    assert acts["continue"].isEnabled() and not acts["previous"].isEnabled()
    assert acts["suspendAll"].isEnabled() and acts["exitAll"].isEnabled()
    assert "Not started" in rows["lesson"].toolTip(0)
    assert win.progress.value() == 0

    _finish(qtbot, win, {"cmi.completion_status": "completed"})
    qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=TIMEOUT_MS)  # waits for the learner's choice
    qtbot.waitUntil(lambda: _status(_rows(win)["intro"]).startswith("Completed"), timeout=TIMEOUT_MS)
    assert win.progress.value() == 33
    acts["continue"].trigger()
    _running(qtbot, win, "lesson")
    assert acts["previous"].isEnabled() and acts["previous"].isVisible()
    assert not win.banner.isVisible()

    # a click in the contents: the running lesson is unloaded (its session ends on its behalf), the quiz opens;
    # the quiz hides the Previous button (hideLMSUI)
    win._choose_item(_rows(win)["quiz"])
    _running(qtbot, win, "quiz")
    assert not acts["previous"].isVisible()
    # leaving by navigation ends the lesson's attempt as Terminate would (ADL OB-14a); it reported nothing and did not
    # suspend, so End Attempt completes and satisfies it (SN UP.4, completion/objective not set by content)
    assert _status(_rows(win)["lesson"]).startswith("Passed")
    _finish(qtbot, win, {"cmi.completion_status": "completed", "cmi.success_status": "passed",
                         "cmi.score.scaled": "0.8"})
    qtbot.waitUntil(lambda: _status(_rows(win)["quiz"]).startswith("Passed"), timeout=TIMEOUT_MS)
    assert "Course:" in win.course_status.text()

    shot = win.grab()
    assert not shot.isNull()
    out = Path(os.environ.get("SCORM_DESKTOP_SCREENSHOT_DIR", tmp_path)) / "player-sequencing.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    shot.save(str(out))
    assert out.stat().st_size > 0


def test_forced_sequence_disables_items_with_a_reason(qtbot, window, corpus):
    win = window
    cid = win.services_.library.import_package(corpus / "good" / "golf-seq-forcedseq-2004-3rd.zip").course.id
    win.open_course(cid)
    _running(qtbot, win, "playing_item")
    rows = _rows(win)
    locked = rows["assessment_item"]
    assert not (locked.flags() & Qt.ItemFlag.ItemIsEnabled)
    assert "Not available" in locked.toolTip(0)
    assert not win.nav_actions["continue"].isEnabled()
    # clicking a locked item says why and launches nothing
    win._choose_item(locked)
    assert "Not available" in win.statusBar().currentMessage()
    assert win.player.current.item.identifier == "playing_item"


def test_status_icons_differ():
    images = {s: status_icon(s).pixmap(16, 16).toImage() for s in
              ("not attempted", "incomplete", "completed", "passed", "failed")}
    assert len({img.bits().tobytes() if hasattr(img.bits(), "tobytes") else bytes(img.constBits())
                for img in images.values()}) == 5
