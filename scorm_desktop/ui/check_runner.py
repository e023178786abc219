"""The course checker's runs: every launchable item of each package, unattended, in the real player (offscreen).

Nothing is recorded for anyone: the packages are imported into a throwaway data folder (deleted afterwards) and played
there by throwaway learners ("Course checker 1", ...), one per concurrent slot, each with its own web profile so that
every request can be traced to the item that made it. The content runs under the app's own rules (the profile's
`ContentInterceptor`, which the checker only observes): requests that leave the package are blocked and reported —
for the internet, the course will not work offline; file:, other schemes, other courses' files, never allowed —
and requests for files the package lacks are reported with their path. Closing never waits: a running import is
cancelled and the throwaway folder goes on the runner's own worker thread (`close(wait=False)`).

An item's run ends when the SCO terminates, when the content waits for a learner (no API call and no navigation for
`idle` seconds: `checker.idle.IdleWatch`), or at a time limit while it keeps calling. Plain results go to
`checker.runtime` and `checker.report`; this module only drives Qt.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo
from PySide6.QtWebEngineWidgets import QWebEngineView
from shiboken6 import isValid

from .. import launch as launching
from ..bridge.profile import content_interceptor
from ..bridge.scheme import CONTENT_PREFIX, SCHEME, resolve_inside
from ..checker.idle import DEFAULT_IDLE, IdleWatch
from ..checker.report import Finding, ItemReport, PackageReport
from ..checker.runtime import RunObservation, findings
from ..checker.static import check_static
from ..paths import DataPaths
from ..services import open_services
from .player import Player
from .webenv import WebEnv, delete_now

log = logging.getLogger(__name__)

#: An asset has nothing to wait for: it is done once nothing has loaded for this long (or `idle`, when shorter).
ASSET_QUIET = 2.0
#: Schemes that leave the package for a network.
NETWORK_SCHEMES = ("http", "https", "ws", "wss", "ftp")


@dataclass
class _Package:
    path: Path
    label: str
    report: PackageReport | None = None
    course_id: int | None = None
    version: str = ""
    folder: Path | None = None
    pending: int = 0
    started: float = field(default_factory=time.monotonic)


class _Observer:
    """Watches every request of one slot's profile, after the profile's own `ContentInterceptor` decided on it (the
    checked content gets exactly the app's rules: no file: or other scheme, no other course's files, no internet):
    each request is a sign of life (a navigation, or a page still loading); then files the package lacks, requests
    that leave the package for the internet, and anything else the rules blocked, for the report."""

    def __init__(self, slot: "_Slot") -> None:
        self.slot = slot

    def __call__(self, info: QWebEngineUrlRequestInfo, refusal: str | None) -> None:
        slot = self.slot
        if not isValid(slot) or slot._done or slot.item is None:
            return
        url = info.requestUrl()
        scheme = url.scheme().lower()
        slot.watch.activity()  # a page, frame or file loading: the content is not waiting yet
        if refusal is not None:
            if refusal == "refused":  # the scheme handler's own answer (a missing file: reported below as such)
                return
            text = url.toString()
            if scheme in NETWORK_SCHEMES:
                if text not in slot.obs.internet:
                    slot.obs.internet.append(text)
            elif text not in slot.blocked:
                slot.blocked[text] = refusal
            return
        if scheme != SCHEME or slot.root is None:
            return
        path = url.path(options=url.ComponentFormattingOption.FullyEncoded) or "/"
        if not path.startswith(CONTENT_PREFIX):
            return
        rel = path[len(CONTENT_PREFIX):]
        name = unquote(rel)
        found = resolve_inside(slot.root, rel)
        if found is None:
            if name not in slot.obs.not_found:
                slot.obs.not_found.append(name)
        elif not (slot.root / name).is_file() and name not in slot.case_mismatch:
            slot.case_mismatch[name] = found.relative_to(slot.root.resolve()).as_posix()


class _Slot(QObject):
    """One offscreen player that runs items one after another."""

    def __init__(self, runner: "CheckRunner", index: int) -> None:
        super().__init__(runner)
        self.runner = runner
        self.learner = f"Course checker {index}"
        self.view = QWebEngineView()
        self.view.resize(1024, 768)
        self.view.show()  # offscreen: nothing appears, but the page is not throttled as a hidden one would be
        self.player = Player(runner.services, runner.env, self.view, learner=self.learner, unattended=True,
                             auto_continue=False)
        self.player.apiLogged.connect(self._on_api)
        self.player.consoleMessage.connect(self._on_console)
        self.player.sessionEnded.connect(self._on_session_ended)
        self.player.itemStarted.connect(lambda _launch: self.watch.activity())
        self.observer = _Observer(self)
        self._observed: list = []  # the profiles' interceptors this slot observes
        self.timer = QTimer(self)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self._poll)
        self.obs = RunObservation()
        self.watch = IdleWatch(runner.idle)
        self.root: Path | None = None
        self.case_mismatch: dict[str, str] = {}
        #: Requests the app's rules blocked besides the internet (file:, other schemes, other courses): url → why.
        self.blocked: dict[str, str] = {}
        self.package: _Package | None = None
        self.item: ItemReport | None = None
        self.busy = False
        self._done = False
        self._t0 = time.monotonic()

    # -- one item ----------------------------------------------------------------------------------------------------
    def run(self, package: _Package, item: ItemReport) -> None:
        self.busy, self._done = True, False
        self.package, self.item = package, item
        self.obs = RunObservation(version=package.version)
        self.watch = IdleWatch(self.runner.idle)
        self.case_mismatch = {}
        self.blocked = {}
        self.root = package.folder
        self._t0 = time.monotonic()
        s = self.runner.services
        cid = package.course_id

        def prepare():
            return launching.prepare(s.library, s.records, cid, self.learner, item.identifier, "normal",
                                     sequenced=True)

        def prepared(launch) -> None:
            if not isValid(self) or self._done or self.runner._closed:
                return
            interceptor = content_interceptor(self.runner.env.profile_for(launch.learner.uid))
            if interceptor is not None and self.observer not in interceptor.observers:
                interceptor.observers.append(self.observer)
                self._observed.append(interceptor)
            self._t0 = time.monotonic()
            self.watch.activity()
            self.player._start(launch)  # the item alone, outside the course's navigation
            self.timer.start()

        def failed(exc: BaseException) -> None:
            self.obs.failure = str(exc)
            self._finish("failed")

        self.runner.env.worker.submit(prepare, on_done=prepared, on_error=failed)

    def _on_api(self, entries: list) -> None:
        if self._done:
            return
        since = time.monotonic() - self._t0
        for entry in entries:
            if isinstance(entry, dict):
                self.obs.api_entry(entry, since)
        self.watch.api_calls(len(entries))

    def _on_console(self, level: str, text: str, _source: str, _line: int) -> None:
        if not self._done:
            self.obs.console(level, text)

    def _on_session_ended(self, _launch, reason: str) -> None:
        if reason == "terminated" and not self._done:
            # a moment for the content's unload handlers and last console lines
            QTimer.singleShot(300, lambda: self._finish("terminated"))

    def _poll(self) -> None:
        if self._done or self.item is None:
            return
        elapsed = time.monotonic() - self._t0
        quiet = min(self.runner.idle, ASSET_QUIET) if self.item.kind == "asset" else self.runner.idle
        if self.watch.quiet_for() >= quiet:
            if self.item.kind == "asset":
                self._finish("loaded")
            else:
                self._finish("waits" if self.obs.found_api else "no-api")
        elif elapsed >= self.runner.item_limit:
            self._finish("busy")

    def _finish(self, outcome: str) -> None:
        if self._done:
            return
        self._done = True
        self.timer.stop()
        self.obs.outcome = outcome
        self.obs.seconds = round(time.monotonic() - self._t0, 2)
        item, package = self.item, self.package
        assert item is not None and package is not None
        item.run = self.obs.to_dict()
        item.run["case_mismatch"] = dict(self.case_mismatch)
        item.run["blocked"] = dict(self.blocked)
        item.findings.extend(findings(self.obs, item.kind, self.runner.idle))
        for asked, actual in self.case_mismatch.items():
            item.findings.append(Finding(
                "warning", "case-mismatch", f"It requests '{asked}' but the package has '{actual}': the letter case "
                "differs, which works on Windows and breaks on Linux, macOS and most web servers.",
                {"path": asked, "actual": actual}))
        for url, why in list(self.blocked.items())[:8]:
            item.findings.append(Finding(
                "warning", "blocked", f"It requests '{url[:200]}', which the player never allows ({why}).",
                {"url": url, "reason": why}))

        def free() -> None:
            self.busy = False
            self.runner._item_done(package)

        if self.player.current is None:
            free()
        else:
            self.player.close("closed", then=free)

    def dispose(self) -> None:
        self.timer.stop()
        for interceptor in self._observed:
            if isValid(interceptor) and self.observer in interceptor.observers:
                interceptor.observers.remove(self.observer)
        self._observed.clear()
        self.player.dispose()
        delete_now(self.view)
        delete_now(self.player)


class CheckRunner(QObject):
    """Checks packages (ZIP files or folders): the static checks, then every launchable item in `jobs` offscreen
    players at once. `finished(list[PackageReport])` when all are done; `packageDone(PackageReport)` as each is."""

    progress = Signal(str)
    packageDone = Signal(object)
    finished = Signal(list)

    def __init__(self, sources: list[tuple[Path, str]], idle: float = DEFAULT_IDLE, jobs: int = 3,
                 item_limit: float | None = None, parent: QObject | None = None,
                 throwaway: "tuple[Path, object] | None" = None) -> None:
        super().__init__(parent)
        self.sources = [(Path(p), label) for p, label in sources]
        self.idle = float(idle)
        self.jobs = max(1, int(jobs))
        #: The longest one item may run while it keeps calling the API.
        self.item_limit = float(item_limit) if item_limit else max(30.0, 3 * self.idle)
        # the throwaway data folder and its services (`open_throwaway()`, which the GUI calls on its worker)
        self._tmp, self.services = throwaway if throwaway is not None else open_throwaway()
        self.env = WebEnv(self.services)
        self.packages: list[_Package] = []
        self._queue: deque[tuple[_Package, ItemReport]] = deque()
        self._slots: list[_Slot] = []
        self._remaining = 0
        self._closed = False
        #: Set by `close()`: a running import stops at its next step (it may take minutes on a large package).
        self._cancel = threading.Event()

    def start(self) -> None:
        self._remaining = len(self.sources)
        if not self.sources:
            QTimer.singleShot(0, lambda: self.finished.emit([]))
            return
        for path, label in self.sources:
            package = _Package(path, label)
            self.packages.append(package)
            self.env.worker.submit(self._prepare, package, on_done=self._prepared,
                                   on_error=lambda exc, p=package: self._prepare_failed(p, exc))

    # -- on the worker: the static checks and the throwaway import -----------------------------------------------
    def _prepare(self, package: _Package) -> _Package:
        result = check_static(package.path, package.label)
        package.report = result.report
        if result.runnable and result.report.items:
            course = self.services.library.import_package(package.path, cancelled=self._cancel.is_set).course
            package.course_id = course.id
            package.version = course.scorm_version
            package.folder = Path(course.folder)
        return package

    def _prepare_failed(self, package: _Package, exc: BaseException) -> None:
        if package.report is None:
            package.report = PackageReport(source=package.label)
        package.report.findings.append(Finding("error", "refused", f"The package could not be imported: {exc}"))
        package.course_id = None
        self._prepared(package)

    def _prepared(self, package: _Package) -> None:
        if self._closed:
            return
        report = package.report
        assert report is not None
        if package.course_id is None:
            self._package_done(package)
            return
        self.progress.emit(self.tr("{0}: running %n item(s)…", "", len(report.items)).format(package.label))
        package.pending = len(report.items)
        for item in report.items:
            self._queue.append((package, item))
        self._dispatch()

    # -- slots ---------------------------------------------------------------------------------------------------
    def _dispatch(self) -> None:
        while self._queue:
            slot = next((s for s in self._slots if not s.busy), None)
            if slot is None and len(self._slots) < self.jobs:
                slot = _Slot(self, len(self._slots) + 1)
                self._slots.append(slot)
            if slot is None:
                return
            package, item = self._queue.popleft()
            slot.run(package, item)

    def _item_done(self, package: _Package) -> None:
        package.pending -= 1
        if package.pending == 0:
            self._package_done(package)
        QTimer.singleShot(0, self._dispatch)

    def _package_done(self, package: _Package) -> None:
        report = package.report
        assert report is not None
        report.seconds = time.monotonic() - package.started
        report.decide()
        self.packageDone.emit(report)
        self._remaining -= 1
        if self._remaining == 0:
            self.finished.emit([p.report for p in self.packages])

    def close(self, wait: bool = True) -> None:
        """Tear everything down (views, players, profiles), then the throwaway data folder: at once (waiting for the
        work in progress), or with `wait=False` without waiting for anything: a running import is cancelled, and the
        folder is deleted on the runner's own worker thread once that import has stopped, so that a window closing
        never waits on the disk."""
        if self._closed:
            return
        self._closed = True
        self._cancel.set()
        self._queue.clear()
        for slot in self._slots:
            slot.dispose()
        self._slots.clear()
        services, tmp = self.services, self._tmp

        def release() -> None:
            services.close()
            shutil.rmtree(tmp, ignore_errors=True)

        self.env.shutdown(wait=wait, then=release)


def open_throwaway() -> tuple[Path, object]:
    """A temporary data folder and its services: where the checker imports and plays (deleted by `close`)."""
    tmp = Path(tempfile.mkdtemp(prefix="scorm-desktop-check-"))
    return tmp, open_services(DataPaths(tmp / "data", explicit=True), with_sample=False)
