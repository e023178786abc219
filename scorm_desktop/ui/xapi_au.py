"""One cmi5 AU (or Tin Can course) launch in a player window's web view.

`start()` records the launch on the Worker (cmi5/service.py: the dispatched course's licence, LMS.LaunchData with
this launch's returnURL, "launched"), and only then loads the AU's page from the same `course://` scheme and learner
profile as SCORM content. The AU's navigation to its returnURL is intercepted (`returned`): the page never leaves.
`end()` stops the page (its unload handlers may still send "terminated"), then ends the session ("abandoned" unless
it terminated), withdraws the course's access to the loopback LRS and releases the course's files.
"""

from __future__ import annotations

import logging
from typing import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWebEngineWidgets import QWebEngineView

from ..bridge.page import PlayerPage
from ..bridge.scheme import content_url, host_for
from ..cmi5.service import XapiLaunch, XapiPlayerService
from ..package.descriptor import STANDARD_XAPI
from .webenv import WebEnv

log = logging.getLogger(__name__)

#: How long a closing AU's page may take to unload (its last statements) before the session is ended anyway.
UNLOAD_SECONDS = 5.0


def _address(url: QUrl | str) -> str:
    """The URL without its query and fragment, for comparing addresses."""
    parts = urlsplit(url.toString() if isinstance(url, QUrl) else url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path}"


def _origin(url: QUrl | str) -> str:
    parts = urlsplit(url.toString() if isinstance(url, QUrl) else url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class AuPage(PlayerPage):
    """The AU's page: the player page's rules (its own course origin only, outside links after the learner confirms),
    plus the AU's returnURL, which is answered here by `returned` and never loaded, and, for Tin Can content that the
    loopback server serves, that server's pages."""

    returned = Signal()

    def __init__(self, profile, host: str, context: str, parent=None) -> None:
        super().__init__(profile, host, context, parent)
        self.return_url: str | None = None
        #: The origin of Tin Can content served by the loopback LRS ("http://127.0.0.1:PORT"), else None.
        self.served_origin: str | None = None
        #: Set while the AU is being closed: the page may then go to about:blank.
        self.closing = False

    def acceptNavigationRequest(self, url: QUrl, nav_type, is_main_frame: bool) -> bool:  # noqa: N802 (Qt's name)
        if self.return_url and _address(url) == _address(self.return_url):
            log.info("[%s] the AU went to its returnURL", self.context)
            QTimer.singleShot(0, self, self.returned.emit)  # acted on after Chromium's callback returns
            return False
        if self.closing and url.toString() == "about:blank":
            return True
        if self.served_origin and _origin(url) == _origin(self.served_origin):
            return True
        return super().acceptNavigationRequest(url, nav_type, is_main_frame)


class XapiAu(QObject):
    #: The launch is recorded and the AU's page is loading.
    started = Signal(object)
    #: The AU sent "terminated" (stored by the LRS).
    terminated = Signal()
    #: The AU navigated to its returnURL: the learner goes back to the library.
    returned = Signal()
    #: The launch was refused or failed (one sentence).
    failed = Signal(str)
    #: The session ended, with its final state ("terminated", "abandoned", "ended" for Tin Can).
    ended = Signal(str)
    _terminated_elsewhere = Signal(str)

    def __init__(self, player: XapiPlayerService, env: WebEnv, view: QWebEngineView, profile, parent=None,
                 unattended: bool = False, previous: "XapiAu | None" = None) -> None:
        """`profile`: the learner's web profile (WebEnv.profile_for) the AU's page is made in; `previous`: the AU
        played before in this view, whose page this one's replaces."""
        super().__init__(parent)
        self.player = player
        self.env = env
        self.view = view
        self.profile = profile
        self._previous = previous
        self.unattended = unattended
        self.launch: XapiLaunch | None = None
        self.page: AuPage | None = None
        self.course = None
        self._host: str | None = None
        self._listening = False
        self._ending = False
        #: What to call with the final state once the session has ended (every `end()` caller's `then`).
        self._then: list[Callable[[str], None]] = []
        self._final: str | None = None
        #: The launch is being recorded on the Worker.
        self._recording = False
        self._terminated_elsewhere.connect(self._on_terminated)

    # -- starting ------------------------------------------------------------------------------------------------
    def start(self, course, learner, item_identifier: str | None, mode: str = "Normal", preview: bool = False) -> None:
        """Record the launch on the Worker, then load the AU (or emit `failed`)."""
        self.course = course
        self._host = host_for(course.id)
        self.env.handler.set_course_root(course.id, course.folder, owner=self,
                                         allow_network=bool(getattr(course, "allow_network", False)))
        origin = f"course://{self._host}"

        def launch() -> XapiLaunch:
            return_url = self.player.return_url() if course.standard != STANDARD_XAPI else None
            return self.player.launch(course, learner, item_identifier, lambda rel: content_url(course.id, rel),
                                      origin, mode=mode, preview=preview, return_url=return_url)

        self._recording = True
        self.env.worker.submit(launch, on_done=self._launched, on_error=self._launch_failed)

    def _launch_failed(self, exc: BaseException) -> None:
        self._recording = False
        self.env.handler.release(self)
        if self._ending:  # closed while the launch was being recorded, and it failed: nothing to end
            self._done("none")
            return
        self.failed.emit(str(exc) if isinstance(exc, ValueError) else f"{type(exc).__name__}: {exc}")

    def _launched(self, launch: XapiLaunch) -> None:
        self._recording = False
        self.launch = launch
        if self._ending:  # closed before the page could load: the launch ends at once
            self._end_session()
            return
        # The local LRS is the app's own: this course reaches it whatever its internet setting, until the AU ends.
        self.env.policy.allow_service(self.player.origin, self._host)
        if self.player.lms is not None:
            self.player.lms.listeners.append(self._listener)
            self._listening = True
        page = AuPage(self.profile, self._host, f"course {self.course.id} / {launch.key[:8]}", self.view)
        page.unattended = self.unattended
        page.return_url = launch.return_url
        if launch.standard == STANDARD_XAPI:
            page.served_origin = self.player.origin
        page.returned.connect(self.returned)
        self.page = page
        self.view.setPage(page)
        if self._previous is not None and self._previous.page is not None:  # the AU played before in this view
            self._previous.page.deleteLater()
            self._previous.page = None
        self._previous = None
        self.view.load(QUrl(launch.url))
        self.started.emit(launch)

    def _listener(self, session_id: str, _state: str) -> None:
        """From the LRS's thread: hand "terminated" of this launch to the UI thread."""
        self._terminated_elsewhere.emit(session_id)

    def _on_terminated(self, session_id: str) -> None:
        if self.launch is not None and session_id == self.launch.key:
            self.terminated.emit()

    # -- ending --------------------------------------------------------------------------------------------------
    def end(self, then: Callable[[str], None] | None = None) -> None:
        """Unload the AU's page, then end its session on the Worker; `then(final state)` on the UI thread (at once
        when it has ended already; every caller's `then` is called once)."""
        if then is not None:
            if self._final is not None:
                then(self._final)
                return
            self._then.append(then)
        if self._ending:
            return
        self._ending = True
        if self.launch is None:
            if not self._recording:  # refused or failed: nothing was recorded
                self._done("none")
            return  # else still being recorded on the Worker: ended as soon as it is (`_launched`)
        page = self.page
        timer = QTimer(self)
        timer.setSingleShot(True)
        state = {"went": False}

        def unloaded(*_args) -> None:
            if state["went"]:
                return
            state["went"] = True
            timer.stop()
            self._end_session()

        timer.timeout.connect(unloaded)
        if page is not None:
            page.closing = True
            page.loadFinished.connect(unloaded)
            timer.start(int(UNLOAD_SECONDS * 1000))
            page.load(QUrl("about:blank"))
        else:
            unloaded()

    def _end_session(self) -> None:
        self.env.worker.submit(self.player.end, self.launch, on_done=self._done,
                               on_error=lambda exc: self._done(f"error: {exc}"))

    def _done(self, final: str) -> None:
        if self._listening and self.player.lms is not None:
            try:
                self.player.lms.listeners.remove(self._listener)
            except ValueError:
                pass
            self._listening = False
        if self.launch is not None and self.player.origin is not None:
            self.env.policy.withdraw_service(self.player.origin, self._host)
        self.env.handler.release(self)
        log.info("AU session %s ended: %s", self.launch.key if self.launch else "-", final)
        self._final = final
        self.ended.emit(final)
        callbacks, self._then = self._then, []
        for then in callbacks:
            then(final)

    @property
    def running(self) -> bool:
        return self.launch is not None and not self._ending
