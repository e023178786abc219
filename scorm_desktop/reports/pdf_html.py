"""The printable report's HTML (a learner, a course, or every course): a title, the date, the subject, its totals, then
the table of statuses with a header row that repeats on every page (`<thead>`). Plain Python: ui/report_pdf.py lays
it out on A4 pages with Qt.

Every text that comes from a package or a learner is HTML-escaped. The words are passed through `_tr`, the caller's
translation (ui/report_pdf.py passes the app's; lupdate finds the literal `_tr("...")` calls here, scripts/i18n.py).
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Callable

from ..status import LABEL_COLORS, LABELS
from .queries import (
    CourseFigures,
    StatusRow,
    Totals,
    format_duration,
    format_local_time,
    format_percent,
    format_total_time,
)

#: A translation of the report's words (the identity when there is none).
Translate = Callable[[str], str]


def same(text: str) -> str:
    return text


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



def _e(text: object) -> str:
    return html.escape("" if text is None else str(text))


def _head(title: str, subject_caption: str, subject: str, generated: datetime, _tr: Translate) -> str:
    return (
        f"<html><head><meta charset='utf-8'><style>{_CSS}</style></head><body>"
        f"<h1>{_e(title)}</h1>"
        f"<p class='meta'>{_e(subject_caption)}: <b>{_e(subject)}</b><br>"
        f"{_e(_tr('Report date'))}: {_e(generated.strftime('%Y-%m-%d %H:%M'))} · SCORM Desktop</p>"
    )


def _totals_table(t: Totals, noun: str, _tr: Translate) -> str:
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


def _status_table(rows: list[StatusRow], first: str, first_of, _tr: Translate) -> str:
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


def learner_html(name: str, rows: list[StatusRow], totals: Totals, generated: datetime | None = None,
                 _tr: Translate = same) -> str:
    generated = generated or datetime.now()
    return (_head(_tr("Learning report: learner"), _tr("Learner"), name, generated, _tr)
            + _totals_table(totals, _tr("Courses"), _tr)
            + f"<h3>{_e(_tr('Courses'))}</h3>" + _status_table(rows, "Course", lambda r: r.course_title, _tr)
            + "</body></html>")


def course_html(title: str, rows: list[StatusRow], totals: Totals, generated: datetime | None = None,
                _tr: Translate = same) -> str:
    generated = generated or datetime.now()
    return (_head(_tr("Learning report: course"), _tr("Course"), title, generated, _tr)
            + _totals_table(totals, _tr("Learners"), _tr)
            + f"<h3>{_e(_tr('Learners'))}</h3>" + _status_table(rows, "Learner", lambda r: r.learner, _tr)
            + "</body></html>")


def overview_html(figures: list[CourseFigures], generated: datetime | None = None, _tr: Translate = same) -> str:
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
    return (_head(_tr("Learning report: all courses"), _tr("Courses"), f"{len(figures):,}", generated, _tr)
            + f"<table class='data' width='100%' cellspacing='0'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></body></html>")
