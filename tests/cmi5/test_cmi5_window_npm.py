"""An AU written for the test with the third-party cmi5 client `@xapi/cmi5` (npm; tests/data/crafted/cmi5_npm_au.py),
played in the player window on real QtWebEngine: its launch parameters, fetch, LMS.LaunchData, learner preferences,
state document and statements come from code nobody here wrote, and must all be answered as an LMS and an LRS must.
The learner presses Finish; the AU sends its statements, terminates and goes to its returnURL, which closes the
window. The library is installed by scripts/setup-cmi5-client.sh (scripts/test runs it); the test skips only when npm
itself is not there."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from data.crafted import cmi5_npm_au
from scorm_desktop.cmi5 import vocab as v
from scorm_desktop.storage.models import LrsDocument, LrsStatement

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def bundle() -> Path:
    if not cmi5_npm_au.BUNDLE.is_file():
        if shutil.which("npm") is None:
            pytest.skip("npm is not installed: @xapi/cmi5 cannot be installed (scripts/setup-cmi5-client.sh)")
        subprocess.run([str(cmi5_npm_au.ROOT / "scripts" / "setup-cmi5-client.sh")], check=True, timeout=600)
    assert cmi5_npm_au.BUNDLE.is_file(), "scripts/setup-cmi5-client.sh did not install @xapi/cmi5"
    return cmi5_npm_au.BUNDLE


def test_an_au_built_on_xapi_cmi5_plays_in_the_window(qtbot, tmp_path: Path, bundle: Path) -> None:
    from scorm_desktop.paths import DataPaths
    from scorm_desktop.services import open_services
    from scorm_desktop.ui.webenv import WebEnv, delete_now
    from scorm_desktop.ui.xapi_window import XapiWindow

    svc = open_services(DataPaths(tmp_path / "data"), with_sample=False)
    env = WebEnv(svc)
    win = None
    try:
        course = svc.library.import_package(cmi5_npm_au.build(tmp_path, bundle)).course
        assert course.standard == "cmi5"
        win = XapiWindow(svc, env, learner="Ana")
        win.unattended = True
        closed: list[int] = []
        win.finished.connect(lambda: closed.append(1))
        win.open_course(course.id)
        win.show()
        qtbot.waitUntil(lambda: win.au is not None and win.au.page is not None, timeout=30_000)
        launch = win.au.launch
        assert launch.launch_method == "OwnWindow"  # played in the player window, its own

        def js(script: str):
            box: dict = {}
            win.au.page.runJavaScript(script, 0, lambda r: box.setdefault("r", r))
            qtbot.waitUntil(lambda: "r" in box, timeout=30_000)
            return box["r"]

        def au() -> dict:
            return json.loads(js("JSON.stringify({state: window.au && window.au.state, error: window.au && "
                                 "window.au.error, bookmark: window.au && window.au.bookmark, "
                                 "preferences: window.au && window.au.preferences, "
                                 "mode: document.getElementById('mode') && "
                                 "document.getElementById('mode').textContent})") or "{}")

        try:
            qtbot.waitUntil(lambda: au().get("state") in ("ready", "error"), timeout=60_000)
        except Exception:
            raise AssertionError(f"the AU did not start: {au()}") from None
        seen = au()
        assert seen["state"] == "ready", seen
        assert seen["mode"] == "Normal" and seen["bookmark"] == {"page": 2}, seen
        assert seen["preferences"].get("languagePreference"), seen
        # as a learner: press Finish; the AU sends its statements, terminates and goes to its returnURL
        js("document.getElementById('finish').click(); 1")
        try:
            qtbot.waitUntil(lambda: closed == [1], timeout=30_000)
        except Exception:
            raise AssertionError(f"the window did not close: {au()}") from None
        with svc.sessions() as s:
            bodies = [json.loads(b) for b in s.scalars(select(LrsStatement.body).order_by(LrsStatement.pk))]
            bookmark = s.scalars(select(LrsDocument).where(LrsDocument.doc_id == "bookmark")).all()
        verbs = [b["verb"]["id"].rsplit("/", 1)[-1] for b in bodies]
        assert verbs[:2] == ["launched", "initialized"], verbs
        for verb in ("progressed", "passed", "completed", "terminated", "satisfied"):
            assert verbs.count(verb) == 1, verbs
        assert verbs.index("passed") < verbs.index("terminated") and "abandoned" not in verbs, verbs
        passed = next(b for b in bodies if b["verb"]["id"] == v.PASSED)
        assert passed["result"]["score"]["scaled"] == 0.9
        assert passed["context"]["extensions"][v.EXT_SESSION] == launch.key  # the context template was used
        assert len(bookmark) == 1
        summary = svc.records.summaries(learner_id=svc.records.learner("Ana").id, course_id=course.id)[0]
        assert summary["label"] == "passed" and summary["score"] == 0.9, summary
    finally:
        if win is not None:
            if not win._closing_done:
                win.close()
                qtbot.waitUntil(lambda: win._closing_done, timeout=30_000)
            delete_now(win)
        env.shutdown()
        svc.close()
