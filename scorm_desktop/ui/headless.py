"""`scorm-desktop play --headless`: the real player, offscreen, until the content is done."""

from __future__ import annotations

import logging
import signal
import sys

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt, QTimer
from PySide6.QtWebEngineWidgets import QWebEngineView

from .. import launch as launching
from ..services import Services
from ..storage.writes import OrderedWrites
from .player import Player
from .webenv import WebEnv, delete_now

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_TIMEOUT = 3
#: The content waits for a learner (no API call and no navigation for the idle period; see ui/idle_stop.py).
EXIT_WAITS = 4
#: Ctrl+C and SIGTERM: the shell's convention, 128 + the signal's number.
EXIT_SIGNAL = {signal.SIGINT: 130, signal.SIGTERM: 143}
#: After an interrupt, the longest wait for the player's own close before leaving anyway (the session is then ended
#: from what the worker stored, below). A signal to the whole process group also stops Chromium's helpers, and a
#: page that is gone never answers the close's drain: waiting longer would only delay the exit.
INTERRUPT_GRACE_MS = 700


def play_headless(
    services: Services,
    course_id: int,
    learner: str | None,
    item: str | None,
    timeout: float,
    mode: str | None = None,
    api_log=None,
    preview: bool = False,
    idle: float = 10.0,
) -> int:
    """Play until the course's navigation ends: after each Terminate, whatever the content asks for or the course's
    flow delivers (Continue); it stops when the sequencer ends the session, or when nothing more can be delivered
    without a learner's choice (said on stderr; exit code 0). Returns the process exit code."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    env = WebEnv(services)
    player = Player(services, env, None, learner=learner, mode=mode, unattended=True, preview=preview)
    result = {"code": EXIT_OK}

    def echo(level: str, text: str, source: str, line: int) -> None:
        print(f"[{level}] {text}", file=sys.stderr, flush=True)

    def ended(reason: str) -> None:
        if reason == "timeout":
            result["code"] = EXIT_TIMEOUT
        elif item and not result.get("started") and result["code"] == EXIT_OK:
            # The item asked for exists, but the course's rules do not let it open now: nothing was played.
            say(QCoreApplication.translate("Headless", "error: the item '{0}' cannot be opened now; nothing was played")
                .format(item))
            result["code"] = EXIT_FAILED
        app.exit(result["code"])

    def failed(message: str) -> None:
        say(QCoreApplication.translate("Headless", "error: {0}").format(message))
        result["code"] = EXIT_FAILED
        app.exit(EXIT_FAILED)

    def on_timeout() -> None:
        say(QCoreApplication.translate("Headless", "error: the content did not finish within {0} s; its values so "
                                       "far are kept").format(f"{timeout:g}"))
        result["code"] = EXIT_TIMEOUT
        player.close("timeout")

    player.consoleMessage.connect(echo)
    player.navMessage.connect(lambda text: say(QCoreApplication.translate("Headless", "navigation: {0}").format(text)))
    player.courseEnded.connect(ended)
    player.itemStarted.connect(lambda _launch: result.update(started=True))
    player.failed.connect(failed)
    player.storageProblem.connect(
        lambda text: say(QCoreApplication.translate("Headless", "warning: {0}").format(text)) if text else None)
    if api_log is not None:
        player.apiLogged.connect(api_log)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(on_timeout)
    timer.start(int(timeout * 1000))
    from .idle_stop import stop_when_idle

    def on_idle(watch) -> None:
        say(QCoreApplication.translate("Headless", "stopped: {0} Its values so far are kept.").format(watch.sentence()))
        result["code"] = EXIT_WAITS
        player.close("closed")  # ended as the learner's own close would: the next launch resumes

    stop_when_idle(player, idle, on_idle)
    restore = _on_interrupt(app, player, result)
    # The worker starts on the database and the sequencer before the view is shown. Showing the first view starts
    # Chromium, which mostly waits for its processes; called from Python, PySide6 holds the GIL through that wait
    # (~45 ms), so the show is queued instead: the event loop makes the call in C++ and the worker's Python runs
    # beside it (benchmarks/profiles/launch.md, round 4).
    player.open(course_id, item)
    view = QWebEngineView()
    view.resize(1024, 768)
    # Offscreen nothing appears, but the page is not throttled as a hidden one would be.
    QMetaObject.invokeMethod(view, "show", Qt.ConnectionType.QueuedConnection)
    player.view = view
    code = app.exec()
    timer.stop()
    restore()
    launch = player.current
    # The loop has ended, so no retry timer will fire again: let the worker's jobs run out, then write what is still
    # queued (a flush that failed on a full or locked disk) here, before the player goes.
    env.worker.drain(timeout=30)
    ending = launch if result.get("interrupted") and launch is not None and not launch.finished else None
    # The page could not answer in time (a signal to the whole process group also stops Chromium's helpers): the
    # session ends with what it sent, as a close would, but only once all of it is written.
    unsaved = end_when_saved(services.records, player.writes, ending, "closed")
    if unsaved is not None:
        say(QCoreApplication.translate("Headless", "error: some values could not be saved ({0}); the session is left "
                                       "open and is recovered at the next start").format(unsaved))
        if result["code"] == EXIT_OK:
            result["code"] = EXIT_FAILED
    # Teardown order matters to Chromium: view, then pages, then the profile.
    player.dispose()
    delete_now(view)
    delete_now(player)
    env.shutdown()
    return result["code"] if code == 0 else code


def say(line: str) -> None:
    """One line for the person watching the run, on stderr (the `[level]` console lines and `session:` stay as
    programs read them)."""
    print(line, file=sys.stderr, flush=True)


def end_when_saved(records, writes: OrderedWrites, launch: launching.Launch | None, reason: str) -> str | None:
    """Write what is still queued, on this thread (the event loop has ended); then end `launch`'s session (if given)
    with `reason`, but only when nothing is left unsaved: otherwise it stays open, for the recovery of interrupted
    runs at the next start. Returns None when everything is written, else why not."""
    flushed = writes.flush()
    if flushed.error is not None or not writes.idle:
        log.error("values still unsaved at exit: %s", flushed.error)
        return flushed.error or "values are still queued"
    if launch is not None:
        launching.finish(records, launch, reason)
    return None


def _on_interrupt(app, player: Player, result: dict):
    """Ctrl+C (SIGINT) and SIGTERM end the run as the learner's own close would: whatever the page holds is saved,
    the session ends with its time, and the process exits with 130 or 143. A second signal leaves at once.
    Returns a function that puts the previous handlers back."""
    previous = {sig: signal.getsignal(sig) for sig in EXIT_SIGNAL}

    def handler(signum, _frame) -> None:
        code = EXIT_SIGNAL.get(signal.Signals(signum), 128 + signum)
        if result.get("interrupted"):
            app.exit(code)
            return
        result["interrupted"] = True
        result["code"] = code
        say(QCoreApplication.translate("Headless", "interrupted: saving and ending the session"))
        player.close("closed")
        QTimer.singleShot(INTERRUPT_GRACE_MS, lambda: app.exit(code))

    for sig in EXIT_SIGNAL:
        signal.signal(sig, handler)
    # Python runs signal handlers only between bytecodes: wake it regularly while Qt's loop runs.
    waker = QTimer()
    waker.timeout.connect(lambda: None)
    waker.start(100)

    def restore() -> None:
        waker.stop()
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore
