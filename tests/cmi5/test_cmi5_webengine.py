"""The CATAPULT cmi5 course of the corpus, unchanged, plays in real QtWebEngine (offscreen) from its course://
origin against the local LRS on loopback: its own cmi5 library fetches the token, reads LMS.LaunchData, sends
initialized, passed and completed once the learner passes the quiz, and terminated when the learner presses Exit; the LMS then records satisfied and the
course's status is passed. Nothing is mocked: the page, the scheme handler, the HTTP server and SQLite are real."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from scorm_desktop.cmi5 import vocab as v
from scorm_desktop.cmi5.lms import Cmi5LMS, actor_for, registration_status, structure_of
from scorm_desktop.lrs import LRS
from scorm_desktop.lrs.server import LoopbackLRS
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services
from scorm_desktop.storage.models import OutboxStatement


def test_catapult_au_plays_through_the_local_lrs(qtbot, tmp_path: Path, corpus: Path) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineCore import QWebEnginePage
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from scorm_desktop.bridge.scheme import content_url, host_for
    from scorm_desktop.ui.webenv import WebEnv, delete_now

    class Page(QWebEnginePage):
        lines: list[str] = []

        def javaScriptConsoleMessage(self, level, message, line, source) -> None:  # noqa: N802
            self.lines.append(f"{source}:{line}: {message}")

        def javaScriptAlert(self, origin, message) -> None:  # noqa: N802
            self.lines.append(f"alert: {message}")

        def javaScriptConfirm(self, origin, message) -> bool:  # noqa: N802
            return True

    svc = open_services(DataPaths(tmp_path / "data"), with_sample=False)
    server = LoopbackLRS(LRS(svc.sessions, lambda _: None))
    lms = Cmi5LMS(svc.sessions, server.endpoint, server.fetch_base)
    server.lrs.authenticate, server.fetch = lms.authenticate, lms.fetch
    server.start()
    env = view = page = None
    try:
        course = svc.library.import_package(corpus / "good" / "catapult-cmi5-single-au-basic-framed.zip").course
        server.lrs.allowed_origins.add(f"course://{host_for(course.id)}")
        learner = svc.records.learner("Ana")
        _, registration = svc.records.current_attempt(learner.id, course.id)
        structure = structure_of(course.manifest.course_structure)
        item = course.manifest.launchable_items()[0]
        launch = lms.launch(structure, item.identifier, content_url(course.id, course.manifest.launch_url(item)),
                            actor_for(learner.uid, learner.name), registration, course_id=course.id,
                            learner_id=learner.id)
        env = WebEnv(svc)
        env.handler.set_course_root(course.id, course.folder)
        env.handler.policy.allow_service(server.base, host_for(course.id))  # as the player does for its local LRS
        view = QWebEngineView()
        page = Page(env.profile_for(learner.uid), view)
        view.setPage(page)
        view.resize(1000, 700)

        def verbs() -> list[str]:
            with svc.sessions() as s:
                return [json.loads(b)["verb"]["id"] for b in
                        s.scalars(select(OutboxStatement.body).order_by(OutboxStatement.id))]

        view.load(QUrl(launch.url))

        def js(script: str):
            box: dict = {}
            page.runJavaScript(script, 0, lambda r: box.setdefault("r", r))
            qtbot.waitUntil(lambda: "r" in box, timeout=10_000)
            return box["r"]

        def failure(what: str) -> AssertionError:
            with svc.sessions() as s:
                bodies = list(s.scalars(select(OutboxStatement.body).order_by(OutboxStatement.id)))
            return AssertionError(f"{what}; statements {bodies}; console {Page.lines}")

        # as a learner: wait for the course, open the quiz from the menu, answer it correctly, submit, exit
        try:
            qtbot.waitUntil(lambda: v.INITIALIZED in verbs(), timeout=60_000)
            qtbot.waitUntil(lambda: js("[...document.querySelectorAll('#navmenuitems li')]"
                                       ".some(li => li.textContent.trim() === 'Quiz')"), timeout=20_000)
        except Exception:
            raise failure("the AU did not start") from None
        # a click that lands before the course binds its menu does nothing, so click again as a learner would
        quiz = "[...document.querySelectorAll('#navmenuitems li')].find(li => li.textContent.trim() === 'Quiz')"
        click = f"(({quiz}).querySelector('a, button, span') || {quiz}).click(); 1"
        on_quiz = "!!document.querySelector(\"button[onclick='course.autopass()']\")"
        for _ in range(5):
            js(click)
            try:
                qtbot.waitUntil(lambda: js(on_quiz), timeout=5_000)
                break
            except Exception:
                continue
        else:
            raise failure("the quiz did not open after five clicks on its menu item")
        js("document.querySelector(\"button[onclick='course.autopass()']\").click(); 1")
        js("document.querySelector(\"button[onclick='course.submitAnswers()']\").click(); 1")
        try:
            qtbot.waitUntil(lambda: v.COMPLETED in verbs(), timeout=30_000)
        except Exception:
            raise failure("the AU did not complete") from None
        # Exit is disabled while the course still sends statements; a learner waits for it too
        try:
            qtbot.waitUntil(lambda: js("[...document.querySelectorAll('.exit-button')].every(b => !b.disabled)"),
                            timeout=20_000)
        except Exception:
            Page.lines.append(js("JSON.stringify([course.trackingPlugin.activeStatements, course.trackingPlugin.statementBatch.length, [...document.querySelectorAll('.exit-button')].map(b => b.disabled)])"))
            raise failure("Exit stayed disabled") from None
        js("document.querySelector('.exit-button').click(); 1")
        try:
            qtbot.waitUntil(lambda: v.TERMINATED in verbs(), timeout=30_000)
        except Exception:
            raise failure("the AU did not terminate") from None
        got = verbs()
        assert got[:2] == [v.LAUNCHED, v.INITIALIZED] and got[-1] == v.TERMINATED, got
        assert got.count(v.PASSED) == got.count(v.COMPLETED) == got.count(v.SATISFIED) == 1, got
        status = registration_status(svc.sessions, structure, registration)
        assert status["label"] == "passed" and status["satisfied"] and status["score"] == 1.0, status
        assert lms.end_session(launch.session_id) == "terminated"  # the player closing adds no "abandoned"
        assert v.ABANDONED not in verbs()
    finally:
        for obj in (view, page):
            if obj is not None:
                delete_now(obj)
        if env is not None:
            env.shutdown()
        server.stop()
        svc.close()


def test_tincan_golf_sends_its_statements_through_the_local_lrs(qtbot, tmp_path: Path, corpus: Path) -> None:
    """The corpus Tin Can golf example, unchanged (TinCanJS with synchronous XHR), launched per the Rustici
    convention by the player service. TinCanJS refuses page URLs that are not http(s), so the service serves Tin Can
    content from the loopback server (the page is then on the LRS's own origin)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineCore import QWebEnginePage
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from scorm_desktop.bridge.scheme import content_url, host_for
    from scorm_desktop.cmi5.service import XapiPlayerService
    from scorm_desktop.ui.webenv import WebEnv, delete_now

    svc = open_services(DataPaths(tmp_path / "data"), with_sample=False)
    player = XapiPlayerService(svc)
    env = view = page = None
    try:
        course = svc.library.import_package(corpus / "good" / "tincan-golf-example.zip").course
        learner = svc.records.learner("Ana")
        launch = player.launch(course, learner, None, lambda rel: content_url(course.id, rel),
                               f"course://{host_for(course.id)}")
        env = WebEnv(svc)
        env.handler.set_course_root(course.id, course.folder)
        env.handler.policy.allow_service(player.origin, host_for(course.id))  # as the player does for its local LRS
        view = QWebEngineView()
        lines: list[str] = []

        class Page(QWebEnginePage):
            def javaScriptConsoleMessage(self, level, message, line, source) -> None:  # noqa: N802
                lines.append(f"{source}:{line}: {message}")

        page = Page(env.profile_for(learner.uid), view)
        view.setPage(page)

        def verbs() -> set[str]:
            with svc.sessions() as s:
                return {json.loads(b)["verb"]["id"].rsplit("/", 1)[-1] for b in s.scalars(select(OutboxStatement.body))}

        view.load(QUrl(launch.url))
        try:
            qtbot.waitUntil(lambda: {"initialized", "attempted"} <= verbs(), timeout=60_000)
        except Exception:
            raise AssertionError(f"golf sent {verbs()}; console {lines}") from None
        player.end(launch)
    finally:
        for obj in (view, page):
            if obj is not None:
                delete_now(obj)
        if env is not None:
            env.shutdown()
        player.close()
        svc.close()
