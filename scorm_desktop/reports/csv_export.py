"""The dashboard's tables as CSV files that Excel opens as they are (UTF-8 with a byte-order mark, comma-separated).

Plain Python (stdlib `csv`, no Qt). Two shapes:

`STATUS_COLUMNS`: one row per learner × course (both dashboard tables: a learner's courses, a course's learners):

| column | meaning |
|---|---|
| learner | the learner's name |
| course_id | the course's id in the library |
| course | the course's title |
| status | not started, in progress, completed, passed or failed |
| completion | completed, incomplete, not attempted or unknown (as the content reported it) |
| success | passed, failed or unknown |
| score_percent | the score, 0-100 (one decimal); empty when the course reported none |
| progress_percent | the progress, 0-100; empty when unknown |
| time_seconds | the time recorded on the latest attempt, in seconds |
| time | the same as h:mm:ss |
| attempt | the number of the latest attempt (empty: never opened) |
| resumable | yes when the next launch resumes, else no |
| resume_point | where a resume lands (a location in the course, or the suspended item) |
| first_activity_utc, last_activity_utc | when the attempt began and was last active (ISO 8601, UTC) |

`OVERVIEW_COLUMNS`: one row per course, its figures over every learner (see `scorm_desktop.reports.queries`):
course_id, course, learners, not_started, in_progress, completed, passed, failed, completion_rate_percent,
average_progress_percent, average_score_percent, total_time_seconds, total_time.

Text that starts like a spreadsheet formula (``=``, ``+``, ``-``, ``@``, tab, carriage return) gets a leading
apostrophe: course titles come from untrusted packages, and Excel would otherwise run them as formulas.
The file is written beside its final name and renamed into place, so a failed export never leaves half a file.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Iterable

from .queries import LABELS, CourseFigures, Dashboard, StatusRow, format_duration

STATUS_COLUMNS: tuple[str, ...] = (
    "learner", "course_id", "course", "status", "completion", "success", "score_percent", "progress_percent",
    "time_seconds", "time", "attempt", "resumable", "resume_point", "first_activity_utc", "last_activity_utc",
)
OVERVIEW_COLUMNS: tuple[str, ...] = (
    "course_id", "course", "learners", "not_started", "in_progress", "completed", "passed", "failed",
    "completion_rate_percent", "average_progress_percent", "average_score_percent", "total_time_seconds",
    "total_time",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str | None) -> str:
    """`value` as a cell Excel shows as text (never evaluates as a formula)."""
    text = value or ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}"


def status_record(r: StatusRow) -> list[str]:
    return [
        safe_text(r.learner), str(r.course_id), safe_text(r.course_title), r.label, r.completion, r.success,
        _percent(r.score), _percent(r.progress), f"{r.total_seconds:.0f}", format_duration(r.total_seconds),
        "" if r.attempt is None else str(r.attempt), "yes" if r.resumable else "no", safe_text(r.resume_point),
        r.first_activity or "", r.last_activity or "",
    ]


def overview_record(f: CourseFigures) -> list[str]:
    t = f.totals
    return [
        str(f.course_id), safe_text(f.title), str(t.rows), *(str(t.counts.get(label, 0)) for label in LABELS),
        _percent(t.completion_rate), _percent(t.average_progress), _percent(t.average_score),
        f"{t.total_seconds:.0f}", format_duration(t.total_seconds),
    ]


def _write(path: Path, header: Iterable[str], records: Iterable[list[str]]) -> int:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial")
    count = 0
    try:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            out = csv.writer(fh)  # excel dialect: commas, CRLF line ends, quotes only where needed
            out.writerow(list(header))
            for record in records:
                out.writerow(record)
                count += 1
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


def write_rows(path: Path, rows: Iterable[StatusRow]) -> int:
    """Write status rows (STATUS_COLUMNS) to `path`; returns how many rows were written."""
    return _write(path, STATUS_COLUMNS, (status_record(r) for r in rows))


def write_overview(path: Path, figures: Iterable[CourseFigures]) -> int:
    """Write one row per course (OVERVIEW_COLUMNS) to `path`; returns how many rows were written."""
    return _write(path, OVERVIEW_COLUMNS, (overview_record(f) for f in figures))


def write_table(path: Path, dashboard: Dashboard, kind: str, ident: int, **query) -> int:
    """Every row of a learner's table (`kind` "learner": their courses) or a course's ("course": its learners), with
    the filter and order `query` gives (`search`, `labels`, `sort`, `descending`, as the dashboard shows it), to
    `path`; returns how many rows were written."""
    rows = dashboard.learner_rows if kind == "learner" else dashboard.course_rows
    return write_rows(path, rows(ident, limit=None, **query).rows)
