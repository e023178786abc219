"""The dispatch report: per dispatch and per device, what the LRS holds — launches, distinct learners, completed,
passed, average score, last launch — and the missing records.

The rule (the numbers are `storage/dispatch_sequence.py`'s): the issuer sees only its own dispatches' statements, and a
device's numbers n interleave across every dispatch it holds, so a number absent from what the issuer reads is not by
itself missing. Per device and dispatch, the positions k must run 1, 2, 3… without a hole: `missing_count` is how many
positions below the highest one seen have not arrived. Each statement names the device number p of the record of the
same dispatch just before it, so every p that has not arrived is a missing record named by its device number
(`missing`); of a run of consecutive missing records, the last one is named, the others are counted. Records after the
last one that arrived cannot be known until a later one arrives."""

from __future__ import annotations

from collections import defaultdict

from ..i18n import _
from ..storage.dispatch_sequence import (
    DEVICE_SEQUENCE_EXTENSION, DISPATCH_EXTENSION, PREVIOUS_EXTENSION, SEQUENCE_EXTENSION,
)
from ..xapi.vocab import DEVICE_EXTENSION, VERBS
from .store import LAUNCHED

UNKNOWN_DEVICE = "unknown"


def _learner(st: dict) -> str:
    actor = st.get("actor") or {}
    acc = actor.get("account") or {}
    return acc.get("name") or actor.get("mbox") or actor.get("name") or "?"


def figures(dispatch: dict, statements: list[dict]) -> dict:
    """The report rows of one dispatch (`dispatch`: the issued licence as `store.issued` lists it)."""
    by_device: dict[str, list[dict]] = defaultdict(list)
    for st in statements:
        ext = (st.get("context") or {}).get("extensions") or {}
        if ext.get(DISPATCH_EXTENSION) != dispatch["dispatch_id"]:
            continue
        by_device[str(ext.get(DEVICE_EXTENSION) or UNKNOWN_DEVICE)].append(st)
    devices = [dict(device=d, **_count(sts)) for d, sts in sorted(by_device.items())]
    total = _count([st for sts in by_device.values() for st in sts])
    total["missing"] = total["missing_count"] = sum(d["missing_count"] for d in devices)
    return {
        "dispatch_id": dispatch["dispatch_id"], "course": dispatch["course_title"], "recipient": dispatch["recipient"],
        "revoked_at": dispatch.get("revoked_at"), "totals": total, "devices": devices,
    }


def _count(sts: list[dict]) -> dict:
    verb = lambda st: (st.get("verb") or {}).get("id")  # noqa: E731
    launches = [st for st in sts if verb(st) == LAUNCHED]
    completed = {(_learner(st), _reg(st)) for st in sts if verb(st) == VERBS["completed"]}
    passed = {(_learner(st), _reg(st)) for st in sts if verb(st) == VERBS["passed"]}
    scores: dict[str, tuple[str, float]] = {}
    for st in sts:
        scaled = ((st.get("result") or {}).get("score") or {}).get("scaled")
        if isinstance(scaled, (int, float)):
            reg, ts = _reg(st), st.get("timestamp") or ""
            if reg not in scores or ts >= scores[reg][0]:
                scores[reg] = (ts, float(scaled))
    positions, numbers, previous = set(), set(), set()
    for st in sts:
        ext = (st.get("context") or {}).get("extensions") or {}
        k, n, p = (ext.get(key) for key in (SEQUENCE_EXTENSION, DEVICE_SEQUENCE_EXTENSION, PREVIOUS_EXTENSION))
        if _whole(k):
            positions.add(k)
        if _whole(n):
            numbers.add(n)
        if _whole(p) and p > 0:
            previous.add(p)
    top = max(positions, default=0)
    return {
        "launches": len(launches),
        "learners": len({_learner(st) for st in sts}),
        "completed": len(completed),
        "passed": len(passed),
        "average_score": round(sum(v for _, v in scores.values()) / len(scores), 4) if scores else None,
        "last_launch": max((st.get("timestamp") or "" for st in launches), default=None),
        "statements": len(sts),
        "highest_sequence": max(numbers, default=top),
        "missing": sorted(previous - numbers),
        "missing_count": len(set(range(1, top + 1)) - positions),
    }


def _whole(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _reg(st: dict) -> str:
    return (st.get("context") or {}).get("registration") or ""


CSV_COLUMNS = ("dispatch_id", "course", "recipient", "device", "launches", "learners", "completed", "passed",
               "average_score", "last_launch", "statements", "missing_count", "missing")


def csv_rows(reports: list[dict]) -> list[dict]:
    rows = []
    for rep in reports:
        for d in rep["devices"]:
            rows.append({
                "dispatch_id": rep["dispatch_id"], "course": rep["course"], "recipient": rep["recipient"],
                **{k: d[k] for k in CSV_COLUMNS[3:] if k != "missing"},
                "missing": " ".join(str(n) for n in d["missing"]),
            })
    return rows


def report_html(reports: list[dict], generated: str) -> str:
    """The report as a simple HTML document (the PDF export lays it out on A4)."""
    import html

    e = lambda v: html.escape("" if v is None else str(v))  # noqa: E731
    title, source = _("Dispatch report"), _("Read from the LRS on {0} · SCORM Desktop").format(generated)
    head = ("<html><head><meta charset='utf-8'><style>body{font-family:sans-serif;font-size:9pt}"
            "td,th{padding:2px 6px;border-bottom:1px solid #ccc;text-align:left}</style></head><body>"
            f"<h1>{e(title)}</h1><p>{e(source)}</p>")
    parts = [head]
    headings = {"device": _("device"), "launches": _("launches"), "learners": _("learners"),
                "completed": _("completed"), "passed": _("passed"), "average_score": _("average score"),
                "last_launch": _("last launch"), "missing": _("missing")}
    for rep in reports:
        which = _("Dispatch {0} (revoked)") if rep["revoked_at"] else _("Dispatch {0}")
        parts.append(f"<h2>{e(rep['course'])} → {e(rep['recipient'])}</h2><p>{e(which.format(rep['dispatch_id']))}"
                     "</p><table><tr>" + "".join(f"<th>{e(h)}</th>" for h in headings.values()) + "</tr>")
        for d in rep["devices"] + [dict(rep["totals"], device=_("all devices"))]:
            cells = {**d, "average_score": "" if d["average_score"] is None else f"{d['average_score'] * 100:.0f}%",
                     "missing": missing_text(d)}
            parts.append("<tr>" + "".join(f"<td>{e(cells[c])}</td>" for c in headings) + "</tr>")
        parts.append("</table>")
    return "".join(parts) + "</body></html>"


def missing_text(f: dict) -> str:
    """"none", or the count and the device numbers known: "3 (device numbers 12, 40 and 1 more before them)", in the
    learner's language (the CSV keeps the bare numbers)."""
    if isinstance(f["missing"], int):  # the totals: a count only
        return str(f["missing"]) if f["missing"] else _("none")
    named = f["missing"]
    count = max(f["missing_count"], len(named))
    if not count:
        return _("none")
    if not named:
        return str(count)
    more = count - len(named)
    numbers = ", ".join(map(str, named))
    if len(named) == 1:
        text = _("{0} (device number {1} and {2} more before it)") if more else _("{0} (device number {1})")
    else:
        text = _("{0} (device numbers {1} and {2} more before them)") if more else _("{0} (device numbers {1})")
    return text.format(count, numbers, more)
