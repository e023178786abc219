"""The dashboard: every course of one learner, or every learner of one course, with status, progress and totals.

Two tabs (dashboard_tabs.py) over `scorm_desktop.reports.queries`: *By learner* (a learner picker and a table of
courses, with Resume) and *By course* (a course search, the status breakdown as a chart, the course's figures and a
table of learners). Tables are paged models (`dashboard_models`); every query and export runs on the one `Worker`.

Put `DashboardWidget` in a window of its own with a `DashboardOpener(services, worker, parent, play)`, or anywhere
else; its `resumeRequested(course_id)` asks the owner to play a course for the active learner. It reads the records
again by itself whenever the worker says courses, learners or records changed (`Worker.changed`): an open dashboard
follows a session as it ends.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..reports.queries import Choice, Dashboard
from .dashboard_models import StatusTableModel
from .dashboard_tabs import CourseTab, LearnerTab
from .tasks import Changed, Worker

log = logging.getLogger(__name__)


class DashboardWidget(QWidget):
    """The two dashboard tabs, their shortcuts, Resume and the exports."""

    #: The user asked to play (resume) this course for the active learner.
    resumeRequested = Signal(int)
    #: A line for the owner's status bar.
    message = Signal(str)

    def __init__(self, services, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.worker = worker
        self.dashboard = Dashboard(services.sessions)
        self.active_learner: str | None = services.settings.active_learner

        self.tabs = QTabWidget(self)
        self.learner_tab = LearnerTab(self.dashboard, worker, self)
        self.course_tab = CourseTab(self.dashboard, worker, self)
        self.tabs.addTab(self.learner_tab, self.tr("By &learner"))
        self.tabs.addTab(self.course_tab, self.tr("By &course"))
        self.tabs.setTabToolTip(0, self.tr("Every course of one learner (Ctrl+Tab: by course)"))
        self.tabs.setTabToolTip(1, self.tr("Every learner of one course (Ctrl+Tab: by learner)"))
        self.status_line = QLabel(self)
        self.csv_button = QPushButton(self.tr("Export &CSV…"), self)
        self.pdf_button = QPushButton(self.tr("Export &PDF…"), self)
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_line, 1)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.resume_action = self._action(self.tr("Resume the selected course"), self.resume,
                                          [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.csv_action = self._action(self.tr("Export the table as CSV"), self.ask_export_csv,
                                       [QKeySequence("Ctrl+E")])
        self.pdf_action = self._action(self.tr("Export a printable PDF"), self.ask_export_pdf,
                                       [QKeySequence("Ctrl+P")])
        self.refresh_action = self._action(self.tr("Refresh"), self.refresh,
                                           [QKeySequence(QKeySequence.StandardKey.Refresh), QKeySequence("Ctrl+R")])
        self._action(self.tr("Filter the table"), self._focus_filter, [QKeySequence("Ctrl+F")])
        self._action(self.tr("Choose the learner or course"), self._focus_picker, [QKeySequence("Ctrl+L")])
        self._action(self.tr("By learner"), lambda: self.tabs.setCurrentIndex(0), [QKeySequence("Ctrl+1")])
        self._action(self.tr("By course"), lambda: self.tabs.setCurrentIndex(1), [QKeySequence("Ctrl+2")])
        self.csv_button.setToolTip(self.tr("Save the table shown, with its filter and order, as CSV (Ctrl+E)"))
        self.pdf_button.setToolTip(self.tr("Save a printable PDF report of this learner or course (Ctrl+P)"))
        self.refresh_button.setToolTip(self.tr("Read the records again (F5)"))
        for tab in (self.learner_tab, self.course_tab):
            tab.resume_button.setToolTip(self.tr("Play the selected course for the active learner (Ctrl+Enter, "
                                                 "or double-click the row)"))
            tab.resume_button.clicked.connect(self.resume)
            tab.table.doubleClicked.connect(lambda _i: self.resume())
            tab.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_actions())
            tab.model.modelReset.connect(self._update_actions)
            tab.model.failed.connect(self._failed)
        self.csv_button.clicked.connect(self.ask_export_csv)
        self.pdf_button.clicked.connect(self.ask_export_pdf)
        self.refresh_button.clicked.connect(self.refresh)
        self.tabs.currentChanged.connect(lambda _i: self._update_actions())
        self.learner_tab.model.loaded.connect(self._update_actions)
        self.course_tab.model.loaded.connect(self._update_actions)
        worker.changed.connect(self._on_changed)
        self.start()

    def _action(self, text: str, slot, keys: list[QKeySequence]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- loading -------------------------------------------------------------------------------------------------
    def start(self, quiet: bool = False) -> None:
        """Load the learners and the active learner; the course list too unless `quiet` (a reload keeps its
        search and choice)."""
        services, dashboard = self.services, self.dashboard

        def load() -> tuple[list[Choice], str | None]:
            active = services.find_active_learner()
            return dashboard.learners(), active.name if active is not None else None

        self.worker.submit(load, on_done=self._learners_ready, on_error=lambda exc: self._failed(str(exc)))
        if not quiet:
            self.course_tab.start()

    def _learners_ready(self, result: tuple[list[Choice], str | None]) -> None:
        learners, active = result
        self.active_learner = active
        self.learner_tab.set_learners(learners, active)

    def refresh(self) -> None:
        """Read everything again (F5): the learners, the active learner, the tables and their figures."""
        self.reload()
        self.message.emit(self.tr("Refreshed."))

    def reload(self) -> None:
        self.start(quiet=True)
        self.course_tab.refresh()

    def _on_changed(self, kind: Changed) -> None:
        if kind in (Changed.LIBRARY, Changed.LEARNERS, Changed.RECORDS):
            self.reload()

    def _failed(self, message: str) -> None:
        self.status_line.setText(self.tr("Could not read the records: {0}").format(message))

    # -- resume --------------------------------------------------------------------------------------------------
    def current_table(self) -> QTableView:
        return self.learner_tab.table if self.tabs.currentIndex() == 0 else self.course_tab.table

    def selected_row(self):
        index = self.current_table().currentIndex()
        if not index.isValid():
            return None
        return index.data(StatusTableModel.RowRole)

    def _update_actions(self) -> None:
        row = self.selected_row()
        tab = self.learner_tab if self.tabs.currentIndex() == 0 else self.course_tab
        mine = row is not None and self.active_learner is not None and row.learner == self.active_learner
        tab.resume_button.setText(self.tr("&Resume") if row is not None and row.resumable else self.tr("&Play"))
        tab.resume_button.setEnabled(mine)
        self.resume_action.setEnabled(mine)
        if row is not None and not mine:
            tab.resume_button.setToolTip(self.tr("Courses play for the active learner ({0}); {1} is not active.")
                                         .format(self.active_learner or "–", row.learner))
        else:
            tab.resume_button.setToolTip(self.tr("Play the selected course for the active learner (Ctrl+Enter, "
                                                 "or double-click the row)"))
        table = self.current_table()
        model = table.model()
        shown, total = model.rowCount(), model.total
        more = self.tr(" (scroll for more)") if shown < total else ""
        self.status_line.setText(self.tr("{0:,} of %Ln row(s) loaded{1}", "", total).format(shown, more)
                                 if model._fetch is not None else "")

    def resume(self) -> None:
        row = self.selected_row()
        if row is None or self.active_learner is None or row.learner != self.active_learner:
            return
        self.resumeRequested.emit(row.course_id)

    # -- exports -------------------------------------------------------------------------------------------------
    def _subject(self) -> tuple[str, int, str] | None:
        """("learner", id, name) or ("course", id, title) for the tab shown; None before one is chosen."""
        if self.tabs.currentIndex() == 0:
            lr = self.learner_tab.learner
            return ("learner", lr.id, lr.name) if lr is not None else None
        c = self.course_tab.course
        return ("course", c.id, c.name) if c is not None else None

    def _ask_path(self, title: str, suffix: str, pattern: str) -> Path | None:
        subject = self._subject()
        if subject is None:
            self.message.emit(self.tr("Choose a learner or a course first."))
            return None
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in subject[2]).strip() or subject[0]
        default = Path.home() / f"{safe} {datetime.now():%Y-%m-%d}{suffix}"
        name, _ = QFileDialog.getSaveFileName(self, title, str(default), pattern)
        return Path(name) if name else None

    def ask_export_csv(self) -> None:
        path = self._ask_path(self.tr("Export CSV"), ".csv", self.tr("CSV files (*.csv)"))
        if path is not None:
            self.export_csv(path)

    def ask_export_pdf(self) -> None:
        path = self._ask_path(self.tr("Export PDF"), ".pdf", self.tr("PDF files (*.pdf)"))
        if path is not None:
            self.export_pdf(path)

    def export_csv(self, path: Path) -> None:
        """Write the table shown (every row, with the filter and order on screen) as CSV, on the worker."""
        from ..reports.csv_export import write_table

        subject = self._subject()
        if subject is None:
            return
        kind, ident, _name = subject
        args = (self.learner_tab.model if kind == "learner" else self.course_tab.model).query_args()
        dashboard = self.dashboard
        self.worker.submit(lambda: write_table(path, dashboard, kind, ident, **args),
                           on_done=lambda n: self._exported(path, n),
                           on_error=lambda exc: self._export_failed(path, exc))

    def export_pdf(self, path: Path) -> None:
        """Write a printable PDF report of the learner or course shown (every row), on the worker."""
        from .report_pdf import write_course_pdf, write_learner_pdf

        subject = self._subject()
        if subject is None:
            return
        kind, ident, _name = subject
        writer = write_learner_pdf if kind == "learner" else write_course_pdf
        dashboard = self.dashboard
        self.worker.submit(lambda: writer(dashboard, ident, path), on_done=lambda n: self._exported(path, n),
                           on_error=lambda exc: self._export_failed(path, exc))

    def _exported(self, path: Path, rows: int) -> None:
        text = self.tr("Saved %Ln row(s) to {0}.", "", rows).format(path)
        self.status_line.setText(text)
        self.message.emit(text)

    def _export_failed(self, path: Path, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Export"), self.tr("{0} could not be written: {1}").format(path, exc))

    # -- focus ---------------------------------------------------------------------------------------------------
    def _focus_filter(self) -> None:
        tab = self.learner_tab if self.tabs.currentIndex() == 0 else self.course_tab
        tab.search.setFocus()
        tab.search.selectAll()

    def _focus_picker(self) -> None:
        if self.tabs.currentIndex() == 0:
            self.learner_tab.picker.setFocus()
            self.learner_tab.picker.showPopup()
        else:
            self.course_tab.course_search.setFocus()
            self.course_tab.course_search.selectAll()


class DashboardWindow(QMainWindow):
    """The dashboard in a window of its own (Ctrl+W or Esc closes it)."""

    def __init__(self, services, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Dashboard – SCORM Desktop"))
        self.resize(1150, 720)
        self.widget = DashboardWidget(services, worker, self)
        self.setCentralWidget(self.widget)
        self.widget.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        close = QAction(self.tr("Close"), self)
        # Ctrl+W (the platform's Close) and Esc, as any secondary window closes.
        close_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Close)
        close.setShortcuts(close_keys + [QKeySequence(Qt.Key.Key_Escape)])
        close.triggered.connect(self.close)
        self.addAction(close)


class DashboardOpener:
    """The dashboard window of one owner: `open()` shows it, or brings it forward when it is already open (one per
    opener). It is handed what it uses: the services and the worker, the parent window, and `play(course_id)`, which
    Resume calls to play a course in the owner's player."""

    def __init__(self, services, worker: Worker, parent: QWidget, play: Callable[[int], None]) -> None:
        self.services = services
        self.worker = worker
        self.dialog_parent = parent
        self.play = play
        #: The open dashboard window (None when there is none).
        self.window: DashboardWindow | None = None

    def open(self) -> DashboardWindow:
        existing = self.window
        if existing is not None:
            try:
                existing.widget.refresh()
                existing.showNormal()
                existing.raise_()
                existing.activateWindow()
                return existing
            except RuntimeError:  # deleted with its parent meanwhile
                pass
        window = DashboardWindow(self.services, self.worker, self.dialog_parent)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.widget.resumeRequested.connect(self.play)
        window.destroyed.connect(lambda *_a: self._closed())
        self.window = window
        window.show()
        return window

    def _closed(self) -> None:
        self.window = None
