"""Dialogs for learners on a shared device: choose who is learning (with their PIN), and a course's details."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ..i18n import human_size
from ..library.courses import CourseInfo
from ..storage.records import LearnerInfo
from .library_model import standard_label


class SwitchLearnerDialog(QDialog):
    """Pick the learner (double-click or Enter); "New learner…" adds one. The caller checks the PIN."""

    def __init__(self, learners: list[LearnerInfo], current: str | None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is learning?"))
        self.setMinimumWidth(360)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Learners"))
        self.list.setAccessibleDescription(self.tr("Enter switches to the selected learner"))
        for lr in learners:
            row = QListWidgetItem(lr.name)
            row.setData(Qt.ItemDataRole.UserRole, lr.name)
            self.list.addItem(row)
            if lr.name == current:
                self.list.setCurrentItem(row)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _row: self.accept())
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(self.tr("or type a new learner's name"))
        self.new_name.setAccessibleName(self.tr("New learner's name"))
        self.new_name.setAccessibleDescription(self.tr("Type a name here to add a learner and switch to them"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Switch"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose your name. Each learner's progress is kept apart."), self))
        layout.addWidget(self.list)
        layout.addWidget(self.new_name)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str, bool]:
        """(name, is_new)."""
        typed = self.new_name.text().strip()
        if typed:
            return typed, True
        row = self.list.currentItem()
        return (row.data(Qt.ItemDataRole.UserRole) if row else ""), False


class PinDialog(QDialog):
    def __init__(self, learner: str, parent=None, new: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PIN"))
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.setAccessibleDescription(self.tr("The characters typed are hidden"))
        text = (
            self.tr("A PIN for {0} (leave empty for none):").format(learner)
            if new
            else self.tr("{0}'s PIN:").format(learner)
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text, self))
        layout.addWidget(self.pin)
        layout.addWidget(buttons)


class CourseDetailsDialog(QDialog):
    """Standard, edition, items (SCOs and assets), size, import date, source file, warnings; what a launch after
    completion does, and whether the course's pages may reach the internet."""

    def __init__(self, course: CourseInfo, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Course details"))
        self.setMinimumWidth(480)
        form = QFormLayout()
        title = QLabel(f"<b>{course.title}</b>", self)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Title:"), title)
        form.addRow(self.tr("Standard:"), QLabel(standard_label(course), self))
        form.addRow(self.tr("Identifier:"), QLabel(course.identifier, self))
        form.addRow(self.tr("Items:"), QLabel(self._items_text(course), self))
        form.addRow(self.tr("Size:"), QLabel(human_size(course.size_bytes, lambda text: QCoreApplication.translate("", text)), self))
        form.addRow(self.tr("Imported:"), QLabel(course.imported_at[:16].replace("T", " ") + " UTC", self))
        form.addRow(self.tr("Source file:"), QLabel(course.source_name, self))
        if course.warnings:
            warn = QLabel("\n".join(f"⚠ {w}" for w in course.warnings), self)
            warn.setWordWrap(True)
            form.addRow(self.tr("Warnings:"), warn)
        self.relaunch = QComboBox(self)
        self.relaunch.addItem(self.tr("opens it for review (nothing changes)"), "review")
        self.relaunch.addItem(self.tr("starts a new attempt (the old one stays in history)"), "new-attempt")
        self.relaunch.setCurrentIndex(max(0, self.relaunch.findData(course.relaunch)))
        self.relaunch.setAccessibleDescription(self.tr("What opening this course does once it is completed"))
        form.addRow(self.tr("Once completed, a launch:"), self.relaunch)
        self.network = QCheckBox(self.tr("Allow internet access"), self)
        self.network.setChecked(course.allow_network)
        self.network.setToolTip(self.tr(
            "Off (recommended): the course's pages cannot reach any web address; everything they need is in the "
            "package. On: they may load pages, videos and data from the internet, and send data there."))
        self.network.setAccessibleDescription(self.network.toolTip())
        form.addRow(self.tr("Internet:"), self.network)
        note = QLabel(self.tr("Links to web sites always open in your browser, after you confirm the address."), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        form.addRow("", note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _items_text(self, course: CourseInfo) -> str:
        """What the contents hold: "18 items, all assets", "8 items: 7 SCOs, 1 asset", "1 item, a SCO"."""
        items = course.manifest.launchable_items()
        scos = sum(1 for i in items if course.manifest.is_sco(i))
        n, assets = len(items), len(items) - scos
        if n == 1:
            return self.tr("1 item, a SCO") if scos else self.tr("1 item, an asset")
        if assets == 0:
            return self.tr("{0} items, all SCOs").format(n)
        if scos == 0:
            return self.tr("{0} items, all assets").format(n)
        parts = [self.tr("1 SCO") if scos == 1 else self.tr("{0} SCOs").format(scos),
                 self.tr("1 asset") if assets == 1 else self.tr("{0} assets").format(assets)]
        return self.tr("{0} items: {1}").format(n, ", ".join(parts))

    def relaunch_choice(self) -> str:
        return self.relaunch.currentData()

    def network_choice(self) -> bool:
        return self.network.isChecked()

