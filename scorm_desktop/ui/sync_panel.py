"""Sync in the main window: its status in the status bar (`SyncStatusWidget`), the Sync menu with the records
bundles (`SyncUi`), and `install`, which puts them in a window and starts the background sync.

The loop itself is `ui/sync_controller.py` (its own thread); the settings dialog is `ui/sync_settings_dialog.py`.
The short jobs that write like the learner's do (importing a bundle, exporting one) and the keyring go through the
Worker; a bundle import says it changed the outbox, which wakes the sync (`Worker.changed`).
"""

from __future__ import annotations

import math
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QMenu, QMenuBar, QMessageBox, QStatusBar, QToolButton, QWidget,
)

from ..sync.bundles import BundleError, ExportResult, ImportResult, export_records, import_records
from .sync_controller import SyncController, SyncState
from .sync_settings_dialog import SyncSettingsDialog
from .tasks import Changed, Worker, as_outcome

if TYPE_CHECKING:
    from ..services import Services

#: "Sync now". F5 is Refresh in the Course menu; F9 is "Send/Receive" in mail programs.
SYNC_SHORTCUT = "F9"
BUNDLE_FILTER = "SCORM Desktop records (*.sdrecords);;All files (*)"


class SyncStatusWidget(QWidget):
    """For the status bar: "Sync: 12 pending · last 14:02" / "offline" / "up to date"; the tool tip has the details;
    clicking it syncs now."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.button = QToolButton(self)
        self.button.setAutoRaise(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setAccessibleName(self.tr("Sync status"))
        self.button.clicked.connect(controller.sync_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        controller.stateChanged.connect(self.show_state)
        self.show_state(controller.state)

    @property
    def text(self) -> str:
        return self.button.text()

    @Slot(object)
    def show_state(self, st: SyncState) -> None:
        if not st.configured:
            parts = [self.tr("Sync: not set up")]
            if st.pending:
                parts.append(self.tr("{0} pending").format(st.pending))
        else:
            if st.syncing:
                head = self.tr("Syncing…")
            elif st.online is False:
                head = self.tr("Sync: offline")
            elif st.last_error:
                head = self.tr("Sync: error")
            elif st.pending == 0 and st.online:
                head = self.tr("Sync: up to date")
            else:
                head = self.tr("Sync")
            parts = [head, self.tr("{0} pending").format(st.pending)]
            if st.last_success_at:
                parts.append(self.tr("last {0}").format(_local_time(st.last_success_at)))
        if st.conflicts or st.quarantined:
            parts.append(self.tr("{0} refused").format(st.conflicts + st.quarantined))
        self.button.setText(" · ".join(parts))
        tip = [self.tr("LRS: {0}").format(st.endpoint or self.tr("none (Sync › Settings…)")),
               self.tr("Pending: {0}; sent: {1}").format(st.pending, st.sent)]
        if st.conflicts or st.quarantined:
            tip.append(self.tr("Refused by the LRS: %n conflict(s), {0} invalid (see `scorm-desktop sync`)", "",
                             st.conflicts).format(st.quarantined))
        tip.append(self.tr("Last successful sync: {0}").format(
            _local_time(st.last_success_at, full=True) if st.last_success_at else self.tr("never")))
        if st.last_error:
            tip.append(self.tr("Last error: {0}").format(st.last_error))
        if st.retry_in:
            tip.append(self.tr("Next try in {0} s").format(math.ceil(st.retry_in)))
        tip.append(self.tr("Click to sync now ({0})").format(SYNC_SHORTCUT))
        self.button.setToolTip("\n".join(tip))


def _local_time(iso: str, full: bool = False) -> str:
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    today = datetime.now(timezone.utc).astimezone().date()
    if full or when.date() != today:
        return when.strftime("%Y-%m-%d %H:%M")
    return when.strftime("%H:%M")


class SyncUi(QObject):
    """The Sync menu, the status widget and the bundle actions of one main window: `parent` for the actions and
    dialogs, `status_bar` for what they say."""

    def __init__(self, parent: QWidget, status_bar: QStatusBar, services: Services, worker: Worker,
                 controller: SyncController) -> None:
        super().__init__(parent)
        self.dialog_parent = parent
        self.status_bar = status_bar
        self.services = services
        self.worker = worker
        self.controller = controller
        self.status = SyncStatusWidget(controller, parent)
        self.menu = QMenu(self.tr("&Sync"), parent)
        self.sync_action = QAction(self.tr("Sync &now"), parent)
        self.sync_action.setShortcut(QKeySequence(SYNC_SHORTCUT))
        self.sync_action.setToolTip(self.tr("Send the learning records to the LRS now ({0})").format(SYNC_SHORTCUT))
        self.sync_action.triggered.connect(controller.sync_now)
        self.settings_action = QAction(self.tr("&Settings…"), parent)
        self.settings_action.triggered.connect(self.edit_settings)
        self.export_action = QAction(self.tr("&Export records…"), parent)
        self.export_action.setToolTip(self.tr("Write the records not yet sent to a signed file (for a USB stick)"))
        self.export_action.triggered.connect(lambda: self.export_bundle())
        self.import_action = QAction(self.tr("&Import records…"), parent)
        self.import_action.setToolTip(self.tr("Queue the records of a file from another computer for sync"))
        self.import_action.triggered.connect(lambda: self.import_bundle())
        self.menu.addAction(self.sync_action)
        self.menu.addAction(self.settings_action)
        self.menu.addSeparator()
        self.menu.addAction(self.export_action)
        self.menu.addAction(self.import_action)
        self.dialog: SyncSettingsDialog | None = None

    def edit_settings(self) -> None:
        self.dialog = SyncSettingsDialog(self.services, self.worker, self.dialog_parent)
        self.dialog.saved.connect(lambda: self.controller.reconfigure())
        self.dialog.open()

    def export_bundle(self, path: str | None = None) -> None:
        if not path:
            stamp = datetime.now().strftime("%Y%m%d-%H%M")
            suggested = str(Path.home() / f"records-{stamp}.sdrecords")
            path, _ = QFileDialog.getSaveFileName(self.dialog_parent, self.tr("Export records"), suggested,
                                                  BUNDLE_FILTER)
            if not path:
                return
        self.status_bar.showMessage(self.tr("Exporting records…"))
        self.worker.submit(as_outcome(export_records, (BundleError, OSError)), self.services.sessions, path,
                           on_done=lambda out: self._done(out, self._exported, self.tr("Export records"), path))

    def import_bundle(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self.dialog_parent, self.tr("Import records"), str(Path.home()),
                                                  BUNDLE_FILTER)
            if not path:
                return
        self.status_bar.showMessage(self.tr("Importing records…"))
        self.worker.submit(as_outcome(import_records, (BundleError, OSError)), self.services.sessions, path,
                           changes=(Changed.OUTBOX,),  # queued rows: the sync wakes by itself
                           on_done=lambda out: self._done(out, self._imported, self.tr("Import records"), path))

    def _done(self, outcome: tuple[bool, object], then, title: str, path: str) -> None:
        ok, value = outcome
        if ok:
            then(value)
        else:
            self._failed(title, path, value)  # type: ignore[arg-type]

    def _exported(self, result: ExportResult) -> None:
        self.last_message = self.tr(
            "%n record(s) were written to {0}.\n\nImport this file on a computer that can reach the LRS "
            "(Sync › Import records…). They stay queued here too: whichever computer syncs first sends them, and "
            "the LRS keeps one copy.\n\nThis computer's key: {1}", "", result.count
        ).format(result.path, result.fingerprint)
        self.status_bar.showMessage(self.tr("Exported %n record(s)", "", result.count), 10000)
        QMessageBox.information(self.dialog_parent, self.tr("Export records"), self.last_message)

    def _imported(self, result: ImportResult) -> None:
        seen = self.tr("first time this computer sees it") if result.new_device else self.tr("known device")
        self.last_message = self.tr(
            "%n new record(s) queued for sync, {0} already known (of {1} in the file).\n\n"
            "From device {2} ({3}), key {4}.", "", result.queued
        ).format(result.already_known, result.count, result.device_id, seen, result.fingerprint)
        self.status_bar.showMessage(self.tr("Imported %n record(s)", "", result.queued), 10000)
        QMessageBox.information(self.dialog_parent, self.tr("Import records"), self.last_message)

    def _failed(self, title: str, path: str, exc: BaseException) -> None:
        if isinstance(exc, BundleError):
            self.last_message = self.tr("Not imported: {0}").format(exc)
        elif isinstance(exc, OSError):
            self.last_message = self.tr("'{0}' could not be used: {1}").format(path, exc.strerror or exc)
        else:
            self.last_message = self.tr("{0} failed: {1}").format(title, exc)
        self.status_bar.clearMessage()
        QMessageBox.warning(self.dialog_parent, title, self.last_message)


def install(parent: QWidget, menu_bar: QMenuBar, status_bar: QStatusBar, services: Services, worker: Worker, *,
            before: QAction | None = None, start: bool = True) -> SyncUi:
    """Add the Sync menu to `menu_bar` (before the menu action `before`, the Help menu's: not found by its text,
    which is translated; at the end without it), the status widget to `status_bar` and start background sync.
    Returns the `SyncUi`; call ``.controller.shutdown()`` when the window closes (it also stops at `aboutToQuit` and
    with `parent`). The sync wakes by itself after writes that change records or the outbox (`Worker.changed`)."""
    controller = SyncController(services, worker, parent)
    ui = SyncUi(parent, status_bar, services, worker, controller)
    if before is not None:
        menu_bar.insertMenu(before, ui.menu)
    else:
        menu_bar.addMenu(ui.menu)
    status_bar.addPermanentWidget(ui.status)
    if start:
        controller.start()
    return ui
