"""The parts of a manifest: its resources (with xml:base and the launch href), its items (adlcp and the SCORM
2004 item elements) and its organizations (the default one chosen, or one built from the resources).

Plain Python, no Qt; manifest.py is the entry point.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..cmi.names import parse_float
from ..i18n import _
from .manifest_xml import _Context, _attr, _bool, _child, _children, _local, _raw_xml, _text, _xml_base
from .model import Item, Organization, Resource


_DRIVE = re.compile(r"^[A-Za-z]:")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


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
        ctx.warn(_("A resource in the manifest has no identifier; it is ignored."))
        return
    bases = (*outer_bases, _xml_base(el))
    href_attr = _attr(el, "href")
    href = _join_href(bases, href_attr) if href_attr and href_attr.strip() else None
    scorm_type = _attr(el, "scormtype")
    files = [_join_href(bases, f_href) for f in _children(el, "file") if (f_href := _attr(f, "href"))]
    deps = [d_ref.strip() for d in _children(el, "dependency") if (d_ref := _attr(d, "identifierref"))]
    if identifier in ctx.resources:
        ctx.warn(_("The manifest defines the resource '{0}' twice; the first definition is used.").format(identifier))
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
            _("Item '{0}' refers to resource '{1}', which the manifest does not define; it is skipped.").format(
                identifier, ref)
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
            ctx.warn(_("Item '{0}' has a mastery score '{1}' that is not a number; it is ignored.").format(
                item.title, mastery))
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
            _("The organization '{0}' has no identifier; it was given the identifier '{1}'.").format(
                raw_title or identifier, identifier)
        )
    items = [_read_item(c, ctx, f"{identifier}_item_{n + 1}") for n, c in enumerate(_children(el, "item"))]
    title = raw_title
    if not title:
        title = _lom_title(root) or (items[0].title if items else None) or _attr(root, "identifier") or identifier
        ctx.warn(_("The organization '{0}' has no title; the course is titled '{1}' instead.").format(identifier, title))
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
    if len(scos) == 1:
        sentence = _("The manifest defines no organization (no table of contents); the course was built from its "
                     "only SCO resource.")
    else:
        sentence = _("The manifest defines no organization (no table of contents); the course was built from its "
                     "{0} SCO resources in the order they are listed.")
    ctx.warn(sentence.format(len(scos)))
    return Organization(identifier="organization_1", title=course_title, items=items)


def _choose_default(orgs_el: ET.Element | None, orgs: list[Organization], ctx: _Context) -> Organization:
    default = (_attr(orgs_el, "default") or "").strip() if orgs_el is not None else ""
    for org in orgs:
        if default and org.identifier == default:
            return org
    first = orgs[0]
    if default:
        ctx.warn(
            _("The default organization '{0}' does not exist; the first organization, "
              "'{1}', is used instead.").format(default, first.title)
        )
    elif len(orgs) > 1:
        ctx.warn(_("The manifest names no default organization; the first one, '{0}', is used.").format(first.title))
    return first
