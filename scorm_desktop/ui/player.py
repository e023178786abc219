"""The player: opens a course's items in a web view, streams the run-time's accepted calls to SQLite, and ends each
session exactly once — at Terminate, when the learner closes the player, or when the content's page goes away.

Which item comes next is decided by `navigation.Navigator` (the SCORM 2004 sequencer, or 1.2 prerequisites), always on
the worker thread: after each Terminate (the content's adl.nav.request, or flow when `auto_continue`), and on the
learner's buttons and table-of-contents choices (`navigate`).

Used by the player window and by `scorm-desktop play --headless`; it holds no widget besides the view it is given.
"""

from __future__ import annotations

import json
import logging
from typing import Callable

from PySide6.QtCore import QMetaMethod, QObject, Qt, QTimer, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
from shiboken6 import isValid

from .. import launch as launching
from ..bridge.channel import ScormBridge, install
from ..bridge.page import PlayerPage
from ..bridge.scheme import content_url, host_for, player_url
from ..launch import Launch
from ..navigation import NavStep, Navigator
from ..services import Services
from ..storage.sequencing_store import SequencingStore
from ..storage.writes import OrderedWrites
from .player_writes import PlayerWrites
from .tasks import UiRelay
from .webenv import WebEnv, delete_now

log = logging.getLogger(__name__)

#: How long closing waits for a hung page to hand over its last values before ending the session without them.
DRAIN_TIMEOUT_MS = 3000


class Player(PlayerWrites, QObject):
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
    #: A sentence for the learner while values cannot be written (disk full); "" once all is saved again.
    storageProblem = Signal(str)
    #: Entries of the API log (every call with arguments, result, error code and time).
    apiLogged = Signal(list)
    #: The navigation state changed: `Navigator.ui_state()` (buttons, table of contents, progress, course status).
    navChanged = Signal(dict)
    #: A sentence about navigation for the learner (a refused request, nothing more to open, ...).
    navMessage = Signal(str)
    #: No item runs and the course waits for the learner's choice: the sentence to show.
    waiting = Signal(str)

    def __init__(
        self,
        services: Services,
        env: WebEnv,
        view: QWebEngineView | None,
        learner: str | None = None,
        mode: str | None = None,
        parent: QObject | None = None,
        unattended: bool = False,
        preview: bool = False,
        auto_continue: bool | None = None,
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
        #: The view the player's pages show in; may be given after `open` (before the event loop runs again), so
        #: that the worker's start overlaps Chromium's (see ui/headless.py).
        self.view = view
        #: The web profile of the learner being played (set at each launch).
        self.profile: QWebEngineProfile | None = None
        self.learner = learner
        self.mode = mode
        self.current: Launch | None = None
        self._page: PlayerPage | None = None
        self._bridge: ScormBridge | None = None
        self._channel: QWebChannel | None = None
        #: The course host the running page is served on (its durability waits are answered there).
        self._host: str | None = None
        self._closing = False
        self._awaiting_launch = False  # a step may still launch something (a preloaded page is wanted)
        self._popups: list[QWebEngineView] = []
        self._writes = OrderedWrites(services.records)
        self._api_logged_method = QMetaMethod.fromSignal(self.apiLogged)
        self._storage_failing = False
        #: After a SCO ends without a navigation request: Continue when valid (headless), instead of waiting.
        self.auto_continue = unattended if auto_continue is None else auto_continue
        self.store = SequencingStore(services.sessions)
        #: The course's navigation; used only on the worker thread.
        self.navigator: Navigator | None = None
        #: The last navigation state (for the window and tests).
        self.nav_state: dict = {}
        #: The course is over (courseEnded was emitted) or has not begun.
        self.course_over = True
        self._pending_request: tuple[str, str | None] | None = None
        #: (course id, learner uid) of a player page loaded before its launch was prepared (`_preload`).
        self._preloaded: tuple[int, str] | None = None
        #: Hands the worker's early news (the learner is known: `_preload`) to the UI thread mid-job.
        self._ui = UiRelay(self)
        #: How long the content's own unload handlers get before its page is replaced by the next SCO's.
        self.unload_grace_ms = 200

    # -- opening ---------------------------------------------------------------------------------------------------
    def open(self, course_id: int, item_identifier: str | None = None) -> None:
        """Start the course's navigation on the worker (database, sequencer), then launch what it delivers. Once the
        worker knows the learner, the player page loads (`_preload`) while the worker decides and prepares the launch;
        the page waits for its payload (`_start`)."""
        s = self.services
        self.course_over = False
        self._pending_request = None
        self._awaiting_launch = True  # until a step is decided that launches nothing (see `_preload`)

        def begin() -> tuple[Navigator, NavStep]:
            nav = Navigator(s.library, s.records, self.store, course_id, self.learner, self.mode, self.preview)
            self._ui.post(lambda: self._preload(nav.course, nav.learner.uid))
            return nav, nav.begin(item_identifier)

        def begun(result: tuple[Navigator, NavStep]) -> None:
            if not isValid(self):
                return
            self.navigator = result[0]
            self._on_step(result[1])

        self.worker.submit(begin, on_done=begun, on_error=lambda exc: self._fail(str(exc)))

    def _fail(self, message: str) -> None:
        self._drop_preloaded()
        self.course_over = True
        self.failed.emit(message)

    def _on_step(self, step: NavStep) -> None:
        """Act on a navigation decision: launch the item, end the course, or wait for the learner."""
        if not isValid(self):  # the window went away while the worker decided
            return
        if step.ui:
            self.nav_state = step.ui
            self.navChanged.emit(step.ui)
        if step.message and not (step.prompt and self.auto_continue):
            self.navMessage.emit(step.message)
        if step.deliver is not None:
            self._launch_item(step)
            return
        self._awaiting_launch = False
        self._drop_preloaded()  # nothing is launched now: no page waits for a payload
        if step.ended:
            self._end_course(step.reason)
        elif self.auto_continue:
            # Nothing is deliverable without a learner's choice: nobody is there to choose.
            def ended(st: NavStep) -> None:
                self.navMessage.emit({
                    "suspended": self.tr("Nothing more can be played without a learner's choice; the course is "
                                         "suspended."),
                    "closed": self.tr("Nothing more can be played without a learner's choice; the course is closed."),
                }.get(st.reason) or self.tr("Nothing more can be played without a learner's choice; the course is "
                                            "finished."))
                self._end_course(st.reason, st.ui)

            self._submit_nav(lambda nav: nav.close(), ended)
        else:
            self.waiting.emit(step.message)

    def _launch_item(self, step: NavStep) -> None:
        s = self.services
        nav = self.navigator
        assert nav is not None
        if self.course_over:  # closed while the step was on its way (the unload grace): nothing more starts
            return

        def prepare() -> Launch:
            launch = launching.prepare(
                s.library, s.records, nav.course.id, self.learner, step.deliver, nav.launch_mode, self.preview,
                sequenced=nav.sequenced, nav_valid=step.nav_valid, objectives=step.objectives,
            )
            nav.started(launch.item.identifier)
            return launch

        self.worker.submit(prepare, on_done=self._start, on_error=lambda exc: self._fail(str(exc)))

    def _submit_nav(self, fn: Callable[[Navigator], NavStep], then: Callable[[NavStep], None] | None = None) -> None:
        nav = self.navigator
        if nav is None:
            return
        self.worker.submit(fn, nav, on_done=then or self._on_step, on_error=lambda exc: self._fail(str(exc)))

    def _end_course(self, reason: str, ui: dict | None = None) -> None:
        if not isValid(self):
            return
        if ui:
            self.nav_state = ui
            self.navChanged.emit(ui)
        if self.course_over:
            return
        self.course_over = True
        self.courseEnded.emit(reason)

    # -- the learner's navigation ----------------------------------------------------------------------------------
    def navigate(self, request: str, target: str | None = None) -> None:
        """A button ("continue", "previous", "exit", "exitAll", "suspendAll", "abandon", "abandonAll") or a choice
        in the table of contents ("choice", item). A running SCO is unloaded first: its session ends (on its behalf
        when it does not terminate itself), its values are reported, then the request is processed."""
        launch = self.current
        if self.navigator is None or self.course_over:
            return
        refusal = self._refusal(request, target)
        if refusal:
            self.navMessage.emit(refusal)  # nothing is unloaded for a request the course does not allow
            return
        if launch is not None and not launch.finished and not launch.terminated and not self._closing:
            self._end_running("navigated", lambda values: self._submit_nav(
                lambda nav: nav.after_session(launch.item.identifier, values, request, target)))
            return
        if launch is not None and launch.terminated and not launch.finished:
            self._pending_request = (request, target)  # Terminate is being processed: act once it is
            return
        self._submit_nav(lambda nav: nav.request(request, target))

    def _start(self, launch: Launch) -> None:
        self._awaiting_launch = False
        if self._closing:
            # Closed while the worker prepared this launch: nothing runs, and its session ends now (not at next start).
            self.worker.submit(launching.finish, self.services.records, launch, "closed")
            return
        course = launch.course
        if self._preloaded != (course.id, launch.learner.uid):
            self._teardown_page()
            self._new_page(course, launch.learner.uid)
        self._preloaded = None
        self.current = launch
        self._closing = False
        page, bridge = self._page, self._bridge
        assert page is not None and bridge is not None
        page.context = f"course {course.id} / {launch.item.identifier}"
        payload = launch.payload(self.services.settings.runtime)
        payload["contentUrl"] = content_url(course.id, launch.url)
        self._writes.open(launch.record.session_id, launch.version, payload["values"], payload["options"])
        bridge.set_payload(payload)  # the page loads the SCO once it has this
        self.itemStarted.emit(launch)

    def _preload(self, course, learner_uid: str) -> None:
        """Load the player page for the course's first launch before the launch is prepared (see `open`). Posted by
        the worker before it decides; a decision that launches nothing can reach the UI thread first: then no page."""
        if (not self._awaiting_launch or self.course_over or self._page is not None or self.current is not None
                or self.view is None):
            return
        self._new_page(course, learner_uid)
        self._preloaded = (course.id, learner_uid)

    def _drop_preloaded(self) -> None:
        """A preloaded page that no launch took (nothing delivered, or the launch failed) goes."""
        if self._preloaded is not None:
            self._preloaded = None
            self._teardown_page()

    def _new_page(self, course, learner_uid: str) -> None:
        """The player page for a course, in the learner's profile, loading; its bridge waits for the payload."""
        self.profile = self.env.profile_for(learner_uid)
        self.handler.set_course_root(course.id, course.folder, owner=self, allow_network=course.allow_network)
        self._host, self._durable_sent = host_for(course.id), 0
        self.handler.durable.reset(self._host)  # the new page numbers its batches from 1
        page = PlayerPage(self.profile, self._host, f"course {course.id}", self)
        page.unattended = self.unattended
        bridge = ScormBridge(None, page)
        channel = install(page, bridge)
        bridge.eventsReceived.connect(self._on_batch)
        bridge.apiLogged.connect(self._on_api_log)
        page.consoleMessage.connect(self.consoleMessage)
        page.popup_factory = self._open_popup
        page.windowCloseRequested.connect(self._on_content_closed)
        page.renderProcessTerminated.connect(self._on_render_gone)
        self._page, self._bridge, self._channel = page, bridge, channel
        assert self.view is not None, "give the player its view before the event loop runs"
        self.view.setPage(page)
        page.load(player_url(course.id))

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

    def _refresh_nav_valid(self, launch: Launch) -> None:
        """After a batch is stored (the worker keeps the order): the sequencer's answers with the SCO's values so far
        go to the page (adl.nav.request_valid.*), and the buttons and contents follow the same set."""
        nav = self.navigator
        if nav is None or not nav.sequenced:
            return
        if getattr(self, "_nav_refresh", None) is launch:  # one at a time: a later batch asks again when it is done
            self._nav_refresh_again = True
            return
        self._nav_refresh, self._nav_refresh_again = launch, False
        records, sid, item = self.services.records, launch.record.session_id, launch.item.identifier

        def done(result: tuple[dict, dict] | None) -> None:
            self._nav_refresh = None
            if self._nav_refresh_again and launch is self.current and not launch.terminated:
                self._refresh_nav_valid(launch)
            if result is None or launch is not self.current or launch.terminated or self._page is None:
                return
            valid, ui = result
            self._page.runJavaScript(f"window.SD && SD.setNavValid && SD.setNavValid({json.dumps(json.dumps(valid))})")
            self.nav_state = ui
            self.navChanged.emit(ui)

        self.worker.submit(lambda: nav.during_session(item, records.session_values(sid)), on_done=done,
                           on_error=lambda _exc: setattr(self, "_nav_refresh", None))

    def _refusal(self, request: str, target: str | None) -> str:
        """Why the last navigation state does not allow this request ("" when it does)."""
        state = self.nav_state
        if not state:
            return ""
        if request == "choice":
            entry = next((e for e in state.get("toc", []) if e["id"] == target), None)
            if entry is None:
                return f"“{target}” is not an item of this course."
            if not entry["enabled"]:
                return entry.get("tooltip") or f"“{entry['title']}” is not available now."
            return ""
        if not state.get("buttons", {}).get(request, False):
            return f"{request} is not available now."
        return ""

    def _after_terminate(self, launch: Launch, values: dict[str, str]) -> None:
        self.sessionEnded.emit(launch, "terminated")
        if launch is not self.current or self._closing:
            return
        request, target = self._pending_request or (None, None)
        self._pending_request = None
        auto = self.auto_continue

        def then(step: NavStep) -> None:
            if step.deliver is not None:
                # Give the content's own unload handlers a moment before its page is replaced.
                QTimer.singleShot(self.unload_grace_ms, lambda: self._on_step(step))
            else:
                self._on_step(step)

        self._submit_nav(lambda nav: nav.after_session(launch.item.identifier, values, request, target, auto), then)

    def _on_content_closed(self) -> None:
        """The content closed its window: after Terminate, navigation goes on; before it, the course closes."""
        launch = self.current
        if launch is not None and launch.terminated:
            return
        self.close("content closed")

    def _on_render_gone(self, status, code) -> None:
        if status == QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus:
            return
        log.error("the content's page process ended (%s, code %s)", status, code)
        self.close("content crashed")

    # -- closing -------------------------------------------------------------------------------------------------
    def close(self, reason: str = "closed", then: Callable[[], None] | None = None) -> None:
        """End the course on the learner's behalf: the running session gets whatever the page still holds and ends;
        the course's navigation is suspended (or exited when the course is complete), so the next launch resumes."""
        launch = self.current
        done = then or (lambda: None)
        if self._closing:
            return
        if launch is None or launch.finished or launch.terminated:
            self._closing = True

            def closed(step: NavStep | None) -> None:
                self._closing = False
                self._teardown_page()
                self._end_course(reason, step.ui if step is not None else None)
                done()

            if self.navigator is not None and not self.course_over:
                self.worker.submit(lambda: self.navigator.close(), on_done=closed, on_error=lambda _e: closed(None))
            else:
                self.worker.submit(lambda: None, on_done=closed)
            return
        self._end_running(reason, lambda values: self._close_navigation(launch, values, reason, done))

    def _close_navigation(self, launch: Launch, values: dict[str, str], reason: str, done: Callable[[], None]) -> None:
        nav = self.navigator

        def closed(step: NavStep | None) -> None:
            self._closed(launch, reason, done, step.ui if step is not None else None)

        if nav is None or self.course_over:
            closed(None)
            return

        def end() -> NavStep:
            nav.after_session(launch.item.identifier, values)  # report what the SCO set
            return nav.close()

        self.worker.submit(end, on_done=closed, on_error=lambda _e: closed(None))

    def _end_running(self, reason: str, then: Callable[[dict[str, str]], None]) -> None:
        """End the running session: the page stops accepting calls and sends whatever it still holds over the
        channel, then a "closed" marker; the session ends once that marker arrived (so every batch sent before it
        has too: one ordered channel) and every value is written, then `then(values)`. A page that does not answer
        within DRAIN_TIMEOUT_MS (hung) is ended with what arrived."""
        launch = self.current
        assert launch is not None
        self._closing = True
        page = self._page
        bridge = self._bridge
        finished = {"flag": False}

        def finish(*_args: object) -> None:
            if finished["flag"]:
                return
            finished["flag"] = True
            if bridge is not None:
                try:
                    bridge.drained.disconnect(finish)
                except (RuntimeError, TypeError):
                    pass

            def after(values: dict[str, str] | None) -> None:
                self.sessionEnded.emit(launch, reason)
                self._closing = False
                if reason == "navigated":
                    self._teardown_page()
                then(values or {})

            self._finish_when_saved(launch, reason, after)

        def answered(result: object) -> None:
            if result != "closing":  # no run-time in the page (not started, or replaced): nothing more will come
                finish()

        if page is not None and bridge is not None:
            bridge.drained.connect(finish)
            page.runJavaScript("window.SD && window.SD.close ? window.SD.close() : 'none'", 0, answered)
        QTimer.singleShot(DRAIN_TIMEOUT_MS if page is not None else 0, finish)

    def _closed(self, launch: Launch, reason: str, done: Callable[[], None], ui: dict | None = None) -> None:
        self._teardown_page()
        self._end_course(reason, ui)
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
        self._preloaded = None
        self.handler.release(self)  # no page of ours is left: the course is served no more (unless another has it)
        if self._host is not None:
            self.handler.durable.release(self._host)  # a wait the page still has held is answered
            self._host = None
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
