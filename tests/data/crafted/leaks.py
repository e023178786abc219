"""Crafted SCORM 1.2 packages for tests/bridge/test_isolation_leaks.py: the ways out that Chromium's request interception
does not see (issue 11's leftovers), written by code like the others in tests/data/crafted/isolation.py.

`leaks_course(dest, tcp_port, udp_port)` is one SCO that, against a loopback TCP server and a UDP socket:
- opens WebRTC peer connections (STUN over UDP, TURN over TCP), from its own window, from a fresh same-origin frame
  and through `webkitRTCPeerConnection`;
- declares connection hints in its HTML (`<link rel=preconnect|dns-prefetch|prefetch|prerender>`, a `Link:` meta)
  and adds one by script;
- loads `data:` and `blob:` frames and sends the top window to a `data:` page, whose scripts print ESCAPED-RAN;
- calls `navigator.sendBeacon` and `new WebSocket` to the server (refused by the guard script early);
and reports on the console as "ISO-LEAK {json}" before it finishes.
"""

from __future__ import annotations

import json
import socket
import threading
from pathlib import Path

from data.crafted.isolation import _SCO_JS, _write


def leaks_course(dest: Path, tcp_port: int, udp_port: int, title: str = "Leaks") -> Path:
    base = f"http://127.0.0.1:{tcp_port}"
    hints = "\n".join(
        f'<link rel="{rel}" href="{base}/{rel}">' for rel in ("preconnect", "dns-prefetch", "prefetch", "prerender"))
    index = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
{hints}
<LINK REL="Preconnect" HREF="{base}/upper-case" crossorigin>
<meta http-equiv="Link" content="<{base}/meta-link>; rel=preconnect">
</head><body><script>{_SCO_JS}
var BASE = {json.dumps(base)}, out = {{}};
var ICE = [{{urls: "stun:127.0.0.1:{udp_port}"}},
           {{urls: "turn:127.0.0.1:{tcp_port}?transport=tcp", username: "u", credential: "p"}}];
function rtc(ctor, key) {{
  if (typeof ctor !== "function") {{ out[key] = "absent"; return; }}
  try {{
    var pc = new ctor({{iceServers: ICE}});
    pc.createDataChannel("x");
    pc.createOffer().then(function (o) {{ return pc.setLocalDescription(o); }}).catch(function () {{}});
    out[key] = "created";
  }} catch (e) {{ out[key] = "throw"; }}
}}
rtc(window.RTCPeerConnection, "rtc");
rtc(window.webkitRTCPeerConnection, "webkit");
var blank = document.createElement("iframe"); document.body.appendChild(blank);
try {{ rtc(blank.contentWindow.RTCPeerConnection, "rtc-frame"); }} catch (e) {{ out["rtc-frame"] = "throw"; }}
var late = document.createElement("link"); late.rel = "preconnect"; late.href = BASE + "/script-preconnect";
document.head.appendChild(late);
var marker = function (where) {{
  return "<script>console.log('ESCAPED' + '-RAN {{where}}'.replace('{{where}}', '" + where + "'))<\\/script>";
}};
var d = document.createElement("iframe");
d.src = "data:text/html;base64," + btoa(marker("data-frame")); document.body.appendChild(d);
var b = document.createElement("iframe");
b.src = URL.createObjectURL(new Blob([marker("blob-frame")], {{type: "text/html"}})); document.body.appendChild(b);
try {{ out.beacon = String(navigator.sendBeacon(BASE + "/beacon", "x")); }} catch (e) {{ out.beacon = "throw"; }}
try {{ var ws = new WebSocket("ws://127.0.0.1:{tcp_port}/ws"); out.ws = "created";
  ws.onerror = function () {{ out.ws = "error"; }}; }} catch (e) {{ out.ws = "throw"; }}
setTimeout(function () {{ try {{ top.location.href = "data:text/html;base64," + btoa(marker("top")); }} catch (e) {{}} }},
  200);
setTimeout(function () {{ report("ISO-LEAK", out); }}, 3000);
</script></body></html>"""
    return _write(dest, f"crafted.isolation.leaks.{tcp_port}", title, {"index.html": index})


class UdpSink:
    """A UDP socket on 127.0.0.1 (a free port) that counts the datagrams it receives (a STUN server would answer them).
    Bounded: daemon thread, 0.2 s receive time-out, stopped by `close()`."""

    def __init__(self) -> None:
        self.datagrams = 0
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._sock.recvfrom(2048)
            except (TimeoutError, OSError):
                continue
            self.datagrams += 1

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()
