"""The dispatch report: per dispatch and per device, what the LRS holds — launches, distinct learners, completed,
passed, average score, last launch — and the device sequence numbers that have not arrived (missing records)."""

from __future__ import annotations

from collections import defaultdict

from ..xapi.vocab import DEVICE_EXTENSION, VERBS
from .store import DISPATCH_EXTENSION, LAUNCHED, SEQUENCE_EXTENSION

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
    total["missing"] = sum(len(d["missing"]) for d in devices)
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
    seqs = {ext.get(SEQUENCE_EXTENSION) for st in sts
            if isinstance((ext := (st.get("context") or {}).get("extensions") or {}).get(SEQUENCE_EXTENSION), int)}
    top = max(seqs, default=0)
    return {
        "launches": len(launches),
        "learners": len({_learner(st) for st in sts}),
        "completed": len(completed),
        "passed": len(passed),
        "average_score": round(sum(v for _, v in scores.values()) / len(scores), 4) if scores else None,
        "last_launch": max((st.get("timestamp") or "" for st in launches), default=None),
        "statements": len(sts),
        "highest_sequence": top,
        "missing": sorted(set(range(1, top + 1)) - seqs),
    }


def _reg(st: dict) -> str:
    return (st.get("context") or {}).get("registration") or ""


CSV_COLUMNS = ("dispatch_id", "course", "recipient", "device", "launches", "learners", "completed", "passed",
               "average_score", "last_launch", "statements", "missing")


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
    head = ("<html><head><meta charset='utf-8'><style>body{font-family:sans-serif;font-size:9pt}"
            "td,th{padding:2px 6px;border-bottom:1px solid #ccc;text-align:left}</style></head><body>"
            f"<h1>Dispatch report</h1><p>Read from the LRS on {e(generated)} · SCORM Desktop</p>")
    parts = [head]
    cols = ("device", "launches", "learners", "completed", "passed", "average_score", "last_launch", "missing")
    for rep in reports:
        parts.append(f"<h2>{e(rep['course'])} → {e(rep['recipient'])}</h2><p>Dispatch {e(rep['dispatch_id'])}"
                     f"{' (revoked)' if rep['revoked_at'] else ''}</p><table><tr>"
                     + "".join(f"<th>{e(c.replace('_', ' '))}</th>" for c in cols) + "</tr>")
        for d in rep["devices"] + [dict(rep["totals"], device="all devices")]:
            cells = {**d, "average_score": "" if d["average_score"] is None else f"{d['average_score'] * 100:.0f}%",
                     "missing": (" ".join(map(str, d["missing"])) or "none") if isinstance(d["missing"], list)
                     else str(d["missing"])}
            parts.append("<tr>" + "".join(f"<td>{e(cells[c])}</td>" for c in cols) + "</tr>")
        parts.append("</table>")
    return "".join(parts) + "</body></html>"
