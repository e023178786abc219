"""The API log: every run-time call (function, arguments, result, error code, duration, time) as JSON lines.

Each session's calls go to `<logs>/api/session-<id>.jsonl`; `play --api-log FILE` writes one entry per line to FILE.

Two kinds of line in a session's file:
- what the page reports, one line per burst of calls (a burst can hold thousands; writing them one by one cost more
  than storing the values): ``{"source": "page", "texts": ["<the page's JSON text>", ...]}``, the bursts one flush
  took, each stored as the page sent it (one string, no per-call work on the write path) and read, checked and
  expanded by `read` (`page_calls`):
  the page's account, not what Python stored. Older files hold ``{"source": "page", "fields": [...],
  "calls": [[...], ...]}`` lines, read the same way;
- what the player decided, one entry per line, e.g. an event it refused: ``{"fn": "set", "args": [...],
  "result": "refused", "refused": "<why>", "source": "player", ...}``.
`read(path)` gives every entry of a file as one dict per call, whichever kind of line it came from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

#: The fields of a page-reported call, in the order the page sends them.
PAGE_FIELDS = ("fn", "args", "result", "error", "ms", "at")
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
#: Rows of one page message beyond this are dropped (the page reports; it cannot flood the log).
MAX_PAGE_ROWS = 5000
#: A page message longer than this (characters) is not kept at all (500 calls take about 60,000).
MAX_PAGE_TEXT = 4 * 1024 * 1024


def session_log_path(logs: Path, session_id: int) -> Path:
    return logs / "api" / f"session-{session_id}.jsonl"


def append(path: Path, entries: list[dict]) -> None:
    """Append entries, one per line."""
    if not entries:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join([_ENCODE(entry) + "\n" for entry in entries])
    with path.open("a", encoding="utf-8") as fh:
        fh.write(text)


def append_page_texts(path: Path, texts: list[str]) -> int:
    """Append page messages (their JSON text, unread) as one line; a text over MAX_PAGE_TEXT is left out.
    Returns how many were left out."""
    kept = [t for t in texts if isinstance(t, str) and len(t) <= MAX_PAGE_TEXT]
    if kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(_ENCODE({"source": "page", "texts": kept}) + "\n")
    return len(texts) - len(kept)


def page_calls(text: str) -> list[list]:
    """The page's API-log rows from its JSON text, each reduced to PAGE_FIELDS (fn, args, result, error, ms, at) with
    the arguments as short texts; whatever is not such a row is dropped. These are what the page says happened, not
    what Python stored."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError, RecursionError):  # content's text: nested too deep to read is dropped like junk
        return []
    if not isinstance(data, list):
        return []
    out = []
    for row in data[:MAX_PAGE_ROWS]:
        if isinstance(row, dict):
            row = [row.get(k) for k in PAGE_FIELDS]
        if not isinstance(row, list) or len(row) < 4 or not isinstance(row[0], str):
            continue
        row = [row[0], row[1], *(v if _scalar(v) else None for v in row[2:6])]  # nothing nested is kept or written
        args = row[1]
        if not isinstance(args, list) or len(args) > 4 or any(not isinstance(a, str) or len(a) > 4096 for a in args):
            row[1] = [(str(a) if _scalar(a) else "?")[:4096] for a in args[:4]] if isinstance(args, list) else []
        out.append(row)
    return out


def _scalar(value) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def expand_page_calls(calls: list[list]) -> list[dict]:
    """Page-reported rows as one dict per call, marked `"source": "page"`."""
    out = []
    for row in calls:
        entry = dict(zip(PAGE_FIELDS, row))
        entry["source"] = "page"
        out.append(entry)
    return out


def read(path: Path) -> Iterator[dict]:
    """Every call in a session's API log, one dict each, in order."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            data = json.loads(line)
            if isinstance(data, dict) and data.get("source") == "page" and isinstance(data.get("texts"), list):
                for text in data["texts"]:
                    yield from expand_page_calls(page_calls(text))
            elif isinstance(data, dict) and "calls" in data and data.get("source") == "page":
                yield from expand_page_calls(data["calls"])
            else:
                yield data
