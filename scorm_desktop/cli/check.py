"""``check``: validate course packages and run every item unattended, with a verdict per item and per
package.

    scorm-desktop check PACKAGE_OR_COURSE... [--json] [--html FILE] [--strict] [--idle S] [--jobs N] [--static]

A PACKAGE is a ZIP file or a package folder; a COURSE is a course of the library (id or exact title), checked from its
files. Nothing is recorded for any learner: the runs happen in a throwaway data folder. Exit status: 0 when no package
is broken (with --strict: also none with warnings), 1 otherwise, 2 for an argument that names nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

from ..checker.idle import DEFAULT_IDLE
from ..i18n import _
from .common import EXIT_USAGE, find_course

EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_parsers(subparsers) -> None:
    chk = subparsers.add_parser(
        "check", help=_("check course packages: validate them and run every item unattended, with a verdict each"),
        description=_("Validates each package (schemas of its edition, identifiers, files, sequencing) and runs every "
                      "launchable item in the real player, offscreen, under a throwaway learner (nothing is recorded "
                      "or synced). Verdicts: ok, works with warnings, broken."))
    chk.add_argument("targets", nargs="+", metavar="PACKAGE_OR_COURSE",
                     help=_("a ZIP file, a package folder, or a course of the library (id or exact title)"))
    chk.add_argument("--json", action="store_true", help=_("print the full report as JSON"))
    chk.add_argument("--html", metavar="FILE", help=_("also write the report as a self-contained HTML page"))
    chk.add_argument("--strict", action="store_true", help=_("exit 1 for warnings too, not only for broken packages"))
    chk.add_argument("--idle", type=float, default=DEFAULT_IDLE, metavar="S",
                     help=_("an item waits for the learner after S seconds without an API call or navigation "
                            "(default {0:g})").format(DEFAULT_IDLE))
    chk.add_argument("--jobs", type=int, default=24, metavar="N",
                     help=_("items run at once, each in its own offscreen player (default 24; most of a run is waiting)"))
    chk.add_argument("--static", action="store_true", help=_("validate the packages only; run no item"))


def _targets(services, refs: list[str]) -> list[tuple[Path, str]] | None:
    out = []
    for ref in refs:
        path = Path(ref)
        if path.exists():
            out.append((path, path.name or str(path)))
            continue
        course = find_course(services, ref, quiet=True)
        if course is None:
            print(_("error: '{0}' is neither a package (a ZIP file or a folder) nor a course in the library.").format(
                ref), file=sys.stderr)
            return None
        out.append((Path(course.folder), f"course {course.id} “{course.title}”"))
    return out


def cmd_check(services, args: argparse.Namespace) -> int:
    from ..checker.report import BROKEN, OK, summary_json, worst

    if args.idle <= 0 or args.jobs < 1:
        print(_("error: --idle must be more than 0 seconds and --jobs at least 1."), file=sys.stderr)
        return EXIT_USAGE
    targets = _targets(services, args.targets)
    if targets is None:
        return EXIT_USAGE
    if args.static:
        reports = _static(targets, args)
    else:
        reports = _run(targets, args)
    if args.json:
        print(json.dumps(summary_json(reports), ensure_ascii=False, indent=2))
    if args.html:
        from ..checker.html import render

        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        try:
            Path(args.html).write_text(render(reports, stamp), encoding="utf-8")
        except OSError as exc:
            print(_("error: cannot write {0}: {1}").format(args.html, exc.strerror or exc), file=sys.stderr)
            return EXIT_USAGE
    overall = worst([r.verdict for r in reports])
    if overall == BROKEN or (args.strict and overall != OK):
        return EXIT_PROBLEMS
    return EXIT_OK


def _print(report, args) -> None:
    from ..checker.report import text_report

    if not args.json:
        print(text_report(report), flush=True)


def _static(targets, args) -> list:
    from ..checker.static import check_static

    reports = []
    for path, label in targets:
        report = check_static(path, label).report
        report.decide()
        _print(report, args)
        reports.append(report)
    return reports


def _run(targets, args) -> list:
    from ..app import create_application
    from ..ui.check_runner import CheckRunner

    import logging

    # the content's own console errors are in the report; echoed as log lines they would only clutter it
    logging.getLogger("scorm_desktop.bridge.page").setLevel(logging.CRITICAL)
    app = create_application(headless=True)
    runner = CheckRunner(targets, idle=args.idle, jobs=args.jobs)
    done: list = []
    runner.packageDone.connect(lambda report: _print(report, args))
    runner.finished.connect(lambda reports: (done.extend(reports), app.exit(0)))
    runner.start()
    app.exec()
    runner.close()
    return done


COMMANDS = {"check": cmd_check}
