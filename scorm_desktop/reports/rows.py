"""Rows for `report`, the library's status column and (later) the dashboard: one shape, computed in one place."""

from __future__ import annotations

from typing import Any

from ..cmi import timefmt
from ..i18n import _, translate
from ..status import sco_status
from .queries import format_duration, format_local_time


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
    from ..cmi5.report import cmi5_report_rows

    return cmi5_report_rows(services, course_id, learner_id)


def report_table(rows: list[dict[str, Any]], include_cmi: bool = False) -> list[str]:
    """The text `report`: a header, then a line per learner, course attempt and SCO (course id and title, attempt
    number); with `include_cmi`, each stored value under its line."""
    lines = ["{0:<16} {1:<34} {2:>7}  {3:<24} {4:<12} {5:>5} {6:>8}  {7:<12} {8}".format(
        _("LEARNER"), _("COURSE"), _("ATTEMPT"), _("SCO"), _("STATUS"), _("SCORE"), _("PROGRESS"), _("TIME"),
        _("LAST ACTIVITY"))]
    for r in sorted(rows, key=lambda r: (r["learner"], r["course"]["id"], r["attempt"])):
        st = r["status"]
        score = "" if st["score"] is None else f"{st['score'] * 100:.0f}%"
        progress = "" if st["progress"] is None else f"{st['progress'] * 100:.0f}%"
        course = _clip(f"{r['course']['id']} {r['course']['title']}", 34)
        sco = _clip(r["sco"]["title"] or r["sco"]["identifier"], 24) if r["sco"] else "-"
        # For a person: the dashboard's h:mm:ss and local time (the JSON keeps ISO 8601 durations and UTC stamps).
        spent = format_duration(st["total_seconds"]) if r["total_time"] else "-"
        lines.append(
            f"{_clip(r['learner'], 16):<16} {course:<34} {r['attempt']:>7}  {sco:<24} {translate('Dashboard', st['label']):<12} {score:>5} "
            f"{progress:>8}  {spent:<12} {format_local_time(r['last_activity']) or '-'}"
        )
        if include_cmi:
            lines += [f"    {k} = {v}" for k, v in sorted(r.get("cmi", {}).items())]
    return lines


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def not_started_attempts(
    services, rows: list[dict[str, Any]], course_id: int | None = None, learner: str | None = None
) -> list[dict[str, Any]]:
    """For the text report: each learner's latest attempt that no SCO row shows yet (a `reset` began it and nothing
    was played since), as a row with no SCO, so the report says the course starts afresh."""
    seen = {(r["learner"], r["course"]["id"], r["attempt"]) for r in rows}
    courses = {c.id: c for c in services.library.courses(include_removed=True)}
    out = []
    for a in services.records.summaries(course_id=course_id):
        course = courses.get(a["course_id"])
        if course is None or (learner is not None and a["learner"] != learner):
            continue
        if (a["learner"], a["course_id"], a["attempt"]) in seen:
            continue
        out.append({
            "learner": a["learner"], "course": {"id": course.id, "title": course.title}, "attempt": a["attempt"],
            "sco": None, "status": {**empty_summary(), "label": "not started"}, "total_time": "",
            "last_activity": a["last_activity"],
        })
    return out


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
