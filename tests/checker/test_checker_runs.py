"""The course checker's unattended runs in the real player (offscreen QtWebEngine), and the HTML report."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from data.crafted.checker import make_checker_package  # noqa: E402
from scorm_desktop.checker.html import render  # noqa: E402
from scorm_desktop.checker.report import BROKEN, OK, WARNINGS  # noqa: E402
from scorm_desktop.ui.check_runner import CheckRunner  # noqa: E402

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parent.parent.parent


def run_checker(qtbot, paths, idle=2.0, jobs=3, timeout_ms=180000):
    runner = CheckRunner([(Path(p), Path(p).name) for p in paths], idle=idle, jobs=jobs)
    try:
        with qtbot.waitSignal(runner.finished, timeout=timeout_ms) as blocker:
            runner.start()
        return blocker.args[0]
    finally:
        runner.close()


def _by_id(report):
    return {i.identifier: i for i in report.items}


def test_the_crafted_package_is_reported_item_by_item(qtbot, tmp_path):
    [report] = run_checker(qtbot, [make_checker_package(tmp_path / "crafted.zip")])
    items = _by_id(report)
    good = items["good"]
    assert good.verdict == OK
    assert good.run["initialized"] and good.run["status_set"] and good.run["committed"] and good.run["terminated"]
    assert good.run["outcome"] == "terminated" and good.run["seconds_to_initialize"] is not None

    image = items["image"]
    assert image.verdict == WARNINGS
    assert image.run["not_found"] == ["images/missing.png"]
    assert "images/missing.png" in image.reason and "404" in image.reason

    case = items["case"]
    assert case.verdict == WARNINGS
    assert case.run["case_mismatch"] == {"Images/Logo.PNG": "images/logo.png"}
    assert any(f.code == "case-mismatch" for f in case.findings)

    noinit = items["noinit"]
    assert noinit.verdict == BROKEN and not noinit.run["initialized"]
    assert "never called Initialize" in noinit.reason

    invalid = items["invalid"]
    assert invalid.verdict == WARNINGS
    [error] = invalid.run["api_errors"]
    assert (error["fn"], error["element"], error["value"], error["code"]) == (
        "LMSSetValue", "cmi.core.lesson_status", "done", "405")
    assert "cmi.core.lesson_status" in invalid.reason and "405" in invalid.reason

    assert report.verdict == BROKEN and "Never initializes" in report.reason


def test_the_golf_run_time_samples_come_out_ok(qtbot, corpus):
    names = ["golf-rt-minimum-2004-3rd.zip", "golf-rt-advanced-2004-3rd.zip", "moodle-runtimeminimum-12.zip",
             "moodle-singlescobasic-12.zip"]
    reports = run_checker(qtbot, [corpus / "good" / n for n in names], idle=3.0, jobs=6)
    for report in reports:
        assert report.verdict == OK, (report.source, report.reason)
        for item in report.items:
            assert item.run["initialized"], (report.source, item.identifier)
            assert item.run["outcome"] == "waits"  # they wait for the learner: not a failure


def test_the_4th_edition_sample_is_flagged_for_its_cdn_dependency(qtbot, corpus, tmp_path):
    [report] = run_checker(qtbot, [corpus / "good" / "golf-seq-posttest-2004-4th.zip"])
    assert report.verdict == BROKEN
    first = report.items[0]
    assert any("ajax.googleapis.com" in url for url in first.run["internet"])
    assert first.reason.startswith("It needs the internet (https://ajax.googleapis.com/")
    assert "internet" in report.reason

    # the HTML report, opened in QtWebEngine, and its screenshot for the README
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView

    crafted = run_checker(qtbot, [make_checker_package(tmp_path / "crafted.zip")])
    page = tmp_path / "report.html"
    page.write_text(render(crafted + [report], "2026-12-04 16:00 UTC"), encoding="utf-8")
    text = page.read_text(encoding="utf-8")
    assert "<script" not in text and "http://" not in text.replace("http://www.w3.org", "")  # self-contained
    view = QWebEngineView()
    view.resize(1100, 900)
    view.show()
    try:
        with qtbot.waitSignal(view.loadFinished, timeout=30000) as loaded:
            view.load(QUrl.fromLocalFile(str(page)))
        assert loaded.args[0] is True
        title: list = []
        view.page().runJavaScript("document.title + '|' + document.querySelectorAll('h2').length", 0, title.append)
        qtbot.waitUntil(lambda: bool(title), timeout=10000)
        assert title[0] == "Course check report|2"
        qtbot.wait(300)
        shot = view.grab()
        assert not shot.isNull()
        out = Path(os.environ.get("SCORM_DESKTOP_SCREENSHOT_DIR", tmp_path)) / "checker.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        shot.save(str(out))
    finally:
        view.close()
        view.deleteLater()


def test_play_headless_stops_when_the_content_waits_for_a_learner(tmp_path, corpus):
    """The golf sample initializes and waits for clicks: instead of running into the time-out (exit 3), headless
    play says the content waits for a learner and exits 4, its values kept."""
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    base = [sys.executable, "-m", "scorm_desktop", "--data-dir", str(tmp_path / "data")]
    imported = subprocess.run(base + ["import", str(corpus / "good" / "moodle-singlescobasic-12.zip")],
                              capture_output=True, text=True, timeout=120, env=env)
    course = imported.stdout.split()[0]
    r = subprocess.run(base + ["play", course, "--headless", "--idle", "2", "--timeout", "120"],
                       capture_output=True, text=True, timeout=180, env=env)
    assert r.returncode == 4, r.stderr[-2000:]
    assert "The content waits for a learner after" in r.stderr and "no call and no navigation for 2 s" in r.stderr
    assert "Traceback" not in r.stderr
    attempts = subprocess.run(base + ["attempts", course, "--json"], capture_output=True, text=True, timeout=60,
                              env=env)
    assert '"closed"' in attempts.stdout  # the session ended as the learner's own close would


def test_file_check_a_course_shows_the_report_and_records_nothing(qtbot, tmp_path):
    from PySide6.QtGui import QAction

    from scorm_desktop.paths import DataPaths
    from scorm_desktop.services import open_services
    from scorm_desktop.ui.check_dialog import CheckDialog
    from scorm_desktop.ui.main_window import MainWindow
    from scorm_desktop.ui.webenv import delete_now

    services = open_services(DataPaths(tmp_path / "data", explicit=True), with_sample=False)
    win = MainWindow(services)
    try:
        assert any(a.text() == "&Check a course…" for a in win.findChildren(QAction))
        dialog = CheckDialog(make_checker_package(tmp_path / "crafted.zip"), win.env.worker, win, idle=2.0)
        dialog.show()
        dialog.start()
        qtbot.waitUntil(lambda: dialog.save.isEnabled(), timeout=120000)
        assert dialog.status.text().startswith("crafted.zip: broken — Item “Never initializes”")
        assert "Sets an invalid value" in dialog.view.toPlainText()
        dialog.grab().save(str(Path(os.environ.get("SCORM_DESKTOP_SCREENSHOT_DIR", tmp_path)) / "check-dialog.png"))
        dialog.close()
        # nothing was recorded in the user's library: no learner, no course
        assert services.library.courses(include_removed=True) == []
        assert services.records.learners(include_preview=True) == []
    finally:
        win.close()
        win.dispose()
        delete_now(win)
        services.close()


def test_check_a_course_of_the_library_records_nothing_for_anyone(tmp_path, corpus):
    import json
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    base = [sys.executable, "-m", "scorm_desktop", "--data-dir", str(tmp_path / "data")]

    def cli(*args):
        return subprocess.run(base + list(args), capture_output=True, text=True, timeout=240, env=env)

    course = cli("import", str(corpus / "good" / "moodle-singlescobasic-12.zip")).stdout.split()[0]
    before = (cli("learners", "--json").stdout, cli("report", "--json").stdout)
    html = tmp_path / "report.html"
    r = cli("check", course, "--idle", "2", "--json", "--html", str(html))
    assert r.returncode == 0, r.stderr[-2000:]
    doc = json.loads(r.stdout)
    [package] = doc["packages"]
    assert package["source"] == f"course {course} “Golf Explained - Run-time Basic Calls”"
    assert package["verdict"] == "ok" and package["items"][0]["run"]["initialized"]
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (cli("learners", "--json").stdout, cli("report", "--json").stdout) == before  # nothing recorded


def test_closing_the_check_window_mid_run_stops_it_cleanly(qtbot, tmp_path, corpus):
    from scorm_desktop.ui.check_dialog import CheckDialog
    from scorm_desktop.ui.tasks import Worker

    worker = Worker()
    try:
        dialog = CheckDialog(corpus / "good" / "golf-rt-minimum-2004-3rd.zip", worker, idle=10.0)
        dialog.show()
        dialog.start()
        qtbot.waitUntil(lambda: dialog.runner is not None and any(s.busy for s in dialog.runner._slots),
                        timeout=60000)
        tmp = dialog.runner._tmp
        dialog.close()
        assert dialog.runner is None
        qtbot.waitUntil(lambda: not tmp.exists(), timeout=30000)  # the throwaway folder is gone
        qtbot.wait(500)  # late answers of the stopped runs find nothing to act on
    finally:
        worker.drain()
        worker.shutdown()
