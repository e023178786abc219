"""The sync engine: send the outbox to the LRS, in order, never dropping and never duplicating a statement.

- Batches of `batch_size` pending statements, oldest first, POSTed as stored (same id, same bytes on every try).
- 200/204: the batch is sent. 409: a statement the LRS holds differently is marked *conflict* (shown, not retried).
  400/422: the batch is split in halves until the refused statements are alone; only they are *quarantined*, with the
  LRS's reason, and the rest is sent in order. 413: the batch size is halved for the rest of the run (a statement
  too large on its own is quarantined).
- 429 (honouring Retry-After), 5xx, time-outs and dropped connections: the same batch is tried again after an
  exponential backoff with jitter (base·2ⁿ, capped, times a random factor in [0.5, 1)), for ever: a run ends only
  when nothing is pending, when it is stopped, or when its `max_wait` would be exceeded; the rows stay pending.
- 401/403/404 end the run at once (nothing will work until the settings change).
- Per registration, statement n+1 is never sent before statement n was stored: batches are taken in creation order
  and a failed batch is retried before anything after it. (A refused statement does not hold back the ones after it.)
- While a batch is on the wire, the next one is read from the outbox (its rows come after the batch's last row);
  rows are marked sent before the next batch goes out.
- All state is in the outbox: a run killed at any point resumes from it; statements that reached the LRS before the
  kill are sent again and the LRS keeps one copy (same id and content).
- Once no statement is pending, the documents the local LRS forwards (State, Activity Profile, Agent Profile) follow,
  from the document outbox, with the document API's semantics (`sync/documents.py`).
- Work of the layers above that belongs to each sync (dispatch's revocation lists) is given by the caller as `steps`
  (`Services.sync_engine` passes the app's): sync never imports what sits above it.
"""

from __future__ import annotations

import logging
import math
import random
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable, Sequence

from sqlalchemy.orm import sessionmaker

from . import client as lrs
from .documents import send_documents
from ..storage.outbox import CONFLICT, PENDING, QUARANTINED, DocumentOutbox, Outbox, Row
from .settings import SyncSettings

log = logging.getLogger(__name__)

#: Work run at the start of each sync, before anything is sent: step(sessions, cfg, password).
SyncStep = Callable[[sessionmaker, SyncSettings, "str | None"], object]


@dataclass
class SyncReport:
    #: Statements the LRS acknowledged in this run.
    sent: int = 0
    #: Statements the LRS has acknowledged in all (this run and earlier ones).
    stored: int = 0
    #: Statements refused for good, in all: the LRS holds another statement with the id / found them invalid.
    conflicts: int = 0
    quarantined: int = 0
    #: Statements still waiting to be sent.
    pending: int = 0
    last_error: str | None = None
    #: Refused in this run: {"id", "state", "reason"}.
    refused: list[dict] = field(default_factory=list)
    requests: int = 0
    dry_run: bool = False
    #: Documents (State, Activity Profile, Agent Profile) the LRS acknowledged in this run; still waiting; refused
    #: for good in all (their refusals of this run are in `refused` too, with their "kind").
    documents_sent: int = 0
    documents_pending: int = 0
    documents_quarantined: int = 0

    @property
    def complete(self) -> bool:
        return self.pending == 0 and self.documents_pending == 0 and self.last_error is None

    def to_json(self) -> dict:
        return asdict(self)


class SyncEngine:
    def __init__(
        self,
        sessions: sessionmaker,
        cfg: SyncSettings,
        password: str | None = None,
        *,
        client: lrs.LrsClient | None = None,
        sleep: Callable[[float], None] | None = None,
        rand: Callable[[], float] = random.random,
        clock: Callable[[], float] = time.monotonic,
        stop: threading.Event | None = None,
        progress: Callable[[SyncReport, float | None], None] | None = None,
        steps: Sequence[SyncStep] = (),
    ) -> None:
        self.outbox = Outbox(sessions)
        self.cfg = cfg
        self.password = password
        self._client = client
        self.stop = stop or threading.Event()
        self.sleep = sleep if sleep is not None else self.stop.wait
        self.rand = rand
        self.clock = clock
        self.batch_size = max(1, int(cfg.batch_size))
        #: Told after every batch the LRS took, progress(report, None), and before every wait after a failure,
        #: progress(report, seconds) with report.last_error set (for a status display; called on the run's thread).
        self.progress = progress
        #: clock() after which the run waits no more (set by `run`).
        self.deadline = math.inf
        #: Run in order at the start of each run; a failure is logged and never stops the records from going out.
        self.steps = tuple(steps)

    def backoff(self, failures: int) -> float:
        """Seconds to wait after the n-th failure in a row: base·2^(n-1), capped, with jitter in [0.5, 1)."""
        delay = min(self.cfg.backoff_max, self.cfg.backoff_base * 2 ** min(failures - 1, 30))
        return delay * (0.5 + self.rand() / 2)

    def run(self, max_wait: float | None = None, dry_run: bool = False) -> SyncReport:
        """Send until nothing is pending. `max_wait`: the longest this run waits between tries in all (default
        `cfg.max_wait`; ``math.inf`` waits for ever, until `stop` is set)."""
        report = SyncReport(dry_run=dry_run)
        if dry_run:
            return self._finish(report)
        if not self.cfg.endpoint:
            report.last_error = "No LRS endpoint is set: give one with --endpoint or in settings.json (sync.endpoint)."
            return self._finish(report)
        budget = self.cfg.max_wait if max_wait is None else max_wait
        deadline = self.clock() + budget if math.isfinite(budget) else math.inf
        self.deadline = deadline
        log_id = self.outbox.log_start("sync", self.cfg.endpoint)
        self._run_steps()
        client = self._client or lrs.LrsClient(self.cfg, self.password)
        failures = 0
        ahead: Future | None = None
        reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scorm-desktop-sync-read")
        try:
            while not self.stop.is_set():
                # The next batch is read while this one is on the wire (rows after its last id: later rows, so the
                # order holds); when that finds nothing, one read from the start catches rows put back meanwhile.
                rows = ahead.result() if ahead is not None else []
                ahead = None
                if not rows:
                    rows = self.outbox.pending_batch(self.batch_size)
                if not rows:
                    report.last_error = None
                    break
                ahead = reader.submit(self.outbox.pending_batch, self.batch_size, rows[-1].id)
                problem = self._deliver(client, rows, report)
                if problem is None:
                    failures = 0
                    if self.progress is not None:
                        self.progress(report, None)
                    continue
                ahead.cancel()
                ahead = None  # after a failure the same batch is read again and retried first
                report.last_error = problem.message
                if problem.kind == lrs.FATAL:
                    log.error("sync stopped: %s", problem.message)
                    break
                failures += 1
                delay = problem.retry_after if problem.retry_after is not None else self.backoff(failures)
                due = datetime.now(timezone.utc) + timedelta(seconds=delay)
                self.outbox.note_failure(rows, problem.message, due.isoformat(timespec="milliseconds")[:23] + "Z")
                if self.clock() + delay > deadline:
                    log.warning("sync paused, statements stay queued: %s", problem.message)
                    break
                log.info("sync: %s; trying again in %.1f s", problem.message, delay)
                if self.progress is not None:
                    self.progress(report, delay)
                self.sleep(delay)
            if report.last_error is None and not self.stop.is_set():
                problem = send_documents(self, client, report)
                if problem is not None:
                    report.last_error = problem.message
                    if problem.kind == lrs.FATAL:
                        log.error("sync stopped: %s", problem.message)
        finally:
            reader.shutdown(wait=True)
            if self._client is None:
                client.close()
            self.outbox.log_finish(log_id, report.sent + report.documents_sent, report.last_error)
        return self._finish(report)

    def _deliver(self, client: lrs.LrsClient, rows: list[Row], report: SyncReport) -> lrs.Answer | None:
        """Send `rows`; on a refusal, split and send the halves in order. Returns the problem that stops the run."""
        answer = client.post([r.body for r in rows])
        report.requests += 1
        if answer.kind == lrs.OK:
            self.outbox.mark_sent(rows)
            report.sent += len(rows)
            return None
        if answer.kind not in (lrs.CONFLICT, lrs.REFUSED, lrs.TOO_LARGE):
            return answer
        if len(rows) == 1:
            state = CONFLICT if answer.kind == lrs.CONFLICT else QUARANTINED
            why = answer.message or f"HTTP {answer.status}"
            if answer.kind == lrs.TOO_LARGE:
                why = f"too large for this LRS (HTTP 413): {why}"
            self.outbox.mark_refused(rows[0], state, why)
            report.refused.append({"id": rows[0].statement_id, "state": state, "reason": why})
            log.warning("statement %s %s: %s", rows[0].statement_id, state, why)
            return None
        if answer.kind == lrs.TOO_LARGE:
            self.batch_size = max(1, len(rows) // 2)
        mid = len(rows) // 2
        for half in (rows[:mid], rows[mid:]):
            problem = self._deliver(client, half, report)
            if problem is not None:
                return problem
        return None

    def _run_steps(self) -> None:
        """The caller's steps (the app's: the trusted dispatch issuers' revocation lists are fetched), never fatal."""
        for step in self.steps:
            try:
                step(self.outbox.sessions, self.cfg, self.password)
            except Exception:  # noqa: BLE001  (a step, such as a revocation fetch, must never stop records being sent)
                log.exception("the sync step %s failed", getattr(step, "__qualname__", step))

    def _finish(self, report: SyncReport) -> SyncReport:
        counts = self.outbox.counts()
        report.stored = counts["sent"]
        report.conflicts = counts[CONFLICT]
        report.quarantined = counts[QUARANTINED]
        report.pending = counts["pending"]
        docs = DocumentOutbox(self.outbox.sessions).counts()
        report.documents_pending, report.documents_quarantined = docs[PENDING], docs[QUARANTINED]
        return report
