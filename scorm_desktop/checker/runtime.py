"""What an unattended run of one item observed (API calls, console, requests), and the findings it leads to."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .report import Finding, english_count
from .report import english as _tr  # the fixed sentences: stored in English, said translated

#: Elements whose setting is a status (SCORM 1.2 and 2004).
STATUS_ELEMENTS = ("cmi.core.lesson_status", "cmi.completion_status", "cmi.success_status")
#: How many findings of one kind an item lists one by one.
MAX_EACH = 8


@dataclass
class RunObservation:
    #: "terminated", "waits", "no-api", "busy" (still calling at the time limit), "failed", or "not run".
    outcome: str = "not run"
    calls: int = 0
    found_api: bool = False
    initialized: bool = False
    status_set: bool = False
    committed: bool = False
    terminated: bool = False
    seconds_to_initialize: float | None = None
    seconds: float = 0.0
    api_errors: list[dict] = field(default_factory=list)
    js_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    internet: list[str] = field(default_factory=list)
    failure: str = ""
    version: str = ""

    def api_entry(self, entry: dict, since_start: float) -> None:
        """One API log entry ({"fn", "args", "result", "error", ...})."""
        fn = str(entry.get("fn", ""))
        args = [str(a) for a in entry.get("args", [])]
        result, code = str(entry.get("result", "")), str(entry.get("error", "0"))
        self.calls += 1
        self.found_api = True
        base = fn[3:] if fn.startswith("LMS") else fn
        if base == "Initialize" and result == "true":
            if not self.initialized:
                self.seconds_to_initialize = round(since_start, 2)
            self.initialized = True
        elif base in ("Terminate", "Finish") and result == "true":
            self.terminated = True
        elif base == "Commit" and result == "true":
            self.committed = True
        elif base == "SetValue" and result == "true" and args and args[0] in STATUS_ELEMENTS:
            self.status_set = True
        if code not in ("0", "") and base not in ("GetLastError", "GetErrorString", "GetDiagnostic"):
            if base == "GetValue" and code == "403" and not fn.startswith("LMS"):
                return  # 2004: a value not set yet reads as "" with 403; content asks this on every first launch
            self.api_errors.append({"fn": fn, "element": args[0] if args else "", "value": args[1] if len(args) > 1
                                    else None, "code": code})

    def console(self, level: str, text: str) -> None:
        if level != "error":
            return
        if text.startswith("Uncaught"):
            self.js_errors.append(text)
        elif "Failed to load resource" in text:
            return  # the request itself is reported (not found, or the internet)
        else:
            self.console_errors.append(text)

    def to_dict(self) -> dict:
        return asdict(self)


def findings(obs: RunObservation, kind: str, idle_seconds: float) -> list[Finding]:
    out: list[Finding] = []
    add = out.append
    if obs.failure:
        add(Finding("error", "not-started", f"The item could not start: {obs.failure}"))
        return out
    for url in obs.internet[:MAX_EACH]:
        add(Finding("warning", "internet", f"It loads '{url}' from the internet: it will not work offline.",
                    {"url": url}))
    for path in obs.not_found[:MAX_EACH]:
        add(Finding("warning", "not-found", f"It requests '{path}', which is not in the package (404).",
                    {"path": path}))
    if kind == "sco":
        if not obs.found_api:
            add(Finding("error", "no-api", f"It never called the SCORM API (nothing in {idle_seconds:g} s): it did not "
                                           "find the API, or waits for a click before looking."))
        elif not obs.initialized:
            calls = english_count(obs.calls, "{0} API call", "{0} API calls")
            add(Finding("error", "no-initialize", f"It made {calls} but never called Initialize successfully."))
    for e in obs.api_errors[:MAX_EACH]:
        name = error_name(obs.version, e["code"])
        what = f"{e['fn']}('{e['element']}'" + (f", '{_short(e['value'])}')" if e.get("value") is not None else ")")
        add(Finding("warning", "api-error", f"{what} failed with error {e['code']} ({name}).", e))
    if len(obs.api_errors) > MAX_EACH:
        add(Finding("warning", "api-error", f"{len(obs.api_errors) - MAX_EACH} more API calls failed."))
    for text in obs.js_errors[:MAX_EACH]:
        add(Finding("warning", "js-error", f"JavaScript error: {_short(text, 200)}", {"text": text}))
    for text in obs.console_errors[:MAX_EACH]:
        add(Finding("warning", "console-error", f"Console error: {_short(text, 200)}", {"text": text}))
    if kind == "sco" and obs.initialized:
        if obs.outcome == "terminated" and not obs.status_set:
            add(Finding("warning", "no-status", _tr("It terminated without setting a completion or success status.")))
        if obs.outcome == "waits":
            calls = english_count(obs.calls, "{0} API call", "{0} API calls")
            add(Finding("note", "waits", f"Waits for the learner after {calls} (no call and no "
                                         f"navigation for {idle_seconds:g} s).", {"calls": obs.calls}))
        if obs.outcome == "busy":
            add(Finding("note", "busy", f"Still calling the API after {obs.seconds:g} s ({obs.calls} calls); the run "
                                        "was stopped there."))
        if obs.seconds_to_initialize is not None and obs.seconds_to_initialize > 5:
            add(Finding("note", "slow-start", f"It took {obs.seconds_to_initialize:g} s to call Initialize."))
    return out


def error_name(version: str, code: str) -> str:
    """The run-time's own error string for a code, in the edition's table."""
    from ..cmi.datamodel import error_string

    try:
        return error_string("1.2" if version == "1.2" else "2004", int(code)) or "error"
    except (ValueError, KeyError):
        return "error"


def _short(text: str | None, n: int = 60) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"
