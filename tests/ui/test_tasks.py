"""The one background helper: results and errors come back on the UI thread, in order."""

from __future__ import annotations

import threading

from scorm_desktop.ui.tasks import Worker


def test_results_and_errors_come_back_on_the_ui_thread_in_order(qtbot):
    worker = Worker()
    seen: list = []
    main = threading.get_ident()

    def fail():
        raise ValueError("disk full")

    worker.submit(lambda: 1, on_done=lambda r: seen.append(("done", r, threading.get_ident() == main)))
    worker.submit(fail, on_error=lambda e: seen.append(("error", str(e), threading.get_ident() == main)))
    worker.submit(lambda: 3, on_done=lambda r: seen.append(("done", r, threading.get_ident() == main)))
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=5000)
    assert seen == [("done", 1, True), ("error", "disk full", True), ("done", 3, True)]
    worker.shutdown()
