"""What a new user tripped over in the GUI (the README trial of 2026-12-05): a review launch that claimed to save
progress, a finished course that said its sentence twice and kept offering Exit/Suspend, a cut contents title,
"1 course(s)", a dashboard that Esc did not close, whose summary read "completed 0 · passed 1 · completion rate 100%"
and whose one-slice pie had a seam, "Size: 0.0 MB", and a welcome dialog with a gap that named only SCORM."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")
pytest.importorskip("PySide6.QtCharts")

from PySide6.QtCore import QCoreApplication, Qt, QTranslator  # noqa: E402
from PySide6.QtGui import QColor, QFontMetrics  # noqa: E402
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel  # noqa: E402

from scorm_desktop.i18n import GIB, KIB, MIB, human_size  # noqa: E402
from scorm_desktop.paths import DataPaths  # noqa: E402
from scorm_desktop.services import open_services  # noqa: E402
from scorm_desktop.status import LABEL_COLORS  # noqa: E402
from scorm_desktop.ui.webenv import WebEnv, delete_now  # noqa: E402

pytestmark = pytest.mark.gui
TIMEOUT_MS = 30000
ROOT = Path(__file__).resolve().parent.parent
TITLE = "Working offline with SCORM Desktop: saving, resuming and syncing"
REVIEW = "Review: you can look through this course; nothing you do here changes your record."

#: A SCO that passes itself and terminates without a navigation request: the learner is left to choose.
SCO = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Lesson</title></head><body><h1>Lesson</h1><script>
var api = window.parent.API_1484_11; api.Initialize('');
api.SetValue('cmi.completion_status', 'completed'); api.SetValue('cmi.success_status', 'passed');
api.SetValue('cmi.score.scaled', '1'); api.Commit(''); api.Terminate('');
</script></body></html>"""


def make_one_sco_course(dest: Path) -> Path:
    """A SCORM 2004 course of one SCO with a long title, as the sample course is."""
    dest.mkdir(parents=True)
    (dest / "lesson.html").write_text(SCO, encoding="utf-8")
    (dest / "imsmanifest.xml").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="onesco" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>{TITLE}</title>
    <item identifier="lesson" identifierref="r-lesson"><title>{TITLE}</title></item>
  </organization></organizations>
  <resources><resource identifier="r-lesson" type="webcontent" adlcp:scormType="sco" href="lesson.html">
    <file href="lesson.html"/></resource></resources>
</manifest>""", encoding="utf-8")
    return dest


@pytest.fixture
def player(qtbot, tmp_path):
    """Opens PlayerWindows on one data folder (one after the other, as a learner does) and cleans them up."""
    from scorm_desktop.ui.player_window import PlayerWindow

    services = open_services(DataPaths(tmp_path / "data", explicit=True), with_sample=False)
    env = WebEnv(services)
    opened = []

    def open_window(course_id: int):
        win = PlayerWindow(services, env, learner="Ana")
        win.resize(1200, 760)
        win.show()
        opened.append(win)
        win.open_course(course_id)
        return win

    open_window.services = services
    yield open_window
    for win in opened:
        win.player.dispose()
        delete_now(win.view)
        delete_now(win)
    env.shutdown()
    services.close()


def _finished(qtbot, win) -> None:
    qtbot.waitUntil(lambda: win.banner.isVisible() and win.banner.text().startswith("You have finished this course"),
                    timeout=TIMEOUT_MS)


def _close(qtbot, win) -> None:
    with qtbot.waitSignal(win.finished, timeout=TIMEOUT_MS):
        win.close()


def _shot(win, name: str, tmp_path: Path) -> None:
    out = Path(os.environ.get("SCORM_DESKTOP_SCREENSHOT_DIR", tmp_path)) / name
    out.parent.mkdir(parents=True, exist_ok=True)
    assert win.grab().save(str(out))


def test_a_finished_course_says_so_once_and_offers_only_what_applies(qtbot, player, tmp_path):
    cid = player.services.library.import_package(make_one_sco_course(tmp_path / "one")).course.id
    win = player(cid)
    _finished(qtbot, win)  # the SCO passed and terminated; nothing runs, the learner may look again
    assert win.statusBar().currentMessage() != win.banner.text()  # the banner says it; the status bar does not
    acts = win.nav_actions
    for request in ("exit", "suspendAll", "exitAll", "abandon", "abandonAll"):
        assert not acts[request].isEnabled(), request  # nothing runs, the course is finished: Close says it all
    assert not win.more_button.isEnabled()
    row = win.toc.topLevelItem(0)
    assert row.toolTip(0).startswith(TITLE + "\n")  # the whole title, however narrow the pane
    width = QFontMetrics(row.font(0)).horizontalAdvance(TITLE)
    # the pane is wide enough for it (once the splitter has laid out the pane the finish showed)
    qtbot.waitUntil(lambda: win.splitter.sizes()[0] >= width + win.toc.iconSize().width(), timeout=TIMEOUT_MS)
    _shot(win, "player-finished.png", tmp_path)
    _close(qtbot, win)


def test_a_review_launch_says_nothing_changes_the_record_and_keeps_saying_it(qtbot, player, tmp_path):
    cid = player.services.library.import_package(make_one_sco_course(tmp_path / "one")).course.id
    first = player(cid)
    _finished(qtbot, first)
    _close(qtbot, first)

    win = player(cid)  # completed: opened for review
    qtbot.waitUntil(lambda: win.player.current is not None, timeout=TIMEOUT_MS)
    assert win.player.current.context.mode == "review"
    qtbot.waitUntil(lambda: win.statusBar().currentMessage() == REVIEW, timeout=TIMEOUT_MS)
    _finished(qtbot, win)  # the SCO ended again: still review, never "your progress is saved"
    assert win.statusBar().currentMessage() == REVIEW
    assert not win.nav_actions["suspendAll"].isEnabled()
    _shot(win, "player-review.png", tmp_path)
    _close(qtbot, win)


class EnglishPlurals(QTranslator):
    """What the English .ts gives a numerus text ("%n course(s)": "1 course", "2 courses"): it can only do so when
    the count reaches the translator."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 (Qt's name)
        if n < 0 or "(s)" not in (source or ""):
            return source  # the source is English
        return source.replace("(s)", "" if n == 1 else "s")


@pytest.fixture
def plurals(qapp):
    translator = EnglishPlurals()
    QApplication.installTranslator(translator)
    yield translator
    QApplication.removeTranslator(translator)


@pytest.fixture
def solo(tmp_path):
    """A library of one course that its one learner, Ana, passed (the trial's state after the sample course)."""
    import sqlite3
    import uuid

    from test_dashboard import ATTEMPT_SQL, course_row, insert_courses

    root = tmp_path / "solo"
    open_services(DataPaths(root, explicit=True), with_sample=False).close()
    conn = sqlite3.connect(root / "library.sqlite3")
    with conn:
        insert_courses(conn, [course_row(1, "Solo")])
        conn.execute("INSERT INTO learners (id, uid, name, created_at) VALUES (1, 'u1', 'Ana', '2026')")
        conn.execute(ATTEMPT_SQL, (1, 1, 1, str(uuid.uuid4()), "2026", "2026", "passed", "completed", "passed", 1.0,
                                   1.0, 78, 0, None))
    conn.close()
    services = open_services(DataPaths(root, explicit=True), with_sample=False)
    services.settings.active_learner = "Ana"
    yield services
    services.close()


def _near(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3]))


def test_dashboard_reads_its_statuses_as_exclusive_draws_a_whole_disc_and_closes_on_esc(qtbot, solo, worker,
                                                                                      plurals, tmp_path):
    from scorm_desktop.ui.dashboard import DashboardWindow

    win = DashboardWindow(solo, worker)
    qtbot.addWidget(win)
    win.show()
    widget = win.widget
    learner_tab, course_tab = widget.learner_tab, widget.course_tab
    qtbot.waitUntil(lambda: "finished" in learner_tab.summary.text(), timeout=5000)
    summary = learner_tab.summary.text()
    assert "completion rate" not in summary  # "completed 0 · passed 1 · completion rate 100%" read as a contradiction
    assert "by status: " in summary and "passed <b>1</b>" in summary and "finished <b>1</b> (100%)" in summary
    assert summary.startswith("<b>1</b> course ·")  # one course, not "course(s)"
    assert widget.status_line.text() == "1 of 1 row loaded"

    widget.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: course_tab.totals is not None and course_tab.totals.rows == 1, timeout=5000)
    assert course_tab.fig_completion.caption.text() == "finished" and course_tab.fig_completion.text() == "100%"
    assert course_tab.fig_learners.caption.text() == "learner"
    assert course_tab.course_count.text() == "1 course"
    # one slice: a whole disc, no seam of the background's colour from the centre to the top
    assert len(course_tab.pie.slices()) == 1
    qtbot.wait(300)
    view, chart = course_tab.chart_view, course_tab.chart
    image = view.grab().toImage()
    area = chart.plotArea()
    radius = min(area.width(), area.height()) * course_tab.pie.pieSize() / 2
    centre = view.mapFromScene(chart.mapToScene(area.center()))
    green = QColor(LABEL_COLORS["passed"])
    ratio = image.devicePixelRatio()
    for k in (0.2, 0.4, 0.6, 0.8):
        y = centre.y() - radius * k
        for dx in (-1, 0, 1):
            pixel = image.pixelColor(int((centre.x() + dx) * ratio), int(y * ratio))
            assert _near(pixel, green), (k, dx, pixel.name())
    _shot(win, "dashboard-one-course.png", tmp_path)

    qtbot.keyClick(win, Qt.Key.Key_Escape)  # as any secondary window
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=2000)


def test_the_library_counts_in_plurals(qtbot, tmp_path, plurals):
    from scorm_desktop.ui.main_window import MainWindow

    services = open_services(DataPaths(tmp_path / "data", explicit=True))  # the sample course: one
    win = MainWindow(services)
    win.show()
    try:
        qtbot.waitUntil(lambda: win.proxy.rowCount() == 1, timeout=5000)
        qtbot.waitUntil(lambda: win.statusBar().currentMessage().startswith("1 course. "), timeout=5000)
        course = services.library.courses()[0]
        tip = win.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
        n = course.sco_count
        assert f", {n} {'SCO' if n == 1 else 'SCOs'}" in tip.split("\n")[1], tip
    finally:
        win.close()
        win.dispose()
        delete_now(win)
        services.close()


def test_course_details_give_a_small_course_a_readable_size(qtbot, tmp_path):
    from scorm_desktop.ui.learner_dialogs import CourseDetailsDialog

    services = open_services(DataPaths(tmp_path / "data", explicit=True))
    try:
        course = services.library.courses()[0]
        assert course.size_bytes < 50 * KIB  # the sample course: "Size: 0.0 MB" in the trial
        dialog = CourseDetailsDialog(course)
        qtbot.addWidget(dialog)
        form = dialog.findChildren(QFormLayout)[0]
        size = next(form.itemAt(r, QFormLayout.ItemRole.FieldRole).widget().text() for r in range(form.rowCount())
                    if form.itemAt(r, QFormLayout.ItemRole.LabelRole).widget().text() == "Size:")
        assert re.fullmatch(r"\d+\.\d KiB", size), size
        assert float(size.split()[0]) == pytest.approx(course.size_bytes / KIB, abs=0.05)
    finally:
        services.close()
    # the one formatter of sizes, in every unit
    assert [human_size(n) for n in (0, 812, 1536, 5 * MIB, 4 * GIB)] == [
        "0 bytes", "812 bytes", "1.5 KiB", "5.0 MiB", "4.0 GiB"]


def test_the_welcome_dialog_has_no_gap_and_names_every_standard(qtbot, tmp_path):
    from scorm_desktop.ui.welcome import WelcomeDialog

    dialog = WelcomeDialog("Ana")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    gap = dialog.open_sample.geometry().top() - dialog.name.geometry().bottom()
    assert gap <= 2 * dialog.layout().spacing() + 8, gap  # was about 80 px of nothing
    intro = dialog.findChildren(QLabel)[0].text()
    assert "cmi5" in intro and "xAPI (Tin Can)" in intro
    _shot(dialog, "welcome.png", tmp_path)
    dialog.name.clear()
    dialog._accept()  # the hint appears, and the dialog grows to show it
    assert dialog.hint.isVisible() and dialog.hint.geometry().bottom() <= dialog.height()
    assert dialog.open_sample.geometry().top() > dialog.hint.geometry().bottom()
    QCoreApplication.processEvents()
