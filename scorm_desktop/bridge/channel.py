"""The object the player page talks to over QWebChannel. It carries the SCORM run-time and nothing else.

JavaScript can call only `launch` (the state the SCO starts with) and `events` (ordered batches of accepted calls)
and `apiLog`. Everything arrives as JSON text and is checked before it goes further.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

_OPS = {"initialize", "set", "commit", "terminate"}
MAX_BATCH_BYTES = 64 * 1024 * 1024


def parse_batch(text: str) -> list[dict]:
    """Validate one batch from the page: a list of {op, seq, element?, value?} with string element and value."""
    if len(text) > MAX_BATCH_BYTES:
        raise ValueError("batch too large")
    data = json.loads(text)
    if not isinstance(data, list):
        raise ValueError("a batch is a list")
    out = []
    for ev in data:
        if not isinstance(ev, dict) or ev.get("op") not in _OPS:
            raise ValueError(f"bad event {ev!r:.200}")
        if ev["op"] == "set" and not (isinstance(ev.get("element"), str) and isinstance(ev.get("value"), str)):
            raise ValueError(f"bad set event {ev!r:.200}")
        if not isinstance(ev.get("seq", 0), int):
            raise ValueError("bad sequence number")
        out.append(ev)
    return out


class ScormBridge(QObject):
    """One per SCO launch. `eventsReceived(list)` fires on the UI thread with each valid batch, in order."""

    eventsReceived = Signal(list)
    apiLogged = Signal(list)

    def __init__(self, payload: dict, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._payload = json.dumps(payload)

    @Slot(result=str)
    def launch(self) -> str:
        return self._payload

    @Slot(str)
    def events(self, batch: str) -> None:
        try:
            parsed = parse_batch(batch)
        except (ValueError, TypeError) as exc:
            log.error("refused a malformed batch from the player page: %s", exc)
            return
        if parsed:
            self.eventsReceived.emit(parsed)

    @Slot(str)
    def apiLog(self, entries: str) -> None:  # noqa: N802 (the JavaScript name)
        try:
            data = json.loads(entries)
        except ValueError:
            return
        if isinstance(data, list):
            self.apiLogged.emit(data)
