"""The library as a Qt table model: one row per course, with the active learner's status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..library.courses import CourseInfo


@dataclass
class LibraryRow:
    course: CourseInfo
    status: dict[str, Any]
    #: A dispatched course's licence in one line ("12 of 20 launches left, expires 31 March 2027"), else "".
    licence: str = ""


def standard_label(course: CourseInfo) -> str:
    if course.standard == "scorm12":
        return "SCORM 1.2"
    if course.standard == "cmi5":
        return "cmi5"
    if course.standard == "xapi":
        return "xAPI (Tin Can)"
    return QCoreApplication.translate("LibraryModel", "SCORM " + course.edition)


#: The editions' names as standard_label() shows them (marked for translation: "4th Edition" reads differently).
_EDITIONS = (QT_TRANSLATE_NOOP("LibraryModel", "SCORM 2004 2nd Edition"),
             QT_TRANSLATE_NOOP("LibraryModel", "SCORM 2004 3rd Edition"),
             QT_TRANSLATE_NOOP("LibraryModel", "SCORM 2004 4th Edition"))


def _pct(v: float | None) -> str:
    return "" if v is None else f"{v * 100:.0f}%"


class LibraryModel(QAbstractTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("LibraryModel", "Title"), QT_TRANSLATE_NOOP("LibraryModel", "Standard"),
               QT_TRANSLATE_NOOP("LibraryModel", "Status"), QT_TRANSLATE_NOOP("LibraryModel", "Score"),
               QT_TRANSLATE_NOOP("LibraryModel", "Progress"), QT_TRANSLATE_NOOP("LibraryModel", "Last opened"))
    CourseIdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[LibraryRow] = []

    def set_rows(self, rows: list[LibraryRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> LibraryRow:
        return self._rows[row]

    def course(self, course_id: int) -> CourseInfo | None:
        """The course with this id as the last refresh read it; None if the view does not hold it (yet)."""
        return next((r.course for r in self._rows if r.course.id == course_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        st = r.status
        col = index.column()
        if role == self.CourseIdRole:
            return r.course.id
        if role in (Qt.ItemDataRole.DisplayRole, self.SortRole):
            sort = role == self.SortRole
            if col == 0:
                return f"{r.course.title}  —  {r.licence}" if r.licence and not sort else r.course.title
            if col == 1:
                return standard_label(r.course)
            if col == 2:
                label = st.get("label", "not started")
                return label if sort else QCoreApplication.translate("Dashboard", label)
            if col == 3:
                return (st.get("score") if st.get("score") is not None else -2.0) if sort else _pct(st.get("score"))
            if col == 4:
                return (st.get("progress") or 0.0) if sort else _pct(st.get("progress"))
            if col == 5:
                last = st.get("last_activity") or ""
                return last if sort else last[:16].replace("T", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = [r.course.title, QCoreApplication.translate("LibraryModel", "{0}, %n SCO(s)", "", r.course.sco_count)
                   .format(standard_label(r.course))]
            tip += [f"⚠ {w}" for w in r.course.warnings]
            tip += [f"Licence: {r.licence}"] if r.licence else []
            return "\n".join(tip)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class LibraryProxy(QSortFilterProxyModel):
    """Search by title (the proxy's filter string) and, when set, one status label ("in progress", "passed", ...)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._status = ""
        self.setSortRole(LibraryModel.SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(0)

    def set_status(self, label: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._status = label
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._status = label
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 (Qt's name)
        if not super().filterAcceptsRow(source_row, source_parent):
            return False
        if not self._status:
            return True
        model = self.sourceModel()
        return model.index(source_row, 2, source_parent).data() == self._status
