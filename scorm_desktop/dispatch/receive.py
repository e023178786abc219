"""Importing a dispatch file: the licence and the course are checked before anything is written, then the course
is imported by the library's own path and the licence recorded on it."""

from __future__ import annotations

from pathlib import Path

from .licence import is_dispatch_file
from .store import attach_licence, check_dispatch, forget_pending, remember_pending


def import_if_dispatch(library, source: Path, progress=None, cancelled=None):
    """None when `source` is not a dispatch file; else the ImportOutcome of its course (DispatchError, a
    PackageError-like refusal in one sentence, leaves the library unchanged)."""
    if not is_dispatch_file(source):
        return None
    from ..package.model import PackageError

    from .licence import DispatchError

    try:
        licence, signature, package = check_dispatch(library.sessions, source, library.paths.staging)
    except DispatchError as exc:
        raise PackageError(str(exc)) from None
    remember_pending(library.sessions, licence, signature)  # a kill during the import cannot lose the licence
    try:
        outcome = library.import_package(package, progress, cancelled)
    except BaseException:
        forget_pending(library.sessions, licence)  # refused or cancelled: nothing of it stays
        raise
    finally:
        package.unlink(missing_ok=True)
    course = outcome.course or outcome.duplicate_of or outcome.updated
    attach_licence(library.sessions, course.id, licence, signature)
    outcome.source = source
    return outcome
