"""The sync controller, its status widget, the settings dialog and the Sync menu, against the real LRS on loopback
(pytest-qt; the sync runs on its own thread, results arrive through queued signals)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import PROBE_2004
from lrs import FaultProxy, lrs, lrs_statements, outbox_rows, play, quiz_events  # noqa: F401  (lrs is a fixture)
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from scorm_desktop.sync.settings import ENV_PASSWORD
from scorm_desktop.ui.sync_controller import SyncController
from scorm_desktop.ui.sync_panel import SyncStatusWidget, install
from scorm_desktop.ui.sync_settings_dialog import SyncSettingsDialog
from scorm_desktop.xapi import vocab


@pytest.fixture
def svc(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # never the real keyring
    monkeypatch.setenv(ENV_PASSWORD, "test")
    s = open_services(DataPaths(tmp_path / "data", explicit=True), with_sample=False)
    yield s
    s.close()


@pytest.fixture
def course(svc) -> int:
    return svc.library.import_package(PROBE_2004).course.id


@pytest.fixture
def controllers():
    made: list[SyncController] = []
    yield made
    for c in made:
        c.shutdown()


def configure(svc, endpoint: str, **extra) -> None:
    svc.settings.extra["sync"] = {"endpoint": endpoint, "username": "test", "timeout": 2, "max_wait": 2, **extra}


def controller(svc, worker, controllers, **kw) -> SyncController:
    kw = {"probe_interval": 3600, "start_delay": 3600, "watch_network": False, **kw}
    c = SyncController(svc, worker, **kw)
    controllers.append(c)
    c.start()
    return c


def test_sync_now_sends_everything_and_the_status_shows_0_pending(qtbot, svc, course, lrs, worker, controllers):
    play(svc, course, "Ada", quiz_events(answers=2))
    rows = outbox_rows(svc)
    configure(svc, lrs)
    ctl = controller(svc, worker, controllers)
    widget = SyncStatusWidget(ctl)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(ctl.finished, timeout=20000) as blocker:
        ctl.sync_now()
    report = blocker.args[0]
    assert report.complete and report.sent == len(rows)
    qtbot.waitUntil(lambda: "up to date" in widget.text, timeout=5000)
    st = ctl.state
    assert (st.pending, st.sent, st.online, st.syncing, st.last_error) == (0, len(rows), True, False, None)
    assert st.last_success_at and st.last_success_at.endswith("Z")
    assert "0 pending" in widget.text and "last " in widget.text
    held = [s for s in lrs_statements(lrs, registration=rows[0][1])]
    assert sorted(s["id"] for s in held) == sorted(r[0] for r in rows)
    device = held[0]["context"]["extensions"][vocab.DEVICE_EXTENSION]
    assert device == svc.records.statements.options.device_id  # the wired builder carries the device id

    # Nothing new: a second "Sync now" probes and sends nothing.
    with qtbot.waitSignal(ctl.finished, timeout=20000) as blocker:
        ctl.sync_now()
    assert blocker.args[0].sent == 0 and blocker.args[0].requests == 0


def test_lrs_stopped_shows_offline_and_loses_nothing(qtbot, svc, course, lrs, worker, controllers):
    proxy = FaultProxy(lrs)
    try:
        play(svc, course, "Ada", quiz_events(answers=1))
        configure(svc, proxy.url)
        ctl = controller(svc, worker, controllers, offline_retry=600)
        widget = SyncStatusWidget(ctl)
        qtbot.addWidget(widget)
        with qtbot.waitSignal(ctl.finished, timeout=20000):
            ctl.sync_now()
        first = outbox_rows(svc)
        assert {r[3] for r in first} == {"sent"}
    finally:
        proxy.close()  # the LRS is gone: nothing listens on that port any more

    play(svc, course, "Bob", quiz_events(answers=2))
    new = len(outbox_rows(svc)) - len(first)
    ctl.sync_now()
    qtbot.waitUntil(lambda: ctl.state.online is False, timeout=20000)
    qtbot.waitUntil(lambda: "offline" in widget.text, timeout=5000)
    st = ctl.state
    assert st.pending == new and "could not be reached" in st.last_error and st.retry_in == 600  # the next probe, backing off
    assert f"{new} pending" in widget.text
    assert "Last error: the LRS could not be reached" in widget.button.toolTip()
    assert [r[3] for r in outbox_rows(svc)].count("pending") == new  # nothing dropped

    # The LRS is back (here: the same LRS without the proxy): everything arrives, each statement once.
    configure(svc, lrs)
    with qtbot.waitSignal(ctl.finished, timeout=20000) as blocker:
        ctl.reconfigure()
    assert blocker.args[0].sent == new
    qtbot.waitUntil(lambda: ctl.state.pending == 0 and ctl.state.online is True, timeout=5000)
    rows = outbox_rows(svc)
    ids = {r[0] for r in rows}
    held = [s["id"] for s in lrs_statements(lrs) if s["id"] in ids]
    assert sorted(held) == sorted(ids)


def test_a_failing_lrs_mid_run_shows_the_error_and_keeps_the_rows(qtbot, svc, course, lrs, worker, controllers):
    from lrs import Fault

    proxy = FaultProxy(lrs)
    try:
        play(svc, course, "Ada", quiz_events(answers=1))
        n = len(outbox_rows(svc))
        configure(svc, proxy.url, backoff_base=0.2, max_wait=0.5)
        proxy.rule = lambda statements: Fault("status", 503)
        ctl = controller(svc, worker, controllers, offline_retry=3600)
        states = []
        ctl.stateChanged.connect(states.append)
        with qtbot.waitSignal(ctl.finished, timeout=20000) as blocker:
            ctl.sync_now()
        report = blocker.args[0]
        assert report.sent == 0 and report.pending == n and "503" in report.last_error
        assert any(s.retry_in and "503" in (s.last_error or "") for s in states)  # shown while it waited
        qtbot.waitUntil(lambda: not ctl.state.syncing, timeout=5000)
        assert ctl.state.pending == n and "503" in ctl.state.last_error
        proxy.rule = None
        with qtbot.waitSignal(ctl.finished, timeout=20000) as blocker:
            ctl.sync_now()
        assert blocker.args[0].complete and blocker.args[0].sent == n
    finally:
        proxy.close()


def test_not_configured_shows_pending_without_probing(qtbot, svc, course, worker, controllers):
    play(svc, course, "Ada", quiz_events(answers=0))
    ctl = controller(svc, worker, controllers, start_delay=0)
    widget = SyncStatusWidget(ctl)
    qtbot.addWidget(widget)
    n = len(outbox_rows(svc))
    qtbot.waitUntil(lambda: f"{n} pending" in widget.text, timeout=5000)  # the widget hears it queued, later
    assert ctl.state.pending == n and ctl.state.configured is False and ctl.state.online is None
    assert "not set up" in widget.text


def test_the_probe_backs_off_while_the_lrs_is_unreachable(qtbot, svc, worker, controllers):
    configure(svc, "http://127.0.0.1:9/xAPI/")  # nothing listens on the discard port
    ctl = controller(svc, worker, controllers, start_delay=0, offline_retry=0.1, offline_retry_max=0.4)
    waits: list[float] = []
    ctl.stateChanged.connect(lambda st: waits.append(st.retry_in) if st.retry_in and st.online is False else None)
    qtbot.waitUntil(lambda: len(waits) >= 4, timeout=10000)
    assert waits[:4] == [0.1, 0.2, 0.4, 0.4]  # by itself, doubling, capped
    ctl.sync_now()  # "Sync now" starts the backoff again
    qtbot.waitUntil(lambda: len(waits) >= 5 and 0.1 in waits[4:], timeout=10000)


def test_reachability_changes(qtbot, svc, worker, controllers):
    from PySide6.QtNetwork import QNetworkInformation

    ctl = controller(svc, worker, controllers)
    ctl._on_reachability(QNetworkInformation.Reachability.Disconnected)
    assert ctl.state.online is False
    with qtbot.waitSignal(ctl.stateChanged, timeout=5000):
        ctl._on_reachability(QNetworkInformation.Reachability.Online)  # wakes the loop: it looks at once


def test_settings_dialog_tests_the_connection_and_saves(qtbot, svc, lrs, worker, controllers):
    dialog = SyncSettingsDialog(svc, worker)
    qtbot.addWidget(dialog)
    dialog.endpoint.setText(lrs)
    dialog.username.setText("admin")
    dialog.password.setText("pw-typed")
    dialog.home_page.setText("https://lms.example.org")
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10000)
    assert dialog.result.text().startswith("✔ Connected")
    dialog.endpoint.setText("http://127.0.0.1:9/xAPI/")  # nothing listens on the discard port
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10000)
    assert dialog.result.text().startswith("✘ The LRS did not answer")

    dialog.endpoint.setText(lrs)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.accept()
    assert svc.settings.extra["sync"]["endpoint"] == lrs and svc.settings.extra["sync"]["username"] == "admin"
    assert svc.settings.extra["xapi"]["home_page"] == "https://lms.example.org"
    assert svc.records.statements.options.home_page == "https://lms.example.org"
    saved = (svc.paths.settings_file).read_text()
    assert "pw-typed" not in saved and lrs in saved  # the password never goes into settings.json
    assert dialog.saved_password_in == str(svc.paths.config / "lrs-password")  # no keyring here: the private file
    assert (svc.paths.config / "lrs-password").read_text() == "pw-typed"


def test_install_adds_the_menu_and_the_status_and_bundles_round_trip(
    qtbot, svc, course, worker, controllers, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("&File")
    help_menu = window.menuBar().addMenu("&Help")
    ui = install(window, window.menuBar(), window.statusBar(), svc, worker, before=help_menu.menuAction(), start=False)
    controllers.append(ui.controller)
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Sync", "&Help"]
    assert [a.text() for a in ui.menu.actions() if a.text()] == [
        "Sync &now", "&Settings…", "&Export records…", "&Import records…"]
    assert ui.sync_action.shortcut().toString() == "F9"
    assert window.statusBar().findChildren(SyncStatusWidget) == [ui.status]

    play(svc, course, "Ada", quiz_events(answers=1))
    n = len(outbox_rows(svc))
    bundle = tmp_path / "out.sdrecords"
    ui.export_bundle(str(bundle))
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    assert shown[0][0] == "Export records" and f"{n} records were written to {bundle}" in shown[0][1]

    other = open_services(DataPaths(tmp_path / "other", explicit=True), with_sample=False)
    try:
        ui.services = other  # the same window's actions on another computer's data
        ui.import_bundle(str(bundle))
        qtbot.waitUntil(lambda: len(shown) == 2, timeout=10000)
        assert f"{n} new records queued for sync, 0 already known" in shown[1][1]
        ui.import_bundle(str(bundle))
        qtbot.waitUntil(lambda: len(shown) == 3, timeout=10000)
        assert f"0 new records queued for sync, {n} already known" in shown[2][1]
        (tmp_path / "bad.sdrecords").write_bytes(b"nonsense")
        ui.import_bundle(str(tmp_path / "bad.sdrecords"))
        qtbot.waitUntil(lambda: len(shown) == 4, timeout=10000)
        assert shown[3] == ("Import records", "Not imported: bad.sdrecords is not a SCORM Desktop records bundle.")
    finally:
        ui.services = svc
        other.close()


def test_a_session_that_ended_wakes_the_sync_and_its_own_send_does_not_wake_it_again(
        qtbot, svc, course, lrs, worker, controllers):
    from scorm_desktop.ui.tasks import Changed

    configure(svc, lrs)
    ctl = controller(svc, worker, controllers)  # asleep for an hour unless something wakes it
    told: list = []
    worker.changed.connect(told.append)
    play(svc, course, "Ada", quiz_events(answers=1))
    with qtbot.waitSignal(ctl.finished, timeout=20000) as blocker:
        worker.announce(Changed.RECORDS)  # what the window does when a player session ends
    assert blocker.args[0].sent == len(outbox_rows(svc)) > 0
    qtbot.waitUntil(lambda: Changed.OUTBOX in told, timeout=5000)  # the rows it marked sent, told to every view
    cycles: list = []
    ctl.stateChanged.connect(cycles.append)
    qtbot.wait(700)
    assert told == [Changed.RECORDS, Changed.OUTBOX] and cycles == []
