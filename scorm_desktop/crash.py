"""Uncaught exceptions: logged with their traceback, then shown to the user with the log's path.

Plain Python; the GUI passes a `show` callable that opens a dialog. Nothing is swallowed: the traceback always
reaches the log file first.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from typing import Callable

log = logging.getLogger("scorm_desktop.crash")


def install(log_file: Path, show: Callable[[str], None] | None = None) -> None:
    """Route uncaught exceptions (main thread and other threads) to the log, and to `show(message)` if given."""

    def report(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.critical("uncaught exception:\n%s", text)
        if show is not None:
            try:
                show(message(exc, log_file))
            except Exception:  # the dialog itself failed: the log already has everything
                log.exception("could not show the error dialog")

    sys.excepthook = report
    threading.excepthook = lambda args: report(args.exc_type, args.exc_value, args.exc_traceback)


def message(exc: BaseException, log_file: Path) -> str:
    return (
        f"SCORM Desktop ran into an unexpected problem: {exc.__class__.__name__}: {exc}\n\n"
        "Everything recorded up to now is safe in the database.\n\n"
        f"The details are in the log file:\n{log_file}\n\n"
        "Please include that file when you report the problem."
    )
