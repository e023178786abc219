"""The package itself, before anything runs: schemas of its edition, identifiers, the files it references (with
letter-case mismatches named), sequencing that can never deliver an activity, and notes on unusual constructs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..package.archive import PackageSource, open_package
from ..package.manifest import parse_manifest
from ..package.model import SCORM_2004, Manifest, PackageError
from . import schemas
from .report import Finding, ItemReport, PackageReport, english_count
from .report import english as _tr  # the fixed sentences: stored in English, said translated

XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


@dataclass
class StaticResult:
    report: PackageReport
    #: The parsed manifest, or None when the package cannot be read at all.
    manifest: Manifest | None = None
    #: The package can be imported and its items run.
    runnable: bool = False


def check_static(path: Path | str, label: str | None = None) -> StaticResult:
    """Every check that needs no player. Never raises for a bad package: its problems become findings."""
    path = Path(path)
    report = PackageReport(source=label or path.name)
    try:
        src = open_package(path)
    except PackageError as exc:
        report.findings.append(Finding("error", "refused", str(exc)))
        return StaticResult(report)
    except OSError as exc:
        report.findings.append(Finding("error", "refused", f"'{path.name}' cannot be read ({exc.strerror or exc})."))
        return StaticResult(report)
    with src:
        return _check_source(src, report)


def _check_source(src: PackageSource, report: PackageReport) -> StaticResult:
    add = report.findings.append
    try:
        xml = src.read(src.manifest_name)
    except PackageError as exc:
        add(Finding("error", "refused", str(exc)))
        return StaticResult(report)
    root = _safe_root(xml)
    try:
        manifest = parse_manifest(xml, None, src.manifest_name)
    except PackageError as exc:
        add(Finding("error", "refused", str(exc)))
        manifest = None
    if manifest is not None:
        report.title, report.identifier = manifest.title, manifest.identifier
        report.standard, report.edition = manifest.standard, manifest.edition
    if root is not None and manifest is not None:
        _schema_findings(root, manifest, add)
    if root is not None:
        _structure_findings(root, add)
    if manifest is None:
        return StaticResult(report)
    if manifest.edition_guessed:
        add(Finding("warning", "no-schemaversion", "The manifest does not say which SCORM version it follows "
                    f"(no valid <schemaversion>); it was taken as {manifest.edition}."))
    fatal_files = _file_findings(manifest, src.files, add)
    _reference_findings(manifest, add)
    if manifest.standard == SCORM_2004:
        _sequencing_findings(manifest, add)
    if root is not None:
        _notes(root, manifest, add)
    for w in manifest.warnings:
        if not any(w == f.message for f in report.findings):
            add(Finding("note", "import-note", w))
    for item in manifest.launchable_items():
        report.items.append(ItemReport(
            identifier=item.identifier, title=item.title, kind="sco" if manifest.is_sco(item) else "asset",
            href=manifest.launch_url(item)))
    try:  # what the importer would refuse, the runner cannot play
        parse_manifest(xml, src.files, src.manifest_name)
        runnable = not fatal_files
    except PackageError:
        runnable = False
    return StaticResult(report, manifest, runnable)


def _safe_root(xml: bytes):
    import defusedxml.ElementTree as DET

    try:
        return DET.fromstring(xml)
    except Exception:  # not well-formed, entities, DTDs: parse_manifest says which, in one sentence
        return None


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _schema_findings(root, manifest: Manifest, add) -> None:
    folder, problems = schemas.validate(root, manifest.standard, manifest.edition)
    for message, where in problems[:schemas.MAX_REPORTED]:
        add(Finding("warning", "schema", message, {"path": where, "schemas": folder}))
    if len(problems) > schemas.MAX_REPORTED:
        add(Finding("warning", "schema", f"{len(problems) - schemas.MAX_REPORTED} more schema problems are not "
                                         "listed one by one.", {"schemas": folder}))


def _structure_findings(root, add) -> None:
    """Identifiers unique; the default organization exists; every organization has an identifier."""
    ids: Counter[str] = Counter()
    for el in root.iter():
        if _local(el.tag) in ("manifest", "organization", "item", "resource"):
            ident = (el.get("identifier") or "").strip()
            if ident:
                ids[ident] += 1
    for ident, n in sorted(ids.items()):
        if n > 1:
            add(Finding("error", "duplicate-id", f"The identifier '{ident}' is used {n} times in the manifest; "
                                                 "identifiers must be unique.", {"identifier": ident}))
    orgs = [el for el in root if _local(el.tag) == "organizations"]
    org_list = [el for o in orgs for el in o if _local(el.tag) == "organization"]
    if not org_list:
        add(Finding("error", "no-organization", _tr("The manifest defines no organization (no table of contents): "
                                                    "most LMSs refuse it; SCORM Desktop builds one from its "
                                                    "resources.")))
    for n, org in enumerate(org_list, 1):
        if not (org.get("identifier") or "").strip():
            add(Finding("error", "missing-org-id", f"Organization {n} has no identifier."))
    default = (orgs[0].get("default") or "").strip() if orgs else ""
    if default and default not in {(o.get("identifier") or "").strip() for o in org_list}:
        add(Finding("warning", "default-org", f"The default organization '{default}' does not exist in the manifest "
                                              "(LMSs differ in what they play instead).", {"default": default}))
    resources = {(el.get("identifier") or "").strip() for r in root if _local(r.tag) == "resources"
                 for el in r if _local(el.tag) == "resource"}
    for org in org_list:
        for item in org.iter():
            ref = (item.get("identifierref") or "").strip()
            if _local(item.tag) == "item" and ref and ref not in resources:
                add(Finding("error", "dangling-ref", f"Item '{item.get('identifier') or '?'}' refers to resource "
                                                     f"'{ref}', which the manifest does not define.",
                            {"item": item.get("identifier"), "resource": ref}))


def _lookup(path: str, files: set[str], lowered: dict[str, str]) -> tuple[str | None, bool]:
    """(the package file, exact?) for a package-relative path; (None, False) when absent."""
    for candidate in (path, unquote(path)):
        if candidate in files:
            return candidate, True
    for candidate in (path, unquote(path)):
        hit = lowered.get(candidate.lower())
        if hit is not None:
            return hit, False
    return None, False


def _file_findings(manifest: Manifest, files: set[str], add) -> bool:
    """Launch files and listed files present, with case mismatches named; True when a launch file is missing."""
    lowered = {f.lower(): f for f in files}
    fatal = False
    launch_of: dict[str, str] = {}
    for item in manifest.launchable_items():
        launch_of.setdefault(item.identifierref or "", item.title)
    referenced: set[str] = set()
    for res in manifest.resources.values():
        entries = []
        if res.href:
            entries.append((res.href, True))
        entries += [(f, False) for f in res.files]
        for href, is_launch in entries:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                add(Finding("warning", "internet", f"Resource '{res.identifier}' points at '{href}' on the internet: "
                                                   "it will not work offline.", {"url": href}))
                continue
            path = parts.path
            if not path:
                continue
            actual, exact = _lookup(path, files, lowered)
            if actual is not None:
                referenced.add(actual)
            if actual is None:
                if is_launch and res.identifier in launch_of:
                    fatal = True
                    add(Finding("error", "missing-launch-file",
                                f"The launch file '{path}' of item '{launch_of[res.identifier]}' is missing from the "
                                "package.", {"path": path}))
                elif not is_launch and not (res.href and urlsplit(res.href).path == path
                                            and res.identifier in launch_of):
                    add(Finding("warning", "missing-file", f"The manifest lists '{path}' (resource "
                                                           f"'{res.identifier}'), which the package does not contain.",
                                {"path": path}))
            elif not exact:
                add(Finding("warning", "case-mismatch",
                            f"The manifest names '{path}' but the package has '{actual}': the letter case differs, "
                            "which works on Windows and breaks on Linux, macOS and most web servers.",
                            {"path": path, "actual": actual}))
    unlisted = sorted(f for f in files if f not in referenced and f.lower() != "imsmanifest.xml"
                      and not f.lower().endswith(".xsd") and not f.lower().endswith(".dtd"))
    if unlisted:
        more = f" and {len(unlisted) - 1} more" if len(unlisted) > 1 else ""
        files = english_count(len(unlisted), "{0} file of the package is", "{0} files of the package are")
        add(Finding("note", "unlisted-files", f"{files} not listed in the manifest ('{unlisted[0]}'{more}); content "
                                              "may still load them.",
                    {"count": len(unlisted)}))
    return fatal


def _reference_findings(manifest: Manifest, add) -> None:
    for res in manifest.resources.values():
        for dep in res.dependencies:
            if dep not in manifest.resources:
                add(Finding("warning", "dangling-dependency", f"Resource '{res.identifier}' depends on '{dep}', which "
                                                              "the manifest does not define."))


def _sequencing_findings(manifest: Manifest, add) -> None:
    """Activities the sequencer can never deliver: a cluster allowing neither choice nor flow, a precondition that
    always disables or hides an activity."""
    from ..sequencing.definition import parse_collection, parse_sequencing

    try:
        collection = parse_collection(manifest.sequencing_collection_xml)
    except Exception:  # noqa: BLE001 - a broken collection is the schema's finding
        collection = {}
    org = manifest.organization

    def definition(xml):
        try:
            return parse_sequencing(xml, collection)
        except Exception:  # noqa: BLE001
            return None

    def visit(title: str, ident: str, xml, children) -> None:
        seq = definition(xml)
        if seq is not None and children:
            mode = seq.control_mode
            if not mode.choice and not mode.flow:
                add(Finding("error", "undeliverable", f"The activities inside “{title}” can never be delivered: its "
                                                      "sequencing allows neither choice nor flow.", {"item": ident}))
        for child in children:
            cseq = definition(child.sequencing_xml)
            if cseq is not None:
                for rule in cseq.pre_rules:
                    always = rule.conditions and all(c.condition == "always" and c.operator != "not"
                                                     for c in rule.conditions)
                    if always and rule.action == "disabled":
                        add(Finding("error", "undeliverable", f"“{child.title}” can never be delivered: a "
                                                              "precondition rule always disables it.",
                                    {"item": child.identifier}))
                    elif always and rule.action == "skip" and seq is not None and not seq.control_mode.choice:
                        add(Finding("error", "undeliverable", f"“{child.title}” can never be delivered: flow always "
                                                              "skips it and its parent does not allow choice.",
                                    {"item": child.identifier}))
            visit(child.title, child.identifier, child.sequencing_xml, child.children)

    visit(org.title, org.identifier, org.sequencing_xml, org.items)


def _notes(root, manifest: Manifest, add) -> None:
    """Unusual but legal constructs a reviewer should know about."""
    if len(manifest.organizations) > 1:
        add(Finding("note", "organizations", f"The manifest has {len(manifest.organizations)} organizations; only "
                                             f"the default one, “{manifest.organization.title}”, plays."))
    if any(el.get(XML_BASE) for el in root.iter()):
        add(Finding("note", "xml-base", _tr("The manifest uses xml:base to locate resources.")))
    if any(_local(el.tag) == "manifest" for el in list(root.iter())[1:]):
        add(Finding("note", "sub-manifest", _tr("The manifest contains sub-manifests, which few LMSs support.")))
    items = list(manifest.organization.walk())
    if any(i.parameters for i in items):
        add(Finding("note", "parameters", _tr("Some items pass launch parameters (the item's parameters "
                                              "attribute).")))
    if any(i.prerequisites for i in items):
        add(Finding("note", "prerequisites", _tr("Some items have SCORM 1.2 prerequisites: they open once others "
                                                 "are done.")))
    if any(i.time_limit_action for i in items):
        add(Finding("note", "time-limit", _tr("Some items have a time limit action.")))
    if any(i.data_from_lms for i in items):
        add(Finding("note", "launch-data", _tr("Some items give launch data to their SCO (dataFromLMS).")))
    if any(not i.is_visible for i in items):
        add(Finding("note", "invisible", _tr("Some items are invisible in the table of contents "
                                             "(isvisible=\"false\").")))
    if manifest.standard == SCORM_2004 and any(i.sequencing_xml and "randomizationControls" in i.sequencing_xml
                                               for i in items):
        add(Finding("note", "randomization", _tr("The course randomizes the order or selection of some "
                                                 "activities.")))
    if manifest.standard == SCORM_2004 and not manifest.organization.objectives_global_to_system:
        add(Finding("note", "objectives-scope", _tr("Global objectives are kept per course attempt "
                                                    "(objectivesGlobalToSystem=\"false\").")))
