"""The main window: the course library, import by menu or drag and drop, and double-click to play.

The window holds the library table and wires its parts: the File menu (here), the Course menu (`course_menu.py`),
the Learner menu (`learner_menu.py`), the Sync menu and status (`sync_panel.py`), the import flow (`import_job.py`).
The table refreshes itself when the worker says the library, the learners or the records changed (`Worker.changed`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolBar,
)

from .. import __version__
from ..reports.rows import empty_summary
from ..services import Services
from ..storage.records import default_learner_name
from .course_menu import CourseMenu
from .xapi_window import player_window_class
from .dashboard import DashboardOpener
from .import_job import ImportFlow, ImportJob
from .learner_menu import LearnerMenu
from .library_model import LibraryModel, LibraryProxy, LibraryRow
from .media_jobs import MediaJobs
from .player_window import PlayerWindow
from .settings_dialog import SettingsDialog
from .sync_panel import install as install_sync
from .tasks import Changed
from .webenv import WebEnv
from .welcome import WelcomeDialog


def load_rows(services: Services) -> list[LibraryRow]:
    learner = services.find_active_learner()
    summaries = {r["course_id"]: r for r in services.records.summaries(learner_id=learner.id)} if learner else {}
    from ..dispatch.store import licence_lines  # a dispatched course shows its licence

    licences = licence_lines(services.sessions)
    return [LibraryRow(c, summaries.get(c.id) or empty_summary(), licences.get(c.id, ""))
            for c in services.library.courses()]


#: The manifest identifier of the bundled sample course (resources/sample-course).
SAMPLE_IDENTIFIER = "org.scormdesktop.sample.welcome"


class MainWindow(QMainWindow):
    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.env = WebEnv(services, self)
        self.worker = self.env.worker
        self.player_window: PlayerWindow | None = None
        self._checking_launch = False  # play(): the licence check before the player opens is on its way
        #: The active learner as the last refresh found it (None: no learner yet).
        self.active_learner = None
        self.setWindowTitle("SCORM Desktop")
        self.resize(1100, 680)
        self.setAcceptDrops(True)

        self.model = LibraryModel(self)
        self.proxy = LibraryProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it), as a screen reader expects
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(LibraryModel.COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._play_index)
        self.table.setAccessibleName(self.tr("Course library"))
        self.table.setAccessibleDescription(self.tr(
            "Enter plays the selected course, Ctrl+I shows its details; the Status column says where each "
            "course stands"))

        self.empty = QLabel(
            self.tr(
                "<h2>Your library is empty</h2><p>Drop a course package (.zip: SCORM 1.2 or 2004, cmi5, xAPI) here,<br>"
                "or choose <b>File › Import course…</b> (Ctrl+O).</p>"
            ),
            self,
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.setCentralWidget(self.stack)
        # Course videos the engine cannot decode are converted in a separate process, one course at a time.
        self.media_jobs = MediaJobs(services, self.worker, self)
        self.importer = ImportFlow(self, self.statusBar(), services, self.worker)
        self.dashboards = DashboardOpener(services, self.worker, self, play=self.play)
        self.importer.finished.connect(self._imported)
        self._build_menus()
        self.learner_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.learner_label)
        # The "Sync" menu, the sync status in the status bar, and background sync when the LRS is reachable.
        self.sync = install_sync(self, self.menuBar(), self.statusBar(), services, self.worker,
                                 before=self.help_menu.menuAction())
        self.env.handler.mediaNotReady.connect(self.media_jobs.media_not_ready)
        self.media_jobs.notice.connect(lambda text: (self.player_window or self).statusBar().showMessage(text, 15000))
        self.media_jobs.progressed.connect(
            lambda _cid, st: self.statusBar().showMessage(
                self.tr("Converting course videos… {0:.0%}").format(st["progress"]), 3000)
        )
        self.media_jobs.resume_all()
        self.setTabOrder(self.status_filter, self.table)  # Tab: search, status filter, the library, then sync
        self.worker.changed.connect(self._on_changed)
        self.refresh()

    # -- menus ---------------------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        style = self.style()
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        imp = QAction(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton), self.tr("&Import course…"), self)
        imp.setShortcut(QKeySequence.StandardKey.Open)
        imp.setToolTip(self.tr("Import course packages (.zip: SCORM, cmi5, xAPI) into the library (Ctrl+O)"))
        imp.triggered.connect(self._ask_import)
        file_menu.addAction(imp)
        imp_folder = QAction(self.tr("Import a &folder of courses…"), self)
        imp_folder.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_O))
        imp_folder.triggered.connect(self._ask_import_folder)
        file_menu.addAction(imp_folder)
        check = QAction(self.tr("&Check a course…"), self)
        check.setToolTip(self.tr("Validate a package and run its items unattended; nothing is recorded"))
        check.triggered.connect(self._check_course)
        file_menu.addAction(check)
        folder = QAction(self.tr("Open &data folder"), self)
        folder.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.services.paths.root)))
        )
        file_menu.addAction(folder)
        prefs = QAction(self.tr("&Settings…"), self)
        prefs.setShortcut(QKeySequence.StandardKey.Preferences)
        prefs.triggered.connect(self._settings)
        file_menu.addAction(prefs)
        restore = QAction(self.tr("&Restore from backup…"), self)
        restore.triggered.connect(self._restore_backup)
        file_menu.addAction(restore)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self.course_menu = CourseMenu(
            self, self.menuBar(), self.statusBar(), self.services, self.worker, self.media_jobs,
            current_course=self._current_course, active_learner=lambda: self.learner_menu.active(), play=self.play,
            refresh=self.refresh, open_dashboard=self.dashboards.open,
        )
        from .dispatch_window import DispatchActions  # Course ▸ Dispatch to a site…, Dispatches

        self.dispatch = DispatchActions(self, self.statusBar(), self.services, self.worker, self._current_course,
                                        self.course_menu.menu)

        bar = QToolBar(self.tr("Library"), self)
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(imp)
        bar.addAction(self.course_menu.play_action)
        bar.addSeparator()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search courses"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(320)
        self.search.setAccessibleName(self.tr("Search courses"))
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.search.setFocus())
        self.addAction(find)
        bar.addWidget(self.search)
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName(self.tr("Show courses by status"))
        self.status_filter.setAccessibleDescription(self.tr("The library lists only the courses with this status"))
        self.status_filter.addItem(self.tr("All statuses"), "")
        for label in ("not started", "in progress", "completed", "passed", "failed"):
            self.status_filter.addItem(QCoreApplication.translate("Dashboard", label), label)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_filter.currentData())
        )
        bar.addWidget(self.status_filter)
        self.addToolBar(bar)

        # The Learner menu: switch, rename, PIN, remove, preview.
        self.learner_menu = LearnerMenu(self, self.menuBar(), self.statusBar(), self.services, self.worker,
                                        lambda: self.active_learner, set_title=self.setWindowTitle)

        help_menu = self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About SCORM Desktop"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About SCORM Desktop"),
            self.tr(
                "<b>SCORM Desktop {0}</b><p>An offline-first player for SCORM 1.2, SCORM 2004, cmi5 and xAPI (Tin Can) "
                "courses.</p>"
                "<p>Data folder: {1}<br>Logs: {2}</p>"
            ).format(__version__, self.services.paths.root, self.services.paths.logs),
        )

    def _settings(self) -> None:
        paths = self.services.paths
        dialog = SettingsDialog(self.services.settings, paths.root, paths.explicit, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            dialog.apply(self.services.settings)
            if not self.services.settings.convert_media:
                self.media_jobs.cancel()
            self.worker.submit(
                self.services.save_settings,
                on_done=lambda _r: self.statusBar().showMessage(self.tr("Settings saved."), 5000),
            )

    # -- courses ---------------------------------------------------------------------------------------------------
    def _current_course(self):
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(idx).row()).course

    # -- first run -----------------------------------------------------------------------------------------------
    def start_maintenance(self) -> None:
        """After the window is shown: the start-up work that grows with the library (integrity check, daily backup,
        stale summaries; `Services.maintenance`) runs on the Worker; what it finds is said in a message box."""
        self.worker.submit(self.services.maintenance, on_done=self._maintenance_done)

    def _maintenance_done(self, notices: list[str]) -> None:
        for notice in notices:
            QMessageBox.warning(self, "SCORM Desktop", notice)

    def welcome_if_first_run(self) -> None:
        """On the very first start, the welcome names the first learner and offers the sample course."""
        if self.services.settings.welcomed:
            return
        self.worker.submit(lambda: bool(self.services.records.learners()), on_done=self._welcome)

    def _welcome(self, has_learners: bool) -> None:
        settings = self.services.settings
        if has_learners:  # a library from before the welcome existed: nothing to ask
            settings.welcomed = True
            self.worker.submit(self.services.save_settings)
            return
        dialog = WelcomeDialog(default_learner_name(), self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._welcomed(dialog.learner_name(), dialog.open_sample.isChecked()))
        dialog.rejected.connect(lambda: self._welcomed(default_learner_name(), False))
        self.welcome = dialog
        dialog.open()

    def _welcomed(self, name: str, open_sample: bool) -> None:
        def create() -> int | None:
            learner = self.services.records.learner(name)
            self.services.settings.active_learner = learner.name
            self.services.settings.welcomed = True
            self.services.save_settings()
            sample = [c for c in self.services.library.courses() if c.identifier == SAMPLE_IDENTIFIER]
            return sample[0].id if sample and open_sample else None

        def done(sample_id: int | None) -> None:
            if sample_id is not None:
                self.play(sample_id)

        self.worker.submit(create, on_done=done, changes=(Changed.LEARNERS,))

    def _restore_backup(self) -> None:
        from ..storage import backup

        items = backup.list_backups(self.services.paths.backups)
        if not items:
            QMessageBox.information(self, self.tr("Restore from backup"), self.tr(
                "There is no backup yet. SCORM Desktop takes one every day it is used and before every upgrade."))
            return
        labels = [b.label for b in items]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Restore from backup"), self.tr("Restore the library as it was on:"), labels, 0, False
        )
        if not ok:
            return
        chosen = items[labels.index(choice)]
        answer = QMessageBox.question(self, self.tr("Restore from backup"), self.tr(
            "Restore the library from the backup of {0}?\n\nLearning records made after it will not be in the "
            "restored library; the current database is kept as a file beside it. SCORM Desktop closes now and "
            "opens the restored library the next time it starts.").format(chosen.label))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            backup.request_restore(self.services.paths.root, chosen.path)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Restore from backup"), str(exc))
            return
        self.close()

    # -- library -------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the library and the active learner again (on the worker). Called by itself after writes."""
        self.worker.submit(load_rows, self.services, on_done=self._set_rows)
        self.worker.submit(self.services.find_active_learner, on_done=self._set_learner)

    def _on_changed(self, kind: Changed) -> None:
        if kind in (Changed.LIBRARY, Changed.LEARNERS, Changed.RECORDS):
            self.refresh()

    def _set_rows(self, rows: list[LibraryRow]) -> None:
        self.model.set_rows(rows)
        self.statusBar().showMessage(
            self.tr("%n course(s). Double-click a course to play it; drop a .zip here to import.", "", len(rows))
        )
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _set_learner(self, learner) -> None:
        self.active_learner = learner
        name = learner.name if learner is not None else (self.services.settings.active_learner or "")
        self.learner_label.setText(self.tr("Learner: {0}").format(name) if name else "")

    def open_request(self, paths: list[str]) -> None:
        """Another start (or "Open with") asked for this window: come forward and import the files it names."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        existing = [Path(p) for p in paths if Path(p).exists()]
        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            self.statusBar().showMessage(self.tr("Not found: {0}").format(", ".join(missing)), 10000)
        if existing:
            self.import_paths(existing)

    # -- import --------------------------------------------------------------------------------------------------
    def _ask_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import course"), str(Path.home()), self.tr("Course packages (*.zip);;All files (*)")
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def _ask_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import every course in a folder"), str(Path.home()))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        self.importer.import_paths(paths)

    def _imported(self, job: ImportJob) -> None:
        from .dispatch_window import offer_trust  # a dispatch from a new issuer: confirm its fingerprint

        offer_trust(self, self.services, self.worker, job.refused, self.import_paths)
        self.media_jobs.after_import(job.outcomes)
        added = [o for o in job.outcomes if o.course]
        if added:
            self._select_course(added[-1].course.id)

    def _check_course(self) -> None:
        from .check_dialog import ask_and_check

        self._check_dialog = ask_and_check(self, self.worker)

    def _select_course(self, course_id: int) -> None:
        def select() -> None:
            for row in range(self.proxy.rowCount()):
                idx = self.proxy.index(row, 0)
                if idx.data(LibraryModel.CourseIdRole) == course_id:
                    self.table.selectRow(row)
                    return

        QTimer.singleShot(300, self, select)  # not called if the window is gone by then

    # -- playing -------------------------------------------------------------------------------------------------
    def _play_index(self, index) -> None:
        if not index.isValid():
            return
        course_id = index.data(LibraryModel.CourseIdRole)
        self.play(course_id)

    def play(self, course_id: int, item: str | None = None) -> None:
        """Open the course in the player, unless its licence refuses the launch: then say why here, in the library,
        before any window opens (the launch itself checks and counts again, on the worker)."""
        if self.player_window is not None:
            self.player_window.raise_()
            self.player_window.activateWindow()
            return
        if self._checking_launch:
            return  # a double click: the first one's check is on its way
        preview = self.learner_menu.preview_action.isChecked()
        learner = self.services.settings.active_learner
        services = self.services

        def refusal():
            from ..dispatch.store import refusal_before_play

            course = services.library.course(course_id)
            return course, refusal_before_play(services, course, learner, preview)

        def checked(found) -> None:
            self._checking_launch = False
            course, sentence = found
            if sentence:
                QMessageBox.warning(self, self.tr("Cannot play this course"), sentence)
            else:
                self._open_player(course, item, preview)

        def failed(_exc: BaseException) -> None:  # the player reports the problem itself
            self._checking_launch = False
            self._open_player(self.model.course(course_id), item, preview, course_id)

        self._checking_launch = True
        self.worker.submit(refusal, on_done=checked, on_error=failed)

    def _open_player(self, course, item: str | None, preview: bool, course_id: int | None = None) -> None:
        if self.player_window is not None:
            return
        course_id = course.id if course is not None else course_id
        window_class = self._player_class(course)
        win = window_class(self.services, self.env, learner=self.services.settings.active_learner, preview=preview)
        win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        # The player writes through its own ordered path; a session that ended is announced to every view (the
        # library, an open dashboard, the sync).
        worker = self.worker
        win.recordsChanged.connect(lambda: worker.announce(Changed.RECORDS, Changed.OUTBOX))
        win.finished.connect(self._player_closed)
        self.player_window = win
        win.open_course(course_id, item)
        win.show()

    def _player_class(self, course) -> type:
        """The window class that plays `course` (a `CourseInfo`; None when the library view does not hold it yet):
        cmi5 and Tin Can courses have their own (ui/xapi_window.py)."""
        return player_window_class(course)

    def _player_closed(self) -> None:
        self.player_window = None

    # -- closing -------------------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.player_window is not None:
            # Close the player first: it saves the session, then the main window closes.
            event.ignore()
            win = self.player_window
            win.finished.connect(self.close)
            win.close()
            return
        event.accept()
        self.sync.controller.shutdown()  # no sync thread outlives the window (also done by `dispose`)

    def dispose(self) -> None:
        """Teardown in Chromium's order: windows and their pages are gone, then the profile, then the worker."""
        self.media_jobs.shutdown()
        self.sync.controller.shutdown()
        self.env.shutdown()

