"""The write path of the run-time: validated, ordered, group-committed, retried. Plain Python (no Qt).

    page (runtime.js) -> channel (cmi.events.parse_batch) -> OrderedWrites.put (any thread, never waits)
      -> OrderedWrites.flush (the worker thread): validate (cmi.validate) -> one transaction (Records.apply_batches)
      -> values, summary and xAPI statements together

`put` only appends to an in-memory inbox and says whether a flush must be scheduled; while a flush runs, later
batches gather in the inbox and the next flush takes them all in ONE transaction (group commit), so the number of
transactions follows the disk's pace, not the content's call rate, and the lag from acceptance to durable stays
about one transaction long. Nothing is ever dropped: a batch that cannot be written (disk full, database locked)
stays at the head of the queue with everything after it, and the next `flush` retries it.

Every event is checked against the data model before it is queued (whatever path it came by: streamed batches, the
batch drained when the player closes); a refused event is never stored nor mapped to xAPI, and `flush` reports it
(`Refusal`) for the API log.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy.exc import OperationalError

from .. import apilog
from ..cmi.events import RuntimeEvent
from ..cmi.validate import Refusal, SessionValidator

log = logging.getLogger(__name__)


class StorageFull(Exception):
    """Values of the session could not be written yet (the disk is full, or the database refused the write)."""


@dataclass
class Flushed:
    """What one flush did: `error` is None when everything queued is durable, else why not (it stays queued)."""

    error: str | None = None
    written: int = 0
    refused: list[tuple[int, Refusal]] = field(default_factory=list)  # (session id, refusal)
    #: Worst time from `put` to durable among the batches this flush wrote (seconds), for the benchmarks.
    worst_lag: float = 0.0
    #: Sessions whose Terminate was accepted (and written) by this flush.
    #: The page's API-log entries this flush wrote, for whoever asked to see them (`put_log(..., show=True)`).
    shown: list[dict] = field(default_factory=list)


class OrderedWrites:
    """The sessions' event batches, validated and written in order. `put` may be called from any thread; `flush`
    runs on one thread at a time (the worker), which keeps the order."""

    def __init__(self, records: Any) -> None:
        self.records = records
        self._lock = threading.Lock()
        self._inbox: list[tuple[int, list[Any], float]] = []
        self._logs: list[tuple[Path, str, bool]] = []
        self._scheduled = False
        #: Validated batches not yet durable: (session id, events, time accepted).
        self.pending: deque[tuple[int, list[RuntimeEvent], float]] = deque()
        self._validators: dict[int, SessionValidator] = {}
        self._flush_lock = threading.Lock()

    # -- sessions ----------------------------------------------------------------------------------------------------
    def open(self, session_id: int, version: str, values: dict[str, str], options: dict | None = None) -> None:
        """Follow a new session: its events are checked from the values the page starts with."""
        validator = SessionValidator(version, values, options)
        with self._lock:
            self._validators[session_id] = validator

    def terminated(self, session_id: int) -> bool:
        """The session's Terminate was accepted (and, after a flush, written)."""
        with self._lock:
            validator = self._validators.get(session_id)
        return validator is not None and validator.state == "terminated"

    def close(self, session_id: int) -> None:
        """Forget a session's validator once the session has ended (its queued events are kept and written)."""
        with self._lock:
            self._validators.pop(session_id, None)

    # -- the two halves ----------------------------------------------------------------------------------------------
    def put(self, session_id: int, events: Iterable[Any]) -> bool:
        """Queue a batch (never waits on disk). True when the caller must schedule a `flush` (none is due yet)."""
        batch = list(events)
        if not batch:
            return False
        with self._lock:
            self._inbox.append((session_id, batch, time.monotonic()))
            if self._scheduled:
                return False
            self._scheduled = True
            return True

    def put_log(self, path: Path, text: str, show: bool = False) -> bool:
        """Queue the page's API-log rows (its JSON text) for `path`; they are written by the next flush, after the
        values (a log never holds up a value). True when the caller must schedule a `flush`."""
        with self._lock:
            self._logs.append((path, text, show))
            if self._scheduled:
                return False
            self._scheduled = True
            return True

    def write(self, session_id: int, events: Iterable[Any]) -> Flushed:
        """Queue and flush at once (on the writing thread)."""
        self.put(session_id, events)
        return self.flush()

    def flush(self) -> Flushed:
        """Validate what arrived, then write everything queued, one transaction per run of one session's batches."""
        with self._flush_lock:
            with self._lock:
                inbox, self._inbox = self._inbox, []
                logs, self._logs = self._logs, []
                self._scheduled = False
            result = Flushed()
            for session_id, batch, accepted_at in inbox:
                accepted = self._validate(session_id, batch, result)
                if accepted:
                    self.pending.append((session_id, accepted, accepted_at))
            while self.pending:
                session_id = self.pending[0][0]
                run = list(itertools.takewhile(lambda p: p[0] == session_id, self.pending))
                try:  # group commit: one session's batches in one transaction, each batch kept whole and apart
                    result.written += self.records.apply_batches(session_id, [events for _sid, events, _at in run])
                except (OperationalError, OSError) as exc:  # they stay queued as they were: the retry writes them
                    result.error = reason(exc)
                    break
                for _ in run:
                    self.pending.popleft()
                result.worst_lag = max(result.worst_lag, time.monotonic() - run[0][2])
            try:
                self._write_logs(logs, result)
            except Exception:  # noqa: BLE001 - a diagnostic log never fails a flush whose values are written
                log.warning("the page's API-log rows could not be written", exc_info=True)
            return result

    @staticmethod
    def _write_logs(logs: list[tuple[Path, str, bool]], result: Flushed) -> None:
        """The page's API-log messages, grouped per file (one append per file and flush)."""
        by_path: dict[Path, list[list]] = {}
        for path, text, show in logs:
            try:
                calls = apilog.page_calls(text)
                shown = apilog.expand_page_calls(calls) if show else []
            except Exception:  # noqa: BLE001 - whatever the page sent, a diagnostic log never fails a flush
                log.warning("dropped API-log rows from the page that could not be read", exc_info=True)
                continue
            by_path.setdefault(path, []).extend(calls)
            result.shown.extend(shown)
        for path, calls in by_path.items():
            try:
                apilog.append_page_calls(path, calls)
            except (OSError, ValueError, RecursionError):  # a diagnostic log that cannot be written never stops values
                log.warning("the page's API-log rows could not be written to %s", path, exc_info=True)

    def _validate(self, session_id: int, batch: list[Any], result: Flushed) -> list[RuntimeEvent]:
        validator = self._validators.get(session_id)
        accepted: list[RuntimeEvent] = []
        for item in batch:
            try:
                ev = RuntimeEvent.of(item)
            except ValueError as exc:
                result.refused.append((session_id, Refusal(RuntimeEvent("commit"), 101, str(exc))))
                continue
            if validator is None:
                refusal: Refusal | None = Refusal(ev, 101, "the session is not open for writing")
            else:
                refusal = validator.check(ev)
            if refusal is None:
                accepted.append(ev)
            else:
                result.refused.append((session_id, refusal))
        return accepted

    @property
    def idle(self) -> bool:
        """Nothing waits to be validated or written."""
        with self._lock:
            return not self._inbox and not self.pending and not self._logs


def reason(exc: BaseException) -> str:
    """One sentence for the learner about why values could not be written yet."""
    text = str(getattr(exc, "orig", None) or exc)
    return "the disk is full" if "full" in text.lower() or "No space" in text else text


__all__ = ["Flushed", "OrderedWrites", "StorageFull", "reason"]
