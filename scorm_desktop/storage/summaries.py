"""Attempt summaries: each course attempt's status, stored beside it and recomputed in the transaction that
changed its data (status.py decides the status), so the library and the dashboard read one row per attempt.

Plain Python.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from ..status import SUMMARY_VERSION, attempt_summary, status_elements
from .models import Attempt, CmiValue, Course, Learner, ScoState, Session


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
        attempt.label = st.label
        attempt.completion = st.completion
        attempt.success = st.success
        attempt.score = st.score
        attempt.progress = st.progress
        attempt.total_seconds = st.total_seconds
        attempt.resumable = int(st.resumable)
        attempt.resume_point = resume_point
        Summaries._apply_sequencing_result(s, attempt)
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
    def _apply_sequencing_result(s, attempt: Attempt) -> None:
        """A sequenced SCORM 2004 course: its result is the rollup of the root (stored by the sequencing store), not
        the simple roll-up of the SCOs' values."""
        import json

        from ..status import Status
        from .models import SequencingState

        row = s.get(SequencingState, attempt.id)
        if row is None or not row.result_json:
            return
        res = json.loads(row.result_json)
        completion = res.get("completion_status") or "not attempted"
        if completion == "unknown":
            completion = "incomplete"
        st = Status(completion=completion, success=res.get("success_status") or "unknown")
        if st.completion == "not attempted" and attempt.completion != "not attempted":
            st.completion = "incomplete"  # the SCOs were worked on, although nothing rolled up yet
        # the root's measure and progress when rollup gives them, else what the SCOs' own values say
        st.score = res["score_scaled"] if res.get("score_scaled") is not None else attempt.score
        st.progress = 1.0 if completion == "completed" else res.get("progress_measure", attempt.progress)
        if st.progress is None:
            st.progress = attempt.progress
        attempt.label = st.label
        attempt.completion = st.completion
        attempt.success = st.success
        attempt.score = st.score
        attempt.progress = st.progress
        if res.get("suspended"):
            attempt.resumable = 1

    def refresh_stale_summaries(self) -> int:
        """Recompute summaries made by an older version (after an upgrade); returns how many."""
        with self.sessions.begin() as s:
            stale = list(s.scalars(select(Attempt).where(Attempt.summary_version < SUMMARY_VERSION)))
            for attempt in stale:
                self._summarize(s, attempt)
            return len(stale)
