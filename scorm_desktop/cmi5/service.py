"""What the player needs to play a cmi5 or Tin Can course, in one Qt-free object: the loopback LRS (started once,
on first use), the cmi5 LMS and the Tin Can launches behind it, and `launch()` / `end()` per AU.

The player's side (owned elsewhere) is then three calls: `launch(course, learner, item, content_url)` gives the URL
to load (and allows the course's origin for CORS); `end(launch)` when the AU's page closes (abandoned unless it
terminated); `close()` at shutdown. `recover_sessions` already runs at start (services.py). A window player also
asks `return_url()` for the cmi5 returnURL it hands the AU and intercepts the AU's navigation to it. A dispatched
course's licence is checked and counted by `launch` exactly as a SCORM launch's (`dispatch.store.admit_launch`).
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from ..lrs import LRS
from ..lrs.server import LoopbackLRS
from ..package.descriptor import STANDARD_CMI5, STANDARD_XAPI
from . import vocab as v
from .lms import Cmi5LMS, actor_for, status_in, structure_of
from .rules import au_facts
from .tincan_launch import TinCanLaunches, first_of

#: Where the returnURLs handed to AUs point (on the loopback server, which answers nothing there): the window
#: player intercepts the navigation before it leaves the page.
RETURN_PREFIX = "/cmi5/return/"


def launch_mode(mode: str | None) -> str:
    """The cmi5 launchMode for the player's mode ("browse", "review", anything else or None: "Normal")."""
    return {"browse": "Browse", "review": "Review"}.get((mode or "").lower(), "Normal")


@dataclass(frozen=True)
class XapiLaunch:
    url: str
    standard: str
    #: the cmi5 session id, or the Tin Can launch's token
    key: str
    #: "OwnWindow" when the AU asks for a window of its own (cmi5 launchMethod), else "AnyWindow"
    launch_method: str = "AnyWindow"
    #: the cmi5 returnURL the AU was given (None: none)
    return_url: str | None = None
    #: the registration the launch used (a preview's own)
    registration: str = ""


class XapiPlayerService:
    def __init__(self, services) -> None:
        self.services = services
        self._server: LoopbackLRS | None = None
        self.lms: Cmi5LMS | None = None
        self.tincan: TinCanLaunches | None = None

    def _start(self) -> LoopbackLRS:
        if self._server is None:
            server = LoopbackLRS(LRS(self.services.sessions, lambda _: None))
            self.lms = Cmi5LMS(self.services.sessions, server.endpoint, server.fetch_base)
            self.tincan = TinCanLaunches(server.endpoint)
            server.lrs.authenticate = first_of(self.lms.authenticate, self.tincan.authenticate)
            server.fetch = self.lms.fetch
            self._server = server.start()
        return self._server

    def launch(self, course, learner, item_identifier: str | None, content_url: Callable[[str], str], origin: str, *,
               mode: str = "Normal", preview: bool = False, return_url: str | None = None) -> XapiLaunch:
        """Launch one AU (or the Tin Can course). `content_url(package_relative_url)` makes the URL the page loads
        the AU's file from; `origin` is that page's origin (allowed to call the LRS). Tin Can courses are served by
        the loopback server instead (TinCanJS needs an http page URL). A preview is played in Browse mode and never
        forwarded."""
        if course.standard not in (STANDARD_CMI5, STANDARD_XAPI):
            raise ValueError(f"Course {course.id} is not a cmi5 or Tin Can course.")
        server = self._start()
        server.lrs.allowed_origins.add(origin)
        manifest = course.manifest
        items = manifest.launchable_items()
        item = next((i for i in items if i.identifier == item_identifier), items[0]) if item_identifier else items[0]
        url = content_url(manifest.launch_url(item))
        if not preview:  # a dispatched course's licence: refused (DispatchError) or counted, as for SCORM
            from ..dispatch.store import admit_launch

            admit_launch(self.services.records, course, learner)
        registration = str(uuid.uuid4()) if preview else self.registration_of(course, learner)
        actor = actor_for(learner.uid, learner.name)
        if course.standard == STANDARD_XAPI:
            # TinCanJS refuses page URLs other than http(s): Tin Can content is served by the loopback server
            base = server.serve_folder(course.folder)
            server.lrs.allowed_origins.add(server.base)
            launched, token = self.tincan.launch(base + manifest.launch_url(item), item.identifier, actor,
                                                 registration, forward=not preview)
            return XapiLaunch(launched, STANDARD_XAPI, token, registration=registration)
        structure = structure_of(manifest.course_structure)
        au = structure.au(item.identifier)
        la = self.lms.launch(structure, au.id, url, actor, registration, mode="Browse" if preview else mode,
                             return_url=return_url, forward=not preview, course_id=course.id, learner_id=learner.id)
        return XapiLaunch(la.url, STANDARD_CMI5, la.session_id, au.launch_method, return_url, la.registration)

    def statuses(self, course, registration: str) -> tuple[dict[str, str], dict]:
        """Each AU's status in the words the player's contents use ("not attempted", "incomplete", "completed",
        "passed", "failed", "waived") and the course's derived status (lms.status_in), for one registration."""
        if course.standard != STANDARD_CMI5:
            return {}, {}
        structure = structure_of(course.manifest.course_structure)
        with self.services.sessions() as s:
            course_status = status_in(s, structure, registration)
            words = {}
            for au in structure.aus():
                f = au_facts(s, registration.lower(), v.lms_id("au", au.id))
                words[au.id] = ("waived" if f.waived else "passed" if f.passed else "failed" if f.failed
                                else "completed" if f.completed else "incomplete" if f.launched else "not attempted")
        return words, course_status

    def registration_of(self, course, learner) -> str:
        """The learner's current registration on the course (its latest attempt's)."""
        return self.services.records.current_attempt(learner.id, course.id)[1]

    def return_url(self) -> str:
        """A new returnURL for one cmi5 launch: an address of the loopback server nobody else is given (the player
        that hands it out recognises the AU's navigation to it and brings the learner back to the library)."""
        return self._start().base + RETURN_PREFIX + secrets.token_urlsafe(12)

    def end(self, launch: XapiLaunch) -> str:
        """The AU's page closed: a cmi5 session that did not terminate is abandoned; a Tin Can credential ends."""
        if launch.standard == STANDARD_XAPI:
            self.tincan.end(launch.key)
            return "ended"
        return self.lms.end_session(launch.key)

    @property
    def origin(self) -> str | None:
        """The loopback LRS's origin ("http://127.0.0.1:PORT") once a launch started it."""
        return self._server.base if self._server is not None else None

    def close(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None
