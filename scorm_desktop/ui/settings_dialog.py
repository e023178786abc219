"""File > Settings: the run-time's tolerance switches, media conversion, and where the library lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from .. import i18n
from ..cmi.datamodel import SUSPEND_DATA_CAP_12
from ..settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, current_data_dir: Path, explicit_data_dir: bool, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        rt = settings.runtime

        runtime = QGroupBox(self.tr("Course run-time"), self)
        form = QFormLayout(runtime)
        self.suspend_limit = QSpinBox(runtime)
        self.suspend_limit.setRange(4096, SUSPEND_DATA_CAP_12)  # the element's cap: no higher limit could apply
        self.suspend_limit.setSingleStep(4096)
        self.suspend_limit.setValue(rt.suspend_data_limit_12)
        self.suspend_limit.setToolTip(self.tr(
            "SCORM 1.2 allows 4,096 characters of suspend data; Storyline and Rise write more. "
            "4,096 is strict; the default 64,000 keeps such courses resuming."))
        form.addRow(self.tr("SCORM 1.2 suspend data limit (characters):"), self.suspend_limit)
        self.lenient_interactions = QCheckBox(self.tr("Accept interaction formats authoring tools get wrong"), runtime)
        self.lenient_interactions.setChecked(rt.lenient_interactions)
        self.lenient_interactions.setAccessibleDescription(self.tr(
            "Checked, interaction answers in the formats real courses write are stored; unchecked, only the "
            "specification's formats are accepted"))
        form.addRow(self.lenient_interactions)
        self.lenient_times = QCheckBox(self.tr("Accept broken session times (P0S, PT, hours over 99) and count them"),
                                       runtime)
        self.lenient_times.setChecked(rt.lenient_times)
        self.lenient_times.setAccessibleDescription(self.tr(
            "Checked, malformed session times are accepted and counted; unchecked, only well-formed times are"
            " accepted"))
        form.addRow(self.lenient_times)
        note = QLabel(self.tr("Unchecked, the specification's formats only. Changes apply to the next launch."),
                      runtime)
        note.setWordWrap(True)
        form.addRow(note)

        media = QGroupBox(self.tr("Video and audio"), self)
        mform = QFormLayout(media)
        self.convert_media = QCheckBox(
            self.tr("Convert H.264/AAC media to a format the player can show (in the background)"), media)
        self.convert_media.setChecked(settings.convert_media)
        self.convert_media.setAccessibleDescription(self.tr(
            "Without it, such videos stay black or silent in the player"))
        mform.addRow(self.convert_media)

        lang = QGroupBox(self.tr("Language"), self)
        lform = QFormLayout(lang)
        self.language = QComboBox(lang)
        system = i18n.LANGUAGES.get(i18n.system_language(), "English")
        self.language.addItem(self.tr("System default ({0})").format(system), i18n.SYSTEM)
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language or i18n.SYSTEM)))
        self.language.setAccessibleName(self.tr("Language of the app"))
        self.language.setAccessibleDescription(self.tr("Takes effect at the next start"))
        label = QLabel(self.tr("&Language of the app:"), lang)
        label.setBuddy(self.language)
        lform.addRow(label, self.language)
        lang_note = QLabel(self.tr("Takes effect at the next start. Course content keeps its own language."), lang)
        lang_note.setWordWrap(True)
        lform.addRow(lang_note)

        data = QGroupBox(self.tr("Library folder"), self)
        dform = QVBoxLayout(data)
        row = QHBoxLayout()
        self.data_dir = QLineEdit(settings.data_dir or str(current_data_dir), data)
        self.data_dir.setAccessibleName(self.tr("Library folder"))
        self.data_dir.setAccessibleDescription(self.tr("Where the courses and the learners' records are kept"))
        browse = QPushButton(self.tr("Choose…"), data)
        browse.clicked.connect(self._browse)
        browse.setAccessibleDescription(self.tr("Choose the library folder in a folder dialog"))
        row.addWidget(self.data_dir)
        row.addWidget(browse)
        dform.addLayout(row)
        hint = QLabel(self.tr(
            "Takes effect at the next start. A new folder starts an empty library; copy the current folder there "
            "first to keep it."), data)
        hint.setWordWrap(True)
        dform.addWidget(hint)
        if explicit_data_dir:
            self.data_dir.setEnabled(False)
            browse.setEnabled(False)
            hint.setText(self.tr("This run uses a folder given by --data-dir or SCORM_DESKTOP_DATA."))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for box in (runtime, media, lang, data):
            layout.addWidget(box)
        layout.addWidget(buttons)
        self._default_data_dir = str(current_data_dir)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Library folder"), self.data_dir.text())
        if folder:
            self.data_dir.setText(folder)

    def apply(self, settings: Settings) -> None:
        """Write the dialog's choices into `settings` (the caller saves them)."""
        settings.runtime.suspend_data_limit_12 = self.suspend_limit.value()
        settings.runtime.lenient_interactions = self.lenient_interactions.isChecked()
        settings.runtime.lenient_times = self.lenient_times.isChecked()
        settings.convert_media = self.convert_media.isChecked()
        settings.language = self.language.currentData() or i18n.SYSTEM
        if self.data_dir.isEnabled():
            chosen = self.data_dir.text().strip()
            settings.data_dir = chosen if chosen and chosen != self._default_data_dir else settings.data_dir
