"""Issue 11, the ways out that Chromium's request interception does not see: WebRTC (STUN over UDP, TURN over TCP),
connection hints (`<link rel=preconnect>` and kin) and `data:`/`blob:` frames, in the real player (QtWebEngine
offscreen). A loopback TCP server and a UDP socket started here prove that nothing arrives while the course's
"Allow internet access" is off.
"""

from __future__ import annotations

import os

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from scorm_desktop import qtenv  # noqa: E402
from scorm_desktop.bridge.policy import without_connection_hints  # noqa: E402

from data.crafted.leaks import UdpSink, leaks_course  # noqa: E402
from test_isolation_network import result, server  # noqa: E402,F401  (fixtures)

pytestmark = pytest.mark.gui
TIMEOUT_MS = 30000


@pytest.fixture
def udp():
    sink = UdpSink()
    yield sink
    sink.close()


def play(qtbot, player_rig, services, course_id):
    player = player_rig(services)
    player.env.policy.open_external = lambda address: pytest.fail(f"opened {address}")
    with qtbot.waitSignal(player.courseEnded, timeout=TIMEOUT_MS):
        player.open(course_id)
    qtbot.wait(1500)  # ICE gathering and late preconnects would reach the sockets by now
    return player


def test_offline_course_reaches_nothing_by_webrtc_hints_or_data_frames(
        qtbot, player_rig, services, server, udp, tmp_path):
    course_id = services.library.import_package(leaks_course(tmp_path / "leaks", server.port, udp.port)).course.id
    player = play(qtbot, player_rig, services, course_id)
    out = result(player.lines, "ISO-LEAK")
    assert udp.datagrams == 0, "a STUN request left the course"
    assert server.connections == 0 and server.hits == [], server.hits
    assert out["rtc"] == "absent" and out["webkit"] == "absent", out
    assert out["rtc-frame"] in ("absent", "throw"), out
    assert out["beacon"] == "false" and out["ws"] == "throw", out
    assert not [ln for ln in player.lines if "ESCAPED-RAN" in ln], player.lines


def test_online_course_keeps_websocket_and_beacon(qtbot, player_rig, services, server, udp, tmp_path):
    """The guard refuses early only what the interceptor would refuse: a course allowed online keeps them."""
    course_id = services.library.import_package(leaks_course(tmp_path / "leaks", server.port, udp.port)).course.id
    services.library.set_network(course_id, True)
    player = play(qtbot, player_rig, services, course_id)
    out = result(player.lines, "ISO-LEAK")
    assert out["beacon"] == "true" and out["ws"] in ("created", "error"), out
    assert ("POST", "/beacon") in server.hits
    assert out["rtc"] == "absent"  # WebRTC stays off: the Chromium flag is per process, not per course
    assert udp.datagrams == 0
    ran = [ln for ln in player.lines if "ESCAPED-RAN" in ln]
    assert any("data-frame" in ln for ln in ran) and any("blob-frame" in ln for ln in ran), player.lines
    assert not any("ESCAPED-RAN top" in ln for ln in ran)  # a top-level data: page never, online or not


def test_connection_hints_are_stripped_and_nothing_else():
    page = (b'<html><head><link rel="preconnect" href="http://x"><LINK REL=DNS-Prefetch HREF="//x">'
            b"<link rel='prefetch prerender' href=a><link rel=\"preconnect stylesheet\" href=s.css>"
            b'<link rel="stylesheet" href="t.css"><meta http-equiv="Link" content="<http://x>; rel=preconnect">'
            b'<meta charset="utf-8"></head><body>\xc3\xa9<script>var s = "<link rel=icon>";</script></body></html>')
    assert without_connection_hints(page) == (
        b'<html><head><link rel="stylesheet" href=s.css><link rel="stylesheet" href="t.css">'
        b'<meta charset="utf-8"></head><body>\xc3\xa9<script>var s = "<link rel=icon>";</script></body></html>')


def test_chromium_runs_with_webrtc_kept_off_udp():
    """Set by qtenv.prepare (conftest calls it, as the app does), before Chromium starts: the wall behind the guard."""
    assert qtenv.WEBRTC_FLAG in os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split()
