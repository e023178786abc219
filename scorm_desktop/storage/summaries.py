"""Attempt summaries: each course attempt's status, stored beside it and recomputed in the transaction that
changed its data (status.py decides the status), so the library and the dashboard read one row per attempt.

Plain Python.
"""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from ..status import SUMMARY_VERSION, attempt_summary, sequenced_status, status_elements
from .models import Attempt, CmiValue, Course, Learner, ScoState, SequencingState, Session


class Summaries:
    def __init__(self, sessions: sessionmaker) -> None:
        self.sessions = sessions

    # -- summaries -----------------------------------------------------------------------------------------------
    def summaries(self, learner_id: int | None = None, course_id: int | None = None) -> list[dict]:
        """The status of each learner's latest attempt on each course, read from the stored summaries (one query,
        fast at dashboard scale). Preview learners are left out."""
        latest = (
            select(Attempt.learner_id, Attempt.course_id, func.max(Attempt.number).label("n"))
            .group_by(Attempt.learner_id, Attempt.course_id)
            .subquery()
        )
        q = (
            select(Attempt, Learner.name)
            .join(latest, (Attempt.learner_id == latest.c.learner_id) & (Attempt.course_id == latest.c.course_id)
                  & (Attempt.number == latest.c.n))
            .join(Learner, Learner.id == Attempt.learner_id)
            .where(Learner.is_preview == 0)
        )
        if learner_id is not None:
            q = q.where(Attempt.learner_id == learner_id)
        if course_id is not None:
            q = q.where(Attempt.course_id == course_id)
        with self.sessions() as s:
            return [
                {
                    "learner_id": a.learner_id, "learner": name, "course_id": a.course_id, "attempt": a.number,
                    "label": a.label, "completion": a.completion, "success": a.success, "score": a.score,
                    "progress": a.progress, "total_seconds": a.total_seconds, "resumable": bool(a.resumable),
                    "resume_point": a.resume_point, "first_activity": a.started_at, "last_activity": a.last_activity_at,
                }
                for a, name in s.execute(q)
            ]

    @staticmethod
    def _refresh_summary(s, sco_state_id: int) -> None:
        """Recompute the attempt's stored status (status.py decides it) in the transaction that changed its data."""
        state = s.get(ScoState, sco_state_id)
        if state is not None:
            Summaries._summarize(s, s.get(Attempt, state.attempt_id))

    @staticmethod
    def _summarize(s, attempt: Attempt | None) -> None:
        if attempt is None:
            return
        course = s.get(Course, attempt.course_id)
        version = "1.2" if course.standard == "scorm12" else "2004"
        latest: dict[str, ScoState] = {}
        for st in s.scalars(select(ScoState).where(ScoState.attempt_id == attempt.id).order_by(ScoState.number)):
            latest[st.item_identifier] = st
        wanted = status_elements(version)
        values: dict[str, dict[str, str]] = {item: {} for item in latest}
        by_state = {st.id: item for item, st in latest.items()}
        if by_state:
            q = select(CmiValue).where(CmiValue.sco_state_id.in_(by_state), CmiValue.element.in_(wanted))
            for v in s.scalars(q):
                values[by_state[v.sco_state_id]][v.element] = v.value
        st, resume_point = attempt_summary(version, values, course.sco_count)
        rollup = Summaries._rollup_result(s, attempt.id)
        if rollup is not None:
            st = sequenced_status(rollup, st)
        attempt.label = st.label
        attempt.completion = st.completion
        attempt.success = st.success
        attempt.score = st.score
        attempt.progress = st.progress
        attempt.total_seconds = st.total_seconds
        attempt.resumable = int(st.resumable)
        attempt.resume_point = resume_point
        attempt.summary_version = SUMMARY_VERSION
        # The launch that made this status (the attempt's latest, once it has ended) records it as its outcome;
        # a rollup that lands after the session ended (sequencing) updates it too.
        last = s.scalars(
            select(Session).join(ScoState, Session.sco_state_id == ScoState.id)
            .where(ScoState.attempt_id == attempt.id).order_by(Session.id.desc())
        ).first()
        if last is not None and last.ended_at is not None:
            last.status_after = attempt.label

    @staticmethod
    def _rollup_result(s, attempt_id: int) -> dict | None:
        """A sequenced SCORM 2004 course's rollup of its root, as the sequencing store keeps it (None: not sequenced,
        or nothing rolled up yet)."""
        row = s.get(SequencingState, attempt_id)
        return json.loads(row.result_json) if row is not None and row.result_json else None

    def refresh_stale_summaries(self) -> int:
        """Recompute summaries made by an older version (after an upgrade); returns how many."""
        with self.sessions.begin() as s:
            stale = list(s.scalars(select(Attempt).where(Attempt.summary_version < SUMMARY_VERSION)))
            for attempt in stale:
                self._summarize(s, attempt)
            return len(stale)
