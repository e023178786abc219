"""The player's write plumbing: the page's batches and API log into `storage.writes.OrderedWrites`, each flush's
result back (refusals to the API log, a full disk to the learner, the durable mark to the page), and ending a session
only once all its values are written.

The UI thread does no per-event work: a batch is handed over as the page's JSON text and parsed, numbered, validated
and written on the worker (one transaction for everything queued: group commit). After every flush the session's
durable mark goes to the scheme handler's `DurableWaits` (which answers the page's back-pressure waits, see
`bridge/durable.py`) and to the page itself (`SD.durable(n)`), so a page that keeps up never waits.

`PlayerWrites` is mixed into `ui.player.Player`; it uses the player's `worker`, `services`, `handler`, `current`,
`_page`, `_writes`, `_host` and its signals.
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QCoreApplication, QTimer

from .. import apilog
from .. import launch as launching
from ..launch import Launch
from ..storage.writes import Flushed, OrderedWrites, StorageFull

log = logging.getLogger(__name__)

#: The elements whose values the sequencer reads: a batch that sets one of them changes adl.nav.request_valid.*.
#: (Looked for in the batch's text: a false match only costs one more refresh.)
SEQUENCING_INPUTS = (
    '"cmi.completion_status"', '"cmi.success_status"', '"cmi.score.', '"cmi.progress_measure"',
    '"cmi.objectives.',
)

#: How often unsaved values are retried while the disk is full.
RETRY_MS = 3000


class PlayerWrites:
    """The write half of the player (a mixin of `Player`)."""

    _durable_sent = 0

    def _flush_soon(self) -> None:
        self.worker.submit(self._writes.flush, on_done=self._write_result)

    def _on_api_log(self, text: str) -> None:
        """The page's account of its API calls (JSON text): queued with the values and appended to the session's API
        log by the same flush, after them (storage/writes.py), so a burst of calls costs the UI thread nothing and never
        holds a value up; shown (apiLogged) only when someone listens (the debug panel, `play --api-log`)."""
        launch = self.current
        if launch is None:
            return
        path = apilog.session_log_path(self.services.paths.logs, launch.record.session_id)
        if self._writes.put_log(path, text, show=self.isSignalConnected(self._api_logged_method)):
            self._flush_soon()

    def _on_batch(self, text: str) -> None:
        """A batch from the page (JSON text, in arrival order, which is call order): handed to the worker as it is,
        which parses, numbers (not the page), validates and writes everything queued in one transaction
        (storage/writes.py); a malformed batch is refused there, whole. Here only its text is looked at: a Terminate
        ends the session at once (the ending job checks that it passed validation), a sequencing input refreshes
        adl.nav.request_valid.*."""
        launch = self.current
        if launch is None or launch.finished:
            return
        if self._writes.put_text(launch.record.session_id, text):
            self._flush_soon()
        ends = '"op":"terminate"' in text  # as the page writes it; any other spelling: the flush's result says
        if not ends and any(name in text for name in SEQUENCING_INPUTS):
            self._refresh_nav_valid(launch)
        if ends:
            self._terminated(launch)

    def _terminated(self, launch: Launch) -> None:
        if launch.terminated:
            return
        # Ended at once (content often closes its window right after Terminate); the ending job checks that the
        # Terminate passed validation and takes the session back if it did not (a forged one).
        launch.terminated = True
        self._finish_when_saved(launch, "terminated", lambda values: self._after_terminate(launch, values))

    # -- writing, and what happens when the disk is full --------------------------------------------------------
    def _write_result(self, flushed: Flushed | str | None) -> None:
        """A write (or a retry) finished: log what was refused, tell the page how far it is durable, keep retrying
        while anything is unsaved, and tell the learner."""
        if isinstance(flushed, Flushed):
            self._log_refusals(flushed)
            error = flushed.error
            launch = self.current
            if launch is not None and launch.record.session_id in flushed.terminated and not launch.finished:
                self._terminated(launch)  # a Terminate the batch's text did not show plainly
        else:
            error = flushed
        self._report_durable(failing=error is not None)
        if error is None:
            if self._storage_failing:
                self._storage_failing = False
                self.storageProblem.emit("")
            return
        if not self._storage_failing:
            self._storage_failing = True
            log.error("course values could not be saved yet: %s", error)
        self.storageProblem.emit(  # the player's words (translation context "Player", where they were written)
            QCoreApplication.translate("Player", "Your progress could not be saved: {0}. Free some disk space; nothing "
                                       "is lost — it is kept here and saved as soon as there is room.").format(error)
        )
        QTimer.singleShot(RETRY_MS, self._flush_soon)

    def _report_durable(self, failing: bool = False) -> None:
        """The running session's durable mark to the page's held waits and to the page (only when it moved)."""
        launch, host = self.current, self._host
        if launch is None or host is None:
            return
        mark = self._writes.durable(launch.record.session_id)
        self.handler.durable.progress(host, mark, failing)
        if mark > self._durable_sent and self._page is not None:
            self._durable_sent = mark
            self._page.runJavaScript(f"window.SD && SD.durable && SD.durable({int(mark)})")

    def _log_refusals(self, flushed: Flushed) -> None:
        """Shows the page's API-log entries the flush wrote (when someone listens); events Python refused (forged, or
        beyond the data model) go to the API log as refused, with the reason."""
        if flushed.shown:
            self.apiLogged.emit(flushed.shown)
        if not flushed.refused:
            return
        by_session: dict[int, list[dict]] = {}
        for session_id, refusal in flushed.refused:
            by_session.setdefault(session_id, []).append(refusal.log_entry())
        log.warning("refused %d event(s) from the content's page", len(flushed.refused))
        for session_id, entries in by_session.items():
            if self.current is not None and self.current.record.session_id == session_id:
                self.apiLogged.emit(entries)
            path = apilog.session_log_path(self.services.paths.logs, session_id)
            self.worker.submit(apilog.append, path, entries)

    def _finish_when_saved(self, launch: Launch, reason: str, done: Callable[[dict], None]) -> None:
        """End the session only once every value of it is written (retrying while the disk is full)."""

        def job() -> tuple[Flushed, dict | None]:
            flushed = self._writes.flush()
            if flushed.error is not None:
                raise StorageFull(flushed.error)
            if reason == "terminated" and not self._writes.terminated(launch.record.session_id):
                return flushed, None  # the page's Terminate was refused: the session goes on
            values = launching.finish(self.services.records, launch, reason)
            self._writes.close(launch.record.session_id)
            return flushed, values

        def finished(result: tuple[Flushed, dict | None]) -> None:
            self._log_refusals(result[0])
            self._report_durable()
            if result[1] is None:
                log.warning("a Terminate from the page was refused; the session goes on")
                launch.terminated = False
                return
            done(result[1])

        def failed(exc: BaseException) -> None:
            self._write_result(str(exc))
            QTimer.singleShot(RETRY_MS, lambda: self._finish_when_saved(launch, reason, done))

        self.worker.submit(job, on_done=finished, on_error=failed)

    @property
    def writes(self) -> OrderedWrites:
        """The sessions' queued writes (for `play --headless`, which writes what is left after its loop ended)."""
        return self._writes
