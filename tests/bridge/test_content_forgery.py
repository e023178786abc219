"""Content that forges run-time records through the player frame (issue 11, "Forged records"), played in the real
player: nothing forged is stored, logged as the player's own, or mapped to xAPI; the legitimate value is stored."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from scorm_desktop.apilog import read as read_api_log, session_log_path  # noqa: E402
from tests.data.crafted import forgery  # noqa: E402

from helpers import stored_values  # noqa: E402

pytestmark = pytest.mark.gui
TIMEOUT_MS = 20000


def _done(lines: list[str]) -> dict | None:
    found = [ln for ln in lines if ln.startswith("FORGERY-DONE ")]
    return json.loads(found[-1][len("FORGERY-DONE "):]) if found else None


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_forged_records_are_refused_in_the_real_player(qtbot, player_rig, services, tmp_path, version):
    package = forgery.make(tmp_path / f"forgery-{version}", version)
    course_id = services.library.import_package(package).course.id
    player = player_rig(services)
    logged: list[dict] = []
    player.apiLogged.connect(logged.extend)
    player.open(course_id)
    qtbot.waitUntil(lambda: _done(player.lines) is not None, timeout=TIMEOUT_MS)
    reached = _done(player.lines)
    session_id = player.current.record.session_id
    with qtbot.waitSignal(player.courseEnded, timeout=TIMEOUT_MS):
        player.close()

    # The content could not reach the channel (so no objectName, no deleteLater, no second client).
    assert reached["transport"] is False and reached["objectName"] is None and reached["deleteLater"] is None

    (values,) = stored_values(services.paths.database).values()
    element, value = forgery.LEGIT[version]
    assert values[element] == value
    for element, value in forgery.FORGED[version]:
        assert values.get(element) != value, f"forged {element} was stored"
    assert "evil.arbitrary.element" not in values

    # Each forged value went to the API log as refused by the player, with a reason; the page's entries are marked.
    lines = list(read_api_log(session_log_path(services.paths.logs, session_id)))
    refused = [e for e in lines if e.get("result") == "refused"]
    assert all(e["source"] == "player" and e["refused"] for e in refused)
    refused_elements = {e["args"][0] for e in refused}
    assert {el for el, _ in forgery.FORGED[version]} <= refused_elements
    assert all(e.get("source") in ("page", "player") for e in lines)
    assert any(e.get("fn") == "forged" and e["source"] == "page" for e in lines)
    assert any(e.get("result") == "refused" for e in logged)

    # Nothing forged became an xAPI statement.
    import sqlite3

    conn = sqlite3.connect(services.paths.database)
    bodies = [b for (b,) in conn.execute("SELECT body FROM outbox")]
    conn.close()
    assert bodies, "the session made no statements at all"
    for body in bodies:
        assert "1e308" not in body and "1e+308" not in body and "hacked-status" not in body and "FORGED" not in body


def _js(qtbot, page, code: str, world: int = 0):
    box: list = []
    page.runJavaScript(code, world, lambda r: box.append("null" if r is None else r))
    qtbot.waitUntil(lambda: bool(box), timeout=TIMEOUT_MS)
    return box[0]


def test_channel_is_out_of_the_contents_reach_and_a_second_client_cannot_break_it(qtbot, player_rig, services,
                                                                                   tmp_path):
    from PySide6.QtWebEngineCore import QWebEngineScript

    package = forgery.make(tmp_path / "forgery", "1.2")
    course_id = services.library.import_package(package).course.id
    player = player_rig(services)
    player.open(course_id)
    qtbot.waitUntil(lambda: _done(player.lines) is not None, timeout=TIMEOUT_MS)
    page = player._page
    # The world the content shares with the player frame has no channel at all.
    assert _js(qtbot, page, "typeof qt") == "undefined"
    # A second client on the channel's own transport (the only place it exists) neither breaks nor forges.
    world = QWebEngineScript.ScriptWorldId.ApplicationWorld
    _js(qtbot, page, "new QWebChannel(qt.webChannelTransport, function (c) { var o = c.objects.scorm;"
                     " o.events('[not json'); o.events('[{\"op\":\"set\",\"element\":\"cmi.core.student_id\","
                     "\"value\":\"FORGED\"}]'); }); 'ok'", world)
    qtbot.wait(300)
    assert _js(qtbot, page, "API.LMSSetValue('cmi.core.lesson_location', 'after-second-client')") == "true"
    assert _js(qtbot, page, "API.LMSCommit('')") == "true"
    with qtbot.waitSignal(player.courseEnded, timeout=TIMEOUT_MS):
        player.close()
    (values,) = stored_values(services.paths.database).values()
    assert values["cmi.core.lesson_location"] == "after-second-client"
    assert values.get("cmi.core.student_id") != "FORGED"
