"""The player: opens a course's items in a web view, streams the run-time's accepted calls to SQLite, and ends each
session exactly once — at Terminate, when the learner closes the player, or when the content's page goes away.

Used by the player window and by `scorm-desktop play --headless`; it holds no widget of its own besides the view it
is given.
"""

from __future__ import annotations

import json
import logging
from typing import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView

from .. import apilog
from .. import launch as launching
from ..bridge.channel import ScormBridge
from ..bridge.page import PlayerPage
from ..bridge.scheme import content_url, host_for, player_url
from ..launch import Launch
from ..services import Services
from .webenv import WebEnv, delete_now

log = logging.getLogger(__name__)

#: How long closing waits for a hung page to hand over its last values before ending the session without them.
DRAIN_TIMEOUT_MS = 3000


class Player(QObject):
    #: (level, text, source, line) of every console message of the player page and the content.
    consoleMessage = Signal(str, str, str, int)
    #: A launch is under way (the content is loading).
    itemStarted = Signal(object)
    #: A session ended: (launch, reason).
    sessionEnded = Signal(object, str)
    #: No item is left to play: the reason ("finished", "suspended", "closed", ...).
    courseEnded = Signal(str)
    #: A launch could not start: a sentence for the user.
    failed = Signal(str)
    #: Entries of the API log (every call with arguments, result, error code and time).
    apiLogged = Signal(list)

    def __init__(
        self,
        services: Services,
        env: WebEnv,
        view: QWebEngineView,
        learner: str | None = None,
        mode: str | None = None,
        parent: QObject | None = None,
        unattended: bool = False,
        preview: bool = False,
    ) -> None:
        super().__init__(parent)
        #: Trainer preview: browse mode under the preview learner, never synced.
        self.preview = preview
        #: Headless: the content's alert/confirm/prompt dialogs are answered, not shown.
        self.unattended = unattended
        self.services = services
        self.env = env
        self.worker = env.worker
        self.handler = env.handler
        self.view = view
        #: The web profile of the learner being played (set at each launch).
        self.profile: QWebEngineProfile | None = None
        self.learner = learner
        self.mode = mode
        self.current: Launch | None = None
        self._page: PlayerPage | None = None
        self._bridge: ScormBridge | None = None
        self._channel: QWebChannel | None = None
        self._last_seq = 0
        self._closing = False
        self._popups: list[QWebEngineView] = []

    # -- opening -------------------------------------------------------------------------------------------------
    def open(self, course_id: int, item_identifier: str | None = None) -> None:
        """Prepare the launch on the worker (database), then load it on the UI thread."""
        s = self.services
        self.worker.submit(
            launching.prepare,
            s.library,
            s.records,
            course_id,
            self.learner,
            item_identifier,
            self.mode,
            self.preview,
            on_done=self._start,
            on_error=lambda exc: self.failed.emit(str(exc)),
        )

    def _start(self, launch: Launch) -> None:
        self._teardown_page()
        self.current = launch
        self._last_seq = 0
        self._closing = False
        course = launch.course
        self.profile = self.env.profile_for(launch.learner.uid)
        self.handler.set_course_root(course.id, course.folder)
        payload = launch.payload(self.services.settings.runtime)
        payload["contentUrl"] = content_url(course.id, launch.url)
        page = PlayerPage(self.profile, host_for(course.id), f"course {course.id} / {launch.item.identifier}", self)
        page.unattended = self.unattended
        bridge = ScormBridge(payload, page)
        channel = QWebChannel(page)
        channel.registerObject("scorm", bridge)
        page.setWebChannel(channel)
        bridge.eventsReceived.connect(self._on_events)
        bridge.apiLogged.connect(self._on_api_log)
        page.consoleMessage.connect(self.consoleMessage)
        page.popup_factory = self._open_popup
        page.windowCloseRequested.connect(lambda: self.close("content closed"))
        page.renderProcessTerminated.connect(self._on_render_gone)
        self._page, self._bridge, self._channel = page, bridge, channel
        self.view.setPage(page)
        page.load(player_url(course.id))
        self.itemStarted.emit(launch)

    def _open_popup(self, opener: PlayerPage) -> PlayerPage:
        """A window the content opened: same profile, same origin rules; it finds the API through window.opener."""
        popup = PlayerPage(self.profile, opener.host, opener.context + " (window)", self)
        popup.consoleMessage.connect(self.consoleMessage)
        popup.popup_factory = self._open_popup
        popup.unattended = self.unattended
        view = QWebEngineView()
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        view.setPage(popup)
        view.resize(1000, 760)
        if self.current is not None:
            view.setWindowTitle(self.current.course.title)
        popup.windowCloseRequested.connect(view.close)
        view.destroyed.connect(lambda *_: self._popups.remove(view) if view in self._popups else None)
        self._popups.append(view)
        view.show()
        return popup

    def _on_api_log(self, entries: list) -> None:
        launch = self.current
        if launch is None:
            return
        self.apiLogged.emit(entries)
        path = apilog.session_log_path(self.services.paths.logs, launch.record.session_id)
        self.worker.submit(apilog.append, path, entries)

    # -- the event stream ----------------------------------------------------------------------------------------
    def _on_events(self, batch: list[dict]) -> None:
        launch = self.current
        if launch is None or launch.finished:
            return
        fresh = [ev for ev in sorted(batch, key=lambda e: e.get("seq", 0)) if ev.get("seq", 0) > self._last_seq]
        if not fresh:
            return
        self._last_seq = fresh[-1].get("seq", self._last_seq)
        self.worker.submit(self.services.records.apply_events, launch.record.session_id, fresh)
        if any(ev["op"] == "terminate" for ev in fresh) and not launch.terminated:
            launch.terminated = True
            self.worker.submit(
                launching.finish, self.services.records, launch, "terminated",
                on_done=lambda values: self._after_terminate(launch, values),
            )

    def _after_terminate(self, launch: Launch, values: dict[str, str]) -> None:
        self.sessionEnded.emit(launch, "terminated")
        if launch is not self.current or self._closing:
            return
        nxt = self._next_after(launch, values)
        if nxt is None:
            self.courseEnded.emit("suspended" if _exit_value(launch, values) == "suspend" else "finished")
            return
        # Give the content's own unload handlers a moment before its page is replaced.
        QTimer.singleShot(200, lambda: self.open(launch.course.id, nxt))

    @staticmethod
    def _next_after(launch: Launch, values: dict[str, str]) -> str | None:
        """Simple flow until sequencing drives navigation: after an item ends, the next one unless suspended."""
        nav = values.get("adl.nav.request", "")
        if _exit_value(launch, values) == "suspend" or nav in ("exitAll", "suspendAll", "abandonAll", "exit"):
            return None
        nxt = launching.next_item(launch.course, launch.item)
        return nxt.identifier if nxt is not None else None

    def _on_render_gone(self, status, code) -> None:
        if status == QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus:
            return
        log.error("the content's page process ended (%s, code %s)", status, code)
        self.close("content crashed")

    # -- closing -------------------------------------------------------------------------------------------------
    def close(self, reason: str = "closed", then: Callable[[], None] | None = None) -> None:
        """End the current session on the learner's behalf: take whatever the page still holds, then finish it."""
        launch = self.current
        done = then or (lambda: None)
        if launch is None or launch.finished or launch.terminated:
            self.worker.submit(lambda: None, on_done=lambda _: (self._teardown_page(), done()))
            return
        if self._closing:
            return
        self._closing = True
        page = self._page
        finished = {"flag": False}

        def finish_with(batch_json: object) -> None:
            if finished["flag"]:
                return
            finished["flag"] = True
            try:
                batch = json.loads(batch_json) if isinstance(batch_json, str) else []
            except ValueError:
                batch = []
            if batch:
                self._on_events([ev for ev in batch if ev.get("op") != "terminate"])
            self.worker.submit(
                launching.finish, self.services.records, launch, reason,
                on_done=lambda _c: self._closed(launch, reason, done),
                on_error=lambda _e: self._closed(launch, reason, done),
            )

        if page is not None:
            page.runJavaScript("window.SD ? window.SD.drain() : '[]'", 0, finish_with)
        QTimer.singleShot(DRAIN_TIMEOUT_MS if page is not None else 0, lambda: finish_with("[]"))

    def _closed(self, launch: Launch, reason: str, done: Callable[[], None]) -> None:
        self.sessionEnded.emit(launch, reason)
        self._teardown_page()
        self.courseEnded.emit(reason)
        done()

    def _close_popups(self) -> None:
        for view in list(self._popups):
            popup = view.page()
            delete_now(view)
            if popup is not None:
                delete_now(popup)
        self._popups.clear()

    def _teardown_page(self, now: bool = False) -> None:
        """Let go of the current page (and the windows it opened); `now` deletes it at once instead of later."""
        self._close_popups()
        page, self._page = self._page, None
        self._bridge = self._channel = None
        if page is None:
            return
        for signal in (page.consoleMessage, page.renderProcessTerminated, page.windowCloseRequested):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):
                pass
        if now:
            delete_now(page)
        else:
            page.deleteLater()

    def dispose(self) -> None:
        """Delete the page now (before the profile goes): Chromium wants pages gone before their profile."""
        self._teardown_page(now=True)

def _exit_value(launch: Launch, values: dict[str, str]) -> str:
    return values.get("cmi.core.exit" if launch.version == "1.2" else "cmi.exit", "")
