"""The dashboard's Qt models: paged tables whose sorting, filtering and paging run in SQL on the worker.

A view asks only for what it shows: the first page (`PAGE_SIZE` rows) is loaded when the query changes, further pages
when the view scrolls near the end (`canFetchMore` / `fetchMore`). Sorting a column or changing the filter reloads
from the first page; a result that arrives after a newer query was asked for is dropped (a generation counter), so
typing in the filter never shows stale rows. All queries go through the one `Worker`; nothing here touches the disk.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionProgressBar

from ..reports.queries import Choice, Page, StatusRow, format_duration, format_local_time, format_percent
from ..status import LABELS
from .tasks import Worker

PAGE_SIZE = 200

_Index = QModelIndex | QPersistentModelIndex


def label_text(label: str) -> str:
    """A status label as the user reads it (translated)."""
    return QApplication.translate("Dashboard", label)


class _PagedModel(QAbstractTableModel):
    """Rows fetched page by page from a function run on the worker: fn(offset, limit) -> (rows, total)."""

    #: Emitted after a query's first page is in the model (and after each further page).
    loaded = Signal()
    #: Emitted when a query failed (the message is for the status line).
    failed = Signal(str)

    def __init__(self, worker: Worker, parent=None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.worker = worker
        self.page_size = page_size
        self._rows: list[Any] = []
        self._total = 0
        self._generation = 0
        self._fetching = False
        self._fetch: Callable[[int, int], tuple[list[Any], int]] | None = None
        self.loading = False

    # -- queries -------------------------------------------------------------------------------------------------
    def set_fetch(self, fetch: Callable[[int, int], tuple[list[Any], int]] | None) -> None:
        """Use a new query and load its first page (None: empty the model)."""
        self._fetch = fetch
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self._fetching = False
        if self._fetch is None:
            self._replace([], 0)
            self.loaded.emit()
            return
        generation, fetch, size = self._generation, self._fetch, self.page_size
        self.loading = True
        self.worker.submit(lambda: fetch(0, size), on_done=lambda result: self._first_page(generation, result),
                           on_error=lambda exc: self._failed(generation, exc))

    def _first_page(self, generation: int, result: tuple[list[Any], int]) -> None:
        if generation != self._generation:
            return  # a newer query was asked for meanwhile
        self.loading = False
        self._replace(*result)
        self.loaded.emit()

    def _replace(self, rows: list[Any], total: int) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._total = max(total, len(self._rows))
        self.endResetModel()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.loading = False
            self._fetching = False
            self.failed.emit(str(exc))

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802 (Qt's name)
        return not parent.isValid() and self._fetch is not None and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: N802 (Qt's name)
        if parent.isValid() or self._fetching or self._fetch is None or not self.canFetchMore():
            return
        self._fetching = True
        generation, fetch, offset, size = self._generation, self._fetch, len(self._rows), self.page_size
        self.worker.submit(lambda: fetch(offset, size), on_done=lambda result: self._more(generation, offset, result),
                           on_error=lambda exc: self._failed(generation, exc))

    def _more(self, generation: int, offset: int, result: tuple[list[Any], int]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._fetching = False
        rows, total = result
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._total = max(total, len(self._rows)) if rows else len(self._rows)
        self.loaded.emit()

    # -- reading -------------------------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        """How many rows match the query (more than rowCount() until every page is loaded)."""
        return self._total

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)


class StatusTableModel(_PagedModel):
    """A learner's courses (kind "learner") or a course's learners (kind "course"), one status row each."""

    RowRole = Qt.ItemDataRole.UserRole + 1
    #: The progress as a fraction 0..1 (or None), for the progress bar delegate.
    ProgressRole = Qt.ItemDataRole.UserRole + 2
    CourseIdRole = Qt.ItemDataRole.UserRole + 3

    #: (header, sort key) per column; the first column is the course or the learner.
    COLUMNS = ((QT_TRANSLATE_NOOP("Dashboard", "Status"), "status"),
               (QT_TRANSLATE_NOOP("Dashboard", "Progress"), "progress"),
               (QT_TRANSLATE_NOOP("Dashboard", "Score"), "score"), (QT_TRANSLATE_NOOP("Dashboard", "Time"), "time"),
               (QT_TRANSLATE_NOOP("Dashboard", "Last activity"), "last_activity"),
               (QT_TRANSLATE_NOOP("Dashboard", "Resume point"), "resumable"))
    PROGRESS_COLUMN = 2

    def __init__(self, worker: Worker, kind: str, parent=None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(worker, parent, page_size)
        if kind not in ("learner", "course"):
            raise ValueError(kind)
        self.kind = kind
        self._first = ((QT_TRANSLATE_NOOP("Dashboard", "Course"), "title") if kind == "learner"
                       else (QT_TRANSLATE_NOOP("Dashboard", "Learner"), "learner"))
        self._query: Callable[..., Page] | None = None
        self.sort_key = self._first[1]
        self.descending = False
        self.search = ""
        self.labels: tuple[str, ...] = ()

    def columns(self) -> tuple[tuple[str, str], ...]:
        return (self._first,) + self.COLUMNS

    def set_query(self, query: Callable[..., Page] | None) -> None:
        """`query(search=, labels=, sort=, descending=, limit=, offset=) -> Page`, e.g. a bound
        `Dashboard.learner_rows` with its learner; None empties the table."""
        self._query = query
        self._refetch()

    def set_filter(self, search: str | None = None, labels: Iterable[str] | None = None) -> None:
        if search is not None:
            self.search = search.strip()
        if labels is not None:
            self.labels = tuple(lb for lb in labels if lb in LABELS)
        self._refetch()

    def query_args(self) -> dict[str, Any]:
        """The current filter and order, as the query functions take them (exports reuse them)."""
        return {"search": self.search, "labels": self.labels, "sort": self.sort_key, "descending": self.descending}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        cols = self.columns()
        if not 0 <= column < len(cols):
            return
        key, descending = cols[column][1], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) and self._rows:
            return
        self.sort_key, self.descending = key, descending
        self._refetch()

    def sort_column(self) -> int:
        return next((i for i, c in enumerate(self.columns()) if c[1] == self.sort_key), 0)

    def _refetch(self) -> None:
        query = self._query
        if query is None:
            self.set_fetch(None)
            return
        args = self.query_args()

        def fetch(offset: int, limit: int) -> tuple[list[StatusRow], int]:
            page = query(limit=limit, offset=offset, **args)
            return page.rows, page.total

        self.set_fetch(fetch)

    # -- Qt ------------------------------------------------------------------------------------------------------
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.columns())

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QApplication.translate("Dashboard", self.columns()[section][0])
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r: StatusRow = self._rows[index.row()]
        col = index.column()
        if role == self.RowRole:
            return r
        if role == self.CourseIdRole:
            return r.course_id
        if role == self.ProgressRole:
            return r.progress
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == self.PROGRESS_COLUMN:
            return format_percent(r.progress) or QApplication.translate("Dashboard", "unknown")
        return None

    def _text(self, r: StatusRow, col: int) -> str:
        if col == 0:
            return r.course_title if self.kind == "learner" else r.learner
        if col == 1:
            return label_text(r.label)
        if col == 2:
            return format_percent(r.progress)
        if col == 3:
            return format_percent(r.score)
        if col == 4:
            return format_duration(r.total_seconds) if r.attempt is not None else ""
        if col == 5:
            return format_local_time(r.last_activity)
        if col == 6:
            return (r.resume_point or QApplication.translate("Dashboard", "yes")) if r.resumable else ""
        return ""

    def _tooltip(self, r: StatusRow, col: int) -> str | None:
        if col == 0:
            lines = [r.course_title if self.kind == "learner" else r.learner]
            if r.attempt is not None:
                lines.append(QApplication.translate("Dashboard", "Attempt {0}; completion: {1}; success: {2}")
                             .format(r.attempt, r.completion, r.success))
            return "\n".join(lines)
        if col == 6 and r.resumable:
            return QApplication.translate("Dashboard", "Resumes at: {0}").format(r.resume_point or "")
        return None


class ChoiceListModel(_PagedModel):
    """The course picker: course titles containing a search text, by title, paged."""

    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, worker: Worker, query: Callable[[str, int, int], tuple[list[Choice], int]],
                 parent=None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(worker, parent, page_size)
        self._query = query
        self.search = ""

    def set_search(self, search: str) -> None:
        self.search = search.strip()
        query, search = self._query, self.search
        self.set_fetch(lambda offset, limit: query(search, limit, offset))

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else 1

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        c: Choice = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return c.name
        if role == self.IdRole:
            return c.id
        return None


class ProgressBarDelegate(QStyledItemDelegate):
    """Draws a progress fraction (StatusTableModel.ProgressRole) as a small progress bar with its percentage."""

    def paint(self, painter, option, index) -> None:
        value = index.data(StatusTableModel.ProgressRole)
        if value is None:
            super().paint(painter, option, index)  # unknown: the cell stays empty, not a misleading 0%
            return
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        # The bar on the left, the percentage beside it: text drawn across the fill is hard to read.
        rect = option.rect.adjusted(4, 4, -4, -4)
        text_width = option.fontMetrics.horizontalAdvance("100%") + 6
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(rect.left(), rect.top(), max(10, rect.width() - text_width), rect.height())
        bar.minimum, bar.maximum = 0, 100
        bar.progress = int(round(max(0.0, min(1.0, value)) * 100))
        bar.textVisible = False
        # Not the row's selected state: the bar keeps its own colours on a selected row.
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setPen(option.palette.color(option.palette.ColorRole.HighlightedText if selected
                                            else option.palette.ColorRole.Text))
        painter.drawText(QRect(bar.rect.right(), rect.top(), text_width, rect.height()),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), format_percent(value))
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 110), hint.height())


def chart_data(counts: dict[str, int]) -> list[tuple[str, int]]:
    """The status breakdown as (label, count) in the dashboard's order, empty labels left out."""
    return [(label, counts.get(label, 0)) for label in LABELS if counts.get(label, 0)]
