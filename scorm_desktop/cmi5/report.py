"""`report` rows for cmi5 courses, in the shape SCORM rows have (README "report --json"): one row per learner,
course attempt and AU that was launched or waived, its status derived from the registration's statements; and
`cmi5_launches`, a registration's AU launches in the shape of the attempt history's SCORM launches. Plain Python."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select

from ..cmi import timefmt
from ..status import Status
from ..storage.models import Attempt, Cmi5Session, Course, Learner
from . import vocab as v
from .lms import structure_of
from .rules import au_facts


def cmi5_report_rows(services, course_id: int | None = None, learner_id: int | None = None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with services.sessions() as s:
        q = (select(Attempt, Learner, Course).join(Learner, Attempt.learner_id == Learner.id)
             .join(Course, Attempt.course_id == Course.id).where(Course.standard == "cmi5", Learner.is_preview == 0)
             .order_by(Learner.name, Course.id, Attempt.number))
        if course_id is not None:
            q = q.where(Course.id == course_id)
        if learner_id is not None:
            q = q.where(Learner.id == learner_id)
        for attempt, learner, course in s.execute(q).all():
            data = json.loads(course.manifest_json).get("course_structure")
            if not data:
                continue
            structure = structure_of(data)
            for au in structure.aus():
                sessions = s.execute(
                    select(func.count(), func.min(Cmi5Session.launched_at)).where(
                        Cmi5Session.registration == attempt.registration, Cmi5Session.au_id == au.id)
                ).one()
                facts = au_facts(s, attempt.registration, v.lms_id("au", au.id))
                if not sessions[0] and not facts.waived:
                    continue
                st = Status(
                    completion="completed" if facts.completed or facts.waived else "incomplete",
                    success="passed" if facts.passed or facts.waived else ("failed" if facts.failed else "unknown"),
                    score=facts.score, progress=facts.progress, total_seconds=facts.seconds,
                )
                rows.append({
                    "learner": learner.name,
                    "learner_id": learner.uid,
                    "course": {"id": course.id, "title": course.title},
                    "attempt": attempt.number,
                    "registration": attempt.registration,
                    "sco": {"identifier": au.id, "title": au.title},
                    "sco_attempt": 1,
                    "status": st.to_json(),
                    "total_time": timefmt.format_duration(timefmt.from_seconds(st.total_seconds)),
                    "sessions": sessions[0],
                    "first_launch": sessions[1],
                    "last_activity": facts.last_activity,
                })
    return rows


def cmi5_launches(s, registration: str) -> list[dict[str, Any]]:
    """Every AU launch of the registration, oldest first, as `Attempts.history` lists SCORM launches: the AU, when it
    started and ended, how it ended (terminated, abandoned; None while open), the launch mode, the statements the
    session made, and the AU's status after it ("passed", "completed", "failed" or None)."""
    from ..storage.models import LrsStatement

    out: list[dict[str, Any]] = []
    rows = s.scalars(select(Cmi5Session).where(Cmi5Session.registration == registration.lower())
                     .order_by(Cmi5Session.launched_at, Cmi5Session.session_id))
    for row in rows:
        statements = s.scalar(select(func.count()).select_from(LrsStatement).where(
            LrsStatement.registration == row.registration, LrsStatement.body.contains(row.session_id)))
        verbs = set(s.scalars(select(LrsStatement.verb_id).where(
            LrsStatement.registration == row.registration, LrsStatement.body.contains(row.session_id))))
        after = next((label for verb, label in ((v.PASSED, "passed"), (v.FAILED, "failed"),
                                                (v.COMPLETED, "completed")) if verb in verbs), None)
        ended = row.state in ("terminated", "abandoned")
        out.append({
            "item": row.au_id, "sco_attempt": 1, "started": row.launched_at, "ended": row.ended_at,
            "end": row.state if ended else None, "mode": row.launch_mode.lower(), "events": statements,
            "status_before": None, "status_after": after,
        })
    return out
