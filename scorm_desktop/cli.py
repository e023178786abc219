"""`scorm-desktop`: the GUI with no subcommand; import, courses, play, report for scripts and administrators.

The commands are thin wrappers over the same services the GUI uses. Qt is imported only by `play` and the GUI.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any, Sequence

from . import __version__
from .paths import DataPaths

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="scorm-desktop",
        description="Offline-first player for SCORM 1.2 and SCORM 2004 courses. With no command, the app opens.",
    )
    p.add_argument("--version", action="version", version=f"scorm-desktop {__version__}")
    p.add_argument(
        "--data-dir",
        metavar="DIR",
        help="data folder (library, database, web profile); default: $SCORM_DESKTOP_DATA or the user data folder",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="print informational log lines to stderr")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser(
        "import", help="import SCORM packages (ZIP files or package folders; a folder of ZIPs imports each) into the library"
    )
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--json", action="store_true", help="print one JSON object per package")
    imp.add_argument("--update", action="store_true",
                     help="a newer version of a course already in the library (same manifest identifier): replace "
                          "its files, keep learners' records for the SCOs that still exist")
    rm = sub.add_parser("remove", help="remove a course from the library (its learners' records are kept)")
    rm.add_argument("course", metavar="COURSE")
    rm.add_argument("--delete-records", action="store_true", help="also delete every learner's records of it")
    rm.add_argument("--yes", action="store_true", help="confirm")

    crs = sub.add_parser("courses", help="list the courses in the library")
    crs.add_argument("--json", action="store_true")

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
    play.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS", help="headless time limit")
    play.add_argument("--idle", type=float, default=10.0, metavar="SECONDS",
                      help="headless: stop (exit 4) when the content waits for a learner this long (0: never)")
    play.add_argument("--api-log", metavar="FILE", help="write every API call as a JSON line to FILE")
    play.add_argument("--preview", action="store_true",
                      help="trainer preview: browse mode, no credit, never synced (clear with clear-preview)")
    sub.add_parser("clear-preview", help="delete every trainer preview record in one action")

    bk = sub.add_parser("backups", help="list the database backups (newest first)")
    bk.add_argument("--json", action="store_true")
    rs = sub.add_parser("restore", help="restore the library database from a backup (the current one is kept)")
    rs.add_argument("backup", metavar="BACKUP", help="a backup file name or path, as `backups` lists them")

    rep = sub.add_parser("report", help="learning records: status, score, progress, time per learner and SCO")
    rep.add_argument("--json", action="store_true")
    rep.add_argument("--course", metavar="ID", help="only this course")
    rep.add_argument("--learner", metavar="NAME", help="only this learner")
    rep.add_argument("--cmi", action="store_true", help="include every stored CMI value")
    from .cli_learners import add_parsers as add_learner_parsers
    from .sync.commands import add_parsers as add_sync_parsers

    from .media.commands import add_parsers as add_media_parsers
    from .reports.commands import add_parsers as add_report_parsers

    add_learner_parsers(sub)
    add_sync_parsers(sub)
    add_report_parsers(sub)
    add_media_parsers(sub)
    from .checker.command import add_parsers as add_check_parsers

    add_check_parsers(sub)
    from .dispatch.commands import add_parsers as add_dispatch_parsers  # plain Python, no Qt

    add_dispatch_parsers(sub)
    return p


def split_open_with(argv: list[str]) -> tuple[list[str], list[str]]:
    """`scorm-desktop [options] FILE...` ("Open with" from a file manager): (options, files), else (argv, [])."""
    i = 0
    while i < len(argv):
        tok = argv[i]
        if tok == "--data-dir":
            i += 2
            continue
        if tok.startswith("-"):
            i += 1
            continue
        if tok in COMMANDS:
            return argv, []
        return argv[:i], argv[i:]
    return argv, []


def main(argv: Sequence[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    options, open_paths = split_open_with(raw)
    args = build_parser().parse_args(options)
    paths = DataPaths.resolve(args.data_dir)
    from .logs import setup_logging

    log_file = setup_logging(paths.logs, logging.INFO if args.verbose else logging.WARNING)
    if args.command is None:
        from .app import run_gui

        return run_gui(paths, [str(Path(p).resolve()) for p in open_paths], log_file)
    from .services import open_services
    from .storage.db import DatabaseError

    if args.command == "restore":
        code = request_restore(paths, args.backup)
        if code:
            return code

    try:
        services = open_services(paths)
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for notice in services.notices:
        print(f"note: {notice}", file=sys.stderr)
    try:
        return COMMANDS[args.command](services, args)
    finally:
        services.close()


# -- commands ----------------------------------------------------------------------------------------------------
def cmd_import(services, args) -> int:
    from .package.model import PackageError

    from .storage.library import expand_sources

    refused = 0
    for path in expand_sources([Path(p) for p in args.paths]):
        out: dict[str, Any] = {"source": str(path)}
        try:
            outcome = services.library.import_package(path, update=args.update)
        except PackageError as exc:
            refused += 1
            out.update(status="refused", message=str(exc))
        except OSError as exc:
            refused += 1
            out.update(status="refused", message=f"'{path}' could not be read ({exc.strerror or exc}).")
        else:
            course = outcome.course or outcome.duplicate_of
            assert course is not None
            status = "duplicate" if outcome.duplicate_of else "updated" if outcome.updated else "imported"
            out.update(
                status=status,
                course=course.to_json(),
                warnings=outcome.warnings,
                media=[m.to_json() for m in outcome.media],
            )
        _print_import(out, args.json)
    return 1 if refused else 0


def _print_import(out: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(out), flush=True)
        return
    src = out["source"]
    if out["status"] == "refused":
        print(f"refused: {src}: {out['message']}", file=sys.stderr, flush=True)
        return
    course = out["course"]
    print(course["id"], flush=True)
    if out["status"] == "duplicate":
        print(f"note: {src} is already in the library as course {course['id']} ({course['title']})", file=sys.stderr)
    if out["status"] == "updated":
        print(f"note: {src} updated course {course['id']} ({course['title']}); learners' records are kept",
              file=sys.stderr)
    for w in out["warnings"]:
        print(f"warning: {src}: {w}", file=sys.stderr)


def cmd_courses(services, args) -> int:
    rows = [_course_json(services, c) for c in services.library.courses()]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    if not rows:
        print("The library is empty. Import a course with: scorm-desktop import COURSE.zip")
        return 0
    print(f"{'ID':>4}  {'STANDARD':<22} {'SCOS':>4}  {'STATUS':<12} TITLE")
    for r in rows:
        std = "SCORM 1.2" if r["standard"] == "scorm12" else f"SCORM {r['edition']}"
        print(f"{r['id']:>4}  {std:<22} {r['scos']:>4}  {r['status']['label']:<12} {r['title']}")
        if r["licence"]:
            print(f"      licence for {r['licence']['recipient']}: {r['licence']['summary']}")
    return 0


def _course_json(services, course) -> dict[str, Any]:
    from .reporting import course_summary

    d = course.to_json()
    d["status"] = course_summary(services, course)
    from .dispatch.store import licence_state  # a dispatched course shows its licence

    state = licence_state(services.sessions, course.id)
    d["licence"] = None if state is None else state.to_json()
    return d


def _find_course(services, ref: str):
    """The course named on the command line, or None after printing why not."""
    try:
        return services.library.find(ref)
    except KeyError as exc:
        print(f"error: {exc.args[0]}", file=sys.stderr)
        return None


def cmd_play(services, args) -> int:
    course = _find_course(services, args.course)
    if course is None:
        return 2
    from .dispatch.store import refusal_before_play  # a dispatched course's licence, checked before Qt starts

    if (refusal := refusal_before_play(services, course, args.learner, args.preview)) is not None:
        print(f"error: {refusal}", file=sys.stderr)
        return 2
    from .app import create_application

    app = create_application(headless=args.headless)
    if args.headless:
        from .ui.headless import play_headless

        api_log = _api_log_writer(args.api_log) if args.api_log else None
        try:
            return play_headless(
                services, course.id, args.learner, args.sco, args.timeout, args.mode, api_log, args.preview,
                idle=args.idle,
            )
        finally:
            if api_log is not None:
                api_log.close()
    from .app import run_player_window

    return run_player_window(app, services, course.id, args.learner, args.sco, args.mode, args.preview)


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


def cmd_report(services, args) -> int:
    from .reporting import report_rows

    course_id = None
    if args.course:
        course = _find_course(services, args.course)
        if course is None:
            return 2
        course_id = course.id
    rows = report_rows(services, course_id=course_id, learner=args.learner, include_cmi=args.cmi)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    if not rows:
        print("No learning records yet.")
        return 0
    for r in rows:
        st = r["status"]
        score = "" if st["score"] is None else f"{st['score'] * 100:.0f}%"
        progress = "" if st["progress"] is None else f"{st['progress'] * 100:.0f}%"
        print(
            f"{r['learner']:<16} course {r['course']['id']:<4} {r['sco']['identifier']:<24} {st['label']:<12} "
            f"score {score:<5} progress {progress:<5} time {r['total_time']:<12} last {r['last_activity']}"
        )
        if args.cmi:
            for k, v in sorted(r["cmi"].items()):
                print(f"    {k} = {v}")
    return 0


def request_restore(paths: DataPaths, name: str) -> int:
    from .storage import backup

    candidates = [b.path for b in backup.list_backups(paths.backups)]
    chosen = next((p for p in candidates if p.name == name or str(p) == name), None)
    if chosen is None and Path(name).is_file():
        chosen = Path(name).resolve()
    if chosen is None:
        print(f"error: there is no backup '{name}' (see: scorm-desktop backups)", file=sys.stderr)
        return 2
    try:
        backup.request_restore(paths.root, chosen)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_backups(services, args) -> int:
    from .storage.backup import list_backups

    items = list_backups(services.paths.backups)
    if args.json:
        print(json.dumps([
            {"file": b.path.name, "path": str(b.path), "created": b.created.isoformat(), "reason": b.reason,
             "size_bytes": b.size} for b in items], indent=2))
        return 0
    if not items:
        print("No backups yet. One is taken every day the app is used, and before every upgrade.")
    for b in items:
        print(f"{b.path.name}  {b.label}")
    return 0


def cmd_remove(services, args) -> int:
    course = _find_course(services, args.course)
    if course is None:
        return 2
    if not args.yes:
        what = "and every learner's records of it" if args.delete_records else "(learners' records are kept)"
        print(f"error: this removes '{course.title}' {what}; add --yes to confirm", file=sys.stderr)
        return 2
    services.library.remove(course.id, delete_records=args.delete_records)
    print(f"removed course {course.id} ({course.title})")
    return 0


def cmd_clear_preview(services, args) -> int:
    n = services.records.clear_preview()
    print(f"cleared {n} preview attempt(s)")
    return 0


def cmd_restore(services, args) -> int:
    # The restore itself happened while opening (open_services applies the request before the database opens).
    return 0


COMMANDS = {
    "import": cmd_import,
    "courses": cmd_courses,
    "play": cmd_play,
    "report": cmd_report,
    "backups": cmd_backups,
    "restore": cmd_restore,
    "clear-preview": cmd_clear_preview,
    "remove": cmd_remove,
}
from .cli_learners import COMMANDS as LEARNER_COMMANDS  # noqa: E402  (plain Python, no Qt)
from .sync.commands import COMMANDS as SYNC_COMMANDS  # noqa: E402

from .media.commands import COMMANDS as MEDIA_COMMANDS  # noqa: E402  (plain Python, no Qt)
from .reports.commands import COMMANDS as REPORT_COMMANDS  # noqa: E402  (plain Python; Qt only in export --pdf)

COMMANDS.update(LEARNER_COMMANDS)
COMMANDS.update(SYNC_COMMANDS)
COMMANDS.update(REPORT_COMMANDS)
COMMANDS.update(MEDIA_COMMANDS)
from .checker.command import COMMANDS as CHECK_COMMANDS  # noqa: E402  (plain Python; Qt only when items run)

COMMANDS.update(CHECK_COMMANDS)
from .dispatch.commands import COMMANDS as DISPATCH_COMMANDS  # noqa: E402  (plain Python, no Qt)

COMMANDS.update(DISPATCH_COMMANDS)


if __name__ == "__main__":
    sys.exit(main())
