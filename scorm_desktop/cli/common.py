"""What the command groups share: the one way to find the course a command names, and the refusal line.

Plain Python, imported by every group at start: it loads nothing but the standard library and `i18n`.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from ..i18n import _, translate

#: Exit status for a mistake in the command line or an unusable data folder (argparse uses it too).
EXIT_USAGE = 2


def find_course(services, ref: str, *, quiet: bool = False):
    """The course a command names (id, exact title or manifest identifier), or None after saying why not in one
    sentence on stderr (`quiet`: the caller says it its own way)."""
    try:
        return services.library.find(ref)
    except KeyError as exc:
        if not quiet:
            print(_("error: {0}").format(exc.args[0]), file=sys.stderr)
        return None


def refuse(message: str, code: int = EXIT_USAGE) -> int:
    """`error: <message>` on stderr; returns the exit status to return."""
    print(_("error: {0}").format(message), file=sys.stderr)
    return code


def status_word(label: str) -> str:
    """A status label from the records ("not started", "passed"...) in the learner's language, as the dashboard
    shows it (one set of translations for both)."""
    return translate("Dashboard", label)


def edition_name(edition: str) -> str:
    """"SCORM 2004 4th Edition" in the learner's language, as the library window names it."""
    return translate("LibraryModel", "SCORM " + edition)


def lang_option(argv: list[str]) -> str | None:
    """The --lang value of a command line (an option before the command word), read before the parser is built:
    its help and errors speak it."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        if argv[i] == "--lang":
            return argv[i + 1] if i + 1 < len(argv) else None
        if argv[i].startswith("--lang="):
            return argv[i].split("=", 1)[1]
        i += 2 if argv[i] == "--data-dir" else 1
    return None


def translate_argparse() -> None:
    """argparse's own words ("usage:", "options", -h's help, its commonest errors) through the app's translations:
    argparse calls the gettext `_` of its module, which is pointed at ours. Its "invalid choice" error is left as
    it is (entry._Parser.error reads it to say "unknown command")."""
    import argparse

    argparse._ = _  # type: ignore[attr-defined]


def _argparse_words() -> None:  # never called: lists argparse's words for scripts/i18n.py to extract
    _("usage: ")
    _("positional arguments")
    _("options")
    _("show this help message and exit")
    _("show program's version number and exit")
    _("the following arguments are required: %s")
    _("unrecognized arguments: %s")
    _("expected one argument")
    _("not allowed with argument %s")
    _("one of the arguments %s is required")


def print_json(value: Any, indent: int | None = 2) -> None:
    """A command's --json output on stdout."""
    print(json.dumps(value, indent=indent))
