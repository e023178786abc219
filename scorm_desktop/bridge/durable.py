"""Back-pressure for the run-time: the page waits, synchronously, until what it sent is durable.

The SCORM API answers in the page, at the content's pace; Python stores at the disk's. When the page's unacknowledged
values grow too old or too many (runtime options `durableLagMs`, `durableBacklog`; `player.js`), its SetValue or
Commit sends what it holds and asks, with a synchronous XHR, ``GET course://c<ID>/__durable__?seq=N``: the course's
scheme handler (`scheme.py`) hands the request here, and it is answered only once the page's batch N is durable (the
player reports each session's durable mark after every flush: `progress`), or after TIMEOUT_MS, or at once while the
disk refuses writes (waiting would not help; the values stay queued in memory). The content's thread is blocked for
that time, so it cannot get further ahead: nothing is ever dropped, the content is slowed instead.

The answer is JSON: ``{"durable": M}`` (every batch up to M is durable), with ``"late": true`` when it timed out
and ``"failing": true`` while the disk refuses writes (the page then stops waiting on those batches).
GET only, and only to the course's own origin (the scheme handler checks both before it gets here).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from urllib.parse import parse_qs

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QTimer
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob
from shiboken6 import isValid

log = logging.getLogger(__name__)

#: The path a page asks on (under its own course host).
DURABLE_PATH = "/__durable__"
#: The longest a page is held (ms): back-pressure slows content, it never hangs it.
TIMEOUT_MS = 1000
#: How often held requests are checked for their time-out (ms).
CHECK_MS = 50


@dataclass
class _Held:
    job: QWebEngineUrlRequestJob
    host: str
    seq: int
    deadline: float
    gone: bool = False


class DurableWaits(QObject):
    """The pages' held `__durable__` requests, per course host; answered on the UI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._marks: dict[str, int] = {}
        self._failing: set[str] = set()
        self._held: list[_Held] = []
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self._expire)
        #: How many requests were held, and how many timed out (for tests and the benchmark's profile).
        self.waits = 0
        self.late = 0

    # -- the player's side -----------------------------------------------------------------------------------------
    def reset(self, host: str) -> None:
        """A new page runs on `host`: its batches count from 1 again (a request held for the old one is answered)."""
        self._answer(lambda h: h.host == host)
        self._marks[host] = 0
        self._failing.discard(host)

    def progress(self, host: str, durable: int, failing: bool = False) -> None:
        """Every batch of `host`'s page up to `durable` is durable; `failing`: the disk refuses writes for now."""
        self._marks[host] = max(self._marks.get(host, 0), durable)
        if failing:
            self._failing.add(host)
        else:
            self._failing.discard(host)
        self._answer(lambda h: h.host == host and (failing or h.seq <= self._marks[host]))

    def release(self, host: str) -> None:
        """The course's page went away: answer whatever it still has held."""
        self._answer(lambda h: h.host == host)
        self._marks.pop(host, None)
        self._failing.discard(host)

    # -- the scheme handler's side ---------------------------------------------------------------------------------
    def request(self, job: QWebEngineUrlRequestJob, host: str, query: str) -> None:
        """A page asks to wait for its batch `seq`: answered now if it is durable already, else held."""
        try:
            seq = int(parse_qs(query).get("seq", ["0"])[0])
        except ValueError:
            seq = 0
        if seq <= self._marks.get(host, 0) or host in self._failing or host not in self._marks:
            _reply(job, self._marks.get(host, 0), late=False, failing=host in self._failing)
            return
        self.waits += 1
        held = _Held(job, host, seq, time.monotonic() + TIMEOUT_MS / 1000)
        self._held.append(held)
        job.destroyed.connect(lambda *_a, h=held: self._forget(h))
        if not self._timer.isActive():
            self._timer.start()

    # -- internals ---------------------------------------------------------------------------------------------------
    def _answer(self, which, late: bool = False) -> None:
        keep = []
        for held in self._held:
            if held.gone:
                continue
            if which(held):
                _reply(held.job, self._marks.get(held.host, 0), late, held.host in self._failing)
            else:
                keep.append(held)
        self._held = keep
        if not self._held:
            self._timer.stop()

    def _expire(self) -> None:
        now = time.monotonic()
        expired = [h for h in self._held if h.deadline <= now]
        if expired:
            self.late += len(expired)
            log.info("answered %d durability wait(s) after %d ms without their batch being durable",
                     len(expired), TIMEOUT_MS)
            self._answer(lambda h: h.deadline <= now, late=True)

    def _forget(self, held: _Held) -> None:
        """A held request was cancelled (its page closed): it is never answered."""
        held.gone = True
        self._held = [h for h in self._held if not h.gone]
        if not self._held:
            self._timer.stop()


def _reply(job: QWebEngineUrlRequestJob, durable: int, late: bool, failing: bool = False) -> None:
    if not isValid(job):
        return
    body: dict = {"durable": durable}
    if late:
        body["late"] = True
    if failing:
        body["failing"] = True
    buffer = QBuffer(job)  # parented to the job: freed with it
    buffer.setData(QByteArray(json.dumps(body).encode()))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    job.setAdditionalResponseHeaders({QByteArray(b"Cache-Control"): QByteArray(b"no-store")})
    job.reply(QByteArray(b"application/json"), buffer)
