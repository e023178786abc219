"""The one background-work helper: every disk and network job runs here, off the UI thread, in submission order.

Work runs on a single worker thread (so database writes are serialized and keep their order); results and errors
come back on the UI thread through a `UiRelay`. Never touch a widget inside the submitted function.

`UiRelay` is also how the app's few other threads (the sync loop, an LRS probe) hand results to the UI thread: no
Python object ever travels through a queued Qt signal. With PySide6 6.8+, an object emitted from a Python thread to a
receiver that is not a `@Slot` (a lambda, pytest-qt's waiter) can be freed twice and crash the process later, during
garbage collection (PYSIDE-3124; seen here as a segfault in CI). The relay keeps the callables in a deque and wakes
the UI thread with a signal that carries nothing.

"Records changed". A job that writes says what it changed (`submit(..., changes=(Changed.RECORDS,))`); writes made
elsewhere (the sync thread, a player session that ended) are told with `announce(kind)`. Either way `changed(kind)`
is emitted on the UI thread once the write is done, each kind at most once per event-loop turn however many writes
named it, and the views that show that data (the library, the dashboard, the sync status) refresh themselves: no
caller has to know who shows what it wrote.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, Iterable

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

log = logging.getLogger(__name__)


class UiRelay(QObject):
    """Runs callables on the thread of this object (the UI thread), in the order they were posted, from any thread.

    The callable runs at the next turn of the UI thread's event loop, also when posted from the UI thread itself:
    never inside `post`, which callers may call while holding a lock (`Worker._emit`) that the callable then needs.
    A callable that touches a Qt object deleted in the meantime is dropped.
    """

    _wake = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: deque[Callable[[], None]] = deque()
        self._lock = threading.Lock()
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def post(self, callback: Callable[[], None]) -> None:
        with self._lock:
            self._queue.append(callback)
        self._wake.emit()

    @Slot()
    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    return
                callback = self._queue.popleft()
            try:
                callback()
            except RuntimeError as exc:
                if "already deleted" not in str(exc):
                    log.exception("a callback handed to the UI thread failed")
                else:
                    log.info("dropped a result for a deleted object: %s", exc)
            except Exception:
                log.exception("a callback handed to the UI thread failed")


class Changed(enum.Enum):
    """What a write changed, for `Worker.changed`."""

    #: Courses: imported, updated, removed, their settings (relaunch, network).
    LIBRARY = "library"
    #: Learners: added, renamed, removed, their PINs; the active learner.
    LEARNERS = "learners"
    #: Attempts, sessions and their values and summaries (a session ended, a new attempt).
    RECORDS = "records"
    #: The statement outbox: rows queued (a bundle imported) or sent.
    OUTBOX = "outbox"


class Worker(QObject):
    #: Emitted on the UI thread after a write that changed this kind of data (a `Changed`).
    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = UiRelay(self)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scorm-desktop-worker")
        self._pending = 0
        self._lock = threading.Lock()
        #: Set by `stop()`: jobs not started yet are skipped, and no result is delivered any more.
        self._stopped = False
        #: Kinds announced since the last `changed` emission (UI thread only).
        self._changed: set[Changed] = set()

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        changes: Iterable[Changed] = (),
    ) -> Future:
        """Run `fn(*args)` on the worker thread; call `on_done(result)` or `on_error(exc)` on the UI thread.

        A callback that is a method of a Qt object deleted in the meantime (a closed window) is dropped on purpose.
        `changes`: what the job writes; `changed(kind)` follows once it returned (also when `on_done`'s owner is gone:
        the data changed all the same). A job that raised announces nothing: its transaction wrote nothing.
        """
        changes = tuple(changes)
        with self._lock:
            if self._stopped:  # a late request of a closed window: nothing runs
                dropped: Future = Future()
                dropped.cancel()
                return dropped
            self._pending += 1

        def job() -> Any:
            try:
                if self._stopped:
                    return None  # stopped before it began: dropped, as its owner is gone
                result = fn(*args)
            except BaseException as exc:  # reported on the UI thread; never lost silently
                _log_failure(fn, exc)
                # Bind exc now: Python deletes the name when the except block ends.
                self._emit(lambda error=exc: on_error(error) if on_error else None)
                raise
            finally:
                with self._lock:
                    self._pending -= 1
            if on_done is not None and _owner_alive(on_done):
                self._emit(lambda: on_done(result) if _owner_alive(on_done) else None)
            if changes:
                self.announce(*changes)
            return result

        return self._pool.submit(job)

    def announce(self, *kinds: Changed) -> None:
        """Data of these kinds changed through a path other than `submit` (the sync thread, a player's own writes):
        `changed(kind)` follows on the UI thread. Callable from any thread."""
        for kind in kinds:
            if not isinstance(kind, Changed):
                raise TypeError(f"announce() takes Changed kinds, not {kind!r}")
        if kinds:
            self._emit(lambda: self._note(kinds))

    def _note(self, kinds: tuple[Changed, ...]) -> None:
        # UI thread. Coalesced: ten writes in one turn of the event loop refresh each view once.
        first = not self._changed
        self._changed.update(kinds)
        if first:
            QTimer.singleShot(0, self, self._flush_changed)

    def _flush_changed(self) -> None:
        kinds, self._changed = self._changed, set()
        for kind in Changed:  # a fixed order: library, learners, records, outbox
            if kind in kinds and not self._stopped:
                self.changed.emit(kind)

    @property
    def pending(self) -> int:
        with self._lock:
            return self._pending

    def drain(self, timeout: float = 30.0) -> bool:
        """Block until every job submitted so far has run (used at shutdown only). True when all finished."""
        marker = self._pool.submit(lambda: None)
        try:
            marker.result(timeout=timeout)
            return True
        except Exception:
            return False

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)

    def stop(self, then: Callable[[], None] | None = None) -> None:
        """Shut down without waiting (a window closing must not wait on a long job): jobs not started yet are
        dropped, the running one ends on its own (ask it to stop through its own cancel flag), no result or error is
        delivered any more, then `then()` runs on the worker thread. Returns at once."""
        with self._lock:
            self._stopped = True

        def last() -> None:
            try:
                if then is not None:
                    then()
            except Exception:
                log.exception("the last job of a stopped worker failed")

        self._pool.submit(last)
        self._pool.shutdown(wait=False)

    def _emit(self, callback: Callable[[], None]) -> None:
        # Under the lock, so that once `stop()` has returned nothing reaches a Worker that may be deleted next.
        with self._lock:
            if not self._stopped:
                self._relay.post(callback)


def as_outcome(
    fn: Callable[..., Any], expected: tuple[type[BaseException], ...] = (OSError,)
) -> Callable[..., tuple[bool, Any]]:
    """`fn` wrapped to return (True, result) or (False, exception): a refusal reaches the UI thread as a value (a
    job that raises is logged by the Worker as a failure; a refused bundle is an answer, not a crash). Exceptions
    of the `expected` kinds are not logged."""

    def run(*args: Any) -> tuple[bool, Any]:
        try:
            return True, fn(*args)
        except Exception as exc:
            if not isinstance(exc, expected):
                log.exception("%s failed", getattr(fn, "__name__", fn))
            return False, exc

    return run


def _log_failure(fn: Callable[..., Any], exc: BaseException) -> None:
    """Called in the job's `except`: an expected refusal (an exception whose class says `expected = True`, such as a
    licence refusing a launch) is an outcome, logged at INFO in one line; anything else gets its traceback."""
    name = getattr(fn, "__qualname__", fn)
    if getattr(exc, "expected", False):
        log.info("background job %s refused: %s", name, exc)
    else:
        log.exception("background job %s failed", name)


def _owner_alive(callback: Callable[..., Any]) -> bool:
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)
