"""Intent records: an import says what it is about to do before it renames a course folder into place, so a crash
between that rename and the database row never leaves an orphan folder behind. Plain Python, no Qt.

`courses/.intents/<folder>.json` holds everything the database row needs (manifest, content hash, source name,
warnings, and for an update the course it replaces). It is written and synced before the rename and removed once the
row is committed and the replaced files are gone. While the import runs, its process holds an OS lock on the record;
the lock dies with the process, so the next start can tell a record whose owner is gone (finish the import, or remove
its folder) from one still being written by a live import in another process (left alone).

A course folder also gets `.scorm-desktop/import.json` (written in the staging folder, so it arrives with the rename):
what the import recorded about it, so a library whose database was lost can re-attach the folder with its source
name, date and warnings (see `library/recovery.py` `reattach_folders`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..oslock import fsync_dir, try_lock, unlock

log = logging.getLogger(__name__)

INTENTS_DIR = ".intents"
#: Inside each course folder: the app's own record of the import (a reserved name, never taken from a package).
COURSE_RECORD_RELPATH = ".scorm-desktop/import.json"
FORMAT_VERSION = 1


def intents_dir(courses: Path) -> Path:
    return Path(courses) / INTENTS_DIR




def _write_locked(path: Path, data: dict) -> int:
    """Write `data` to `path` by a rename, synced, and return a descriptor that holds its lock. The lock is taken
    before the record appears under its name, so no other process can mistake it for an orphan."""
    tmp = path.with_name(path.name + ".tmp")
    if os.name == "nt":  # pragma: no cover - an open file cannot be renamed there: lock it once it has its name
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(data, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        fd = os.open(path, os.O_RDWR)
        try_lock(fd)
        return fd
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        try_lock(fd)
        os.write(fd, json.dumps(data).encode("utf-8"))
        os.fsync(fd)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    return fd


class Intent:
    """An import's intent record, held (locked) by this process until `done()`."""

    def __init__(self, courses: Path, folder: str, record: dict) -> None:
        self.path = intents_dir(courses) / f"{folder}.json"
        record = {"version": FORMAT_VERSION, "folder": folder, "pid": os.getpid(), **record}
        for attempt in range(3):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._fd: int | None = _write_locked(self.path, record)
                break
            except FileNotFoundError:  # another process removed the empty folder just now
                if attempt == 2:
                    raise

    def done(self) -> None:
        """The import is recorded (or was undone): remove the record and release it."""
        if os.name == "nt":  # pragma: no cover - an open file cannot be removed there
            self._release()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self._release()
        with contextlib.suppress(OSError):
            self.path.parent.rmdir()  # only when empty

    def _release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                unlock(self._fd)
            os.close(self._fd)
            self._fd = None


@dataclass
class Orphan:
    """An intent record whose import process is gone; `remove()` once it was finished or undone."""

    path: Path
    data: dict
    _fd: int

    @property
    def folder(self) -> str:
        return str(self.data.get("folder") or "")

    def remove(self) -> None:
        if os.name != "nt":  # removed while still held, so no other process can take it up meanwhile
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        with contextlib.suppress(OSError):
            unlock(self._fd)
        os.close(self._fd)
        if os.name == "nt":  # pragma: no cover - an open file cannot be removed there
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()


def orphans(courses: Path) -> Iterator[Orphan]:
    """The intent records no living process holds, each locked by this process while the caller deals with it.
    A record that cannot be read is removed (its import never reached the rename: the record is synced first)."""
    folder = intents_dir(courses)
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.json")):
        try:
            fd = os.open(path, os.O_RDWR)
        except FileNotFoundError:
            continue
        try:
            try_lock(fd)
            # The owner may have finished (removed the record) between our open and our lock.
            if not path.exists() or os.stat(path).st_ino != os.fstat(fd).st_ino:
                raise OSError("gone")
            data = json.loads(_read_all(fd).decode("utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("folder"), str):
                raise ValueError("not an intent record")
        except OSError:  # held by a live import, or already finished
            os.close(fd)
            continue
        except ValueError as exc:
            log.warning("removed an unreadable import intent record %s (%s)", path, exc)
            path.unlink(missing_ok=True)
            os.close(fd)
            continue
        yield Orphan(path, data, fd)
    for stale in folder.glob("*.json.tmp"):  # a record killed while it was written: its import never went on
        with contextlib.suppress(OSError):
            fd = os.open(stale, os.O_RDWR)
            try:
                try_lock(fd)  # not held: its writer is gone
                stale.unlink()
            finally:
                os.close(fd)
    with contextlib.suppress(OSError):
        folder.rmdir()


def _read_all(fd: int) -> bytes:
    """The file's content through the descriptor that holds its lock (another handle may not read it on Windows)."""
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


def write_course_record(folder: Path, record: dict) -> None:
    """The app's record of an import inside the (staging) course folder."""
    path = Path(folder) / COURSE_RECORD_RELPATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": FORMAT_VERSION, **record}), encoding="utf-8")


def read_course_record(folder: Path) -> dict:
    """What the import recorded in a course folder ({} when there is nothing readable)."""
    try:
        data = json.loads((Path(folder) / COURSE_RECORD_RELPATH).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
