"""The local LRS on loopback: a small threaded HTTP server (stdlib, no Qt) in front of `LRS.handle` and the cmi5
fetch URL, bound to 127.0.0.1 on a free port.

Why a socket at all: a `course://` scheme handler cannot answer with an HTTP status other than 200 (Qt's
QWebEngineUrlRequestJob has no way to set one), and xAPI clients rely on 204, 400, 403, 404, 409 and 412. So the
AU's endpoint is `http://127.0.0.1:<port>/xapi/` and its fetch URL `http://127.0.0.1:<port>/cmi5/fetch/<token>`.
Nothing is reachable without a per-launch credential, only loopback is bound, and CORS answers only the course
origins the player allowed (with Private Network Access consent for them).
"""

from __future__ import annotations

import logging
import mimetypes
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..package.archive import normalise_entry
from ..package.model import PackageError

from .core import LRS
from .http import Request, Response, json_response

log = logging.getLogger(__name__)

XAPI_PREFIX = "/xapi/"
FETCH_PREFIX = "/cmi5/fetch/"
CONTENT_PREFIX = "/content/"
MAX_BODY = 16 * 1024 * 1024


class LoopbackLRS:
    """Start with `start()`, stop with `stop()`; `endpoint` and `fetch_base` are what launches hand to AUs."""

    def __init__(self, lrs: LRS, fetch=None, host: str = "127.0.0.1") -> None:
        self.lrs = lrs
        if not lrs.base_path:
            lrs.base_path = XAPI_PREFIX  # `more` links are absolute paths on this server
        #: fetch(token, method) -> (status, json) — the cmi5 LMS's `fetch`, or None (Tin Can only).
        self.fetch = fetch
        self._server = ThreadingHTTPServer((host, 0), self._handler())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None
        #: unguessable key -> package root served read-only under /content/<key>/ (Tin Can content, see below)
        self._folders: dict[str, Path] = {}

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def endpoint(self) -> str:
        return self.base + XAPI_PREFIX

    @property
    def fetch_base(self) -> str:
        return self.base + FETCH_PREFIX

    def start(self) -> "LoopbackLRS":
        self._thread = threading.Thread(target=self._server.serve_forever, name="loopback-lrs", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def serve_folder(self, root: Path) -> str:
        """Serve a course's package folder read-only (GET) at an unguessable URL; returns its base URL.

        For Tin Can content: TinCanJS, which most Tin Can packages carry, only accepts page URLs that start with
        http:// or https:// (its parseURL), so such a course cannot run from `course://`."""
        key = secrets.token_urlsafe(18)
        self._folders[key] = Path(root).resolve()
        return f"{self.base}{CONTENT_PREFIX}{key}/"

    def _file(self, method: str, path: str) -> Response:
        if method not in ("GET", "HEAD"):
            return json_response(405, {"error": True, "message": "Course files are served to GET only."})
        key, _, rel = path[len(CONTENT_PREFIX):].partition("/")
        root = self._folders.get(key)
        try:
            rel = normalise_entry(unquote(rel))
        except PackageError:
            rel = ""
        target = (root / rel).resolve() if root is not None and rel else None
        if target is None or root not in target.parents or not target.is_file():
            return json_response(404, {"error": True, "message": "There is no such file in the course."})
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        return Response(200, {"Content-Type": ctype}, target.read_bytes())

    def answer(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Response:
        """One request as the server sees it (also callable without a socket)."""
        parts = urlsplit(target)
        if parts.path.startswith(CONTENT_PREFIX):
            return self._file(method, parts.path)
        if parts.path.startswith(FETCH_PREFIX) and self.fetch is not None:
            if method == "OPTIONS":
                resp = Response(204)
            else:
                status, data = self.fetch(parts.path[len(FETCH_PREFIX):], method)
                resp = json_response(status, data)
            origin = headers.get("origin") or headers.get("Origin")
            if origin and origin in self.lrs.allowed_origins:
                resp.headers.update(self.lrs.cors_headers(origin))
            return resp
        if not parts.path.startswith(XAPI_PREFIX):
            return json_response(404, {"error": True, "message": "Nothing is served here."})
        return self.lrs.handle(Request(method, parts.path[len(XAPI_PREFIX):], parts.query, headers, body))

    def _handler(self):
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_BODY:
                    self._send(json_response(413, {"error": True, "message": "The request is too large."}))
                    return
                body = self.rfile.read(length) if length else b""
                try:
                    resp = outer.answer(self.command, self.path, dict(self.headers.items()), body)
                except Exception:  # a fault here must not kill the server thread; the AU sees 500
                    log.exception("local LRS failed on %s %s", self.command, self.path)
                    resp = json_response(500, {"error": True, "message": "The local LRS failed; see the log."})
                self._send(resp)

            def _send(self, resp: Response) -> None:
                self.send_response(resp.status)
                for key, value in resp.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(resp.body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(resp.body)

            do_GET = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_HEAD = _any  # noqa: N815

            def log_message(self, fmt: str, *args) -> None:
                log.debug("local LRS: " + fmt, *args)

        return Handler
