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
from .i18n import _
from .paths import DataPaths

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="scorm-desktop",
        description="Offline-first player for SCORM 1.2 and SCORM 2004 courses. With no command, the app opens.",
    )
    p.add_argument("--version", action="version", version=f"scorm-desktop {__version__}")
    p.add_argument(
        "--data-dir",
        metavar="DIR",
        help="data folder (library, database, web profile); default: $SCORM_DESKTOP_DATA or the user data folder",
    )
    p.add_argument("--lang", metavar="CODE", help="language of the app and its messages: en, fr or es "
                   "(default: $SCORM_DESKTOP_LANG, then the Settings choice, then the system's)")
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
    play.add_argument("--timeout", type=seconds, default=300.0, metavar="SECONDS", help="headless time limit")
    play.add_argument("--idle", type=idle_seconds, default=10.0, metavar="SECONDS",
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
    from .cmi5.commands import add_parsers as add_cmi5_parsers  # plain Python, no Qt

    add_cmi5_parsers(sub)
    return p


#: The longest time limit a timer can hold (2**31 - 1 ms, about 24 days).
MAX_SECONDS = 2_147_483


def seconds(text: str) -> float:
    """A time limit in seconds: a finite number above 0 (argparse turns the ValueError into one sentence, exit 2)."""
    import math

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


def _choose_language(code: str | None) -> None:
    """--lang wins over $SCORM_DESKTOP_LANG and the settings; the GUI started from here inherits it."""
    import os

    from . import i18n

    if code:
        os.environ[i18n.ENV] = code
    i18n.set_language(i18n.resolve())


def split_open_with(argv: list[str]) -> tuple[list[str], list[str]]:
    """`scorm-desktop [options] FILE...` ("Open with" from a file manager): (options, files), else (argv, []).
    A word that is neither a command nor an existing file or folder is left to the parser, which says "unknown
    command" (a mistyped `cuorses` must not start the app to open a file of that name)."""
    i = 0
    while i < len(argv):
        tok = argv[i]
        if tok in ("--data-dir", "--lang"):
            i += 2
            continue
        if tok.startswith("-"):
            i += 1
            continue
        if tok in COMMANDS or not Path(tok).exists():
            return argv, []
        return argv[:i], argv[i:]
    return argv, []


#: Exit status for a mistake in the command line or an unusable data folder (argparse uses it too).
EXIT_USAGE = 2
#: Ctrl+C.
EXIT_INTERRUPTED = 130
#: Commands that only read the data folder: they work on a read-only one.
READ_ONLY_COMMANDS = {"courses", "report", "attempts", "backups", "learners", "export"}


class _Parser(argparse.ArgumentParser):
    """argparse, with "unknown command" for a mistyped command word instead of a list of every choice."""

    def error(self, message: str):  # type: ignore[override]
        if "invalid choice" in message and "argument COMMAND" in message:
            word = message.split("'", 2)[1] if "'" in message else "?"
            from difflib import get_close_matches

            if "/" in word or "\\" in word or Path(word).suffix:  # meant as a file to open ("Open with")
                self.exit(EXIT_USAGE, f"{self.prog}: error: there is no file or folder '{word}' to open\n")
            close = get_close_matches(word, list(COMMANDS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            self.exit(EXIT_USAGE, f"{self.prog}: unknown command '{word}'{hint}; see: {self.prog} --help\n")
        # One line that says what is wrong (not the whole usage text before it).
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see: {self.prog} --help)\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Every refusal is one sentence and an exit status (README's command table); never a traceback for a user's
    mistake. Ctrl+C anywhere ends with 130, SIGTERM with 143 (`play` saves and ends its session first)."""
    import signal

    def terminate(signum, _frame):
        raise SystemExit(128 + signum)

    try:
        signal.signal(signal.SIGTERM, terminate)
    except (ValueError, OSError):  # not the main thread (tests calling main in a thread)
        pass
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `scorm-desktop report | head`
        sys.stderr.close()
        return 0


def _main(argv: Sequence[str] | None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    options, open_paths = split_open_with(raw)
    args = build_parser().parse_args(options)
    _choose_language(args.lang)
    from .paths import DataFolderError, check_data_folder

    if args.data_dir is not None and not args.data_dir.strip():
        print("error: --data-dir is empty: give the data folder's path (an unset variable?)", file=sys.stderr)
        return EXIT_USAGE
    paths = DataPaths.resolve(args.data_dir)
    writes = args.command not in READ_ONLY_COMMANDS
    try:
        writable = check_data_folder(paths)
    except DataFolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if writes and not writable:
        print(f"error: cannot use {paths.root} as a data folder: it is not writable "
              "(read-only commands such as courses, report and backups still work)", file=sys.stderr)
        return EXIT_USAGE
    from .logs import setup_logging

    log_file = setup_logging(paths.logs if writable else None, logging.INFO if args.verbose else logging.WARNING)
    if args.command is None:
        from .app import run_gui

        return run_gui(paths, [str(Path(p).resolve()) for p in open_paths], log_file)
    from .storage.db import DatabaseError

    if args.command == "restore":
        code = request_restore(paths, args.backup)
        if code:
            return code
    refusal = _check_arguments(args)
    if refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return EXIT_USAGE

    deferred = args.command == "play"  # the checks that grow with the library wait until the course has played
    try:
        if writable:
            from .services import open_services

            services = open_services(paths, deferred=deferred)
        else:
            from .readonly import open_read_only

            services = open_read_only(paths)
    except DatabaseError as exc:
        print(_("error: {0}").format(exc), file=sys.stderr)
        return EXIT_USAGE
    for notice in services.notices:
        print(_("note: {0}").format(notice), file=sys.stderr)
    try:
        return COMMANDS[args.command](services, args)
    finally:
        if deferred:
            for notice in services.maintenance():
                print(f"note: {notice}", file=sys.stderr)
        services.close()


def _check_arguments(args) -> str | None:
    """Refusals that need no database: one sentence, or None."""
    for name in ("learner", "new_name", "name"):
        value = getattr(args, name, None)
        if value is not None and not value.strip():
            return f"the {name.replace('_', ' ')} given is empty; give a name"
    return None


# -- commands ----------------------------------------------------------------------------------------------------
def cmd_import(services, args) -> int:
    from .package.model import PackageError

    from .storage.library import expand_sources

    refused = 0
    sources = expand_sources([Path(p) for p in args.paths])
    for path in sources:
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
            status = outcome.status
            out.update(
                status=status,
                course=course.to_json(),
                warnings=outcome.warnings,
                media=[m.to_json() for m in outcome.media],
            )
        _print_import(out, args.json, several=len(sources) > 1)
    return 1 if refused else 0


def _print_import(out: dict[str, Any], as_json: bool, several: bool = False) -> None:
    """One package's outcome. stdout: the course id alone for one package (scripts read it), else
    `id  title  (file)` a line; notes, warnings and refusals on stderr."""
    if as_json:
        print(json.dumps(out), flush=True)
        return
    src = out["source"]
    if out["status"] == "refused":
        print(_("refused: {0}: {1}").format(src, out["message"]), file=sys.stderr, flush=True)
        return
    course = out["course"]
    print(f"{course['id']}  {course['title']}  ({src})" if several else course["id"], flush=True)
    if out["status"] == "restored":
        print(f"note: {src} brought back course {course['id']} ({course['title']}) with its learners' records",
              file=sys.stderr)
    if out["status"] == "duplicate":
        print(_("note: {0} is already in the library as course {1} ({2})").format(src, course["id"], course["title"]),
              file=sys.stderr)
    if out["status"] == "updated":
        print(_("note: {0} updated course {1} ({2}); learners' records are kept").format(src, course["id"], course["title"]),
              file=sys.stderr)
    for w in out["warnings"]:
        print(_("warning: {0}: {1}").format(src, w), file=sys.stderr)


def cmd_courses(services, args) -> int:
    rows = [_course_json(services, c) for c in services.library.courses()]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    if not rows:
        print(_("The library is empty. Import a course with: scorm-desktop import COURSE.zip"))
        return 0
    print(f"{'ID':>4}  {'STANDARD':<22} {'SCOS':>4}  {'STATUS':<12} TITLE")
    for r in rows:
        std = {"scorm12": "SCORM 1.2", "cmi5": "cmi5", "xapi": "xAPI (Tin Can)"}.get(r["standard"], f"SCORM {r['edition']}")
        print(f"{r['id']:>4}  {std:<22} {r['scos']:>4}  {r['status']['label']:<12} {r['title']}")
        if r["licence"]:
            print(f"      licence for {r['licence']['recipient']}: {r['licence']['summary']}")
    return 0


def _course_json(services, course) -> dict[str, Any]:
    from .reports.rows import course_summary

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
        print(_("error: {0}").format(exc.args[0]), file=sys.stderr)
        return None


def cmd_play(services, args) -> int:
    course = _find_course(services, args.course)
    if course is None:
        return 2
    refusal = _play_refusal(course, args.sco)
    if refusal:  # said before anything is recorded (no attempt, no session) and before Qt starts
        print(f"error: {refusal}", file=sys.stderr)
        return 2
    try:
        api_log = _api_log_writer(args.api_log) if args.api_log else None
    except OSError as exc:
        print(f"error: the API log {args.api_log} cannot be written ({exc.strerror or exc})", file=sys.stderr)
        return 2
    if _not_playable_yet(course, args.headless):
        return 1
    from .dispatch.store import refusal_before_play  # a dispatched course's licence

    if (refusal := refusal_before_play(services, course, args.learner, args.preview)) is not None:
        print(f"error: {refusal}", file=sys.stderr)
        return 2
    from .app import create_application

    app = create_application(headless=args.headless)
    if course.standard in ("cmi5", "xapi"):
        from .ui.xapi_headless import play_xapi_headless

        return play_xapi_headless(services, course.id, args.learner, args.sco, args.timeout, args.mode, args.preview)
    if args.headless:
        from .ui.headless import play_headless

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
def _not_playable_yet(course, headless: bool) -> bool:
    """cmi5 and Tin Can courses play headless (ui/xapi_headless.py), but the player window does not launch them
    yet: say so in one sentence rather than start them as SCORM content."""
    if course.standard not in ("cmi5", "xapi") or headless:
        return False
    kind = "cmi5" if course.standard == "cmi5" else "Tin Can (xAPI)"
    print(f"'{course.title}' is a {kind} course; the player window cannot launch {kind} courses yet "
          "(play --headless can).", file=sys.stderr)
    return True


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
    from .reports.rows import not_started_attempts, report_rows, report_table

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
    rows += not_started_attempts(services, rows, course_id=course_id, learner=args.learner)
    if not rows:
        print(_("No learning records yet."))
        return 0
    for line in report_table(rows, include_cmi=args.cmi):
        print(line)
    return 0


def request_restore(paths: DataPaths, name: str) -> int:
    from .storage import backup, owners

    # Claimed first, then the others asked for: of two processes starting together, one sees the other (the same
    # check runs again where the request is carried out, `backup.apply_restore_request`).
    owners.claim(paths.root)
    try:
        others = backup.other_owners(paths.root)
    finally:
        owners.release(paths.root)
    if others:  # its database would be swapped under it
        print(f"error: SCORM Desktop is using this data folder now (process {others}); close it, then restore",
              file=sys.stderr)
        return 2

    candidates = [b.path for b in backup.list_backups(paths.backups, include_replaced=True)]
    chosen = next((p for p in candidates if p.name == name or str(p) == name), None)
    if chosen is None and Path(name).is_file():
        chosen = Path(name).resolve()
    if chosen is None:
        print(_("error: there is no backup '{0}' (see: scorm-desktop backups)").format(name), file=sys.stderr)
        return 2
    try:
        backup.request_restore(paths.root, chosen)
    except ValueError as exc:
        print(_("error: {0}").format(exc), file=sys.stderr)
        return 2
    return 0


def cmd_backups(services, args) -> int:
    from .storage.backup import list_backups

    items = list_backups(services.paths.backups, include_replaced=True)
    if args.json:
        print(json.dumps([
            {"file": b.path.name, "path": str(b.path), "created": b.created.isoformat(), "reason": b.reason,
             "size_bytes": b.size} for b in items], indent=2))
        return 0
    if not items:
        print(_("No backups yet. One is taken every day the app is used, and before every upgrade."))
    for b in items:
        print(f"{b.path.name}  {b.label}")
    return 0


def cmd_remove(services, args) -> int:
    course = _find_course(services, args.course)
    if course is None:
        return 2
    playing = _played_elsewhere(services, course.id)
    if playing:  # its files would go from under the player
        print(f"error: course {course.id} ({course.title}) is being played now (process {playing}); close it "
              "first", file=sys.stderr)
        return 2
    if course.removed and not args.delete_records:
        print(f"course {course.id} ({course.title}) is already removed; its records are kept "
              "(add --delete-records to delete them too)")
        return 0
    if not args.yes:
        what = _("and every learner's records of it") if args.delete_records else _("(learners' records are kept)")
        print(_("error: this removes '{0}' {1}; add --yes to confirm").format(course.title, what), file=sys.stderr)
        return 2
    services.library.remove(course.id, delete_records=args.delete_records)
    print(_("removed course {0} ({1})").format(course.id, course.title))
    return 0


def _played_elsewhere(services, course_id: int) -> str | None:
    """The process id of another living process running a session of the course, if any."""
    from .storage import owners

    for sess in services.records.open_sessions():
        if sess.course_id == course_id and owners.held_by_another(services.paths.root, sess.owner):
            return owners.pid_of(sess.owner)
    return None


def cmd_clear_preview(services, args) -> int:
    n = services.records.clear_preview()
    print(f"cleared {n} preview attempt(s)")
    return 0


def cmd_restore(services, args) -> int:
    # The restore itself happened while opening (open_services applies the request before the database opens),
    # unless another process came to use the folder meanwhile: then this request is withdrawn, nothing changed.
    from .storage import backup

    marker = services.paths.root / backup.RESTORE_REQUEST
    if marker.exists():
        marker.unlink(missing_ok=True)
        print(f"error: SCORM Desktop is using this data folder now (process "
              f"{backup.other_owners(services.paths.root) or '?'}); close it, then restore", file=sys.stderr)
        return 2
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
from .cmi5.commands import COMMANDS as CMI5_COMMANDS  # noqa: E402  (plain Python, no Qt)

COMMANDS.update(CMI5_COMMANDS)


if __name__ == "__main__":
    sys.exit(main())
