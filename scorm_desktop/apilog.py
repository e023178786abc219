"""The API log: every run-time call (function, arguments, result, error code, duration, time) as JSON lines.

Each session's calls go to `<logs>/api/session-<id>.jsonl`; `play --api-log FILE` writes the same lines to FILE.
"""

from __future__ import annotations

import json
from pathlib import Path


def session_log_path(logs: Path, session_id: int) -> Path:
    return logs / "api" / f"session-{session_id}.jsonl"


def append(path: Path, entries: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not entries:
        return
    dumps = json.dumps
    text = "".join([dumps(entry, ensure_ascii=False) + "\n" for entry in entries])
    with path.open("a", encoding="utf-8") as fh:
        fh.write(text)
