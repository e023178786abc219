"""Read an imsmanifest.xml (SCORM 1.2 and SCORM 2004 2nd/3rd/4th edition) into the `model` dataclasses.

Plain Python, no Qt. Tolerant where real packages are sloppy (mixed prefixes, wrong-case attributes, missing
namespaces, missing titles or default organization), strict where playing would fail or be unsafe (XML entities,
no launchable item, a launch file missing from the package). Tolerated problems become `Manifest.warnings`;
refusals raise `PackageError` with one sentence that names the problem.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..cmi.names import parse_float
from .model import SCORM_12, SCORM_2004, Cancelled, Item, Manifest, Organization, PackageError, Resource

NS_XML = "http://www.w3.org/XML/1998/namespace"
NS_CP_12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
NS_ADLCP_12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
NS_CP_2004 = "http://www.imsglobal.org/xsd/imscp_v1p1"
NS_ADLCP_2004 = "http://www.adlnet.org/xsd/adlcp_v1p3"
NS_IMSSS = "http://www.imsglobal.org/xsd/imsss"
NS_ADLSEQ = "http://www.adlnet.org/xsd/adlseq_v1p3"
NS_ADLNAV = "http://www.adlnet.org/xsd/adlnav_v1p3"

EDITION_12 = "1.2"
EDITION_2004_2 = "2004 2nd Edition"
EDITION_2004_3 = "2004 3rd Edition"
EDITION_2004_4 = "2004 4th Edition"

# Raw sequencing XML is serialised with the usual prefixes rather than ns0/ns1 (ElementTree's registry is global).
for _prefix, _uri in (("imsss", NS_IMSSS), ("adlseq", NS_ADLSEQ), ("adlnav", NS_ADLNAV), ("adlcp", NS_ADLCP_2004)):
    ET.register_namespace(_prefix, _uri)

_DRIVE = re.compile(r"^[A-Za-z]:")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
#: Deepest element nesting read (the readers recurse over items; real manifests nest a dozen levels at most).
MAX_DEPTH = 100
#: The XML is fed to the parser in pieces this large, `cancelled()` asked between them. Expat before 2.6 re-scans an
#: unfinished token on every feed, so small pieces (ElementTree.iterparse feeds 16 KiB) make a long comment or text
#: quadratic: an 80 MB comment took 208 s. Large pieces keep it linear.
FEED_CHUNK = 1024 * 1024


@dataclass
class _Context:
    """State shared while one manifest is read."""

    warnings: list[str] = field(default_factory=list)
    fatal: list[str] = field(default_factory=list)
    resources: dict[str, Resource] = field(default_factory=dict)
    sequencing_by_id: dict[str, ET.Element] = field(default_factory=dict)

    def warn(self, sentence: str) -> None:
        if sentence not in self.warnings:
            self.warnings.append(sentence)


# --------------------------------------------------------------------------------------------------- XML helpers


def _local(tag: object) -> str:
    """The lower-cased local name of a tag or attribute key ("{ns}scormType" -> "scormtype")."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _children(el: ET.Element, name: str) -> list[ET.Element]:
    """Child elements whose local name is `name` (any namespace, any case)."""
    return [c for c in el if _local(c.tag) == name]


def _child(el: ET.Element | None, name: str) -> ET.Element | None:
    if el is None:
        return None
    found = _children(el, name)
    return found[0] if found else None


def _attr(el: ET.Element, name: str) -> str | None:
    """An attribute by local name, whatever its namespace prefix or letter case."""
    for key, value in el.attrib.items():
        if _local(key) == name:
            return value
    return None


def _xml_base(el: ET.Element) -> str:
    value = el.get(f"{{{NS_XML}}}base")
    return value.strip() if value else ""


def _text(el: ET.Element | None) -> str | None:
    """Element text with whitespace runs collapsed, or None when empty."""
    if el is None:
        return None
    text = " ".join("".join(el.itertext()).split())
    return text or None


def _bool(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    value = value.strip().lower()
    if value in ("false", "0", "no"):
        return False
    if value in ("true", "1", "yes"):
        return True
    return default


def _raw_xml(el: ET.Element | None) -> str | None:
    """The element serialised back to XML text (namespaces preserved), without its tail."""
    if el is None:
        return None
    tail, el.tail = el.tail, None
    try:
        return ET.tostring(el, encoding="unicode")
    finally:
        el.tail = tail


# --------------------------------------------------------------------------------------------------- parsing


class _TooDeep(Exception):
    pass


class _Builder:
    """A parser target: builds the tree (ElementTree's TreeBuilder), collects declared namespaces, caps the depth."""

    def __init__(self, max_depth: int) -> None:
        self.tree = ET.TreeBuilder()
        self.namespaces: set[str] = set()
        self.max_depth = max_depth
        self.depth = 0
        self.started = False

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        self.depth += 1
        self.started = True
        if self.depth > self.max_depth:
            raise _TooDeep()
        return self.tree.start(tag, attrs)

    def end(self, tag: str) -> ET.Element:
        self.depth -= 1
        return self.tree.end(tag)

    def data(self, data: str) -> None:
        self.tree.data(data)

    def start_ns(self, _prefix: str, uri: str) -> None:
        self.namespaces.add(uri)

    def close(self) -> ET.Element | None:
        return self.tree.close()


def _parse_xml(
    xml: bytes, name: str, max_depth: int = MAX_DEPTH, cancelled: Callable[[], bool] | None = None
) -> tuple[ET.Element, set[str]]:
    """Parse safely; return the root element and every namespace URI declared in the document."""
    if not xml or not xml.strip():
        raise PackageError(f"The manifest {name} is empty.")
    builder = _Builder(max_depth)
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    root = None
    try:
        for at in range(0, len(xml), FEED_CHUNK):
            if cancelled is not None and cancelled():
                raise Cancelled()
            parser.feed(xml[at : at + FEED_CHUNK])
        root = parser.close()
    except _TooDeep:
        raise PackageError(
            f"The manifest {name} nests its elements more than {max_depth} deep, which is refused."
        ) from None
    except DefusedXmlException:
        raise PackageError("The manifest uses XML entities or a DTD, which are refused for safety.") from None
    except ET.ParseError as exc:
        if not builder.started:
            raise PackageError(f"The manifest {name} is empty: it has no <manifest> element.") from None
        line = exc.position[0] if exc.position else "?"
        reason = re.sub(r":\s*line \d+, column \d+$", "", str(exc))
        raise PackageError(f"The manifest {name} is not well-formed XML (line {line}: {reason}).") from None
    namespaces = builder.namespaces
    if root is None:
        raise PackageError(f"The manifest {name} is empty: it has no <manifest> element.")
    if _local(root.tag) != "manifest":
        raise PackageError(
            f"The file {name} is not a SCORM manifest: its top element is <{_local(root.tag)}>, not <manifest>."
        )
    return root, namespaces


def _parse_with_fallback(
    xml: bytes, name: str, ctx: _Context, max_depth: int, cancelled: Callable[[], bool] | None
) -> tuple[ET.Element, set[str]]:
    """Parse; a manifest that claims UTF-8 but holds Windows-1252 bytes (a common authoring-tool fault) is re-read."""
    try:
        return _parse_xml(xml, name, max_depth, cancelled)
    except PackageError:
        recoded = _recode_cp1252(xml)
        if recoded is None:
            raise
    found = _parse_xml(recoded, name, max_depth, cancelled)
    ctx.warn(f"The manifest {name} is not valid UTF-8; it was read as Windows-1252 text.")
    return found


def _recode_cp1252(xml: bytes) -> bytes | None:
    """The manifest re-encoded from Windows-1252 to UTF-8, or None when it is valid UTF-8 or names another encoding."""
    if xml.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        xml.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    declared = re.match(rb"\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)", xml)
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return None
    text = xml.decode("cp1252", errors="replace")
    text = re.sub(r"(<\?xml[^>]*encoding\s*=\s*[\"'])[A-Za-z0-9._-]+", r"\g<1>UTF-8", text, count=1)
    return text.encode("utf-8")


def _used_namespaces(root: ET.Element) -> set[str]:
    found: set[str] = set()
    for el in root.iter():
        if isinstance(el.tag, str):
            found.add(_ns(el.tag))
            found.update(_ns(k) for k in el.attrib)
    return found


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
        standard, edition, basis = SCORM_12, EDITION_12, "nothing in it names a version, so SCORM 1.2 was assumed"
    else:
        edition = EDITION_12 if standard == SCORM_12 else _guess_2004_edition(root)
        basis = f"it was read as SCORM {edition}, guessed from its namespaces"
    if schemaversion:
        ctx.warn(f"The manifest's schemaversion '{schemaversion}' is not a known SCORM version; {basis}.")
    else:
        ctx.warn(f"The manifest does not state its SCORM version (no <schemaversion>); {basis}.")
    return standard, edition, True


# --------------------------------------------------------------------------------------------------- resources


def _join_href(bases: Iterable[str], href: str) -> str:
    """Apply xml:base values (outermost first) to an href: package-relative, "/" separated, normalised.

    A base without a trailing slash is still taken as a folder (real packages write xml:base="content").
    Absolute URLs (http:, https:) are returned unchanged; a base that is an absolute URL makes the result one.
    """
    href = href.strip().replace("\\", "/")
    if _SCHEME.match(href) and not _DRIVE.match(href):
        return href
    prefix = ""
    for base in bases:
        base = base.strip().replace("\\", "/")
        if not base:
            continue
        if _SCHEME.match(base) and not _DRIVE.match(base):
            prefix = base
        elif base.startswith("/"):
            prefix = base.lstrip("/")
        else:
            prefix = prefix + base
        if not prefix.endswith("/"):
            prefix += "/"
    if _SCHEME.match(prefix) and not _DRIVE.match(prefix):
        return prefix + href.lstrip("/")
    joined = href.lstrip("/") if href.startswith("/") else prefix + href
    cut = min((i for i in (joined.find("?"), joined.find("#")) if i >= 0), default=len(joined))
    path, rest = joined[:cut], joined[cut:]
    norm = posixpath.normpath(path) if path else ""
    if norm == ".":
        norm = ""
    return norm + rest


def _href_path(href: str) -> str | None:
    """The file path part of a package-relative href (no query, no fragment), or None for an external URL."""
    if _SCHEME.match(href) and not _DRIVE.match(href):
        return None
    parts = urlsplit(href)
    return parts.path


def _read_resources(root: ET.Element, ctx: _Context) -> None:
    manifest_base = _xml_base(root)
    for resources_el in _children(root, "resources"):
        resources_base = _xml_base(resources_el)
        for el in _children(resources_el, "resource"):
            _read_resource(el, (manifest_base, resources_base), ctx)


def _read_resource(el: ET.Element, outer_bases: tuple[str, str], ctx: _Context) -> None:
    identifier = (_attr(el, "identifier") or "").strip()
    if not identifier:
        ctx.warn("A resource in the manifest has no identifier; it is ignored.")
        return
    bases = (*outer_bases, _xml_base(el))
    href_attr = _attr(el, "href")
    href = _join_href(bases, href_attr) if href_attr and href_attr.strip() else None
    scorm_type = _attr(el, "scormtype")
    files = [_join_href(bases, f_href) for f in _children(el, "file") if (f_href := _attr(f, "href"))]
    deps = [d_ref.strip() for d in _children(el, "dependency") if (d_ref := _attr(d, "identifierref"))]
    if identifier in ctx.resources:
        ctx.warn(f"The manifest defines the resource '{identifier}' twice; the first definition is used.")
        return
    ctx.resources[identifier] = Resource(
        identifier=identifier,
        scorm_type=scorm_type.strip().lower() if scorm_type and scorm_type.strip() else None,
        href=href,
        files=files,
        dependencies=deps,
    )


# --------------------------------------------------------------------------------------------------- items


def _read_item(el: ET.Element, ctx: _Context, path: str) -> Item:
    identifier = (_attr(el, "identifier") or "").strip() or path
    title = _text(_child(el, "title")) or identifier
    item = Item(identifier=identifier, title=title)
    ref = (_attr(el, "identifierref") or "").strip() or None
    if ref is not None and ref not in ctx.resources:
        ctx.warn(
            f"Item '{identifier}' refers to resource '{ref}', which the manifest does not define; it is skipped."
        )
        ref = None
    item.identifierref = ref
    item.parameters = _attr(el, "parameters")
    item.is_visible = _bool(_attr(el, "isvisible"), True)
    _read_item_adlcp(el, item, ctx)
    _read_item_2004(el, item, ctx)
    item.children = [_read_item(c, ctx, f"{identifier}_{n + 1}") for n, c in enumerate(_children(el, "item"))]
    return item


def _read_item_adlcp(el: ET.Element, item: Item, ctx: _Context) -> None:
    """The adlcp elements shared by 1.2 and 2004 (datafromlms, masteryscore, time limits, prerequisites)."""
    data = _child(el, "datafromlms")
    if data is not None:
        raw = "".join(data.itertext()).strip()
        item.data_from_lms = raw or None
    mastery = _text(_child(el, "masteryscore"))
    if mastery is not None:
        item.mastery_score = parse_float(mastery)
        if item.mastery_score is None:
            ctx.warn(f"Item '{item.title}' has a mastery score '{mastery}' that is not a number; it is ignored.")
    item.max_time_allowed = _text(_child(el, "maxtimeallowed"))
    action = _text(_child(el, "timelimitaction"))
    item.time_limit_action = action.lower() if action else None
    prereq = _child(el, "prerequisites")
    if prereq is not None:
        item.prerequisites = _text(prereq)
        item.prerequisites_type = _attr(prereq, "type")
    threshold = _child(el, "completionthreshold")
    if threshold is not None:
        _read_completion_threshold(threshold, item)


def _read_completion_threshold(el: ET.Element, item: Item) -> None:
    """3rd edition: the value is the element text; 4th edition: attributes."""
    min_progress = _attr(el, "minprogressmeasure")
    item.completion_threshold = parse_float(min_progress) if min_progress is not None else parse_float(_text(el))
    item.completed_by_measure = _bool(_attr(el, "completedbymeasure"), False)
    item.progress_weight = parse_float(_attr(el, "progressweight"))


def _read_item_2004(el: ET.Element, item: Item, ctx: _Context) -> None:
    """imsss:sequencing (raw), adlnav hideLMSUI, 4th edition adlcp:data maps."""
    sequencing = _child(el, "sequencing")
    item.sequencing_xml = _raw_xml(sequencing)
    if sequencing is not None and item.max_time_allowed is None:
        item.max_time_allowed = _duration_limit(sequencing, ctx)
    presentation = _child(el, "presentation")
    nav = _child(presentation, "navigationinterface")
    if nav is not None:
        item.hide_lms_ui = [t for h in _children(nav, "hidelmsui") if (t := _text(h))]
    data = _child(el, "data")
    if data is not None:
        for m in _children(data, "map"):
            target = (_attr(m, "targetid") or "").strip()
            if target:
                item.data_maps.append(
                    {
                        "target_id": target,
                        "read_shared_data": _bool(_attr(m, "readshareddata"), True),
                        "write_shared_data": _bool(_attr(m, "writeshareddata"), False),
                    }
                )


def _duration_limit(sequencing: ET.Element, ctx: _Context) -> str | None:
    """attemptAbsoluteDurationLimit of a sequencing element, else of the collection entry it names (IDRef)."""
    limits = _child(sequencing, "limitconditions")
    if limits is None:
        shared = ctx.sequencing_by_id.get((_attr(sequencing, "idref") or "").strip())
        limits = _child(shared, "limitconditions")
    return _attr(limits, "attemptabsolutedurationlimit") if limits is not None else None


# --------------------------------------------------------------------------------------------------- organizations


def _lom_title(root: ET.Element) -> str | None:
    """The LOM general/title in the manifest's own metadata, if any."""
    lom = _child(_child(root, "metadata"), "lom")
    title = _child(_child(lom, "general"), "title")
    if title is None:
        return None
    for el in title.iter():
        if _local(el.tag) in ("langstring", "string") and _text(el):
            return _text(el)
    return None


def _read_organization(el: ET.Element, index: int, root: ET.Element, ctx: _Context) -> Organization:
    identifier = (_attr(el, "identifier") or "").strip()
    raw_title = _text(_child(el, "title"))
    if not identifier:
        identifier = f"organization_{index + 1}"
        ctx.warn(
            f"The organization '{raw_title or identifier}' has no identifier; "
            f"it was given the identifier '{identifier}'."
        )
    items = [_read_item(c, ctx, f"{identifier}_item_{n + 1}") for n, c in enumerate(_children(el, "item"))]
    title = raw_title
    if not title:
        title = _lom_title(root) or (items[0].title if items else None) or _attr(root, "identifier") or identifier
        ctx.warn(f"The organization '{identifier}' has no title; the course is titled '{title}' instead.")
    return Organization(
        identifier=identifier,
        title=title,
        items=items,
        sequencing_xml=_raw_xml(_child(el, "sequencing")),
        objectives_global_to_system=_bool(_attr(el, "objectivesglobaltosystem"), True),
        shared_data_global_to_system=_bool(_attr(el, "shareddataglobaltosystem"), True),
    )


def _organization_from_resources(root: ET.Element, ctx: _Context) -> Organization | None:
    """No organization in the manifest: one item per SCO resource with an href, in document order."""
    scos = [r for r in ctx.resources.values() if (r.scorm_type or "") == "sco" and r.href]
    if not scos:
        return None
    course_title = _lom_title(root) or (_attr(root, "identifier") or "").strip() or "Untitled course"
    items = [
        Item(
            identifier=r.identifier,
            title=course_title if len(scos) == 1 else r.identifier,
            identifierref=r.identifier,
        )
        for r in scos
    ]
    ctx.warn(
        "The manifest defines no organization (no table of contents); the course was built from its "
        f"{len(scos)} SCO resource{'s' if len(scos) != 1 else ''} in the order they are listed."
    )
    return Organization(identifier="organization_1", title=course_title, items=items)


def _choose_default(orgs_el: ET.Element | None, orgs: list[Organization], ctx: _Context) -> Organization:
    default = (_attr(orgs_el, "default") or "").strip() if orgs_el is not None else ""
    for org in orgs:
        if default and org.identifier == default:
            return org
    first = orgs[0]
    if default:
        ctx.warn(
            f"The default organization '{default}' does not exist; the first organization, "
            f"'{first.title}', is used instead."
        )
    elif len(orgs) > 1:
        ctx.warn(f"The manifest names no default organization; the first one, '{first.title}', is used.")
    return first


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
            ctx.warn(f"Item '{item.title}' opens the web address '{href}', which needs a network connection.")
            continue
        if res.identifier in checked:
            continue
        checked.add(res.identifier)
        actual = _find_file(path, files, lowered)
        if actual is None:
            ctx.fatal.append(f"The launch file '{path}' of item '{item.title}' is missing from the package.")
        elif actual not in (path, unquote(path)):
            ctx.warn(
                f"The launch file '{path}' of item '{item.title}' is named '{actual}' in the package "
                "(different letter case); that file is used."
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
        more = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
        ctx.warn(f"The manifest lists files the package does not contain: '{missing[0]}'{more}.")


def _raise_fatal(problems: list[str]) -> None:
    if not problems:
        return
    if len(problems) == 1:
        raise PackageError(problems[0])
    rest = problems[1:4]
    more = f" (and {len(problems) - 4} more problems)" if len(problems) > 4 else ""
    raise PackageError(problems[0] + " Also: " + " ".join(rest) + more)


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
            raise PackageError("The package has no item that can be launched (no resource with an href).")
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
        ctx.fatal.append("The package has no item that can be launched (no resource with an href).")
    elif files is not None:
        _check_launch_files(manifest, files, ctx)
        _check_listed_files(manifest.resources.values(), files, ctx)
    _raise_fatal(ctx.fatal)
    return manifest
