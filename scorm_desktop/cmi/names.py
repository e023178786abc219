"""Which data-model element plays which role in each SCORM version: the one table of element names that the LMS
side (session start and end, status, xAPI, navigation) reads by role instead of spelling names out."""

from __future__ import annotations

_SHARED_2004 = {
    "entry": "cmi.entry",
    "exit": "cmi.exit",
    "credit": "cmi.credit",
    "mode": "cmi.mode",
    "total_time": "cmi.total_time",
    "session_time": "cmi.session_time",
    "learner_id": "cmi.learner_id",
    "learner_name": "cmi.learner_name",
    "max_time_allowed": "cmi.max_time_allowed",
    "time_limit_action": "cmi.time_limit_action",
    "location": "cmi.location",
    "completion_status": "cmi.completion_status",
    "success_status": "cmi.success_status",
    "score_scaled": "cmi.score.scaled",
    "score_raw": "cmi.score.raw",
    "score_min": "cmi.score.min",
    "score_max": "cmi.score.max",
    "progress": "cmi.progress_measure",
}

ROLES: dict[str, dict[str, str]] = {
    "1.2": {
        "entry": "cmi.core.entry",
        "exit": "cmi.core.exit",
        "credit": "cmi.core.credit",
        "mode": "cmi.core.lesson_mode",
        "total_time": "cmi.core.total_time",
        "session_time": "cmi.core.session_time",
        "learner_id": "cmi.core.student_id",
        "learner_name": "cmi.core.student_name",
        "max_time_allowed": "cmi.student_data.max_time_allowed",
        "time_limit_action": "cmi.student_data.time_limit_action",
        "location": "cmi.core.lesson_location",
        "lesson_status": "cmi.core.lesson_status",
        "score_raw": "cmi.core.score.raw",
        "score_min": "cmi.core.score.min",
        "score_max": "cmi.core.score.max",
    },
    "2004": _SHARED_2004,
}


def element(version: str, role: str) -> str:
    """The element playing `role` in `version` ("1.2" or "2004"); KeyError when the version has no such role."""
    return ROLES[version][role]


def parse_float(text: str | None) -> float | None:
    """A stored value (or a manifest attribute) as a number: None when it is absent, blank, not a number, or NaN.
    The one parser status, xAPI, session end, sequencing and the manifest read numbers with."""
    if text is None or not str(text).strip():
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value else None
