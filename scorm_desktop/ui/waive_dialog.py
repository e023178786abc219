"""Course › Waive an AU…: exempt a learner from an AU of a cmi5 course (cmi5 9.3.9). The work is `cmi5/waive.py`'s,
run on the one background Worker; the dialog lists the AUs the learner may still be exempted from and the reasons
cmi5 defines. `can_waive(course)` says whether the menu entry applies (the lead wires it into the Course menu)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from ..cmi5 import waive as service
from ..cmi5.waive import WaiveError
from .tasks import Changed

__all__ = ["WaiveDialog", "can_waive"]


def can_waive(course) -> bool:
    """Whether "Waive an AU…" applies to this course (a cmi5 course)."""
    return service.can_waive(course)


class WaiveDialog(QDialog):
    """Pick the AU and the reason; OK records "waived" (and any "satisfied" it brings) for `learner`. Emits
    `waived(outcome)` (a `cmi5.waive.Waived`) and closes; a refusal is shown in the dialog, which stays open."""

    waived = Signal(object)

    def __init__(self, services, worker, course, learner, parent=None) -> None:
        super().__init__(parent)
        self.services, self.worker, self.course, self.learner = services, worker, course, learner
        self.setWindowTitle(self.tr("Waive an AU"))
        self.setMinimumWidth(440)
        intro = QLabel(self.tr("Exempt {0} from a part of “{1}”. The LMS records it as waived (passed and "
                               "completed for the course's rules), and it is sent with the other records.")
                       .format(learner.name, course.title), self)
        intro.setWordWrap(True)
        self.au = QComboBox(self)
        self.au.setAccessibleName(self.tr("Assignable unit"))
        self.au.setEnabled(False)
        self.au.addItem(self.tr("Reading the course…"), None)
        self.reason = QComboBox(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        labels = {"Tested Out": self.tr("Tested out"), "Equivalent AU": self.tr("Equivalent AU"),
                  "Equivalent Outside Activity": self.tr("Equivalent outside activity"),
                  "Administrative": self.tr("Administrative")}
        for value in service.REASONS:
            self.reason.addItem(labels[value], value)
        self.reason.setCurrentIndex(self.reason.findData("Administrative"))
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        form = QFormLayout()
        form.addRow(self.tr("AU:"), self.au)
        form.addRow(self.tr("Reason:"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Waive"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self._waive)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        worker.submit(service.waivable, services, course, learner, on_done=self._listed, on_error=self._failed)

    def _listed(self, aus) -> None:
        self.au.clear()
        for au in aus:
            self.au.addItem(au.title if au.title == au.id else f"{au.title} ({au.id})", au.id)
        self.au.setEnabled(bool(aus))
        self.ok.setEnabled(bool(aus))
        if not aus:
            self.message.setText(self.tr("{0} has satisfied or been exempted from every AU of this course; there is "
                                         "nothing to waive.").format(self.learner.name))

    def _waive(self) -> None:
        au_id = self.au.currentData()
        if au_id is None:
            return
        self.ok.setEnabled(False)
        self.message.setText(self.tr("Recording…"))
        self.worker.submit(service.waive, self.services, self.course, self.learner, au_id,
                           self.reason.currentData(), on_done=self._done, on_error=self._failed,
                           changes=(Changed.RECORDS, Changed.OUTBOX))

    def _done(self, outcome) -> None:
        self.waived.emit(outcome)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, WaiveError):
            self.message.setText(self.tr("Not waived: {0}").format(exc))
        else:
            self.message.setText(self.tr("Not waived: the records could not be written ({0}).").format(exc))
        self.ok.setEnabled(self.au.count() > 0 and self.au.currentData() is not None)
