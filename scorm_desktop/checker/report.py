"""What the checker found: findings (error / warning / note), a verdict per item and per package with a one-sentence
reason, and the report as JSON-ready data and as plain text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

#: Verdicts, best first.
OK, WARNINGS, BROKEN = "ok", "works with warnings", "broken"
VERDICTS = (OK, WARNINGS, BROKEN)
#: An item's verdict when only the package was checked (`check --static`) and the item has no finding of its own.
NOT_RUN = "not run"
#: Finding levels: an error breaks the item or package, a warning is worth fixing, a note is for information.
LEVELS = ("error", "warning", "note")


@dataclass
class Finding:
    level: str
    #: A short stable kind, e.g. "schema", "missing-file", "case-mismatch", "api-error", "internet", "waits".
    code: str
    #: One sentence for a person.
    message: str
    #: Extra data for machines (a path, an element and error code, a URL...).
    detail: dict = field(default_factory=dict)


@dataclass
class ItemReport:
    identifier: str
    title: str
    #: "sco" or "asset".
    kind: str
    href: str = ""
    #: What the unattended run observed (see runtime.RunObservation.to_dict), or None when it was not run.
    run: dict | None = None
    findings: list[Finding] = field(default_factory=list)
    verdict: str = OK
    reason: str = ""

    def decide(self) -> None:
        self.verdict, self.reason = _decide(self.findings, self._ok_reason())
        if self.run is None and self.verdict == OK:
            self.verdict = NOT_RUN
        online = [f for f in self.findings if f.code == "internet"]
        if self.verdict == BROKEN and online:
            # what breaks offline is usually what it fetched from the internet: say so first
            url = online[0].detail.get("url", "")
            self.reason = f"It needs the internet ({url}); offline: {self.reason[:1].lower()}{self.reason[1:]}"

    def _ok_reason(self) -> str:
        run = self.run or {}
        if not run:
            return "Not run: only the package was checked."
        if self.kind == "asset":
            return "The asset loads without errors."
        if run.get("outcome") == "waits":
            return f"Initialized and waits for the learner after {run.get('calls', 0)} API calls."
        return "Found the API, initialized, set a status and terminated without errors."


@dataclass
class PackageReport:
    source: str
    title: str = ""
    identifier: str = ""
    standard: str = ""
    edition: str = ""
    findings: list[Finding] = field(default_factory=list)
    items: list[ItemReport] = field(default_factory=list)
    verdict: str = OK
    reason: str = ""
    seconds: float = 0.0

    def decide(self) -> None:
        for item in self.items:
            item.decide()
        own, own_reason = _decide(self.findings, "")
        broken = [i for i in self.items if i.verdict == BROKEN]
        warned = [i for i in self.items if i.verdict == WARNINGS]
        if own == BROKEN:
            self.verdict, self.reason = BROKEN, own_reason
        elif broken:
            first = broken[0]
            more = f" ({len(broken) - 1} more item(s) broken)" if len(broken) > 1 else ""
            self.verdict, self.reason = BROKEN, f"Item “{first.title}”: {first.reason}{more}"
        elif own == WARNINGS:
            self.verdict, self.reason = WARNINGS, own_reason
        elif warned:
            first = warned[0]
            self.verdict, self.reason = WARNINGS, f"Item “{first.title}”: {first.reason}"
        else:
            n = len(self.items)
            ran = sum(1 for i in self.items if i.run)
            self.verdict, self.reason = OK, (f"The manifest is valid and all {ran} of {n} item(s) ran without errors."
                                             if ran else "The manifest is valid.")

    def to_dict(self) -> dict:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 2)
        return data


def _decide(findings: list[Finding], ok_reason: str) -> tuple[str, str]:
    errors = [f for f in findings if f.level == "error"]
    warnings = [f for f in findings if f.level == "warning"]
    if errors:
        more = f" (and {len(errors) - 1} more error(s))" if len(errors) > 1 else ""
        return BROKEN, errors[0].message + more
    if warnings:
        more = f" (and {len(warnings) - 1} more warning(s))" if len(warnings) > 1 else ""
        return WARNINGS, warnings[0].message + more
    return OK, ok_reason


def summary_json(reports: list[PackageReport]) -> dict:
    """The `check --json` document."""
    return {"checker": 1, "packages": [r.to_dict() for r in reports],
            "verdict": worst([r.verdict for r in reports])}


def worst(verdicts: list[str]) -> str:
    return max(verdicts, key=VERDICTS.index) if verdicts else OK


def text_report(report: PackageReport, verbose: bool = True) -> str:
    """The report as lines of text for a terminal."""
    head = f"{report.source}: {report.verdict.upper()} — {report.reason}"
    lines = [head]
    if report.title:
        lines.append(f"  “{report.title}” ({report.edition or report.standard}), {len(report.items)} item(s), "
                     f"checked in {report.seconds:.1f} s")
    for f in report.findings:
        if verbose or f.level != "note":
            lines.append(f"  {f.level}: {f.message}")
    for item in report.items:
        lines.append(f"  item {item.identifier} “{item.title}” ({item.kind}): {item.verdict} — {item.reason}")
        for f in item.findings:
            if verbose or f.level != "note":
                lines.append(f"    {f.level}: {f.message}")
    return "\n".join(lines)
