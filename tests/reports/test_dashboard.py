"""The dashboard's queries (scorm_desktop/reports/queries.py) over a database built with the real migrations.

`populate()` writes a small library by hand (values chosen so every figure can be checked by eye); the UI and report
tests import it too.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest

from scorm_desktop.reports.queries import LABELS, Dashboard, format_duration, format_local_time, format_percent
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services

MANIFEST = {
    "identifier": "gen", "standard": "scorm12", "edition": "1.2", "edition_guessed": False,
    "organization": {"identifier": "ORG", "title": "T", "items": [{
        "identifier": "ITEM", "title": "T", "identifierref": "RES", "parameters": None, "is_visible": True,
        "data_from_lms": None, "mastery_score": None, "max_time_allowed": None, "time_limit_action": None,
        "completion_threshold": None, "prerequisites": None, "prerequisites_type": None,
        "completed_by_measure": False, "progress_weight": None, "sequencing_xml": None, "hide_lms_ui": [],
        "data_maps": [], "children": []}],
        "sequencing_xml": None, "objectives_global_to_system": True, "shared_data_global_to_system": True},
    "resources": {"RES": {"identifier": "RES", "scorm_type": "sco", "href": "index.html", "files": ["index.html"],
                          "dependencies": []}},
    "sequencing_collection_xml": None, "warnings": [],
}
MANIFEST["organizations"] = [MANIFEST["organization"]]

COURSES = ["Alpha", "Beta", "Gamma 100%_x", "delta"]
LEARNERS = [("Ana", 0), ("Ben", 0), ("Cleo", 0), ("Preview", 1)]
#: (learner, course, number, label, completion, success, score, progress, seconds, resumable, resume point, last)
ATTEMPTS = [
    ("Ana", "Alpha", 1, "failed", "completed", "failed", 0.4, 1.0, 100, 0, None, "2026-01-01T10:00:00.000Z"),
    ("Ana", "Alpha", 2, "passed", "completed", "passed", 0.9, 1.0, 600, 0, None, "2026-01-03T10:00:00.000Z"),
    ("Ana", "Beta", 1, "in progress", "incomplete", "unknown", None, 0.5, 120, 1, "page-3",
     "2026-01-05T09:30:00.000Z"),
    ("Ana", "Gamma 100%_x", 1, "completed", "completed", "unknown", None, 1.0, 300, 0, None,
     "2026-01-02T08:00:00.000Z"),
    ("Ben", "Alpha", 1, "failed", "completed", "failed", 0.3, 1.0, 200, 0, None, "2026-01-04T12:00:00.000Z"),
    ("Ben", "Beta", 1, "in progress", "incomplete", "unknown", None, None, 60, 1, "ITEM",
     "2026-01-06T12:00:00.000Z"),
    ("Preview", "Alpha", 1, "passed", "completed", "passed", 1.0, 1.0, 999, 0, None, "2026-01-07T12:00:00.000Z"),
]


def course_row(i: int, title: str, now: str = "2026-01-01T00:00:00.000Z") -> tuple:
    """A `courses` row with a tiny valid manifest (no files on disk: enough for every read the dashboard does)."""
    manifest = dict(MANIFEST, identifier=f"gen.{i}")
    return (i, title, f"gen.{i}", "scorm12", "1.2", f"hash-{i}", f"folder-{i}", f"gen-{i}.zip", 1000, 1, now,
            json.dumps(manifest))


def insert_courses(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    conn.executemany(
        "INSERT INTO courses (id, title, identifier, standard, edition, content_hash, folder, source_name, "
        "size_bytes, sco_count, imported_at, manifest_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)


ATTEMPT_SQL = (
    "INSERT INTO attempts (learner_id, course_id, number, registration, started_at, last_activity_at, label, "
    "completion, success, score, progress, total_seconds, resumable, resume_point, summary_version) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)"
)


def populate(root: Path) -> tuple[Path, dict[str, int], dict[str, int]]:
    """A data folder (real migrations) holding COURSES, LEARNERS and ATTEMPTS: (folder, course ids, learner ids)."""
    services = open_services(DataPaths(root, explicit=True), with_sample=False)
    services.close()
    conn = sqlite3.connect(root / "library.sqlite3")
    with conn:
        insert_courses(conn, [course_row(i + 1, t) for i, t in enumerate(COURSES)])
        conn.executemany(
            "INSERT INTO learners (id, uid, name, created_at, is_preview) VALUES (?,?,?,?,?)",
            [(i + 1, str(uuid.uuid4()), n, "2026-01-01T00:00:00.000Z", p) for i, (n, p) in enumerate(LEARNERS)])
        courses = {t: i + 1 for i, t in enumerate(COURSES)}
        learners = {n: i + 1 for i, (n, _) in enumerate(LEARNERS)}
        conn.executemany(ATTEMPT_SQL, [
            (learners[lr], courses[c], n, str(uuid.uuid4()), "2026-01-01T09:00:00.000Z", last, label, comp, succ,
             score, prog, secs, res, point)
            for lr, c, n, label, comp, succ, score, prog, secs, res, point, last in ATTEMPTS])
    conn.close()
    return root, courses, learners


@pytest.fixture
def library(tmp_path):
    root, courses, learners = populate(tmp_path / "data")
    services = open_services(DataPaths(root, explicit=True), with_sample=False)
    yield services, courses, learners
    services.close()


def test_a_learner_sees_every_course_with_the_latest_attempt(library):
    services, courses, learners = library
    page = Dashboard(services.sessions).learner_rows(learners["Ana"])
    by_title = {r.course_title: r for r in page.rows}
    assert [r.course_title for r in page.rows] == ["Alpha", "Beta", "delta", "Gamma 100%_x"]  # by title, any case
    assert page.total == 4
    alpha = by_title["Alpha"]
    assert (alpha.attempt, alpha.label, alpha.score, alpha.total_seconds) == (2, "passed", 0.9, 600.0)
    beta = by_title["Beta"]
    assert beta.resumable is True and beta.resume_point == "page-3" and beta.progress == 0.5
    never = by_title["delta"]
    assert (never.attempt, never.label, never.completion, never.progress, never.total_seconds) == (
        None, "not started", "not attempted", None, 0.0)
    assert all(r.learner == "Ana" and r.learner_id == learners["Ana"] for r in page.rows)


def test_learner_rows_sort_filter_and_page(library):
    services, courses, learners = library
    d = Dashboard(services.sessions)
    ana = learners["Ana"]
    by_score = d.learner_rows(ana, sort="score", descending=True)
    assert [r.course_title for r in by_score.rows][:1] == ["Alpha"]
    assert [r.score for r in by_score.rows][1:] == [None, None, None]  # unknown scores last, either direction
    assert [r.course_title for r in d.learner_rows(ana, sort="score").rows][0] == "Alpha"
    by_status = [r.label for r in d.learner_rows(ana, sort="status").rows]
    assert by_status == ["not started", "in progress", "completed", "passed"]
    assert [r.course_title for r in d.learner_rows(ana, sort="last_activity", descending=True).rows] == [
        "Beta", "Alpha", "Gamma 100%_x", "delta"]
    assert [r.course_title for r in d.learner_rows(ana, search="ALP").rows] == ["Alpha"]
    # LIKE's wildcards are taken literally: "%_" matches only the title that has them.
    assert [r.course_title for r in d.learner_rows(ana, search="%_").rows] == ["Gamma 100%_x"]
    assert [r.course_title for r in d.learner_rows(ana, labels=["not started", "in progress"]).rows] == [
        "Beta", "delta"]
    first = d.learner_rows(ana, limit=3)
    second = d.learner_rows(ana, limit=3, offset=3)
    assert (len(first.rows), first.total, len(second.rows), second.total) == (3, 4, 1, 4)
    assert [r.course_title for r in first.rows + second.rows] == ["Alpha", "Beta", "delta", "Gamma 100%_x"]
    with pytest.raises(ValueError):
        d.learner_rows(ana, sort="title; DROP TABLE courses")


def test_a_course_sees_every_learner_but_the_preview_learner(library):
    services, courses, learners = library
    d = Dashboard(services.sessions)
    page = d.course_rows(courses["Alpha"])
    assert [(r.learner, r.label) for r in page.rows] == [("Ana", "passed"), ("Ben", "failed"),
                                                          ("Cleo", "not started")]
    assert page.total == 3 and all(r.course_title == "Alpha" for r in page.rows)
    assert [r.learner for r in d.course_rows(courses["Alpha"], sort="score", descending=True).rows] == [
        "Ana", "Ben", "Cleo"]
    assert [r.learner for r in d.course_rows(courses["Alpha"], search="e").rows] == ["Ben", "Cleo"]
    assert [c.name for c in d.learners()] == ["Ana", "Ben", "Cleo"]


def test_course_totals_are_the_documented_figures(library):
    services, courses, learners = library
    t = Dashboard(services.sessions).course_totals(courses["Alpha"])
    assert t.rows == 3
    assert t.counts == {"not started": 1, "in progress": 0, "completed": 0, "passed": 1, "failed": 1}
    assert t.completion_rate == pytest.approx(2 / 3)
    assert t.average_progress == pytest.approx(2 / 3)  # 1, 1 and 0 for Cleo, who never started
    assert t.average_score == pytest.approx(0.6)  # Ana's latest 0.9 and Ben's 0.3 (not Ana's earlier 0.4)
    assert t.total_seconds == pytest.approx(800)  # the latest attempts only; the preview learner's 999 left out
    beta = Dashboard(services.sessions).course_totals(courses["Beta"])
    assert beta.counts["in progress"] == 2 and beta.average_score is None and beta.completion_rate == 0
    assert beta.average_progress == pytest.approx(0.5 / 3)  # Ben's unknown progress counts as 0


def test_learner_totals(library):
    services, courses, learners = library
    t = Dashboard(services.sessions).learner_totals(learners["Ana"])
    assert (t.rows, t.started, t.completed) == (4, 3, 2)
    assert t.counts == {"not started": 1, "in progress": 1, "completed": 1, "passed": 1, "failed": 0}
    assert t.total_seconds == pytest.approx(1020) and t.average_score == pytest.approx(0.9)
    cleo = Dashboard(services.sessions).learner_totals(learners["Cleo"])
    assert cleo.counts["not started"] == 4 and cleo.completion_rate == 0 and cleo.average_score is None


def test_course_figures_for_every_course_match_the_per_course_totals(library):
    services, courses, learners = library
    d = Dashboard(services.sessions)
    figures = d.course_figures()
    assert [f.title for f in figures] == ["Alpha", "Beta", "delta", "Gamma 100%_x"]
    for f in figures:
        assert f.totals == d.course_totals(f.course_id), f.title
    assert figures[2].totals.counts["not started"] == 3  # nobody opened "delta"
    assert [f.title for f in d.course_figures(search="a", limit=2, offset=1)] == ["Beta", "delta"]
    for f in d.course_figures(search="a", limit=2, offset=1):
        assert f.totals == d.course_totals(f.course_id), f.title


def test_course_picker_searches_and_pages(library):
    services, courses, learners = library
    d = Dashboard(services.sessions)
    page, total = d.courses()
    assert [c.name for c in page] == ["Alpha", "Beta", "delta", "Gamma 100%_x"] and total == 4
    page, total = d.courses(search="TA", limit=1)
    assert [c.name for c in page] == ["Beta"] and total == 2
    assert d.course_title(courses["Beta"]) == "Beta" and d.course_title(999) is None
    assert d.learner_by_name("Ana").id == learners["Ana"] and d.learner_by_name("Preview") is None


def test_the_queries_use_the_attempt_indexes(library):
    """The per-learner and per-course reads search attempts through an index, never scan the table."""
    services, courses, learners = library
    conn = sqlite3.connect(services.paths.database)
    try:
        learner_plan = " ".join(r[3] for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT id, course_id, max(number) FROM attempts WHERE learner_id = 1 "
            "GROUP BY course_id"))
        course_plan = " ".join(r[3] for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT id, learner_id, max(number) FROM attempts WHERE course_id = 1 "
            "GROUP BY learner_id"))
    finally:
        conn.close()
    assert "USING" in learner_plan and "INDEX" in learner_plan and "SCAN attempts" not in learner_plan
    assert "USING" in course_plan and "INDEX" in course_plan and "SCAN attempts" not in course_plan


def test_formatting():
    assert format_duration(3723.4) == "1:02:03" and format_duration(None) == "0:00:00"
    assert format_percent(0.456) == "46%" and format_percent(None) == ""
    assert format_local_time(None) == "" and len(format_local_time("2026-01-01T10:00:00.000Z")) == 16
    assert LABELS[0] == "not started"
