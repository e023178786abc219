"""Background media conversion for the main window: one child process at a time, a queue of courses, progress as
signals, cancel, and a sentence for the learner when a course asks for media that is not converted yet.

The conversion itself runs in a child process (`media.jobs.ConversionProcess`), never on the worker thread (which
keeps database writes in order) nor on the UI thread; this object only polls the child's pipe with a timer. The few
disk reads it needs (which courses have work left) go through the worker like every other disk job.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..library.courses import ImportOutcome
from ..media import jobs as media_jobs
from ..services import Services
from .tasks import Worker

log = logging.getLogger(__name__)

POLL_MS = 300
#: How long a quit waits for the child to save its state before killing it.
STOP_TIMEOUT_S = 5.0


def courses_with_work(services: Services, include_cancelled: bool = False) -> list[tuple[int, Path]]:
    """Worker side: (course id, folder) of every course whose media still need converting."""
    return [
        (c.id, c.folder)
        for c in services.library.courses()
        if media_jobs.CourseJobs.load(c.folder).todo(include_cancelled)
    ]


class MediaJobs(QObject):
    #: (course id, summary): {"files", "pending", "running", "done", "failed", "cancelled", "progress", "current"}.
    progressed = Signal(int, dict)
    #: (course id, summary) when a course's run ended (done, cancelled, or stopped with files failed).
    finished = Signal(int, dict)
    #: A sentence for the status bar (the main window's or the player's).
    notice = Signal(str)

    def __init__(self, services: Services, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.worker = worker
        self._queue: list[tuple[int, Path, bool]] = []
        self._current: tuple[int, Path, media_jobs.ConversionProcess] | None = None
        self._last: dict[int, dict] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    # -- starting ------------------------------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        return bool(self.services.settings.convert_media)

    def resume_all(self) -> None:
        """At start: go on with every course left unfinished (not those the learner cancelled)."""
        if self.enabled:
            self.worker.submit(courses_with_work, self.services, on_done=self._enqueue_many)

    def after_import(self, outcomes: list[ImportOutcome]) -> None:
        """After an import: convert the new courses' media (call with the import's outcomes)."""
        if not self.enabled:
            return
        for o in outcomes:
            if o.course is not None and o.media:
                self.start(o.course.id, o.course.folder)

    def start(self, course_id: int, folder: Path, include_cancelled: bool = False) -> None:
        """Queue a course (an explicit request also takes files cancelled or failed before)."""
        if self._current is not None and self._current[0] == course_id:
            return
        self._queue = [q for q in self._queue if q[0] != course_id]
        self._queue.append((course_id, Path(folder), include_cancelled))
        self._next()

    def _enqueue_many(self, courses: list[tuple[int, Path]]) -> None:
        for course_id, folder in courses:
            self.start(course_id, folder)

    def prioritise(self, course_id: int) -> None:
        """The learner opened this course: convert it next."""
        for i, q in enumerate(self._queue):
            if q[0] == course_id:
                self._queue.insert(0, self._queue.pop(i))
                return

    def _next(self) -> None:
        if self._current is not None or not self._queue:
            return
        course_id, folder, include_cancelled = self._queue.pop(0)
        proc = media_jobs.ConversionProcess(folder, include_cancelled=include_cancelled)
        try:
            proc.start()
        except OSError as exc:
            log.error("could not start converting the media of course %s: %s", course_id, exc)
            self.notice.emit(self.tr("The course's videos could not be converted: {0}").format(exc))
            return
        log.info("converting the media of course %s (%s)", course_id, folder)
        self._current = (course_id, folder, proc)
        self._timer.start()

    # -- watching ------------------------------------------------------------------------------------------------
    def _poll(self) -> None:
        if self._current is None:
            self._timer.stop()
            return
        course_id, _folder, proc = self._current
        alive = proc.alive  # asked first: whatever it sent before ending is read below
        self._read(course_id, proc)
        if alive:
            return
        self._read(course_id, proc)
        self._current = None
        summary = self._last.get(course_id, {})
        if proc.exitcode not in (0, None):
            log.error("the conversion process of course %s ended with code %s", course_id, proc.exitcode)
        self.finished.emit(course_id, summary)
        if summary.get("failed"):
            self.notice.emit(
                self.tr("%n media file(s) of a course could not be converted; see the log.", "", summary["failed"])
            )
        self._next()
        if self._current is None:
            self._timer.stop()

    def _read(self, course_id: int, proc: media_jobs.ConversionProcess) -> None:
        for msg in proc.messages():
            event = msg.get("event")
            if event in ("file", "finished"):
                summary = dict(msg["summary"], current=msg.get("path"))
                self._last[course_id] = summary
                self.progressed.emit(course_id, summary)
            elif event == "busy":
                log.info("course %s: %s", course_id, msg.get("message"))
            elif event == "error":
                log.error("converting the media of course %s failed: %s", course_id, msg.get("message"))

    def status(self, course_id: int) -> dict | None:
        """The last summary seen for a course this session, or None."""
        return self._last.get(course_id)

    @property
    def running(self) -> int | None:
        return self._current[0] if self._current is not None else None

    # -- the learner ---------------------------------------------------------------------------------------------
    def media_not_ready(self, course_id: int, relpath: str) -> None:
        """Slot for `CourseSchemeHandler.mediaNotReady`: say so, and convert this course first."""
        summary = self._last.get(course_id)
        if self.running == course_id and summary:
            text = self.tr("This course's videos are being converted ({0:.0%}); until then '{1}' may stay black "
                           "or silent. Reopen the page when it is done.").format(summary.get("progress", 0), relpath)
        elif not self.enabled:
            text = self.tr("'{0}' uses a format this player cannot decode, and converting media is turned off "
                           "in the settings; it may stay black or silent.").format(relpath)
        else:
            text = self.tr("This course's videos are queued for conversion; until then '{0}' may stay black "
                           "or silent.").format(relpath)
            self.prioritise(course_id)
        self.notice.emit(text)

    # -- stopping ------------------------------------------------------------------------------------------------
    def cancel(self, course_id: int | None = None) -> None:
        """The learner's cancel: the running course's remaining files are marked cancelled (or unqueue a course)."""
        if course_id is not None and (self._current is None or self._current[0] != course_id):
            self._queue = [q for q in self._queue if q[0] != course_id]
            return
        if self._current is not None:
            self._current[2].cancel()

    def shutdown(self) -> None:
        """At quit: the child saves its state (files left pending resume at the next start) and ends."""
        self._queue.clear()
        self._timer.stop()
        if self._current is not None:
            proc = self._current[2]
            proc.stop()
            if not proc.join(STOP_TIMEOUT_S):
                log.warning("the conversion process did not stop in time and was ended")
            self._current = None
