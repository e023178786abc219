"""Player guidance (issue 12): the banner says what the learner can actually do, derived from the navigation state;
the contents are shown and focused when a choice is needed; "Opening the course…" never outlives the sequencer's
answer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from scorm_desktop.paths import DataPaths  # noqa: E402
from scorm_desktop.services import open_services  # noqa: E402
from scorm_desktop.ui.player_window import PlayerWindow  # noqa: E402
from scorm_desktop.ui.webenv import WebEnv, delete_now  # noqa: E402

pytestmark = pytest.mark.gui
TIMEOUT_MS = 30000
ROOT = Path(__file__).resolve().parent.parent

SCO = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1><script>var api = window.parent.API_1484_11; api.Initialize('');</script></body></html>"""


def make_choice_only_course(dest: Path) -> Path:
    """A SCORM 2004 course whose root has flow off (choice only): the sequencer cannot start it by itself."""
    dest.mkdir(parents=True)
    items = ["alpha", "beta", "gamma"]
    for ident in items:
        (dest / f"{ident}.html").write_text(SCO.format(title=ident.title()), encoding="utf-8")
    body = "".join(f'<item identifier="{i}" identifierref="r-{i}"><title>{i.title()}</title></item>' for i in items)
    resources = "".join(
        f'<resource identifier="r-{i}" type="webcontent" adlcp:scormType="sco" href="{i}.html">'
        f'<file href="{i}.html"/></resource>' for i in items
    )
    (dest / "imsmanifest.xml").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="choiceonly" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Choice only</title>{body}
    <imsss:sequencing><imsss:controlMode choice="true" flow="false"/></imsss:sequencing>
  </organization></organizations>
  <resources>{resources}</resources>
</manifest>""", encoding="utf-8")
    return dest


@pytest.fixture
def window(qtbot, tmp_path):
    services = open_services(DataPaths(tmp_path / "data", explicit=True), with_sample=False)
    env = WebEnv(services)
    win = PlayerWindow(services, env, learner="Ana")
    win.resize(1200, 760)
    win.show()
    win.services_ = services
    yield win
    win.player.dispose()
    delete_now(win.view)
    delete_now(win)
    env.shutdown()
    services.close()


def _terminate(qtbot, win, api: str, calls: str) -> None:
    done: list = []
    win.view.page().runJavaScript(f"(function(){{var api=window.{api};{calls}}})()", 0, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT_MS)


def test_flow_off_at_the_root_invites_a_choice_in_the_contents(qtbot, window, tmp_path):
    win = window
    cid = win.services_.library.import_package(make_choice_only_course(tmp_path / "choice")).course.id
    win.open_course(cid)
    qtbot.waitUntil(lambda: bool(win.player.nav_state.get("toc")), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=TIMEOUT_MS)
    assert win.banner.text() == "Choose an item in the contents to begin."
    assert "Continue" not in win.banner.text()
    assert not win.nav_actions["continue"].isEnabled() and not win.nav_actions["previous"].isEnabled()
    assert win.side.isVisible()  # the contents are shown...
    qtbot.waitUntil(lambda: win.toc.hasFocus(), timeout=TIMEOUT_MS)  # ...and focused
    assert win.toc.currentItem() is not None
    assert "Opening" not in win.statusBar().currentMessage()  # the sequencer has answered
    shot = win.grab()
    assert not shot.isNull()
    shot.save(str(Path(os.environ.get("SCORM_DESKTOP_SCREENSHOT_DIR", tmp_path)) / "player-choose-to-begin.png"))
    # choosing an item starts it
    win._choose_item(win.toc.topLevelItem(1))
    qtbot.waitUntil(lambda: win.player.current is not None and win.player.current.item.identifier == "beta",
                    timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: not win.banner.isVisible(), timeout=TIMEOUT_MS)


def test_after_the_last_sco_the_banner_says_the_course_is_finished(qtbot, window):
    win = window
    cid = win.services_.library.import_package(ROOT / "data" / "sco-multi-12").course.id
    win.open_course(cid)  # each SCO completes itself and calls LMSFinish
    qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=TIMEOUT_MS)
    assert win.banner.text() == "Choose what to do next: Continue or an item in the contents."
    win.nav_actions["continue"].trigger()
    qtbot.waitUntil(lambda: win.player.current is not None and win.player.current.item.identifier == "ITEM-SCO-2"
                    and win.player.current.finished, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: win.banner.text().startswith("You have finished this course"), timeout=TIMEOUT_MS)
    text = win.banner.text()
    assert win.banner.isVisible()
    assert "Continue" not in text  # disabled: never offered
    assert not win.nav_actions["continue"].isEnabled()
    assert win.statusBar().currentMessage() != text  # said once, in the banner
    assert win.side.isVisible()
    qtbot.waitUntil(lambda: win.toc.hasFocus(), timeout=TIMEOUT_MS)
