"""cmi5 courses in the player WINDOW (issue 15), real parts only: the CATAPULT examples of the corpus, unchanged, in
`XapiWindow` on real QtWebEngine (offscreen), served by the same `course://` scheme and learner profile as SCORM
content, talking to the loopback LRS over SQLite. Driven as a learner would: answer the quiz, press Exit (the AU
then goes to its returnURL, which closes the window back to the library), pick another AU in the contents, close the
window. Also `scorm-desktop play COURSE` as a process: the window, then SIGTERM (log-out) ends it as a close does."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from scorm_desktop.cmi5 import vocab as v
from scorm_desktop.cmi5.lms import Cmi5LMS, actor_for, structure_of
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from scorm_desktop.storage.models import LrsStatement

ROOT = Path(__file__).resolve().parent.parents[1]


@pytest.fixture
def rig(qtbot, tmp_path: Path):
    """(services, env, make_window): windows are closed (their AU ended) and torn down in Chromium's order."""
    from scorm_desktop.ui.webenv import WebEnv, delete_now
    from scorm_desktop.ui.xapi_window import XapiWindow

    svc = open_services(DataPaths(tmp_path / "data"), with_sample=False)
    env = WebEnv(svc)
    made: list[XapiWindow] = []

    def make(course_id: int, learner: str = "Ana", item: str | None = None) -> XapiWindow:
        win = XapiWindow(svc, env, learner=learner)
        win.unattended = True
        win.resize(1100, 760)
        win.finished_count = 0
        win.finished.connect(lambda: setattr(win, "finished_count", win.finished_count + 1))
        made.append(win)
        win.open_course(course_id, item)
        win.show()
        qtbot.waitUntil(lambda: win.au is not None and win.au.page is not None, timeout=30_000)
        return win

    yield svc, env, make
    for win in made:
        if not win._closing_done:
            win.close()
            qtbot.waitUntil(lambda w=win: w._closing_done, timeout=30_000)
        delete_now(win)
    env.shutdown()
    svc.close()


def statements(svc) -> list[dict]:
    with svc.sessions() as s:
        return [json.loads(b) for b in s.scalars(select(LrsStatement.body).order_by(LrsStatement.pk))]


def verbs(svc, session: str | None = None) -> list[str]:
    return [st["verb"]["id"] for st in statements(svc)
            if session is None or (st.get("context", {}).get("extensions") or {}).get(v.EXT_SESSION) == session]


def js(qtbot, win, script: str):
    box: dict = {}
    win.au.page.runJavaScript(script, 0, lambda r: box.setdefault("r", r))
    qtbot.waitUntil(lambda: "r" in box, timeout=30_000)
    return box["r"]


def test_a_catapult_au_plays_in_the_window_and_its_return_url_closes_it(qtbot, rig, corpus: Path) -> None:
    svc, env, make = rig
    course = svc.library.import_package(corpus / "good" / "catapult-cmi5-single-au-basic-framed.zip").course
    win = make(course.id)
    launch = win.au.launch
    assert launch.return_url and launch.url.startswith(f"course://c{course.id}/")
    assert not win.side.isVisible()  # one AU: no contents to choose from
    # "launched" is stored before the AU's page loads; the AU then fetches its token and initializes
    qtbot.waitUntil(lambda: v.INITIALIZED in verbs(svc), timeout=60_000)
    assert verbs(svc)[:2] == [v.LAUNCHED, v.INITIALIZED]
    # the LaunchData the AU reads has the returnURL this window intercepts
    fetched = js(qtbot, win, "JSON.stringify(course.trackingPlugin.cmi5.getLaunchData ? "
                             "course.trackingPlugin.cmi5.getLaunchData() : null)")
    if fetched not in (None, "null"):
        assert json.loads(fetched).get("returnURL") == launch.return_url
    # as a learner: open the quiz from the menu, answer it, submit, wait for Exit, press it
    qtbot.waitUntil(lambda: js(qtbot, win, "[...document.querySelectorAll('#navmenuitems li')]"
                                           ".some(li => li.textContent.trim() === 'Quiz')"), timeout=60_000)
    js(qtbot, win, "(() => { const li = [...document.querySelectorAll('#navmenuitems li')]"
                   ".find(li => li.textContent.trim() === 'Quiz'); (li.querySelector('a, button, span') || li)"
                   ".click(); return 1; })()")
    qtbot.waitUntil(lambda: js(qtbot, win, "!!document.querySelector(\"button[onclick='course.autopass()']\")"),
                    timeout=60_000)
    js(qtbot, win, "document.querySelector(\"button[onclick='course.autopass()']\").click(); 1")
    js(qtbot, win, "document.querySelector(\"button[onclick='course.submitAnswers()']\").click(); 1")
    qtbot.waitUntil(lambda: v.COMPLETED in verbs(svc), timeout=30_000)
    qtbot.waitUntil(lambda: js(qtbot, win, "(b => b.length > 0 && b.every(x => !x.disabled))([...document.querySelectorAll('.exit-button')])"),
                    timeout=60_000)
    js(qtbot, win, "document.querySelector('.exit-button').click(); 1")
    # terminated, then the AU goes to its returnURL: the window closes itself, back to the library
    qtbot.waitUntil(lambda: win.finished_count == 1, timeout=30_000)
    got = verbs(svc)
    assert got[:2] == [v.LAUNCHED, v.INITIALIZED] and v.TERMINATED in got, got
    assert got.count(v.PASSED) == got.count(v.COMPLETED) == got.count(v.TERMINATED) == 1, got
    assert v.ABANDONED not in got, got  # it terminated: closing adds nothing
    assert not win.isVisible()
    # the per-launch access to the loopback LRS is withdrawn with the AU, and its files are no longer served
    port = int(launch.return_url.split(":")[2].split("/")[0])
    assert env.policy.refusal("http", "127.0.0.1", "/xapi/statements", f"course://c{course.id}",
                              launch.url, False, port) is not None
    assert not env.policy.is_open(f"c{course.id}")
    summary = svc.records.summaries(learner_id=svc.records.learner("Ana").id, course_id=course.id)[0]
    assert summary["label"] == "passed", summary


def test_multi_au_contents_show_each_status_and_closing_without_terminate_abandons_once(qtbot, rig,
                                                                                       corpus: Path) -> None:
    svc, env, make = rig
    course = svc.library.import_package(corpus / "good" / "catapult-cmi5-multi-au-framed.zip").course
    structure = structure_of(course.manifest.course_structure)
    aus = [au.id for au in structure.aus()]
    learner = svc.records.learner("Ana")
    _, registration = svc.records.current_attempt(learner.id, course.id)
    # the learner is exempted from the second AU before they start
    assert Cmi5LMS(svc.sessions, "", "").waive(structure, aus[1], actor_for(learner.uid, learner.name), registration)
    win = make(course.id)
    assert win.side.isVisible()
    assert [win.row_for(a) is not None for a in aus] == [True] * len(aus)
    assert win.row_for(aus[1]).data(0, 0x0101) == "waived"
    assert "Waived" in win.row_for(aus[1]).toolTip(0)
    # the first AU not done is launched; its page passes it on launch
    first = win.au.launch
    assert win._current_item == aus[0]
    qtbot.waitUntil(lambda: v.PASSED in verbs(svc, first.key), timeout=60_000)
    qtbot.waitUntil(lambda: win.row_for(aus[0]).data(0, 0x0101) == "incomplete" or v.TERMINATED in verbs(svc),
                    timeout=30_000)
    # the learner picks the third AU in the contents: the first ends without "terminated" -> abandoned, once
    win._choose(win.row_for(aus[2]))
    qtbot.waitUntil(lambda: win.au.launch is not None and win.au.launch.key != first.key, timeout=30_000)
    third = win.au.launch
    assert verbs(svc, first.key).count(v.ABANDONED) == 1
    qtbot.waitUntil(lambda: v.INITIALIZED in verbs(svc, third.key), timeout=60_000)
    qtbot.waitUntil(lambda: win.row_for(aus[0]).data(0, 0x0101) == "passed", timeout=30_000)
    # closing the window ends the third AU's session: abandoned once, nothing more for the first
    win.close()
    qtbot.waitUntil(lambda: win.finished_count == 1, timeout=30_000)
    assert verbs(svc, third.key).count(v.ABANDONED) == 1
    assert verbs(svc, first.key).count(v.ABANDONED) == 1
    assert verbs(svc).count(v.ABANDONED) == 2
    assert verbs(svc).count(v.WAIVED) == 1
    assert not env.policy.is_open(f"c{course.id}")


def test_play_opens_the_cmi5_window_and_sigterm_ends_the_au_as_a_close(tmp_path: Path, corpus: Path) -> None:
    """`scorm-desktop play COURSE` no longer refuses a cmi5 course: the window launches it, and the log-out's SIGTERM
    closes it the normal way, so the AU's session is abandoned once and the process exits 0."""
    data = tmp_path / "cli"
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    run = [sys.executable, "-m", "scorm_desktop", "--data-dir", str(data)]
    imp = subprocess.run(run + ["import", "--json", str(corpus / "good" / "catapult-cmi5-single-au-basic-framed.zip")],
                         capture_output=True, text=True, env=env, timeout=120)
    course_id = json.loads(imp.stdout.splitlines()[0])["course"]["id"]
    proc = subprocess.Popen(run + ["play", str(course_id)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)

    def seen() -> list[str]:
        try:
            with sqlite3.connect(f"file:{data / 'library.sqlite3'}?mode=ro", uri=True, timeout=5) as db:
                return [r[0] for r in db.execute("SELECT verb_id FROM lrs_statements ORDER BY pk")]
        except sqlite3.Error:
            return []

    try:
        deadline = time.monotonic() + 90
        while v.INITIALIZED not in seen() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.5)
        assert v.INITIALIZED in seen(), proc.poll()
        os.kill(proc.pid, signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    got = seen()
    assert got[:2] == [v.LAUNCHED, v.INITIALIZED] and got.count(v.ABANDONED) == 1, got


def test_a_dispatched_cmi5_course_is_launched_under_its_licence(qtbot, rig, tmp_path: Path, corpus: Path) -> None:
    """The licence check SCORM launches go through (dispatch.store.admit_launch) counts a cmi5 launch too, and refuses
    the one past the cap before anything is recorded: the window says why in one sentence."""
    svc, env, make = rig

    def cli(data: Path, *args: str) -> str:
        full = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
        full.pop("SCORM_DESKTOP_DATA", None)
        r = subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", str(data), *args], cwd=ROOT,
                           env=full, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stdout + r.stderr
        return r.stdout

    issuer = tmp_path / "issuer"
    issued_id = cli(issuer, "import", str(corpus / "good" / "catapult-cmi5-single-au-basic-framed.zip")).strip()
    out = tmp_path / "geology.sddispatch"
    cli(issuer, "dispatch", "create", issued_id, "--to", "Field site A", "--max-launches", "1", "--out", str(out))
    cli(issuer, "dispatch", "key", "--out", str(tmp_path / "issuer.key"))
    from scorm_desktop.dispatch.receive import import_if_dispatch
    from scorm_desktop.dispatch.store import read_key_file, trust

    trust(svc.sessions, read_key_file(tmp_path / "issuer.key"))
    course = import_if_dispatch(svc.library, out).course
    assert course.standard == "cmi5"
    win = make(course.id)
    qtbot.waitUntil(lambda: v.INITIALIZED in verbs(svc), timeout=60_000)
    win.close()
    qtbot.waitUntil(lambda: win.finished_count == 1, timeout=30_000)
    launched = verbs(svc).count(v.LAUNCHED)
    assert launched == 1
    # the second launch is past the licence's one: refused, said in the window, nothing recorded
    from scorm_desktop.ui.xapi_window import XapiWindow

    again = XapiWindow(svc, env, learner="Ana")
    again.unattended = True
    again.open_course(course.id)
    qtbot.waitUntil(lambda: again.banner.isVisibleTo(again) and "licence" in again.banner.text(), timeout=30_000)
    assert "one launch" in again.banner.text()
    assert verbs(svc).count(v.LAUNCHED) == launched
    assert not env.policy.is_open(f"c{course.id}")
    again.close()
    qtbot.waitUntil(lambda: again._closing_done, timeout=30_000)
    from scorm_desktop.ui.webenv import delete_now

    delete_now(again)


def test_the_librarys_play_opens_a_cmi5_course_in_its_window(qtbot, tmp_path: Path, corpus: Path) -> None:
    """Play (a double-click) in the library picks XapiWindow for a cmi5 course; closing it abandons the AU once
    and the library's status column shows the course in progress."""
    from scorm_desktop.ui.main_window import MainWindow
    from scorm_desktop.ui.webenv import delete_now
    from scorm_desktop.ui.xapi_window import XapiWindow

    svc = open_services(DataPaths(tmp_path / "data", explicit=True), with_sample=False)
    win = MainWindow(svc)
    win.show()
    try:
        course = svc.library.import_package(corpus / "good" / "catapult-cmi5-single-au-basic-framed.zip").course
        win.refresh()

        def titles() -> list[str]:
            return [win.proxy.index(r, 0).data() for r in range(win.proxy.rowCount())]

        qtbot.waitUntil(lambda: course.title in titles(), timeout=30_000)
        row = titles().index(course.title)
        win.table.doubleClicked.emit(win.proxy.index(row, 0))
        qtbot.waitUntil(lambda: win.player_window is not None, timeout=5_000)
        player = win.player_window
        assert isinstance(player, XapiWindow)
        player.unattended = True
        qtbot.waitUntil(lambda: v.INITIALIZED in verbs(svc), timeout=60_000)
        with qtbot.waitSignal(player.finished, timeout=30_000):
            player.close()
        qtbot.waitUntil(lambda: win.player_window is None, timeout=5_000)
        assert verbs(svc).count(v.ABANDONED) == 1
        qtbot.waitUntil(lambda: win.proxy.index(titles().index(course.title), 2).data() == "in progress",
                        timeout=30_000)
    finally:
        if win.player_window is not None:
            with qtbot.waitSignal(win.player_window.finished, timeout=30_000):
                win.player_window.close()
        win.close()
        win.dispose()
        delete_now(win)
        svc.close()


def test_a_tin_can_course_plays_in_the_window_from_the_loopback_server(qtbot, rig, corpus: Path) -> None:
    """The Tin Can golf example in the window: its pages come from the loopback server (TinCanJS needs http), which
    the AU's page accepts as its own; closing the window ends the launch's credential."""
    svc, env, make = rig
    course = svc.library.import_package(corpus / "good" / "tincan-golf-example.zip").course
    win = make(course.id)
    launch = win.au.launch
    assert launch.standard == "xapi" and launch.url.startswith(win.service.origin + "/")
    assert not win.side.isVisible()
    qtbot.waitUntil(lambda: {"initialized", "attempted"} <= {u.rsplit("/", 1)[-1] for u in verbs(svc)}, timeout=60_000)
    win.close()
    qtbot.waitUntil(lambda: win.finished_count == 1, timeout=30_000)
    assert win.service.tincan.authenticate(f"Basic {launch.key}") is None  # the launch's credential is gone


def test_closing_while_switching_aus_closes_and_leaves_no_session_open(qtbot, rig, corpus: Path) -> None:
    svc, env, make = rig
    course = svc.library.import_package(corpus / "good" / "catapult-cmi5-multi-au-framed.zip").course
    aus = [au.id for au in structure_of(course.manifest.course_structure).aus()]
    win = make(course.id)
    qtbot.waitUntil(lambda: v.INITIALIZED in verbs(svc), timeout=60_000)
    win._choose(win.row_for(aus[3]))
    win._choose(win.row_for(aus[4]))  # a second choice while the first AU is still ending changes nothing
    win.close()
    qtbot.waitUntil(lambda: win.finished_count == 1, timeout=30_000)
    from scorm_desktop.storage.models import Cmi5Session

    with svc.sessions() as s:
        states = {row.au_id: row.state for row in s.scalars(select(Cmi5Session))}
    assert states == {aus[0]: "abandoned"}, states  # the chosen AU was not started once the window was closing
    assert verbs(svc).count(v.ABANDONED) == 1
