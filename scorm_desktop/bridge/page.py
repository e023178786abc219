"""The player's web page: content console output goes to the log, and only the course's own origin may load."""

from __future__ import annotations

import logging

from typing import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

from .scheme import SCHEME

log = logging.getLogger("scorm_desktop.content")

_LEVELS = {
    QWebEnginePage.JavaScriptConsoleMessageLevel.InfoMessageLevel: ("info", logging.INFO),
    QWebEnginePage.JavaScriptConsoleMessageLevel.WarningMessageLevel: ("warning", logging.WARNING),
    QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel: ("error", logging.ERROR),
}
_INNOCUOUS_SCHEMES = {"about", "data", "blob", "javascript"}


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

    #: True offscreen (headless play, tests): dialogs are logged and answered instead of waiting for a person.
    unattended = False

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

    @property
    def host(self) -> str:
        return self._host

    def createWindow(self, _type) -> QWebEnginePage | None:  # noqa: N802 (Qt's name)
        """Content that opens its SCO in a new window (it then finds the API through window.opener)."""
        if self.popup_factory is None:
            log.warning("[%s] refused to open a new window", self.context)
            return None
        return self.popup_factory(self)

    def javaScriptConsoleMessage(self, level, message, line, source) -> None:  # noqa: N802 (Qt's name)
        name, py_level = _LEVELS.get(level, ("info", logging.INFO))
        log.log(py_level, "[%s] %s (%s:%s)", self.context, message, source, line)
        self.consoleMessage.emit(name, message, source, line)

    def acceptNavigationRequest(self, url: QUrl, nav_type, is_main_frame: bool) -> bool:  # noqa: N802
        scheme = url.scheme().lower()
        if scheme == SCHEME and url.host().lower() == self._host:
            return True
        if scheme in _INNOCUOUS_SCHEMES and not is_main_frame:
            return True
        if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked and scheme in ("http", "https", "mailto"):
            # A link the learner clicked to the outside world opens in their browser, never inside the player.
            QDesktopServices.openUrl(url)
            return False
        log.warning("[%s] blocked navigation to %s", self.context, url.toString())
        return False
