"""`play` (a course in the player window, or headless) and `clear-preview`.

Everything `play` refuses is said before anything is recorded and before Qt starts; Qt and the player are imported
only once the course is known to be playable.
"""

from __future__ import annotations

import argparse
import json
import math

from .common import find_course, refuse

#: The longest time limit a timer can hold (2**31 - 1 ms, about 24 days).
MAX_SECONDS = 2_147_483


def seconds(text: str) -> float:
    """A time limit in seconds: a finite number above 0 (argparse turns the ValueError into one sentence, exit 2)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not math.isfinite(value) or not 0 < value <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds from 0 to {MAX_SECONDS}")
    return value


def idle_seconds(text: str) -> float:
    """An idle period in seconds: 0 (never stop for idleness) or a time limit as `seconds` takes it."""
    return 0.0 if text.strip() in ("0", "0.0") else seconds(text)


def add_parsers(sub) -> None:
    play = sub.add_parser("play", help="play a course (in a window, or headless with --headless)")
    play.add_argument("course", metavar="COURSE", help="course id (or exact title)")
    play.add_argument("--learner", metavar="NAME", help="learner name (created if new)")
    play.add_argument("--sco", metavar="ITEM_ID", help="the item to launch (default: resume point or first)")
    play.add_argument(
        "--mode",
        choices=("normal", "review", "browse"),
        help="default: review when the SCO's last attempt ended complete, else normal; "
        "normal after an ended attempt starts a new attempt",
    )
    play.add_argument("--headless", action="store_true", help="no window: play offscreen until the content ends")
    play.add_argument("--timeout", type=seconds, default=300.0, metavar="SECONDS", help="headless time limit")
    play.add_argument("--idle", type=idle_seconds, default=10.0, metavar="SECONDS",
                      help="headless: stop (exit 4) when the content waits for a learner this long (0: never)")
    play.add_argument("--api-log", metavar="FILE", help="write every API call as a JSON line to FILE")
    play.add_argument("--preview", action="store_true",
                      help="trainer preview: browse mode, no credit, never synced (clear with clear-preview)")
    sub.add_parser("clear-preview", help="delete every trainer preview record in one action")


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
        return refuse(f"the API log {args.api_log} cannot be written ({exc.strerror or exc})")
    from ..dispatch.gate import may_concern  # a dispatched course's licence (one query when there is none)

    if may_concern(services.sessions, course.id):
        from ..dispatch.store import refusal_before_play

        if (refusal := refusal_before_play(services, course, args.learner, args.preview)) is not None:
            return refuse(refusal)
    from ..app import create_application

    app = create_application(headless=args.headless)
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
        return (f"course {course.id} ({course.title}) was removed from the library; import its package again "
                "to play it")
    if not course.folder.is_dir():
        return f"the files of course {course.id} ({course.title}) are missing; import its package again"
    items = course.manifest.launchable_items()
    if not items:
        return f"course {course.id} ({course.title}) has no item that can be launched"
    if item is not None and item not in [i.identifier for i in items]:
        known = ", ".join(i.identifier for i in items[:10]) + (", ..." if len(items) > 10 else "")
        return f"course {course.id} has no item '{item}' to launch (its items: {known})"
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
    print(f"cleared {n} preview attempt(s)")
    return 0


COMMANDS = {"play": cmd_play, "clear-preview": cmd_clear_preview}
