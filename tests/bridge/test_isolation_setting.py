"""The per-course "Allow internet access" setting (off by default): stored on the course (schema 7), set beside
`set_relaunch`, carried by `CourseInfo` and its JSON, and kept by an upgrade from an older schema."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from scorm_desktop.storage.migrations import LATEST

from helpers import PROBE_12

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "db"


def test_internet_access_is_off_for_a_new_course(services):
    course = services.library.import_package(PROBE_12).course
    assert course.allow_network is False
    assert services.library.course(course.id).allow_network is False
    assert services.library.course(course.id).to_json()["allow_network"] is False


def test_set_network_is_stored_and_read_back(tmp_path, services):
    course_id = services.library.import_package(PROBE_12).course.id
    services.library.set_network(course_id, True)
    assert services.library.course(course_id).allow_network is True
    assert services.library.course(course_id).to_json()["allow_network"] is True
    conn = sqlite3.connect(services.paths.database)
    try:
        assert conn.execute("SELECT allow_network FROM courses WHERE id = ?", (course_id,)).fetchone() == (1,)
    finally:
        conn.close()
    services.library.set_network(course_id, False)
    assert services.library.course(course_id).allow_network is False


def test_set_network_refuses_an_unknown_course_and_a_non_boolean(services):
    course_id = services.library.import_package(PROBE_12).course.id
    with pytest.raises(KeyError, match="no course 999"):
        services.library.set_network(999, True)
    with pytest.raises(ValueError, match="true or false"):
        services.library.set_network(course_id, "yes")  # type: ignore[arg-type]
    assert services.library.course(course_id).allow_network is False


def test_an_upgraded_library_keeps_its_courses_offline(tmp_path):
    """Schema 7 adds the column with "off" for every course already there: an upgrade never opens the network."""
    fixture = max(FIXTURES.glob("schema-*.sqlite3"), key=lambda p: int(p.stem.split("-")[1]))
    paths = DataPaths(tmp_path / "data", explicit=True)
    paths.ensure()
    shutil.copy(fixture, paths.database)
    (paths.root / ".sample-imported").write_text("")
    svc = open_services(paths, with_sample=False)
    try:
        assert LATEST >= 7
        courses = svc.library.courses(include_removed=True)
        assert courses and all(c.allow_network is False for c in courses)
    finally:
        svc.close()


def test_course_details_show_and_change_the_setting(qtbot, services):
    pytest.importorskip("PySide6.QtWidgets")
    from scorm_desktop.ui.learner_dialogs import CourseDetailsDialog

    course_id = services.library.import_package(PROBE_12).course.id
    dialog = CourseDetailsDialog(services.library.course(course_id))
    qtbot.addWidget(dialog)
    assert dialog.network.text() == "Allow internet access" and not dialog.network.isChecked()
    assert dialog.network_choice() is False
    dialog.network.setChecked(True)
    assert dialog.network_choice() is True
    services.library.set_network(course_id, True)
    again = CourseDetailsDialog(services.library.course(course_id))
    qtbot.addWidget(again)
    assert again.network.isChecked()


def test_the_main_window_stores_the_choice_made_in_course_details(qtbot, tmp_path, monkeypatch):
    pytest.importorskip("PySide6.QtWebEngineWidgets")
    from scorm_desktop.ui import course_menu
    from scorm_desktop.ui import main_window as mw
    from scorm_desktop.ui.webenv import delete_now

    class Ticked(course_menu.CourseDetailsDialog):  # the real dialog, as a user who ticks the box and closes it
        def exec(self):
            self.network.setChecked(True)
            return 0

    monkeypatch.setattr(course_menu, "CourseDetailsDialog", Ticked)
    services = open_services(DataPaths(tmp_path / "data", explicit=True), with_sample=False)
    course_id = services.library.import_package(PROBE_12).course.id
    win = mw.MainWindow(services)
    try:
        win.show()
        win.refresh()
        qtbot.waitUntil(lambda: win.proxy.rowCount() == 1, timeout=5000)
        win.table.setCurrentIndex(win.proxy.index(0, 0))
        win.course_menu.details()
        qtbot.waitUntil(lambda: services.library.course(course_id).allow_network, timeout=5000)
    finally:
        win.close()
        win.dispose()
        delete_now(win)
        services.close()
