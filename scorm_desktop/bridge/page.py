"""The player's web page: content console output goes to the log, only the course's own origin may load in it, and
an outside address opens in the system's browser only from a real click of the learner, after they confirmed it."""

from __future__ import annotations

import logging
import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEngineNewWindowRequest, QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView

from .policy import EXTERNAL_SCHEMES, NETWORK_SCHEMES, SCHEME, ContentPolicy

log = logging.getLogger("scorm_desktop.content")

_LEVELS = {
    QWebEnginePage.JavaScriptConsoleMessageLevel.InfoMessageLevel: ("info", logging.INFO),
    QWebEnginePage.JavaScriptConsoleMessageLevel.WarningMessageLevel: ("warning", logging.WARNING),
    QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel: ("error", logging.ERROR),
}
_INNOCUOUS_SCHEMES = {"about", "data", "blob", "javascript"}
#: How long after the learner's click or key press a link may still count as theirs (a scripted click does not).
USER_GESTURE_SECONDS = 1.5


class _UserInput(QObject):
    """Remembers when the learner last clicked, tapped or pressed Enter/Space in a course's web view. Content cannot
    make such events (its scripted clicks never reach Qt), so a link that follows none is not the learner's.

    Installed on each player view's input widget (an application-wide Python event filter crashes QtWebEngine)."""

    _KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space}

    def __init__(self) -> None:
        super().__init__()
        self.last = float("-inf")
        self._where: int | None = None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd) or (
            kind == QEvent.Type.KeyPress and event.key() in self._KEYS
        ):
            self.last = time.monotonic()
            self._where = id(obj)
        return False

    def recent(self, widget: QObject | None) -> bool:
        """The learner acted in `widget` (a view's input widget) just now."""
        return widget is not None and self._where == id(widget) and (
            time.monotonic() - self.last <= USER_GESTURE_SECONDS)


_user_input: _UserInput | None = None


def user_input() -> _UserInput:
    """The one tracker of the learner's clicks, shared by every player view."""
    global _user_input
    if _user_input is None:
        _user_input = _UserInput()
    return _user_input


class PlayerPage(QWebEnginePage):
    """`consoleMessage(level, text, source, line)` carries every console line of the player and the content."""

    consoleMessage = Signal(str, str, str, int)

    def __init__(self, profile: QWebEngineProfile, host: str, context: str, parent=None) -> None:
        super().__init__(profile, parent)
        self._host = host
        #: "course 3 / item_1" — logged with every content message.
        self.context = context
        #: Makes the page for a window the content opens (window.open); None refuses popups.
        self.popup_factory: Callable[["PlayerPage"], "PlayerPage | None"] | None = None
        self._asking = False
        self.loadStarted.connect(self._watch_input)
        self.loadFinished.connect(self._watch_input)
        # Windows are created in `_new_window`, which knows the address and whether the learner asked for it.
        self.newWindowRequested.connect(self._new_window)

    #: True offscreen (headless play, tests): dialogs are logged and answered instead of waiting for a person.
    unattended = False

    @property
    def policy(self) -> ContentPolicy | None:
        """The policy of the profile's course scheme handler (what the content may reach; how links open)."""
        handler = self.profile().urlSchemeHandler(SCHEME.encode())
        return getattr(handler, "policy", None)

    def javaScriptAlert(self, origin, message: str) -> None:  # noqa: N802 (Qt's name)
        log.warning("[%s] alert: %s", self.context, message)
        self.consoleMessage.emit("alert", message, origin.toString() if hasattr(origin, "toString") else "", 0)
        if not self.unattended:
            super().javaScriptAlert(origin, message)

    def javaScriptConfirm(self, origin, message: str) -> bool:  # noqa: N802 (Qt's name)
        log.info("[%s] confirm: %s", self.context, message)
        self.consoleMessage.emit("confirm", message, origin.toString() if hasattr(origin, "toString") else "", 0)
        if self.unattended:
            return True  # e.g. "Resume where you left off?": yes
        return super().javaScriptConfirm(origin, message)

    def javaScriptPrompt(self, origin, message: str, default: str):  # noqa: N802 (Qt's name)
        self.consoleMessage.emit("prompt", message, origin.toString() if hasattr(origin, "toString") else "", 0)
        if self.unattended:
            return True, default
        return super().javaScriptPrompt(origin, message, default)

    def _input_widget(self) -> QObject | None:
        """The widget of the view showing this page that receives the learner's clicks (once it shows a page)."""
        view = QWebEngineView.forPage(self)
        return view.focusProxy() if view is not None else None

    def _watch_input(self, *_args) -> None:
        """Watch the learner's clicks in this page's view (installing the same filter again changes nothing)."""
        target = self._input_widget()
        if target is not None:
            target.installEventFilter(user_input())

    @property
    def host(self) -> str:
        return self._host

    def createWindow(self, _type) -> QWebEnginePage | None:  # noqa: N802 (Qt's name)
        """None: the request then comes to `_new_window` with its address and whether the learner made it."""
        return None

    def _new_window(self, request: QWebEngineNewWindowRequest) -> None:
        """Content that opens its SCO in a new window (it then finds the API through window.opener) gets a player
        window on its own origin; an outside address goes to `open_external`; anything else is refused."""
        url = request.requestedUrl()
        scheme = url.scheme().lower()
        if not url.isValid() or url.isEmpty() or scheme == "about" or (
                scheme == SCHEME and url.host().lower() == self._host):
            if self.popup_factory is None:
                log.warning("[%s] refused to open a new window", self.context)
                return
            popup = self.popup_factory(self)
            if popup is not None:
                request.openIn(popup)
            return
        if scheme in EXTERNAL_SCHEMES:
            self._external_link(url, request.isUserInitiated())
            return
        log.warning("[%s] refused to open a window on %s", self.context, url.toString())

    def javaScriptConsoleMessage(self, level, message, line, source) -> None:  # noqa: N802 (Qt's name)
        name, py_level = _LEVELS.get(level, ("info", logging.INFO))
        log.log(py_level, "[%s] %s (%s:%s)", self.context, message, source, line)
        self.consoleMessage.emit(name, message, source, line)

    def acceptNavigationRequest(self, url: QUrl, nav_type, is_main_frame: bool) -> bool:  # noqa: N802
        scheme = url.scheme().lower()
        if scheme == SCHEME and url.host().lower() == self._host:
            return True
        if scheme in _INNOCUOUS_SCHEMES and not is_main_frame:
            # data:/blob: frames only for a course allowed online (ContentPolicy.frame_refusal): the interceptor does
            # not see a blob: frame's navigation.
            policy = self.policy
            refusal = policy.frame_refusal(scheme, "", f"{SCHEME}://{self._host}") if policy is not None else None
            if refusal is None:
                return True
            log.warning("[%s] blocked %s", self.context, refusal)
            return False
        if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked and scheme in EXTERNAL_SCHEMES:
            # A link to the outside world opens in the learner's browser (if they confirm), never inside the player.
            self._external_link(url, True)
            return False
        policy = self.policy
        if not is_main_frame and scheme in NETWORK_SCHEMES and policy is not None and policy.allows_network(self._host):
            return True  # e.g. an embedded web video, in a course allowed to reach the internet
        log.warning("[%s] blocked navigation to %s", self.context, url.toString())
        return False

    # -- outside addresses --------------------------------------------------------------------------------------
    def _external_link(self, url: QUrl, user_initiated: bool) -> None:
        """Open `url` in the system's browser only when the learner really clicked (just now, in this page's view,
        and the engine agrees), never unattended, and only after they confirmed the address; one question at a time."""
        address = url.toString()
        if self.unattended:
            log.warning("[%s] not opening %s: nobody is there to confirm it", self.context, address)
            return
        if not (user_initiated and user_input().recent(self._input_widget())):
            log.warning("[%s] not opening %s: the learner did not click it", self.context, address)
            return
        policy = self.policy
        if policy is None or policy.confirm_external is None or policy.open_external is None or self._asking:
            log.warning("[%s] not opening %s", self.context, address)
            return
        self._asking = True
        # Asked after the engine's call returns: a dialog must not run inside Chromium's navigation callback.
        QTimer.singleShot(0, self, lambda: self._confirm_and_open(policy, address))

    def _confirm_and_open(self, policy: ContentPolicy, address: str) -> None:
        try:
            parent = QWebEngineView.forPage(self)  # the dialog sits over the course's window
            if policy.confirm_external is not None and policy.confirm_external(address, parent):
                log.info("[%s] opening %s in the system's browser", self.context, address)
                if policy.open_external is not None:
                    policy.open_external(address)
            else:
                log.info("[%s] the learner did not open %s", self.context, address)
        finally:
            self._asking = False
