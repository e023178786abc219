"""Read an imsmanifest.xml (SCORM 1.2 and SCORM 2004 2nd/3rd/4th edition) into the `model` dataclasses.

Plain Python, no Qt. Tolerant where real packages are sloppy (mixed prefixes, wrong-case attributes, missing
namespaces, missing titles or default organization), strict where playing would fail or be unsafe (XML entities,
no launchable item, a launch file missing from the package). Tolerated problems become `Manifest.warnings`;
refusals raise `PackageError` with one sentence that names the problem.

The edition and the checks are here; the safe XML reading is manifest_xml.py, the resources, items and
organizations manifest_tree.py.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from urllib.parse import unquote

from ..i18n import _
from .manifest_tree import (
    _choose_default,
    _href_path,
    _organization_from_resources,
    _read_organization,
    _read_resources,
)
from .manifest_xml import (
    EDITION_12,
    EDITION_2004_2,
    EDITION_2004_3,
    EDITION_2004_4,
    MAX_DEPTH,
    NS_ADLCP_12,
    NS_ADLCP_2004,
    NS_ADLNAV,
    NS_ADLSEQ,
    NS_CP_12,
    NS_CP_2004,
    NS_IMSSS,
    _Context,
    _attr,
    _child,
    _children,
    _local,
    _ns,
    _parse_with_fallback,
    _raw_xml,
    _text,
    _used_namespaces,
)
from .model import SCORM_12, SCORM_2004, Manifest, PackageError, Resource


# --------------------------------------------------------------------------------------------------- edition


def _normalise_schemaversion(text: str | None) -> tuple[str, str] | None:
    """(standard, edition) for a known schemaversion text, None when missing or unknown."""
    if not text:
        return None
    t = " ".join(text.lower().split())
    if t in ("1.2", "scorm 1.2", "adl scorm 1.2"):
        return SCORM_12, EDITION_12
    if "4th" in t:
        return SCORM_2004, EDITION_2004_4
    if "3rd" in t:
        return SCORM_2004, EDITION_2004_3
    if t in ("cam 1.3", "1.3", "2004 2nd edition", "scorm 2004 2nd edition") or "2nd" in t:
        return SCORM_2004, EDITION_2004_2
    return None


def _guess_standard(namespaces: set[str]) -> str | None:
    """SCORM_12 / SCORM_2004 from the namespaces, or None when they say nothing."""
    lowered = {n.lower().rstrip("/") for n in namespaces}
    if NS_ADLCP_2004 in lowered:
        return SCORM_2004
    if NS_ADLCP_12 in lowered:
        return SCORM_12
    if lowered & {NS_IMSSS, NS_ADLSEQ, NS_ADLNAV, NS_CP_2004}:
        return SCORM_2004
    if NS_CP_12 in lowered:
        return SCORM_12
    return None


def _guess_2004_edition(root: ET.Element) -> str:
    """4th when a 4th-edition-only feature appears, 3rd when a completionThreshold has text, else 2nd."""
    third = False
    for el in root.iter():
        name = _local(el.tag)
        if name in ("data", "map") and _ns(el.tag).startswith("http://www.adlnet.org/xsd/adlcp"):
            return EDITION_2004_4
        if any(_local(k) == "sharedDataGlobalToSystem".lower() for k in el.attrib):
            return EDITION_2004_4
        if name == "completionthreshold":
            if {_local(k) for k in el.attrib} & {"minprogressmeasure", "completedbymeasure", "progressweight"}:
                return EDITION_2004_4
            third = third or bool(_text(el))
    return EDITION_2004_3 if third else EDITION_2004_2


def _edition(root: ET.Element, namespaces: set[str], ctx: _Context) -> tuple[str, str, bool]:
    """(standard, edition, guessed) from <schemaversion>, else from the namespaces and features (with a warning)."""
    schemaversion = _text(_child(_child(root, "metadata"), "schemaversion"))
    known = _normalise_schemaversion(schemaversion)
    if known is not None:
        return known[0], known[1], False
    if schemaversion and schemaversion.strip().lower() == "2004":
        standard: str | None = SCORM_2004
    else:
        standard = _guess_standard(namespaces | _used_namespaces(root))
    if standard is None:
        standard, edition = SCORM_12, EDITION_12
        basis = _("nothing in it names a version, so SCORM 1.2 was assumed")
    else:
        edition = EDITION_12 if standard == SCORM_12 else _guess_2004_edition(root)
        basis = _("it was read as SCORM {0}, guessed from its namespaces").format(edition)
    if schemaversion:
        ctx.warn(_("The manifest's schemaversion '{0}' is not a known SCORM version; {1}.").format(schemaversion, basis))
    else:
        ctx.warn(_("The manifest does not state its SCORM version (no <schemaversion>); {0}.").format(basis))
    return standard, edition, True


# --------------------------------------------------------------------------------------------------- checks


def _find_file(path: str, files: set[str], lowered: dict[str, str]) -> str | None:
    """The package file for a path: exact, percent-decoded, then case-insensitive; None when absent."""
    for candidate in (path, unquote(path)):
        if candidate in files:
            return candidate
    for candidate in (path, unquote(path)):
        hit = lowered.get(candidate.lower())
        if hit is not None:
            return hit
    return None


def _check_launch_files(manifest: Manifest, files: set[str], ctx: _Context) -> None:
    """Every launchable item's file must be in the package; a wrong-case name is accepted and corrected."""
    lowered = {f.lower(): f for f in files}
    checked: set[str] = set()
    for item in manifest.launchable_items():
        res = manifest.resources[item.identifierref or ""]
        href = res.href or ""
        path = _href_path(href)
        if path is None:
            ctx.warn(_("Item '{0}' opens the web address '{1}', which needs a network connection.").format(
                item.title, href))
            continue
        if res.identifier in checked:
            continue
        checked.add(res.identifier)
        actual = _find_file(path, files, lowered)
        if actual is None:
            ctx.fatal.append(_("The launch file '{0}' of item '{1}' is missing from the package.").format(
                path, item.title))
        elif actual not in (path, unquote(path)):
            ctx.warn(
                _("The launch file '{0}' of item '{1}' is named '{2}' in the package "
                  "(different letter case); that file is used.").format(path, item.title, actual)
            )
            res.href = actual + href[len(path):]


def _check_listed_files(resources: Iterable[Resource], files: set[str], ctx: _Context) -> None:
    """One summary warning for files the manifest lists but the package lacks (often harmless)."""
    lowered = {f.lower(): f for f in files}
    missing = sorted(
        {
            p
            for r in resources
            for f in r.files
            if (p := _href_path(f)) is not None and p and _find_file(p, files, lowered) is None
        }
    )
    if missing:
        if len(missing) > 1:
            ctx.warn(_("The manifest lists files the package does not contain: '{0}' and {1} more.").format(
                missing[0], len(missing) - 1))
        else:
            ctx.warn(_("The manifest lists files the package does not contain: '{0}'.").format(missing[0]))


def _raise_fatal(problems: list[str]) -> None:
    if not problems:
        return
    if len(problems) == 1:
        raise PackageError(problems[0])
    rest = problems[1:4]
    more = _(" (and {0} more problems)").format(len(problems) - 4) if len(problems) > 4 else ""
    raise PackageError(problems[0] + _(" Also: ") + " ".join(rest) + more)


# --------------------------------------------------------------------------------------------------- entry point


def parse_manifest(
    xml: bytes,
    files: set[str] | None = None,
    name: str = "imsmanifest.xml",
    *,
    max_depth: int = MAX_DEPTH,
    cancelled: Callable[[], bool] | None = None,
) -> Manifest:
    """Read a manifest. `files` (package-relative, "/" separated) enables the launch-file checks.

    Raises PackageError (one sentence naming the problem) when the package cannot be played, `Cancelled` when
    `cancelled()` turns True while it is parsed.
    """
    ctx = _Context()
    root, namespaces = _parse_with_fallback(xml, name, ctx, max_depth, cancelled)
    standard, edition, guessed = _edition(root, namespaces, ctx)
    _read_resources(root, ctx)
    collection = _child(root, "sequencingcollection")
    if collection is not None:
        ctx.sequencing_by_id = {
            sid: s for s in _children(collection, "sequencing") if (sid := (_attr(s, "id") or "").strip())
        }
    orgs_el = _child(root, "organizations")
    org_els = _children(orgs_el, "organization") if orgs_el is not None else []
    organizations = [_read_organization(el, n, root, ctx) for n, el in enumerate(org_els)]
    if organizations:
        chosen = _choose_default(orgs_el, organizations, ctx)
    else:
        built = _organization_from_resources(root, ctx)
        if built is None:
            raise PackageError(_("The package has no item that can be launched (no resource with an href)."))
        chosen, organizations = built, [built]
    manifest = Manifest(
        identifier=(_attr(root, "identifier") or "").strip() or chosen.identifier,
        standard=standard,
        edition=edition,
        edition_guessed=guessed,
        organization=chosen,
        organizations=organizations,
        resources=ctx.resources,
        sequencing_collection_xml=_raw_xml(collection),
        warnings=ctx.warnings,
    )
    if not manifest.launchable_items():
        ctx.fatal.append(_("The package has no item that can be launched (no resource with an href)."))
    elif files is not None:
        _check_launch_files(manifest, files, ctx)
        _check_listed_files(manifest.resources.values(), files, ctx)
    _raise_fatal(ctx.fatal)
    return manifest
