"""The write path of the run-time: validated, ordered, group-committed, retried. Plain Python (no Qt).

    page (runtime.js) -> channel -> OrderedWrites.put_text (the batch's JSON text; any thread, never waits)
      -> OrderedWrites.flush (the worker thread): parse and number (cmi.events.parse_batch) -> validate
      (cmi.validate) -> one transaction (Records.apply_batches) -> values, summary and xAPI statements together

`put_text` (or `put`, for events already parsed) only appends to an in-memory inbox and says whether a flush must be
scheduled: the UI thread that receives the page's batches does no per-event work at all; while a flush runs, later
batches gather in the inbox and the next flush takes them all in ONE transaction (group commit), so the number of
transactions follows the disk's pace, not the content's call rate, and the lag from acceptance to durable stays
about one transaction long. Nothing is ever dropped: a batch that cannot be written (disk full, database locked)
stays at the head of the queue with everything after it, and the next `flush` retries it.

Every event is checked against the data model before it is queued (whatever path it came by: streamed batches, the
batch drained when the player closes); a refused event is never stored nor mapped to xAPI, and `flush` reports it
(`Refusal`) for the API log.

Each batch a session puts is numbered (1, 2, ... in arrival order, as the page numbers the batches it sends);
`durable(session)` is the highest number N such that batches 1..N are all durable (or refused: nothing of them is
waiting). The page's back-pressure waits on it (bridge/durable.py).
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
from ..cmi.events import RuntimeEvent, parse_batch
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
    terminated: list[int] = field(default_factory=list)
    #: The page's API-log entries this flush wrote, for whoever asked to see them (`put_log(..., show=True)`).
    shown: list[dict] = field(default_factory=list)


class OrderedWrites:
    """The sessions' event batches, validated and written in order. `put` may be called from any thread; `flush`
    runs on one thread at a time (the worker), which keeps the order."""

    def __init__(self, records: Any) -> None:
        self.records = records
        self._lock = threading.Lock()
        #: (session id, batch number, events or the page's JSON text, time accepted)
        self._inbox: list[tuple[int, int, list[Any] | str, float]] = []
        self._logs: list[tuple[Path, str, bool]] = []
        self._scheduled = False
        #: Validated batches not yet durable: (session id, events, time accepted, batch number).
        self.pending: deque[tuple[int, list[RuntimeEvent], float, int]] = deque()
        self._validators: dict[int, SessionValidator] = {}
        self._batches: dict[int, int] = {}  # session -> number of the last batch put
        self._durable: dict[int, int] = {}  # session -> every batch up to this number is durable
        self._taken: dict[int, int] = {}  # session -> number of the last batch a flush took from the inbox
        self._seq: dict[int, int] = {}  # session -> number of the last event parsed from its text
        self._flush_lock = threading.Lock()

    # -- sessions ----------------------------------------------------------------------------------------------------
    def open(self, session_id: int, version: str, values: dict[str, str], options: dict | None = None) -> None:
        """Follow a new session: its events are checked from the values the page starts with."""
        validator = SessionValidator(version, values, options)
        with self._lock:
            self._validators[session_id] = validator
            self._batches.setdefault(session_id, 0)
            self._durable.setdefault(session_id, 0)

    def terminated(self, session_id: int) -> bool:
        """The session's Terminate was accepted (and, after a flush, written)."""
        with self._lock:
            validator = self._validators.get(session_id)
        return validator is not None and validator.state == "terminated"

    def close(self, session_id: int) -> None:
        """Forget a session once it has ended: its validator and batch numbers (its queued events are kept and
        written; anything it sends later is refused)."""
        with self._lock:
            self._validators.pop(session_id, None)
            for numbers in (self._batches, self._durable, self._taken, self._seq):
                numbers.pop(session_id, None)

    def durable(self, session_id: int) -> int:
        """The number of the session's last batch such that it and every batch before it are durable (or refused)."""
        with self._lock:
            return self._durable.get(session_id, 0)

    def backlog(self, session_id: int) -> int:
        """How many of the session's batches are put but not durable yet."""
        with self._lock:
            return self._batches.get(session_id, 0) - self._durable.get(session_id, 0)

    # -- the two halves ----------------------------------------------------------------------------------------------
    def put(self, session_id: int, events: Iterable[Any]) -> bool:
        """Queue a batch (never waits on disk). True when the caller must schedule a `flush` (none is due yet)."""
        batch = list(events)
        if not batch:
            return False
        return self._put(session_id, batch)

    def put_text(self, session_id: int, text: str) -> bool:
        """Queue a batch as the page sent it (JSON text): it is parsed, numbered and validated by the flush, on the
        writing thread. True when the caller must schedule a `flush`."""
        return self._put(session_id, text)

    def _put(self, session_id: int, batch: list[Any] | str) -> bool:
        with self._lock:
            number = self._batches.get(session_id, 0) + 1
            self._batches[session_id] = number
            self._inbox.append((session_id, number, batch, time.monotonic()))
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
            touched = set()
            for session_id, number, batch, accepted_at in inbox:
                self._taken[session_id] = number
                touched.add(session_id)
                accepted = self._validate(session_id, self._events(session_id, batch, result), result)
                if accepted:
                    self.pending.append((session_id, accepted, accepted_at, number))
            while self.pending:
                session_id = self.pending[0][0]
                run = list(itertools.takewhile(lambda p: p[0] == session_id, self.pending))
                try:  # group commit: one session's batches in one transaction, each batch kept whole and apart
                    result.written += self.records.apply_batches(session_id, [p[1] for p in run])
                except (OperationalError, OSError) as exc:  # they stay queued as they were: the retry writes them
                    result.error = reason(exc)
                    break
                for _ in run:
                    self.pending.popleft()
                touched.add(session_id)
                result.worst_lag = max(result.worst_lag, time.monotonic() - run[0][2])
            self._advance(touched, result)
            try:
                self._write_logs(logs, result)
            except Exception:  # noqa: BLE001 - a diagnostic log never fails a flush whose values are written
                log.warning("the page's API-log rows could not be written", exc_info=True)
            return result

    def _events(self, session_id: int, batch: list[Any] | str, result: Flushed) -> list[Any]:
        """The events of a batch: parsed and numbered here when it came as the page's text (the page's own numbers
        are not trusted); a malformed text is refused whole (one refusal, in the API log)."""
        if not isinstance(batch, str):
            return batch
        try:
            events = parse_batch(batch, self._seq.get(session_id, 0) + 1)
        except (ValueError, TypeError, RecursionError) as exc:  # content's text: refused, never a crash
            log.error("refused a malformed batch from the player page: %s", exc)
            result.refused.append((session_id, Refusal(RuntimeEvent("commit"), 101, f"malformed batch: {exc}")))
            return []
        if events:
            self._seq[session_id] = events[-1].seq
        return events

    def _advance(self, touched: set[int], result: Flushed) -> None:
        """Move the durable mark of each session this flush touched: up to the batch before its first one still
        pending, else to the last batch a flush took. Note the sessions whose Terminate is now written."""
        waiting: dict[int, int] = {}
        for session_id, _events, _at, number in self.pending:
            waiting.setdefault(session_id, number)
        with self._lock:
            for session_id in touched:
                mark = waiting[session_id] - 1 if session_id in waiting else self._taken.get(session_id, 0)
                self._durable[session_id] = max(self._durable.get(session_id, 0), mark)
                validator = self._validators.get(session_id)
                if session_id not in waiting and validator is not None and validator.state == "terminated":
                    result.terminated.append(session_id)

    @staticmethod
    def _write_logs(logs: list[tuple[Path, str, bool]], result: Flushed) -> None:
        """The page's API-log messages, as the page's text (read and checked when the log is read: apilog.read),
        grouped per file (one append per file and flush); expanded here only for whoever asked to see them."""
        by_path: dict[Path, list[str]] = {}
        for path, text, show in logs:
            by_path.setdefault(path, []).append(text)
            if show:
                try:
                    result.shown.extend(apilog.expand_page_calls(apilog.page_calls(text)))
                except Exception:  # noqa: BLE001 - whatever the page sent, a diagnostic log never fails a flush
                    log.warning("API-log rows from the page that could not be read", exc_info=True)
        for path, texts in by_path.items():
            try:
                if apilog.append_page_texts(path, texts):
                    log.warning("left out API-log messages from the page over %d characters", apilog.MAX_PAGE_TEXT)
            except (OSError, ValueError):  # a diagnostic log that cannot be written never stops values
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
