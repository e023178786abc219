"""Conversion jobs of a course: the plan written at import, the run that works through it, and the child process that
runs it for the GUI. Plain Python, no Qt.

State lives beside the course, in `<course>/.converted/jobs.json`: one entry per file that needs converting, with its
status (`pending`, `running`, `done`, `failed`, `cancelled`). The output of a file appears by one rename when complete
(`convert.convert_file`), so after a crash or a quit an entry left `running` is simply started again (its partial
`.part` file removed): conversion resumes file by file. A course is converted by one process at a time, which holds
`.converted/.lock` (an OS lock, released by the OS when the process dies).

Why a child process (multiprocessing, "spawn"): encoding is minutes of CPU, so it must stay off the app's one worker
thread (it serializes database writes) and off the UI thread; a thread would also share the GIL with the UI and the
player's write path, and FFmpeg parsing untrusted media in the app's own process could take the app down with it.
The child touches no database: it reads and writes only the course's `.converted` folder and sends progress over a
pipe. It runs at a lower priority so the course plays smoothly meanwhile, and stops by itself when its parent is gone.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import multiprocessing
import os
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from ..i18n import _
from ..oslock import try_lock as _lock
from ..oslock import unlock as _unlock
from . import CONVERTED_DIR, converted_relpath, path_inside
from .probe import MediaFinding

log = logging.getLogger(__name__)

STATE_RELPATH = f"{CONVERTED_DIR}/jobs.json"
#: The most `read_plan` reads: far above any real plan (a few hundred bytes per media file), so never held in memory
#: whole when something else stands in its place.
MAX_PLAN_BYTES = 16 * 1024 * 1024
LOCK_RELPATH = f"{CONVERTED_DIR}/.lock"
FORMAT_VERSION = 1

PENDING, RUNNING, DONE, FAILED, CANCELLED = "pending", "running", "done", "failed", "cancelled"
#: How often progress is written to jobs.json (statuses are written at once).
SAVE_EVERY_S = 2.0
#: How often progress is sent to the parent.
REPORT_EVERY_S = 0.25

Report = Callable[[dict], None]


class Busy(Exception):
    """Another process is converting this course's media now."""


@dataclass
class FileJob:
    path: str  #: package-relative path of the original
    kind: str  #: "video" or "audio"
    codecs: list[str]
    duration: float | None
    size: int
    status: str = PENDING
    progress: float = 0.0
    error: str | None = None
    seconds: float | None = None  #: wall time the conversion took

    @property
    def output(self) -> str:
        return converted_relpath(self.path)


@dataclass
class CourseJobs:
    folder: Path
    files: list[FileJob] = field(default_factory=list)

    # -- persistence ---------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, folder: Path) -> "CourseJobs":
        """The course's plan; empty when it has none (no media to convert, or imported before media support)."""
        folder = Path(folder)
        files = []
        for row in read_plan(folder):
            try:
                files.append(FileJob(**{k: row[k] for k in FileJob.__dataclass_fields__ if k in row}))
            except TypeError:
                log.warning("ignored a broken entry in %s: %r", folder / STATE_RELPATH, row)
        return cls(folder, files)

    def save(self) -> None:
        path = self.folder / STATE_RELPATH
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        data = {"version": FORMAT_VERSION, "files": [asdict(f) for f in self.files]}
        tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(tmp, path)

    @classmethod
    def plan(cls, folder: Path, findings: list[MediaFinding]) -> "CourseJobs":
        """Write the plan for the findings that need converting (done entries are kept). Returns it."""
        jobs = cls.load(folder)
        known = {f.path: f for f in jobs.files}
        for m in findings:
            if not m.needs_conversion or m.path in known:
                continue
            jobs.files.append(FileJob(m.path, m.kind, m.unplayable_codecs, m.duration, m.size))
        if jobs.files:
            jobs.save()
        return jobs

    # -- questions -----------------------------------------------------------------------------------------------
    def todo(self, include_cancelled: bool = False) -> list[FileJob]:
        wanted = {PENDING, RUNNING} | ({CANCELLED, FAILED} if include_cancelled else set())
        return [f for f in self.files if f.status in wanted]

    def summary(self) -> dict[str, Any]:
        """Counts per status and the overall fraction done, weighted by duration (or size when unknown)."""
        counts = {s: 0 for s in (PENDING, RUNNING, DONE, FAILED, CANCELLED)}
        total = done = 0.0
        for f in self.files:
            counts[f.status] = counts.get(f.status, 0) + 1
            weight = f.duration or f.size / 1e6 or 1.0
            total += weight
            done += weight * (1.0 if f.status == DONE else f.progress if f.status == RUNNING else 0.0)
        return {"files": len(self.files), **counts, "progress": round(done / total, 3) if total else 1.0}


def read_plan(folder: Path) -> list[dict]:
    """The raw entries of `.converted/jobs.json` ([] when absent or unreadable)."""
    path = Path(folder) / STATE_RELPATH
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_PLAN_BYTES + 1)
        if len(raw) > MAX_PLAN_BYTES:  # the app's own file, planted or damaged: not parsed
            log.warning("conversion state %s is larger than %d bytes; starting it afresh", path, MAX_PLAN_BYTES)
            return []
        data = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        log.warning("conversion state %s could not be read (%s); starting it afresh", path, exc)
        return []
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list):
        return []
    out = []
    for f in files:
        if not isinstance(f, dict) or not isinstance(f.get("path"), str):
            continue
        if not _safe_entry(Path(folder), f["path"]):
            log.warning("ignored an entry of %s that points outside the course: %r", path, f["path"])
            continue
        out.append(f)
    return out


def _safe_entry(folder: Path, relpath: str) -> bool:
    """The original and its converted copy both lie inside the course folder (the copy inside `.converted`)."""
    return (
        path_inside(folder, relpath) is not None
        and path_inside(folder / CONVERTED_DIR, relpath + ".webm") is not None
        and path_inside(folder, converted_relpath(relpath)) is not None
    )


@contextlib.contextmanager
def course_lock(folder: Path) -> Iterator[None]:
    """Hold the course's conversion lock, or raise Busy. The OS releases it if the process dies."""
    path = Path(folder) / LOCK_RELPATH
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            _lock(fd)
        except OSError:
            raise Busy(_("the media of {0} are being converted by another process").format(folder)) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)




# --------------------------------------------------------------------------------------------------- the run


def run(
    folder: Path,
    cancelled: Callable[[], bool] | None = None,
    interrupted: Callable[[], bool] | None = None,
    report: Report | None = None,
    include_cancelled: bool = False,
    threads: int = 2,
) -> CourseJobs:
    """Convert every file of the course's plan that is still to do, in this process, one at a time.

    `cancelled()` True: the learner stopped it; the files not done are marked `cancelled` (not resumed on their own).
    `interrupted()` True (a quit, the parent gone) or KeyboardInterrupt: they stay `pending` and resume next time.
    `report(message)` receives progress messages (see `_message`). Raises Busy when another process holds the course.
    """
    from .convert import ConversionCancelled, ConversionError, convert_file

    folder = Path(folder)
    cancelled = cancelled or (lambda: False)
    interrupted = interrupted or (lambda: False)
    send = report or (lambda _m: None)
    with course_lock(folder):
        jobs = CourseJobs.load(folder)
        for f in jobs.files:
            if f.status == RUNNING:  # left by a crash or a quit: start it again
                f.status, f.progress = PENDING, 0.0
                _remove_partial(folder, f)
        todo = jobs.todo(include_cancelled)
        for f in todo:
            f.status, f.progress, f.error = PENDING, 0.0, None
        jobs.save()
        for f in todo:
            if cancelled() or interrupted():
                break
            f.status, f.progress = RUNNING, 0.0
            jobs.save()
            send(_message(jobs, f))
            started = last_save = last_report = time.monotonic()

            def progress(fraction: float, f: FileJob = f) -> None:
                nonlocal last_save, last_report
                f.progress = round(fraction, 4)
                now = time.monotonic()
                if now - last_report >= REPORT_EVERY_S:
                    last_report = now
                    send(_message(jobs, f))
                if now - last_save >= SAVE_EVERY_S:
                    last_save = now
                    jobs.save()

            src, dst = path_inside(folder, f.path), path_inside(folder, f.output)
            if src is None or dst is None:  # read_plan drops these; a plan changed under us must not lead out either
                f.status, f.error = FAILED, _("'{0}' is not a file of this course.").format(f.path)
                jobs.save()
                continue
            try:
                convert_file(
                    src, dst, progress=progress,
                    cancelled=lambda: cancelled() or interrupted(), threads=threads,
                )
            except ConversionCancelled:
                f.status, f.progress = PENDING, 0.0
                break
            except ConversionError as exc:
                f.status, f.error = FAILED, str(exc)
                log.warning("%s: %s", folder, exc)
            except FileNotFoundError:
                f.status, f.error = FAILED, _("'{0}' is missing from the course folder.").format(f.path)
            except BaseException:  # KeyboardInterrupt, MemoryError, ...: keep the plan resumable, then stop
                f.status, f.progress = PENDING, 0.0
                jobs.save()
                raise
            else:
                f.status, f.progress, f.seconds = DONE, 1.0, round(time.monotonic() - started, 2)
                log.info("converted %s/%s in %.1f s", folder.name, f.path, f.seconds)
            jobs.save()
            send(_message(jobs, f))
        if cancelled() and not interrupted():
            for f in jobs.files:
                if f.status == PENDING:
                    f.status = CANCELLED
        jobs.save()
        send({"event": "finished", "summary": jobs.summary()})
        return jobs


def _message(jobs: CourseJobs, f: FileJob) -> dict:
    return {"event": "file", "path": f.path, "status": f.status, "progress": f.progress, "summary": jobs.summary()}


def _remove_partial(folder: Path, f: FileJob) -> None:
    part = path_inside(folder, f.output + ".part")
    if part is not None:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()


# --------------------------------------------------------------------------------------------------- the child


class ConversionProcess:
    """A child process converting one course (the parent's side). Poll `messages()`; never blocks."""

    def __init__(self, folder: Path, include_cancelled: bool = False) -> None:
        ctx = multiprocessing.get_context("spawn")  # never fork a process that runs Qt and database threads
        self.folder = Path(folder)
        self._cancel = ctx.Event()
        self._stop = ctx.Event()
        self._recv, send = ctx.Pipe(duplex=False)
        self._send = send
        self._proc = ctx.Process(
            target=child_main,
            args=(str(self.folder), self._cancel, self._stop, send, include_cancelled),
            name=f"scorm-desktop-convert-{self.folder.name}",
            daemon=True,
        )

    def start(self) -> None:
        self._proc.start()
        self._send.close()  # the parent keeps only the reading end: EOF when the child is gone

    def cancel(self) -> None:
        """The learner's cancel: the course's remaining files are marked cancelled."""
        self._cancel.set()

    def stop(self) -> None:
        """A quit: the remaining files stay pending and resume at the next start."""
        self._stop.set()

    def messages(self) -> list[dict]:
        """The messages the child sent since the last call (also after it ended)."""
        out: list[dict] = []
        if self._recv.closed:
            return out
        try:
            while self._recv.poll(0):
                out.append(self._recv.recv())
        except (EOFError, OSError):  # the child is gone and everything it sent was read
            self._recv.close()
        return out

    @property
    def alive(self) -> bool:
        return self._proc.is_alive()

    @property
    def exitcode(self) -> int | None:
        return self._proc.exitcode

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the child; True when it ended. Kills it when it outlives `timeout` after a stop or cancel."""
        self._proc.join(timeout)
        if self._proc.is_alive() and (self._stop.is_set() or self._cancel.is_set()):
            self._proc.kill()
            self._proc.join(5)
        return not self._proc.is_alive()


def child_main(folder: str, cancel, stop, conn, include_cancelled: bool) -> None:
    """Entry point of the child process."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    _lower_priority()
    parent = os.getppid()

    def report(msg: dict) -> None:
        try:
            conn.send(msg)
        except (BrokenPipeError, OSError):
            pass

    try:
        run(
            Path(folder),
            cancelled=cancel.is_set,
            interrupted=lambda: stop.is_set() or os.getppid() != parent,
            report=report,
            include_cancelled=include_cancelled,
        )
    except Busy as exc:
        report({"event": "busy", "message": str(exc)})
    except Exception as exc:  # reported to the parent, which logs it
        report({"event": "error", "message": f"{type(exc).__name__}: {exc}"})
        raise
    finally:
        conn.close()


def _lower_priority() -> None:
    try:
        if hasattr(os, "nice"):
            os.nice(10)
        else:  # pragma: no cover - Windows
            import ctypes

            below_normal = 0x4000
            ctypes.windll.kernel32.SetPriorityClass(ctypes.windll.kernel32.GetCurrentProcess(), below_normal)
    except (OSError, AttributeError):
        pass


def spawn_detached(folders: list[Path], include_cancelled: bool = False) -> int:
    """Start `python -m scorm_desktop.media.jobs FOLDER...` in its own session (it outlives the caller). Its pid."""
    import subprocess

    args = [sys.executable, "-m", "scorm_desktop.media.jobs", *(str(f) for f in folders)]
    if include_cancelled:
        args.append("--include-cancelled")
    kwargs: dict[str, Any] = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    if sys.platform == "win32":  # pragma: no cover
        kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.DETACHED_PROCESS
    else:
        kwargs["start_new_session"] = True
    return subprocess.Popen(args, **kwargs).pid


def main(argv: list[str] | None = None) -> int:
    """`python -m scorm_desktop.media.jobs FOLDER... [--include-cancelled]`: convert courses in this process."""
    p = argparse.ArgumentParser(prog="python -m scorm_desktop.media.jobs")
    p.add_argument("folders", nargs="+")
    p.add_argument("--include-cancelled", action="store_true")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    _lower_priority()
    failed = 0
    for folder in args.folders:
        try:
            jobs = run(Path(folder), include_cancelled=args.include_cancelled)
        except Busy as exc:
            log.warning("%s", exc)
            continue
        failed += jobs.summary()[FAILED]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
