"""CLI: ``scorm-desktop waive COURSE AU --learner NAME [--reason REASON] [--json]`` — exempt a learner from a cmi5 AU
(the LMS records "waived", then "satisfied" where the course's moveOn rules are now met; sync forwards them).

`add_parsers(subparsers)` adds the command; `COMMANDS` maps it to fn(services, args). Plain Python, no Qt.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..i18n import _, translate
from .vocab import WAIVE_REASONS as REASONS  # the parser needs only the names: the LMS loads with the command


def add_parsers(subparsers) -> None:
    w = subparsers.add_parser(
        "waive", help=_("exempt a learner from an AU of a cmi5 course (records 'waived'; the course may be satisfied)"))
    w.add_argument("course", metavar="COURSE", help=_("the course's id or title"))
    w.add_argument("au", metavar="AU", help=_("the AU's id (from cmi5.xml) or its title"))
    w.add_argument("--learner", required=True, metavar="NAME", help=_("the learner to exempt"))
    w.add_argument("--reason", default="Administrative", choices=REASONS,
                   help=_("why, as cmi5 names it (default: Administrative)"))
    w.add_argument("--json", action="store_true", help=_("print the outcome as one JSON object"))


def cmd_waive(services, args: argparse.Namespace) -> int:
    from .waive import WaiveError, waive

    try:
        course = services.library.find(args.course)
    except KeyError as exc:
        print(_("error: {0}").format(exc.args[0]), file=sys.stderr)
        return 2
    learner = services.records.find_learner(args.learner)
    if learner is None:
        print(_("error: there is no learner named '{0}'").format(args.learner), file=sys.stderr)
        return 2
    try:
        done = waive(services, course, learner, args.au, args.reason)
    except WaiveError as exc:
        print(_("error: {0}").format(exc), file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"course": course.id, "learner": learner.name, "au": done.au_id,
                          "registration": done.registration, "statement": done.statement_id,
                          "reason": args.reason, "status": done.status["label"],
                          "satisfied": done.status["satisfied"]}))
    else:
        print(_("{0} is exempted from '{1}' ({2}); the course is now {3}.").format(
            learner.name, done.au_id, args.reason, translate("Dashboard", done.status["label"])))
    return 0


COMMANDS = {"waive": cmd_waive}
