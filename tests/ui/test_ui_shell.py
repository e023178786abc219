"""The UI shell: the "records changed" signal (`Worker.changed`) and the views that follow it, the sync thread's
lifetime, Tab leaving the tables, and no module too long to read in one sitting (issue 19)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from PySide6.QtCore import QObject, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from scorm_desktop.paths import DataPaths  # noqa: E402
from scorm_desktop.services import open_services  # noqa: E402
from scorm_desktop.ui.tasks import Changed  # noqa: E402
from scorm_desktop.ui.webenv import delete_now  # noqa: E402

from helpers import PROBE_2004, PROBE_12, probe_variant, stored_values  # noqa: E402
from test_main_window import titles, window  # noqa: E402,F401  (window is a fixture: a main window, with the sample)

ROOT = Path(__file__).resolve().parent.parent.parent
#: Modules allowed over 500 lines: the data-model table only (issue 19).
LONG_ALLOWED = {"cmi/datamodel.py"}


# -- the signal --------------------------------------------------------------------------------------------------
def test_a_write_job_announces_what_it_changed_once_on_the_ui_thread_after_its_result(qtbot, worker):
    seen: list = []
    main = threading.get_ident()
    worker.changed.connect(lambda kind: seen.append(("changed", kind, threading.get_ident() == main)))
    worker.submit(lambda: 1, on_done=lambda r: seen.append(("done", r)), changes=(Changed.RECORDS, Changed.LIBRARY))
    worker.submit(lambda: 2, changes=(Changed.RECORDS,))
    worker.drain()  # both have run: their news waits for the UI thread, which takes it in one turn
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=5000)
    qtbot.wait(50)  # RECORDS is told once
    assert seen == [("done", 1), ("changed", Changed.LIBRARY, True), ("changed", Changed.RECORDS, True)]


def test_a_failed_write_and_a_read_announce_nothing(qtbot, worker):
    seen: list = []
    worker.changed.connect(seen.append)

    def fail():
        raise OSError("disk full")

    errors: list = []
    worker.submit(fail, on_error=errors.append, changes=(Changed.RECORDS,))
    worker.submit(lambda: 3)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    worker.drain()
    qtbot.wait(50)
    assert seen == []


def test_announce_from_another_thread_arrives_on_the_ui_thread(qtbot, worker):
    seen: list = []
    main = threading.get_ident()
    worker.changed.connect(lambda kind: seen.append((kind, threading.get_ident() == main)))
    t = threading.Thread(target=worker.announce, args=(Changed.OUTBOX,))
    t.start()
    t.join()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(Changed.OUTBOX, True)]
    with pytest.raises(TypeError):
        worker.announce("records")


# -- the views that follow it ------------------------------------------------------------------------------------
def test_the_library_refreshes_itself_after_a_write_that_changed_it(qtbot, window):
    services = window.services
    qtbot.waitUntil(lambda: titles(window) == ["Welcome to SCORM Desktop"], timeout=5000)
    # A write made through the worker by someone who does not know the library view (no refresh() call).
    window.worker.submit(services.library.import_package, PROBE_12, changes=(Changed.LIBRARY,))
    qtbot.waitUntil(lambda: len(titles(window)) == 2, timeout=10000)


def test_an_open_dashboard_follows_a_player_session_as_it_ends(qtbot, window, tmp_path):
    pkg = probe_variant(PROBE_2004, tmp_path / "noterm", "?noterminate=1", "noterminate")
    course = window.services.library.import_package(pkg).course
    window.refresh()
    qtbot.waitUntil(lambda: course.title in titles(window), timeout=5000)
    dash = window.dashboards.open()
    learners = dash.widget.learner_tab
    qtbot.waitUntil(lambda: "No learner" in learners.summary.text(), timeout=5000)  # nobody has records yet

    window.play(course.id)
    qtbot.waitUntil(lambda: window.player_window is not None, timeout=5000)
    db = window.services.paths.database
    qtbot.waitUntil(lambda: stored_values(db).get("ITEM-PROBE-2004", {}).get("cmi.exit") == "suspend",
                    timeout=15000)
    with qtbot.waitSignal(window.player_window.finished, timeout=10000):
        window.player_window.close()

    def row():
        model = learners.model
        rows = [model.index(r, 0).data(model.RowRole) for r in range(model.rowCount())]
        return next((r for r in rows if r is not None and r.course_id == course.id), None)

    # Nobody pressed Refresh: the dashboard was told that records changed.
    qtbot.waitUntil(lambda: row() is not None and row().label == "in progress", timeout=10000)
    assert learners.picker.currentText() == window.services.settings.active_learner or learners.picker.count() == 1


# -- the sync thread ---------------------------------------------------------------------------------------------
def test_closing_the_window_stops_its_sync_thread(qtbot, window):
    controller = window.sync.controller
    assert controller.running
    window.close()
    assert not controller.running
    assert not [t for t in threading.enumerate() if t.name == "scorm-desktop-sync"]


def test_a_controller_deleted_without_shutdown_stops_and_never_emits_again(qtbot, tmp_path, worker):
    from scorm_desktop.ui.sync_controller import SyncController

    services = open_services(DataPaths(tmp_path / "data", explicit=True), with_sample=False)
    try:
        owner = QObject()
        controller = SyncController(services, worker, owner, start_delay=3600, probe_interval=3600,
                                    watch_network=False)
        controller.start()
        thread = controller._thread
        assert thread.is_alive()
        relay, loop = controller._relay, controller._loop
        delete_now(owner)  # the window goes away (a test that forgot shutdown)
        thread.join(5)
        assert not thread.is_alive(), "the sync thread outlived its controller"
        loop.publish(pending=1)  # a late state change from the thread: dropped, no emit on a deleted object
        relay.announce(Changed.OUTBOX)
    finally:
        services.close()


# -- the keyboard ------------------------------------------------------------------------------------------------
def _tab_from(qtbot, view) -> object:
    view.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view.window(), timeout=5000)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus, timeout=5000)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def test_tab_leaves_the_library_table(qtbot, window):
    qtbot.waitUntil(lambda: len(titles(window)) == 1, timeout=5000)  # the sample course
    assert _tab_from(qtbot, window.table) is not window.table


def test_tab_leaves_the_dashboard_tables(qtbot, window):
    dash = window.dashboards.open()
    for tab in (dash.widget.learner_tab, dash.widget.course_tab):
        dash.widget.tabs.setCurrentWidget(tab)
        assert not tab.table.tabKeyNavigation()
        assert _tab_from(qtbot, tab.table) is not tab.table


# -- module size -------------------------------------------------------------------------------------------------
def test_no_module_is_over_500_lines():
    package = ROOT / "scorm_desktop"
    long = {str(p.relative_to(package)): n for p in package.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert set(long) <= LONG_ALLOWED, {k: v for k, v in long.items() if k not in LONG_ALLOWED}
