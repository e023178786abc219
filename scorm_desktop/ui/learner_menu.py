"""The Learner menu: who is learning on a shared laptop (switch with a PIN, rename, remove) and the trainer's
preview mode. It is handed what it uses: the services and the worker, the menu bar it adds itself to and the status
bar it writes to, the active learner as the window's last refresh found it and a callable that sets the window's
title (preview mode says so there); `parent` is the parent of its actions and dialogs. Writes say they changed the
learners (`Worker.changed`), and the window refreshes itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QInputDialog, QMenuBar, QMessageBox, QStatusBar, QWidget

from .learner_dialogs import PinDialog, SwitchLearnerDialog
from .tasks import Changed, Worker

if TYPE_CHECKING:
    from ..services import Services
    from ..storage.records import LearnerInfo


class LearnerMenu(QObject):
    def __init__(self, parent: QWidget, menu_bar: QMenuBar, status_bar: QStatusBar, services: Services,
                 worker: Worker, active_learner: Callable[[], LearnerInfo | None],
                 set_title: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.dialog_parent = parent
        self.status_bar = status_bar
        self._set_title = set_title
        self.services = services
        self.worker = worker
        self._active_learner = active_learner
        menu = menu_bar.addMenu(self.tr("&Learner"))
        for text, slot, shortcut in (
            (self.tr("&Switch learner…"), self.switch, QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L)),
            (self.tr("&Rename…"), self.rename, None),
            (self.tr("Set &PIN…"), self.set_pin, None),
            (self.tr("Re&move…"), self.remove, None),
        ):
            action = QAction(text, parent)
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)
        menu.addSeparator()
        self.preview_action = QAction(self.tr("Pre&view mode (trainer)"), parent)
        self.preview_action.setCheckable(True)
        self.preview_action.setToolTip(self.tr("Launches run in browse mode, are not recorded and never synced"))
        self.preview_action.toggled.connect(self._preview_toggled)
        menu.addAction(self.preview_action)
        clear = QAction(self.tr("&Clear preview records"), parent)
        clear.triggered.connect(self.clear_preview)
        menu.addAction(clear)

    def switch(self) -> None:
        self.worker.submit(self.services.records.learners, on_done=self._choose)

    def _choose(self, learners) -> None:
        dialog = SwitchLearnerDialog(learners, self.services.settings.active_learner, self.dialog_parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, is_new = dialog.chosen()
        if not name:
            return
        records = self.services.records

        def resolve():
            learner = records.add_learner(name) if is_new else records.find_learner(name)
            return learner, (learner is not None and not is_new and records.has_pin(learner.id))

        self.worker.submit(
            resolve, on_done=lambda found: self._switch_to(*found), changes=(Changed.LEARNERS,),
            on_error=lambda exc: QMessageBox.warning(self.dialog_parent, self.tr("Switch learner"), str(exc)),
        )

    def _switch_to(self, learner, needs_pin: bool) -> None:
        if learner is None:
            return
        if not needs_pin:
            self._become(learner.name)
            return
        ask = PinDialog(learner.name, self.dialog_parent)
        if ask.exec() != QDialog.DialogCode.Accepted:
            return

        def checked(ok: bool) -> None:
            if ok:
                self._become(learner.name)
            else:
                QMessageBox.warning(self.dialog_parent, self.tr("Switch learner"), self.tr("That PIN is not right."))

        # PBKDF2 takes a moment: checked on the worker, not on the UI thread.
        self.worker.submit(self.services.records.check_pin, learner.id, ask.pin.text(), on_done=checked)

    def _become(self, name: str) -> None:
        self.services.settings.active_learner = name
        self.worker.submit(self.services.save_settings, changes=(Changed.LEARNERS,))
        self.status_bar.showMessage(self.tr("Now learning: {0}").format(name), 5000)

    def active(self):
        """The active learner as the last refresh found it (no database read on the UI thread)."""
        learner = self._active_learner()
        if learner is None:
            QMessageBox.information(self.dialog_parent, self.tr("Learner"), self.tr("There is no learner yet."))
        return learner

    def rename(self) -> None:
        learner = self.active()
        if learner is None:
            return
        name, ok = QInputDialog.getText(self.dialog_parent, self.tr("Rename learner"), self.tr("New name:"),
                                        text=learner.name)
        if not ok or not name.strip():
            return
        def renamed(learner) -> None:
            self.services.settings.active_learner = learner.name
            self.worker.submit(self.services.save_settings, changes=(Changed.LEARNERS,))

        self.worker.submit(
            self.services.records.rename_learner, learner.id, name, on_done=renamed, changes=(Changed.LEARNERS,),
            on_error=lambda exc: QMessageBox.warning(self.dialog_parent, self.tr("Rename learner"), str(exc)),
        )

    def set_pin(self) -> None:
        learner = self.active()
        if learner is None:
            return
        ask = PinDialog(learner.name, self.dialog_parent, new=True)
        if ask.exec() == QDialog.DialogCode.Accepted:
            self.worker.submit(
                self.services.records.set_pin, learner.id, ask.pin.text() or None, changes=(Changed.LEARNERS,),
                on_done=lambda _r: self.status_bar.showMessage(self.tr("PIN saved."), 5000),
            )

    def remove(self) -> None:
        learner = self.active()
        if learner is None:
            return
        answer = QMessageBox.question(self.dialog_parent, self.tr("Remove learner"), self.tr(
            "Remove {0} and their records on this computer?\n\nResults already waiting to be synced are still sent; "
            "nothing else can be recovered.").format(learner.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.services.settings.active_learner = None
        self.worker.submit(self.services.records.remove_learner, learner.id,
                           changes=(Changed.LEARNERS, Changed.RECORDS))
        self.worker.submit(self.services.save_settings, changes=(Changed.LEARNERS,))

    def _preview_toggled(self, on: bool) -> None:
        self._set_title("SCORM Desktop" + (self.tr(" — PREVIEW MODE") if on else ""))
        self.status_bar.showMessage(
            self.tr("Preview mode: launches run in browse mode and are not recorded.") if on
            else self.tr("Preview mode is off: launches are recorded for the learner."), 8000)

    def clear_preview(self) -> None:
        self.worker.submit(
            self.services.records.clear_preview, changes=(Changed.RECORDS,),
            on_done=lambda n: self.status_bar.showMessage(self.tr("Cleared %n preview attempt(s).", "", n), 5000),
        )
