"""The player window: the course's content, its items, and a close action that never loses what the learner did."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QToolBar,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

from ..launch import Launch, launchable_items
from ..services import Services
from .api_log_panel import ApiLogPanel
from .player import Player
from .webenv import WebEnv


class PlayerWindow(QMainWindow):
    #: The window closed and its session is saved.
    finished = Signal()
    #: A session ended (for the library to refresh its status column).
    recordsChanged = Signal()

    def __init__(self, services: Services, env: WebEnv, learner: str | None = None, mode: str | None = None, parent=None,
                 preview: bool = False):
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("SCORM Desktop player"))
        self.resize(1200, 820)
        self.view = QWebEngineView(self)
        self.player = Player(services, env, self.view, learner=learner, mode=mode, parent=self, preview=preview)
        self.preview = preview
        self.toc = QListWidget(self)
        self.toc.setAccessibleName(self.tr("Course items"))
        self.toc.itemActivated.connect(self._choose_item)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.toc)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 960])
        self.setCentralWidget(self.splitter)

        bar = QToolBar(self.tr("Player"), self)
        bar.setMovable(False)
        self.title_label = QLabel(self)
        self.title_label.setStyleSheet("font-weight: 600; padding: 0 8px;")
        close_action = QAction(self.tr("Close"), self)
        close_action.setShortcut(QKeySequence.StandardKey.Close)
        close_action.setToolTip(self.tr("Save progress and close the course (Ctrl+W)"))
        close_action.triggered.connect(self.close)
        self.api_panel = ApiLogPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.api_panel)
        self.api_panel.hide()
        self.player.apiLogged.connect(self.api_panel.add)
        log_action = self.api_panel.toggleViewAction()
        log_action.setText(self.tr("API log"))
        log_action.setShortcut(QKeySequence(Qt.Key.Key_F12))
        log_action.setToolTip(self.tr("Show every SCORM call the course makes (F12)"))

        bar.addWidget(self.title_label)
        bar.addSeparator()
        bar.addAction(close_action)
        bar.addAction(log_action)
        self.addToolBar(bar)

        self.player.itemStarted.connect(self._on_item_started)
        self.player.sessionEnded.connect(self._on_session_ended)
        self.player.courseEnded.connect(self._on_course_ended)
        self.player.failed.connect(self._on_failed)
        self._closing_done = False
        self._course_id: int | None = None

    def open_course(self, course_id: int, item: str | None = None) -> None:
        self._course_id = course_id
        self.statusBar().showMessage(self.tr("Opening the course…"))
        self.player.open(course_id, item)

    # -- reacting to the player ----------------------------------------------------------------------------------
    def _on_item_started(self, launch: Launch) -> None:
        course = launch.course
        self.setWindowTitle(f"{course.title} — SCORM Desktop" + (self.tr(" — PREVIEW (not recorded)") if self.preview else ""))
        self.title_label.setText(course.title)
        items = launchable_items(course.manifest)
        if self.toc.count() != len(items):
            self.toc.clear()
            for it in items:
                if not it.is_visible:
                    continue
                row = QListWidgetItem(it.title)
                row.setData(Qt.ItemDataRole.UserRole, it.identifier)
                self.toc.addItem(row)
        self.toc.setVisible(self.toc.count() > 1)
        for i in range(self.toc.count()):
            row = self.toc.item(i)
            if row.data(Qt.ItemDataRole.UserRole) == launch.item.identifier:
                self.toc.setCurrentRow(i)
        self.statusBar().showMessage(
            self.tr("Playing “{0}” as {1}. Progress is saved as you go.").format(launch.item.title, launch.learner.name)
        )

    def _on_session_ended(self, launch: Launch, reason: str) -> None:
        self.recordsChanged.emit()
        if reason == "terminated":
            self.statusBar().showMessage(self.tr("“{0}” has ended; your progress is saved.").format(launch.item.title))

    def _on_course_ended(self, reason: str) -> None:
        if reason in ("finished", "suspended"):
            msg = (
                self.tr("You have reached the end of the course. Your results are saved; you can close the player.")
                if reason == "finished"
                else self.tr("The course is suspended; it resumes where you left off next time.")
            )
            self.statusBar().showMessage(msg)

    def _on_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("The course could not start: {0}").format(message))

    def _choose_item(self, row: QListWidgetItem) -> None:
        target = row.data(Qt.ItemDataRole.UserRole)
        current = self.player.current
        if current is not None and current.item.identifier == target and not current.finished:
            return
        course_id = self._course_id
        if course_id is None:
            return
        self.player.close("navigated", then=lambda: self.player.open(course_id, target))

    # -- closing -------------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._closing_done:
            event.accept()
            return
        event.ignore()
        self.statusBar().showMessage(self.tr("Saving your progress…"))
        self.setEnabled(False)
        self.player.close("closed", then=self._really_close)

    def _really_close(self) -> None:
        self._closing_done = True
        self.recordsChanged.emit()
        self.close()
        self.finished.emit()
