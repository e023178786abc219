"""Learner and attempt commands: `learners`, `learner add|rename|remove|pin`, `attempts`, `reset`.

Thin wrappers over storage/records.py, for scripted set-up of a shared laptop.
"""

from __future__ import annotations

import getpass
import sys

from ..i18n import _
from .common import find_course, print_json, refuse, status_word


def add_parsers(sub) -> None:
    ls = sub.add_parser("learners", help=_("list the learners on this computer"))
    ls.add_argument("--json", action="store_true")
    lr = sub.add_parser("learner", help=_("add, rename or remove a learner, or set their PIN"))
    lsub = lr.add_subparsers(dest="learner_action", metavar="ACTION", required=True)
    add = lsub.add_parser("add", help=_("add a learner"))
    add.add_argument("name")
    add.add_argument("--pin", action="store_true", help=_("ask for a PIN (read from stdin when not a terminal)"))
    ren = lsub.add_parser("rename", help=_("rename a learner (their records and id stay)"))
    ren.add_argument("name")
    ren.add_argument("new_name")
    rem = lsub.add_parser("remove", help=_("remove a learner and their records on this computer"))
    rem.add_argument("name")
    rem.add_argument("--yes", action="store_true", help=_("confirm: their records here are deleted"))
    pin = lsub.add_parser("pin", help=_("set a learner's PIN (empty to remove it)"))
    pin.add_argument("name")
    at = sub.add_parser("attempts", help=_("the attempt history of a learner on a course"))
    at.add_argument("course", metavar="COURSE")
    at.add_argument("--learner", metavar="NAME")
    at.add_argument("--json", action="store_true")
    rs = sub.add_parser("reset", help=_("start a course afresh for a learner (the old attempt is kept in history)"))
    rs.add_argument("course", metavar="COURSE")
    rs.add_argument("--learner", metavar="NAME")
    rs.add_argument("--yes", action="store_true", help=_("confirm"))


def _read_pin(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().strip()


def _learner(services, name: str):
    found = services.records.find_learner(name)
    if found is None:
        print(_("error: there is no learner named '{0}' (see: scorm-desktop learners)").format(name), file=sys.stderr)
    return found


def cmd_learners(services, args) -> int:
    rows = [{"id": lr.uid, "name": lr.name, "pin": services.records.has_pin(lr.id)} for lr in services.records.learners()]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(_("No learners yet. Add one with: scorm-desktop learner add NAME"))
    for r in rows:
        print(_("{0}  (PIN)").format(r["name"]) if r["pin"] else r["name"])
    return 0


def cmd_learner(services, args) -> int:
    rec = services.records
    try:
        if args.learner_action == "add":
            pin = _read_pin(_("PIN for the new learner: ")) if args.pin else None
            learner = rec.add_learner(args.name, pin or None)
            print(learner.name)
            return 0
        learner = _learner(services, args.name)
        if learner is None:
            return 2
        if args.learner_action == "rename":
            print(rec.rename_learner(learner.id, args.new_name).name)
        elif args.learner_action == "remove":
            if not args.yes:
                return refuse(_("removing '{0}' deletes their records on this computer; add --yes to confirm").format(
                    learner.name))
            rec.remove_learner(learner.id)
        elif args.learner_action == "pin":
            rec.set_pin(learner.id, _read_pin(_("New PIN for {0} (empty: none): ").format(learner.name)) or None)
    except ValueError as exc:
        return refuse(str(exc))
    return 0


def _course_and_learner(services, args, create: bool = True):
    """The course and learner named (the active learner by default; with `create` False, None when there is no
    learner yet instead of adding one: reading must not write)."""
    course = find_course(services, args.course)
    if course is None:
        return None, None
    if args.learner:
        return course, _learner(services, args.learner)
    return course, services.active_learner() if create else services.find_active_learner()


def cmd_attempts(services, args) -> int:
    course, learner = _course_and_learner(services, args, create=False)
    if course is None:
        return 2
    if learner is None:
        if args.learner:
            return 2
        print("[]" if args.json else _("Nobody has started '{0}' yet.").format(course.title))
        return 0
    history = services.records.history(learner.id, course.id, more_launches=_cmi5_launches(course))
    if args.json:
        print_json(history)
        return 0
    if not history:
        print(_("{0} has not started '{1}'.").format(learner.name, course.title))
    for a in history:
        if a["score"] is None:
            print(_("attempt {0}: {1}, started {2}, last {3}").format(
                a["attempt"], status_word(a["label"]), a["started"], a["last_activity"]))
        else:
            print(_("attempt {0}: {1}, score {2:.0f}%, started {3}, last {4}").format(
                a["attempt"], status_word(a["label"]), a["score"] * 100, a["started"], a["last_activity"]))
        for launch in a["launches"]:
            change = ""
            if launch.get("status_after") and launch["status_after"] != launch.get("status_before"):
                change = f", {status_word(launch.get('status_before') or 'not started')} → " \
                         f"{status_word(launch['status_after'])}"
            print(f"    {launch['started']} → {launch['ended'] or _('open')}  {launch['item']} ({launch['mode']}, "
                  f"{launch['end'] or _('running')}{change})")
    return 0


def _cmi5_launches(course):
    """For a cmi5 course, where its launches are: the LMS's AU sessions (cmi5/report.py); else None."""
    if course.standard != "cmi5":
        return None
    from ..cmi5.report import cmi5_launches

    return cmi5_launches


def cmd_reset(services, args) -> int:
    course, learner = _course_and_learner(services, args, create=args.yes)  # asking to confirm adds nobody
    if course is None or (learner is None and args.learner):
        return 2
    if not args.yes:
        if learner is not None:
            return refuse(_("this starts '{0}' afresh for {1} (the current attempt stays in the history); add --yes "
                            "to confirm").format(course.title, learner.name))
        return refuse(_("this starts '{0}' afresh (the current attempt stays in the history); add --yes to "
                        "confirm").format(course.title))
    number = len(services.records.history(learner.id, course.id)) + 1
    services.records.new_attempt(learner.id, course.id)
    print(_("attempt {0} of '{1}' for {2} starts at the next launch").format(number, course.title, learner.name))
    return 0


COMMANDS = {"learners": cmd_learners, "learner": cmd_learner, "attempts": cmd_attempts, "reset": cmd_reset}
