"""Issue 11, "The network": course content reaches no server unless its course allows internet access.

A crafted course (tests/data/crafted/isolation.py `network_course`) tries every channel — fetch, XHR, img, script,
WebSocket, sendBeacon, EventSource, CSS (link, @import, url(), fonts), iframe, object, form, prefetch, media, a
worker, window.open, scripted clicks, top-level navigations to http:, data: and file: — against a loopback server
started here, in the real player (QtWebEngine offscreen). The desktop's opener is injected: it must never be called,
as nobody clicked and nobody confirmed.
"""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")


from data.crafted.isolation import CountingServer, network_course  # noqa: E402

pytestmark = pytest.mark.gui
TIMEOUT_MS = 30000


@pytest.fixture
def server():
    srv = CountingServer()
    yield srv
    srv.close()


def result(lines: list[str], tag: str) -> dict:
    found = [ln for ln in lines if ln.startswith(tag + " ")]
    assert found, f"no {tag} line in {lines}"
    return json.loads(found[-1][len(tag) + 1:])


def play(qtbot, player_rig, services, course_id):
    player = player_rig(services)
    opened, asked = [], []
    player.env.policy.open_external = opened.append
    player.env.policy.confirm_external = lambda address, parent: asked.append(address) or True
    with qtbot.waitSignal(player.courseEnded, timeout=TIMEOUT_MS):
        player.open(course_id)
    qtbot.wait(500)  # anything late (a beacon, a retry) would reach the server by now
    return player, opened, asked


def test_with_internet_access_off_no_channel_reaches_the_server(qtbot, player_rig, services, server, tmp_path):
    course_id = services.library.import_package(network_course(tmp_path / "net", server.port)).course.id
    assert services.library.course(course_id).allow_network is False
    player, opened, asked = play(qtbot, player_rig, services, course_id)
    out = result(player.lines, "ISO-NET")

    assert server.hits == []
    assert server.connections == 0
    assert out["fetch"] == "error" and out["fetch-nocors"] == "error" and out["xhr"] == "0"
    # A WebSocket is refused at once by the guard script (throw), or by the interceptor (error) where it is not.
    assert out["ws"] in ("error", "throw") and out["es"] == "error" and out["worker"] == "error" and out["file"] == "error"
    assert opened == [] and asked == []  # window.open and scripted clicks never reach the desktop
    assert not any("ESCAPED-RAN" in ln for ln in player.lines)  # no data: page ran, at the top or in a window


def test_with_internet_access_on_fetch_works_and_links_still_need_the_learner(
        qtbot, player_rig, services, server, tmp_path):
    course_id = services.library.import_package(network_course(tmp_path / "net", server.port)).course.id
    services.library.set_network(course_id, True)
    player, opened, asked = play(qtbot, player_rig, services, course_id)
    out = result(player.lines, "ISO-NET")

    assert out["fetch"] == "ok:200:pong"
    assert out["xhr"] == "200"
    assert ("GET", "/fetch") in server.hits and ("GET", "/img") in server.hits
    # Outside addresses opened without the learner never load, in the player or on the desktop.
    assert not server.paths & {"/window-open", "/click_blank", "/click_top", "/top-location", "/data-window"}
    assert opened == [] and asked == []
    assert out["file"] == "error"  # the setting opens the internet, never the learner's files


def test_the_setting_follows_the_course_not_the_last_one_played(qtbot, player_rig, services, server, tmp_path):
    """Two courses in one process: the one allowed online does not open the network for the next one."""
    online = services.library.import_package(network_course(tmp_path / "a", server.port, "Online")).course.id
    offline = services.library.import_package(network_course(tmp_path / "b", server.port, "Offline")).course.id
    services.library.set_network(online, True)
    player = player_rig(services)
    player.env.policy.open_external = lambda address: pytest.fail(f"opened {address}")
    with qtbot.waitSignal(player.courseEnded, timeout=TIMEOUT_MS):
        player.open(online)
    assert result(player.lines, "ISO-NET")["fetch"] == "ok:200:pong"
    qtbot.wait(300)
    before = len(server.hits)
    player.lines.clear()
    with qtbot.waitSignal(player.courseEnded, timeout=TIMEOUT_MS):
        player.open(offline)
    qtbot.wait(500)
    assert result(player.lines, "ISO-NET")["fetch"] == "error"
    assert server.hits[before:] == []
