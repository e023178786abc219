"""The course checker within the app's rules (review defects 5 and 8): closing "Check a course" never waits for its
import, and the checked content runs under the profile's own ContentInterceptor, which the checker only observes."""

from __future__ import annotations

import time

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from data.crafted.checker import ESCAPES, make_escape_package, make_large_package  # noqa: E402
from scorm_desktop.ui.check_runner import CheckRunner  # noqa: E402

pytestmark = pytest.mark.gui


def test_closing_the_check_window_while_a_large_package_imports_returns_at_once(qtbot, tmp_path):
    from scorm_desktop.ui.check_dialog import CheckDialog
    from scorm_desktop.ui.tasks import Worker

    package = make_large_package(tmp_path / "large.zip", megabytes=160, files=20000)  # ~4 s to import here
    worker = Worker()  # the app's worker, which the dialog shares
    try:
        dialog = CheckDialog(package, worker, idle=2.0)
        dialog.show()
        dialog.start()
        # the static checks are done and the throwaway import is running on the runner's worker
        qtbot.waitUntil(lambda: dialog.runner is not None and dialog.runner.packages
                        and dialog.runner.packages[0].report is not None, timeout=60000)
        runner = dialog.runner
        tmp = runner._tmp
        assert runner.env.worker.pending == 1 and runner.packages[0].course_id is None  # still importing
        started = time.monotonic()
        dialog.close()
        took = time.monotonic() - started
        assert dialog.runner is None
        assert took < 2.0, f"closing waited {took:.1f} s for the import"  # generous: the import alone takes longer
        assert runner.packages[0].course_id is None  # it was still importing when the window let go

        # the app stays usable: its worker answers at once, and the UI thread runs
        answers: list = []
        worker.submit(lambda: 42, on_done=answers.append)
        qtbot.waitUntil(lambda: answers == [42], timeout=5000)
        # the import is cancelled, then the throwaway folder goes (on the runner's own thread)
        qtbot.waitUntil(lambda: not tmp.exists(), timeout=60000)
        qtbot.wait(300)  # a late answer of the cancelled import finds nothing to act on
    finally:
        worker.drain()
        worker.shutdown()


def test_checked_content_is_held_to_the_players_rules_and_what_they_block_is_reported(qtbot, tmp_path):
    runner = CheckRunner([(make_escape_package(tmp_path / "escapes.zip"), "escapes.zip")], idle=2.0, jobs=1)
    try:
        with qtbot.waitSignal(runner.finished, timeout=120000) as blocker:
            runner.start()
    finally:
        runner.close()
    [report] = blocker.args[0]
    [item] = report.items
    run = item.run
    assert run["outcome"] == "terminated", run
    # nothing outside the package loaded: no file of the computer, no other scheme, no internet
    assert [e for e in run["console_errors"] + run["js_errors"] if "ESCAPED" in e] == []
    # the other schemes are blocked by the app's rules and named in the report
    assert run["blocked"] == {ESCAPES["qrc"]: "content may not load qrc: addresses"}
    assert any(f.code == "blocked" and ESCAPES["qrc"] in f.message for f in item.findings)
    # internet requests are still reported as the checker always did
    assert ESCAPES["http"] in run["internet"] and ESCAPES["ftp"] in run["internet"]
    assert any(f.code == "internet" for f in item.findings)


def test_a_stopped_worker_returns_at_once_drops_what_waits_and_runs_its_last_job(qtbot):
    import threading

    from scorm_desktop.ui.tasks import Worker

    worker = Worker()
    release, ran, delivered, last = threading.Event(), [], [], threading.Event()
    worker.submit(release.wait, 30, on_done=delivered.append)  # the running job: ends only when told to
    worker.submit(ran.append, "queued", on_done=delivered.append)
    started = time.monotonic()
    worker.stop(then=last.set)
    assert time.monotonic() - started < 2.0
    assert worker.submit(ran.append, "late").cancelled()  # a late request of a closed window: nothing runs
    release.set()
    assert last.wait(10)
    qtbot.wait(200)
    assert ran == [] and delivered == []  # the queued job was dropped; no result reaches the closed window
