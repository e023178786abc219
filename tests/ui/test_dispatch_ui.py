"""Dispatch in the GUI: Course ▸ Dispatch to a site… writes the file from the dialog's limits, Course ▸ Dispatches
lists it, and a device's library shows the licence line after the file is dropped on its window."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from PySide6.QtCore import QTimer  # noqa: E402

from helpers import PROBE_2004  # noqa: E402
from scorm_desktop.dispatch.store import issuer_public_key, trust  # noqa: E402
from scorm_desktop.paths import DataPaths  # noqa: E402
from scorm_desktop.services import open_services  # noqa: E402
from scorm_desktop.ui.dispatch_window import DispatchDialog  # noqa: E402
from scorm_desktop.ui.main_window import MainWindow  # noqa: E402
from scorm_desktop.ui.webenv import delete_now  # noqa: E402
from test_main_window import drop, titles  # noqa: E402

pytestmark = pytest.mark.gui


def open_window(root: Path) -> MainWindow:
    services = open_services(DataPaths(root, explicit=True), with_sample=False)
    win = MainWindow(services)
    win.show()
    return win


def close_window(win: MainWindow) -> None:
    services = win.services
    win.close()
    win.dispose()
    delete_now(win)
    services.close()


def test_dispatch_from_the_course_menu_then_the_device_library_shows_the_licence(qtbot, tmp_path: Path) -> None:
    issuer = open_window(tmp_path / "issuer")
    device = None
    try:
        drop(issuer, [PROBE_2004])
        qtbot.waitUntil(lambda: len(titles(issuer)) == 1, timeout=30000)
        issuer.table.selectRow(0)
        course = issuer._current_course()
        out = tmp_path / "site.sddispatch"
        dialog = DispatchDialog(course.title, issuer)

        def fill() -> None:
            dialog.recipient.setText("Field site C")
            dialog.launches.setValue(20)
            dialog.expires_on.setChecked(True)
            dialog.expires.setDate(dialog.expires.date().fromString("2027-03-31", "yyyy-MM-dd"))
            dialog.out.setText(str(out))
            dialog._check()

        QTimer.singleShot(0, fill)
        issuer.dispatch.create_from(course, dialog)
        qtbot.waitUntil(out.exists, timeout=30000)
        menu_actions = {a.text().replace("&", ""): a for a in issuer.menuBar().actions()[1].menu().actions()}
        menu_actions["Dispatches"].trigger()
        window = issuer.dispatch.listing
        qtbot.waitUntil(lambda: window.table.rowCount() == 1, timeout=10000)
        assert window.table.item(0, 2).text() == "Field site C"
        assert "max launches 20" in window.table.item(0, 3).text()

        device = open_window(tmp_path / "device")
        trust(device.services.sessions, issuer_public_key(issuer.services.sessions))
        drop(device, [out])
        qtbot.waitUntil(lambda: len(titles(device)) == 1, timeout=30000)
        assert titles(device)[0].endswith("20 of 20 launches left, expires 31 March 2027")
    finally:
        close_window(issuer)
        if device is not None:
            close_window(device)


def test_first_use_confirmation_shows_the_fingerprint_then_imports(qtbot, tmp_path: Path) -> None:
    from scorm_desktop.sync.bundles import fingerprint
    from scorm_desktop.ui.dispatch_window import offer_trust

    issuer_services = open_services(DataPaths(tmp_path / "issuer", explicit=True), with_sample=False)
    from scorm_desktop.dispatch.store import create_dispatch

    course = issuer_services.library.import_package(PROBE_2004).course
    out = tmp_path / "site.sddispatch"
    create_dispatch(issuer_services.sessions, course, out, "Field site D", max_launches=5)
    expected = fingerprint(issuer_public_key(issuer_services.sessions))
    issuer_services.close()
    device = open_window(tmp_path / "device")
    try:
        asked: list[tuple[str, list]] = []
        refused = [(out, "untrusted"), (tmp_path / "not-a-dispatch.zip", "missing")]
        offer_trust(device, device.services, device.worker, refused, device.import_paths,
                    ask=lambda fp, files: asked.append((fp, files)) is None)
        qtbot.waitUntil(lambda: len(titles(device)) == 1, timeout=30000)
        assert asked == [(expected, [out])]
        assert titles(device)[0].endswith("5 of 5 launches left")
    finally:
        close_window(device)


def test_a_launch_refused_by_the_licence_is_one_sentence_before_any_player_window_opens(
    qtbot, tmp_path: Path, caplog, monkeypatch
) -> None:
    import logging

    from scorm_desktop import launch
    from scorm_desktop.dispatch.store import CLOCK_ENV, create_dispatch

    monkeypatch.setenv(CLOCK_ENV, "2027-03-01T09:00:00+00:00")
    issuer_services = open_services(DataPaths(tmp_path / "issuer", explicit=True), with_sample=False)
    course = issuer_services.library.import_package(PROBE_2004).course
    out = tmp_path / "one.sddispatch"
    create_dispatch(issuer_services.sessions, course, out, "Field site E", max_launches=1)
    key = issuer_public_key(issuer_services.sessions)
    issuer_services.close()
    device = open_services(DataPaths(tmp_path / "device", explicit=True), with_sample=False)
    trust(device.sessions, key)
    course_id = device.library.import_package(out).course.id
    learner = device.settings.active_learner
    launch.finish(device.records, launch.prepare(device.library, device.records, course_id, learner), "closed")
    win = MainWindow(device)
    win.show()
    try:
        caplog.set_level(logging.INFO)
        caplog.clear()
        shown = answer_next_modal(qtbot, lambda box: box.accept())
        win.play(course_id)
        qtbot.waitUntil(lambda: bool(shown), timeout=30000)
        sentence = ("'SCO API probe (SCORM 2004)' has used the one launch of its licence: ask the issuer for a new "
                    "dispatch of this course; earlier results are kept and still synced.")
        assert shown == [sentence]  # said in the library, before any player window opens
        assert win.player_window is None
        assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.WARNING], [
            (r.levelname, r.getMessage()) for r in caplog.records if r.exc_info or r.levelno >= logging.WARNING]
        with device.sessions() as s:  # nothing was recorded for the refused launch: still the one session
            from scorm_desktop.storage.models import Session as SessionRow
            from sqlalchemy import func, select

            assert s.scalar(select(func.count()).select_from(SessionRow)) == 1
    finally:
        close_window(win)


# -- the Dispatches window's buttons --------------------------------------------------------------------------------
from lrs import AUTH, lrs, quiz_events  # noqa: E402,F401  (lrs is a fixture)


def answer_next_modal(qtbot, act) -> list:
    """Run `act(widget)` on the next modal dialog or message box that opens (they block in exec()); returns a list
    that then holds its text."""
    from PySide6.QtWidgets import QApplication

    seen: list = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(widget.text() if hasattr(widget, "text") else widget.windowTitle())  # it is gone afterwards
        act(widget)

    QTimer.singleShot(0, poll)
    return seen


def press(box, role_text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    button = box.button(QMessageBox.StandardButton.Yes if role_text == "yes" else QMessageBox.StandardButton.No)
    button.click()


def test_dispatches_window_create_report_and_revoke_buttons(
    qtbot, tmp_path: Path, lrs: str, monkeypatch  # noqa: F811
) -> None:
    import json
    import subprocess
    import sys

    from scorm_desktop import launch
    from scorm_desktop.dispatch.store import CLOCK_ENV
    from scorm_desktop.sync.settings import SyncSettings

    monkeypatch.setenv(CLOCK_ENV, "2027-03-01T09:00:00+00:00")
    monkeypatch.setenv("SCORM_DESKTOP_LRS_PASSWORD", AUTH[1])
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    issuer = open_window(tmp_path / "issuer")
    issuer.services.settings.extra["sync"] = {"endpoint": lrs, "username": AUTH[0]}
    device = None
    try:
        drop(issuer, [PROBE_2004])
        qtbot.waitUntil(lambda: len(titles(issuer)) == 1, timeout=30000)
        issuer.table.selectRow(0)
        menu_actions = {a.text().replace("&", ""): a for a in issuer.menuBar().actions()[1].menu().actions()}
        menu_actions["Dispatches"].trigger()
        window = issuer.dispatch.listing
        qtbot.waitUntil(lambda: window.status.text() != "" or window.table.rowCount() == 0, timeout=10000)
        assert window.table.rowCount() == 0

        # Create…: the dialog for the library's selected course; the list shows the new dispatch.
        out = tmp_path / "site.sddispatch"

        def fill(dialog) -> None:
            dialog.recipient.setText("Field site W")
            dialog.launches.setValue(5)
            dialog.out.setText(str(out))
            dialog._check()

        answer_next_modal(qtbot, fill)
        window.create_button.click()
        qtbot.waitUntil(lambda: window.table.rowCount() == 1, timeout=30000)
        assert out.exists() and window.table.item(0, 2).text() == "Field site W"
        assert window.table.item(0, 4).text() == "active"
        dispatch_id = window.table.item(0, 0).text()

        # A device plays it twice and syncs to the LRS.
        from scorm_desktop.dispatch.store import issuer_public_key as key_of

        dev = open_services(DataPaths(tmp_path / "device", explicit=True), with_sample=False)
        device = dev
        trust(dev.sessions, key_of(issuer.services.sessions))
        course_id = dev.library.import_package(out).course.id
        for learner, passed in (("Ada", True), ("Bo", False)):
            la = launch.prepare(dev.library, dev.records, course_id, learner)
            dev.records.apply_events(la.record.session_id, quiz_events(answers=1, passed=passed))
            la.terminated = True
            launch.finish(dev.records, la, "terminated")
        assert dev.sync_engine(SyncSettings(endpoint=lrs, username=AUTH[0], max_wait=5), AUTH[1]).run().pending == 0

        # Read the report: the window's figures are the CLI's.
        window.report_button.click()
        qtbot.waitUntil(lambda: dispatch_id in window.reports and window.table.item(0, 5) is not None, timeout=30000)
        cli = subprocess.run(
            [sys.executable, "-m", "scorm_desktop", "--data-dir", str(tmp_path / "issuer"), "dispatch", "report",
             dispatch_id, "--json", "--endpoint", lrs, "--username", AUTH[0]],
            capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parent.parent.parent,
            env={**__import__("os").environ, "SCORM_DESKTOP_LRS_PASSWORD": AUTH[1],
                 "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
        assert cli.returncode == 0, cli.stderr
        [expected] = json.loads(cli.stdout)
        assert window.reports[dispatch_id] == expected
        t = expected["totals"]
        header = [window.table.horizontalHeaderItem(c).text() for c in range(window.table.columnCount())]
        shown = {h: window.table.item(0, c).text() for c, h in enumerate(header) if window.table.item(0, c)}
        assert (shown["Launches"], shown["Learners"], shown["Completed"], shown["Passed"]) == (
            str(t["launches"]), str(t["learners"]), str(t["completed"]), str(t["passed"])) == ("2", "2", "2", "1")
        assert shown["Average score"] == f"{t['average_score'] * 100:.0f}%" and shown["Missing records"] == "0"

        # Revoke…: asks first; "No" changes nothing, "Yes" revokes and the list shows it.
        window.table.selectRow(0)
        asked = answer_next_modal(qtbot, lambda box: press(box, "no"))
        window.revoke_button.click()
        qtbot.waitUntil(lambda: bool(asked), timeout=10000)
        qtbot.wait(300)
        assert window.table.item(0, 4).text() == "active"
        assert "Field site W" in asked[0] and "results are kept" in asked[0]
        asked = answer_next_modal(qtbot, lambda box: press(box, "yes"))
        window.revoke_button.click()
        qtbot.waitUntil(lambda: window.table.item(0, 4).text() == "revoked", timeout=30000)
        qtbot.waitUntil(lambda: "published" in window.status.text(), timeout=30000)
    finally:
        close_window(issuer)
        if device is not None:
            device.close()
