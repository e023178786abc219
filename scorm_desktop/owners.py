"""Which process owns what in a data folder, so start-up maintenance never touches another live process's work.

Several processes may use one data folder at once: the app, a `play --headless`, and `courses` or `report` run by a
trainer beside them. Each process that opens the folder *claims* it: it holds an exclusive lock (flock) on a file of
its own, `.owners/<token>.lock`, while it has the folder open (`open_services` to `Services.close`); the kernel
releases the lock when the process ends, however it ends (SIGKILL included). The token is the process id and its start time, so a reused pid is never
mistaken for an old owner. Sessions record the token of the process that runs them (`sessions.owner`) and imports
extract into `courses/.staging/<token>/`; recovery and tidying at start leave alone whatever a living process owns.

Plain Python, no Qt, no database.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .oslock import is_held, lock_within, try_lock, unlock

log = logging.getLogger(__name__)

OWNERS_DIR = ".owners"
SUFFIX = ".lock"
#: A half-made lock file (a crash between creating and naming it), or the file of a process that ended, is removed
#: once older than this; a younger one may be a claim being made (named, not yet locked).
STALE_TEMP_SECONDS = 60

_token: tuple[int, str] | None = None
#: The claims this process holds, by data folder (the open file keeps the lock).
_claims: dict[Path, "Claim"] = {}


@dataclass
class Claim:
    root: Path
    token: str
    path: Path
    fd: int
    #: How many openings of the folder in this process hold it (`release` lets go at the last).
    holders: int = 1


def process_token() -> str:
    """This process's owner token: `<pid>-<start time>`; unique for the machine's uptime, even if pids are reused."""
    global _token
    pid = os.getpid()
    if _token is None or _token[0] != pid:  # computed again after a fork
        _token = (pid, f"{pid}-{_start_time(pid)}")
    return _token[1]


def _start_time(pid: int) -> str:
    """The process's start time in clock ticks since boot (Linux), else the moment this was first asked."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return str(time.time_ns() // 1_000_000)


def owners_dir(root: Path) -> Path:
    return Path(root) / OWNERS_DIR


def claim(root: Path) -> Claim | None:
    """Claim the data folder for this process (idempotent). None when the folder cannot be written (read-only):
    a process that cannot write owns nothing there."""
    root = Path(root)
    if root in _claims:
        _claims[root].holders += 1
        return _claims[root]
    token = process_token()
    folder = owners_dir(root)
    info = {"pid": os.getpid(), "token": token, "argv": sys.argv[:3], "started": time.time()}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        made = _claim_file(root, token, folder / f"{token}{SUFFIX}", json.dumps(info).encode())
    except OSError as exc:
        quiet = isinstance(exc, PermissionError) or exc.errno == errno.EROFS  # a read-only folder
        (log.info if quiet else log.warning)("data folder %s not claimed (%s): nothing will be owned there", root,
                                             exc.strerror or exc)
        return None
    _claims[root] = made
    prune(root)
    return made


def _claim_file(root: Path, token: str, final: Path, content: bytes) -> Claim:
    """Write the claim file, name it, then lock it: the way that works on every OS (Windows renames no open file),
    the same as the import intent records (storage/intents.py), taken on every OS so the tested path is the shipped
    one. Between naming and locking the file looks like a dead process's: `prune` leaves young files alone, and a
    file removed meanwhile all the same is made again."""
    temp = final.with_name(f".tmp-{final.name}")
    for _attempt in range(5):
        temp.write_bytes(content)  # written and closed before the rename
        os.replace(temp, final)
        try:
            fd = os.open(final, os.O_RDWR)
        except FileNotFoundError:
            continue  # removed between the rename and the opening
        try:
            lock_within(fd, 2.0)  # another process probing our claim (`is_alive`) holds it for an instant
            if os.stat(final).st_ino == os.fstat(fd).st_ino:
                return Claim(root, token, final, fd)
        except FileNotFoundError:
            pass
        except OSError:
            os.close(fd)
            raise
        os.close(fd)  # the locked file is no longer the one under the name: claim again
    raise OSError(f"the claim file {final.name} kept disappearing")




def release(root: Path) -> None:
    """Let go of one `claim`; at the last, the lock goes and its file is removed (ending the process does the same,
    without the removal)."""
    made = _claims.get(Path(root))
    if made is None:
        return
    made.holders -= 1
    if made.holders > 0:
        return
    del _claims[Path(root)]
    # Closed before it is removed (Windows removes no open file); a prober that opened it just now may keep it
    # there, unlocked: that is a dead claim, which `prune` removes later.
    with contextlib.suppress(OSError):
        unlock(made.fd)
    os.close(made.fd)
    with contextlib.suppress(OSError):
        made.path.unlink(missing_ok=True)


def is_mine(token: str | None) -> bool:
    return token is not None and token == process_token()


def is_alive(root: Path, token: str | None) -> bool:
    """True while the process with this token holds its claim on the data folder."""
    if not token or "/" in token or token.startswith("."):
        return False
    if is_mine(token) and Path(root) in _claims:
        return True
    path = owners_dir(root) / f"{token}{SUFFIX}"
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False  # no claim file: its owner ended and was tidied away, or never claimed this folder
    try:
        return is_held(fd)
    except OSError:
        return False
    finally:
        os.close(fd)


def held_by_another(root: Path, token: str | None) -> bool:
    """True when another living process owns what carries this token (this process's own leftovers are not)."""
    return not is_mine(token) and is_alive(root, token)


def living(root: Path) -> list[str]:
    """The tokens of every process holding a claim on the data folder now (this one included)."""
    folder = owners_dir(root)
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return []
    tokens = [n[: -len(SUFFIX)] for n in names if n.endswith(SUFFIX) and not n.startswith(".")]
    return [t for t in tokens if is_alive(root, t)]


def prune(root: Path) -> None:
    """Remove the claim files of processes that have ended (best effort)."""
    folder = owners_dir(root)
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    now = time.time()
    for p in entries:
        try:
            if now - p.stat().st_mtime <= STALE_TEMP_SECONDS:
                continue  # young: perhaps a claim between its naming and its locking (see `_claim_file`)
            if p.name.startswith(".tmp-") or (p.name.endswith(SUFFIX) and not is_alive(root, p.name[: -len(SUFFIX)])):
                p.unlink()
        except OSError:
            pass


def pid_of(token: str) -> str:
    return token.split("-", 1)[0]
