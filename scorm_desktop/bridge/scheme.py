"""The `course:` URL scheme: untrusted course content served GET-only from inside its package root.

Each course has its own host, `course://c<ID>/`, and so its own origin (its own localStorage). A host is served only
while a player has the course open (`set_course_root` … `release`), and only to requests whose initiator is that
same origin (`ContentPolicy.course_refusal`): a page of one course never reads another's files. Under a host:
- `/__player__/...` serves the player page and its scripts from the app's resources;
- `/__durable__?seq=N` is the page's wait for its batch N to be durable (back-pressure, `durable.py`);
- `/pkg/...` serves the course's files, resolved by `resolve_inside()` and nothing else. A media file the engine
  cannot decode is answered with its converted WebM (`converted_for()`) once that exists, under the original URL.
  An HTML page of a course offline is served without its connection hints (`policy.without_connection_hints`).
"""

from __future__ import annotations

import logging
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable
from urllib.parse import unquote

from PySide6.QtCore import QByteArray, QBuffer, QFile, QIODevice, QObject, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from ..media import converted_relpath
from ..media.sniff import MEDIA_SUFFIXES
from ..resources import player_dir
from .durable import DURABLE_PATH, DurableWaits
from .policy import REFUSED_PREFIX, SCHEME, ContentPolicy, without_connection_hints

log = logging.getLogger(__name__)

PLAYER_PREFIX = "/__player__/"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
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
    return _file_inside(root, candidate)


def _file_inside(root: Path, candidate: Path) -> Path | None:
    """`candidate` with links resolved, if it is a regular file inside `root` (already resolved); else None."""
    try:
        real = candidate.resolve(strict=True)
    except OSError:
        return None
    if not real.is_relative_to(root) or not real.is_file():
        return None
    return real


def converted_for(root: Path, target: Path) -> Path | None:
    """The converted WebM of `target` (a file inside `root`, as `resolve_inside` returned it), or None.

    Converted files live at `<root>/.converted/<relative path>.webm` and appear by one rename when complete, so an
    existing file is always whole. The same containment check as `resolve_inside` applies.
    """
    root = Path(root).resolve()
    try:
        rel = target.relative_to(root).as_posix()
    except ValueError:
        return None
    return _file_inside(root, root / converted_relpath(rel))


@dataclass(frozen=True)
class ByteSpan:
    """The bytes a Range header asks for: `first` to `last` inclusive (`suffix`: it was given as "-N")."""

    first: int
    last: int
    suffix: bool = False


class RangeNotSatisfiable(ValueError):
    def __init__(self, header: str, size: int) -> None:
        super().__init__(f"the file has {size} bytes")
        self.header = header


def parse_range(header: str | None, size: int) -> ByteSpan | None:
    """The span QtWebEngine will serve for a Range header, None when it serves the whole file (200).

    Mirrors Chromium's rules (net::HttpUtil::ParseRangeHeader, HttpByteRange::ComputeBounds): unit "bytes"; one
    range only (several: the whole file); "a-b", "a-" or "-n"; a malformed header is ignored. Raises
    RangeNotSatisfiable when the range starts at or past the end of a non-empty file.
    """
    if not header or size <= 0:
        return None
    unit, eq, spec = header.partition("=")
    if not eq or unit.strip().lower() != "bytes":
        return None
    specs = [p.strip() for p in spec.split(",") if p.strip()]  # Chromium's tokenizer skips empty parts
    parsed = [_range_spec(p) for p in specs]
    if not parsed or any(p is None for p in parsed) or len(parsed) != 1:
        return None
    first, last = parsed[0]
    if first is None:  # "-n": the last n bytes
        return ByteSpan(size - min(size, last), size - 1, suffix=True)
    if first >= size:
        raise RangeNotSatisfiable(header, size)
    return ByteSpan(first, size - 1 if last is None else min(last, size - 1))


def _range_spec(spec: str) -> tuple[int | None, int | None] | None:
    """(first, last) of one "a-b" / "a-" / "-n" spec ((None, n) for a suffix), None when Chromium finds it invalid."""
    first_s, dash, last_s = spec.partition("-")
    if not dash:
        return None
    first_s, last_s = first_s.strip(), last_s.strip()
    if not first_s:
        n = _int(last_s)
        return (None, n) if n is not None and n > 0 else None
    first = _int(first_s)
    last = _int(last_s) if last_s else None
    if first is None or (last_s and last is None) or (last is not None and last < first):
        return None
    return first, last


def _int(text: str) -> int | None:
    """A non-negative int64 as base::StringToInt64 reads it (a leading "+" allowed), else None."""
    digits = text[1:] if text.startswith("+") else text
    if not (digits.isascii() and digits.isdigit()):
        return None
    value = int(digits)
    return value if value < 2**63 else None


def _header(job: QWebEngineUrlRequestJob, name: bytes) -> str | None:
    for key, value in job.requestHeaders().items():
        if bytes(key.data()).lower() == name:
            return bytes(value.data()).decode("latin-1")
    return None


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

    #: (course id, package-relative path): the content asked for a media file whose conversion is not done yet;
    #: emitted once per file and run. The player tells the learner (the original is served and may stay black).
    mediaNotReady = Signal(int, str)

    def __init__(self, parent: QObject | None = None, policy: ContentPolicy | None = None) -> None:
        super().__init__(parent)
        #: Which courses are open, and what their content may reach (shared with the profiles' interceptors).
        self.policy = policy or ContentPolicy()
        #: The request interceptors of the profiles using this handler (bridge/profile.py), kept alive here.
        self.interceptors: list[QObject] = []
        self._player_root = player_dir()
        #: Runs a function off the UI thread, then hands its result to a callback on the UI thread (WebEnv sets its
        #: one Worker's `submit`); None: the function runs at once (a handler with no worker).
        self.background: Callable[[Callable[[], Any], Callable[[Any], None]], None] | None = None
        self._plans: dict[Path, tuple[int, dict[str, dict]]] = {}
        #: Plans being read in the background → the (host, media path) requests that came meanwhile.
        self._reading: dict[Path, list[tuple[str, str]]] = {}
        self._noted: set[tuple[str, str]] = set()
        #: The pages' held waits for their values to be durable (the player reports progress to it).
        self.durable = DurableWaits(self)

    def set_course_root(self, course_id: int, root: Path, owner: object = None, allow_network: bool = False) -> None:
        """`owner` (a player) opens the course: its files are served to its own pages until `release(owner)`."""
        host = host_for(course_id)
        self.policy.admit(host, root, allow_network=allow_network, owner=owner)
        self._noted = {n for n in self._noted if n[0] != host}  # a new opening notes unconverted media again

    def release(self, owner: object = None) -> None:
        """`owner` closed its course: a course no player holds any more is no longer served at all."""
        for host in self.policy.release(owner):
            log.info("course %s closed: its files are no longer served", host)
            self._noted = {n for n in self._noted if n[0] != host}

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt's name)
        url = job.requestUrl()
        host = url.host().lower()
        path = url.path(options=url.ComponentFormattingOption.FullyEncoded) or "/"
        if path.startswith(REFUSED_PREFIX):  # reached only without the interceptor: end it without a redirect loop
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        method = bytes(job.requestMethod().data()).decode("ascii", "replace").upper()
        if method != "GET":
            _refuse(job, host, 405, f"{method}: course content is served to GET only")
            return
        # The profile's interceptor has already screened the request (it knows the resource type); this check stands
        # on its own so that no other path serves a course's files to another origin.
        refusal = self.policy.course_refusal(host, path, job.initiator().toString())
        if refusal is not None:
            _refuse(job, host, 403, refusal)
            return
        if path == DURABLE_PATH:
            if not job.initiator().toString():  # a navigation, not the page's own request
                _refuse(job, host, 403, "asked for by no page")
                return
            self.durable.request(job, host, url.query())
            return
        if path.startswith(PLAYER_PREFIX):
            self._serve_player(job, path[len(PLAYER_PREFIX):])
            return
        root = self.policy.root(host)
        if root is None or not path.startswith(CONTENT_PREFIX):
            _refuse(job, host, 404, "not found", logging.INFO)
            return
        target = resolve_inside(root, path[len(CONTENT_PREFIX):])
        if target is None:
            _refuse(job, host, 404, "not found in the course", logging.INFO)
            return
        if target.suffix.lower() in MEDIA_SUFFIXES:
            self._reply_media(job, host, root, target)
            return
        if mime_type(target) in HTML_TYPES and not self.policy.allows_network(host):
            self._reply_page(job, target)
            return
        self._reply_file(job, target)

    def _reply_page(self, job: QWebEngineUrlRequestJob, target: Path) -> None:
        """An HTML page of a course offline, without the tags that make Chromium connect by itself: those
        connections never meet the request interceptor. Read whole (pages are small; a page the parser would take
        ages over takes the engine longer still)."""
        try:
            html = target.read_bytes()
        except OSError:
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
            return
        device = QBuffer(job)  # parented to the job: freed with it
        device.setData(without_connection_hints(html))
        device.open(QIODevice.OpenModeFlag.ReadOnly)
        _reply_in_range(job, QByteArray(mime_type(target).encode()), device, target.name)

    def _reply_media(self, job: QWebEngineUrlRequestJob, host: str, root: Path, target: Path) -> None:
        """Media: the converted WebM when there is one (under the original URL), else the original, with a note.

        Range requests: QtWebEngine answers them itself for a seekable device of known size (a QFile): it parses the
        Range header, seeks the device and replies 206 with Content-Range (checked in tests/ui/test_media_playback.py),
        so the file is handed over whole and streamed, never read into memory or sliced here (a slice would be seeked
        again). `_reply_in_range` works around its two faults. `Accept-Ranges` says seeking works.
        """
        converted = converted_for(root, target)
        job.setAdditionalResponseHeaders({QByteArray(b"Accept-Ranges"): QByteArray(b"bytes")})
        if converted is not None:
            kind = b"audio/webm" if mime_type(target).startswith("audio/") else b"video/webm"
            self._reply_file(job, converted, content_type=kind)
            return
        self._note_if_pending(host, root, target.relative_to(root).as_posix())
        self._reply_file(job, target)

    def _note_if_pending(self, host: str, root: Path, rel: str, plan: dict[str, dict] | None = None) -> None:
        """Tell the learner (once per file and opening) that `rel` waits for its conversion, as soon as the plan says
        so: the file itself is served at once, whether the plan is known yet or not."""
        if (host, rel) in self._noted:
            return
        if plan is None:
            plan = self._pending_media(root)
        if plan is None:  # being read: noted when it arrives
            self._reading[root].append((host, rel))
            return
        pending = plan.get(rel)
        if pending is not None:
            self._noted.add((host, rel))
            log.warning("course %s: '%s' (%s) is not converted yet (%s); it is served as it is and may not play",
                        host, rel, "/".join(pending.get("codecs") or []), pending.get("status"))
            self.mediaNotReady.emit(int(host[1:]), rel)

    def _pending_media(self, root: Path) -> dict[str, dict] | None:
        """The course's conversion plan (`.converted/jobs.json`), re-read only when the file changed; None while it
        is being read. The read runs in the background: the UI thread (which runs this handler) never waits for the
        disk beyond one stat."""
        from ..media.jobs import STATE_RELPATH, read_plan  # loaded at the first media file, not with the player

        state = root / STATE_RELPATH
        try:
            mtime = state.stat().st_mtime_ns
        except OSError:
            return {}
        cached = self._plans.get(root)
        if cached is not None and cached[0] == mtime:
            return cached[1]
        if root in self._reading:
            return None
        self._reading[root] = []
        if self.background is None:
            self._plan_read((root, mtime, read_plan(root)))
        else:
            self.background(lambda: (root, mtime, read_plan(root)), self._plan_read)
        return self._plans[root][1] if root not in self._reading else None

    def _plan_read(self, result: tuple[Path, int, list[dict]]) -> None:
        """A plan read in the background arrives (on the UI thread): keep it and note the media asked for meanwhile."""
        root, mtime, entries = result
        plan = {f["path"]: f for f in entries if f.get("status") != "done"}
        self._plans[root] = (mtime, plan)
        for host, rel in self._reading.pop(root, []):
            self._note_if_pending(host, root, rel, plan)

    def _serve_player(self, job: QWebEngineUrlRequestJob, rel: str) -> None:
        if rel == QWEBCHANNEL_JS:
            # Served from Qt's own resource: a page on a custom scheme may not load qrc: URLs.
            self._reply_file(job, None, qt_resource=":/qtwebchannel/qwebchannel.js")
            return
        target = resolve_inside(self._player_root, rel)
        if target is None:
            _refuse(job, job.requestUrl().host().lower(), 404, "no such player file", logging.INFO)
            return
        self._reply_file(job, target)

    def _reply_file(
        self,
        job: QWebEngineUrlRequestJob,
        path: Path | None,
        qt_resource: str | None = None,
        content_type: bytes | None = None,
    ) -> None:
        device: QIODevice
        if qt_resource is not None:
            f = QFile(qt_resource)
            if not f.open(QIODevice.OpenModeFlag.ReadOnly):
                job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
                return
            device = QBuffer(job)  # parented to the job: freed with it
            device.setData(f.readAll())
            f.close()
            device.open(QIODevice.OpenModeFlag.ReadOnly)
            kind = b"text/javascript"
            name = qt_resource
        else:
            assert path is not None
            device = QFile(str(path), job)  # streamed by Chromium, freed with the job
            if not device.open(QIODevice.OpenModeFlag.ReadOnly):
                job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
                return
            kind = content_type or mime_type(path).encode()
            name = path.name
        _reply_in_range(job, QByteArray(kind), device, name)


def _refuse(job: QWebEngineUrlRequestJob, host: str, status: int, reason: str, level: int = logging.WARNING) -> None:
    """Answer "no" so that the page learns it at once. `job.fail()` would answer 404/403 with a body that never ends
    (QtWebEngine passes no body pipe: `fetch(...).then(r => r.text())` waits forever), so the request is redirected
    to a path the profile's interceptor blocks instead: fetch rejects, XHR ends with status 0, a script or image
    fires `error`: what a missing file:// gives."""
    log.log(level, "refused %s %s (%s)", job.requestUrl().toString(), status, reason)
    if host:
        job.redirect(QUrl(f"{SCHEME}://{host}{REFUSED_PREFIX}{status}"))
    else:
        job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)


def _reply_in_range(job: QWebEngineUrlRequestJob, content_type: QByteArray, device: QIODevice, name: str) -> None:
    """`job.reply()`, working around QtWebEngine's range faults. QtWebEngine answers a Range header itself (206,
    Content-Range, the device seeked), but (checked in 6.11) a range past the end makes it use the request after
    freeing it, which crashes the app, and a suffix range ("-N") gets the right header over the first N bytes."""
    try:
        span = parse_range(_header(job, b"range"), device.size())
    except RangeNotSatisfiable as exc:
        # `job.fail()` leaves such a request hanging: answer with an empty body instead (a server says 416). Qt
        # still tries to seek the empty buffer to the range's start, and says so ("QBuffer::seek: Invalid pos").
        log.info("empty answer to range %s of %s: %s", exc.header, name, exc)
        device.close()
        device = QBuffer(job)
        device.open(QIODevice.OpenModeFlag.ReadOnly)
    else:
        if span is not None and span.suffix:
            device.seek(span.first)  # Qt computes the suffix's bounds but does not seek for it
    job.reply(content_type, device)
