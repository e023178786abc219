"""What course content may reach, decided in one place: the files of its own course, and the network only when the
user allowed it for that course. Plain Python (no Qt): the scheme handler, the profile's request interceptor and the
page all ask the same `ContentPolicy`, which WebEnv owns (one per set of players).

Course content is untrusted. The trust boundary is the web engine: a page may load `course://c<ID>/...` only when
its request comes from that same course's origin (its initiator), only while a player has that course open, and
nothing outside the `course:` scheme except page-local URLs (data:, blob:, about:) — http(s)/ws(s) only for a course
whose "Allow internet access" is on.
"""

from __future__ import annotations

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

    # -- which courses are open -----------------------------------------------------------------------------------
    def admit(self, host: str, root: Path, allow_network: bool = False, owner: object = None) -> None:
        """`owner` (a player) has the course open: its files are served to its own pages until `release(owner)`."""
        entry = self._open.get(host)
        if entry is None:
            entry = self._open[host] = _OpenCourse(Path(root).resolve(), bool(allow_network))
        else:
            entry.root, entry.allow_network = Path(root).resolve(), bool(allow_network)
        entry.owners.add(_token(owner))

    def release(self, owner: object = None) -> list[str]:
        """`owner` let go of every course it opened; a course no player holds is closed. Returns the closed hosts."""
        token = _token(owner)
        closed = []
        for host, entry in list(self._open.items()):
            entry.owners.discard(token)
            if not entry.owners:
                del self._open[host]
                closed.append(host)
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
                main_frame: bool, port: int = -1) -> str | None:
        """Why content may not make this request (None: it may).

        `initiator` is the origin that caused it ("" when the app itself navigates, e.g. loading the player page);
        `first_party` the top-level page's URL; `main_frame` is True for a navigation of a top-level window.
        """
        scheme, host = scheme.lower(), host.lower()
        if scheme == SCHEME:
            return self.course_refusal(host, path, initiator, main_frame)
        if scheme in PAGE_LOCAL_SCHEMES:
            return None
        if scheme in NETWORK_SCHEMES:
            if self._service_allows(f"{scheme}://{host}" + (f":{port}" if port >= 0 else ""), initiator, first_party):
                return None
            owner = course_host_of(initiator) or course_host_of(first_party)
            if self.allows_network(owner):
                return None
            return f"internet access is off for course {owner}" if owner else "internet access is off"
        return f"content may not load {scheme}: addresses"

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
