"""The `scorm-desktop` parser and dispatcher: the GUI with no command; otherwise each command group's module.

A group is a module with `add_parsers(subparsers)`, which registers its sub-commands, and `COMMANDS`, which maps
each of them to fn(services, args) -> exit status. `GROUPS` lists them; adding a group is one line there. Group
modules import only the standard library at module level (their work is imported inside the command), so building
the parser costs nothing that `play` does not need. Qt is imported only by the GUI, `play`, `check` and
`export --pdf`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from pathlib import Path
from typing import Callable, Sequence

from .. import __version__
from ..i18n import _
from ..paths import DataPaths
from .common import EXIT_USAGE, lang_option, translate_argparse

log = logging.getLogger(__name__)

#: The command groups, in the order `--help` lists them: (module, its function that registers the sub-commands).
GROUPS: list[tuple[str, str]] = [
    ("scorm_desktop.cli.library", "add_parsers"),  # import, remove, courses, backups, restore
    ("scorm_desktop.cli.play", "add_parsers"),  # play, clear-preview
    ("scorm_desktop.cli.report", "add_parsers"),  # report, export
    ("scorm_desktop.cli.learners", "add_parsers"),  # learners, learner, attempts, reset
    ("scorm_desktop.cli.sync", "add_parsers"),  # sync, export-records, import-records
    ("scorm_desktop.cli.media", "add_parsers"),  # convert-media
    ("scorm_desktop.cli.check", "add_parsers"),  # check
    ("scorm_desktop.cli.dispatch", "add_parsers"),  # dispatch ...
    ("scorm_desktop.cmi5.commands", "add_parsers"),  # waive
]

#: Ctrl+C.
EXIT_INTERRUPTED = 130
#: Commands that only read the data folder: they work on a read-only one.
READ_ONLY_COMMANDS = {"courses", "report", "attempts", "backups", "learners", "export"}

Command = Callable[..., int]


def commands() -> dict[str, Command]:
    """Every command name -> fn(services, args), from the groups' COMMANDS."""
    out: dict[str, Command] = {}
    for module, _register in GROUPS:
        out.update(importlib.import_module(module).COMMANDS)
    return out


def build_parser() -> argparse.ArgumentParser:
    translate_argparse()
    p = _Parser(
        prog="scorm-desktop",
        description=_("Offline-first player for SCORM 1.2, SCORM 2004, cmi5 and xAPI (Tin Can) courses. With no command, "
                      "the app opens."),
    )
    p.add_argument("--version", action="version", version=f"scorm-desktop {__version__}")
    p.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_("data folder (library, database, web profile); default: $SCORM_DESKTOP_DATA or the user data folder"),
    )
    p.add_argument("--lang", metavar="CODE", help=_("language of the app and its messages: en, fr or es "
                   "(default: $SCORM_DESKTOP_LANG, then the Settings choice, then the system's)"))
    p.add_argument("-v", "--verbose", action="store_true", help=_("print informational log lines to stderr"))
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for module, register in GROUPS:
        getattr(importlib.import_module(module), register)(sub)
    return p


def _choose_language(code: str | None) -> None:
    """--lang wins over $SCORM_DESKTOP_LANG and the settings; the GUI started from here inherits it."""
    import os

    from .. import i18n

    if code:
        os.environ[i18n.ENV] = code
    i18n.set_language(i18n.resolve())


def split_open_with(argv: list[str]) -> tuple[list[str], list[str]]:
    """`scorm-desktop [options] FILE...` ("Open with" from a file manager): (options, files), else (argv, []).
    A word that is neither a command nor an existing file or folder is left to the parser, which says "unknown
    command" (a mistyped `cuorses` must not start the app to open a file of that name)."""
    names = commands()
    i = 0
    while i < len(argv):
        tok = argv[i]
        if tok in ("--data-dir", "--lang"):
            i += 2
            continue
        if tok.startswith("-"):
            i += 1
            continue
        if tok in names or not Path(tok).exists():
            return argv, []
        return argv[:i], argv[i:]
    return argv, []


class _Parser(argparse.ArgumentParser):
    """argparse, with "unknown command" for a mistyped command word instead of a list of every choice."""

    def error(self, message: str):  # type: ignore[override]
        if "invalid choice" in message and "argument COMMAND" in message:
            word = message.split("'", 2)[1] if "'" in message else "?"
            from difflib import get_close_matches

            if "/" in word or "\\" in word or Path(word).suffix:  # meant as a file to open ("Open with")
                self.exit(EXIT_USAGE, _("{0}: error: there is no file or folder '{1}' to open").format(self.prog, word)
                          + "\n")
            close = get_close_matches(word, list(commands()), n=1)
            if close:
                line = _("{0}: unknown command '{1}' (did you mean '{2}'?); see: {0} --help").format(
                    self.prog, word, close[0])
            else:
                line = _("{0}: unknown command '{1}'; see: {0} --help").format(self.prog, word)
            self.exit(EXIT_USAGE, line + "\n")
        # One line that says what is wrong (not the whole usage text before it).
        self.exit(EXIT_USAGE, _("{0}: error: {1} (see: {0} --help)").format(self.prog, message) + "\n")


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
        print(_("interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `scorm-desktop report | head`
        sys.stderr.close()
        return 0


def _main(argv: Sequence[str] | None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    options, open_paths = split_open_with(raw)
    _choose_language(lang_option(options))  # before the parser: --help and its errors speak the language
    args = build_parser().parse_args(options)
    _choose_language(args.lang)
    from ..paths import DataFolderError, check_data_folder

    if args.data_dir is not None and not args.data_dir.strip():
        print(_("error: --data-dir is empty: give the data folder's path (an unset variable?)"), file=sys.stderr)
        return EXIT_USAGE
    paths = DataPaths.resolve(args.data_dir)
    writes = args.command not in READ_ONLY_COMMANDS
    try:
        writable = check_data_folder(paths)
    except DataFolderError as exc:
        print(_("error: {0}").format(exc), file=sys.stderr)
        return EXIT_USAGE
    if writes and not writable:
        print(_("error: cannot use {0} as a data folder: it is not writable "
                "(read-only commands such as courses, report and backups still work)").format(paths.root),
              file=sys.stderr)
        return EXIT_USAGE
    from ..logs import setup_logging

    log_file = setup_logging(paths.logs if writable else None, logging.INFO if args.verbose else logging.WARNING)
    if args.command is None:
        from ..app import run_gui

        return run_gui(paths, [str(Path(p).resolve()) for p in open_paths], log_file)
    from ..storage.db import DatabaseError

    if args.command == "restore":
        from .library import request_restore

        code = request_restore(paths, args.backup)
        if code:
            return code
    refusal = _check_arguments(args)
    if refusal:
        print(_("error: {0}").format(refusal), file=sys.stderr)
        return EXIT_USAGE

    deferred = args.command == "play"  # the checks that grow with the library wait until the course has played
    try:
        if writable:
            from ..services import open_services

            services = open_services(paths, deferred=deferred)
        else:
            from ..readonly import open_read_only

            services = open_read_only(paths)
    except DatabaseError as exc:
        print(_("error: {0}").format(exc), file=sys.stderr)
        return EXIT_USAGE
    for notice in services.notices:
        print(_("note: {0}").format(notice), file=sys.stderr)
    try:
        return commands()[args.command](services, args)
    finally:
        if deferred:
            for notice in services.maintenance():
                print(_("note: {0}").format(notice), file=sys.stderr)
        services.close()


#: The refusal for each name argument given empty (called when said, in the learner's language).
EMPTY_NAME = {"learner": lambda: _("the learner given is empty; give a name"),
              "new_name": lambda: _("the new name given is empty; give a name"),
              "name": lambda: _("the name given is empty; give a name")}


def _check_arguments(args) -> str | None:
    """Refusals that need no database: one sentence, or None."""
    for name in ("learner", "new_name", "name"):
        value = getattr(args, name, None)
        if value is not None and not value.strip():
            return EMPTY_NAME[name]()
    return None
