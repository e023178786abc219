"""Dispatch in the GUI: Course ▸ "Dispatch to a site…" (a dialog for the recipient and limits, then the file) and
Course ▸ "Dispatches" (the issued dispatches with their report read back from the LRS, and revocation).

Database work goes through the Worker it is handed; the LRS (report, publishing a revocation) is asked on a thread of
its own, so neither the UI nor the writes wait on the network.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QMenu, QMessageBox, QPushButton, QSpinBox, QStatusBar, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..dispatch import store
from ..dispatch.licence import SUFFIX
from .tasks import UiRelay, Worker


class DispatchDialog(QDialog):
    """The limits of a new dispatch; 0 in a count means no limit."""

    def __init__(self, course_title: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dispatch “{0}”").format(course_title))
        form = QFormLayout(self)
        self.recipient = QLineEdit(self)
        self.recipient.setPlaceholderText(self.tr("Site or organisation"))
        self.launches = QSpinBox(self)
        self.learners = QSpinBox(self)
        for spin in (self.launches, self.learners):
            spin.setRange(0, 1_000_000)
            spin.setSpecialValueText(self.tr("no limit"))
        self.expires_on = QCheckBox(self.tr("Expires at the end of"), self)
        self.expires = QDateEdit(QDate.currentDate().addMonths(3), self)
        self.expires.setCalendarPopup(True)
        self.expires.setDisplayFormat("yyyy-MM-dd")
        self.expires.setEnabled(False)
        self.expires_on.toggled.connect(self.expires.setEnabled)
        expiry = QHBoxLayout()
        expiry.addWidget(self.expires_on)
        expiry.addWidget(self.expires)
        self.out = QLineEdit(self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        target = QHBoxLayout()
        target.addWidget(self.out)
        target.addWidget(browse)
        form.addRow(self.tr("&Recipient:"), self.recipient)
        form.addRow(self.tr("Maximum &launches:"), self.launches)
        form.addRow(self.tr("Maximum l&earners:"), self.learners)
        form.addRow(self.tr("Expiry:"), expiry)
        form.addRow(self.tr("&File:"), target)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the dispatch file"), self.out.text(),
                                              self.tr("Dispatch files (*{0})").format(SUFFIX))
        if path:
            self.out.setText(path if path.endswith(SUFFIX) else path + SUFFIX)

    def _check(self) -> None:
        if not self.recipient.text().strip():
            self.error.setText(self.tr("Name the site or organisation the course is for."))
        elif not self.out.text().strip():
            self.error.setText(self.tr("Choose where to save the dispatch file."))
        else:
            self.accept()

    def values(self) -> dict:
        return {
            "recipient": self.recipient.text().strip(),
            "max_launches": self.launches.value() or None,
            "max_learners": self.learners.value() or None,
            "expires": self.expires.date().toString("yyyy-MM-dd") if self.expires_on.isChecked() else None,
            "out": Path(self.out.text().strip()),
        }


class _Remote(QObject):
    """Runs one LRS call on a thread of its own and hands the result back on the UI thread."""

    finished = Signal(object, object)  # (result, error), emitted on the UI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = UiRelay(self)  # never a Python object through a queued signal (ui/tasks.py says why)

    def run(self, fn, *args) -> None:
        def job() -> None:
            try:
                result = fn(*args)
            except Exception as exc:  # noqa: BLE001  (shown to the user as one sentence)
                self._relay.post(lambda error=exc: self.finished.emit(None, error))
            else:
                self._relay.post(lambda: self.finished.emit(result, None))

        threading.Thread(target=job, name="scorm-desktop-dispatch-lrs", daemon=True).start()


class DispatchWindow(QWidget):
    """The issued dispatches and, after "Read the report", the LRS's figures per dispatch."""

    COLUMNS = ("Dispatch", "Course", "Recipient", "Limits", "State", "Launches", "Learners", "Completed", "Passed",
               "Average score", "Last launch", "Missing records")

    def __init__(self, services, worker, parent=None, create=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.services, self.worker = services, worker
        # create(): dispatch the library's selected course (the main window's dialog); False when none is selected.
        self._create_fn = create
        self.setWindowTitle(self.tr("Dispatches"))
        self.resize(1000, 360)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setAccessibleName(self.tr("Issued dispatches"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.create_button = QPushButton(self.tr("&New dispatch…"), self)
        self.create_button.setToolTip(self.tr("Dispatch the course selected in the library"))
        self.create_button.clicked.connect(self._create)
        self.create_button.setEnabled(create is not None)
        row.addWidget(self.create_button)
        self.report_button = QPushButton(self.tr("&Read the report from the LRS"), self)
        self.report_button.clicked.connect(self.read_report)
        self.revoke_button = QPushButton(self.tr("Re&voke…"), self)
        self.revoke_button.clicked.connect(self._revoke)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        row.addWidget(self.report_button)
        row.addWidget(self.revoke_button)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        self.dispatches: list[dict] = []
        self.reports: dict[str, dict] = {}
        self._remote = _Remote(self)
        self._remote.finished.connect(self._remote_done)
        self.load()

    def load(self) -> None:
        self.worker.submit(store.issued, self.services.sessions, on_done=self._show)

    def _show(self, dispatches: list[dict]) -> None:
        self.dispatches = dispatches
        self.table.setRowCount(len(dispatches))
        for i, d in enumerate(dispatches):
            limits = ", ".join(f"{k.replace('max_', 'max ')} {d[k]}" for k in ("max_launches", "max_learners",
                                                                              "expires") if d[k] is not None)
            rep = (self.reports.get(d["dispatch_id"]) or {}).get("totals")
            cells = [d["dispatch_id"], d["course_title"], d["recipient"], limits or self.tr("no limits"),
                     self.tr("revoked") if d["revoked_at"] else self.tr("active")]
            if rep:
                avg = "" if rep["average_score"] is None else f"{rep['average_score'] * 100:.0f}%"
                cells += [str(rep["launches"]), str(rep["learners"]), str(rep["completed"]), str(rep["passed"]), avg,
                          (rep["last_launch"] or "")[:16].replace("T", " "), str(rep["missing"])]
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def read_report(self) -> None:
        from ..sync.settings import lrs_settings
        from ..dispatch.remote import dispatch_statements
        from ..dispatch.report import figures

        cfg, password = lrs_settings(self.services)
        dispatches = list(self.dispatches)

        def fetch() -> dict:
            return {d["dispatch_id"]: figures(d, dispatch_statements(cfg, password, d["dispatch_id"]))
                    for d in dispatches}

        self.status.setText(self.tr("Reading the statements from the LRS…"))
        self.report_button.setEnabled(False)
        self._remote.run(fetch)

    def _remote_done(self, result, error) -> None:
        self.report_button.setEnabled(True)
        if error is not None:
            self.status.setText(str(error))
            return
        if isinstance(result, dict) and all(isinstance(v, dict) and "totals" in v for v in result.values()):
            self.reports = result
            missing = sum(r["totals"]["missing"] for r in result.values())
            self.status.setText(self.tr("Report read: %n missing record(s).", "", missing))
        else:
            self.status.setText(self.tr("The revocation list was published on the LRS."))
        self.load()

    def _create(self) -> None:
        if self._create_fn is not None and self._create_fn() is False:
            self.status.setText(self.tr("Select a course in the library first, then choose New dispatch."))

    def _revoke(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.dispatches):
            return
        d = self.dispatches[row]
        answer = QMessageBox.question(
            self, self.tr("Revoke"),
            self.tr("Revoke the dispatch of “{0}” for {1}? Devices stop launching it at their next sync (or when they "
                    "import the revocation file); their results are kept.").format(d["course_title"], d["recipient"]))
        if answer != QMessageBox.StandardButton.Yes:
            return
        from ..sync.settings import lrs_settings
        from ..dispatch.remote import publish_revocations

        cfg, password = lrs_settings(self.services)

        def revoked(doc: dict) -> None:
            self.load()
            if cfg.endpoint:
                self._remote.run(publish_revocations, cfg, password, doc)
            else:
                self.status.setText(self.tr("Revoked here; no LRS is set, so give the sites the revocation file "
                                            "(scorm-desktop dispatch revocations --out FILE)."))

        self.worker.submit(store.revoke, self.services.sessions, d["dispatch_id"], on_done=revoked,
                           on_error=lambda exc: self.status.setText(str(exc)))


def offer_trust(parent: QWidget, services, worker: Worker, refused: list[tuple[Path, str]],
                import_paths: Callable[[list[Path]], None], ask=None) -> None:
    """First-use confirmation: for refused dispatch files whose only fault is an issuer not trusted yet, show the
    issuer key's fingerprint and, if the user confirms, trust it and import those files again (`import_paths`).
    `ask(fingerprint, files) -> bool` replaces the question box in tests."""
    paths = [p for p, _msg in refused]
    if not paths:
        return

    def ask_user(fp: str, files: list[Path]) -> bool:
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("MainWindow", "Trust this issuer?"),
            QCoreApplication.translate(
                "MainWindow",
                "{0} is a dispatched course from an issuer this computer does not trust yet.\n\nIssuer key "
                "fingerprint: {1}\n\nTrust it only if the issuer told you the same fingerprint. Trust it and "
                "import?").format(", ".join(f.name for f in files), fp))
        return answer == QMessageBox.StandardButton.Yes

    def decide(found: dict[str, list[Path]]) -> None:
        from ..sync.bundles import fingerprint

        for key, files in found.items():
            if (ask or ask_user)(fingerprint(key), files):
                worker.submit(store.trust, services.sessions, key,
                              on_done=lambda _fp, files=files: import_paths(files))

    worker.submit(store.untrusted_issuers, services.sessions, paths, on_done=decide)


class DispatchActions(QObject):
    """Course ▸ "Dispatch to a site…" and "Dispatches", added to `menu`. Handed what they use: the services, the
    worker, `parent` for the dialogs and the Dispatches window, the status bar for the outcome, and
    `current_course()`, the library's selected course (None when none is)."""

    def __init__(self, parent: QWidget, status_bar: QStatusBar, services, worker: Worker,
                 current_course: Callable[[], object | None], menu: QMenu) -> None:
        super().__init__(parent)
        self.dialog_parent = parent
        self.status_bar = status_bar
        self.services = services
        self.worker = worker
        self.current_course = current_course
        # The Dispatches window once it was opened (a plain comment: lupdate would give "#:" to the translators).
        self.listing: DispatchWindow | None = None
        create = QAction(QCoreApplication.translate("MainWindow", "Dispatch to a s&ite…"), parent)
        create.setToolTip(QCoreApplication.translate(
            "MainWindow", "Write the selected course with a signed licence (launches, learners, expiry)"))
        create.triggered.connect(lambda _checked=False: self.create())
        menu.addAction(create)
        listing = QAction(QCoreApplication.translate("MainWindow", "Dispatc&hes"), parent)
        listing.triggered.connect(lambda _checked=False: self.show_listing())
        menu.addAction(listing)

    def create(self) -> bool:
        """Dispatch the selected course; False when none is selected."""
        course = self.current_course()
        if course is None:
            return False
        self.create_from(course)
        return True

    def create_from(self, course, dialog: DispatchDialog | None = None) -> None:
        """Ask for the limits, then write the file on the worker; the outcome is one sentence (and the Dispatches
        window, when open, lists the new dispatch)."""
        dialog = dialog or DispatchDialog(course.title, self.dialog_parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        v = dialog.values()

        def done(lic) -> None:
            self.status_bar.showMessage(
                QCoreApplication.translate("MainWindow", "Dispatch of “{0}” for {1} written to {2}.").format(
                    lic.course_title, lic.recipient, v["out"]),
                10000)
            if self.listing is not None:
                self.listing.load()

        self.worker.submit(
            store.create_dispatch, self.services.sessions, course, v["out"], v["recipient"], v["max_launches"],
            v["max_learners"], v["expires"], on_done=done,
            on_error=lambda exc: QMessageBox.warning(
                self.dialog_parent, QCoreApplication.translate("MainWindow", "Dispatch"), str(exc)),
        )

    def show_listing(self) -> None:
        if self.listing is None:
            self.listing = DispatchWindow(self.services, self.worker, self.dialog_parent, create=self.create)
        self.listing.load()
        self.listing.show()
        self.listing.raise_()
