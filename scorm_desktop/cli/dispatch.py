"""``scorm-desktop dispatch create|list|key|trust|revoke|revocations|import-revocations|report``.

Signing, the LRS client and the reports are imported when an action runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..i18n import _
from .common import find_course


def add_parsers(subparsers) -> None:
    d = subparsers.add_parser("dispatch", help=_("licensed courses for other sites: create, trust, revoke, report"))
    sub = d.add_subparsers(dest="dispatch_command", metavar="ACTION", required=True)
    c = sub.add_parser("create", help=_("write one file: the course and a licence signed by this installation"))
    c.add_argument("course", metavar="COURSE")
    c.add_argument("--to", required=True, metavar="RECIPIENT", help=_("the site or organisation it is for"))
    c.add_argument("--max-launches", type=int, metavar="N")
    c.add_argument("--max-learners", type=int, metavar="N")
    c.add_argument("--expires", metavar="YYYY-MM-DD", help=_("last day it may be launched (UTC)"))
    c.add_argument("--out", required=True, metavar="FILE")
    c.add_argument("--json", action="store_true")
    ls = sub.add_parser("list", help=_("the dispatches this installation issued"))
    ls.add_argument("--json", action="store_true")
    k = sub.add_parser("key", help=_("this installation's issuer key (give the file to the sites, for `dispatch trust`)"))
    k.add_argument("--out", metavar="FILE")
    t = sub.add_parser("trust", help=_("accept dispatches signed by the issuer key in KEYFILE"))
    t.add_argument("keyfile", metavar="KEYFILE")
    r = sub.add_parser("revoke", help=_("revoke a dispatch: publish the signed revocation list on the LRS (and/or --out)"))
    r.add_argument("dispatch_id", metavar="ID")
    r.add_argument("--out", metavar="FILE", help=_("also write the list to FILE for sites without a network (USB)"))
    r.add_argument("--offline", action="store_true", help=_("do not publish on the LRS"))
    r.add_argument("--endpoint", metavar="URL")
    r.add_argument("--username", metavar="NAME", help=_("basic-auth user (password as for sync)"))
    rv = sub.add_parser("revocations", help=_("write the signed revocation list to a file (USB)"))
    rv.add_argument("--out", required=True, metavar="FILE")
    ir = sub.add_parser("import-revocations", help=_("apply a revocation list from a file (USB)"))
    ir.add_argument("file", metavar="FILE")
    rep = sub.add_parser("report", help=_("read the dispatches' statements back from the LRS: per dispatch and device"))
    rep.add_argument("dispatch_id", nargs="?", metavar="ID")
    rep.add_argument("--json", action="store_true")
    rep.add_argument("--csv", metavar="FILE")
    rep.add_argument("--pdf", metavar="FILE", help=_("write a printable A4 PDF (loads Qt, offscreen)"))
    rep.add_argument("--endpoint", metavar="URL")
    rep.add_argument("--username", metavar="NAME", help=_("basic-auth user (password as for sync)"))


def cmd_dispatch(services, args: argparse.Namespace) -> int:
    from ..dispatch.licence import DispatchError
    from ..dispatch.writing import finish_interrupted

    try:
        finish_interrupted(services.sessions)  # a `dispatch create` killed midway: finished or undone first
        return ACTIONS[args.dispatch_command](services, args)
    except DispatchError as exc:
        from ..dispatch.remote import RemoteError

        print((_("error: {0}") if isinstance(exc, RemoteError) else _("refused: {0}")).format(exc), file=sys.stderr)
        return 1
    except OSError as exc:
        print(_("error: {0} could not be used ({1}).").format(exc.filename or "", exc.strerror or exc), file=sys.stderr)
        return 1


def _create(services, args) -> int:
    from ..dispatch.store import create_dispatch

    course = find_course(services, args.course)
    if course is None:
        return 2
    lic = create_dispatch(services.sessions, course, Path(args.out), args.to, args.max_launches, args.max_learners,
                          args.expires)
    if args.json:
        print(json.dumps({"file": args.out, **lic.to_json()}))
    else:
        print(_("dispatch {0}: '{1}' for {2} written to {3} (issuer key {4})").format(
            lic.dispatch_id, lic.course_title, lic.recipient, args.out, lic.issuer_fingerprint))
    return 0


def _list(services, args) -> int:
    from ..dispatch.store import issued

    rows = issued(services.sessions)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    if not rows:
        print(_("No dispatches issued yet. Create one with: scorm-desktop dispatch create COURSE --to SITE --out FILE"))
    for r in rows:
        limits = ", ".join(LIMITS[k]().format(r[k]) for k in LIMITS if r[k] is not None) or _("no limits")
        state = _("revoked {0}").format(r["revoked_at"][:10]) if r["revoked_at"] else _("active")
        print(f"{r['dispatch_id']}  {r['issued_at'][:10]}  {state:<18} {r['course_title']} → {r['recipient']} "
              f"({limits})")
    return 0


#: A dispatch's limits as `dispatch list` words them (called when printed, in the learner's language).
LIMITS = {"max_launches": lambda: _("max launches {0}"), "max_learners": lambda: _("max learners {0}"),
          "expires": lambda: _("expires {0}")}


def _key(services, args) -> int:
    from ..dispatch.store import issuer_public_key, key_file_text

    text = key_file_text(issuer_public_key(services.sessions))
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(_("wrote the issuer key to {0} ({1})").format(
            args.out, text.split("fingerprint ")[1].strip().splitlines()[0]))
    else:
        print(text, end="")
    return 0


def _trust(services, args) -> int:
    from ..dispatch.store import read_key_file, trust

    fp = trust(services.sessions, read_key_file(Path(args.keyfile)))
    print(_("trusted the dispatch issuer with key fingerprint {0}").format(fp))
    return 0


def _lrs(services, args):
    """The LRS as the sync settings name it (--endpoint and --username override them); the password as sync finds it."""
    from ..sync.settings import lrs_settings

    return lrs_settings(services, getattr(args, "endpoint", None), getattr(args, "username", None))


def _write_list(path: str, doc: dict) -> None:
    Path(path).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")


def _revoke(services, args) -> int:
    from ..dispatch.remote import publish_revocations
    from ..dispatch.store import revoke

    doc = revoke(services.sessions, args.dispatch_id)
    if args.out:
        _write_list(args.out, doc)
        print(_("wrote the revocation list ({0} dispatch(es)) to {1}").format(len(doc["revoked"]), args.out))
    if not args.offline:
        cfg, password = _lrs(services, args)
        publish_revocations(cfg, password, doc)
        print(_("published the revocation list ({0} dispatch(es)) on {1}").format(len(doc["revoked"]), cfg.endpoint))
    return 0


def _revocations(services, args) -> int:
    from ..dispatch.store import revocation_list

    doc = revocation_list(services.sessions)
    _write_list(args.out, doc)
    print(_("wrote the revocation list ({0} dispatch(es)) to {1}").format(len(doc["revoked"]), args.out))
    return 0


def _import_revocations(services, args) -> int:
    from ..dispatch.licence import DispatchError
    from ..dispatch.store import apply_revocations
    from ..sync.bundles import fingerprint

    path = Path(args.file)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise DispatchError(_("'{0}' is not a dispatch revocation list; nothing was changed.").format(path.name)) from None
    added = apply_revocations(services.sessions, doc, f"'{path.name}'")
    print(_("{0} dispatch(es) newly revoked (issuer {1})").format(len(added), fingerprint(doc["issuer"])))
    return 0


def _report(services, args) -> int:
    from ..reports.csv_export import _write, safe_text
    from ..dispatch.remote import dispatch_statements
    from ..dispatch.report import CSV_COLUMNS, csv_rows, figures, missing_text
    from ..dispatch.licence import DispatchError
    from ..dispatch.store import issued

    chosen = [d for d in issued(services.sessions) if args.dispatch_id in (None, d["dispatch_id"])]
    if args.dispatch_id and not chosen:
        raise DispatchError(_("This installation issued no dispatch '{0}' (see: dispatch list).").format(args.dispatch_id))
    if not chosen:
        print(_("No dispatches issued yet."))
        return 0
    cfg, password = _lrs(services, args)
    reports = [figures(d, dispatch_statements(cfg, password, d["dispatch_id"])) for d in chosen]
    if args.csv:
        _write(Path(args.csv), CSV_COLUMNS,
               ([safe_text("" if r[c] is None else str(r[c])) for c in CSV_COLUMNS] for r in csv_rows(reports)))
    if args.pdf:
        _write_pdf(Path(args.pdf), reports)
    if args.json:
        print(json.dumps(reports, indent=2))
        return 0
    for rep in reports:
        t = rep["totals"]
        print(f"{rep['dispatch_id']}  {rep['course']} → {rep['recipient']}"
              + ("  " + _("(revoked)") if rep["revoked_at"] else ""))
        print("  " + _("all devices: {0}").format(_line(t)))
        for d in rep["devices"]:
            print("  " + _("device {0}: {1}; missing records: {2}").format(d["device"], _line(d), missing_text(d)))
    return 0


def _write_pdf(target: Path, reports: list[dict]) -> None:
    from datetime import datetime

    from ..app import create_application
    from ..dispatch.report import report_html

    create_application(headless=True)  # QTextDocument and QPdfWriter need a QGuiApplication (offscreen)
    from ..ui.report_pdf import write_pdf

    write_pdf(report_html(reports, datetime.now().strftime("%Y-%m-%d %H:%M")), target, _("Dispatch report"),
              landscape=True)


def _line(f: dict) -> str:
    avg = "-" if f["average_score"] is None else f"{f['average_score'] * 100:.0f}%"
    return _("{0} launches, {1} learners, {2} completed, {3} passed, average score {4}, last launch {5}").format(
        f["launches"], f["learners"], f["completed"], f["passed"], avg, f["last_launch"] or "-")


ACTIONS = {
    "create": _create, "list": _list, "key": _key, "trust": _trust, "revoke": _revoke, "revocations": _revocations,
    "import-revocations": _import_revocations, "report": _report,
}
COMMANDS = {"dispatch": cmd_dispatch}
