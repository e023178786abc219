"""The dashboard's two tabs: *By learner* (a learner picker and a table of courses, with Resume) and *By course*
(a course search, the status breakdown as a chart, the course's figures and a table of learners). `DashboardWidget`
(dashboard.py) holds them; their tables are the paged models of dashboard_models.py.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCharts import QChart, QChartView, QPieSeries
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMargins, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..reports.queries import Choice, Dashboard, Totals, format_percent, format_total_time
from ..status import LABEL_COLORS, LABELS
from .dashboard_models import (
    ChoiceListModel,
    ProgressBarDelegate,
    StatusTableModel,
    chart_data,
    label_text,
)
from .tasks import Worker

#: What "finished" means beside the statuses, which are exclusive (a summary's and the course figures' tooltip).
FINISHED_TIP = QT_TRANSLATE_NOOP(
    "Dashboard",
    "Each row has one status only: a passed or failed course is not counted again as completed. Finished counts "
    "every row whose content reported it complete, whatever its result (the completion rate).")

#: Wait this long after the last key in a filter field before querying again.
FILTER_DELAY_MS = 250


def _status_filter(parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    # Item data: the labels shown, comma-separated ("" for all).
    box.addItem(QCoreApplication.translate("Dashboard", "All statuses"), "")
    box.addItem(QCoreApplication.translate("Dashboard", "Not finished (not started, in progress)"),
                "not started,in progress")
    box.addItem(QCoreApplication.translate("Dashboard", "Finished (completed, passed, failed)"),
                "completed,passed,failed")
    for label in LABELS:
        box.addItem(label_text(label).capitalize(), label)
    box.setAccessibleName(QCoreApplication.translate("Dashboard", "Show only this status"))
    box.setAccessibleDescription(QCoreApplication.translate("Dashboard", "The table lists only rows with this status"))
    return box


def _table(parent: QWidget, model: StatusTableModel, name: str) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setItemDelegateForColumn(StatusTableModel.PROGRESS_COLUMN, ProgressBarDelegate(view))
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(60)
    for col, width in ((1, 100), (2, 120), (3, 70), (4, 80), (5, 130), (6, 110)):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(col, max(width, _header_width(view, col)))
    fit = lambda *_a: _fit_resume_column(view)  # noqa: E731
    model.modelReset.connect(fit)
    model.rowsInserted.connect(fit)
    view.setAccessibleName(name)
    view.setAccessibleDescription(QCoreApplication.translate(
        "Dashboard", "One row each, with its status in words; Ctrl+Enter resumes the selected course"))
    return view


#: The widest the resume point column grows to show its values (longer ones are elided; the tooltip has them).
RESUME_COLUMN_MAX = 320


def _header_width(view: QTableView, col: int) -> int:
    """The width that shows column `col`'s header text whole, with room for the sort arrow."""
    text = str(view.model().headerData(col, Qt.Orientation.Horizontal) or "")
    return view.horizontalHeader().fontMetrics().horizontalAdvance(text) + 36


def _fit_resume_column(view: QTableView) -> None:
    """The resume point column (the last) as wide as its header and the loaded values need, up to a cap: a
    suspended SCO's identifier or a location is read whole instead of cut off."""
    col = len(StatusTableModel.COLUMNS)  # the first column is not in COLUMNS: this is the last one
    model, fm = view.model(), view.fontMetrics()
    widest = max((fm.horizontalAdvance(str(model.index(r, col).data() or "")) for r in range(model.rowCount())),
                 default=0)
    want = min(RESUME_COLUMN_MAX, max(_header_width(view, col), widest + 16))
    header = view.horizontalHeader()
    if header.sectionSize(col) < want:
        header.resizeSection(col, want)


def _figure(parent: QWidget, layout: QGridLayout, row: int, col: int, caption: str) -> QLabel:
    cap = QLabel(caption, parent)
    value = QLabel("–", parent)
    value.caption = cap  # for a caption that changes with the figure (its plural, say)
    font = value.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    value.setFont(font)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box = QVBoxLayout()
    box.setSpacing(0)
    box.addWidget(value)
    box.addWidget(cap)
    layout.addLayout(box, row, col)
    return value


class LearnerTab(QWidget):
    """A learner picker and the table of that learner's courses."""

    def __init__(self, dashboard: Dashboard, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dashboard = dashboard
        self.worker = worker
        self.learner: Choice | None = None
        self.model = StatusTableModel(worker, "learner", self)

        self.picker = QComboBox(self)
        self.picker.setMinimumContentsLength(18)
        self.picker.setAccessibleName(self.tr("Learner"))
        self.picker.setAccessibleDescription(self.tr("The learner whose courses the table lists"))
        picker_label = QLabel(self.tr("&Learner:"), self)
        picker_label.setBuddy(self.picker)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter courses by title (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter courses by title"))
        self.status = _status_filter(self)
        self.resume_button = QPushButton(self.tr("&Resume"), self)
        self.resume_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(picker_label)
        top.addWidget(self.picker, 1)
        top.addSpacing(12)
        top.addWidget(self.search, 2)
        top.addWidget(self.status)
        top.addWidget(self.resume_button)

        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setToolTip(QCoreApplication.translate("Dashboard", FINISHED_TIP))
        self.table = _table(self, self.model, self.tr("Courses of the learner"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.picker.currentIndexChanged.connect(self._picked)
        self.model.loaded.connect(self._loaded)

    # -- choosing ------------------------------------------------------------------------------------------------
    def set_learners(self, learners: list[Choice], preferred: str | None) -> None:
        current = self.learner.name if self.learner is not None else preferred
        self.picker.blockSignals(True)
        self.picker.clear()
        for lr in learners:
            self.picker.addItem(lr.name, lr)
        self.picker.blockSignals(False)
        names = [lr.name for lr in learners]
        index = names.index(current) if current in names else 0
        if learners:
            self.picker.setCurrentIndex(index)
            self._picked(index)
        else:
            self.learner = None
            self.model.set_query(None)
            self.summary.setText(self.tr("No learner has records yet."))

    def select_learner(self, name: str) -> bool:
        index = self.picker.findText(name)
        if index >= 0:
            self.picker.setCurrentIndex(index)
        return index >= 0

    def _picked(self, index: int) -> None:
        self.learner = self.picker.itemData(index)
        if self.learner is None:
            return
        self.model.set_query(partial(self.dashboard.learner_rows, self.learner.id))

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.search.text(), (self.status.currentData() or "").split(","))

    def refresh(self) -> None:
        self.model.reload()

    def _loaded(self) -> None:
        learner = self.learner
        if learner is None:
            return
        args = {"search": self.model.search, "labels": self.model.labels}
        self.worker.submit(lambda: self.dashboard.learner_totals(learner.id, **args),
                           on_done=lambda totals: self._show_totals(learner, totals))

    def _show_totals(self, learner: Choice, totals: Totals) -> None:
        if learner != self.learner:
            return
        filtered = bool(self.model.search or self.model.labels)
        self.summary.setText(summary_text(self, totals, self.tr("course(s)", "", totals.rows), filtered))


def summary_text(widget: QWidget, t: Totals, noun: str, filtered: bool = False) -> str:
    parts = [f"<b>{t.rows:,}</b> {noun}" + (QCoreApplication.translate("Dashboard", " shown") if filtered else "")]
    # The statuses are exclusive buckets (a passed course is not also "completed"): said as one group, and the share
    # the content reported complete, whatever its result, is "finished", not a "completion rate" beside "completed 0".
    parts.append(QCoreApplication.translate("Dashboard", "by status: {0}").format(
        ", ".join(f"{label_text(label)} <b>{t.counts.get(label, 0):,}</b>" for label in LABELS)))
    parts.append(QCoreApplication.translate("Dashboard", "finished <b>{0:,}</b> ({1})")
                 .format(t.completed, format_percent(t.completion_rate) or "–"))
    parts.append(QCoreApplication.translate("Dashboard", "average progress <b>{0}</b>")
                 .format(format_percent(t.average_progress) or "–"))
    parts.append(QCoreApplication.translate("Dashboard", "average score <b>{0}</b>")
                 .format(format_percent(t.average_score) or "–"))
    parts.append(QCoreApplication.translate("Dashboard", "time <b>{0}</b>").format(format_total_time(t.total_seconds)))
    return " · ".join(parts)


class CourseTab(QWidget):
    """A course search on the left; the chosen course's figures, chart and learners on the right."""

    def __init__(self, dashboard: Dashboard, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dashboard = dashboard
        self.worker = worker
        self.course: Choice | None = None
        self.totals: Totals | None = None

        # left: the course picker
        self.course_search = QLineEdit(self)
        self.course_search.setPlaceholderText(self.tr("Search courses (Ctrl+L)"))
        self.course_search.setClearButtonEnabled(True)
        self.course_search.setAccessibleName(self.tr("Search courses"))
        self.courses = ChoiceListModel(worker, dashboard.courses, self)
        self.course_list = QListView(self)
        self.course_list.setModel(self.courses)
        self.course_list.setUniformItemSizes(True)
        self.course_list.setAccessibleName(self.tr("Courses"))
        self.course_list.setAccessibleDescription(self.tr("Choose the course whose learners the table lists"))
        self.course_count = QLabel(self)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.course_search)
        lv.addWidget(self.course_list, 1)
        lv.addWidget(self.course_count)

        # right: figures, chart, learners
        self.title = QLabel(self.tr("Choose a course"), self)
        tf = self.title.font()
        tf.setPointSizeF(tf.pointSizeF() * 1.4)
        tf.setBold(True)
        self.title.setFont(tf)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        figures = QGridLayout()
        figures.setHorizontalSpacing(24)
        self.fig_learners = _figure(self, figures, 0, 0, self.tr("learners"))
        self.fig_completion = _figure(self, figures, 0, 1, self.tr("finished"))
        for label in (self.fig_completion, self.fig_completion.caption):
            label.setToolTip(QCoreApplication.translate("Dashboard", FINISHED_TIP))
        self.fig_progress = _figure(self, figures, 1, 0, self.tr("average progress"))
        self.fig_score = _figure(self, figures, 1, 1, self.tr("average score"))
        self.fig_time = _figure(self, figures, 2, 0, self.tr("total time"))
        self.fig_started = _figure(self, figures, 2, 1, self.tr("started"))
        figures.setRowStretch(3, 1)

        self.pie = QPieSeries()
        self.chart = QChart()
        self.chart.addSeries(self.pie)
        self.chart.setTitle(self.tr("Learners by status"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.chart.setMargins(QMargins(0, 0, 0, 0))
        self.chart.setBackgroundRoundness(0)
        # The system's colours (dark and high-contrast schemes included), not the chart theme's white.
        self.chart.setBackgroundBrush(self.palette().base())
        self.chart.setTitleBrush(self.palette().text())
        self.chart.legend().setLabelColor(self.palette().text().color())
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(200)
        self.chart_view.setAccessibleName(self.tr("Learners by status (chart)"))

        head = QHBoxLayout()
        fig_box = QWidget(self)
        fig_box.setLayout(figures)
        head.addWidget(fig_box, 2)
        head.addWidget(self.chart_view, 3)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter learners by name (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter learners by name"))
        self.status = _status_filter(self)
        self.resume_button = QPushButton(self.tr("&Resume"), self)
        self.resume_button.setEnabled(False)
        filt = QHBoxLayout()
        filt.addWidget(self.search, 2)
        filt.addWidget(self.status)
        filt.addWidget(self.resume_button)
        self.model = StatusTableModel(worker, "course", self)
        self.table = _table(self, self.model, self.tr("Learners of the course"))

        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.title)
        rv.addLayout(head)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        rv.addWidget(line)
        rv.addLayout(filt)
        rv.addWidget(self.table, 1)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 800])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._search_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.courses.set_search(self.course_search.text()))
        self.course_search.textChanged.connect(lambda _t: self._search_timer.start())
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.course_list.selectionModel().currentChanged.connect(self._picked)
        self.courses.loaded.connect(self._courses_loaded)
        self._pending_course: int | None = None
        self._show_totals(None, Totals())

    def start(self) -> None:
        self.courses.set_search(self.course_search.text())

    def refresh(self) -> None:
        self.courses.reload()
        self.model.reload()
        self._load_totals()

    def select_course(self, course_id: int) -> None:
        """Show this course (once the course list holds it; a course far down the list is shown directly)."""
        for row in range(self.courses.rowCount()):
            if self.courses.row_at(row).id == course_id:
                self.course_list.setCurrentIndex(self.courses.index(row, 0))
                return
        self.worker.submit(self.dashboard.course_title, course_id,
                           on_done=lambda title: title is not None and self._show_course(Choice(course_id, title)))

    def _courses_loaded(self) -> None:
        shown = self.courses.rowCount()
        self.course_count.setText(self.tr("{0:,} of %Ln course(s)", "", self.courses.total).format(shown)
                                  if shown < self.courses.total else self.tr("%Ln course(s)", "", shown))
        if not self.course_list.currentIndex().isValid() and shown and self.course is None:
            self.course_list.setCurrentIndex(self.courses.index(0, 0))

    def _picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_course(self.courses.row_at(current.row()))

    def _show_course(self, course: Choice) -> None:
        self.course = course
        self.title.setText(course.name)
        self.model.set_query(partial(self.dashboard.course_rows, course.id))
        self._load_totals()

    def _load_totals(self) -> None:
        course = self.course
        if course is None:
            return
        self.worker.submit(self.dashboard.course_totals, course.id,
                           on_done=lambda totals: self._show_totals(course, totals))

    def _show_totals(self, course: Choice | None, t: Totals) -> None:
        if course != self.course:
            return
        self.totals = t
        self.fig_learners.setText(f"{t.rows:,}")
        self.fig_learners.caption.setText(self.tr("learner(s)", "", t.rows))
        self.fig_completion.setText(format_percent(t.completion_rate) or "–")
        self.fig_progress.setText(format_percent(t.average_progress) or "–")
        self.fig_score.setText(format_percent(t.average_score) or "–")
        self.fig_time.setText(format_total_time(t.total_seconds))
        self.fig_started.setText(f"{t.started:,}")
        self.pie.clear()
        data = chart_data(t.counts)
        for label, count in data:
            piece = self.pie.append(f"{label_text(label)} ({count:,})", count)
            piece.setColor(QColor(LABEL_COLORS[label]))
            # The background's colour parts slices; a single slice is a whole disc, whose border would only draw
            # a seam from the centre to the top.
            piece.setBorderColor(self.palette().base().color() if len(data) > 1 else piece.color())
        self.chart.setTitle(self.tr("Learners by status") if t.rows else self.tr("No learners yet"))

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.search.text(), (self.status.currentData() or "").split(","))
