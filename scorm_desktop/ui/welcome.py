"""The first-run welcome: what the app does, who is learning, and the sample course one click away."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from .icons import app_icon

INTRO = QT_TRANSLATE_NOOP("WelcomeDialog", """
<h2>Welcome to SCORM Desktop</h2>
<p>Play e-learning courses on this computer, with or without a network.</p>
<table cellspacing="8">
<tr><td><b>1. Import</b></td><td>Drop a course package (<i>.zip</i>) on the window, or use
<i>File › Import course</i>. SCORM 1.2, SCORM 2004, cmi5 and xAPI (Tin Can) courses are supported.</td></tr>
<tr><td><b>2. Play</b></td><td>Double-click a course. Your progress, answers and scores are saved as you go;
close the course any time and it resumes where you left off.</td></tr>
<tr><td><b>3. Sync</b></td><td>Results stay on this computer until you choose to send them to your organization's
learning record store, when a network is available.</td></tr>
</table>
""")


class WelcomeDialog(QDialog):
    def __init__(self, suggested_name: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to SCORM Desktop"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(560)
        intro = QLabel(self.tr(INTRO), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.name = QLineEdit(suggested_name, self)
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.setAccessibleDescription(self.tr("Your results are recorded under this name"))
        self.name.selectAll()
        self.open_sample = QCheckBox(self.tr("Open the sample course now (about five minutes)"), self)
        self.open_sample.setChecked(True)
        self.open_sample.setAccessibleDescription(self.tr("A short course that shows how the player works"))
        form = QFormLayout()
        form.addRow(self.tr("Who is learning on this computer?"), self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.accepted.connect(self._accept)
        self.hint = QLabel("", self)
        self.hint.setStyleSheet("font-weight: bold;")  # the words say it is a problem; no fixed colour
        self.hint.hide()  # until there is something to say: an empty label would still take its share of height
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.open_sample)
        layout.addWidget(buttons)
        layout.addStretch(1)  # height to spare goes below everything, not between the name and the check box
        self._fit()

    def _fit(self) -> None:
        """As tall as the wrapped text needs at the dialog's width: the size hint alone measures the intro at a
        narrower width (taller), and the difference showed as a gap in the middle of the dialog."""
        width = max(self.width(), self.minimumWidth())
        self.resize(width, max(self.layout().totalHeightForWidth(width), self.layout().totalMinimumSize().height()))

    def learner_name(self) -> str:
        return self.name.text().strip()

    def _accept(self) -> None:
        if not self.learner_name():
            self.hint.setText(self.tr("Please enter a name: your results are recorded under it."))
            self.hint.show()
            self._fit()
            self.name.setFocus()
            return
        self.accept()
