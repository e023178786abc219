"""Uncaught exceptions reach the log with their traceback, and the user is told where that log is."""

from __future__ import annotations

import logging
import sys
import threading

from scorm_desktop import crash


def test_uncaught_exceptions_are_logged_and_shown_with_the_log_path(tmp_path, caplog):
    shown: list[str] = []
    log_file = tmp_path / "scorm-desktop.log"
    old_hook, old_thread_hook = sys.excepthook, threading.excepthook
    try:
        crash.install(log_file, shown.append)
        with caplog.at_level(logging.CRITICAL, logger="scorm_desktop.crash"):
            try:
                raise ValueError("the widget fell over")
            except ValueError:
                sys.excepthook(*sys.exc_info())
            t = threading.Thread(target=lambda: 1 / 0)
            t.start()
            t.join()
    finally:
        sys.excepthook, threading.excepthook = old_hook, old_thread_hook
    records = [r.getMessage() for r in caplog.records]
    assert any("ValueError: the widget fell over" in m and "Traceback" in m for m in records)
    assert any("ZeroDivisionError" in m for m in records)
    assert len(shown) == 2
    assert str(log_file) in shown[0] and "ValueError: the widget fell over" in shown[0]
