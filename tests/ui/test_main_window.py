"""The main window as a user drives it: the library, import by drop with a refusal, play, close, status updated."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDropEvent  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from scorm_desktop.paths import DataPaths  # noqa: E402
from scorm_desktop.services import open_services  # noqa: E402
from scorm_desktop.ui.library_model import LibraryModel  # noqa: E402
from scorm_desktop.ui.main_window import MainWindow  # noqa: E402
from scorm_desktop.ui.webenv import delete_now  # noqa: E402

from helpers import PROBE_2004, probe_variant, stored_values  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path):
    services = open_services(DataPaths(tmp_path / "data", explicit=True))
    win = MainWindow(services)  # not qtbot.addWidget: it would delete the window before an open player is saved
    win.show()
    yield win
    if win.player_window is not None:
        with qtbot.waitSignal(win.player_window.finished, timeout=10000):
            win.player_window.close()
    win.close()
    win.dispose()
    delete_now(win)
    services.close()


def titles(win: MainWindow) -> list[str]:
    return [win.proxy.index(r, 0).data() for r in range(win.proxy.rowCount())]


def status_of(win: MainWindow, title: str) -> str:
    for r in range(win.proxy.rowCount()):
        if win.proxy.index(r, 0).data() == title:
            return win.proxy.index(r, 2).data()
    raise KeyError(title)


def drop(win: MainWindow, paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    win.dropEvent(event)


def test_first_start_shows_the_sample_course(qtbot, window):
    qtbot.waitUntil(lambda: titles(window) == ["Welcome to SCORM Desktop"], timeout=5000)
    assert status_of(window, "Welcome to SCORM Desktop") == "not started"
    assert window.stack.currentWidget() is window.table


def test_dropping_packages_imports_the_good_and_names_the_refused(qtbot, window, corpus):
    qtbot.waitUntil(lambda: len(titles(window)) == 1, timeout=5000)
    drop(window, [corpus / "good" / "golf-cp-singlesco-2004-3rd.zip", corpus / "bad" / "moodle-invalid.zip"])
    qtbot.waitUntil(lambda: len(titles(window)) == 2, timeout=10000)
    assert "Golf Explained - CP Single SCO" in titles(window)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None, timeout=5000)
    box = window.findChild(QMessageBox)
    assert "1 refused" in box.text()
    # (the visible text: word joiners keep the file name on one line)
    assert "moodle-invalid.zip was not imported: The package has no imsmanifest.xml" in box.informativeText().replace(
        "\u2060", "")
    box.close()


def test_play_then_close_saves_progress_and_updates_the_status_column(qtbot, window, tmp_path):
    pkg = probe_variant(PROBE_2004, tmp_path / "noterm", "?noterminate=1", "noterminate")
    outcome = window.services.library.import_package(pkg)
    window.refresh()
    title = outcome.course.title
    qtbot.waitUntil(lambda: title in titles(window), timeout=5000)
    row = titles(window).index(title)
    window.table.doubleClicked.emit(window.proxy.index(row, 0))
    qtbot.waitUntil(lambda: window.player_window is not None, timeout=5000)
    db = window.services.paths.database
    qtbot.waitUntil(lambda: stored_values(db).get("ITEM-PROBE-2004", {}).get("cmi.exit") == "suspend", timeout=15000)
    assert window.player_window.windowTitle().startswith(title)
    panel = window.player_window.api_panel
    assert panel.isHidden()
    panel.toggleViewAction().trigger()  # F12: the API log shows every call made so far
    qtbot.waitUntil(lambda: panel.model.rowCount() > 5, timeout=5000)
    assert panel.model.index(0, 1).data() == "Initialize"
    with qtbot.waitSignal(window.player_window.finished, timeout=10000):
        window.player_window.close()
    qtbot.waitUntil(lambda: window.player_window is None, timeout=5000)
    qtbot.waitUntil(lambda: status_of(window, title) == "in progress", timeout=5000)
    idx = window.proxy.index(titles(window).index(title), 4)
    assert idx.data() == "50%"
    assert idx.data(LibraryModel.SortRole) == pytest.approx(0.5)


def test_first_run_welcome_names_the_learner_and_opens_the_sample(qtbot, window):
    assert not window.services.settings.welcomed
    window.welcome_if_first_run()
    qtbot.waitUntil(lambda: getattr(window, "welcome", None) is not None and window.welcome.isVisible(), timeout=5000)
    dialog = window.welcome
    dialog.name.setText("  ")
    dialog._accept()
    assert dialog.isVisible() and "enter a name" in dialog.hint.text()  # an empty name is not accepted
    dialog.name.setText("Maria Lopez")
    dialog._accept()
    qtbot.waitUntil(lambda: window.player_window is not None, timeout=5000)  # the sample course opens
    qtbot.waitUntil(lambda: window.learner_label.text() == "Learner: Maria Lopez", timeout=5000)
    assert window.services.settings.welcomed
    assert json.loads(window.services.paths.settings_file.read_text())["active_learner"] == "Maria Lopez"
    again = window.services.settings.__class__.load(window.services.paths.settings_file)
    assert again.welcomed  # never shown twice


def test_switching_to_a_learner_with_a_pin_asks_for_it(qtbot, window, monkeypatch):
    from scorm_desktop.ui import learner_menu as mw

    records = window.services.records
    records.add_learner("Ana")
    ben = records.add_learner("Ben", pin="2468")

    class Choose:  # the dialogs as a user answers them
        def __init__(self, *a, **k):
            pass

        def exec(self):
            return mw.QDialog.DialogCode.Accepted

        def chosen(self):
            return "Ben", False

    class Pin(Choose):
        def __init__(self, *a, **k):
            self.pin = type("E", (), {"text": lambda _self: Pin.typed})()

    monkeypatch.setattr(mw, "SwitchLearnerDialog", Choose)
    monkeypatch.setattr(mw, "PinDialog", Pin)
    warned = []
    monkeypatch.setattr(mw.QMessageBox, "warning", lambda *a: warned.append(a[2]))
    Pin.typed = "1111"
    window.learner_menu.switch()
    qtbot.waitUntil(lambda: bool(warned), timeout=5000)
    assert "PIN is not right" in warned[0]
    assert window.services.settings.active_learner != "Ben"
    Pin.typed = "2468"
    window.learner_menu.switch()
    qtbot.waitUntil(lambda: window.learner_label.text() == "Learner: Ben", timeout=5000)
    assert window.services.settings.active_learner == ben.name


def test_settings_dialog_saves_the_tolerance_switches(qtbot, window):
    from scorm_desktop.settings import Settings
    from scorm_desktop.ui.settings_dialog import SettingsDialog

    paths = window.services.paths
    dialog = SettingsDialog(window.services.settings, paths.root, paths.explicit, window)
    dialog.suspend_limit.setValue(4096)
    dialog.lenient_times.setChecked(False)
    assert not dialog.data_dir.isEnabled()  # a --data-dir run cannot move its own library
    dialog.apply(window.services.settings)
    window.services.save_settings()
    saved = Settings.load(paths.settings_file)
    assert saved.runtime.suspend_data_limit_12 == 4096 and saved.runtime.lenient_times is False
    assert saved.runtime.to_runtime()["suspendDataLimit12"] == 4096  # what the next launch hands the page


def test_the_library_filters_by_status_and_title(qtbot, window, corpus):
    window.services.library.import_package(corpus / "good" / "golf-cp-singlesco-2004-3rd.zip")
    window.refresh()
    qtbot.waitUntil(lambda: len(titles(window)) == 2, timeout=5000)
    window.status_filter.setCurrentIndex(window.status_filter.findData("passed"))
    assert titles(window) == []
    window.status_filter.setCurrentIndex(window.status_filter.findData("not started"))
    assert len(titles(window)) == 2
    window.search.setText("golf")
    assert titles(window) == ["Golf Explained - CP Single SCO"]


def _lines_of(label, names):
    """For each name: the line numbers of its first and last character as `label` lays its text out."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    if label.textFormat() == Qt.TextFormat.RichText or label.text().lstrip().startswith("<"):
        doc.setHtml(label.text())
    else:
        doc.setPlainText(label.text())
    doc.setTextWidth(label.contentsRect().width())
    doc.size()  # lays it out
    plain = doc.toPlainText()
    out = {}
    for name in names:
        # invisible joiners (U+2060, which forbid a line break) may sit between the characters
        found = re.search("\u2060?".join(map(re.escape, name)), plain)
        assert found, name
        at, end = found.start(), found.end() - 1
        block = doc.findBlock(at)
        layout = block.layout()
        first = layout.lineForTextPosition(at - block.position()).lineNumber()
        last = layout.lineForTextPosition(end - block.position()).lineNumber()
        out[name] = (first, last)
    return out


def test_the_import_result_never_breaks_a_file_name(qtbot, window, corpus, tmp_path):
    import shutil

    from PySide6.QtWidgets import QLabel

    names = ["ContentPackagingOneFilePerSCO_SCORM12_final_version_from_the_vendor_AcmeLearning_2026-11-30_build1234.zip",
             "emp-bad-cts-cm01-brokendefaultorg-compliance-training-2026.zip"]
    paths = []
    for name, src in zip(names, ["emp-bad-invalidfilerefs-12.zip", "emp-bad-cts-cm01-brokendefaultorg.zip"]):
        shutil.copy(corpus / "bad" / src, tmp_path / name)
        paths.append(tmp_path / name)
    qtbot.waitUntil(lambda: len(titles(window)) == 1, timeout=5000)
    window.import_paths(paths)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None, timeout=10000)
    box = window.findChild(QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=5000)
    qtbot.wait(200)
    label = box.findChild(QLabel, "qt_msgbox_informativelabel")
    assert "was not imported" in label.text()
    # the source files, and the files the messages name (a path must not break at its slash or hyphens either)
    shown = names + ["'content/nonexistent.html'", "'resources/SequencingTest.htm'"]
    for name, (first, last) in _lines_of(label, shown).items():
        assert first == last, f"{name} is broken across lines {first}-{last}"
    shot = box.grab()
    shot.save(str(Path(os.environ.get("SCORM_DESKTOP_SCREENSHOT_DIR", tmp_path)) / "import-result.png"))
    assert not shot.isNull()
    box.close()


def test_course_details_count_the_items_and_say_when_they_are_all_assets(qtbot, tmp_path, corpus):
    """golf-cp-onefilepersco-12 is 18 launchable items, every one an asset (no SCO): "SCOs: 0" next to a full
    contents tree misleads; the details say how many items there are and what they are."""
    from PySide6.QtWidgets import QFormLayout, QLabel

    from scorm_desktop.ui.learner_dialogs import CourseDetailsDialog

    services = open_services(DataPaths(tmp_path / "data", explicit=True), with_sample=False)
    try:
        def content_line(package):
            course = services.library.import_package(corpus / "good" / package).course
            dialog = CourseDetailsDialog(course)
            qtbot.addWidget(dialog)
            form = dialog.findChild(QFormLayout)
            rows = {}
            for r in range(form.rowCount()):
                label = form.itemAt(r, QFormLayout.ItemRole.LabelRole)
                field = form.itemAt(r, QFormLayout.ItemRole.FieldRole)
                if label is not None and field is not None and isinstance(field.widget(), QLabel):
                    rows[label.widget().text()] = field.widget().text()
            return dialog, rows

        dialog, rows = content_line("golf-cp-onefilepersco-12.zip")
        assert "SCOs:" not in rows
        assert rows["Items:"] == "18 items, all assets"
        dialog.show()
        qtbot.wait(50)
        dialog.grab().save(str(Path(os.environ.get("SCORM_DESKTOP_SCREENSHOT_DIR", tmp_path)) / "course-details.png"))
        assert content_line("moodle-complexscorm.zip")[1]["Items:"] == "8 items: 7 SCOs, 1 asset"
        assert content_line("golf-rt-minimum-2004-3rd.zip")[1]["Items:"] == "18 items, all SCOs"
        assert content_line("moodle-singlescobasic-12.zip")[1]["Items:"] == "1 item, a SCO"
    finally:
        services.close()
