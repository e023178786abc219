"""Non-blocking exclusive locks on an open file, released by the OS when the process dies (flock; msvcrt on
Windows). Used for the media conversion lock and the import intent records. Plain Python, no Qt."""

from __future__ import annotations

import sys

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
    import os

    def try_lock(fd: int) -> None:
        """Lock the file open as `fd`, or raise OSError when another process holds it."""
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def try_lock(fd: int) -> None:
        """Lock the file open as `fd`, or raise OSError when another process holds it."""
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
