"""`play` (a course in the player window, or headless) and `clear-preview`.

Everything `play` refuses is said before anything is recorded and before Qt starts; Qt and the player are imported
only once the course is known to be playable.
"""

from __future__ import annotations

import argparse
import json
import math

from ..i18n import _, plural
from .common import find_course, refuse

#: The longest time limit a timer can hold (2**31 - 1 ms, about 24 days).
MAX_SECONDS = 2_147_483


def seconds(text: str) -> float:
    """A time limit in seconds: a finite number above 0 (argparse turns the ValueError into one sentence, exit 2)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("'{0}' is not a number of seconds").format(text)) from None
    if not math.isfinite(value) or not 0 < value <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(_("'{0}' is not a number of seconds from 0 to {1}").format(text, MAX_SECONDS))
    return value


def idle_seconds(text: str) -> float:
    """An idle period in seconds: 0 (never stop for idleness) or a time limit as `seconds` takes it."""
    return 0.0 if text.strip() in ("0", "0.0") else seconds(text)


def add_parsers(sub) -> None:
    play = sub.add_parser("play", help=_("play a course (in a window, or headless with --headless)"))
    play.add_argument("course", metavar="COURSE", help=_("course id (or exact title)"))
    play.add_argument("--learner", metavar="NAME", help=_("learner name (created if new)"))
    play.add_argument("--sco", metavar="ITEM_ID", help=_("the item to launch (default: resume point or first)"))
    play.add_argument(
        "--mode",
        choices=("normal", "review", "browse"),
        help=_("default: review when the SCO's last attempt ended complete, else normal; "
               "normal after an ended attempt starts a new attempt"),
    )
    play.add_argument("--headless", action="store_true", help=_("no window: play offscreen until the content ends"))
    play.add_argument("--timeout", type=seconds, default=300.0, metavar="SECONDS", help=_("headless time limit"))
    play.add_argument("--idle", type=idle_seconds, default=10.0, metavar="SECONDS",
                      help=_("headless: stop (exit 4) when the content waits for a learner this long (0: never)"))
    play.add_argument("--api-log", metavar="FILE", help=_("write every API call as a JSON line to FILE"))
    play.add_argument("--preview", action="store_true",
                      help=_("trainer preview: browse mode, no credit, never synced (clear with clear-preview)"))
    sub.add_parser("clear-preview", help=_("delete every trainer preview record in one action"))


def cmd_play(services, args) -> int:
    course = find_course(services, args.course)
    if course is None:
        return 2
    refusal = _play_refusal(course, args.sco)
    if refusal:  # said before anything is recorded (no attempt, no session) and before Qt starts
        return refuse(refusal)
    try:
        api_log = _api_log_writer(args.api_log) if args.api_log else None
    except OSError as exc:
        return refuse(_("the API log {0} cannot be written ({1})").format(args.api_log, exc.strerror or exc))
    from ..dispatch.gate import may_concern  # a dispatched course's licence (one query when there is none)

    if may_concern(services.sessions, course.id):
        from ..dispatch.store import refusal_before_play

        if (refusal := refusal_before_play(services, course, args.learner, args.preview)) is not None:
            return refuse(refusal)
    from ..app import create_application, install_language

    app = create_application(headless=args.headless)
    if args.headless:  # the lines it writes for a person (ui/headless.py) speak the learner's language too
        install_language(app, services)
    if course.standard in ("cmi5", "xapi") and args.headless:  # in a window: ui/xapi_window.py
        from ..ui.xapi_headless import play_xapi_headless

        return play_xapi_headless(services, course.id, args.learner, args.sco, args.timeout, args.mode, args.preview)
    if args.headless:
        from ..ui.headless import play_headless

        try:
            return play_headless(
                services, course.id, args.learner, args.sco, args.timeout, args.mode, api_log, args.preview,
                idle=args.idle,
            )
        finally:
            if api_log is not None:
                api_log.close()
    from ..app import run_player_window

    return run_player_window(app, services, course.id, args.learner, args.sco, args.mode, args.preview)


def _play_refusal(course, item: str | None) -> str | None:
    """Why the course cannot be played as asked (one sentence), or None."""
    if course.removed:
        return _("course {0} ({1}) was removed from the library; import its package again to play it").format(
            course.id, course.title)
    if not course.folder.is_dir():
        return _("the files of course {0} ({1}) are missing; import its package again").format(course.id, course.title)
    items = course.manifest.launchable_items()
    if not items:
        return _("course {0} ({1}) has no item that can be launched").format(course.id, course.title)
    if item is not None and item not in [i.identifier for i in items]:
        known = ", ".join(i.identifier for i in items[:10]) + (", ..." if len(items) > 10 else "")
        return _("course {0} has no item '{1}' to launch (its items: {2})").format(course.id, item, known)
    return None


class _api_log_writer:
    """Writes API log entries as JSON lines."""

    def __init__(self, path: str) -> None:
        self._fh = open(path, "a", encoding="utf-8")

    def __call__(self, entries: list) -> None:
        for e in entries:
            self._fh.write(json.dumps(e) + "\n")
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def cmd_clear_preview(services, args) -> int:
    n = services.records.clear_preview()
    print(plural(n, _("cleared {0} preview attempt"), _("cleared {0} preview attempts")))
    return 0


COMMANDS = {"play": cmd_play, "clear-preview": cmd_clear_preview}
