"""Non-blocking exclusive locks on an open file, released by the OS when the process dies (flock; msvcrt on
Windows). Used for the media conversion lock, the import intent records and the data folder's owners
(owners.py). Plain Python, no Qt."""

from __future__ import annotations

import os
import sys
import time

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
    import os

    def try_lock(fd: int) -> None:
        """Lock the file open as `fd`, or raise OSError when another process holds it."""
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def is_held(fd: int) -> bool:
        """True when another open file holds the lock of the file open as `fd` (a probe: nothing stays locked)."""
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return True
        unlock(fd)
        return False
else:
    import fcntl

    def try_lock(fd: int) -> None:
        """Lock the file open as `fd`, or raise OSError when another process holds it."""
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def is_held(fd: int) -> bool:
        """True when another open file holds the lock of the file open as `fd` (a probe: nothing stays locked; a
        shared probe, so two probes at once never take each other for the holder)."""
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False


def lock_within(fd: int, seconds: float) -> None:
    """`try_lock`, tried again every 5 ms for up to `seconds` (another process may hold the lock for an instant);
    raises the last OSError when it never came free."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            try_lock(fd)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def fsync_dir(folder) -> None:
    """Make a rename or a new file in `folder` durable (a no-op on Windows, where a folder cannot be synced)."""
    if os.name == "nt":  # pragma: no cover - a folder cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
