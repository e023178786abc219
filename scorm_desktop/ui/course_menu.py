"""The Course menu: play, refresh, the dashboard, details, update from a newer package, remove, start over (and the
window's dispatch actions, added by the window after these). Database work goes through the worker given, each
write saying what it changed, so the library and the dashboard refresh themselves (`Worker.changed`).

The menu is handed what it uses: the services, the worker, the media jobs (a removed course's conversion stops), the
menu bar it adds itself to and the status bar it writes to, and callables for the window's few actions: the
selected course, the active learner (as the last refresh found it), playing a course, refreshing, the dashboard.
`parent` is only the parent of its actions and dialogs; the menu never reaches into the window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenuBar, QMessageBox, QStatusBar, QStyle, QWidget

from ..package.archive import open_package
from ..package.model import PackageError
from .learner_dialogs import CourseDetailsDialog
from .tasks import Changed, Worker
from .waive_dialog import WaiveDialog, can_waive

if TYPE_CHECKING:
    from ..services import Services
    from ..library.courses import CourseInfo
    from .media_jobs import MediaJobs

#: These texts were the main window's and keep its translation context ("MainWindow"), written out for lupdate.
translate = QCoreApplication.translate


class CourseMenu(QObject):
    def __init__(
        self,
        parent: QWidget,
        menu_bar: QMenuBar,
        status_bar: QStatusBar,
        services: Services,
        worker: Worker,
        media_jobs: MediaJobs,
        *,
        current_course: Callable[[], CourseInfo | None],
        active_learner: Callable[[], object | None],
        play: Callable[[int], None],
        refresh: Callable[[], None],
        open_dashboard: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.dialog_parent = parent
        self.status_bar = status_bar
        self.services = services
        self.worker = worker
        self.media_jobs = media_jobs
        self.current_course = current_course
        self.active_learner = active_learner
        self._play = play
        self.menu = menu_bar.addMenu(translate("MainWindow", "&Course"))
        style = parent.style()

        self.play_action = self._add(translate("MainWindow", "&Play"), lambda: self._play_selected(),
                                     [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)],
                                     translate("MainWindow", "Play the selected course (Enter, or double-click it)"))
        self.play_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        # Kept although the library refreshes itself: a course folder changed by hand, or a second process's writes.
        self.refresh_action = self._add(translate("MainWindow", "Re&fresh"), refresh,
                                        [QKeySequence(QKeySequence.StandardKey.Refresh)])
        self.dashboard_action = self._add(translate("MainWindow", "&Dashboard"), open_dashboard,
                                          [QKeySequence("Ctrl+D")],
                                          translate("MainWindow", "Every learner's status on every course (Ctrl+D)"))
        self.details_action = self._add(translate("MainWindow", "De&tails…"), self.details,
                                        [QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I)])
        self.update_action = self._add(translate("MainWindow", "&Update from a newer package…"), self.update_course)
        self.remove_action = self._add(translate("MainWindow", "&Remove from library…"), self.remove,
                                       [QKeySequence(QKeySequence.StandardKey.Delete)])
        self.start_over_action = self._add(translate("MainWindow", "&Start over…"), self.start_over)
        # cmi5: exempt the active learner from an AU (records "waived"); only for a cmi5 course.
        self.waive_action = self._add(translate("MainWindow", "&Waive an AU…"), self.waive, tip=translate(
            "MainWindow", "Exempt the active learner from a part of the selected cmi5 course"))
        self.menu.aboutToShow.connect(self._update_waive)

    def _add(self, text: str, slot: Callable[[], object], keys: list[QKeySequence] | None = None,
             tip: str | None = None) -> QAction:
        action = QAction(text, self.dialog_parent)
        if keys:
            action.setShortcuts(keys)
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    def _play_selected(self) -> None:
        course = self.current_course()
        if course is not None:
            self._play(course.id)

    def _update_waive(self) -> None:
        course = self.current_course()
        self.waive_action.setEnabled(course is not None and can_waive(course))

    def waive(self) -> None:
        course = self.current_course()
        if course is None:
            return
        if not can_waive(course):
            QMessageBox.information(self.dialog_parent, translate("MainWindow", "Waive an AU"), translate(
                "MainWindow", "Only a cmi5 course has AUs a learner can be exempted from."))
            return
        learner = self.active_learner()  # says "There is no learner yet." when there is none
        if learner is not None:
            WaiveDialog(self.services, self.worker, course, learner, self.dialog_parent).exec()

    def details(self) -> None:
        course = self.current_course()
        if course is None:
            return
        dialog = CourseDetailsDialog(course, self.dialog_parent)
        dialog.exec()
        library = self.services.library
        if dialog.relaunch_choice() != course.relaunch:
            self.worker.submit(library.set_relaunch, course.id, dialog.relaunch_choice(), changes=(Changed.LIBRARY,))
        if dialog.network_choice() != course.allow_network:
            self.worker.submit(library.set_network, course.id, dialog.network_choice(), changes=(Changed.LIBRARY,))

    def remove(self) -> None:
        course = self.current_course()
        if course is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, translate("MainWindow", "Remove course"), translate(
            "MainWindow", "Remove “{0}” from the library?").format(course.title), parent=self.dialog_parent)
        box.setInformativeText(translate(
            "MainWindow",
            "Its files are deleted. Learners' records are kept (in reports, the dashboard and the sync queue) unless "
            "you also delete them; importing the package again brings the course back with them."))
        keep = box.addButton(translate("MainWindow", "Remove, keep records"), QMessageBox.ButtonRole.AcceptRole)
        wipe = box.addButton(translate("MainWindow", "Remove with records"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() not in (keep, wipe):
            return
        self.media_jobs.cancel(course.id)
        self.worker.submit(self.services.library.remove, course.id, box.clickedButton() is wipe,
                           changes=(Changed.LIBRARY, Changed.RECORDS))

    def update_course(self) -> None:
        course = self.current_course()
        if course is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.dialog_parent, translate("MainWindow", "Newer version of “{0}”").format(course.title),
            str(Path.home()),
            translate("MainWindow", "Course packages (*.zip);;All files (*)"))
        if not path:
            return
        library = self.services.library

        def update():
            with open_package(Path(path)) as pkg:
                identifier = pkg.manifest().identifier
            if identifier != course.identifier:
                raise PackageError(
                    f"This package is another course (identifier '{identifier}', not '{course.identifier}'); "
                    "nothing was changed."
                )
            return library.import_package(Path(path), update=True)

        def done(outcome) -> None:
            if outcome.duplicate_of is not None:
                QMessageBox.information(self.dialog_parent, translate("MainWindow", "Update course"),
                                        translate("MainWindow", "That version is already in the library."))
            else:
                self.status_bar.showMessage(translate(
                    "MainWindow", "“{0}” was updated; learners' records are kept.").format(course.title), 10000)

        def failed(exc) -> None:
            QMessageBox.warning(self.dialog_parent, translate("MainWindow", "Update course"), str(exc))

        self.worker.submit(update, on_done=done, on_error=failed, changes=(Changed.LIBRARY, Changed.RECORDS))

    def start_over(self) -> None:
        course = self.current_course()
        learner = self.active_learner()
        if course is None or learner is None:
            return
        answer = QMessageBox.question(self.dialog_parent, translate("MainWindow", "Start over"), translate(
            "MainWindow",
            "Start “{0}” again from the beginning for {1}?\n\nThe current attempt is kept in the history."
        ).format(course.title, learner.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.worker.submit(self.services.records.new_attempt, learner.id, course.id, changes=(Changed.RECORDS,))
