"""The library's commands: `import`, `remove`, `courses`, `backups`, `restore`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ..i18n import _
from ..paths import DataPaths
from .common import edition_name, find_course, print_json, refuse, status_word


def add_parsers(sub) -> None:
    imp = sub.add_parser(
        "import", help=_("import course packages (SCORM, cmi5, xAPI; ZIP files or package folders; a folder of ZIPs "
                         "imports each) into the library")
    )
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--json", action="store_true", help=_("print one JSON object per package"))
    imp.add_argument("--update", action="store_true",
                     help=_("a newer version of a course already in the library (same manifest identifier): replace "
                            "its files, keep learners' records for the SCOs that still exist"))
    rm = sub.add_parser("remove", help=_("remove a course from the library (its learners' records are kept)"))
    rm.add_argument("course", metavar="COURSE")
    rm.add_argument("--delete-records", action="store_true", help=_("also delete every learner's records of it"))
    rm.add_argument("--yes", action="store_true", help=_("confirm"))

    crs = sub.add_parser("courses", help=_("list the courses in the library"))
    crs.add_argument("--json", action="store_true")

    bk = sub.add_parser("backups", help=_("list the database backups (newest first)"))
    bk.add_argument("--json", action="store_true")
    rs = sub.add_parser("restore", help=_("restore the library database from a backup (the current one is kept)"))
    rs.add_argument("backup", metavar="BACKUP", help=_("a backup file name or path, as `backups` lists them"))


def cmd_import(services, args) -> int:
    from ..package.model import PackageError
    from ..package.sources import expand_sources

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
            out.update(status="refused", message=_("'{0}' could not be read ({1}).").format(path, exc.strerror or exc))
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
        print(_("note: {0} brought back course {1} ({2}) with its learners' records").format(
            src, course["id"], course["title"]), file=sys.stderr)
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
        print_json(rows)
        return 0
    if not rows:
        print(_("The library is empty. Import a course with: scorm-desktop import COURSE.zip"))
        return 0
    print("{0:>4}  {1:<22} {2:>4}  {3:<12} {4}".format(_("ID"), _("STANDARD"), _("SCOS"), _("STATUS"), _("TITLE")))
    for r in rows:
        std = {"scorm12": "SCORM 1.2", "cmi5": "cmi5", "xapi": "xAPI (Tin Can)"}.get(r["standard"]) or edition_name(r["edition"])
        print(f"{r['id']:>4}  {std:<22} {r['scos']:>4}  {status_word(r['status']['label']):<12} {r['title']}")
        if r["licence"]:
            print("      " + _("licence for {0}: {1}").format(r["licence"]["recipient"], r["licence"]["summary"]))
    return 0


def _course_json(services, course) -> dict[str, Any]:
    from ..dispatch.store import licence_state  # a dispatched course shows its licence
    from ..reports.rows import course_summary

    d = course.to_json()
    d["status"] = course_summary(services, course)
    state = licence_state(services.sessions, course.id)
    d["licence"] = None if state is None else state.to_json()
    return d


def cmd_remove(services, args) -> int:
    course = find_course(services, args.course)
    if course is None:
        return 2
    playing = _played_elsewhere(services, course.id)
    if playing:  # its files would go from under the player
        return refuse(_("course {0} ({1}) is being played now (process {2}); close it first").format(
            course.id, course.title, playing))
    if course.removed and not args.delete_records:
        print(_("course {0} ({1}) is already removed; its records are kept (add --delete-records to delete them "
                "too)").format(course.id, course.title))
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
    from .. import owners

    for sess in services.records.open_sessions():
        if sess.course_id == course_id and owners.held_by_another(services.paths.root, sess.owner):
            return owners.pid_of(sess.owner)
    return None


def cmd_backups(services, args) -> int:
    from ..storage.backup import list_backups

    items = list_backups(services.paths.backups, include_replaced=True)
    if args.json:
        print_json([
            {"file": b.path.name, "path": str(b.path), "created": b.created.isoformat(), "reason": b.reason,
             "size_bytes": b.size} for b in items])
        return 0
    if not items:
        print(_("No backups yet. One is taken every day the app is used, and before every upgrade."))
    for b in items:
        print(f"{b.path.name}  {b.label}")
    return 0


def request_restore(paths: DataPaths, name: str) -> int:
    """`restore`, before the data folder is opened: the request the next open carries out (entry.py calls it)."""
    from .. import owners
    from ..storage import backup

    # Claimed first, then the others asked for: of two processes starting together, one sees the other (the same
    # check runs again where the request is carried out, `backup.apply_restore_request`).
    owners.claim(paths.root)
    try:
        others = backup.other_owners(paths.root)
    finally:
        owners.release(paths.root)
    if others:  # its database would be swapped under it
        print(_("error: SCORM Desktop is using this data folder now (process {0}); close it, then restore").format(
            others), file=sys.stderr)
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


def cmd_restore(services, args) -> int:
    # The restore itself happened while opening (open_services applies the request before the database opens),
    # unless another process came to use the folder meanwhile: then this request is withdrawn, nothing changed.
    from ..storage import backup

    marker = services.paths.root / backup.RESTORE_REQUEST
    if marker.exists():
        marker.unlink(missing_ok=True)
        print(_("error: SCORM Desktop is using this data folder now (process {0}); close it, then restore").format(
            backup.other_owners(services.paths.root) or "?"), file=sys.stderr)
        return 2
    return 0


COMMANDS = {
    "import": cmd_import,
    "remove": cmd_remove,
    "courses": cmd_courses,
    "backups": cmd_backups,
    "restore": cmd_restore,
}
