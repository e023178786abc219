"""The Qt objects every player shares: the scheme handler, the web profile and the background worker, torn down in
the order Chromium needs (views, then pages, then the profile)."""

from __future__ import annotations

import logging
from typing import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEngineProfile
from PySide6.QtWidgets import QMessageBox, QWidget

from ..bridge.profile import make_profile
from ..bridge.scheme import CourseSchemeHandler
from ..services import Services
from .tasks import Worker

log = logging.getLogger(__name__)


class WebEnv(QObject):
    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.worker = Worker(self)
        self.handler = CourseSchemeHandler(self)
        # The handler runs on the UI thread: its disk reads (the media plan) go to the one worker.
        self.handler.background = lambda fn, done: self.worker.submit(fn, on_done=done)
        #: What course content may reach, and how an outside link is opened (both replaceable, e.g. in tests).
        self.policy = self.handler.policy
        self.policy.open_external = open_in_browser
        self.policy.confirm_external = confirm_external_link
        self._profiles: dict[str, QWebEngineProfile] = {}

    def profile_for(self, learner_uid: str) -> QWebEngineProfile:
        """The learner's own web profile: what one learner's content keeps in localStorage, IndexedDB or the cache
        never shows to another learner on the same computer."""
        profile = self._profiles.get(learner_uid)
        if profile is None:
            storage = self.services.paths.web_profile / learner_uid
            profile = make_profile(storage, self.handler, f"scorm-desktop-{learner_uid}", self)
            self._profiles[learner_uid] = profile
        return profile

    def shutdown(self, wait: bool = True, then: Callable[[], None] | None = None) -> None:
        """Finish pending writes, then free the profile. Call after every view and page using it is deleted.

        With `wait=False` (throwaway data nobody keeps, e.g. the course checker's) nothing is waited for: jobs not
        started are dropped, the running one ends on its own, then `then()` runs on the worker thread."""
        if wait:
            if not self.worker.drain(timeout=30):
                log.error("some writes were still pending at shutdown")
            self.worker.shutdown()
        # Pages scheduled with deleteLater must really be gone before their profile.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        for profile in self._profiles.values():
            delete_now(profile)
        self._profiles.clear()
        if not wait:
            self.worker.stop(then)  # after the profiles: `then` may delete their folders
        elif then is not None:
            then()


def open_in_browser(address: str) -> None:
    QDesktopServices.openUrl(QUrl(address))


def confirm_external_link(address: str, parent: QWidget | None = None) -> bool:
    """Ask the learner whether to open an outside address the course links to, showing the address in full."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("WebEnv", "Open an outside address?"),
                      QCoreApplication.translate("WebEnv", "The course wants to open this address in your web browser:"),
                      QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(address)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Open


def delete_now(obj: QObject) -> None:
    """Delete a Qt object at once (not at the next event loop turn), for teardown in a fixed order."""
    if shiboken6.isValid(obj):
        shiboken6.delete(obj)
