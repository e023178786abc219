"""Sync commands: ``sync``, ``export-records FILE``, ``import-records FILE``.

The sync engine, its HTTP client and the bundles' cryptography are imported when one of these runs, not when the
parser is built.
"""

from __future__ import annotations

import argparse
import getpass
import json
import math
import sys
import time

from ..sync.settings import ENV_PASSWORD, SyncSettings, chosen_lrs, get_password, store_password
from ..i18n import _, plural
from .common import refuse


def add_parsers(subparsers) -> None:
    sync = subparsers.add_parser("sync", help=_("send the learning records (xAPI statements) to the LRS"))
    sync.add_argument("--endpoint", metavar="URL", help=_("the LRS's xAPI base URL, the part before 'statements'"))
    sync.add_argument("--username", metavar="NAME", help=_("basic-auth user (password: ${0}, keyring, file)").format(ENV_PASSWORD))
    sync.add_argument("--dry-run", action="store_true", help=_("only say what would be sent"))
    sync.add_argument("--json", action="store_true", help=_("print the report as one JSON object"))
    sync.add_argument(
        "--max-wait", type=_seconds, metavar="SECONDS",
        help=_("give up waiting for the LRS after this long in all (default: sync.max_wait, 120); nothing is lost"),
    )
    sync.add_argument(
        "--retry-quarantined", action="store_true", help=_("queue the statements the LRS refused as invalid again")
    )
    sync.add_argument(
        "--set-password", action="store_true",
        help=_("read the LRS password from stdin (or a prompt) and keep it in the system keyring (or a private file) "
               "for this endpoint and user; --endpoint/--username given with it are saved in the settings; sends "
               "nothing"),
    )

    exp = subparsers.add_parser("export-records", help=_("write the records not yet sent to a signed file (USB)"))
    exp.add_argument("file", metavar="FILE")
    exp.add_argument("--json", action="store_true")

    imp = subparsers.add_parser("import-records", help=_("queue the records of a file from another device for sync"))
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--json", action="store_true")


def _seconds(text: str) -> float:
    """--max-wait: a number of seconds, 0 or more (`inf` waits for ever)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("'{0}' is not a number of seconds").format(text)) from None
    if math.isnan(value) or value < 0:
        raise argparse.ArgumentTypeError(_("'{0}' is not a number of seconds (0 or more)").format(text))
    return value


def cmd_sync(services, args: argparse.Namespace) -> int:
    from ..storage.outbox import QUARANTINED, DocumentOutbox, Outbox
    from ..sync.client import LrsClient

    cfg = chosen_lrs(services.settings, args.endpoint, args.username)
    if getattr(args, "set_password", False):
        return set_password(services, cfg, args)
    if not cfg.endpoint and not args.dry_run:
        message = _("No LRS endpoint is set: give one with --endpoint or in settings.json (sync.endpoint).")
        if args.json:
            print(json.dumps({"endpoint": None, "error": message}))
        return refuse(message)
    if args.retry_quarantined and not args.dry_run:
        Outbox(services.sessions).requeue((QUARANTINED,))
        DocumentOutbox(services.sessions).requeue()
    password = get_password(cfg, services.paths.config) if cfg.username and not args.dry_run else None
    if cfg.username and password is None and not args.dry_run:
        print(_("warning: no password for {0} (set {1} or store one)").format(cfg.username, ENV_PASSWORD), file=sys.stderr)
    budget = cfg.max_wait if args.max_wait is None else args.max_wait
    # One request never outlasts the run's budget: a stalled LRS (accepts, never answers) is given up on in time.
    client = LrsClient(cfg, password, deadline=time.monotonic() + budget) if not args.dry_run else None
    engine = services.sync_engine(cfg, password, client=client)
    try:
        report = engine.run(max_wait=budget, dry_run=args.dry_run)
    finally:
        if client is not None:
            client.close()
    if args.json:
        print(json.dumps({"endpoint": cfg.endpoint, **report.to_json()}))
    else:
        _print_report(cfg, report)
    if not cfg.endpoint and not args.dry_run:
        return 2
    return 1 if report.pending or report.documents_pending or (report.last_error and not args.dry_run) else 0


def set_password(services, cfg: SyncSettings, args: argparse.Namespace) -> int:
    """`sync --set-password`: one line from stdin (piped), or a prompt without echo (a terminal)."""
    if not cfg.endpoint or not cfg.username:
        print(_("error: the password belongs to an endpoint and a user: give --endpoint and --username "
                "(or set sync.endpoint and sync.username in settings.json)."), file=sys.stderr)
        return 2
    try:
        if sys.stdin is not None and sys.stdin.isatty():
            password = getpass.getpass(_("LRS password for {0} at {1}: ").format(cfg.username, cfg.endpoint))
        else:
            password = (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")
    except (EOFError, KeyboardInterrupt):
        password = ""
    if not password:
        print(_("error: no password given; nothing was stored."), file=sys.stderr)
        return 1
    if args.endpoint or args.username:  # keep the pair the password belongs to, so a plain `sync` uses it
        saved = dict(services.settings.extra.get("sync") or {})
        saved.update(endpoint=cfg.endpoint, username=cfg.username)
        services.settings.extra["sync"] = saved
        services.save_settings()
    where = store_password(cfg, services.paths.config, password)
    place = (_("the system keyring") if where == "keyring"
             else _("{0} (readable by you only; no keyring is available)").format(where))
    if args.json:
        print(json.dumps({"endpoint": cfg.endpoint, "username": cfg.username, "stored_in": where}))
    else:
        print(_("stored the password for {0} at {1} in {2}").format(cfg.username, cfg.endpoint, place))
    return 0


def _statements(n: int) -> str:
    return plural(n, _("{0} statement"), _("{0} statements"))


def _documents(n: int) -> str:
    return plural(n, _("{0} document"), _("{0} documents"))


def _print_report(cfg: SyncSettings, r) -> None:
    where = cfg.endpoint or _("(no endpoint)")
    if r.dry_run:
        print(_("would send {0} and {1} to {2}").format(_statements(r.pending), _documents(r.documents_pending), where))
    else:
        print(_("sent {0} and {1} to {2}").format(_statements(r.sent), _documents(r.documents_sent), where))
    print(_("stored at the LRS in all: {0}").format(r.stored))
    for item in r.refused:
        print(_("refused ({0}): {1}: {2}").format(item["state"], item["id"], item["reason"]))
    if r.conflicts or r.quarantined:
        print(_("refused in all: {0}, {1} quarantined").format(
            plural(r.conflicts, _("{0} conflict"), _("{0} conflicts")), r.quarantined))
    if r.documents_quarantined:
        print(_("documents refused in all: {0} quarantined").format(r.documents_quarantined))
    if r.documents_pending:
        print(_("still pending: {0} (and {1})").format(r.pending, _documents(r.documents_pending)))
    else:
        print(_("still pending: {0}").format(r.pending))
    if r.last_error:
        print(_("error: {0}").format(r.last_error), file=sys.stderr)


def cmd_export_records(services, args: argparse.Namespace) -> int:
    from ..sync.bundles import export_records

    try:
        result = export_records(services.sessions, args.file)
    except OSError as exc:
        print(_("error: '{0}' could not be written ({1}).").format(args.file, exc.strerror or exc), file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"file": str(result.path), "count": result.count, "documents": result.documents,
                          "device": result.device_id, "fingerprint": result.fingerprint}))
    else:
        print(_("wrote {0} and {1} to {2} (device {3}, key {4})").format(
            _statements(result.count), _documents(result.documents), result.path, result.device_id,
            result.fingerprint))
    return 0


def cmd_import_records(services, args: argparse.Namespace) -> int:
    from ..sync.bundles import BundleError, import_records

    try:
        result = import_records(services.sessions, args.file)
    except BundleError as exc:
        print(_("refused: {0}").format(exc), file=sys.stderr)
        return 1
    except OSError as exc:
        print(_("error: '{0}' could not be read ({1}).").format(args.file, exc.strerror or exc), file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"file": args.file, "count": result.count, "queued": result.queued,
                          "already_known": result.already_known, "device": result.device_id,
                          "fingerprint": result.fingerprint, "new_device": result.new_device,
                          "documents": result.documents, "documents_queued": result.documents_queued}))
    else:
        text = (_("queued {0} of {1} from device {2} (key {3}, first seen now); {4} already known; "
                  "{5} of {6} queued") if result.new_device else
                _("queued {0} of {1} from device {2} (key {3}); {4} already known; {5} of {6} queued"))
        print(text.format(result.queued, _statements(result.count), result.device_id, result.fingerprint,
                          result.already_known, result.documents_queued, _documents(result.documents)))
    return 0


COMMANDS = {"sync": cmd_sync, "export-records": cmd_export_records, "import-records": cmd_import_records}
