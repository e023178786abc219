"""`scorm-desktop`, the command line: `entry.py` parses and dispatches, one module per command group registers its
own sub-commands (`entry.GROUPS`), `common.py` holds what the groups share (`find_course`, the refusal line).

`main` is the console entry point (pyproject's [project.scripts], the frozen launcher, `python -m scorm_desktop`).
Importing this package loads nothing else: `play` pays only for what it uses.
"""

from __future__ import annotations

from typing import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from .entry import main as run

    return run(argv)
