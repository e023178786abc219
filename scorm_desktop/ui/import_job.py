"""Importing courses from the window: the job the worker runs (`ImportJob`, `run_import`), and the flow around it
(`ImportFlow`: a progress dialog that can cancel, the result said in the status bar and, when something needs
reading, in a message box). The library refreshes itself: the job says it changed the library (`Worker.changed`)."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QStatusBar, QWidget

from ..library.courses import ImportOutcome
from ..package.model import PackageError
from ..package.sources import expand_sources
from .tasks import Changed, Worker

if TYPE_CHECKING:
    from ..services import Services

#: These texts were the main window's and keep its translation context ("MainWindow"), written out for lupdate.
translate = QCoreApplication.translate


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


class ImportFlow(QObject):
    """Import files and folders into the library with a progress dialog over `parent`, the result said in
    `status_bar` (and a message box); `finished(job)` when done (after the result was shown)."""

    finished = Signal(object)

    def __init__(self, parent: QWidget, status_bar: QStatusBar, services: Services, worker: Worker) -> None:
        super().__init__(parent)
        self.dialog_parent = parent
        self.status_bar = status_bar
        self.services = services
        self.worker = worker

    def import_paths(self, paths: list[Path]) -> None:
        job = ImportJob(expand_sources(paths))
        dialog = QProgressDialog(translate("MainWindow", "Importing…"), translate("MainWindow", "Cancel"), 0, 1000,
                                 self.dialog_parent)
        dialog.setWindowTitle(translate("MainWindow", "Importing courses"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(job.cancel.set)
        timer = QTimer(self)

        def poll() -> None:
            name = job.paths[min(job.index, len(job.paths) - 1)].name
            dialog.setLabelText(translate("MainWindow", "Importing {0} ({1} of {2})…").format(
                name, job.index + 1, len(job.paths)))
            dialog.setValue(int(1000 * job.done / job.total) if job.total else 0)

        timer.timeout.connect(poll)
        timer.start(100)

        def finished(result: ImportJob) -> None:
            timer.stop()
            dialog.reset()
            dialog.deleteLater()
            self.report(result)
            self.finished.emit(result)

        self.status_bar.showMessage(translate("MainWindow", "Importing %n package(s)…", "", len(paths)))
        self.worker.submit(run_import, self.services, job, on_done=finished, changes=(Changed.LIBRARY,))

    def report(self, job: ImportJob) -> None:
        lines, summary, show = self.summary(job)
        self.status_bar.showMessage(summary, 10000)
        if show:
            box = QMessageBox(
                QMessageBox.Icon.Warning if job.refused else QMessageBox.Icon.Information,
                translate("MainWindow", "Import"), summary, parent=self.dialog_parent,
            )
            box.setInformativeText("\n".join(lines))
            box.open()

    def summary(self, job: ImportJob) -> tuple[list[str], str, bool]:
        """The import result's lines (file names and the paths the messages quote never broken across lines), its
        one-line summary, and whether it needs a dialog."""
        added = [o for o in job.outcomes if o.course]
        dupes = [o for o in job.outcomes if o.duplicate_of]
        lines = []
        for o in added:
            lines.append(translate("MainWindow", "Imported “{0}”.").format(o.course.title))
            lines += [f"  ⚠ {_unbreak_quoted(w)}" for w in o.warnings]
        for o in dupes:
            lines.append(translate("MainWindow", "{0} is already in the library as “{1}”.").format(
                _unbreakable(o.source.name), o.duplicate_of.title))
        for path, msg in job.refused:
            lines.append(translate("MainWindow", "{0} was not imported: {1}").format(
                _unbreakable(path.name), _unbreak_quoted(msg)))
        if job.cancel.is_set():
            lines.append(translate("MainWindow", "The import was cancelled; nothing half-imported was kept."))
        summary = translate("MainWindow", "{0} imported, {1} already present, {2} refused").format(
            len(added), len(dupes), len(job.refused))
        show = bool(job.refused or dupes or any(o.warnings for o in added) or job.cancel.is_set())
        return lines, summary, show


#: WORD JOINER: invisible, forbids a line break on either side.
_JOIN = "\u2060"


def _unbreakable(name: str) -> str:
    """`name` with a word joiner around each punctuation mark, where text layout would otherwise break a line
    ("resources/ SequencingTest.htm", "emp-bad-" / "cts.zip"): a file name stays on one line."""
    return re.sub(r"(?<=\S)([^\w\s])(?=\S)", _JOIN + r"\1" + _JOIN, name)


def _unbreak_quoted(message: str) -> str:
    """The paths a message quotes ('content/index.html') made unbreakable, the rest left to wrap."""
    return re.sub(r"'([^'\s]+)'", lambda m: "'" + _unbreakable(m.group(1)) + "'", message)
