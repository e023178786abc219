"""The `course:` URL scheme: untrusted course content served GET-only from inside its package root.

Each course has its own host, `course://c<ID>/`, and so its own origin (its own localStorage). Under a host:
- `/__player__/...` serves the player page and its scripts from the app's resources;
- `/pkg/...` serves the course's files, resolved by `resolve_inside()` and nothing else.
"""

from __future__ import annotations

import logging
import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import QByteArray, QBuffer, QFile, QIODevice, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from ..resources import player_dir

log = logging.getLogger(__name__)

SCHEME = "course"
PLAYER_PREFIX = "/__player__/"
CONTENT_PREFIX = "/pkg/"
QWEBCHANNEL_JS = "qwebchannel.js"

_EXTRA_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".css": "text/css",
    ".htm": "text/html",
    ".html": "text/html",
    ".xml": "application/xml",
    ".xsd": "application/xml",
    ".svg": "image/svg+xml",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".ogv": "video/ogg",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".wav": "audio/wav",
    ".vtt": "text/vtt",
    ".swf": "application/x-shockwave-flash",
    ".pdf": "application/pdf",
}


def register_scheme() -> None:
    """Declare the scheme to Chromium. Must run before the QApplication exists (later calls are ignored by Qt)."""
    if QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name() == SCHEME.encode():
        return
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.CorsEnabled
        | QWebEngineUrlScheme.Flag.FetchApiAllowed
    )
    QWebEngineUrlScheme.registerScheme(scheme)


def host_for(course_id: int) -> str:
    return f"c{int(course_id)}"


def player_url(course_id: int) -> str:
    return f"{SCHEME}://{host_for(course_id)}{PLAYER_PREFIX}player.html"


def content_url(course_id: int, relative_url: str) -> str:
    """The URL of a package-relative URL (which may carry a query or fragment) inside the course's origin."""
    return f"{SCHEME}://{host_for(course_id)}{CONTENT_PREFIX}{relative_url.lstrip('/')}"


def mime_type(path: Path) -> str:
    ext = path.suffix.lower()
    if ext in _EXTRA_TYPES:
        return _EXTRA_TYPES[ext]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def resolve_inside(root: Path, url_path: str) -> Path | None:
    """The file that `url_path` (percent-encoded, "/"-separated, relative to `root`) names, or None.

    Refuses empty, absolute, drive-lettered, "." and ".." parts and backslashes, then checks containment after
    resolving links. When the exact name is missing, a case-insensitive match is tried part by part: packages made on
    Windows or macOS often reference files in the wrong case.
    """
    decoded = unquote(url_path)
    if "\x00" in decoded or "\\" in decoded:
        return None
    parts = decoded.split("/")
    if parts and parts[-1] == "":
        parts[-1] = "index.html"
    for part in parts:
        if part in ("", ".", "..") or ":" in part:
            return None
    root = root.resolve()
    candidate = root.joinpath(*parts)
    try:
        exact = candidate.is_file()
    except OSError:  # e.g. a name longer than the file system allows: not found, never an exception in the handler
        return None
    if not exact:
        candidate = _case_insensitive(root, parts)
        if candidate is None:
            return None
    try:
        real = candidate.resolve(strict=True)
    except OSError:
        return None
    if not real.is_relative_to(root) or not real.is_file():
        return None
    return real


def _case_insensitive(root: Path, parts: list[str]) -> Path | None:
    current = root
    for part in parts:
        try:
            names = {child.name.lower(): child for child in current.iterdir()}
        except OSError:
            return None
        nxt = names.get(part.lower())
        if nxt is None:
            return None
        current = nxt
    return current if current.is_file() else None


class CourseSchemeHandler(QWebEngineUrlSchemeHandler):
    """Maps `course://c<ID>/...` to files. Courses are registered by the player when it opens them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: dict[str, Path] = {}
        self._player_root = player_dir()

    def set_course_root(self, course_id: int, root: Path) -> None:
        self._roots[host_for(course_id)] = Path(root).resolve()

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt's name)
        url = job.requestUrl()
        method = bytes(job.requestMethod().data()).decode("ascii", "replace").upper()
        if method != "GET":
            log.warning("refused %s %s: course content is served to GET only", method, url.toString())
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        host = url.host().lower()
        path = url.path(options=url.ComponentFormattingOption.FullyEncoded) or "/"
        if path.startswith(PLAYER_PREFIX):
            self._serve_player(job, path[len(PLAYER_PREFIX):])
            return
        root = self._roots.get(host)
        if root is None or not path.startswith(CONTENT_PREFIX):
            log.info("not found: %s", url.toString())
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        target = resolve_inside(root, path[len(CONTENT_PREFIX):])
        if target is None:
            log.info("not found in course %s: %s", host, path)
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        self._reply_file(job, target)

    def _serve_player(self, job: QWebEngineUrlRequestJob, rel: str) -> None:
        if rel == QWEBCHANNEL_JS:
            # Served from Qt's own resource: a page on a custom scheme may not load qrc: URLs.
            self._reply_file(job, None, qt_resource=":/qtwebchannel/qwebchannel.js")
            return
        target = resolve_inside(self._player_root, rel)
        if target is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        self._reply_file(job, target)

    def _reply_file(self, job: QWebEngineUrlRequestJob, path: Path | None, qt_resource: str | None = None) -> None:
        if qt_resource is not None:
            f = QFile(qt_resource)
            if not f.open(QIODevice.OpenModeFlag.ReadOnly):
                job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
                return
            buf = QBuffer(job)  # parented to the job: freed with it
            buf.setData(f.readAll())
            f.close()
            buf.open(QIODevice.OpenModeFlag.ReadOnly)
            job.reply(QByteArray(b"text/javascript"), buf)
            return
        assert path is not None
        device = QFile(str(path), job)  # streamed by Chromium, freed with the job
        if not device.open(QIODevice.OpenModeFlag.ReadOnly):
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
            return
        job.reply(QByteArray(mime_type(path).encode()), device)


def normalise_relative(url: str) -> str:
    """Collapse "./" and "a/../" in a package-relative URL path, keeping its query and fragment."""
    path, sep, rest = url.partition("?")
    if not sep:
        path, sep, rest = url.partition("#")
    norm = posixpath.normpath(path) if path else path
    return norm + (sep + rest if sep else "")
