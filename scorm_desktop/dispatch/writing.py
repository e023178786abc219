"""Writing a dispatch file so that a kill at any moment leaves either nothing, or a recorded dispatch whose file is
whole under its name: never a file whose dispatch the issuer does not know, nor a row for a file never completed.

The order (`store.create_dispatch`):
1. an intent, ``dispatch_state['creating:<id>']`` = {out, partial, package, owner}, is committed first;
2. the package and the signed file are written under a hidden temporary name beside the target (``partial``), synced;
3. the dispatch's row is committed (the intent stays);
4. the temporary file is renamed to its name, the folder synced, and the intent removed.
Whoever next lists the dispatches (`finish_interrupted`, called by `store.issued`) finishes an intent whose process
is gone: with a row, the rename (step 4); without one, it removes the temporary files (nothing was recorded). An
intent of a living process (owners.py) is left alone.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from .. import owners
from ..oslock import fsync_dir
from ..storage.models import DispatchIssued, DispatchState

CREATING = "creating:"
#: Test-only: set to a stage name ("after-file", "after-row") to make `dispatch create` print `paused at STAGE` to
#: stderr and sleep there, so a test can SIGKILL it at that point (as library/courses.py's PAUSE_ENV). Inert otherwise.
PAUSE_ENV = "SCORM_DESKTOP_TEST_PAUSE_DISPATCH"


def pause_for_tests(stage: str) -> None:
    if os.environ.get(PAUSE_ENV) == stage:
        print(f"paused at {stage}", file=sys.stderr, flush=True)
        time.sleep(600)


def _root(sessions: sessionmaker) -> Path:
    return Path(sessions.kw["bind"].url.database).parent


def begin(sessions: sessionmaker, dispatch_id: str, out: Path) -> dict:
    """Record the intent (step 1); returns it, with the temporary names to write to."""
    out = Path(out).absolute()
    intent = {
        "dispatch_id": dispatch_id, "out": str(out),
        "partial": str(out.with_name(f".{out.name}.{dispatch_id[:8]}.partial")),
        "package": str(out.with_name(f".{out.name}.{dispatch_id[:8]}.zip")),
        "owner": owners.process_token(),
    }
    with sessions.begin() as s:
        s.merge(DispatchState(key=CREATING + dispatch_id, value=json.dumps(intent)))
    return intent


def temporaries(intent: dict) -> list[Path]:
    partial = Path(intent["partial"])
    return [Path(intent["package"]), partial, partial.with_name(partial.name + ".part")]


def complete(sessions: sessionmaker, intent: dict) -> None:
    """Step 4: the file under its name, then the intent gone."""
    partial, out = Path(intent["partial"]), Path(intent["out"])
    if partial.exists():
        os.replace(partial, out)
        fsync_dir(out.parent)
    _drop(sessions, intent)


def abandon(sessions: sessionmaker, intent: dict) -> None:
    """Nothing was recorded: remove what was written, then the intent."""
    for p in temporaries(intent):
        p.unlink(missing_ok=True)
    _drop(sessions, intent)


def _drop(sessions: sessionmaker, intent: dict) -> None:
    Path(intent["package"]).unlink(missing_ok=True)
    with sessions.begin() as s:
        row = s.get(DispatchState, CREATING + intent["dispatch_id"])
        if row is not None:
            s.delete(row)


def finish_interrupted(sessions: sessionmaker) -> None:
    """Finish or undo the creations whose process is gone (nothing to do, and no write, usually)."""
    with sessions() as s:
        found = [(json.loads(v), s.get(DispatchIssued, k[len(CREATING):]) is not None) for k, v in s.execute(
            select(DispatchState.key, DispatchState.value).where(DispatchState.key.like(CREATING + "%"))).all()]
    if not found:
        return
    root = _root(sessions)
    for intent, recorded in found:
        if owners.held_by_another(root, intent.get("owner")) or owners.is_mine(intent.get("owner")):
            continue  # still being written by a living process
        with contextlib.suppress(OSError):
            (complete if recorded else abandon)(sessions, intent)

