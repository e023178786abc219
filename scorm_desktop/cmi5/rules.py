"""The cmi5 rules an LMS enforces on what an AU sends, and what it concludes from it (moveOn, satisfaction).

`SessionPolicy` is the LRS policy for one AU session (scorm_desktop/lrs/core.py `Policy`): it refuses, with 403 and
the reason the AU sees, a statement from a session that ended, for another actor, without the session's context
template, out of order (initialized first, terminated last, no verb twice), a second completed or passed in the
registration, failed after passed, passed/failed/completed outside Normal mode, a score on the wrong side of the
masteryScore, a voiding statement, or a document the LMS owns. After storing, it moves the session on and records
"satisfied" for every block and the course whose AUs now all meet their moveOn.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from ..lrs.http import HttpError, Request
from ..lrs.validate import agent_key
from ..package.course_structure import AU, Block, CourseStructure
from ..storage.db import utcnow
from ..storage.models import Cmi5Session, LrsStatement
from . import vocab as v

ENDED = ("terminated", "abandoned")


def _refuse(reason: str) -> None:
    raise HttpError(403, reason)


def _categories(st: dict) -> set[str]:
    cats = ((st.get("context") or {}).get("contextActivities") or {}).get("category") or []
    return {c.get("id") for c in (cats if isinstance(cats, list) else [cats])}


def _grouping(st: dict) -> set[str]:
    groups = ((st.get("context") or {}).get("contextActivities") or {}).get("grouping") or []
    return {c.get("id") for c in (groups if isinstance(groups, list) else [groups])}


def is_cmi5_defined(st: dict) -> bool:
    return v.CATEGORY_CMI5 in _categories(st)


@dataclass
class AuFacts:
    """What the registration's statements say about one AU (its LMS activity id)."""

    completed: bool = False
    passed: bool = False
    failed: bool = False
    waived: bool = False
    score: float | None = None
    progress: float | None = None
    seconds: float = 0.0
    launched: bool = False
    last_activity: str | None = None
    verbs: list[str] = field(default_factory=list)


def au_facts(s, registration: str, activity_id: str) -> AuFacts:
    from ..cmi.timefmt import parse_duration

    facts = AuFacts()
    rows = s.execute(
        select(LrsStatement.verb_id, LrsStatement.body, LrsStatement.stored)
        .where(LrsStatement.registration == registration, LrsStatement.activity_id == activity_id,
               LrsStatement.voided == 0)
        .order_by(LrsStatement.pk)
    )
    for verb, body, stored in rows:
        st = json.loads(body)
        result = st.get("result") or {}
        facts.last_activity = stored
        facts.verbs.append(verb)
        if verb == v.LAUNCHED:
            facts.launched = True
        if not is_cmi5_defined(st):
            progress = (result.get("extensions") or {}).get(v.EXT_PROGRESS)
            if isinstance(progress, (int, float)) and not isinstance(progress, bool):
                facts.progress = max(0.0, min(1.0, progress / 100))
            continue
        if verb == v.COMPLETED:
            facts.completed = True
            facts.progress = 1.0
        elif verb == v.PASSED:
            facts.passed = True
        elif verb == v.FAILED:
            facts.failed = True
        elif verb == v.WAIVED:
            facts.waived = True
        if verb in (v.PASSED, v.FAILED) and isinstance((result.get("score") or {}).get("scaled"), (int, float)):
            facts.score = float(result["score"]["scaled"])
        if verb in (v.TERMINATED, v.ABANDONED) and isinstance(result.get("duration"), str):
            try:
                facts.seconds += parse_duration(result["duration"]) / 100
            except ValueError:
                pass
        progress = (result.get("extensions") or {}).get(v.EXT_PROGRESS)
        if verb not in (v.COMPLETED,) and isinstance(progress, (int, float)) and not isinstance(progress, bool):
            facts.progress = max(facts.progress or 0.0, min(1.0, progress / 100))
    return facts


def meets_move_on(move_on: str, facts: AuFacts) -> bool:
    if facts.waived or move_on == "NotApplicable":
        return True
    return {
        "Passed": facts.passed,
        "Completed": facts.completed,
        "CompletedAndPassed": facts.completed and facts.passed,
        "CompletedOrPassed": facts.completed or facts.passed,
    }.get(move_on, False)


class SessionPolicy:
    """The LRS policy for one cmi5 AU session (see the module's docstring)."""

    def __init__(self, lms: Any, session_id: str) -> None:
        self.lms = lms
        self.session_id = session_id

    def _session(self, s) -> Cmi5Session:
        row = s.get(Cmi5Session, self.session_id)
        if row is None:
            _refuse("This AU session is unknown to the LMS.")
        return row

    # -- documents -----------------------------------------------------------------------------------------------
    def check_document(self, s, req: Request, kind: str) -> None:
        row = self._session(s)
        if row.state in ENDED and req.method != "GET":
            _refuse(f"The AU session has ended ({row.state}); nothing more is recorded for it.")
        if kind == "state" and req.query.get("stateId") == v.LAUNCH_DATA and req.method != "GET":
            _refuse("LMS.LaunchData belongs to the LMS; an AU may read it, not change it.")

    # -- statements ----------------------------------------------------------------------------------------------
    def check_statements(self, s, statements: list[dict]) -> None:
        row = self._session(s)
        state = row.state
        actor = json.loads(row.actor_json)
        # the cmi5 defined verbs already used in this session and in this registration (for this AU)
        session_verbs: list[str] = []
        reg_verbs: set[str] = set()
        rows = s.execute(
            select(LrsStatement.verb_id, LrsStatement.body).where(
                LrsStatement.registration == row.registration, LrsStatement.activity_id == row.activity_id,
                LrsStatement.voided == 0).order_by(LrsStatement.pk)
        )
        for verb_id, body in rows:
            st = json.loads(body)
            if not is_cmi5_defined(st):
                continue
            reg_verbs.add(verb_id)
            if ((st.get("context") or {}).get("extensions") or {}).get(v.EXT_SESSION) == self.session_id:
                session_verbs.append(verb_id)
        for st in statements:
            verb = st["verb"]["id"]
            if state in ENDED:
                _refuse(f"The AU session has ended ({state}); no statement is accepted after it.")
            if verb == v.VOIDED:
                _refuse("An AU may not void statements.")
            if agent_key(st["actor"]) != agent_key(actor):
                _refuse("The statement's actor is not the learner this AU was launched for.")
            ctx = st.get("context") or {}
            if (ctx.get("registration") or "").lower() != row.registration:
                _refuse("The statement's context.registration is not the registration of this launch.")
            if (ctx.get("extensions") or {}).get(v.EXT_SESSION) != self.session_id:
                _refuse("The statement does not carry this session's id (the context template's sessionid extension).")
            if row.au_id not in _grouping(st):
                _refuse("The statement's contextActivities.grouping lacks the AU's publisher id from the context template.")
            if state == "launched" and verb != v.INITIALIZED:
                _refuse("The first statement of an AU session must be 'initialized'.")
            defined = is_cmi5_defined(st)
            if defined:
                self._check_defined(st, verb, row, session_verbs, reg_verbs)
            if verb == v.INITIALIZED:
                state = "initialized"
            elif verb == v.TERMINATED:
                state = "terminated"
            if defined:
                session_verbs.append(verb)
                reg_verbs.add(verb)

    def _check_defined(self, st: dict, verb: str, row: Cmi5Session, session_verbs: list[str], reg_verbs: set[str]) -> None:
        if verb in v.LMS_VERBS:
            _refuse(f"The verb {verb} is the LMS's to use, not the AU's.")
        if verb not in v.AU_VERBS:
            _refuse(f"The verb {verb} is not a cmi5 defined verb; send it without the cmi5 category.")
        if st["object"].get("id") != row.activity_id:
            _refuse("The statement's object is not this AU's activity id from the launch URL.")
        if verb in session_verbs:
            _refuse(f"The verb {verb.rsplit('/', 1)[-1]} was already used in this session.")
        result = st.get("result") or {}
        name = verb.rsplit("/", 1)[-1]
        if verb in (v.COMPLETED, v.PASSED, v.FAILED):
            if row.launch_mode != "Normal":
                _refuse(f"In {row.launch_mode} mode an AU may not send '{name}'.")
            if verb == v.COMPLETED and v.COMPLETED in reg_verbs:
                _refuse("This AU already sent 'completed' in this registration.")
            if verb == v.PASSED and v.PASSED in reg_verbs:
                _refuse("This AU already sent 'passed' in this registration.")
            if verb == v.FAILED and v.PASSED in reg_verbs:
                _refuse("'failed' may not follow 'passed' in the same registration.")
            if verb in (v.PASSED, v.FAILED) and {v.PASSED, v.FAILED} & set(session_verbs):
                _refuse("An AU session may hold only one of 'passed' and 'failed'.")
            if v.CATEGORY_MOVEON not in _categories(st):
                _refuse(f"A '{name}' statement must carry the moveOn category.")
            key, want = ("completion", True) if verb == v.COMPLETED else ("success", verb == v.PASSED)
            if result.get(key) is not want:
                _refuse(f"A '{name}' statement must have result.{key} {str(want).lower()}.")
            scaled = (result.get("score") or {}).get("scaled")
            if row.mastery_score is not None and isinstance(scaled, (int, float)):
                if verb == v.PASSED and scaled < row.mastery_score:
                    _refuse(f"'passed' with the scaled score {scaled} is below the masteryScore {row.mastery_score}.")
                if verb == v.FAILED and scaled >= row.mastery_score:
                    _refuse(f"'failed' with the scaled score {scaled} reaches the masteryScore {row.mastery_score}.")
        if verb == v.TERMINATED and "duration" not in result:
            _refuse("A 'terminated' statement must have result.duration.")

    def after_commit(self, statements: list[dict]) -> None:
        """Once stored: tell whoever listens (the player) that the AU terminated."""
        if any(st["verb"]["id"] == v.TERMINATED for st in statements):
            for listener in list(self.lms.listeners):
                listener(self.session_id, "terminated")

    def after_statements(self, s, statements: list[dict]) -> None:
        row = self._session(s)
        for st in statements:
            verb = st["verb"]["id"]
            if verb == v.INITIALIZED and row.state == "launched":
                row.state = "initialized"
            elif verb == v.TERMINATED:
                row.state, row.ended_at = "terminated", utcnow()
        # status and moveOn only change with cmi5 defined statements or progress; the rest (answered, experienced,
        # ...) is stored and forwarded without re-reading the registration
        if any(is_cmi5_defined(st) or v.EXT_PROGRESS in ((st.get("result") or {}).get("extensions") or {})
               for st in statements):
            self.lms.record_satisfaction(s, row)


def satisfied_nodes(course: CourseStructure, met: dict[str, bool]) -> list[AU | Block | CourseStructure]:
    """Blocks (innermost first) and the course whose every AU meets its moveOn; `met` maps AU id → bool."""
    out: list[AU | Block | CourseStructure] = []

    def done(node: AU | Block) -> bool:
        if isinstance(node, AU):
            return met.get(node.id, False)
        results = [done(c) for c in node.children]
        if all(results):
            out.append(node)
        return all(results)

    if all([done(c) for c in course.children]):
        out.append(course)
    return out
