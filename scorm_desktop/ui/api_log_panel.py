"""The player's debug panel: every SCORM API call the content makes, as it happens (toggle with F12)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTableView

MAX_ROWS = 50_000


class ApiLogModel(QAbstractTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("ApiLogModel", "Time"), QT_TRANSLATE_NOOP("ApiLogModel", "Call"),
               QT_TRANSLATE_NOOP("ApiLogModel", "Arguments"), QT_TRANSLATE_NOOP("ApiLogModel", "Result"),
               QT_TRANSLATE_NOOP("ApiLogModel", "Error"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[dict] = []

    def append(self, entries: list[dict]) -> None:
        if not entries:
            return
        overflow = len(self._rows) + len(entries) - MAX_ROWS
        if overflow > 0:
            self.beginRemoveRows(QModelIndex(), 0, min(overflow, len(self._rows)) - 1)
            del self._rows[: min(overflow, len(self._rows))]
            self.endRemoveRows()
            entries = entries[-MAX_ROWS:]
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self._rows.extend(entries)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        failed = str(e.get("error", "0")) != "0"
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return str(e.get("at", ""))[11:23]
            if col == 1:
                return e.get("fn", "")
            if col == 2:
                return ", ".join(repr(a) for a in e.get("args", []))
            if col == 3:
                return repr(e.get("result", ""))
            return str(e.get("error", ""))
        if role == Qt.ItemDataRole.ForegroundRole and failed:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{e.get('fn')}({', '.join(map(repr, e.get('args', [])))}) → {e.get('result')!r}, " \
                   f"error {e.get('error')}, {e.get('ms', 0):.2f} ms"
        return None


class ApiLogPanel(QDockWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("SCORM API log"), parent)
        self.setObjectName("api-log")
        self.model = ApiLogModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("SCORM API calls"))
        self.setWidget(self.table)

    def add(self, entries: list[dict]) -> None:
        at_bottom = self.table.verticalScrollBar().value() >= self.table.verticalScrollBar().maximum() - 2
        self.model.append(entries)
        if at_bottom:
            self.table.scrollToBottom()
