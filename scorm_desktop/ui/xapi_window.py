"""The player window for cmi5 and Tin Can courses: the AU's page (ui/xapi_au.py) beside the course's contents, a
block or AU per row with each AU's status (not started, in progress, completed, passed, failed, waived), the course's
status, and a close that ends the AU's session the way the LMS must ("abandoned" unless the AU terminated).

OwnWindow AUs play here too: this window is their own window. An AU that goes to its returnURL brings the learner back
to the library (the window closes). The window offers the same signals and `open_course` as `PlayerWindow`, so the
library and `play` pick one or the other with `player_window_class(course)`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import QLabel, QMainWindow, QTreeWidgetItem
from PySide6.QtWebEngineWidgets import QWebEngineView

from ..cmi5.lms import structure_of
from ..cmi5.service import XapiPlayerService, launch_mode
from ..package.course_structure import AU
from ..package.descriptor import STANDARD_CMI5, STANDARD_XAPI
from ..services import Services
from .icons import STATUS_TEXT, status_icon
from .player_window import PlayerWindow, course_text, fit_contents, lay_out, make_close_action
from .webenv import WebEnv
from .xapi_au import XapiAu

log = logging.getLogger(__name__)

# Its words are the player window's (context "PlayerWindow"): the same texts, translated once.

#: AU statuses after which the learner is not sent to that AU first.
_DONE = ("completed", "passed", "waived")


def player_window_class(course) -> type:
    """The window that plays `course`: XapiWindow for cmi5 and Tin Can courses, PlayerWindow for SCORM."""
    return XapiWindow if getattr(course, "standard", None) in (STANDARD_CMI5, STANDARD_XAPI) else PlayerWindow


class XapiWindow(QMainWindow):
    #: The window closed and the AU's session is ended.
    finished = Signal()
    #: A session started or ended (for the library to refresh its status column).
    recordsChanged = Signal()

    def __init__(self, services: Services, env: WebEnv, learner: str | None = None, mode: str | None = None,
                 parent=None, preview: bool = False):
        super().__init__(parent)
        self.services = services
        self.env = env
        self.learner_name = learner
        self.mode = launch_mode(mode)
        self.preview = preview
        #: True offscreen (tests, unattended runs): the AU's dialogs are answered instead of waiting for a person.
        self.unattended = False
        self.service = XapiPlayerService(services)
        self.au: XapiAu | None = None
        self.course = None
        self.learner = None
        self.registration: str | None = None
        self._closing_done = False
        self._closing = False
        #: The learner chose another AU and the running one is ending.
        self._switching = False
        #: The AU (item identifier) being played.
        self._current_item: str | None = None
        self.setWindowTitle(QCoreApplication.translate("PlayerWindow", "SCORM Desktop player"))
        self.view = QWebEngineView(self)
        self.course_status = QLabel(self)
        self.course_status.setWordWrap(True)
        bar = lay_out(self, self.view, self.course_status)
        self.toc.setAccessibleDescription(QCoreApplication.translate(
            "PlayerWindow", "Press Enter on an item to open it; each item says its status: not started, in progress, "
            "completed, passed, failed or waived"))
        self.toc.itemActivated.connect(self._choose)
        self.toc.itemClicked.connect(self._choose)
        self.side.hide()
        self.close_action = make_close_action(self)
        bar.addAction(self.close_action)

    # -- opening -------------------------------------------------------------------------------------------------
    def open_course(self, course_id: int, item: str | None = None) -> None:
        self.statusBar().showMessage(QCoreApplication.translate("PlayerWindow", "Opening the course…"))

        def load():
            course = self.services.library.course(course_id)
            records = self.services.records
            learner = records.preview_learner() if self.preview else records.learner(
                self.learner_name or self.services.settings.active_learner)
            registration = None if self.preview else self.service.registration_of(course, learner)
            statuses = self.service.statuses(course, registration) if registration else ({}, {})
            return course, learner, registration, statuses

        self._current_item = item
        self.env.worker.submit(load, on_done=self._opened, on_error=self._on_failed)

    def _opened(self, result) -> None:
        course, learner, registration, (words, course_status) = result
        item = self._current_item
        self.course, self.learner, self.registration = course, learner, registration
        self.title_label.setText(course.title)
        self.setWindowTitle(f"{course.title} — SCORM Desktop"
                            + (QCoreApplication.translate("PlayerWindow", " — PREVIEW (not recorded)")
                               if self.preview else ""))
        self._fill_toc(words, course_status)
        ids = [i.identifier for i in course.manifest.launchable_items()]
        if item is None:  # the first AU the learner has not done yet, else the first
            item = next((a for a in ids if words.get(a, "not attempted") not in _DONE), ids[0] if ids else None)
        self._start(item)

    def _structure(self):
        return structure_of(self.course.manifest.course_structure) if self.course.standard == STANDARD_CMI5 else None

    def _fill_toc(self, words: dict[str, str], course_status: dict) -> None:
        """One row per block and AU, in the course structure's order; an AU's row shows its status."""
        structure = self._structure()
        current_au = self._current_item
        self.toc.blockSignals(True)
        self.toc.clear()

        def add(nodes, parent) -> None:
            for node in nodes:
                row = QTreeWidgetItem([node.title])
                if isinstance(node, AU):
                    status = words.get(node.id, "not attempted")
                    row.setData(0, Qt.ItemDataRole.UserRole, node.id)
                    row.setIcon(0, status_icon(status))
                    tip = QCoreApplication.translate("PlayerWindow", STATUS_TEXT.get(status, status))
                    row.setToolTip(0, f"{node.title}\n{tip}")  # the whole title: a long one is elided
                    row.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, tip)
                    row.setData(0, Qt.ItemDataRole.UserRole + 1, status)
                    if node.id == current_au:
                        font = QFont(row.font(0))
                        font.setBold(True)
                        row.setFont(0, font)
                else:
                    row.setFlags(Qt.ItemFlag.ItemIsEnabled)
                (parent.addChild(row) if parent is not None else self.toc.addTopLevelItem(row))
                if not isinstance(node, AU):
                    add(node.children, row)

        if structure is not None:
            add(structure.children, None)
        self.toc.expandAll()
        self.toc.blockSignals(False)
        self.side.setVisible(structure is not None and len(structure.aus()) > 1)
        fit_contents(self.toc, self.splitter)
        self.course_status.setText(course_text(course_status) if course_status else "")

    def row_for(self, au_id: str) -> QTreeWidgetItem | None:
        """The contents row of an AU."""
        rows = [self.toc.topLevelItem(i) for i in range(self.toc.topLevelItemCount())]
        while rows:
            row = rows.pop(0)
            if row.data(0, Qt.ItemDataRole.UserRole) == au_id:
                return row
            rows[:0] = [row.child(i) for i in range(row.childCount())]
        return None

    # -- one AU at a time ----------------------------------------------------------------------------------------
    def _start(self, item: str | None) -> None:
        self._current_item = item
        au = XapiAu(self.service, self.env, self.view, self.env.profile_for(self.learner.uid), self,
                    unattended=self.unattended, previous=self.au)
        au.started.connect(self._on_started)
        au.failed.connect(self._on_failed)
        au.terminated.connect(self._on_terminated)
        au.returned.connect(self._on_returned)
        self.au = au
        au.start(self.course, self.learner, item, mode=self.mode, preview=self.preview)

    def _on_started(self, launch) -> None:
        self.registration = launch.registration
        self.banner.hide()
        title = self._item_title(self._current_item)
        self.statusBar().showMessage(
            QCoreApplication.translate("PlayerWindow", "Playing “{0}” as {1}. Progress is saved as you go.").format(
                title, self.learner.name))
        self.recordsChanged.emit()
        self.refresh_statuses()

    def _item_title(self, item: str | None) -> str:
        return next((i.title for i in self.course.manifest.launchable_items() if i.identifier == item),
                    self.course.title)

    def refresh_statuses(self) -> None:
        """Read each AU's status again (on the Worker) and show it."""
        if self.course is None or not self.registration:
            return
        course, registration = self.course, self.registration
        self.env.worker.submit(self.service.statuses, course, registration, on_done=self._statuses_read)

    def _statuses_read(self, result: tuple[dict[str, str], dict]) -> None:
        if not self._closing_done:
            self._fill_toc(*result)

    def _on_terminated(self) -> None:
        title = self._item_title(self._current_item)
        structure = self._structure()
        if structure is not None and len(structure.aus()) > 1:
            msg = QCoreApplication.translate("PlayerWindow", "“{0}” has ended; your progress is saved.").format(
                title)
        else:
            msg = QCoreApplication.translate(
                "PlayerWindow",
                "You have reached the end of the course. Your results are saved; you can close the player.")
        self.banner.setText(msg)
        self.banner.show()
        self.statusBar().showMessage(msg)
        self.recordsChanged.emit()
        self.refresh_statuses()

    def _on_returned(self) -> None:
        """The AU went to its returnURL: back to the library."""
        log.info("the AU returned the learner to the library")
        self.close()

    def _on_failed(self, message) -> None:
        text = QCoreApplication.translate("PlayerWindow", "The course could not start: {0}").format(str(message))
        self.banner.setText(text)
        self.banner.show()
        self.statusBar().showMessage(text)

    def _choose(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        """The learner picked an AU: the running one ends (abandoned unless it terminated), the chosen one starts."""
        au_id = row.data(0, Qt.ItemDataRole.UserRole)
        if not au_id or self._closing or self._switching or self.course is None:
            return
        if au_id == self._current_item and self.au is not None and self.au.running:
            return
        self.statusBar().showMessage(
            QCoreApplication.translate("PlayerWindow", "Opening “{0}”…").format(row.text(0)))
        previous = self.au
        if previous is None:
            self._start(au_id)
            return
        self._switching = True
        previous.end(lambda _state: self._switched(au_id))

    def _switched(self, au_id: str) -> None:
        self._switching = False
        self.recordsChanged.emit()
        if not self._closing:  # the learner may have closed the window meanwhile
            self._start(au_id)

    # -- closing -------------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._closing_done:
            event.accept()
            return
        event.ignore()
        if self._closing:
            return
        self._closing = True
        self.statusBar().showMessage(QCoreApplication.translate("PlayerWindow", "Saving your progress…"))
        self.setEnabled(False)
        if self.au is None:
            self._really_close()
        else:
            self.au.end(lambda _state: self._really_close())

    def _really_close(self) -> None:
        self._closing_done = True
        self.recordsChanged.emit()
        self.service.close()
        self.close()
        self.finished.emit()
