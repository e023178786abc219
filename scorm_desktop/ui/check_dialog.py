"""*File › Check a course…*: choose a package (ZIP or folder), check it as `scorm-desktop check` does, read the
report, save it as a self-contained HTML page for the vendor. The checks run in the background (their own throwaway
data folder, players offscreen); the window stays responsive."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..checker.html import render
from ..checker.report import verdict_words
from .check_runner import CheckRunner, open_throwaway


class CheckDialog(QDialog):
    def __init__(self, path: Path, worker, parent: QWidget | None = None, idle: float = 10.0) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check a course — {0}").format(path.name))
        self.resize(900, 680)
        self.path, self.worker, self.idle = path, worker, idle
        self.runner: CheckRunner | None = None
        self.reports: list = []
        self.status = QLabel(self.tr("Checking {0}: validating the package, then running every item…")
                             .format(path.name), self)
        self.status.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save = QPushButton(self.tr("Save report…"), self)
        self.save.setEnabled(False)
        buttons.addButton(self.save, QDialogButtonBox.ButtonRole.ActionRole)
        self.save.clicked.connect(self._save)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def start(self) -> None:
        # the throwaway data folder is made on the worker: the window never waits on the disk
        self.worker.submit(open_throwaway, on_done=self._begin,
                           on_error=lambda exc: self._show_error(str(exc)))

    def _begin(self, throwaway) -> None:
        self.runner = CheckRunner([(self.path, self.path.name)], idle=self.idle, jobs=8, parent=self,
                                  throwaway=throwaway)
        self.runner.progress.connect(self.status.setText)
        self.runner.finished.connect(self._done)
        self.runner.start()

    def _done(self, reports: list) -> None:
        self.reports = reports
        self.bar.hide()
        report = reports[0]
        verdict, reason = report.explain(i18n._)  # the checker's own sentences in the learner's language
        self.status.setText(self.tr("{0}: {1} — {2}").format(report.source, verdict_words(verdict), reason))
        self.view.setHtml(render(reports))
        self.save.setEnabled(True)

    def _show_error(self, message: str) -> None:
        self.bar.hide()
        self.status.setText(self.tr("The check could not run: {0}").format(message))

    def _save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the check report"),
                                              str(Path.home() / f"{self.path.stem}-check.html"),
                                              self.tr("Web page (*.html)"))
        if not name:
            return
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        text = render(self.reports, stamp)
        self.worker.submit(lambda: Path(name).write_text(text, encoding="utf-8"),
                           on_done=lambda _r: self.status.setText(self.tr("Report saved to {0}.").format(name)),
                           on_error=lambda exc: self.status.setText(self.tr("The report could not be saved: {0}")
                                                                    .format(exc)))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.runner is not None:
            # never waits: a running import is cancelled, the throwaway folder goes on the runner's own thread
            self.runner.close(wait=False)
            self.runner = None
        super().closeEvent(event)


def ask_and_check(parent: QWidget, worker) -> CheckDialog | None:
    """The File menu's action: pick a ZIP package, then check it in a dialog (folders: `scorm-desktop check`)."""
    title = QCoreApplication.translate("CheckDialog", "Check a course package")
    kinds = QCoreApplication.translate("MainWindow", "Course packages (*.zip);;All files (*)")  # the import's words
    name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), kinds)
    if not name:
        return None
    dialog = CheckDialog(Path(name), worker, parent)
    dialog.show()
    dialog.start()
    return dialog
