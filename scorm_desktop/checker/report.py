"""What the checker found: findings (error / warning / note), a verdict per item and per package with a one-sentence
reason, and the report as JSON-ready data and as plain text.

The verdicts and reasons stored in a report (and its JSON) are English; the text report says them in the learner's
language: `explain(_tr=_)` makes the reason again from the same findings, with the checker's own sentences translated
(a finding's fixed sentence too; one made with values in it, or by the schema validator, stays English)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..i18n import SOURCE_LANGUAGE, _, plural

#: Verdicts, best first.
OK, WARNINGS, BROKEN = "ok", "works with warnings", "broken"
VERDICTS = (OK, WARNINGS, BROKEN)
#: An item's verdict when only the package was checked (`check --static`) and the item has no finding of its own.
NOT_RUN = "not run"
#: Finding levels: an error breaks the item or package, a warning is worth fixing, a note is for information.
LEVELS = ("error", "warning", "note")


def english(text: str) -> str:
    """The text as it is, what a report stores. The checker's fixed sentences are written `_tr("…")` with this as
    `_tr` (static.py, runtime.py), so lupdate extracts them (scripts/i18n.py) and the text report can say them in the
    learner's language; a sentence built with values in it stays as it was made."""
    return text


def english_count(n: int, one: str, other: str) -> str:
    """"1 item" / "2 items" in a sentence the report stores in English (one made with values in it)."""
    return plural(n, one, other, SOURCE_LANGUAGE)


def verdict_words(verdict: str) -> str:
    """A verdict in the learner's language."""
    words = {OK: _("ok"), WARNINGS: _("works with warnings"), BROKEN: _("broken"), NOT_RUN: _("not run")}
    return words.get(verdict, verdict)


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
        self.verdict, self.reason = self.explain()

    def explain(self, _tr=english) -> tuple[str, str]:
        """The verdict and its reason, the checker's own sentences through `_tr` (English by default)."""
        verdict, reason = _decide(self.findings, self._ok_reason(_tr), _tr)
        if self.run is None and verdict == OK:
            verdict = NOT_RUN
        online = [f for f in self.findings if f.code == "internet"]
        if verdict == BROKEN and online:
            # what breaks offline is usually what it fetched from the internet: say so first
            url = online[0].detail.get("url", "")
            reason = _tr("It needs the internet ({0}); offline: {1}").format(url, reason[:1].lower() + reason[1:])
        return verdict, reason

    def _ok_reason(self, _tr) -> str:
        run = self.run or {}
        if not run:
            return _tr("Not run: only the package was checked.")
        if self.kind == "asset":
            return _tr("The asset loads without errors.")
        if run.get("outcome") == "waits":
            return _tr("Initialized and waits for the learner after {0} API calls.").format(run.get("calls", 0))
        return _tr("Found the API, initialized, set a status and terminated without errors.")


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
        self.verdict, self.reason = self.explain()

    def explain(self, _tr=english) -> tuple[str, str]:
        """The package's verdict and its reason, the checker's own sentences through `_tr` (English by default)."""
        code = _code(_tr)
        own, own_reason = _decide(self.findings, "", _tr)
        items = [(item, *item.explain(_tr)) for item in self.items]
        broken = [(item, reason) for item, verdict, reason in items if verdict == BROKEN]
        warned = [(item, reason) for item, verdict, reason in items if verdict == WARNINGS]
        if own == BROKEN:
            return BROKEN, own_reason
        if broken:
            (first, reason), more = broken[0], len(broken) - 1
            if more:
                return BROKEN, _tr("Item “{0}”: {1} ({2})").format(first.title, reason, plural(
                    more, _tr("{0} more item broken"), _tr("{0} more items broken"), code))
            return BROKEN, _tr("Item “{0}”: {1}").format(first.title, reason)
        if own == WARNINGS:
            return WARNINGS, own_reason
        if warned:
            first, reason = warned[0]
            return WARNINGS, _tr("Item “{0}”: {1}").format(first.title, reason)
        ran = sum(1 for i in self.items if i.run)
        if ran and ran == len(self.items):
            return OK, plural(ran, _tr("The manifest is valid and its item ran without errors."),
                              _tr("The manifest is valid and all {0} items ran without errors."), code)
        if ran:
            return OK, _tr("The manifest is valid; {0} of its {1} items ran, without errors.").format(
                ran, len(self.items))
        return OK, _tr("The manifest is valid.")

    def to_dict(self) -> dict:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 2)
        return data


def _code(_tr) -> str | None:
    """The language whose plural rule goes with `_tr`: English for the stored sentences, else the current one."""
    return SOURCE_LANGUAGE if _tr is english else None


def _decide(findings: list[Finding], ok_reason: str, _tr=english) -> tuple[str, str]:
    errors = [f for f in findings if f.level == "error"]
    warnings = [f for f in findings if f.level == "warning"]
    if len(errors) > 1:
        return BROKEN, _tr("{0} (and {1})").format(_tr(errors[0].message), plural(
            len(errors) - 1, _tr("{0} more error"), _tr("{0} more errors"), _code(_tr)))
    if errors:
        return BROKEN, _tr(errors[0].message)
    if len(warnings) > 1:
        return WARNINGS, _tr("{0} (and {1})").format(_tr(warnings[0].message), plural(
            len(warnings) - 1, _tr("{0} more warning"), _tr("{0} more warnings"), _code(_tr)))
    if warnings:
        return WARNINGS, _tr(warnings[0].message)
    return OK, ok_reason


def summary_json(reports: list[PackageReport]) -> dict:
    """The `check --json` document."""
    return {"checker": 1, "packages": [r.to_dict() for r in reports],
            "verdict": worst([r.verdict for r in reports])}


def worst(verdicts: list[str]) -> str:
    return max(verdicts, key=VERDICTS.index) if verdicts else OK


def text_report(report: PackageReport, verbose: bool = True) -> str:
    """The report as lines of text for a terminal, in the learner's language (the findings' own messages excepted)."""
    levels = {"error": _("error: {0}"), "warning": _("warning: {0}"), "note": _("note: {0}")}

    def finding(f: Finding) -> str:
        return levels.get(f.level, f.level + ": {0}").format(_(f.message))  # a fixed sentence is translated

    verdict, reason = report.explain(_)
    lines = [_("{0}: {1} — {2}").format(report.source, verdict_words(verdict).upper(), reason)]
    if report.title:
        lines.append("  " + _("“{0}” ({1}), {2}, checked in {3} s").format(
            report.title, report.edition or report.standard, plural(len(report.items), _("{0} item"), _("{0} items")),
            f"{report.seconds:.1f}"))
    lines += ["  " + finding(f) for f in report.findings if verbose or f.level != "note"]
    for item in report.items:
        verdict, reason = item.explain(_)
        lines.append("  " + _("item {0} “{1}” ({2}): {3} — {4}").format(
            item.identifier, item.title, item.kind, verdict_words(verdict), reason))
        lines += ["    " + finding(f) for f in item.findings if verbose or f.level != "note"]
    return "\n".join(lines)
