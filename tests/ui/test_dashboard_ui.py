"""The dashboard window (pytest-qt, offscreen): paged models, SQL-side sorting and filtering, Resume, the chart."""

from __future__ import annotations

import os
import sqlite3
import uuid
from functools import partial
from pathlib import Path

import pytest

from scorm_desktop.reports.queries import Dashboard
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from test_dashboard import ATTEMPT_SQL, course_row, insert_courses, populate

pytest.importorskip("PySide6.QtCharts")

from PySide6.QtCore import Qt  # noqa: E402

from scorm_desktop.ui.dashboard import DashboardWidget  # noqa: E402
from scorm_desktop.ui.dashboard_models import StatusTableModel, chart_data  # noqa: E402


@pytest.fixture
def services(tmp_path):
    root, courses, learners = populate(tmp_path / "data")
    svc = open_services(DataPaths(root, explicit=True), with_sample=False)
    svc.settings.active_learner = "Ana"
    yield svc
    svc.close()


@pytest.fixture
def widget(qtbot, services, worker):
    w = DashboardWidget(services, worker)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    qtbot.waitUntil(lambda: w.learner_tab.model.rowCount() == 4 and w.course_tab.model.rowCount() == 3, timeout=5000)
    return w


def titles(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_the_learner_tab_shows_the_active_learner_sorted_by_title(widget):
    tab = widget.learner_tab
    assert tab.picker.currentText() == "Ana"
    assert titles(tab.model) == ["Alpha", "Beta", "delta", "Gamma 100%_x"]
    beta = tab.model.index(1, 0)
    assert [tab.model.index(1, c).data() for c in range(1, 7)] == ["in progress", "50%", "", "0:02:00",
                                                                   tab.model.index(1, 5).data(), "page-3"]
    assert tab.model.index(1, StatusTableModel.PROGRESS_COLUMN).data(StatusTableModel.ProgressRole) == 0.5
    assert beta.data(StatusTableModel.RowRole).resumable is True
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "Course"


def test_sorting_a_column_sorts_in_sql(qtbot, widget):
    tab = widget.learner_tab
    with qtbot.waitSignal(tab.model.loaded, timeout=5000):
        tab.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # score
    assert titles(tab.model)[0] == "Alpha" and tab.model.sort_key == "score" and tab.model.descending
    with qtbot.waitSignal(tab.model.loaded, timeout=5000):
        tab.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # status
    assert [tab.model.index(r, 1).data() for r in range(4)] == ["not started", "in progress", "completed", "passed"]


def test_filtering_by_text_and_status(qtbot, widget):
    tab = widget.learner_tab
    with qtbot.waitSignal(tab.model.loaded, timeout=5000):
        tab.search.setText("ga")
    assert titles(tab.model) == ["Gamma 100%_x"]
    tab.search.clear()
    with qtbot.waitSignal(tab.model.loaded, timeout=5000):
        tab.status.setCurrentIndex(tab.status.findData("not started,in progress"))
    qtbot.waitUntil(lambda: titles(tab.model) == ["Beta", "delta"], timeout=5000)
    qtbot.waitUntil(lambda: "2</b> courses shown" in tab.summary.text(), timeout=5000)


def test_choosing_another_learner(qtbot, widget):
    tab = widget.learner_tab
    with qtbot.waitSignal(tab.model.loaded, timeout=5000):
        assert tab.select_learner("Ben")
    assert [tab.model.index(r, 1).data() for r in range(4)] == ["failed", "in progress", "not started",
                                                                "not started"]
    assert tab.picker.findText("Preview") == -1  # the preview learner is not reported on


def test_resume_asks_to_play_the_course_for_the_active_learner_only(qtbot, widget):
    tab = widget.learner_tab
    tab.table.selectRow(1)  # Beta, suspended
    assert tab.resume_button.isEnabled() and tab.resume_button.text() == "&Resume"
    with qtbot.waitSignal(widget.resumeRequested, timeout=2000) as sig:
        tab.resume_button.click()
    assert sig.args == [widget.dashboard.learner_rows(1).rows[1].course_id]
    with qtbot.waitSignal(widget.resumeRequested, timeout=2000):
        qtbot.keyClick(tab.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    tab.table.selectRow(0)
    assert tab.resume_button.text() == "&Play"  # a course that is not suspended plays (review or new attempt)
    with qtbot.waitSignal(tab.model.loaded, timeout=5000):
        tab.select_learner("Ben")
    tab.table.selectRow(1)
    assert not tab.resume_button.isEnabled()  # Ben is not the active learner: the player would record for Ana
    with qtbot.assertNotEmitted(widget.resumeRequested):
        widget.resume()


def test_the_course_tab_chart_and_figures(qtbot, widget):
    tab = widget.course_tab
    assert tab.course.name == "Alpha"
    qtbot.waitUntil(lambda: tab.totals is not None and tab.totals.rows == 3, timeout=5000)
    slices = {s.label(): s.value() for s in tab.pie.slices()}
    assert slices == {"not started (1)": 1, "passed (1)": 1, "failed (1)": 1}
    assert tab.fig_completion.text() == "67%" and tab.fig_score.text() == "60%" and tab.fig_learners.text() == "3"
    assert [tab.model.index(r, 0).data() for r in range(3)] == ["Ana", "Ben", "Cleo"]
    with qtbot.waitSignal(tab.model.loaded, timeout=5000):
        tab.course_list.setCurrentIndex(tab.courses.index(1, 0))  # Beta
    qtbot.waitUntil(lambda: tab.totals.counts["in progress"] == 2, timeout=5000)
    assert {s.label(): s.value() for s in tab.pie.slices()} == {"not started (1)": 1, "in progress (2)": 2}
    with qtbot.waitSignal(tab.courses.loaded, timeout=5000):
        tab.course_search.setText("gam")
    assert tab.courses.rowCount() == 1
    assert chart_data({"passed": 2, "failed": 0, "not started": 1}) == [("not started", 1), ("passed", 2)]


def test_paging_loads_more_rows_as_the_view_scrolls(qtbot, tmp_path, worker):
    """600 courses: the first page holds 200 rows; fetchMore appends the next pages in order."""
    root = tmp_path / "big"
    open_services(DataPaths(root, explicit=True), with_sample=False).close()
    conn = sqlite3.connect(root / "library.sqlite3")
    with conn:
        insert_courses(conn, [course_row(i, f"Course {i:04d}") for i in range(1, 601)])
        conn.execute("INSERT INTO learners (id, uid, name, created_at) VALUES (1, 'u1', 'Dee', '2026')")
        conn.executemany(ATTEMPT_SQL, [(1, i, 1, str(uuid.uuid4()), "2026", "2026", "in progress", "incomplete",
                                        "unknown", None, i / 600, 10, 0, None) for i in range(1, 601)])
    conn.close()
    svc = open_services(DataPaths(root, explicit=True), with_sample=False)
    try:
        model = StatusTableModel(worker, "learner")
        with qtbot.waitSignal(model.loaded, timeout=5000):
            model.set_query(partial(Dashboard(svc.sessions).learner_rows, 1))
        assert (model.rowCount(), model.total, model.canFetchMore()) == (200, 600, True)
        for expected in (400, 600):
            with qtbot.waitSignal(model.loaded, timeout=5000):
                model.fetchMore()
            assert model.rowCount() == expected
        assert not model.canFetchMore()
        assert titles(model) == [f"Course {i:04d}" for i in range(1, 601)]
        with qtbot.waitSignal(model.loaded, timeout=5000):
            model.sort(2, Qt.SortOrder.DescendingOrder)  # progress
        assert model.rowCount() == 200 and model.index(0, 0).data() == "Course 0600"
    finally:
        svc.close()


def test_a_stale_result_never_replaces_a_newer_query(qtbot, widget):
    tab = widget.learner_tab
    tab.model.set_filter("alp")
    with qtbot.waitSignal(tab.model.loaded, timeout=5000):
        tab.model.set_filter("del")  # asked before the first answer arrived
    qtbot.wait(200)
    assert titles(tab.model) == ["delta"]


def test_exports_from_the_window(qtbot, widget, tmp_path):
    out = tmp_path / "ana.csv"
    widget.export_csv(out)
    qtbot.waitUntil(out.exists, timeout=5000)
    text = out.read_text(encoding="utf-8-sig")
    assert text.count("\n") == 5 and "Beta" in text
    pdf = tmp_path / "alpha.pdf"
    widget.tabs.setCurrentIndex(1)
    widget.export_pdf(pdf)
    qtbot.waitUntil(pdf.exists, timeout=10000)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_resume_point_column_shows_its_header_and_values_whole(qtbot, services, worker):
    """The last column is never cut off: its header and a realistic resume point (a suspended SCO's identifier)
    fit the column, and the column ends inside the table's viewport, at the dashboard window's size."""
    point = "assessment_item_question_4"  # a real suspended SCO identifier style (golf samples' "…_item")
    conn = sqlite3.connect(services.paths.database)
    with conn:
        conn.execute("UPDATE attempts SET resume_point = ? WHERE resume_point = 'page-3'", (point,))
    conn.close()
    w = DashboardWidget(services, worker)
    qtbot.addWidget(w)
    w.resize(1150, 690)
    w.show()
    qtbot.waitUntil(lambda: point in [w.learner_tab.model.index(r, 6).data()
                                      for r in range(w.learner_tab.model.rowCount())], timeout=5000)
    qtbot.wait(100)
    table = w.learner_tab.table
    header = table.horizontalHeader()
    col = 6
    assert header.model().headerData(col, Qt.Orientation.Horizontal) == "Resume point"
    fm = table.fontMetrics()
    margin = 2 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin, None, table) + 2
    assert header.sectionSize(col) >= fm.horizontalAdvance(point) + margin
    hfm = header.fontMetrics()
    assert header.sectionSize(col) >= hfm.horizontalAdvance("Resume point") + 2 * margin
    assert header.sectionViewportPosition(col) + header.sectionSize(col) <= table.viewport().width()
    w.grab().save(str(Path(os.environ.get("SCORM_DESKTOP_SCREENSHOT_DIR", services.paths.root)) / "dashboard.png"))
