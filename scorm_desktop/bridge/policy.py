"""What course content may reach, decided in one place: the files of its own course, and the network only when the
user allowed it for that course. Plain Python (no Qt): the scheme handler, the profile's request interceptor and the
page all ask the same `ContentPolicy`, which WebEnv owns (one per set of players).

Course content is untrusted. The trust boundary is the web engine: a page may load `course://c<ID>/...` only when
its request comes from that same course's origin (its initiator), only while a player has that course open, and
nothing outside the `course:` scheme except page-local URLs (data:, blob:, about:) — http(s)/ws(s) only for a course
whose "Allow internet access" is on. What Chromium does outside request interception is closed here too, for a course
offline: no `data:`/`blob:` frames (`frame_refusal`), no connection hints in its HTML (`without_connection_hints`),
and the guard script's settings (`guard_config`: WebRTC off everywhere, beacons and WebSockets refused early).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

SCHEME = "course"
#: Where the handler sends a request it refuses: the interceptor blocks this path, so the page's fetch/XHR/script
#: fails at once (a 404/403 from QtWebEngine's `job.fail` never ends its body: `r.text()` would wait forever).
REFUSED_PREFIX = "/__refused__/"
#: Schemes the content may use to reach the network, when its course allows it.
NETWORK_SCHEMES = frozenset({"http", "https", "ws", "wss"})
#: Schemes answered inside the page itself (never a file or the network).
PAGE_LOCAL_SCHEMES = frozenset({"data", "blob", "about"})
#: Schemes an external link may have: opened in the system's browser or mail program after the learner confirms.
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
#: Page-local schemes whose frames run a document of their own: refused for a course offline (a `data:` or `blob:`
#: document is not the course's own page and its origin escapes the course check).
FRAME_SCHEMES = frozenset({"data", "blob"})
#: `<link rel=...>` values that make Chromium open connections or load pages by itself, outside request interception.
CONNECTION_HINTS = frozenset({"preconnect", "dns-prefetch", "prefetch", "prerender"})
_HINT_TAG = re.compile(rb"""<(?:link|meta)\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)
_REL = re.compile(rb"""\brel\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_LINK_EQUIV = re.compile(rb"""\bhttp-equiv\s*=\s*["']?\s*link\b""", re.IGNORECASE)


def course_host_of(url: str) -> str | None:
    """"c3" for "course://c3", "course://c3/" or "course://c3/pkg/x.html"; None for anything else ("" and "null")."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() != SCHEME or not parts.netloc:
        return None
    return parts.netloc.lower()


@dataclass
class _OpenCourse:
    root: Path
    allow_network: bool
    owners: set[int] = field(default_factory=set)


class ContentPolicy:
    """The courses open now (host → files, network permission, the players holding them) and how external links are
    handed to the desktop."""

    def __init__(self) -> None:
        self._open: dict[str, _OpenCourse] = {}
        #: The app's own loopback services (the local LRS: "http://127.0.0.1:PORT") → the course hosts whose pages
        #: may reach them whatever their internet setting (None in the set: any page of an open course).
        self._services: dict[str, set[str | None]] = {}
        #: Opens an address in the system's browser (`QDesktopServices.openUrl` in the app; injected in tests).
        self.open_external: Callable[[str], None] | None = None
        #: Asks the learner whether to open an address, showing it: (address, parent widget) -> yes. None: never.
        self.confirm_external: Callable[[str, object], bool] | None = None
        #: Called after what content may reach changed (a course opened or closed, a service allowed): the profiles
        #: refresh their guard script from `guard_config()`.
        self.listeners: list[Callable[[], None]] = []

    # -- which courses are open -----------------------------------------------------------------------------------
    def admit(self, host: str, root: Path, allow_network: bool = False, owner: object = None) -> None:
        """`owner` (a player) has the course open: its files are served to its own pages until `release(owner)`."""
        entry = self._open.get(host)
        if entry is None:
            entry = self._open[host] = _OpenCourse(Path(root).resolve(), bool(allow_network))
        else:
            entry.root, entry.allow_network = Path(root).resolve(), bool(allow_network)
        entry.owners.add(_token(owner))
        self._changed()

    def release(self, owner: object = None) -> list[str]:
        """`owner` let go of every course it opened; a course no player holds is closed. Returns the closed hosts."""
        token = _token(owner)
        closed = []
        for host, entry in list(self._open.items()):
            entry.owners.discard(token)
            if not entry.owners:
                del self._open[host]
                closed.append(host)
        if closed:
            self._changed()
        return closed

    def root(self, host: str) -> Path | None:
        entry = self._open.get(host.lower())
        return entry.root if entry is not None else None

    def is_open(self, host: str) -> bool:
        return host.lower() in self._open

    def allows_network(self, host: str | None) -> bool:
        entry = self._open.get(host.lower()) if host else None
        return entry is not None and entry.allow_network

    def allow_service(self, origin: str, host: str | None = None) -> None:
        """Let `host`'s pages (every open course's when None) reach one of the app's own loopback services."""
        self._services.setdefault(origin.rstrip("/").lower(), set()).add(host.lower() if host else None)
        self._changed()

    def _changed(self) -> None:
        for listener in list(self.listeners):
            listener()

    def guard_config(self) -> dict:
        """What `resources/player/content-guard.js` needs: the scheme, the open courses allowed online, and the app's
        own services with the course hosts that may reach them (None: every course)."""
        return {
            "scheme": SCHEME,
            "online": sorted(h for h, entry in self._open.items() if entry.allow_network),
            "services": sorted(([origin, host] for origin, hosts in self._services.items() for host in hosts),
                               key=lambda pair: (pair[0], pair[1] or "")),
        }

    def withdraw_service(self, origin: str, host: str | None = None) -> None:
        """Undo one `allow_service(origin, host)`: the launch that needed the service has ended, so `host`'s pages
        (a course whose AU finished) no longer reach it; the service is forgotten when no course may reach it."""
        key = origin.rstrip("/").lower()
        hosts = self._services.get(key)
        if hosts is None:
            return
        hosts.discard(host.lower() if host else None)
        if not hosts:
            del self._services[key]

    def _service_allows(self, target: str, initiator: str, first_party: str) -> bool:
        hosts = self._services.get(target)
        if hosts is None:
            return False
        owner = course_host_of(initiator) or course_host_of(first_party)
        # The service's own pages (Tin Can content it serves) and the app's own navigation reach it too.
        return None in hosts or owner in hosts or not initiator or initiator.rstrip("/").lower() == target

    # -- what a request may reach ---------------------------------------------------------------------------------
    def refusal(self, scheme: str, host: str, path: str, initiator: str, first_party: str,
                main_frame: bool, port: int = -1, sub_frame: bool = False) -> str | None:
        """Why content may not make this request (None: it may).

        `initiator` is the origin that caused it ("" when the app itself navigates, e.g. loading the player page);
        `first_party` the top-level page's URL; `main_frame` is True for a navigation of a top-level window, `sub_frame`
        for a frame's.
        """
        scheme, host = scheme.lower(), host.lower()
        if scheme == SCHEME:
            return self.course_refusal(host, path, initiator, main_frame)
        if scheme in PAGE_LOCAL_SCHEMES:
            return self.frame_refusal(scheme, initiator, first_party) if sub_frame else None
        if scheme in NETWORK_SCHEMES:
            if self._service_allows(f"{scheme}://{host}" + (f":{port}" if port >= 0 else ""), initiator, first_party):
                return None
            owner = course_host_of(initiator) or course_host_of(first_party)
            if self.allows_network(owner):
                return None
            return f"internet access is off for course {owner}" if owner else "internet access is off"
        return f"content may not load {scheme}: addresses"

    def frame_refusal(self, scheme: str, initiator: str, first_party: str) -> str | None:
        """A frame (not a top-level window) loading a page-local URL: `data:`/`blob:` documents run outside the course's
        origin check, so only a course allowed online may frame them; `about:` (blank, srcdoc) always may.
        A top-level `data:` navigation is refused by Chromium itself and by `bridge/page.py`."""
        scheme = scheme.lower()
        if scheme not in FRAME_SCHEMES:
            return None
        owner = course_host_of(initiator) or course_host_of(first_party)
        if owner is not None and self.allows_network(owner):
            return None
        return f"a {scheme}: frame while internet access is off" + (f" for course {owner}" if owner else "")

    def course_refusal(self, host: str, path: str, initiator: str, main_frame: bool = True) -> str | None:
        """A `course:` request is served only while that course is open, and only to the course's own origin.

        An empty initiator means the app (or the learner's reload) navigated a window: allowed for an open course's
        top-level window only; a sub-resource always has its page's origin as initiator."""
        host = host.lower()
        if path.startswith(REFUSED_PREFIX):
            return "refused"
        if not self.is_open(host):
            return f"course {host} is not open"
        if not initiator:
            return None if main_frame else "a request with no origin"
        source = course_host_of(initiator)
        if source != host:
            return f"a page of {source or initiator!r} may not load the files of course {host}"
        return None


def _token(owner: object) -> int:
    return 0 if owner is None else id(owner)


def without_connection_hints(html: bytes) -> bytes:
    """`html` without the tags that make Chromium connect by itself (`CONNECTION_HINTS`, and a `Link` header written
    as `<meta http-equiv="Link">`): a request interceptor never sees those connections. A rel with other values
    keeps them (`rel="preconnect stylesheet"` becomes `rel="stylesheet"`); a tag left with none is removed. Works on
    the bytes of any ASCII-compatible encoding; the page is otherwise unchanged."""

    def clean(match: re.Match[bytes]) -> bytes:
        tag = match.group(0)
        if tag[1:5].lower() == b"meta":
            return b"" if _LINK_EQUIV.search(tag) else tag
        rel = _REL.search(tag)
        if rel is None:
            return tag
        tokens = (rel.group(1) or rel.group(2) or rel.group(3) or b"").split()
        kept = [t for t in tokens if t.lower().decode("latin-1") not in CONNECTION_HINTS]
        if len(kept) == len(tokens):
            return tag
        if not kept:
            return b""
        return tag[:rel.start()] + b'rel="' + b" ".join(kept) + b'"' + tag[rel.end():]

    return _HINT_TAG.sub(clean, html)
