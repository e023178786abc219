"""Learning records out: `report` (status, score, progress, time per learner and SCO) and `export` (the dashboard's
tables as CSV, or a printable PDF).

    scorm-desktop export --csv FILE [--learner NAME | --course ID]
    scorm-desktop export --pdf FILE [--learner NAME | --course ID]

With --learner: that learner's status on every course; with --course (an id or exact title): every learner's status
on it; with neither: one row per course with its figures over every learner. Columns: `reports/csv_export.py`.
CSV never loads Qt; --pdf creates an offscreen QGuiApplication when it runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..i18n import _, plural
from .common import find_course, print_json, refuse


def add_parsers(sub) -> None:
    rep = sub.add_parser("report", help=_("learning records: status, score, progress, time per learner and SCO"))
    rep.add_argument("--json", action="store_true")
    rep.add_argument("--course", metavar="ID", help=_("only this course"))
    rep.add_argument("--learner", metavar="NAME", help=_("only this learner"))
    rep.add_argument("--cmi", action="store_true", help=_("include every stored CMI value"))

    exp = sub.add_parser(
        "export", help=_("write the dashboard's tables as CSV (for spreadsheets) or a printable PDF report"),
        description=_("A learner's courses (--learner), a course's learners (--course), or every course's figures."),
    )
    fmt = exp.add_mutually_exclusive_group(required=True)
    fmt.add_argument("--csv", metavar="FILE", help=_("write CSV (UTF-8 with BOM, opens in Excel)"))
    fmt.add_argument("--pdf", metavar="FILE", help=_("write a printable A4 PDF report"))
    who = exp.add_mutually_exclusive_group()
    who.add_argument("--learner", metavar="NAME", help=_("only this learner: one row per course"))
    who.add_argument("--course", metavar="ID", help=_("only this course (id or exact title): one row per learner"))


def cmd_report(services, args) -> int:
    from ..reports.rows import not_started_attempts, report_rows, report_table

    course_id = None
    if args.course:
        course = find_course(services, args.course)
        if course is None:
            return 2
        course_id = course.id
    rows = report_rows(services, course_id=course_id, learner=args.learner, include_cmi=args.cmi)
    if args.json:
        print_json(rows)
        return 0
    rows += not_started_attempts(services, rows, course_id=course_id, learner=args.learner)
    if not rows:
        print(_("No learning records yet."))
        return 0
    for line in report_table(rows, include_cmi=args.cmi):
        print(line)
    return 0


def cmd_export(services, args: argparse.Namespace) -> int:
    from ..reports.queries import Dashboard

    dashboard = Dashboard(services.sessions)
    learner_id = course_id = None
    if args.learner is not None:
        learner = dashboard.learner_by_name(args.learner)
        if learner is None:
            return refuse(_("there is no learner '{0}' (see: scorm-desktop report)").format(args.learner))
        learner_id = learner.id
    if args.course is not None:
        course = find_course(services, args.course)
        if course is None:
            return 2
        course_id = course.id
    target = Path(args.csv or args.pdf)
    if not target.parent.is_dir():
        return refuse(_("the folder {0} does not exist").format(target.parent))
    try:
        if args.csv:
            count = _csv(dashboard, target, learner_id, course_id)
        else:
            count = _pdf(dashboard, target, learner_id, course_id)
    except OSError as exc:
        print(_("error: {0} could not be written ({1})").format(target, exc.strerror or exc), file=sys.stderr)
        return 1
    if course_id is None:
        print(_("wrote {0} to {1}").format(plural(count, _("{0} course"), _("{0} courses")), target))
    else:
        print(_("wrote {0} to {1}").format(plural(count, _("{0} learner"), _("{0} learners")), target))
    return 0


def _csv(dashboard, target: Path, learner_id: int | None, course_id: int | None) -> int:
    from ..reports.csv_export import write_overview, write_rows

    if learner_id is not None:
        return write_rows(target, dashboard.learner_rows(learner_id, limit=None).rows)
    if course_id is not None:
        return write_rows(target, dashboard.course_rows(course_id, limit=None).rows)
    return write_overview(target, dashboard.course_figures())


def _pdf(dashboard, target: Path, learner_id: int | None, course_id: int | None) -> int:
    from ..app import create_application

    create_application(headless=True)  # QTextDocument and QPdfWriter need a QGuiApplication (offscreen)
    from ..ui.report_pdf import write_course_pdf, write_learner_pdf, write_overview_pdf

    if learner_id is not None:
        return write_learner_pdf(dashboard, learner_id, target)
    if course_id is not None:
        return write_course_pdf(dashboard, course_id, target)
    return write_overview_pdf(dashboard, target)


COMMANDS = {"report": cmd_report, "export": cmd_export}
