"""The background sync loop (`SyncController`): when the LRS is reachable, send what the outbox holds.

Threads. A sync can wait minutes between tries (the LRS answers 503, the network is gone), so it does not run on the
app's one `Worker` (ui/tasks.py), whose single thread keeps the learner's writes in order: a sync waiting there
would hold back every value the learner records. The loop runs on its own thread ("scorm-desktop-sync") with its own
database sessions; SQLite in WAL mode lets it read and mark outbox rows while the worker writes, each state change
being one short transaction (busy_timeout covers the rare overlap). Results come back to the UI thread as callables
posted to a `UiRelay` (never a Python object in a queued signal); no widget is touched from the sync thread.

Lifetime. The thread runs a plain-Python `SyncLoop`, never the Qt object: it reaches `SyncController` only through a
`_Relay` that holds it weakly and is closed by `shutdown()` (called by the window's close, by `aboutToQuit` and when
the controller is destroyed), so a thread still waiting on a slow LRS never emits on a deleted object, and the Qt
object is never freed on the sync thread (a segfault seen in CI when a test's controller outlived it).

When it syncs. The loop wakes on "Sync now", `sync_soon()`, a write that changed records or the outbox
(`Worker.changed`), a change of network reachability (`QNetworkInformation`, where the platform has a backend), a
settings change, and a periodic timer. Each wake probes the LRS (`LrsClient.about()`) and, when it answers, sends
what is pending. The timer is `probe_interval` (5 min) while the LRS answers; while it does not, the probe backs off
from `offline_retry` (30 s), doubling up to `offline_retry_max` (15 min), and the status shows "offline". A sync run
gives up waiting after the settings' `max_wait`; the rows stay pending for the next wake (the queue never drops a
statement).
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..storage.outbox import Outbox
from ..sync import client as lrs_client
from ..sync.engine import SyncReport
from ..sync.settings import SyncSettings, get_password
from .tasks import Changed, UiRelay, Worker

if TYPE_CHECKING:
    from ..services import Services

log = logging.getLogger(__name__)


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


class _Relay:
    """The sync thread's only way to the Qt side: emits on the controller while it is alive and not shut down;
    holds it weakly, so the thread never keeps the Qt object alive (nor frees it)."""

    def __init__(self, controller: SyncController) -> None:
        self._ref = weakref.ref(controller)
        self._lock = threading.Lock()
        self._closed = False

    def close(self) -> None:
        # Waits for an emission in progress: once this returns, nothing reaches the controller any more.
        with self._lock:
            self._closed = True

    def emit(self, signal: str, value: object) -> None:
        """Emit `signal(value)` on the UI thread: the value travels in a posted callable, not a queued signal."""
        with self._lock:
            if self._closed:
                return
            controller = self._ref()
            if controller is None or not shiboken6.isValid(controller):
                return
            ui = controller.ui_relay
            del controller
        ref = self._ref

        def deliver() -> None:  # UI thread
            target = None if self._closed else ref()
            if target is not None and shiboken6.isValid(target):
                getattr(target, signal).emit(value)

        try:
            ui.post(deliver)
        except RuntimeError:  # the controller (and its relay) were deleted just now: nobody is listening
            pass

    def announce(self, kind: Changed) -> None:
        with self._lock:
            controller = None if self._closed else self._ref()
            if controller is not None and shiboken6.isValid(controller) and shiboken6.isValid(controller.worker):
                controller._own_announcements += 1
                controller.worker.announce(kind)
            del controller


class SyncLoop:
    """The loop itself, plain Python (runs on the sync thread): wake, read the outbox, probe, send."""

    def __init__(self, services: Services, relay: _Relay, *, probe_interval: float, offline_retry: float,
                 offline_retry_max: float, start_delay: float) -> None:
        self.services = services
        self.relay = relay
        self.probe_interval = probe_interval
        self.offline_retry = offline_retry
        self.offline_retry_max = offline_retry_max
        self.start_delay = start_delay
        self.state = SyncState()
        self.cfg = SyncSettings.from_settings(services.settings)
        self.lock = threading.Lock()
        self.wake = threading.Event()
        self.stop = threading.Event()
        self.forced = False
        self.offline_failures = 0
        self._last_emit = 0.0

    def run(self) -> None:
        delay = self.start_delay
        while not self.stop.is_set():
            self.wake.wait(delay)
            if self.stop.is_set():
                break
            self.wake.clear()
            with self.lock:
                forced, self.forced = self.forced, False
                cfg = replace(self.cfg)
            try:
                delay = self.cycle(cfg, forced)
            except Exception as exc:  # never let the loop die: log, show, try again later
                log.exception("sync failed unexpectedly")
                self.publish(syncing=False, last_error=f"sync failed unexpectedly: {exc}")
                delay = self.probe_interval

    def cycle(self, cfg: SyncSettings, forced: bool) -> float:
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
        self.publish(**changes)
        if not cfg.endpoint:
            self.publish(online=None, last_error=None)
            return self.probe_interval
        password = get_password(cfg, self.services.paths.config) if cfg.username else None
        client = lrs_client.LrsClient(cfg, password)
        try:
            answer = client.about()
            if answer.kind != lrs_client.OK:
                return self.offline(answer.message or f"HTTP {answer.status}")
            self.offline_failures = 0
            self.publish(online=True, retry_in=None)
            if status.pending == 0 and not forced:
                self.publish(last_error=None)
                return self.probe_interval
            report = self.send(cfg, password, client, status.pending)
        finally:
            client.close()
        after = outbox.status()
        self.publish(
            syncing=False, retry_in=None, pending=after.pending, sent=after.sent, conflicts=after.conflicts,
            quarantined=after.quarantined, last_success_at=after.last_success_at, last_error=report.last_error,
        )
        if report.sent or report.refused:
            self.relay.announce(Changed.OUTBOX)
        self.relay.emit("finished", report)
        if report.last_error and report.pending:  # the LRS failed for longer than max_wait: try again sooner
            return self.retry_delay()
        return self.probe_interval

    def send(self, cfg: SyncSettings, password: str | None, client, pending: int) -> SyncReport:
        self.publish(syncing=True)
        start = time.monotonic()

        def progress(report: SyncReport, retry_in: float | None) -> None:
            now = time.monotonic()
            if retry_in is None and now - self._last_emit < 0.25:  # keep the UI thread free on fast runs
                return
            self._last_emit = now
            left = max(0, pending - report.sent - len(report.refused))
            self.publish(pending=left, last_error=report.last_error if retry_in is not None else None,
                         retry_in=retry_in)

        engine = self.services.sync_engine(cfg, password, client=client, stop=self.stop, progress=progress)
        report = engine.run(max_wait=cfg.max_wait)
        log.info("sync: sent %s in %.1f s, %s pending, error: %s", report.sent, time.monotonic() - start,
                 report.pending, report.last_error)
        return report

    def offline(self, message: str) -> float:
        self.offline_failures += 1
        delay = self.retry_delay()
        self.publish(online=False, syncing=False, last_error=message, retry_in=delay)
        log.info("the LRS is not reachable (%s); probing again in %.0f s", message, delay)
        return delay

    def retry_delay(self) -> float:
        n = max(1, self.offline_failures)
        return min(self.offline_retry_max, self.offline_retry * 2 ** min(n - 1, 30))

    def publish(self, **changes) -> None:
        with self.lock:
            self.state = replace(self.state, **changes)
            state = self.state
        self.relay.emit("stateChanged", state)


class SyncController(QObject):
    """Runs the sync loop on its own thread; reports through `stateChanged(SyncState)` and `finished(SyncReport)`.
    Wakes by itself when the worker says records or the outbox changed."""

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
        self.ui_relay = UiRelay(self)  # how the sync thread's results reach the UI thread (ui/tasks.py says why)
        self._relay = _Relay(self)
        self._loop = SyncLoop(services, self._relay, probe_interval=probe_interval, offline_retry=offline_retry,
                              offline_retry_max=offline_retry_max, start_delay=start_delay)
        self._thread: threading.Thread | None = None
        #: OUTBOX announcements this controller made itself (its own sends must not wake it again).
        self._own_announcements = 0
        self.worker.changed.connect(self._on_changed)
        # Never outlive the application or this object with a thread that could still emit.
        relay, stop, wake = self._relay, self._loop.stop, self._loop.wake
        self.destroyed.connect(lambda *_a: (relay.close(), stop.set(), wake.set()))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.network = _watch_reachability(self) if watch_network else None

    @property
    def state(self) -> SyncState:
        return self._loop.state

    # -- control (UI thread) ---------------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None or self._loop.stop.is_set():
            return
        # The target is the plain loop, not a method of this QObject: see "Lifetime" above.
        self._thread = threading.Thread(target=self._loop.run, name="scorm-desktop-sync", daemon=True)
        self._thread.start()

    def sync_now(self) -> None:
        """Probe the LRS and send everything pending, now (also when the last probe failed)."""
        with self._loop.lock:
            self._loop.forced = True
            self._loop.offline_failures = 0
        self._loop.wake.set()

    def sync_soon(self) -> None:
        """New statements may be waiting (a session ended): look now, send when the LRS answers."""
        self._loop.wake.set()

    def reconfigure(self, cfg: SyncSettings | None = None) -> None:
        """The settings changed: use `cfg` (default: read again from the services' settings) from the next wake."""
        with self._loop.lock:
            self._loop.cfg = cfg or SyncSettings.from_settings(self.services.settings)
        self.sync_now()

    @property
    def busy(self) -> bool:
        return self.state.syncing

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop the loop; a batch in flight is abandoned safely (its rows stay pending, the LRS keeps one copy).
        From here on no signal is emitted, even by a thread still waiting on the LRS. Safe to call twice."""
        self._relay.close()
        self._loop.stop.set()
        self._loop.wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("the sync thread is still waiting for the LRS; leaving it (nothing is lost)")
            self._thread = None

    def _on_changed(self, kind: Changed) -> None:
        if kind is Changed.OUTBOX and self._own_announcements:
            self._own_announcements -= 1
            return
        if kind in (Changed.RECORDS, Changed.OUTBOX):
            self.sync_soon()

    def _on_reachability(self, reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        online = reachability in (QNetworkInformation.Reachability.Online, QNetworkInformation.Reachability.Unknown)
        if online:
            log.info("the network is reachable: probing the LRS")
            self.sync_now()
        else:
            self._loop.publish(online=False, retry_in=None)


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
