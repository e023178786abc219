"""Rows for `report`, the library's status column and (later) the dashboard: one shape, computed in one place."""

from __future__ import annotations

from typing import Any

from .cmi import timefmt
from .status import sco_status


def report_rows(services, course_id: int | None = None, learner: str | None = None, include_cmi: bool = False) -> list[dict[str, Any]]:
    """One row per learner, course attempt and SCO (see README, "report --json")."""
    learner_id = None
    if learner is not None:
        match = [lr for lr in services.records.learners() if lr.name == learner]
        if not match:
            return []
        learner_id = match[0].id
    courses = {c.id: c for c in services.library.courses(include_removed=True)}  # removed: records kept
    rows = []
    for r in services.records.sco_rows(course_id=course_id, learner_id=learner_id):
        course = courses.get(r["course_id"])
        if course is None:
            continue
        titles = {i.identifier: i.title for i in course.manifest.organization.walk()}
        st = sco_status(course.scorm_version, r["values"])
        row = {
            "learner": r["learner"],
            "learner_id": r["learner_uid"],
            "course": {"id": course.id, "title": course.title},
            "attempt": r["attempt"],
            "registration": r["registration"],
            "sco": {"identifier": r["item"], "title": titles.get(r["item"], r["item"])},
            "sco_attempt": r["sco_attempt"],
            "status": st.to_json(),
            "total_time": timefmt.format_duration(timefmt.from_seconds(st.total_seconds)),
            "sessions": r["sessions"],
            "first_launch": r["first_launch"],
            "last_activity": r["last_activity"],
        }
        if include_cmi:
            row["cmi"] = r["values"]
        rows.append(row)
    return rows + _cmi5_rows(services, course_id, learner_id)


def _cmi5_rows(services, course_id: int | None, learner_id: int | None) -> list[dict[str, Any]]:
    """cmi5 courses have no SCO values: their rows are derived from the statements (scorm_desktop/cmi5/report.py)."""
    from .cmi5.report import cmi5_report_rows

    return cmi5_report_rows(services, course_id, learner_id)


def course_summary(services, course, learner_id: int | None = None) -> dict[str, Any]:
    """The course-level status for one learner (the first learner when none is given), from the stored summary."""
    if learner_id is None:
        first = min(services.records.learners(), key=lambda lr: lr.id, default=None)
        if first is None:
            return empty_summary()
        learner_id = first.id
    rows = services.records.summaries(learner_id=learner_id, course_id=course.id)
    if not rows:
        return empty_summary()
    return {k: rows[0][k] for k in empty_summary()}


def empty_summary() -> dict[str, Any]:
    return {
        "label": "not started", "completion": "not attempted", "success": "unknown", "score": None, "progress": None,
        "total_seconds": 0.0, "resumable": False, "resume_point": None, "first_activity": None, "last_activity": None,
    }
