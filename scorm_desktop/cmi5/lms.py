"""cmi5 launch as an LMS does it, over the local LRS (plain Python, no Qt).

`Cmi5LMS.launch()` abandons what the registration left open, writes LMS.LaunchData and the learner preferences,
records "launched", and returns the launch URL (endpoint, fetch, actor, registration, activityId). `fetch()` hands
out the session's auth token once (cmi5 error 1 after). `authenticate()` turns that token into an LRS `Principal`
whose policy enforces the cmi5 rules (rules.py). `end_session()` (the player closed) and `recover()` (at start,
after a crash) record "abandoned" once for a session that never sent "terminated". `waive()` exempts an AU.
`registration_status()` derives the status the library and reports show.
"""

from __future__ import annotations

import base64
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from ..cmi.timefmt import format_duration
from ..lrs import documents, statements
from ..lrs.core import Principal
from ..package.course_structure import AU, Block, CourseStructure
from ..storage.db import utcnow
from ..storage.models import Cmi5Session, LrsStatement
from . import OPEN_STATES
from . import vocab as v
from .rules import ENDED, SessionPolicy, au_facts, meets_move_on, satisfied_nodes

LMS_AUTHORITY = "scorm-desktop-lms"
#: The account home page of the actor handed to AUs (configurable later with the xAPI settings).
ACCOUNT_HOME = "https://w3id.org/xapi/scorm-desktop/learners"


@dataclass(frozen=True)
class Launch:
    session_id: str
    url: str
    fetch_token: str
    activity_id: str
    registration: str


def structure_of(manifest_course_structure: dict[str, Any]) -> CourseStructure:
    return CourseStructure.from_dict({k: val for k, val in manifest_course_structure.items() if k != "kind"})


def actor_for(learner_uid: str, name: str | None = None) -> dict:
    actor: dict[str, Any] = {"objectType": "Agent", "account": {"homePage": ACCOUNT_HOME, "name": learner_uid}}
    if name:
        actor["name"] = name
    return actor


def _seconds_between(start: str, end: str) -> float:
    def parse(t: str) -> datetime:
        return datetime.fromisoformat(t.replace("Z", "+00:00"))

    return max(0.0, (parse(end) - parse(start)).total_seconds())


class Cmi5LMS:
    def __init__(self, sessions: sessionmaker, endpoint: str, fetch_base: str) -> None:
        """`endpoint`: the xAPI endpoint URL the AU is given (ends with "/"); `fetch_base`: the URL the fetch token
        is appended to."""
        self.sessions = sessions
        self.endpoint = endpoint
        self.fetch_base = fetch_base
        #: The course structure of each session launched by this LMS object (else read from the library's row).
        self._courses: dict[str, CourseStructure] = {}
        #: Called as listener(session_id, "terminated") after an AU's terminated statement is stored (from the
        #: LRS's thread: a Qt listener must hand it to its own thread).
        self.listeners: list = []

    # -- launch --------------------------------------------------------------------------------------------------
    def launch(
        self, course: CourseStructure, au_id: str, launch_url: str, actor: dict, registration: str, *,
        mode: str = "Normal", return_url: str | None = None, forward: bool = True, course_id: int | None = None,
        learner_id: int | None = None, preferences: dict | None = None,
    ) -> Launch:
        """Prepare and record one AU launch. `launch_url` is where the AU's file is served (its own query kept)."""
        if mode not in v.MODES:
            raise ValueError(f"Unknown cmi5 launch mode {mode!r}.")
        au = course.au(au_id)
        registration = registration.lower()
        session_id = str(uuid.uuid4())
        activity_id = v.lms_id("au", au.id)
        fetch_token = secrets.token_urlsafe(24)
        auth = base64.b64encode(f"{session_id}:{secrets.token_urlsafe(24)}".encode()).decode()
        now = utcnow()
        with self.sessions.begin() as s:
            for open_row in s.scalars(select(Cmi5Session).where(
                    Cmi5Session.registration == registration, Cmi5Session.state.in_(OPEN_STATES))):
                self._abandon(s, open_row)
            s.add(Cmi5Session(
                session_id=session_id, registration=registration, course_id=course_id, learner_id=learner_id,
                au_id=au.id, activity_id=activity_id, actor_json=json.dumps(actor), launch_mode=mode,
                move_on=au.move_on, mastery_score=au.mastery_score, fetch_token=fetch_token, auth_token=auth,
                forwarded=1 if forward else 0, state="launched", launched_at=now,
            ))
            template = {
                "contextActivities": {"grouping": [{"objectType": "Activity", "id": au.id}]},
                "extensions": {v.EXT_SESSION: session_id},
            }
            data: dict[str, Any] = {"contextTemplate": template, "launchMode": mode, "moveOn": au.move_on}
            if au.launch_parameters is not None:
                data["launchParameters"] = au.launch_parameters
            if au.mastery_score is not None:
                data["masteryScore"] = au.mastery_score
            if return_url:
                data["returnURL"] = return_url
            if au.entitlement_key is not None:
                data["entitlementKey"] = {"courseStructure": au.entitlement_key}
            documents.put_document(s, documents.STATE, activity_id, actor, registration, v.LAUNCH_DATA, data, forward)
            prefs = preferences or {"languagePreference": "en-US", "audioPreference": "on"}
            self._ensure_preferences(s, actor, prefs, forward)
            extensions: dict[str, Any] = {v.EXT_SESSION: session_id, v.EXT_LAUNCHMODE: mode,
                                          v.EXT_LAUNCHURL: launch_url, v.EXT_MOVEON: au.move_on}
            if au.launch_parameters is not None:
                extensions[v.EXT_LAUNCHPARAMS] = au.launch_parameters
            if au.mastery_score is not None:
                extensions[v.EXT_MASTERY] = au.mastery_score
            self._record(s, actor, v.LAUNCHED, self._au_object(au, activity_id), registration, au.id, extensions,
                         forward=forward, now=now)
            # moveOn is evaluated from the registration's start: NotApplicable AUs may satisfy blocks already.
            self._satisfy(s, course, actor, registration, session_id, forward)
            update_attempt(s, course, registration)
        self._courses[session_id] = course
        query = urlencode({
            "endpoint": self.endpoint, "fetch": self.fetch_base + fetch_token, "actor": json.dumps(actor),
            "registration": registration, "activityId": activity_id,
        })
        sep = "&" if "?" in launch_url.split("#", 1)[0] else "?"
        base, hash_, frag = launch_url.partition("#")
        return Launch(session_id, f"{base}{sep}{query}{hash_}{frag}", fetch_token, activity_id, registration)

    def _ensure_preferences(self, s, actor: dict, prefs: dict, forward: bool) -> None:
        from ..lrs.validate import agent_key
        from ..storage.models import LrsDocument

        exists = s.scalars(select(LrsDocument.id).where(
            LrsDocument.kind == documents.AGENT_PROFILE, LrsDocument.agent_key == agent_key(actor),
            LrsDocument.doc_id == v.LEARNER_PREFERENCES)).first()
        if exists is None:
            documents.put_document(s, documents.AGENT_PROFILE, "", actor, "", v.LEARNER_PREFERENCES, prefs, forward)

    # -- fetch and credentials -----------------------------------------------------------------------------------
    def fetch(self, token: str, method: str = "POST") -> tuple[int, dict]:
        """The fetch URL: the auth token the first time (POST only), a cmi5 error after."""
        if method.upper() != "POST":
            return 405, {"error-code": "3", "error-text": "The fetch URL answers POST only."}
        with self.sessions.begin() as s:
            row = s.scalars(select(Cmi5Session).where(Cmi5Session.fetch_token == token)).first()
            if row is None:
                return 403, {"error-code": "2", "error-text": "This fetch URL is not valid."}
            if row.fetched_at is not None or row.state in ENDED:
                return 400, {"error-code": "1", "error-text": "The authorization token has already been returned."}
            row.fetched_at = utcnow()
            return 200, {"auth-token": row.auth_token}

    def authenticate(self, authorization: str | None) -> Principal | None:
        """The LRS principal for an AU's `Authorization: Basic <auth-token>` (only once the token was fetched)."""
        if not authorization or not authorization.startswith("Basic "):
            return None
        token = authorization[len("Basic "):].strip()
        with self.sessions() as s:
            row = s.scalars(select(Cmi5Session).where(Cmi5Session.auth_token == token)).first()
            if row is None or row.fetched_at is None:
                return None
            return Principal(f"cmi5-session:{row.session_id}", forward=bool(row.forwarded),
                             policy=SessionPolicy(self, row.session_id))

    # -- LMS statements ------------------------------------------------------------------------------------------
    @staticmethod
    def _au_object(au: AU, activity_id: str) -> dict:
        obj: dict[str, Any] = {"objectType": "Activity", "id": activity_id,
                               "definition": {"name": {"en-US": au.title}}}
        if au.activity_type:
            obj["definition"]["type"] = au.activity_type
        return obj

    def _record(self, s, actor: dict, verb: str, obj: dict, registration: str, publisher_id: str,
                extensions: dict, result: dict | None = None, forward: bool = True, now: str | None = None) -> str:
        st: dict[str, Any] = {
            "id": str(uuid.uuid4()), "actor": actor,
            "verb": {"id": verb, "display": {"en-US": verb.rsplit("/", 1)[-1]}}, "object": obj,
            "context": {
                "registration": registration,
                "contextActivities": {"grouping": [{"objectType": "Activity", "id": publisher_id}],
                                      "category": [{"objectType": "Activity", "id": v.CATEGORY_CMI5}]},
                "extensions": extensions,
            },
            "timestamp": now or utcnow(),
        }
        if result is not None:
            st["result"] = result
        st = statements.prepare(st, st["timestamp"])
        statements.store_statements(s, [st], LMS_AUTHORITY, forward, now)
        return st["id"]

    def _abandon(self, s, row: Cmi5Session) -> None:
        """Record "abandoned" once for a session that ended without "terminated"."""
        last = s.scalar(select(func.max(LrsStatement.stored)).where(
            LrsStatement.registration == row.registration, LrsStatement.body.contains(row.session_id))) or row.launched_at
        duration = format_duration(round(_seconds_between(row.launched_at, last) * 100))
        course_au = AU(id=row.au_id, title=row.au_id, description="", url="")
        self._record(s, json.loads(row.actor_json), v.ABANDONED, self._au_object(course_au, row.activity_id),
                     row.registration, row.au_id, {v.EXT_SESSION: row.session_id}, {"duration": duration},
                     forward=bool(row.forwarded))
        row.state, row.ended_at = "abandoned", utcnow()
        course = self._courses.get(row.session_id) or self.course_structure(s, row.course_id)
        if course is not None:
            update_attempt(s, course, row.registration)

    def end_session(self, session_id: str) -> str:
        """The player closed the AU: "abandoned" unless it terminated. Returns the session's final state."""
        with self.sessions.begin() as s:
            row = s.get(Cmi5Session, session_id)
            if row is None:
                raise KeyError(session_id)
            if row.state not in ENDED:
                self._abandon(s, row)
            return row.state

    def recover(self) -> int:
        """At start: every session a crash left open is abandoned (once). Returns how many."""
        with self.sessions.begin() as s:
            rows = list(s.scalars(select(Cmi5Session).where(Cmi5Session.state.in_(OPEN_STATES))))
            for row in rows:
                self._abandon(s, row)
            return len(rows)

    def waive(self, course: CourseStructure, au_id: str, actor: dict, registration: str, reason: str = "Administrative",
              forward: bool = True) -> bool:
        """Exempt the learner from an AU (once per registration, only while the AU's moveOn is not met: cmi5 9.3.9);
        satisfaction of its blocks and the course follows. False if already waived or satisfied
        (`cmi5/waive.py` is the service in front of it, with its sentences)."""
        au = course.au(au_id)
        activity_id = v.lms_id("au", au.id)
        with self.sessions.begin() as s:
            facts = au_facts(s, registration, activity_id)
            if facts.waived or meets_move_on(au.move_on, facts):
                return False
            session_id = str(uuid.uuid4())
            self._record(s, actor, v.WAIVED, self._au_object(au, activity_id), registration, au.id,
                         {v.EXT_SESSION: session_id},
                         {"success": True, "completion": True, "extensions": {v.EXT_REASON: reason}}, forward=forward)
            self._satisfy(s, course, actor, registration, session_id, forward)
            update_attempt(s, course, registration)
            return True

    def record_satisfaction(self, s, row: Cmi5Session, course: CourseStructure | None = None) -> list[str]:
        """"satisfied" for each block and the course whose AUs all meet their moveOn, once per registration."""
        if course is None:
            course = self._courses.get(row.session_id) or self.course_structure(s, row.course_id)
            if course is None:
                return []
        made = self._satisfy(s, course, json.loads(row.actor_json), row.registration, row.session_id,
                             bool(row.forwarded))
        update_attempt(s, course, row.registration)
        return made

    def _satisfy(self, s, course: CourseStructure, actor: dict, registration: str, session_id: str,
                 forward: bool) -> list[str]:
        met = {au.id: meets_move_on(au.move_on, au_facts(s, registration, v.lms_id("au", au.id))) for au in course.aus()}
        made = []
        for node in satisfied_nodes(course, met):
            kind, type_iri = ("block", v.TYPE_BLOCK) if isinstance(node, Block) else ("course", v.TYPE_COURSE)
            object_id = v.lms_id(kind, node.id)
            done = s.scalar(select(func.count()).select_from(LrsStatement).where(
                LrsStatement.registration == registration, LrsStatement.activity_id == object_id,
                LrsStatement.verb_id == v.SATISFIED))
            if done:
                continue
            obj = {"objectType": "Activity", "id": object_id,
                   "definition": {"type": type_iri, "name": {"en-US": node.title}}}
            made.append(self._record(s, actor, v.SATISFIED, obj, registration, node.id, {v.EXT_SESSION: session_id},
                                     forward=forward))
        return made

    def course_structure(self, s, course_id: int | None) -> CourseStructure | None:
        from ..storage.models import Course

        row = s.get(Course, course_id) if course_id is not None else None
        if row is None:
            return None
        data = json.loads(row.manifest_json).get("course_structure")
        return structure_of(data) if data and data.get("kind") == "cmi5" else None


# ------------------------------------------------------------------------------------------------ derived status


def registration_status(sessions: sessionmaker, course: CourseStructure, registration: str) -> dict[str, Any]:
    """The course's status for one registration, in the shape SCORM courses use (README "STATUS"), plus per AU."""
    with sessions() as s:
        return status_in(s, course, registration)


def status_in(s, course: CourseStructure, registration: str) -> dict[str, Any]:
    """`registration_status` inside an open database session."""
    registration = registration.lower()
    per_au = {au.id: au_facts(s, registration, v.lms_id("au", au.id)) for au in course.aus()}
    satisfied = bool(s.scalar(select(func.count()).select_from(LrsStatement).where(
        LrsStatement.registration == registration, LrsStatement.activity_id == v.lms_id("course", course.id),
        LrsStatement.verb_id == v.SATISFIED)))
    started = any(f.launched or f.waived for f in per_au.values())  # a waived AU counts as begun
    any_passed = any(f.passed for f in per_au.values())
    any_failed = any(f.failed and not f.passed for f in per_au.values())
    all_completed = all(f.completed or f.waived for f in per_au.values())
    if not started:
        label = "not started"
    elif satisfied:
        label = "passed" if any_passed else "completed"
    elif any_failed:
        label = "failed"
    else:
        label = "in progress"
    scores = [f.score for f in per_au.values() if f.score is not None]
    progress = [f.progress or 0.0 for f in per_au.values()]
    last = max((f.last_activity for f in per_au.values() if f.last_activity), default=None)
    return {
        "label": label,
        "completion": "completed" if (all_completed or satisfied) else ("incomplete" if started else "not attempted"),
        "success": "passed" if any_passed and satisfied else ("failed" if any_failed else "unknown"),
        "score": sum(scores) / len(scores) if scores else None,
        "progress": (sum(progress) / len(progress)) if started else None,
        "total_seconds": sum(f.seconds for f in per_au.values()),
        "satisfied": satisfied,
        "last_activity": last,
        "aus": {
            au_id: {"completed": f.completed, "passed": f.passed, "failed": f.failed, "waived": f.waived,
                    "score": f.score, "progress": f.progress, "seconds": f.seconds,
                    "satisfied": meets_move_on(course.au(au_id).move_on, f)}
            for au_id, f in per_au.items()
        },
    }


def recover_sessions(sessions: sessionmaker) -> int:
    """Record "abandoned" once for every cmi5 session a crash or a kill left open (called at start)."""
    return Cmi5LMS(sessions, "", "").recover()


def update_attempt(s, course: CourseStructure, registration: str) -> None:
    """Store the derived status on the course attempt that owns the registration (as SCORM attempts are summarised),
    so the library, the dashboard, `courses --json` and the reports show cmi5 courses like the others."""
    from ..status import SUMMARY_VERSION
    from ..storage.models import Attempt

    attempt = s.scalars(select(Attempt).where(Attempt.registration == registration.lower())).first()
    if attempt is None:
        return
    st = status_in(s, course, registration)
    attempt.label, attempt.completion, attempt.success = st["label"], st["completion"], st["success"]
    attempt.score, attempt.progress, attempt.total_seconds = st["score"], st["progress"], st["total_seconds"]
    attempt.resumable, attempt.resume_point = 0, None
    if st["last_activity"]:
        attempt.last_activity_at = max(attempt.last_activity_at or "", st["last_activity"])
    attempt.summary_version = SUMMARY_VERSION
