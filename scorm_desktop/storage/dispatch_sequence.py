"""The numbers on a dispatched course's statements, so the issuer sees what did not arrive (issue 16).

Every statement of a dispatched course carries, in its context extensions:
- the dispatch id (`DISPATCH_EXTENSION`) and the dispatch's grouping activity (what the report asks the LRS for);
- n, the device's number (`DEVICE_SEQUENCE_EXTENSION`): ONE counter per device, across all its dispatches;
- k, its position among this device's statements of this dispatch (`SEQUENCE_EXTENSION`: 1, 2, 3…);
- p, the device number of this device's previous statement of the same dispatch (`PREVIOUS_EXTENSION`, 0 for none).

The issuer reads only its own dispatches' statements, so numbers of other dispatches (its own or another issuer's)
interleave with what it sees. n alone would make every one of them look missing; k counts exactly how many of the
dispatch's records have not arrived, and p names the device number of the record before each one that did (see
`report.py` and README "Dispatch").

Where the counters live: the database (`dispatch_state`: 'device_seq', 'seq:<dispatch>', 'last:<dispatch>'), read
and written in the transaction that queues the statement, so processes sharing the data folder take numbers one
after another (SQLite serialises the writers). After each commit the same values are merged (max) into a file beside
the database, `dispatch-counters.json`, which no backup holds and no restore replaces; a number is always max(the
database's, the file's) + 1, so a database restored from an older backup never gives a number out again, and the
chain of the next statement points at the last number really used (so the records lost with the replaced database show
as missing at the issuer). Every start (services.py) and each sync make the file catch up with the database first
(`catch_up`), for a process that was killed between a commit and the file's update.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path

from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from .models import Attempt, DispatchLicence, DispatchState

log = logging.getLogger(__name__)

#: context.extensions keys on the statements of a dispatched course (SCORM Desktop's own IRIs, like the device one).
DISPATCH_EXTENSION = "https://w3id.org/xapi/scorm-desktop/dispatch"
SEQUENCE_EXTENSION = "https://w3id.org/xapi/scorm-desktop/dispatch-sequence"
DEVICE_SEQUENCE_EXTENSION = "https://w3id.org/xapi/scorm-desktop/device-sequence"
PREVIOUS_EXTENSION = "https://w3id.org/xapi/scorm-desktop/dispatch-previous"
#: The activity every statement of a dispatch is grouped under: the report asks the LRS for `activity=` this.
DISPATCH_ACTIVITY = "https://w3id.org/xapi/scorm-desktop/dispatch/"

COUNTERS_FILE = "dispatch-counters.json"
DEVICE = "device_seq"
_INFO = "scorm_desktop.dispatch.counters"
_LISTENING = "scorm_desktop.dispatch.counters.listening"


def dispatch_for(s, registration: str) -> str | None:
    """The dispatch whose licensed course the attempt with this registration belongs to, if any."""
    return s.scalars(
        select(DispatchLicence.dispatch_id)
        .join(Attempt, Attempt.course_id == DispatchLicence.course_id)
        .where(Attempt.registration == registration)
    ).first()


def tagger(s: Session):
    """For `Records.queue_statements`: tag(statement_id, registration, body) -> body, in the caller's transaction."""
    dispatches: dict[str, str | None] = {}

    def tag(_statement_id: str, registration: str, body: str) -> str:
        if registration not in dispatches:
            dispatches[registration] = dispatch_for(s, registration)
        dispatch_id = dispatches[registration]
        return body if dispatch_id is None else tag_statement(s, dispatch_id, body)

    return tag


def tag_statement(s: Session, dispatch_id: str, body: str) -> str:
    """Give the statement its numbers (n, k, p) and the dispatch's id and grouping activity."""
    n, k, p = _take(s, dispatch_id)
    stmt = json.loads(body)
    ctx = stmt.setdefault("context", {})
    ctx.setdefault("extensions", {}).update({
        DISPATCH_EXTENSION: dispatch_id, DEVICE_SEQUENCE_EXTENSION: n, SEQUENCE_EXTENSION: k, PREVIOUS_EXTENSION: p,
    })
    grouping = ctx.setdefault("contextActivities", {}).setdefault("grouping", [])
    grouping.append({"objectType": "Activity", "id": DISPATCH_ACTIVITY + dispatch_id})
    return json.dumps(stmt, separators=(",", ":"), ensure_ascii=False)


def _take(s: Session, dispatch_id: str) -> tuple[int, int, int]:
    """(n, k, p) for the next statement of `dispatch_id`: each counter one above the larger of the database's and the
    file's; the database rows are read once per transaction and written with it."""
    keys = (DEVICE, f"seq:{dispatch_id}", f"last:{dispatch_id}")
    state = s.info.get(_INFO)
    if state is None:  # first statement of this transaction: the file is read once, and written after the commit
        path = counters_path(s)
        state = s.info[_INFO] = {"path": path, "file": read_counters(path), "rows": {}, "taken": {}}
        if not s.info.get(_LISTENING):  # once per session (a listener cannot be removed while events run)
            s.info[_LISTENING] = True
            event.listen(s, "after_commit", _after_commit)
            event.listen(s, "after_rollback", _forget)
    rows: dict[str, DispatchState] = state["rows"]
    missing = [key for key in keys if key not in rows]
    if missing:
        found = {r.key: r for r in s.scalars(select(DispatchState).where(DispatchState.key.in_(missing)))}
        for key in missing:
            if key not in found:
                found[key] = DispatchState(key=key, value="0")
                s.add(found[key])
            found[key].value = str(max(int(found[key].value), int(state["file"].get(key, 0))))
        rows.update(found)
    n, k, p = int(rows[DEVICE].value) + 1, int(rows[keys[1]].value) + 1, int(rows[keys[2]].value)
    for key, value in zip(keys, (n, k, n)):
        rows[key].value = str(value)
        state["taken"][key] = value
    return n, k, p


def _after_commit(s: Session) -> None:
    state = s.info.pop(_INFO, None)
    if state and state["taken"]:
        merge_counters(state["path"], state["taken"])


def _forget(s: Session) -> None:
    s.info.pop(_INFO, None)


def counters_path(s: Session) -> Path:
    return Path(s.get_bind().url.database).with_name(COUNTERS_FILE)


def read_counters(path: Path) -> dict[str, int]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("dispatch counters file %s unreadable (%s): the database's counters are used", path, exc)
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, int)}


def merge_counters(path: Path, values: dict[str, int]) -> None:
    """Raise the file's counters to `values` (never lower them), under a lock, written by a synced rename. Best
    effort: a failure is logged (the database still holds the numbers; only a later restore would miss them)."""
    from ..oslock import lock_within, unlock

    lock_path = path.with_name(path.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        log.warning("dispatch counters not saved beside the database (%s)", exc)
        return
    try:
        lock_within(fd, 10)
        merged = read_counters(path)
        if all(merged.get(k, 0) >= v for k, v in values.items()):
            return
        for k, v in values.items():
            merged[k] = max(merged.get(k, 0), v)
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(merged, fh, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("dispatch counters not saved beside the database (%s)", exc)
    finally:
        with contextlib.suppress(OSError):
            unlock(fd)
        os.close(fd)




def catch_up(sessions: sessionmaker) -> None:
    """Bring the file up to the database's counters (before a sync sends anything)."""
    with sessions() as s:
        values = {r.key: int(r.value) for r in s.scalars(select(DispatchState).where(
            (DispatchState.key == DEVICE) | DispatchState.key.like("seq:%") | DispatchState.key.like("last:%")))}
        path = counters_path(s)
    if values:
        merge_counters(path, values)
