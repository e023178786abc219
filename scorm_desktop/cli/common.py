"""What the command groups share: the one way to find the course a command names, and the refusal line.

Plain Python, imported by every group at start: it loads nothing but the standard library and `i18n`.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from ..i18n import _

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
    print(f"error: {message}", file=sys.stderr)
    return code


def print_json(value: Any, indent: int | None = 2) -> None:
    """A command's --json output on stdout."""
    print(json.dumps(value, indent=indent))
