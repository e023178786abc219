"""Printable PDF reports of a learner, a course, or every course: HTML laid out by QTextDocument into a QPdfWriter.

A4 portrait, 15 mm margins: a title, the date, the learner or course, its totals, then the table of statuses. The
table's header row repeats on every page (`<thead>`), rows break between pages, and each page is numbered.

No widgets are involved (QTextDocument and QPdfWriter paint off-screen), so a report can be written on the worker
thread; a QGuiApplication must exist (the `export --pdf` command creates an offscreen one). Every text that comes from
a package or a learner is HTML-escaped.
"""

from __future__ import annotations

import html
import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from ..reports.queries import (
    LABELS,
    CourseFigures,
    Dashboard,
    StatusRow,
    Totals,
    format_duration,
    format_local_time,
    format_percent,
    format_total_time,
)
from .dashboard_models import LABEL_COLORS

_CSS = """
body { color: #222; }
h1 { font-size: 16pt; margin-bottom: 2px; }
p.meta { color: #555; margin-top: 0; }
table.data { border-collapse: collapse; }
table.data th { background: #e8eaf0; text-align: left; font-weight: bold; padding: 3px; }
table.data td { padding: 3px; border-bottom: 1px solid #ddd; }
td.num, th.num { text-align: right; }
td.nw, th { white-space: nowrap; }
table.totals td { padding: 2px 12px 2px 0; }
"""


#: Words used inside f-strings below, where lupdate does not look: marked here so they are extracted.
_IN_F_STRINGS = (QT_TRANSLATE_NOOP("", "Report date"), QT_TRANSLATE_NOOP("", "Totals"),
                 QT_TRANSLATE_NOOP("", "No rows."), QT_TRANSLATE_NOOP("", "No courses."))


def _tr(text: str) -> str:
    """The report's words in the app's language. lupdate files the literal `_tr("...")` calls of this module under
    the empty context (scripts/i18n.py); words that come from data (status labels, column names) are the
    dashboard's and the player's own."""
    for context in ("", "Dashboard", "PlayerWindow"):
        done = QCoreApplication.translate(context, text)
        if done != text:
            return done
    return text


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text))


def _head(title: str, subject_caption: str, subject: str, generated: datetime) -> str:
    return (
        f"<html><head><meta charset='utf-8'><style>{_CSS}</style></head><body>"
        f"<h1>{_e(title)}</h1>"
        f"<p class='meta'>{_e(subject_caption)}: <b>{_e(subject)}</b><br>"
        f"{_e(_tr('Report date'))}: {_e(generated.strftime('%Y-%m-%d %H:%M'))} · SCORM Desktop</p>"
    )


def _totals_table(t: Totals, noun: str) -> str:
    cells = [
        (noun, f"{t.rows:,}"),
        *((_tr(label).capitalize(), f"{t.counts.get(label, 0):,}") for label in LABELS),
        (_tr("Completion rate"), format_percent(t.completion_rate) or "–"),
        (_tr("Average progress"), format_percent(t.average_progress) or "–"),
        (_tr("Average score"), format_percent(t.average_score) or "–"),
        (_tr("Total time"), format_total_time(t.total_seconds)),
    ]
    rows = []
    for i in range(0, len(cells), 2):
        pair = cells[i:i + 2]
        rows.append("<tr>" + "".join(f"<td>{_e(k)}</td><td><b>{_e(v)}</b></td>" for k, v in pair) + "</tr>")
    return f"<h3>{_e(_tr('Totals'))}</h3><table class='totals' cellspacing='0'>{''.join(rows)}</table>"


def _status_table(rows: list[StatusRow], first: str, first_of) -> str:
    head = "".join(
        f"<th width='{width}%'{' class=num' if num else ''}>{_e(_tr(h))}</th>"
        for h, num, width in ((first, False, 34), ("Status", False, 12), ("Progress", True, 9), ("Score", True, 7),
                              ("Time", True, 8), ("Last activity", False, 16), ("Resume point", False, 14))
    )
    body = []
    for r in rows:
        color = LABEL_COLORS.get(r.label, "#222")
        body.append(
            "<tr>"
            f"<td>{_e(first_of(r))}</td>"
            f"<td class='nw'><span style='color:{color}'>■</span> {_e(_tr(r.label))}</td>"
            f"<td class='num nw'>{_e(format_percent(r.progress))}</td>"
            f"<td class='num nw'>{_e(format_percent(r.score))}</td>"
            f"<td class='num nw'>{_e(format_duration(r.total_seconds) if r.attempt is not None else '')}</td>"
            f"<td class='nw'>{_e(format_local_time(r.last_activity))}</td>"
            f"<td>{_e((r.resume_point or _tr('yes')) if r.resumable else '')}</td>"
            "</tr>"
        )
    if not body:
        body.append(f"<tr><td colspan='7'>{_e(_tr('No rows.'))}</td></tr>")
    return (f"<table class='data' width='100%' cellspacing='0'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def learner_html(name: str, rows: list[StatusRow], totals: Totals, generated: datetime | None = None) -> str:
    generated = generated or datetime.now()
    return (_head(_tr("Learning report: learner"), _tr("Learner"), name, generated)
            + _totals_table(totals, _tr("Courses"))
            + f"<h3>{_e(_tr('Courses'))}</h3>" + _status_table(rows, "Course", lambda r: r.course_title)
            + "</body></html>")


def course_html(title: str, rows: list[StatusRow], totals: Totals, generated: datetime | None = None) -> str:
    generated = generated or datetime.now()
    return (_head(_tr("Learning report: course"), _tr("Course"), title, generated)
            + _totals_table(totals, _tr("Learners"))
            + f"<h3>{_e(_tr('Learners'))}</h3>" + _status_table(rows, "Learner", lambda r: r.learner)
            + "</body></html>")


def overview_html(figures: list[CourseFigures], generated: datetime | None = None) -> str:
    generated = generated or datetime.now()
    head = "".join(f"<th{' class=num' if i else ''}>{_e(_tr(h))}</th>" for i, h in enumerate(
        ("Course", "Learners", "Not started", "In progress", "Completed", "Passed", "Failed", "Completion rate",
         "Average progress", "Average score", "Total time")))
    body = []
    for f in figures:
        t = f.totals
        nums = [f"{t.rows:,}", *(f"{t.counts.get(lb, 0):,}" for lb in LABELS), format_percent(t.completion_rate),
                format_percent(t.average_progress), format_percent(t.average_score), format_total_time(t.total_seconds)]
        body.append(f"<tr><td>{_e(f.title)}</td>" + "".join(f"<td class='num'>{_e(n)}</td>" for n in nums) + "</tr>")
    if not body:
        body.append(f"<tr><td colspan='11'>{_e(_tr('No courses.'))}</td></tr>")
    return (_head(_tr("Learning report: all courses"), _tr("Courses"), f"{len(figures):,}", generated)
            + f"<table class='data' width='100%' cellspacing='0'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></body></html>")


def write_pdf(document_html: str, path: Path, title: str, landscape: bool = False) -> None:
    """Lay `document_html` out on A4 pages and write it to `path` (written beside it, then renamed into place)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        writer = QPdfWriter(str(tmp))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
        writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout.Unit.Millimeter)
        writer.setResolution(RESOLUTION)
        writer.setTitle(title)
        writer.setCreator("SCORM Desktop")
        _paint(writer, document_html)
        del writer  # closes the file
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


#: Device pixels per inch of the PDF layout: CSS pixels in the HTML are these (the PDF itself is vector).
RESOLUTION = 96


def _paint(writer: QPdfWriter, document_html: str) -> None:
    """The pages, each with its number in the footer. The document is laid out for the writer's page (not the
    2 cm margins QTextDocument.print_ adds), so tables break between rows and repeat their header row."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDocumentMargin(0)
    font = QFont()
    font.setPointSizeF(8.5)
    doc.setDefaultFont(font)
    footer = int(RESOLUTION * 0.3)  # about 8 mm for the page number
    width, height = writer.width(), writer.height() - footer
    doc.setPageSize(QSizeF(width, height))
    doc.setHtml(document_html)
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF file could not be opened for writing")
    try:
        small = QFont(font)
        small.setPointSizeF(8)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * height)
            doc.drawContents(painter, QRectF(0, page * height, width, height))
            painter.restore()
            painter.setFont(small)
            painter.setPen(QColor("#666"))
            painter.drawText(QRectF(0, height, width, footer), int(Qt.AlignmentFlag.AlignRight |
                             Qt.AlignmentFlag.AlignBottom), _tr("Page {0} of {1}").format(page + 1, pages))
    finally:
        painter.end()


def write_learner_pdf(dashboard: Dashboard, learner_id: int, path: Path) -> int:
    """The learner's report (every course); returns the number of course rows."""
    page = dashboard.learner_rows(learner_id, limit=None)
    name = page.rows[0].learner if page.rows else next(
        (lr.name for lr in dashboard.learners() if lr.id == learner_id), str(learner_id))
    write_pdf(learner_html(name, page.rows, dashboard.learner_totals(learner_id)), path,
              _tr("Learning report: {0}").format(name))
    return len(page.rows)


def write_course_pdf(dashboard: Dashboard, course_id: int, path: Path) -> int:
    """The course's report (every learner); returns the number of learner rows."""
    page = dashboard.course_rows(course_id, limit=None)
    title = dashboard.course_title(course_id) or str(course_id)
    write_pdf(course_html(title, page.rows, dashboard.course_totals(course_id)), path,
              _tr("Learning report: {0}").format(title))
    return len(page.rows)


def write_overview_pdf(dashboard: Dashboard, path: Path) -> int:
    """Every course with its figures; returns the number of courses."""
    figures = dashboard.course_figures()
    write_pdf(overview_html(figures), path, _tr("Learning report: all courses"), landscape=True)
    return len(figures)
