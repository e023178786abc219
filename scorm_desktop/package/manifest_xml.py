"""Reading a manifest's XML safely (no entities, bounded depth, cancellable, a cp1252 fallback) and the
namespace-tolerant helpers the manifest readers share (manifest.py is the entry point).

Plain Python, no Qt.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..i18n import _
from .model import Cancelled, PackageError, Resource


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
        raise PackageError(_("The manifest {0} is empty.").format(name))
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
            _("The manifest {0} nests its elements more than {1} deep, which is refused.").format(name, max_depth)
        ) from None
    except DefusedXmlException:
        raise PackageError(_("The manifest uses XML entities or a DTD, which are refused for safety.")) from None
    except ET.ParseError as exc:
        if not builder.started:
            raise PackageError(_("The manifest {0} is empty: it has no <manifest> element.").format(name)) from None
        line = exc.position[0] if exc.position else "?"
        reason = re.sub(r":\s*line \d+, column \d+$", "", str(exc))
        raise PackageError(
            _("The manifest {0} is not well-formed XML (line {1}: {2}).").format(name, line, reason)) from None
    namespaces = builder.namespaces
    if root is None:
        raise PackageError(_("The manifest {0} is empty: it has no <manifest> element.").format(name))
    if _local(root.tag) != "manifest":
        raise PackageError(
            _("The file {0} is not a SCORM manifest: its top element is <{1}>, not <manifest>.").format(
                name, _local(root.tag))
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
    ctx.warn(_("The manifest {0} is not valid UTF-8; it was read as Windows-1252 text.").format(name))
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
