"""The learner-facing status of a SCO and of a course, derived from CMI values in one place.

The library, `report` (and later the dashboard and sync) all read status through these functions.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .cmi import timefmt
from .cmi.names import ROLES, parse_float

#: The roles (cmi/names.py) a status is derived from.
_STATUS_ROLES = (
    "lesson_status", "completion_status", "success_status", "score_scaled", "score_raw", "score_min", "score_max",
    "progress", "total_time", "location", "entry", "exit",
)
_ELEMENTS = {v: {r: names[r] for r in _STATUS_ROLES if r in names} for v, names in ROLES.items()}


#: The labels a status can have (`Status.label`), in the order the dashboard and the reports show them.
LABELS: tuple[str, ...] = ("not started", "in progress", "completed", "passed", "failed")

#: One colour per label wherever a status is drawn (the dashboard's chart and legend, the PDF report, the player's
#: outline icons): grey, blue, teal, green, red.
LABEL_COLORS: dict[str, str] = {
    "not started": "#9e9e9e",
    "in progress": "#1e88e5",
    "completed": "#00897b",
    "passed": "#43a047",
    "failed": "#e53935",
}

#: The label of each status a SCO reports (the player's outline shows these words).
SCO_STATUS_LABELS: dict[str, str] = {
    "not attempted": "not started", "incomplete": "in progress", "completed": "completed", "passed": "passed",
    "failed": "failed",
}


@dataclass
class Status:
    #: "not attempted" | "incomplete" | "completed" | "unknown"
    completion: str = "not attempted"
    #: "passed" | "failed" | "unknown"
    success: str = "unknown"
    #: Score as a fraction 0..1 when known (scaled, else raw within min/max, else raw/100).
    score: float | None = None
    score_raw: float | None = None
    #: Progress 0..1 when known.
    progress: float | None = None
    total_seconds: float = 0.0
    location: str = ""
    #: True when the next launch resumes (the last exit was suspend).
    resumable: bool = False

    @property
    def label(self) -> str:
        """One word for a table cell: passed / failed / completed / in progress / not started."""
        if self.success in ("passed", "failed"):
            return self.success
        if self.completion == "completed":
            return "completed"
        if self.completion == "not attempted":
            return "not started"
        return "in progress"

    def to_json(self) -> dict:
        d = asdict(self)
        d["label"] = self.label
        return d


def sco_status(version: str, values: dict[str, str]) -> Status:
    names = _ELEMENTS[version]
    get = lambda key: values.get(names[key], "")  # noqa: E731
    st = Status()
    if version == "1.2":
        lesson = get("lesson_status") or "not attempted"
        if lesson in ("passed", "failed"):
            st.success, st.completion = lesson, "completed"
        elif lesson in ("completed", "browsed"):
            st.completion = "completed"
        elif lesson == "incomplete":
            st.completion = "incomplete"
        else:
            st.completion = "not attempted"
        st.progress = 1.0 if st.completion == "completed" else None
    else:
        st.completion = get("completion_status") or "not attempted"
        if st.completion == "unknown" and values:
            st.completion = "incomplete"
        st.success = get("success_status") or "unknown"
        st.progress = parse_float(get("progress"))
        if st.completion == "completed":
            st.progress = 1.0
    raw, lo, hi = parse_float(get("score_raw")), parse_float(get("score_min")), parse_float(get("score_max"))
    scaled = parse_float(get("score_scaled")) if "score_scaled" in names else None
    st.score_raw = raw
    if scaled is not None:
        st.score = scaled
    elif raw is not None:
        if lo is not None and hi is not None and hi > lo:
            st.score = (raw - lo) / (hi - lo)
        else:
            st.score = raw / 100.0
    if st.score is not None:
        st.score = max(-1.0, min(1.0, st.score))
    st.total_seconds = timefmt.to_seconds(timefmt.try_parse(get("total_time")) or 0)
    st.location = get("location")
    st.resumable = get("exit") == "suspend"
    if st.completion == "not attempted" and (st.location or st.total_seconds or values.get(names["exit"])):
        st.completion = "incomplete"
    return st


def course_status(version: str, sco_values: list[dict[str, str]], sco_count: int) -> Status:
    """A simple course roll-up until sequencing provides one: single SCO = that SCO; several = all must be done."""
    statuses = [sco_status(version, v) for v in sco_values]
    if not statuses:
        return Status()
    if sco_count <= 1 and len(statuses) == 1:
        return statuses[0]
    total = max(sco_count, len(statuses))
    done = sum(1 for s in statuses if s.completion == "completed")
    out = Status()
    out.total_seconds = sum(s.total_seconds for s in statuses)
    out.progress = done / total if total else None
    out.completion = "completed" if done >= total else "incomplete"
    if any(s.success == "failed" for s in statuses):
        out.success = "failed"
    elif done >= total and all(s.success == "passed" for s in statuses):
        out.success = "passed"
    scores = [s.score for s in statuses if s.score is not None]
    out.score = sum(scores) / len(scores) if scores else None
    out.resumable = any(s.resumable for s in statuses)
    return out


def status_elements(version: str) -> tuple[str, ...]:
    """The CMI elements a status is derived from (what a summary needs to read)."""
    return tuple(_ELEMENTS[version].values())


#: Bump when the derivation below changes: stored summaries of an older version are recomputed at start.
SUMMARY_VERSION = 1


def attempt_summary(version: str, sco_values: dict[str, dict[str, str]], sco_count: int) -> tuple[Status, str | None]:
    """The status of one course attempt from the latest values of each of its SCOs, and where a resume lands
    (the location inside a single SCO, else the identifier of the suspended SCO)."""
    st = course_status(version, list(sco_values.values()), sco_count)
    resume_point = None
    exit_el = _ELEMENTS[version]["exit"]
    suspended = [item for item, values in sco_values.items() if values.get(exit_el) == "suspend"]
    if suspended:
        st.resumable = True
        if len(sco_values) == 1:
            resume_point = st.location or suspended[0]
        else:
            resume_point = suspended[-1]
    return st, resume_point


def sequenced_status(rollup: dict, own: Status) -> Status:
    """The status of a sequenced SCORM 2004 course attempt: the rollup of its root (the sequencing store's
    `result_json`), not the simple roll-up of the SCOs' values (`own`), which fills in what rollup does not give."""
    completion = rollup.get("completion_status") or "not attempted"
    if completion == "unknown":
        completion = "incomplete"
    st = Status(completion=completion, success=rollup.get("success_status") or "unknown")
    if st.completion == "not attempted" and own.completion != "not attempted":
        st.completion = "incomplete"  # the SCOs were worked on, although nothing rolled up yet
    # the root's measure and progress when rollup gives them, else what the SCOs' own values say
    st.score = rollup["score_scaled"] if rollup.get("score_scaled") is not None else own.score
    st.score_raw = own.score_raw
    st.progress = 1.0 if completion == "completed" else rollup.get("progress_measure", own.progress)
    if st.progress is None:
        st.progress = own.progress
    st.total_seconds, st.location = own.total_seconds, own.location
    st.resumable = own.resumable or bool(rollup.get("suspended"))
    return st
