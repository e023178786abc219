"""Sync in the window: the background sync loop (`SyncController`), its status in the status bar
(`SyncStatusWidget`), the settings dialog (`SyncSettingsDialog`) and the Sync menu (`install`).

Threads. A sync can wait minutes between tries (the LRS answers 503, the network is gone), so it does not run on the
app's one `Worker` (ui/tasks.py), whose single thread keeps the learner's writes in order: a sync waiting there
would hold back every value the learner records. `SyncController` runs the engine on its own thread
("scorm-desktop-sync") with its own database sessions; SQLite in WAL mode lets it read and mark outbox rows while the
worker writes, each state change being one short transaction (busy_timeout covers the rare overlap). Results come
back to the UI thread through queued signals; no widget is touched from the sync thread. The short jobs that write
like the learner's do (importing a bundle, exporting one) and the keyring go through the Worker.

When it syncs. The loop wakes on "Sync now", `sync_soon()` (e.g. after a player closes), a change of network
reachability (`QNetworkInformation`, where the platform has a backend), a settings change, and a periodic timer.
Each wake probes the LRS (`LrsClient.about()`) and, when it answers, sends what is pending. The timer is
`probe_interval` (5 min) while the LRS answers; while it does not, the probe backs off from `offline_retry` (30 s),
doubling up to `offline_retry_max` (15 min), and the status shows "offline". A sync run gives up waiting after the
settings' `max_wait`; the rows stay pending for the next wake (the queue never drops a statement).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..sync import client as lrs_client
from ..sync.bundles import BundleError, ExportResult, ImportResult, export_records, import_records
from ..sync.engine import SyncEngine, SyncReport
from ..storage.outbox import Outbox
from ..sync.settings import SyncSettings, get_password, store_password
from .tasks import UiRelay, Worker

if TYPE_CHECKING:
    from ..services import Services

log = logging.getLogger(__name__)

#: "Sync now". F5 is Refresh in the Course menu; F9 is "Send/Receive" in mail programs.
SYNC_SHORTCUT = "F9"
BUNDLE_FILTER = "SCORM Desktop records (*.sdrecords);;All files (*)"


@dataclass(frozen=True)
class SyncState:
    """What the status widget shows; emitted by `SyncController.stateChanged` (on the UI thread)."""

    configured: bool = False
    endpoint: str = ""
    pending: int = 0
    sent: int = 0
    conflicts: int = 0
    quarantined: int = 0
    #: UTC ISO time the last sync run that ended without an error finished.
    last_success_at: str | None = None
    last_error: str | None = None
    #: The LRS answered the last probe (True), did not (False), not probed yet (None).
    online: bool | None = None
    syncing: bool = False
    #: Seconds until the next try, when waiting after a failure.
    retry_in: float | None = None


class SyncController(QObject):
    """Runs `SyncEngine.run` on its own thread; reports through `stateChanged(SyncState)` and `finished(SyncReport)`."""

    stateChanged = Signal(object)
    finished = Signal(object)

    def __init__(
        self,
        services: Services,
        worker: Worker | None = None,
        parent: QObject | None = None,
        *,
        probe_interval: float = 300.0,
        offline_retry: float = 30.0,
        offline_retry_max: float = 900.0,
        start_delay: float = 2.0,
        watch_network: bool = True,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.worker = worker or Worker(self)
        self.probe_interval = probe_interval
        self.offline_retry = offline_retry
        self.offline_retry_max = offline_retry_max
        self.start_delay = start_delay
        self.state = SyncState()
        self._cfg = SyncSettings.from_settings(services.settings)
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._forced = False
        self._offline_failures = 0
        self._thread: threading.Thread | None = None
        self._last_emit = 0.0
        self._relay = UiRelay(self)  # the sync thread's results reach the UI thread through it, never a queued signal
        self.network = _watch_reachability(self) if watch_network else None

    # -- control (UI thread) ---------------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="scorm-desktop-sync", daemon=True)
        self._thread.start()

    def sync_now(self) -> None:
        """Probe the LRS and send everything pending, now (also when the last probe failed)."""
        with self._lock:
            self._forced = True
            self._offline_failures = 0
        self._wake.set()

    def sync_soon(self) -> None:
        """New statements may be waiting (a session ended): look now, send when the LRS answers."""
        self._wake.set()

    def reconfigure(self, cfg: SyncSettings | None = None) -> None:
        """The settings changed: use `cfg` (default: read again from the services' settings) from the next wake."""
        with self._lock:
            self._cfg = cfg or SyncSettings.from_settings(self.services.settings)
        self.sync_now()

    @property
    def busy(self) -> bool:
        return self.state.syncing

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop the loop; a batch in flight is abandoned safely (its rows stay pending, the LRS keeps one copy)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("the sync thread is still waiting for the LRS; leaving it (nothing is lost)")
            self._thread = None

    def _on_reachability(self, reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        online = reachability in (QNetworkInformation.Reachability.Online, QNetworkInformation.Reachability.Unknown)
        if online:
            log.info("the network is reachable: probing the LRS")
            self.sync_now()
        else:
            self._publish(online=False, retry_in=None)

    # -- the loop (sync thread) ------------------------------------------------------------------------------------
    def _loop(self) -> None:
        delay = self.start_delay
        while not self._stop.is_set():
            self._wake.wait(delay)
            if self._stop.is_set():
                break
            self._wake.clear()
            with self._lock:
                forced, self._forced = self._forced, False
                cfg = replace(self._cfg)
            try:
                delay = self._cycle(cfg, forced)
            except Exception as exc:  # never let the loop die: log, show, try again later
                log.exception("sync failed unexpectedly")
                self._publish(syncing=False, last_error=f"sync failed unexpectedly: {exc}")
                delay = self.probe_interval

    def _cycle(self, cfg: SyncSettings, forced: bool) -> float:
        """One wake: read the outbox, probe, send. Returns the seconds until the next periodic wake."""
        outbox = Outbox(self.services.sessions)
        status = outbox.status()
        changes = dict(
            configured=bool(cfg.endpoint), endpoint=cfg.endpoint, pending=status.pending, sent=status.sent,
            conflicts=status.conflicts, quarantined=status.quarantined, last_success_at=status.last_success_at,
            retry_in=None,
        )
        if self.state.online is None:  # the first look: show how the last run (perhaps a CLI run) ended
            changes["last_error"] = status.last_error
        self._publish(**changes)
        if not cfg.endpoint:
            self._publish(online=None, last_error=None)
            return self.probe_interval
        password = get_password(cfg, self.services.paths.config) if cfg.username else None
        client = lrs_client.LrsClient(cfg, password)
        try:
            answer = client.about()
            if answer.kind != lrs_client.OK:
                return self._offline(answer.message or f"HTTP {answer.status}")
            self._offline_failures = 0
            self._publish(online=True, retry_in=None)
            if status.pending == 0 and not forced:
                self._publish(last_error=None)
                return self.probe_interval
            report = self._run(cfg, password, client, status.pending)
        finally:
            client.close()
        after = outbox.status()
        self._publish(
            syncing=False, retry_in=None, pending=after.pending, sent=after.sent, conflicts=after.conflicts,
            quarantined=after.quarantined, last_success_at=after.last_success_at, last_error=report.last_error,
        )
        self._relay.post(lambda: self.finished.emit(report))
        if report.last_error and report.pending:  # the LRS failed for longer than max_wait: try again sooner
            return self._retry_delay()
        return self.probe_interval

    def _run(self, cfg: SyncSettings, password: str | None, client, pending: int) -> SyncReport:
        self._publish(syncing=True)
        start = time.monotonic()

        def progress(report: SyncReport, retry_in: float | None) -> None:
            now = time.monotonic()
            if retry_in is None and now - self._last_emit < 0.25:  # keep the UI thread free on fast runs
                return
            self._last_emit = now
            left = max(0, pending - report.sent - len(report.refused))
            self._publish(pending=left, last_error=report.last_error if retry_in is not None else None,
                          retry_in=retry_in)

        engine = SyncEngine(self.services.sessions, cfg, password, client=client, stop=self._stop, progress=progress)
        report = engine.run(max_wait=cfg.max_wait)
        log.info("sync: sent %s in %.1f s, %s pending, error: %s", report.sent, time.monotonic() - start,
                 report.pending, report.last_error)
        return report

    def _offline(self, message: str) -> float:
        self._offline_failures += 1
        delay = self._retry_delay()
        self._publish(online=False, syncing=False, last_error=message, retry_in=delay)
        log.info("the LRS is not reachable (%s); probing again in %.0f s", message, delay)
        return delay

    def _retry_delay(self) -> float:
        n = max(1, self._offline_failures)
        return min(self.offline_retry_max, self.offline_retry * 2 ** min(n - 1, 30))

    def _publish(self, **changes) -> None:
        with self._lock:
            self.state = replace(self.state, **changes)
            state = self.state
        self._relay.post(lambda: self.stateChanged.emit(state))


def _watch_reachability(controller: SyncController) -> QObject | None:
    """Qt's network reachability, where this platform has a backend (NetworkManager, glib, ...); None otherwise."""
    try:
        from PySide6.QtNetwork import QNetworkInformation
    except ImportError:
        return None
    try:
        if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            log.info("no network reachability backend on this platform; the periodic probe alone decides")
            return None
        info = QNetworkInformation.instance()
    except Exception as exc:  # a broken D-Bus and the like: the probe still works
        log.info("network reachability unavailable: %s", exc)
        return None
    if info is None:
        return None
    # A bound method of the controller: Qt drops the connection when the controller is deleted.
    info.reachabilityChanged.connect(controller._on_reachability)
    log.info("network reachability from the %s backend", info.backendName())
    return info


# ---------------------------------------------------------------------------------------------------- the status
class SyncStatusWidget(QWidget):
    """For the status bar: "Sync: 12 pending · last 14:02" / "offline" / "up to date"; the tool tip has the details;
    clicking it syncs now."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.button = QToolButton(self)
        self.button.setAutoRaise(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setAccessibleName(self.tr("Sync status"))
        self.button.clicked.connect(controller.sync_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        controller.stateChanged.connect(self.show_state)
        self.show_state(controller.state)

    @property
    def text(self) -> str:
        return self.button.text()

    @Slot(object)
    def show_state(self, st: SyncState) -> None:
        if not st.configured:
            parts = [self.tr("Sync: not set up")]
            if st.pending:
                parts.append(self.tr("{0} pending").format(st.pending))
        else:
            if st.syncing:
                head = self.tr("Syncing…")
            elif st.online is False:
                head = self.tr("Sync: offline")
            elif st.last_error:
                head = self.tr("Sync: error")
            elif st.pending == 0 and st.online:
                head = self.tr("Sync: up to date")
            else:
                head = self.tr("Sync")
            parts = [head, self.tr("{0} pending").format(st.pending)]
            if st.last_success_at:
                parts.append(self.tr("last {0}").format(_local_time(st.last_success_at)))
        if st.conflicts or st.quarantined:
            parts.append(self.tr("{0} refused").format(st.conflicts + st.quarantined))
        self.button.setText(" · ".join(parts))
        tip = [self.tr("LRS: {0}").format(st.endpoint or self.tr("none (Sync › Settings…)")),
               self.tr("Pending: {0}; sent: {1}").format(st.pending, st.sent)]
        if st.conflicts or st.quarantined:
            tip.append(self.tr("Refused by the LRS: {0} conflict(s), {1} invalid (see `scorm-desktop sync`)").format(
                st.conflicts, st.quarantined))
        tip.append(self.tr("Last successful sync: {0}").format(
            _local_time(st.last_success_at, full=True) if st.last_success_at else self.tr("never")))
        if st.last_error:
            tip.append(self.tr("Last error: {0}").format(st.last_error))
        if st.retry_in:
            tip.append(self.tr("Next try in {0} s").format(math.ceil(st.retry_in)))
        tip.append(self.tr("Click to sync now ({0})").format(SYNC_SHORTCUT))
        self.button.setToolTip("\n".join(tip))


def _local_time(iso: str, full: bool = False) -> str:
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    today = datetime.now(timezone.utc).astimezone().date()
    if full or when.date() != today:
        return when.strftime("%Y-%m-%d %H:%M")
    return when.strftime("%H:%M")


# ---------------------------------------------------------------------------------------------------- settings
class SyncSettingsDialog(QDialog):
    """The LRS endpoint, user and password (kept in the keyring, never in settings.json), and the learners' account
    home page. "Test connection" probes the LRS with what is typed, off the UI thread."""

    tested = Signal(str, bool)
    #: The settings (and the password, if one was typed) are on disk / in the keyring.
    saved = Signal()

    def __init__(self, services: Services, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.worker = worker
        self.setWindowTitle(self.tr("Sync settings"))
        cfg = SyncSettings.from_settings(services.settings)
        xapi = dict(services.settings.extra.get("xapi") or {})
        self.endpoint = QLineEdit(cfg.endpoint, self)
        self.endpoint.setPlaceholderText("https://lrs.example.org/xAPI/")
        self.endpoint.setToolTip(self.tr("The LRS's xAPI base address: the part before 'statements'"))
        self.username = QLineEdit(cfg.username, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username.setAccessibleDescription(self.tr("The LRS account the records are sent with"))
        self.password.setAccessibleDescription(self.tr(
            "Kept in the system's keyring when there is one; the characters typed are hidden"))
        self.password.setPlaceholderText(self.tr("unchanged") if cfg.username else "")
        self.home_page = QLineEdit(str(xapi.get("home_page") or ""), self)
        self.home_page.setPlaceholderText(self.services.records.statements.options.home_page
                                          if self.services.records.statements else "")
        self.home_page.setToolTip(self.tr("The address the learners' accounts belong to (statements' actor)"))
        form = QFormLayout()
        form.addRow(self.tr("&Endpoint:"), self.endpoint)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("Learner account &home page:"), self.home_page)
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.test_button.setAccessibleDescription(self.tr("Ask the LRS whether this address and account work"))
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self.tested.connect(self._show_test)
        self._relay = UiRelay(self)  # the probe's thread answers through it

    def settings(self) -> SyncSettings:
        cfg = SyncSettings.from_settings(self.services.settings)
        cfg.endpoint = self.endpoint.text().strip()
        cfg.username = self.username.text().strip()
        return cfg

    def test_connection(self) -> None:
        cfg, typed = self.settings(), self.password.text()
        if not cfg.endpoint:
            self._show_test(self.tr("Enter the LRS endpoint first."), False)
            return
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Testing…"))
        config_dir = self.services.paths.config

        def probe() -> None:  # its own thread: a dead LRS may take the whole time-out to answer
            password = typed or (get_password(cfg, config_dir) if cfg.username else None)
            message, ok = check_connection(cfg, password)
            self._relay.post(lambda: self.tested.emit(message, ok))

        threading.Thread(target=probe, name="scorm-desktop-sync-test", daemon=True).start()

    @Slot(str, bool)
    def _show_test(self, message: str, ok: bool) -> None:
        self.test_button.setEnabled(True)
        self.result.setText(("✔ " if ok else "✘ ") + message)

    def accept(self) -> None:
        cfg = self.settings()
        if cfg.endpoint and not cfg.endpoint.lower().startswith(("http://", "https://")):
            QMessageBox.warning(self, self.windowTitle(), self.tr("The endpoint must start with https:// (or http://)."))
            return
        s = self.services.settings
        sync = dict(s.extra.get("sync") or {})
        sync.update(endpoint=cfg.endpoint, username=cfg.username)
        s.extra["sync"] = sync
        xapi = dict(s.extra.get("xapi") or {})
        home = self.home_page.text().strip()
        if home:
            xapi["home_page"] = home
        else:
            xapi.pop("home_page", None)
        s.extra["xapi"] = xapi
        builder = self.services.records.statements
        if builder is not None:  # statements written from now on name learners with the new home page
            builder.options = replace(builder.options, home_page=home or type(builder.options)().home_page)
        password = self.password.text()
        self.saved_password_in: str | None = None
        services = self.services

        def save() -> str | None:
            services.save_settings()
            if password and cfg.username:
                return store_password(cfg, services.paths.config, password)
            return None

        self.worker.submit(_outcome(save), on_done=self._saved)
        super().accept()

    def _saved(self, outcome: tuple[bool, object]) -> None:
        ok, where = outcome
        if not ok:
            self._save_failed(where)  # type: ignore[arg-type]
            return
        self.saved_password_in = where  # type: ignore[assignment]
        if where and where != "keyring":
            log.warning("no keyring: the LRS password is kept in %s (readable by this user only)", where)
        self.saved.emit()

    def _save_failed(self, exc: BaseException) -> None:
        QMessageBox.critical(self.parentWidget(), self.tr("Sync settings"),
                             self.tr("The sync settings could not be saved: {0}").format(exc))


def check_connection(cfg: SyncSettings, password: str | None) -> tuple[str, bool]:
    """Probe the LRS (GET about), then the credentials (GET statements?limit=1): one sentence, and whether it works."""
    client = lrs_client.LrsClient(cfg, password)
    try:
        about = client.about()
        if about.kind != lrs_client.OK:
            return f"The LRS did not answer as an LRS: {about.message or about.status}.", False
        try:
            resp = client.http.get(cfg.statements_url, params={"limit": 1})
        except Exception as exc:
            return f"The LRS answers, but reading statements failed ({type(exc).__name__}).", False
        if resp.status_code == 200:
            return "Connected: the LRS answers and accepts these credentials.", True
        if resp.status_code == 401:
            return "The LRS answers, but refuses this user name and password (HTTP 401).", False
        if resp.status_code == 403:
            return ("The LRS answers and knows these credentials, but they may not read statements (HTTP 403); "
                    "they may still be allowed to send them."), True
        return f"The LRS answers /about, but statements gave HTTP {resp.status_code}.", False
    finally:
        client.close()


# ---------------------------------------------------------------------------------------------------- the menu
class SyncUi(QObject):
    """The Sync menu, the status widget and the bundle actions of one main window."""

    def __init__(self, window: QMainWindow, services: Services, worker: Worker, controller: SyncController) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.worker = worker
        self.controller = controller
        self.status = SyncStatusWidget(controller, window)
        self.menu = QMenu(self.tr("&Sync"), window)
        self.sync_action = QAction(self.tr("Sync &now"), window)
        self.sync_action.setShortcut(QKeySequence(SYNC_SHORTCUT))
        self.sync_action.setToolTip(self.tr("Send the learning records to the LRS now ({0})").format(SYNC_SHORTCUT))
        self.sync_action.triggered.connect(controller.sync_now)
        self.settings_action = QAction(self.tr("&Settings…"), window)
        self.settings_action.triggered.connect(self.edit_settings)
        self.export_action = QAction(self.tr("&Export records…"), window)
        self.export_action.setToolTip(self.tr("Write the records not yet sent to a signed file (for a USB stick)"))
        self.export_action.triggered.connect(lambda: self.export_bundle())
        self.import_action = QAction(self.tr("&Import records…"), window)
        self.import_action.setToolTip(self.tr("Queue the records of a file from another computer for sync"))
        self.import_action.triggered.connect(lambda: self.import_bundle())
        self.menu.addAction(self.sync_action)
        self.menu.addAction(self.settings_action)
        self.menu.addSeparator()
        self.menu.addAction(self.export_action)
        self.menu.addAction(self.import_action)
        self.dialog: SyncSettingsDialog | None = None

    def edit_settings(self) -> None:
        self.dialog = SyncSettingsDialog(self.services, self.worker, self.window)
        self.dialog.saved.connect(lambda: self.controller.reconfigure())
        self.dialog.open()

    def export_bundle(self, path: str | None = None) -> None:
        if not path:
            stamp = datetime.now().strftime("%Y%m%d-%H%M")
            suggested = str(Path.home() / f"records-{stamp}.sdrecords")
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export records"), suggested, BUNDLE_FILTER)
            if not path:
                return
        self.window.statusBar().showMessage(self.tr("Exporting records…"))
        self.worker.submit(_outcome(export_records), self.services.sessions, path,
                           on_done=lambda out: self._done(out, self._exported, self.tr("Export records"), path))

    def import_bundle(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import records"), str(Path.home()),
                                                  BUNDLE_FILTER)
            if not path:
                return
        self.window.statusBar().showMessage(self.tr("Importing records…"))
        self.worker.submit(_outcome(import_records), self.services.sessions, path,
                           on_done=lambda out: self._done(out, self._imported, self.tr("Import records"), path))

    def _done(self, outcome: tuple[bool, object], then, title: str, path: str) -> None:
        ok, value = outcome
        if ok:
            then(value)
        else:
            self._failed(title, path, value)  # type: ignore[arg-type]

    def _exported(self, result: ExportResult) -> None:
        self.last_message = self.tr(
            "{0} record(s) were written to {1}.\n\nImport this file on a computer that can reach the LRS "
            "(Sync › Import records…). They stay queued here too: whichever computer syncs first sends them, and "
            "the LRS keeps one copy.\n\nThis computer's key: {2}"
        ).format(result.count, result.path, result.fingerprint)
        self.window.statusBar().showMessage(self.tr("Exported {0} record(s)").format(result.count), 10000)
        QMessageBox.information(self.window, self.tr("Export records"), self.last_message)

    def _imported(self, result: ImportResult) -> None:
        seen = self.tr("first time this computer sees it") if result.new_device else self.tr("known device")
        self.last_message = self.tr(
            "{0} new record(s) queued for sync, {1} already known (of {2} in the file).\n\n"
            "From device {3} ({4}), key {5}."
        ).format(result.queued, result.already_known, result.count, result.device_id, seen, result.fingerprint)
        self.window.statusBar().showMessage(self.tr("Imported {0} record(s)").format(result.queued), 10000)
        QMessageBox.information(self.window, self.tr("Import records"), self.last_message)
        self.controller.sync_soon()

    def _failed(self, title: str, path: str, exc: BaseException) -> None:
        if isinstance(exc, BundleError):
            self.last_message = self.tr("Not imported: {0}").format(exc)
        elif isinstance(exc, OSError):
            self.last_message = self.tr("'{0}' could not be used: {1}").format(path, exc.strerror or exc)
        else:
            self.last_message = self.tr("{0} failed: {1}").format(title, exc)
        self.window.statusBar().clearMessage()
        QMessageBox.warning(self.window, title, self.last_message)


def _outcome(fn):
    """`fn` wrapped to return (True, result) or (False, exception): the refusal reaches the UI thread as a value
    (a job that raises is logged by the Worker as a failure; a refused bundle is an answer, not a crash)."""

    def run(*args):
        try:
            return True, fn(*args)
        except Exception as exc:
            if not isinstance(exc, (BundleError, OSError)):
                log.exception("%s failed", getattr(fn, "__name__", fn))
            return False, exc

    return run


def install(window: QMainWindow, services: Services, worker: Worker, *, start: bool = True) -> SyncUi:
    """Add the Sync menu (before Help), the status widget (status bar) and start background sync. Returns the
    `SyncUi`; call ``.controller.shutdown()`` before the worker shuts down, and ``.controller.sync_soon()`` when
    a player session ends."""
    controller = SyncController(services, worker, window)
    ui = SyncUi(window, services, worker, controller)
    bar = window.menuBar()
    actions = bar.actions()
    help_action = next((a for a in actions if a.text().replace("&", "") == "Help"), None)
    if help_action is not None:
        bar.insertMenu(help_action, ui.menu)
    else:
        bar.addMenu(ui.menu)
    window.statusBar().addPermanentWidget(ui.status)
    if start:
        controller.start()
    return ui
