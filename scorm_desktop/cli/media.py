"""``convert-media [COURSE] [--wait] [--retry] [--json]``.

Without `--wait` the conversion starts in a background process of its own (it outlives the command) and the command
prints where each course stands; with `--wait` it converts in the foreground, printing progress to stderr. The command
is an explicit request, so it runs even when the `convert_media` setting is off.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from ..i18n import _, plural
from .common import find_course


def add_parsers(subparsers) -> None:
    cm = subparsers.add_parser(
        "convert-media", help=_("convert course videos and audio the player cannot decode (H.264, AAC) to WebM")
    )
    cm.add_argument("course", nargs="?", metavar="COURSE", help=_("course id (or exact title); default: every course"))
    cm.add_argument("--wait", action="store_true", help=_("convert in the foreground and wait until done"))
    cm.add_argument("--retry", action="store_true", help=_("also take files whose conversion was cancelled or failed"))
    cm.add_argument("--json", action="store_true", help=_("print one JSON object per course"))


def cmd_convert_media(services, args: argparse.Namespace) -> int:
    from ..media import jobs as media_jobs
    from ..media import probe

    if args.course:
        course = find_course(services, args.course)
        if course is None:
            return 2
        courses = [course]
    else:
        courses = services.library.courses()
    retry = bool(getattr(args, "retry", False))
    for course in courses:  # courses imported before media were checked: check them now
        if not (course.folder / media_jobs.STATE_RELPATH).exists():
            try:
                found = probe.scan(course.folder)
            except probe.ProbeError as exc:
                print(_("warning: the media of '{0}' could not be checked: {1}").format(course.title, exc), file=sys.stderr)
                continue
            if found:
                media_jobs.CourseJobs.plan(course.folder, found).save()  # an empty plan marks it checked
    work = [c for c in courses if media_jobs.CourseJobs.load(c.folder).todo(retry)]
    failed = 0
    if args.wait:
        for course in work:
            try:
                media_jobs.run(course.folder, report=_progress_printer(course.title), include_cancelled=retry)
            except media_jobs.Busy:
                print(_("note: '{0}' is being converted by another process").format(course.title), file=sys.stderr)
            except KeyboardInterrupt:
                print("\n" + _("interrupted: what was converted is kept; run the command again to go on"), file=sys.stderr)
                return 130
    elif work:
        pid = media_jobs.spawn_detached([c.folder for c in work], include_cancelled=retry)
        if not args.json:
            print(_("converting the media of {0} in the background (process {1})").format(
                plural(len(work), _("{0} course"), _("{0} courses")), pid))
    for course in courses:
        state = media_jobs.CourseJobs.load(course.folder)
        if not state.files and args.course is None:
            continue
        summary = state.summary()
        failed += summary[media_jobs.FAILED]
        if args.json:
            print(json.dumps({
                "course": {"id": course.id, "title": course.title},
                "summary": summary,
                "files": [
                    {"path": f.path, "codecs": f.codecs, "status": f.status, "progress": f.progress, "error": f.error}
                    for f in state.files
                ],
            }))
        else:
            _print_course(course, state)
    return 1 if failed and args.wait else 0


#: A media file's conversion state as the listing words it (called when printed, in the learner's language).
STATES = {"pending": lambda: _("pending"), "running": lambda: _("converting"), "done": lambda: _("converted"),
          "failed": lambda: _("failed"), "cancelled": lambda: _("cancelled")}


def _state_word(status: str) -> str:
    return STATES[status]() if status in STATES else status


def _print_course(course, state) -> None:
    from ..media.jobs import RUNNING

    if not state.files:
        print(_("{0}  {1}: all media play as they are").format(course.id, course.title))
        return
    s = state.summary()
    print(_("{0}  {1}: {2} of {3} converted ({4:.0%})").format(course.id, course.title, s["done"], s["files"], s["progress"]))
    for f in state.files:
        extra = f" ({f.progress:.0%})" if f.status == RUNNING else f": {f.error}" if f.error else ""
        print(f"    {_state_word(f.status):<10} {f.path} [{'/'.join(f.codecs)}]{extra}")


def _progress_printer(title: str):
    from ..media.jobs import RUNNING

    last = {"t": 0.0}

    def report(msg: dict) -> None:
        now = time.monotonic()
        if msg.get("event") == "file" and (msg["status"] != RUNNING or now - last["t"] > 1.0):
            last["t"] = now
            print(_("{0}: {1} {2} {3:.0%}").format(title, msg["path"], _state_word(msg["status"]), msg["progress"]),
                  file=sys.stderr)

    return report


COMMANDS = {"convert-media": cmd_convert_media}
