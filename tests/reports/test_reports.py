"""Reports of the dashboard's tables: CSV content, PDF text (pdftotext), and `scorm-desktop export` as a process."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from scorm_desktop.paths import DataPaths
from scorm_desktop.reports.csv_export import OVERVIEW_COLUMNS, STATUS_COLUMNS, safe_text, write_overview, write_rows
from scorm_desktop.reports.queries import Dashboard
from scorm_desktop.services import open_services
from test_dashboard import populate

ROOT = Path(__file__).resolve().parent.parent.parent
PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")

#: Runs the real `scorm_desktop.cli.main`.
CLI = (
    "import sys\n"
    "from scorm_desktop import cli\n"
    "sys.exit(cli.main(sys.argv[1:]))\n"
)


@pytest.fixture
def data(tmp_path):
    root, courses, learners = populate(tmp_path / "data")
    (root / ".sample-imported").write_text("")
    return root, courses, learners


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    assert b"\r\n" in raw  # Excel's line ends
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def pdf_text(path: Path) -> str:
    out = subprocess.run([PDFTOTEXT, "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CLI, "--data-dir", str(root), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_learner_csv_has_the_documented_columns_and_values(data, tmp_path):
    root, courses, learners = data
    svc = open_services(DataPaths(root, explicit=True), with_sample=False)
    try:
        out = tmp_path / "ana.csv"
        assert write_rows(out, Dashboard(svc.sessions).learner_rows(learners["Ana"], limit=None).rows) == 4
    finally:
        svc.close()
    rows = read_csv(out)
    assert list(rows[0]) == list(STATUS_COLUMNS)
    alpha, beta, delta, gamma = rows
    assert alpha == {
        "learner": "Ana", "course_id": str(courses["Alpha"]), "course": "Alpha", "status": "passed",
        "completion": "completed", "success": "passed", "score_percent": "90.0", "progress_percent": "100.0",
        "time_seconds": "600", "time": "0:10:00", "attempt": "2", "resumable": "no", "resume_point": "",
        "first_activity_utc": "2026-01-01T09:00:00.000Z", "last_activity_utc": "2026-01-03T10:00:00.000Z",
    }
    assert (beta["resumable"], beta["resume_point"], beta["progress_percent"], beta["score_percent"]) == (
        "yes", "page-3", "50.0", "")
    assert (delta["status"], delta["attempt"], delta["time_seconds"], delta["last_activity_utc"]) == (
        "not started", "", "0", "")
    assert gamma["course"] == "Gamma 100%_x"


def test_overview_csv_and_formula_safety(data, tmp_path):
    root, courses, learners = data
    conn = sqlite3.connect(root / "library.sqlite3")
    with conn:
        conn.execute("UPDATE courses SET title = '=HYPERLINK(\"http://x\",\"Ëxam, \"\"quoted\"\"\")' WHERE id = ?",
                     (courses["delta"],))
    conn.close()
    svc = open_services(DataPaths(root, explicit=True), with_sample=False)
    try:
        out = tmp_path / "all.csv"
        assert write_overview(out, Dashboard(svc.sessions).course_figures()) == 4
    finally:
        svc.close()
    rows = read_csv(out)
    assert list(rows[0]) == list(OVERVIEW_COLUMNS)
    alpha = next(r for r in rows if r["course"] == "Alpha")
    assert {k: alpha[k] for k in ("learners", "not_started", "passed", "failed", "completion_rate_percent",
                                  "average_score_percent", "total_time_seconds", "total_time")} == {
        "learners": "3", "not_started": "1", "passed": "1", "failed": "1", "completion_rate_percent": "66.7",
        "average_score_percent": "60.0", "total_time_seconds": "800", "total_time": "0:13:20"}
    formula = next(r for r in rows if "HYPERLINK" in r["course"])
    assert formula["course"] == "'=HYPERLINK(\"http://x\",\"Ëxam, \"\"quoted\"\"\")"  # text, never a formula
    assert safe_text("-1") == "'-1" and safe_text("Intro") == "Intro" and safe_text(None) == ""


def test_a_failed_write_leaves_no_file(tmp_path):
    target = tmp_path / "missing-folder" / "x.csv"
    with pytest.raises(OSError):
        write_rows(target, [])
    assert not target.exists()


@needs_pdftotext
def test_learner_and_course_pdfs_hold_the_title_date_subject_table_and_totals(data, tmp_path, qapp):
    from scorm_desktop.ui.report_pdf import write_course_pdf, write_learner_pdf

    root, courses, learners = data
    svc = open_services(DataPaths(root, explicit=True), with_sample=False)
    try:
        d = Dashboard(svc.sessions)
        assert write_learner_pdf(d, learners["Ana"], tmp_path / "ana.pdf") == 4
        assert write_course_pdf(d, courses["Alpha"], tmp_path / "alpha.pdf") == 3
    finally:
        svc.close()
    ana = pdf_text(tmp_path / "ana.pdf")
    assert "Learning report: learner" in ana and "Learner: Ana" in ana and "Report date:" in ana
    for title in ("Alpha", "Beta", "delta", "Gamma 100%_x"):
        assert title in ana
    assert "page-3" in ana and "Completion rate" in ana and "17 min" in ana  # Ana's total time
    alpha = pdf_text(tmp_path / "alpha.pdf")
    assert "Course: Alpha" in alpha and "Cleo" in alpha and "not started" in alpha and "67%" in alpha
    assert "Preview" not in alpha


@needs_pdftotext
def test_a_long_table_breaks_across_pages_with_its_header_repeated(tmp_path, qapp):
    from scorm_desktop.reports.queries import StatusRow, Totals
    from scorm_desktop.reports.pdf_html import learner_html
    from scorm_desktop.ui.report_pdf import write_pdf

    rows = [StatusRow(1, "Ana", i, f"Course number {i:03d} <b>not bold</b>", 1, "in progress", "incomplete",
                      "unknown", None, 0.5, 60.0, False, None, None, "2026-01-01T10:00:00.000Z")
            for i in range(1, 181)]
    out = tmp_path / "long.pdf"
    write_pdf(learner_html("Ana", rows, Totals(rows=180)), out, "long")
    pages = pdf_text(out).split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    assert all("Last activity" in p for p in pages)  # the table's header row on every page
    assert "Course number 180 <b>not bold</b>" in pages[-1]  # escaped: the markup stays text
    assert sum(p.count("Course number") for p in pages) == 180  # no row lost or split


def test_export_csv_from_the_command_line(data, tmp_path):
    root, courses, learners = data
    out = tmp_path / "ben.csv"
    r = run_cli(root, "export", "--csv", str(out), "--learner", "Ben")
    assert r.returncode == 0, r.stderr
    assert "wrote 4 courses" in r.stdout
    assert [row["status"] for row in read_csv(out)] == ["failed", "in progress", "not started", "not started"]
    r = run_cli(root, "export", "--csv", str(tmp_path / "alpha.csv"), "--course", "Alpha")
    assert r.returncode == 0, r.stderr
    assert [row["learner"] for row in read_csv(tmp_path / "alpha.csv")] == ["Ana", "Ben", "Cleo"]
    r = run_cli(root, "export", "--csv", str(tmp_path / "all.csv"))
    assert r.returncode == 0 and len(read_csv(tmp_path / "all.csv")) == 4
    r = run_cli(root, "export", "--csv", str(tmp_path / "x.csv"), "--learner", "Nobody")
    assert r.returncode == 2 and "no learner 'Nobody'" in r.stderr and not (tmp_path / "x.csv").exists()
    r = run_cli(root, "export", "--csv", str(tmp_path / "x.csv"), "--course", "999")
    assert r.returncode == 2 and "no course 999" in r.stderr


def test_export_csv_does_not_load_qt(data, tmp_path):
    root, courses, learners = data
    code = (CLI.replace("sys.exit(cli.main(sys.argv[1:]))\n", "")
            + "code = cli.main(sys.argv[1:])\n"
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))], 'Qt was loaded'\n"
            "sys.exit(code)\n")
    r = subprocess.run([sys.executable, "-c", code, "--data-dir", str(root), "export", "--csv",
                        str(tmp_path / "a.csv")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


@needs_pdftotext
def test_export_pdf_from_the_command_line(data, tmp_path):
    root, courses, learners = data
    r = run_cli(root, "export", "--pdf", str(tmp_path / "alpha.pdf"), "--course", str(courses["Alpha"]))
    assert r.returncode == 0, r.stderr
    text = pdf_text(tmp_path / "alpha.pdf")
    assert "Course: Alpha" in text and "Ana" in text and "Ben" in text
    r = run_cli(root, "export", "--pdf", str(tmp_path / "all.pdf"))
    assert r.returncode == 0, r.stderr
    assert "Learning report: all courses" in pdf_text(tmp_path / "all.pdf")
    r = run_cli(root, "export", "--pdf", str(tmp_path / "ana.pdf"), "--learner", "Ana")
    assert r.returncode == 0, r.stderr
    assert "Learner: Ana" in pdf_text(tmp_path / "ana.pdf")


def test_one_status_palette_beside_the_status_labels() -> None:
    """Every colour given to a status is status.py's: no other module maps status words to colours of its own."""
    import ast

    from scorm_desktop.status import LABEL_COLORS, LABELS, SCO_STATUS_LABELS

    assert set(LABEL_COLORS) == set(LABELS) and set(SCO_STATUS_LABELS.values()) <= set(LABELS)
    words = set(LABELS) | set(SCO_STATUS_LABELS)
    package = Path(__file__).resolve().parent.parent.parent / "scorm_desktop"
    palettes = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict) and len(node.keys) >= 3:
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                colours = [v for v in node.values if isinstance(v, ast.Constant) and str(v.value).startswith("#")]
                if len(keys & words) >= 3 and len(colours) >= 3:
                    palettes.append(str(path.relative_to(package)))
    assert palettes == ["status.py"]


def test_the_pdf_html_is_built_without_qt() -> None:
    """reports/ builds the PDF's words and table in plain Python (ui/report_pdf.py only lays them out)."""
    from scorm_desktop.reports.pdf_html import learner_html
    from scorm_desktop.reports.queries import StatusRow, Totals

    row = StatusRow(1, "Ana", 7, "<Golf>", 1, "passed", "completed", "passed", 0.9, 1.0, 60.0, False, None, None, None)
    page = learner_html("Ana", [row], Totals(rows=1), _tr=str.upper)
    assert "LEARNING REPORT: LEARNER" in page and "&lt;Golf&gt;" in page and "#43a047" in page


def test_a_table_as_the_dashboard_shows_it_is_written_without_qt(data, tmp_path):
    """reports.csv_export.write_table: the learner's or course's rows with the view's filter and order (the dashboard's
    Export CSV calls it on the worker)."""
    from scorm_desktop.reports.csv_export import write_table

    root, courses, learners = data
    svc = open_services(DataPaths(root, explicit=True), with_sample=False)
    try:
        d = Dashboard(svc.sessions)
        assert write_table(tmp_path / "ana.csv", d, "learner", learners["Ana"], sort="title", descending=True) == 4
        assert write_table(tmp_path / "alpha.csv", d, "course", courses["Alpha"], labels=["not started"]) == 1
    finally:
        svc.close()
    assert [r["course"] for r in read_csv(tmp_path / "ana.csv")] == ["Gamma 100%_x", "delta", "Beta", "Alpha"]
    assert [(r["learner"], r["status"]) for r in read_csv(tmp_path / "alpha.csv")] == [("Cleo", "not started")]
