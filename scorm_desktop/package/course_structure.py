"""The cmi5 course structure (cmi5.xml), read and validated completely, in plain Python.

The rules are the cmi5 specification's CourseStructure.xsd and its section 13 (course structure data requirements):
one <course> with a title and description, optional course <objectives>, then one or more <au> and <block> elements
(blocks nest); every AU has a <url>, optional <launchParameters> and <entitlementKey>, and the attributes `moveOn`,
`masteryScore` (0..1), `launchMethod` and `activityType`. Ids are IRIs, AU and block ids are unique. Every refusal
is one sentence (`PackageError`). The result is JSON-able (`to_dict`) so it lives inside the course's stored manifest.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import unquote, urlsplit

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..i18n import _
from .model import PackageError

NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
MOVE_ON = ("NotApplicable", "Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed")
LAUNCH_METHODS = ("AnyWindow", "OwnWindow")

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


@dataclass
class Objective:
    id: str
    title: str
    description: str


@dataclass
class AU:
    id: str
    title: str
    description: str
    #: The <url> as written (relative to the package root, or absolute).
    url: str
    move_on: str = "NotApplicable"
    mastery_score: float | None = None
    launch_method: str = "AnyWindow"
    activity_type: str | None = None
    launch_parameters: str | None = None
    entitlement_key: str | None = None
    objectives: list[str] = field(default_factory=list)
    kind: str = "au"


@dataclass
class Block:
    id: str
    title: str
    description: str
    objectives: list[str] = field(default_factory=list)
    children: list["AU | Block"] = field(default_factory=list)
    kind: str = "block"


@dataclass
class CourseStructure:
    id: str
    title: str
    description: str
    objectives: list[Objective] = field(default_factory=list)
    children: list[AU | Block] = field(default_factory=list)

    def aus(self) -> list[AU]:
        """Every AU in document order."""
        return [n for n in _walk(self.children) if isinstance(n, AU)]

    def blocks(self) -> list[Block]:
        return [n for n in _walk(self.children) if isinstance(n, Block)]

    def au(self, au_id: str) -> AU:
        for au in self.aus():
            if au.id == au_id:
                return au
        raise KeyError(au_id)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "CourseStructure":
        def node(d: dict[str, Any]) -> AU | Block:
            d = dict(d)
            if d.get("kind") == "block":
                d["children"] = [node(c) for c in d.get("children", [])]
                return Block(**d)
            return AU(**d)

        d = dict(data)
        d["objectives"] = [Objective(**o) for o in d.get("objectives", [])]
        d["children"] = [node(c) for c in d.get("children", [])]
        return cls(**d)


def _walk(nodes: list[AU | Block]):
    for n in nodes:
        yield n
        if isinstance(n, Block):
            yield from _walk(n.children)


# --------------------------------------------------------------------------------------------------- helpers


def is_iri(value: str | None) -> bool:
    """An absolute IRI as xAPI and cmi5 need them: a scheme, something after it, no white space or angle brackets."""
    if not value or any(c.isspace() for c in value) or any(c in value for c in '<>"{}|\\^`'):
        return False
    m = _SCHEME.match(value)
    return bool(m) and len(value) > m.end()


def is_absolute_url(url: str) -> bool:
    return bool(_SCHEME.match(url.strip())) and not re.match(r"^[A-Za-z]:[\\/]", url.strip())


def local_path(url: str) -> str:
    """The package-relative file a relative AU url points at (no query, no fragment, %-decoded, no leading "./")."""
    path = unquote(urlsplit(url.strip()).path)
    parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
    return "/".join(parts)


def capitalised(sentence: str) -> str:
    """A sentence made from a template that starts with a noun phrase ("{0} has no <url>": "the AU 'x' has ..."),
    with its first letter made upper case as a sentence needs in every language."""
    return sentence[:1].upper() + sentence[1:]


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def parse_xml(data: bytes, name: str, top: str) -> ET.Element:
    """Parse untrusted XML (no DTD, no entities) and check its top element's local name."""
    if not data or not data.strip():
        raise PackageError(_("The file {0} is empty.").format(name))
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise PackageError(
            _("The file {0} uses XML entities or a DTD, which are refused for safety.").format(name)) from None
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else "?"
        reason = re.sub(r":\s*line \d+, column \d+$", "", str(exc))
        raise PackageError(
            _("The file {0} is not well-formed XML (line {1}: {2}).").format(name, line, reason)) from None
    if _local(root.tag) != top:
        raise PackageError(_("The file {0} is not valid: its top element is <{1}>, not <{2}>.").format(
            name, _local(root.tag), top))
    return root


class _Reader:
    def __init__(self, name: str, ns: str) -> None:
        self.name, self.ns = name, ns

    def kids(self, el: ET.Element) -> list[ET.Element]:
        """Child elements of the cmi5 namespace (extension elements of other namespaces are allowed and skipped)."""
        return [c for c in el if isinstance(c.tag, str) and _ns(c.tag) == self.ns]

    def text_type(self, el: ET.Element, what: str, tag: str) -> str:
        found = [c for c in self.kids(el) if _local(c.tag) == tag]
        if not found:
            raise PackageError(capitalised(_("{0} has no <{1}> in {2}.").format(what, tag, self.name)))
        strings = [c for c in self.kids(found[0]) if _local(c.tag) == "langstring"]
        if not strings:
            raise PackageError(_("The <{0}> of {1} has no <langstring> in {2}.").format(tag, what, self.name))
        return " ".join("".join(strings[0].itertext()).split())

    def iri(self, el: ET.Element, attr: str, what: str) -> str:
        value = (el.get(attr) or "").strip()
        if not value:
            raise PackageError(capitalised(_("{0} has no {1} attribute in {2}.").format(what, attr, self.name)))
        if not is_iri(value):
            raise PackageError(capitalised(
                _("{0} has the {1} '{2}', which is not an IRI (such as https://…).").format(what, attr, value)))
        return value

    def objective_refs(self, el: ET.Element, what: str, declared: set[str]) -> list[str]:
        refs: list[str] = []
        for obj in (c for c in self.kids(el) if _local(c.tag) == "objectives"):
            for ref in (c for c in self.kids(obj) if _local(c.tag) == "objective"):
                idref = (ref.get("idref") or "").strip()
                if idref not in declared:
                    raise PackageError(capitalised(
                        _("{0} refers to the objective '{1}', which the course does not declare.").format(what, idref)
                    ))
                refs.append(idref)
        return refs


# --------------------------------------------------------------------------------------------------- parsing


def parse_course_structure(data: bytes, name: str = "cmi5.xml") -> CourseStructure:
    """Read and validate a cmi5.xml. PackageError (one sentence) on any fault."""
    root = parse_xml(data, name, "courseStructure")
    ns = _ns(root.tag)
    if ns not in (NS, ""):
        raise PackageError(
            _("The file {0} is not a cmi5 course structure: its namespace is '{1}', not '{2}'.").format(name, ns, NS))
    r = _Reader(name, ns)
    kids = r.kids(root)
    courses = [c for c in kids if _local(c.tag) == "course"]
    if len(courses) != 1:
        raise PackageError(_("The file {0} must hold exactly one <course>; it holds {1}.").format(name, len(courses)))
    course_el = courses[0]
    the_course = _("the course")
    course = CourseStructure(
        id=r.iri(course_el, "id", the_course),
        title=r.text_type(course_el, the_course, "title"),
        description=r.text_type(course_el, the_course, "description"),
    )
    for objs in (c for c in kids if _local(c.tag) == "objectives"):
        for o in (c for c in r.kids(objs) if _local(c.tag) == "objective"):
            oid = r.iri(o, "id", _("the objective"))
            if any(x.id == oid for x in course.objectives):
                raise PackageError(_("The objective id '{0}' appears twice in {1}.").format(oid, name))
            what = _("the objective '{0}'").format(oid)
            course.objectives.append(Objective(oid, r.text_type(o, what, "title"), r.text_type(o, what, "description")))
    declared = {o.id for o in course.objectives}
    seen: dict[str, str] = {course.id: "course"}
    course.children = _read_nodes(r, root, declared, seen, "course")
    if not course.children:
        raise PackageError(_("The course in {0} has no AU: there is nothing to launch.").format(name))
    for tag in (_local(c.tag) for c in kids):
        if tag not in ("course", "objectives", "au", "block"):
            raise PackageError(
                _("The file {0} holds an unknown element <{1}> in the course structure.").format(name, tag))
    return course


def _read_nodes(r: _Reader, parent: ET.Element, declared: set[str], seen: dict[str, str], where: str) -> list:
    out: list[AU | Block] = []
    for el in r.kids(parent):
        tag = _local(el.tag)
        if tag == "au":
            out.append(_read_au(r, el, declared, seen))
        elif tag == "block":
            bid = r.iri(el, "id", _("the block"))
            _unique(bid, "block", seen, r.name)
            what = _("the block '{0}'").format(bid)
            block = Block(bid, r.text_type(el, what, "title"), r.text_type(el, what, "description"))
            block.objectives = r.objective_refs(el, what, declared)
            block.children = _read_nodes(r, el, declared, seen, what)
            if not block.children:
                raise PackageError(capitalised(_("{0} holds no AU and no block.").format(what)))
            out.append(block)
    return out


def _unique(node_id: str, kind: str, seen: dict[str, str], name: str) -> None:
    if node_id in seen:
        other = seen[node_id]
        if other == kind == "AU":
            raise PackageError(_("The AU id '{0}' appears twice in {1}; each AU needs its own id.").format(node_id, name))
        if other == kind:
            raise PackageError(
                _("The block id '{0}' appears twice in {1}; each block needs its own id.").format(node_id, name))
        kinds = {"course": _("the course"), "AU": _("an AU"), "block": _("a block")}
        raise PackageError(_("The id '{0}' of {1} is also the id of {2} in {3}.").format(
            node_id, kinds[kind], kinds[other], name))
    seen[node_id] = kind


def _read_au(r: _Reader, el: ET.Element, declared: set[str], seen: dict[str, str]) -> AU:
    au_id = r.iri(el, "id", _("the AU"))
    _unique(au_id, "AU", seen, r.name)
    what = _("the AU '{0}'").format(au_id)
    kids = {_local(c.tag): c for c in reversed(r.kids(el))}
    url_el = kids.get("url")
    url = " ".join("".join(url_el.itertext()).split()) if url_el is not None else ""
    if not url:
        raise PackageError(capitalised(_("{0} has no launch <url> in {1}.").format(what, r.name)))
    move_on = el.get("moveOn", "NotApplicable").strip()
    if move_on not in MOVE_ON:
        raise PackageError(capitalised(
            _("{0} has moveOn '{1}'; it must be one of {2}.").format(what, move_on, ", ".join(MOVE_ON))))
    launch_method = el.get("launchMethod", "AnyWindow").strip()
    if launch_method not in LAUNCH_METHODS:
        raise PackageError(capitalised(
            _("{0} has launchMethod '{1}'; it must be AnyWindow or OwnWindow.").format(what, launch_method)))
    mastery: float | None = None
    raw = el.get("masteryScore")
    if raw is not None:
        try:
            dec = Decimal(raw.strip())
        except InvalidOperation:
            dec = None
        if dec is None or not dec.is_finite() or not (0 <= dec <= 1):
            raise PackageError(capitalised(
                _("{0} has masteryScore '{1}'; it must be a decimal from 0 to 1.").format(what, raw)))
        mastery = float(dec)
    activity_type = el.get("activityType")
    if activity_type is not None:
        activity_type = activity_type.strip()
        if not is_iri(activity_type):
            raise PackageError(capitalised(
                _("{0} has the activityType '{1}', which is not an IRI.").format(what, activity_type)))

    def text(tag: str) -> str | None:
        node = kids.get(tag)
        return "".join(node.itertext()).strip() if node is not None else None

    return AU(
        id=au_id,
        title=r.text_type(el, what, "title"),
        description=r.text_type(el, what, "description"),
        url=url,
        move_on=move_on,
        mastery_score=mastery,
        launch_method=launch_method,
        activity_type=activity_type or None,
        launch_parameters=text("launchParameters"),
        entitlement_key=text("entitlementKey"),
        objectives=r.objective_refs(el, what, declared),
    )
