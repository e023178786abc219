"""The one type a run-time event has on its way from the player page to storage and the xAPI mapping.

The page streams accepted API calls as JSON batches (`docs/runtime-protocol.md`); `parse_batch` turns one batch into
`RuntimeEvent`s or refuses it whole with a sentence. What an event *means* (is the element defined, writable, is the
value valid) is decided by `cmi.validate`, never here. Plain Python, no Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable

OPS = frozenset({"initialize", "set", "commit", "terminate"})

#: A batch larger than this is refused whole (the page sends at most a few thousand events per batch).
MAX_BATCH_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RuntimeEvent:
    """One accepted API call: `op` is "initialize", "set", "commit" or "terminate"; `seq` numbers the session's
    events in call order (0: not numbered); `element`/`value` only for "set"."""

    op: str
    seq: int = 0
    element: str | None = None
    value: str | None = None

    @classmethod
    def of(cls, data: Any) -> RuntimeEvent:
        """An event from its JSON form (a dict) or an event; ValueError (a sentence) when it is not one."""
        if isinstance(data, RuntimeEvent):
            return data
        if not isinstance(data, dict) or data.get("op") not in OPS:
            raise ValueError(f"not a run-time event: {data!r:.200}")
        seq = data.get("seq", 0)
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
            raise ValueError(f"bad sequence number in {data!r:.200}")
        if data["op"] == "set":
            element, value = data.get("element"), data.get("value")
            if not isinstance(element, str) or not isinstance(value, str):
                raise ValueError(f"a set event needs a text element and value: {data!r:.200}")
            return cls("set", seq, element, value)
        return cls(data["op"], seq)

    def get(self, key: str, default: Any = None) -> Any:
        """Dict-style read, so code written for the JSON form reads an event the same way."""
        value = getattr(self, key, None) if key in ("op", "seq", "element", "value") else None
        if key == "seq" and value == 0:
            return default
        return default if value is None else value

    def __getitem__(self, key: str) -> Any:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"op": self.op}
        if self.seq:
            out["seq"] = self.seq
        if self.op == "set":
            out["element"], out["value"] = self.element, self.value
        return out


def events_of(items: Iterable[Any]) -> list[RuntimeEvent]:
    """Events from JSON forms or events (ValueError on the first that is not one)."""
    return [RuntimeEvent.of(item) for item in items]


def parse_batch(text: str, first_seq: int = 0) -> list[RuntimeEvent]:
    """One batch from the page (JSON text: a list of events); ValueError (a sentence) when it is malformed.

    With `first_seq`, the events are numbered from it in list order (the receiver numbers them; the page's own
    numbers are not trusted); without, they keep the page's."""
    if not isinstance(text, str):
        raise ValueError("a batch is JSON text")
    if len(text) > MAX_BATCH_BYTES:
        raise ValueError("batch too large")
    try:
        data = json.loads(text)
    except RecursionError:  # content can send "[[[[...": nested too deep to read is malformed, never a crash
        raise ValueError("a batch is nested too deeply") from None
    if not isinstance(data, list):
        raise ValueError("a batch is a list")
    if not first_seq:
        return events_of(data)
    out = []
    for i, item in enumerate(data):
        if isinstance(item, dict) and item.get("op") == "set":  # the common case, checked inline
            element, value = item.get("element"), item.get("value")
            if isinstance(element, str) and isinstance(value, str):
                out.append(RuntimeEvent("set", first_seq + i, element, value))
                continue
        ev = RuntimeEvent.of(item)
        out.append(RuntimeEvent(ev.op, first_seq + i, ev.element, ev.value))
    return out
