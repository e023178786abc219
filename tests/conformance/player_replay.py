"""Replay ADL's conformance cases through the real player (ui/player.py `Player`, QtWebEngine offscreen).

One player, one web view and one data folder serve every case (each case is its own course, so its own origin and
its own replay counter). For each case: import the package (manifest + our replay page), open it (start, or a first
choice), then, launch by launch, read what the replay page reported, compare it with the script, and do what the
tester would (a navigation request, or close and reopen the course for a relaunch).
"""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from adl_cases import AFTER_END_CHOICE, RELAUNCH_CHOICE, Case, check_launch, relaunches, tester_request, write_package

WAIT_MS = 15000


@dataclass
class CaseResult:
    name: str
    exact: bool
    launched: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


class PlayerReplay:
    def __init__(self, qtbot, data: Path, player_factory):
        from scorm_desktop.paths import DataPaths
        from scorm_desktop.services import open_services

        self.qtbot = qtbot
        self.services = open_services(DataPaths(data, explicit=True), with_sample=False)
        self.player = player_factory(self.services)
        self.player.auto_continue = False
        self.player.unload_grace_ms = 0  # the replay SCO has no unload handlers to wait for
        self.reports: list[dict] = []
        self.ended: list[str] = []
        self.waits = 0
        self.failures: list[str] = []
        self.player.consoleMessage.connect(self._console)
        self.player.courseEnded.connect(self.ended.append)
        self.player.waiting.connect(self._waiting)
        self.player.navMessage.connect(self._waiting)
        self.player.failed.connect(self.failures.append)
        self.packages = Path(tempfile.mkdtemp(prefix="adl-packages-", dir=str(data.parent)))

    def _console(self, level, text, src, line) -> None:
        if text.startswith("ADLREPLAY "):
            self.reports.append(json.loads(text[len("ADLREPLAY "):]))

    def _waiting(self, *_args) -> None:
        self.waits += 1

    def _wait(self, cond, ms: int = WAIT_MS) -> bool:
        try:
            self.qtbot.waitUntil(cond, timeout=ms)
            return True
        except Exception:  # noqa: BLE001 - pytest-qt raises its own TimeoutError type
            return False

    def _settled(self, marks) -> bool:
        """Something happened since `marks`: a report, the course ended, the player waits, or it failed."""
        return (len(self.reports), len(self.ended), self.waits, len(self.failures)) != marks

    def _marks(self):
        return (len(self.reports), len(self.ended), self.waits, len(self.failures))

    def close_course(self) -> None:
        if self.player.course_over:
            return
        n = len(self.ended)
        self.player.close("closed")
        self._wait(lambda: len(self.ended) > n or self.player.course_over, 10000)

    def run(self, case: Case) -> CaseResult:
        t0 = time.monotonic()
        result = CaseResult(case.name, False)
        folder = write_package(case, self.packages / case.name)
        course = self.services.library.import_package(folder).course.id
        titles = case.titles()
        self.reports.clear()
        self.ended.clear()
        self.failures.clear()
        start_item = titles.get(case.start) if case.start != "." else None
        marks = self._marks()
        self.player.open(course, start_item)
        problems = result.problems
        for i, launch in enumerate(case.launches):
            if not self._wait(lambda: len(self.reports) > i or self.failures
                              or (len(self.ended) > marks[1] and len(self.reports) <= i)
                              or (self.waits > marks[2] and len(self.reports) <= i)):
                problems.append(f"launch {i + 1}: nothing happened (expected Activity {launch.act})")
                break
            if len(self.reports) <= i:
                # the course ended, or waits for a learner the script does not have
                what = "the player failed: " + self.failures[-1] if self.failures else \
                    "the course ended" if len(self.ended) > marks[1] else "the player waits for the learner"
                problems.append(f"launch {i + 1}: expected Activity {launch.act}, {what}")
                break
            report = self.reports[i]
            result.launched.append(report["act"])
            if report.get("mismatch"):
                problems.append(f"launch {i + 1}: Activity {report['act']} delivered, expected Activity {launch.act}")
                break
            for p in check_launch(launch, report["results"]):
                problems.append(f"launch {i + 1} (Activity {launch.act}): {p}")
            marks = self._marks()
            cui = launch.cui
            request = tester_request(cui)
            if request is not None:
                # the SCO is still running: the tester's button or choice ends it, and wins over its adl.nav.request
                name, title = request
                target = titles.get(title) if title else None
                if name == "suspendAll":
                    self.player.navigate("suspendAll")
                    self._wait(lambda: self.player.course_over, 10000)
                    self.close_course()
                    marks = self._marks()
                    self.player.open(course)
                    continue
                self.player.navigate(name, target)
                if not relaunches(cui):
                    continue
            if cui in AFTER_END_CHOICE:
                # the SCO ended itself and the session goes on: the tester chooses in the contents
                if not self._wait(lambda: self._settled(marks)):
                    problems.append(f"after launch {i + 1}: no answer from navigation")
                    break
                marks = self._marks()
                self.player.navigate("choice", titles.get(AFTER_END_CHOICE[cui]))
                continue
            if relaunches(cui):
                # the SCO ended itself; the tester leaves the course and opens it again
                if not self._wait(lambda: self._settled(marks)):
                    problems.append(f"after launch {i + 1}: no answer from navigation")
                    break
                self.close_course()
                marks = self._marks()
                again = RELAUNCH_CHOICE.get(cui)
                self.player.open(course, titles.get(again) if again else None)
        else:
            # every scripted launch happened: nothing more may be launched
            marks = self._marks()
            self._wait(lambda: self._settled(marks) or self.player.course_over, 1500)
            if len(self.reports) > len(case.launches):
                extra = self.reports[len(case.launches)]
                problems.append(f"an extra launch of Activity {extra['act']} after the script's end")
        self.close_course()
        result.exact = not problems
        result.seconds = time.monotonic() - t0
        return result
