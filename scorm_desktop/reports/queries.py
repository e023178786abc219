"""The dashboard's queries: each learner's status on each course, and each course's figures over its learners.

Plain Python (no Qt), shared by the dashboard window, the CSV/PDF reports and the `export` command. Everything is
read from the status stored beside each attempt (`attempts.label`, `score`, ..., kept current by `Records`), one SQL
query per screen of data, so 10,000 courses × 100 learners (1,000,000 attempts) stay fast:

- only the latest attempt counts: `max(number)` per learner × course, read through the
  index on attempts(learner_id, course_id, number);
- preview learners (`learners.is_preview = 1`) are left out everywhere;
- a course the learner never opened (no attempt) is a row with the label ``not started``;
- sorting, filtering and paging happen in SQL (``LIMIT``/``OFFSET``), so a view asks for the rows it shows.

Definitions (also in the reports): *completion rate* is the share of the rows whose completion is ``completed``
(passed and failed courses count when the content reported them completed); *average progress* counts every row,
an unknown progress (never started, or SCORM 1.2 content still in progress) as 0; *average score* is over the rows
that have a score; *total time* adds every row's recorded time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterable

from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from ..status import LABELS


#: What each table can be sorted by (the key a view passes) and the SQL that sorts it.
_SORT_SQL = {
    "title": "c.title COLLATE NOCASE",
    "learner": "l.name COLLATE NOCASE",
    "status": ("CASE coalesce(a.label, 'not started') WHEN 'not started' THEN 0 WHEN 'in progress' THEN 1 "
               "WHEN 'failed' THEN 2 WHEN 'completed' THEN 3 WHEN 'passed' THEN 4 ELSE 5 END"),
    "progress": "coalesce(a.progress, 0)",
    "score": "a.score",
    "time": "coalesce(a.total_seconds, 0)",
    "last_activity": "a.last_activity_at",
    "resumable": "coalesce(a.resumable, 0)",
}
SORT_KEYS: tuple[str, ...] = tuple(_SORT_SQL)

#: The columns every status row reads (the latest attempt `a`, absent when never started).
_STATUS_COLUMNS = """
    a.number AS attempt, coalesce(a.label, 'not started') AS label,
    coalesce(a.completion, 'not attempted') AS completion, coalesce(a.success, 'unknown') AS success,
    a.score AS score, a.progress AS progress, coalesce(a.total_seconds, 0) AS total_seconds,
    coalesce(a.resumable, 0) AS resumable, a.resume_point AS resume_point,
    a.started_at AS first_activity, a.last_activity_at AS last_activity
"""


@dataclass(frozen=True)
class StatusRow:
    """One learner's latest attempt on one course (or its absence: label ``not started``, attempt None)."""

    learner_id: int
    learner: str
    course_id: int
    course_title: str
    attempt: int | None
    label: str
    completion: str
    success: str
    score: float | None
    progress: float | None
    total_seconds: float
    resumable: bool
    resume_point: str | None
    first_activity: str | None
    last_activity: str | None

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class Page:
    """Rows `offset` .. `offset + len(rows)` of `total` rows matching the filter, in the order asked for."""

    rows: list[StatusRow]
    total: int
    offset: int = 0


@dataclass(frozen=True)
class Totals:
    """Figures over the rows of one table (a learner's courses, or a course's learners); see the module docstring."""

    rows: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {label: 0 for label in LABELS})
    completed: int = 0
    average_progress: float | None = None
    average_score: float | None = None
    total_seconds: float = 0.0

    @property
    def completion_rate(self) -> float | None:
        return self.completed / self.rows if self.rows else None

    @property
    def started(self) -> int:
        return self.rows - self.counts.get("not started", 0)

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows, "counts": dict(self.counts), "completed": self.completed,
            "completion_rate": self.completion_rate, "average_progress": self.average_progress,
            "average_score": self.average_score, "total_seconds": self.total_seconds,
        }


@dataclass(frozen=True)
class CourseFigures:
    """One course and its figures over every (non-preview) learner."""

    course_id: int
    title: str
    totals: Totals


@dataclass(frozen=True)
class Choice:
    """An entry of a picker: a learner or a course."""

    id: int
    name: str


def _like(search: str) -> str:
    """A LIKE pattern that matches `search` anywhere, with its own % and _ taken literally."""
    escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _labels_clause(labels: Iterable[str] | None, params: dict[str, Any]) -> str:
    chosen = [lb for lb in (labels or ()) if lb in LABELS]
    if not chosen:
        return ""
    names = []
    for i, label in enumerate(chosen):
        params[f"label{i}"] = label
        names.append(f":label{i}")
    return f" AND coalesce(a.label, 'not started') IN ({', '.join(names)})"


def _order(sort: str, descending: bool, tiebreak: str) -> str:
    if sort not in _SORT_SQL:
        raise ValueError(f"unknown sort key {sort!r} (one of {', '.join(SORT_KEYS)})")
    expr = _SORT_SQL[sort]
    direction = "DESC" if descending else "ASC"
    # Unknown values (no score, never opened) always come last, whichever the direction.
    return f"({expr}) IS NULL, {expr} {direction}, {tiebreak}"


class Dashboard:
    """The dashboard's reads. Every method opens its own short read transaction (safe on the worker thread)."""

    def __init__(self, sessions: sessionmaker) -> None:
        self.sessions = sessions

    def _all(self, sql: str, params: dict[str, Any]) -> list[Any]:
        with self.sessions() as s:
            return list(s.execute(text(sql), params))

    # -- pickers -------------------------------------------------------------------------------------------------
    def learners(self) -> list[Choice]:
        """Every learner the dashboard reports on (not the preview learner), by name."""
        rows = self._all("SELECT id, name FROM learners WHERE is_preview = 0 ORDER BY name COLLATE NOCASE, id", {})
        return [Choice(r.id, r.name) for r in rows]

    def learner_by_name(self, name: str) -> Choice | None:
        rows = self._all("SELECT id, name FROM learners WHERE name = :n AND is_preview = 0", {"n": name})
        return Choice(rows[0].id, rows[0].name) if rows else None

    def courses(self, search: str = "", limit: int = 200, offset: int = 0) -> tuple[list[Choice], int]:
        """Courses whose title contains `search` (any case), by title: (one page, how many match)."""
        params = {"q": _like(search), "limit": limit, "offset": offset}
        where = "WHERE c.title LIKE :q ESCAPE '\\'" if search else ""
        rows = self._all(
            f"SELECT c.id, c.title FROM courses c {where} ORDER BY c.title COLLATE NOCASE, c.id "
            "LIMIT :limit OFFSET :offset", params)
        total = self._all(f"SELECT count(*) AS n FROM courses c {where}", params)[0].n
        return [Choice(r.id, r.title) for r in rows], total

    def course_title(self, course_id: int) -> str | None:
        rows = self._all("SELECT title FROM courses WHERE id = :c", {"c": course_id})
        return rows[0].title if rows else None

    # -- one learner: a row per course -----------------------------------------------------------------------------
    def _learner_from(self) -> str:
        # SQLite takes the bare column `id` from the row holding max(number): the latest attempt of each course.
        return (
            "FROM courses c "
            "LEFT JOIN (SELECT id, course_id, max(number) AS n FROM attempts WHERE learner_id = :lid "
            "           GROUP BY course_id) la ON la.course_id = c.id "
            "LEFT JOIN attempts a ON a.id = la.id "
        )

    def learner_rows(
        self,
        learner_id: int,
        search: str = "",
        labels: Iterable[str] | None = None,
        sort: str = "title",
        descending: bool = False,
        limit: int | None = 200,
        offset: int = 0,
    ) -> Page:
        """The learner's status on every course (title containing `search`, status among `labels`), one page."""
        params: dict[str, Any] = {"lid": learner_id, "q": _like(search), "limit": -1 if limit is None else limit,
                                  "offset": offset}
        where = "WHERE 1=1" + (" AND c.title LIKE :q ESCAPE '\\'" if search else "") + _labels_clause(labels, params)
        with self.sessions() as s:
            name = s.execute(text("SELECT name FROM learners WHERE id = :lid"), params).scalar()
            params["lname"] = name or ""
            rows = s.execute(text(
                f"SELECT :lid AS learner_id, :lname AS learner, c.id AS course_id, c.title AS course_title, "
                f"{_STATUS_COLUMNS} {self._learner_from()} {where} "
                f"ORDER BY {_order(sort, descending, 'c.title COLLATE NOCASE, c.id')} LIMIT :limit OFFSET :offset"
            ), params)
            out = [_row(r) for r in rows]
            if limit is not None and (offset or len(out) >= limit):
                total = s.execute(text(f"SELECT count(*) {self._learner_from()} {where}"), params).scalar()
            else:
                total = offset + len(out)
        return Page(out, total, offset)

    def learner_totals(self, learner_id: int, search: str = "", labels: Iterable[str] | None = None) -> Totals:
        params: dict[str, Any] = {"lid": learner_id, "q": _like(search)}
        where = "WHERE 1=1" + (" AND c.title LIKE :q ESCAPE '\\'" if search else "") + _labels_clause(labels, params)
        return self._totals(f"{self._learner_from()} {where}", params)

    # -- one course: a row per learner -----------------------------------------------------------------------------
    def _course_from(self) -> str:
        return (
            "FROM learners l "
            "LEFT JOIN (SELECT id, learner_id, max(number) AS n FROM attempts WHERE course_id = :cid "
            "           GROUP BY learner_id) la ON la.learner_id = l.id "
            "LEFT JOIN attempts a ON a.id = la.id "
        )

    def course_rows(
        self,
        course_id: int,
        search: str = "",
        labels: Iterable[str] | None = None,
        sort: str = "learner",
        descending: bool = False,
        limit: int | None = 200,
        offset: int = 0,
    ) -> Page:
        """Every (non-preview) learner's status on the course (name containing `search`, status among `labels`)."""
        params: dict[str, Any] = {"cid": course_id, "q": _like(search), "limit": -1 if limit is None else limit,
                                  "offset": offset}
        where = ("WHERE l.is_preview = 0" + (" AND l.name LIKE :q ESCAPE '\\'" if search else "")
                 + _labels_clause(labels, params))
        with self.sessions() as s:
            title = s.execute(text("SELECT title FROM courses WHERE id = :cid"), params).scalar()
            params["ctitle"] = title or ""
            rows = s.execute(text(
                f"SELECT l.id AS learner_id, l.name AS learner, :cid AS course_id, :ctitle AS course_title, "
                f"{_STATUS_COLUMNS} {self._course_from()} {where} "
                f"ORDER BY {_order(sort, descending, 'l.name COLLATE NOCASE, l.id')} LIMIT :limit OFFSET :offset"
            ), params)
            out = [_row(r) for r in rows]
            if limit is not None and (offset or len(out) >= limit):
                total = s.execute(text(f"SELECT count(*) {self._course_from()} {where}"), params).scalar()
            else:
                total = offset + len(out)
        return Page(out, total, offset)

    def course_totals(self, course_id: int, search: str = "", labels: Iterable[str] | None = None) -> Totals:
        params: dict[str, Any] = {"cid": course_id, "q": _like(search)}
        where = ("WHERE l.is_preview = 0" + (" AND l.name LIKE :q ESCAPE '\\'" if search else "")
                 + _labels_clause(labels, params))
        return self._totals(f"{self._course_from()} {where}", params)

    # -- every course at once (the overview export) ----------------------------------------------------------------
    def course_figures(self, search: str = "", limit: int | None = None, offset: int = 0) -> list[CourseFigures]:
        """Each course's figures over every learner, by title. One pass over the attempts (a few seconds for a
        million): meant for exports, not for a screen."""
        params: dict[str, Any] = {"q": _like(search), "limit": -1 if limit is None else limit, "offset": offset}
        where = "WHERE c.title LIKE :q ESCAPE '\\'" if search else ""
        with self.sessions() as s:
            learners = s.execute(text("SELECT count(*) FROM learners WHERE is_preview = 0")).scalar() or 0
            courses = list(s.execute(text(
                f"SELECT c.id, c.title FROM courses c {where} ORDER BY c.title COLLATE NOCASE, c.id "
                "LIMIT :limit OFFSET :offset"), params))
            ids = {r.id for r in courses}
            course_filter = "" if (not search and limit is None and not offset) else (
                " AND a.course_id IN (SELECT c.id FROM courses c "
                f"{where} ORDER BY c.title COLLATE NOCASE, c.id LIMIT :limit OFFSET :offset)")
            # The latest attempt of each learner × course (index order: no sort), then grouped per course and label.
            grouped = s.execute(text(
                "SELECT course_id, label, count(*) AS n, sum(completion = 'completed') AS done, "
                "sum(coalesce(progress, 0)) AS progress, sum(score) AS score_sum, count(score) AS scored, "
                "sum(total_seconds) AS seconds FROM ("
                "  SELECT a.course_id, a.label, a.completion, a.progress, a.score, a.total_seconds, max(a.number) "
                "  FROM attempts a JOIN learners l ON l.id = a.learner_id "
                f"  WHERE l.is_preview = 0 {course_filter} GROUP BY a.learner_id, a.course_id"
                ") GROUP BY course_id, label"), params)
            acc: dict[int, list[Any]] = {}
            for r in grouped:
                if r.course_id in ids:
                    acc.setdefault(r.course_id, []).append(r)
        return [CourseFigures(c.id, c.title, _fold(acc.get(c.id, []), learners)) for c in courses]

    # -- helpers ---------------------------------------------------------------------------------------------------
    def _totals(self, from_where: str, params: dict[str, Any]) -> Totals:
        rows = self._all(
            "SELECT coalesce(a.label, 'not started') AS label, count(*) AS n, "
            "sum(coalesce(a.completion, '') = 'completed') AS done, sum(coalesce(a.progress, 0)) AS progress, "
            "sum(a.score) AS score_sum, count(a.score) AS scored, sum(coalesce(a.total_seconds, 0)) AS seconds "
            f"{from_where} GROUP BY 1", params)
        return _fold(rows, None)


def _fold(groups: list[Any], expected_rows: int | None) -> Totals:
    """Totals from per-label groups; with `expected_rows`, rows missing from the groups are learners never started."""
    counts = {label: 0 for label in LABELS}
    n = done = scored = 0
    progress = score_sum = seconds = 0.0
    for g in groups:
        counts[g.label] = counts.get(g.label, 0) + g.n
        n += g.n
        done += g.done or 0
        progress += g.progress or 0.0
        score_sum += g.score_sum or 0.0
        scored += g.scored or 0
        seconds += g.seconds or 0.0
    if expected_rows is not None and expected_rows > n:
        counts["not started"] += expected_rows - n
        n = expected_rows
    return Totals(
        rows=n, counts=counts, completed=done, average_progress=progress / n if n else None,
        average_score=score_sum / scored if scored else None, total_seconds=seconds,
    )


def _row(r: Any) -> StatusRow:
    return StatusRow(
        learner_id=r.learner_id, learner=r.learner, course_id=r.course_id, course_title=r.course_title,
        attempt=r.attempt, label=r.label, completion=r.completion, success=r.success, score=r.score,
        progress=r.progress, total_seconds=float(r.total_seconds or 0.0), resumable=bool(r.resumable),
        resume_point=r.resume_point, first_activity=r.first_activity, last_activity=r.last_activity,
    )


# -- formatting shared by the window and the reports -------------------------------------------------------------
def format_duration(seconds: float | None) -> str:
    """`1:02:03` (hours:minutes:seconds), `0:00:00` for nothing recorded."""
    total = int(round(seconds or 0))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def format_total_time(seconds: float | None) -> str:
    """A total that may run to thousands of hours: `7,665 h 48 min`, `37 min`, `0 min`."""
    minutes = int(round((seconds or 0) / 60))
    hours, minutes = divmod(minutes, 60)
    return f"{hours:,} h {minutes:02d} min" if hours else f"{minutes} min"


def format_percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f}%"


def format_local_time(stamp: str | None) -> str:
    """A stored UTC timestamp (ISO 8601) as local `YYYY-MM-DD HH:MM`; empty when there is none."""
    if not stamp:
        return ""
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return when.astimezone().strftime("%Y-%m-%d %H:%M")
