"""Printable PDF reports of a learner, a course, or every course: the HTML of reports/pdf_html.py (in the app's
language) laid out by QTextDocument into a QPdfWriter.

A4 portrait, 15 mm margins; rows break between pages, the table's header row repeats, and each page is numbered.

No widgets are involved (QTextDocument and QPdfWriter paint off-screen), so a report can be written on the worker
thread; a QGuiApplication must exist (the `export --pdf` command creates an offscreen one).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from ..reports.pdf_html import course_html, learner_html, overview_html
from ..reports.queries import Dashboard

#: Words reports/pdf_html.py uses inside f-strings, where lupdate does not look: marked here so they are extracted.
_IN_F_STRINGS = (QT_TRANSLATE_NOOP("", "Report date"), QT_TRANSLATE_NOOP("", "Totals"),
                 QT_TRANSLATE_NOOP("", "No rows."), QT_TRANSLATE_NOOP("", "No courses."))


def _tr(text: str) -> str:
    """The report's words in the app's language. lupdate files the literal `_tr("...")` calls of reports/pdf_html.py
    under the empty context (scripts/i18n.py); words that come from data (status labels, column names) are the
    dashboard's and the player's own."""
    for context in ("", "Dashboard", "PlayerWindow"):
        done = QCoreApplication.translate(context, text)
        if done != text:
            return done
    return text


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
    write_pdf(learner_html(name, page.rows, dashboard.learner_totals(learner_id), _tr=_tr), path,
              _tr("Learning report: {0}").format(name))
    return len(page.rows)


def write_course_pdf(dashboard: Dashboard, course_id: int, path: Path) -> int:
    """The course's report (every learner); returns the number of learner rows."""
    page = dashboard.course_rows(course_id, limit=None)
    title = dashboard.course_title(course_id) or str(course_id)
    write_pdf(course_html(title, page.rows, dashboard.course_totals(course_id), _tr=_tr), path,
              _tr("Learning report: {0}").format(title))
    return len(page.rows)


def write_overview_pdf(dashboard: Dashboard, path: Path) -> int:
    """Every course with its figures; returns the number of courses."""
    figures = dashboard.course_figures()
    write_pdf(overview_html(figures, _tr=_tr), path, _tr("Learning report: all courses"), landscape=True)
    return len(figures)
