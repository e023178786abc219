"""The checker's report as one self-contained HTML page (no scripts, no external files) a trainer can send."""

from __future__ import annotations

from html import escape

from .report import BROKEN, OK, WARNINGS, PackageReport, english_count, worst

_COLORS = {OK: ("#e6f4ea", "#137333"), WARNINGS: ("#fef7e0", "#8a5a00"), BROKEN: ("#fce8e6", "#a50e0e")}
_LEVEL = {"error": "#a50e0e", "warning": "#8a5a00", "note": "#5f6368"}

_CSS = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #202124; margin: 24px; max-width: 1100px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 4px; }
.meta { color: #5f6368; margin: 0 0 10px; }
.verdict { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: 600; font-size: 13px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #e0e0e0; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: #5f6368; }
ul.findings { margin: 4px 0 0; padding-left: 18px; } ul.findings li { margin: 2px 0; }
.level { font-weight: 600; } code { font-size: 12px; background: #f1f3f4; padding: 0 3px; border-radius: 3px; }
.checks span { display: inline-block; margin-right: 8px; white-space: nowrap; }
.yes { color: #137333; } .no { color: #a50e0e; } .na { color: #9aa0a6; }
"""


def _badge(verdict: str) -> str:
    bg, fg = _COLORS.get(verdict, ("#eee", "#333"))
    return f'<span class="verdict" style="background:{bg};color:{fg}">{escape(verdict)}</span>'


def _findings(findings) -> str:
    if not findings:
        return ""
    rows = "".join(
        f'<li><span class="level" style="color:{_LEVEL.get(f.level, "#333")}">{escape(f.level)}</span> '
        f"{escape(f.message)}</li>" for f in findings)
    return f'<ul class="findings">{rows}</ul>'


def _checks(run: dict | None, kind: str) -> str:
    if not run:
        return '<span class="na">not run</span>'
    if kind == "asset":
        marks = []
    else:
        marks = [("API found", run.get("found_api")), ("Initialize", run.get("initialized")),
                 ("status set", run.get("status_set")), ("commit", run.get("committed")),
                 ("terminate", run.get("terminated"))]
    if run.get("terminated") and not run.get("committed"):
        marks[3] = ("commit (by Terminate)", None)  # Terminate commits: not calling Commit is no fault
    out = " &nbsp; ".join(f'<span class="{"na" if ok is None else "yes" if ok else "no"}">'
                  f'{"–" if ok is None else "✔" if ok else "✘"} {escape(name)}</span>' for name, ok in marks)
    extra = [english_count(run.get("calls", 0), "{0} API call", "{0} API calls"), f"ended: {run.get('outcome', '')}"]
    if run.get("seconds_to_initialize") is not None:
        extra.append(f"Initialize after {run['seconds_to_initialize']:g} s")
    return f'<div class="checks">{out}</div><div class="meta">{escape(" · ".join(extra))}</div>'


def render(reports: list[PackageReport], generated: str = "") -> str:
    overall = worst([r.verdict for r in reports])
    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<title>Course check report</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Course check report {_badge(overall)}</h1>",
        f'<p class="meta">{english_count(len(reports), "{0} package", "{0} packages")} checked by SCORM Desktop'
        f'{" on " + escape(generated) if generated else ""}'
        ". Verdicts: <b>ok</b> (nothing to fix), <b>works with warnings</b> (plays, but something should be fixed), "
        "<b>broken</b> (learners will meet a failure).</p>",
    ]
    for r in reports:
        parts.append(f"<h2>{escape(r.source)} {_badge(r.verdict)}</h2>")
        meta = [x for x in (f"“{r.title}”" if r.title else "", r.edition or r.standard, r.identifier,
                            english_count(len(r.items), "{0} item", "{0} items"), f"checked in {r.seconds:.1f} s")
                if x]
        parts.append(f'<p class="meta">{escape(" · ".join(meta))}</p>')
        parts.append(f"<p><b>{escape(r.reason)}</b></p>")
        if r.findings:
            parts.append("<h3>The package</h3>" + _findings(r.findings))
        if r.items:
            parts.append("<table><tr><th>Item</th><th>Verdict</th><th>What the run showed</th></tr>")
            for item in r.items:
                parts.append(
                    f"<tr><td><b>{escape(item.title)}</b><br><code>{escape(item.identifier)}</code> "
                    f'<span class="meta">{escape(item.kind)} · {escape(item.href)}</span></td>'
                    f"<td>{_badge(item.verdict)}</td>"
                    f"<td>{escape(item.reason)}{_checks(item.run, item.kind)}{_findings(item.findings)}</td></tr>")
            parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)
