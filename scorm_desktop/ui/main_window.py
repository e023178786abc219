"""The main window: the course library, import by menu or drag and drop, and double-click to play."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
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
    QProgressDialog,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolBar,
)

from .. import __version__
from ..package.archive import open_package
from ..package.model import PackageError
from ..reports.rows import empty_summary
from ..services import Services
from ..storage.library import ImportOutcome, expand_sources
from ..storage.records import default_learner_name
from .library_model import LibraryModel, LibraryProxy, LibraryRow
from .player_window import PlayerWindow
from .xapi_window import player_window_class
from .webenv import WebEnv
from .dashboard import open_dashboard
from .settings_dialog import SettingsDialog
from .media_jobs import MediaJobs
from .sync_panel import install as install_sync
from .learner_dialogs import CourseDetailsDialog
from .learner_menu import LearnerMenu
from .welcome import WelcomeDialog


@dataclass
class ImportJob:
    """Shared between the worker (writes) and the UI's progress poll (reads)."""

    paths: list[Path]
    index: int = 0
    done: int = 0
    total: int = 0
    cancel: threading.Event = field(default_factory=threading.Event)
    outcomes: list[ImportOutcome] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)

    def progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total


def run_import(services: Services, job: ImportJob) -> ImportJob:
    """Worker side: import each path in turn; refusals are collected, never raised."""
    for i, path in enumerate(job.paths):
        if job.cancel.is_set():
            break
        job.index, job.done, job.total = i, 0, 0
        try:
            job.outcomes.append(
                services.library.import_package(path, progress=job.progress, cancelled=job.cancel.is_set)
            )
        except PackageError as exc:
            job.refused.append((path, str(exc)))
        except OSError as exc:
            job.refused.append((path, f"it could not be read ({exc.strerror or exc})"))
    return job


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
        self.player_window: PlayerWindow | None = None
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
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, LibraryModel.COLUMNS.__len__()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._play_index)
        self.table.setAccessibleName(self.tr("Course library"))
        self.table.setAccessibleDescription(self.tr(
            "Enter plays the selected course, Ctrl+I shows its details; the Status column says where each "
            "course stands"))

        self.empty = QLabel(
            self.tr(
                "<h2>Your library is empty</h2><p>Drop a SCORM package (.zip) here,<br>"
                "or choose <b>File › Import course…</b> (Ctrl+O).</p>"
            ),
            self,
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self.learner_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.learner_label)
        # The "Sync" menu, the sync status in the status bar, and background sync when the LRS is reachable.
        self.sync = install_sync(self, services, self.env.worker)
        # Course videos the engine cannot decode are converted in a separate process, one course at a time.
        self.media_jobs = MediaJobs(services, self.env.worker, self)
        self.env.handler.mediaNotReady.connect(self.media_jobs.media_not_ready)
        self.media_jobs.notice.connect(lambda text: (self.player_window or self).statusBar().showMessage(text, 15000))
        self.media_jobs.progressed.connect(
            lambda _cid, st: self.statusBar().showMessage(
                self.tr("Converting course videos… {0:.0%}").format(st["progress"]), 3000)
        )
        self.media_jobs.resume_all()
        self.setTabOrder(self.status_filter, self.table)  # Tab: search, status filter, the library, then sync
        self.refresh()

    # -- menus ---------------------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        style = self.style()
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        imp = QAction(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton), self.tr("&Import course…"), self)
        imp.setShortcut(QKeySequence.StandardKey.Open)
        imp.setToolTip(self.tr("Import SCORM packages (.zip) into the library (Ctrl+O)"))
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

        course_menu = self.menuBar().addMenu(self.tr("&Course"))
        play = QAction(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay), self.tr("&Play"), self)
        play.setToolTip(self.tr("Play the selected course (Enter, or double-click it)"))
        play.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        play.triggered.connect(lambda: self._play_index(self.table.currentIndex()))
        course_menu.addAction(play)
        refresh = QAction(self.tr("Re&fresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        course_menu.addAction(refresh)
        dash = QAction(self.tr("&Dashboard"), self)
        dash.setShortcut(QKeySequence("Ctrl+D"))
        dash.setToolTip(self.tr("Every learner's status on every course (Ctrl+D)"))
        dash.triggered.connect(lambda: open_dashboard(self, self.services, self.env.worker))
        course_menu.addAction(dash)

        bar = QToolBar(self.tr("Library"), self)
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(imp)
        bar.addAction(play)
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

        details = QAction(self.tr("De&tails…"), self)
        details.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I))
        details.triggered.connect(self._course_details)
        course_menu.addAction(details)
        update = QAction(self.tr("&Update from a newer package…"), self)
        update.triggered.connect(self._update_course)
        course_menu.addAction(update)
        remove = QAction(self.tr("&Remove from library…"), self)
        remove.setShortcut(QKeySequence.StandardKey.Delete)
        remove.triggered.connect(self._remove_course)
        course_menu.addAction(remove)
        start_over = QAction(self.tr("&Start over…"), self)
        start_over.triggered.connect(self._start_over)
        course_menu.addAction(start_over)
        from .dispatch_window import install_dispatch_actions  # Course ▸ Dispatch to a site…, Dispatches

        install_dispatch_actions(self, course_menu)

        self.learner_menu = LearnerMenu(self)  # the Learner menu: switch, rename, PIN, remove, preview

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About SCORM Desktop"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About SCORM Desktop"),
            self.tr(
                "<b>SCORM Desktop {0}</b><p>An offline-first player for SCORM 1.2 and SCORM 2004 courses.</p>"
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
            self.env.worker.submit(
                self.services.save_settings,
                on_done=lambda _r: self.statusBar().showMessage(self.tr("Settings saved."), 5000),
            )

    # -- courses ---------------------------------------------------------------------------------------------------
    def _current_course(self):
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(idx).row()).course

    def _course_details(self) -> None:
        course = self._current_course()
        if course is None:
            return
        dialog = CourseDetailsDialog(course, self)
        dialog.exec()
        if dialog.relaunch_choice() != course.relaunch:
            self.env.worker.submit(
                self.services.library.set_relaunch, course.id, dialog.relaunch_choice(), on_done=lambda _r: self.refresh()
            )
        if dialog.network_choice() != course.allow_network:
            self.env.worker.submit(
                self.services.library.set_network, course.id, dialog.network_choice(),
                on_done=lambda _r: self.refresh(),
            )

    def _remove_course(self) -> None:
        course = self._current_course()
        if course is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove course"), self.tr(
            "Remove “{0}” from the library?").format(course.title), parent=self)
        box.setInformativeText(self.tr(
            "Its files are deleted. Learners' records are kept (in reports, the dashboard and the sync queue) unless "
            "you also delete them; importing the package again brings the course back with them."))
        keep = box.addButton(self.tr("Remove, keep records"), QMessageBox.ButtonRole.AcceptRole)
        wipe = box.addButton(self.tr("Remove with records"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() not in (keep, wipe):
            return
        self.media_jobs.cancel(course.id)
        self.env.worker.submit(
            self.services.library.remove, course.id, box.clickedButton() is wipe, on_done=lambda _r: self.refresh()
        )

    def _update_course(self) -> None:
        course = self._current_course()
        if course is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Newer version of “{0}”").format(course.title), str(Path.home()),
            self.tr("SCORM packages (*.zip);;All files (*)"))
        if not path:
            return

        def update():
            with open_package(Path(path)) as pkg:
                identifier = pkg.manifest().identifier
            if identifier != course.identifier:
                raise PackageError(
                    f"This package is another course (identifier '{identifier}', not '{course.identifier}'); "
                    "nothing was changed."
                )
            return self.services.library.import_package(Path(path), update=True)

        def done(outcome) -> None:
            if outcome.duplicate_of is not None:
                QMessageBox.information(self, self.tr("Update course"), self.tr("That version is already in the library."))
            else:
                self.statusBar().showMessage(
                    self.tr("“{0}” was updated; learners' records are kept.").format(course.title), 10000)
            self.refresh()

        def failed(exc) -> None:
            QMessageBox.warning(self, self.tr("Update course"), str(exc))

        self.env.worker.submit(update, on_done=done, on_error=failed)

    def _start_over(self) -> None:
        course = self._current_course()
        learner = self.learner_menu.active()
        if course is None or learner is None:
            return
        answer = QMessageBox.question(self, self.tr("Start over"), self.tr(
            "Start “{0}” again from the beginning for {1}?\n\nThe current attempt is kept in the history."
        ).format(course.title, learner.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.env.worker.submit(
                self.services.records.new_attempt, learner.id, course.id, on_done=lambda _r: self.refresh()
            )

    # -- first run -----------------------------------------------------------------------------------------------
    def start_maintenance(self) -> None:
        """After the window is shown: the start-up work that grows with the library (integrity check, daily backup,
        stale summaries; `Services.maintenance`) runs on the Worker; what it finds is said in a message box."""
        self.env.worker.submit(self.services.maintenance, on_done=self._maintenance_done)

    def _maintenance_done(self, notices: list[str]) -> None:
        for notice in notices:
            QMessageBox.warning(self, "SCORM Desktop", notice)

    def welcome_if_first_run(self) -> None:
        """On the very first start, the welcome names the first learner and offers the sample course."""
        if self.services.settings.welcomed:
            return
        self.env.worker.submit(lambda: bool(self.services.records.learners()), on_done=self._welcome)

    def _welcome(self, has_learners: bool) -> None:
        settings = self.services.settings
        if has_learners:  # a library from before the welcome existed: nothing to ask
            settings.welcomed = True
            self.env.worker.submit(self.services.save_settings)
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
            self.refresh()
            if sample_id is not None:
                self.play(sample_id)

        self.env.worker.submit(create, on_done=done)

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
        self.env.worker.submit(load_rows, self.services, on_done=self._set_rows)
        self.env.worker.submit(self.services.find_active_learner, on_done=self._set_learner)

    def _set_rows(self, rows: list[LibraryRow]) -> None:
        self.model.set_rows(rows)
        self.statusBar().showMessage(
            self.tr("{0} course(s). Double-click a course to play it; drop a .zip here to import.").format(len(rows))
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
            self, self.tr("Import SCORM course"), str(Path.home()), self.tr("SCORM packages (*.zip);;All files (*)")
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
        job = ImportJob(expand_sources(paths))
        dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 1000, self)
        dialog.setWindowTitle(self.tr("Importing courses"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(job.cancel.set)
        timer = QTimer(self)

        def poll() -> None:
            name = job.paths[min(job.index, len(job.paths) - 1)].name
            dialog.setLabelText(self.tr("Importing {0} ({1} of {2})…").format(name, job.index + 1, len(job.paths)))
            dialog.setValue(int(1000 * job.done / job.total) if job.total else 0)

        timer.timeout.connect(poll)
        timer.start(100)

        def finished(result: ImportJob) -> None:
            timer.stop()
            dialog.reset()
            dialog.deleteLater()
            self._report_import(result)
            from .dispatch_window import offer_trust  # a dispatch from a new issuer: confirm its fingerprint

            offer_trust(self, result.refused)
            self.media_jobs.after_import(result.outcomes)
            self.refresh()

        self.statusBar().showMessage(self.tr("Importing {0} package(s)…").format(len(paths)))
        self.env.worker.submit(run_import, self.services, job, on_done=finished)

    def _report_import(self, job: ImportJob) -> None:
        lines, summary, show = self._import_summary(job)
        self.statusBar().showMessage(summary, 10000)
        if show:
            box = QMessageBox(
                QMessageBox.Icon.Warning if job.refused else QMessageBox.Icon.Information,
                self.tr("Import"), summary, parent=self,
            )
            box.setInformativeText("\n".join(lines))
            box.open()
        added = [o for o in job.outcomes if o.course]
        if added:
            self._select_course(added[-1].course.id)

    def _check_course(self) -> None:
        from .check_dialog import ask_and_check

        self._check_dialog = ask_and_check(self, self.env.worker)

    def _import_summary(self, job: ImportJob) -> tuple[list[str], str, bool]:
        """The import result's lines (file names and the paths the messages quote never broken across lines), its
        one-line summary, and whether it needs a dialog."""
        added = [o for o in job.outcomes if o.course]
        dupes = [o for o in job.outcomes if o.duplicate_of]
        lines = []
        for o in added:
            lines.append(self.tr("Imported “{0}”.").format(o.course.title))
            lines += [f"  ⚠ {_unbreak_quoted(w)}" for w in o.warnings]
        for o in dupes:
            lines.append(self.tr("{0} is already in the library as “{1}”.").format(_unbreakable(o.source.name),
                                                                                     o.duplicate_of.title))
        for path, msg in job.refused:
            lines.append(self.tr("{0} was not imported: {1}").format(_unbreakable(path.name), _unbreak_quoted(msg)))
        if job.cancel.is_set():
            lines.append(self.tr("The import was cancelled; nothing half-imported was kept."))
        summary = self.tr("{0} imported, {1} already present, {2} refused").format(len(added), len(dupes), len(job.refused))
        show = bool(job.refused or dupes or any(o.warnings for o in added) or job.cancel.is_set())
        return lines, summary, show

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
        if self.player_window is not None:
            self.player_window.raise_()
            self.player_window.activateWindow()
            return
        preview = self.learner_menu.preview_action.isChecked()
        window_class = self._player_class(course_id)
        win = window_class(self.services, self.env, learner=self.services.settings.active_learner, preview=preview)
        win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        win.recordsChanged.connect(self.refresh)
        win.finished.connect(self._player_closed)
        self.player_window = win
        win.open_course(course_id, item)
        win.show()

    def _player_class(self, course_id: int) -> type:
        """The player window for the course (cmi5 and Tin Can courses have their own), from the library's rows."""
        rows = (self.model.row_at(r).course for r in range(self.model.rowCount()))
        return player_window_class(next((c for c in rows if c.id == course_id), None))

    def _player_closed(self) -> None:
        self.player_window = None
        self.refresh()
        self.sync.controller.sync_soon()

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

    def dispose(self) -> None:
        """Teardown in Chromium's order: windows and their pages are gone, then the profile, then the worker."""
        self.media_jobs.shutdown()
        self.sync.controller.shutdown()
        self.env.shutdown()


#: WORD JOINER: invisible, forbids a line break on either side.
_JOIN = "\u2060"


def _unbreakable(name: str) -> str:
    """`name` with a word joiner around each punctuation mark, where text layout would otherwise break a line
    ("resources/ SequencingTest.htm", "emp-bad-" / "cts.zip"): a file name stays on one line."""
    return re.sub(r"(?<=\S)([^\w\s])(?=\S)", _JOIN + r"\1" + _JOIN, name)


def _unbreak_quoted(message: str) -> str:
    """The paths a message quotes ('content/index.html') made unbreakable, the rest left to wrap."""
    return re.sub(r"'([^'\s]+)'", lambda m: "'" + _unbreakable(m.group(1)) + "'", message)
