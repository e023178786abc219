"""cmi5 and Tin Can packages: find their descriptor (cmi5.xml, tincan.xml), validate it against the package's files,
and describe the course as a `Manifest` the library stores like any other (standard "cmi5" or "xapi").

The archive layer (`package/archive.py`) calls `descriptor_root()` while indexing a package and `parse_descriptor()`
when asked for its manifest; `refuse_bare_descriptor()` answers for a lone XML file given instead of a package. The
whole course structure travels in `Manifest.course_structure`, so the launch and the LMS rules read it from the
library without another table. Plain Python, no Qt.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..i18n import _
from .model import Item, Manifest, Organization, PackageError, Resource
from .course_structure import (AU, Block, CourseStructure, capitalised, is_absolute_url, is_iri, local_path,
                        parse_course_structure, parse_xml)

CMI5_NAME = "cmi5.xml"
TINCAN_NAME = "tincan.xml"
STANDARD_CMI5 = "cmi5"
STANDARD_XAPI = "xapi"
EDITION_CMI5 = "cmi5"
EDITION_XAPI = "Tin Can"
_SCORM_MANIFEST = "imsmanifest.xml"
#: A bare descriptor larger than this is not read (a real one is a few hundred kilobytes at most).
_BARE_LIMIT = 16 * 1024 * 1024


def is_descriptor(name: str) -> bool:
    return posixpath.basename(name).lower() in (CMI5_NAME, TINCAN_NAME)


def descriptor_root(paths: Iterable[str]) -> tuple[str, str] | None:
    """(root folder, descriptor name as spelled) when the package is cmi5 (preferred) or Tin Can, else None.

    Like a SCORM manifest, the descriptor is at the top or in the one folder that holds every file. `paths` are the
    package's normalised entry paths without platform litter.
    """
    paths = list(paths)
    for wanted in (CMI5_NAME, TINCAN_NAME):
        found = sorted((p for p in paths if posixpath.basename(p).lower() == wanted), key=lambda p: p.count("/"))
        if not found:
            continue
        depth = found[0].count("/")
        if depth > 1 or len([p for p in found if p.count("/") == depth]) > 1:
            continue
        root = posixpath.dirname(found[0])
        if root and not all(p.startswith(root + "/") for p in paths):
            continue
        return root, posixpath.basename(found[0])
    return None


def parse_descriptor(data: bytes, files: set[str], name: str) -> Manifest:
    """The course a cmi5.xml or tincan.xml describes, checked against the package's files (relative to its root)."""
    if posixpath.basename(name).lower() == CMI5_NAME:
        return cmi5_manifest(parse_course_structure(data, name), files)
    return tincan_manifest(data, files, name)


def refuse_bare_descriptor(path: Path) -> None:
    """A lone cmi5.xml or tincan.xml given instead of a package: always refused, with the reason. Returns quietly
    when the file is something else (the caller goes on to say it is not a ZIP)."""
    if path.suffix.lower() != ".xml" or not path.is_file() or path.stat().st_size > _BARE_LIMIT:
        return
    data = path.read_bytes()
    head = data[:4096].decode("utf-8", "replace")
    if "courseStructure" in head:
        course = parse_course_structure(data, path.name)
        remote = [au for au in course.aus() if is_absolute_url(au.url)]
        if remote:
            raise PackageError(
                _("The course structure '{0}' launches its AUs from the web (such as '{1}'): it "
                  "needs the network, and SCORM Desktop plays courses offline from a ZIP that holds their files.")
                .format(path.name, remote[0].url)
            )
        raise PackageError(
            _("'{0}' is a cmi5 course structure without the course's files; import the course's ZIP instead.")
            .format(path.name)
        )
    if "<tincan" in head:
        raise PackageError(
            _("'{0}' is a Tin Can descriptor without the course's files; import the course's ZIP instead.")
            .format(path.name)
        )


# --------------------------------------------------------------------------------------------------- cmi5


def _check_launch(url: str, what: str, files: set[str]) -> str:
    """The package file a launch url names, or a refusal naming what is wrong with it."""
    if is_absolute_url(url):
        raise PackageError(capitalised(
            _("{0} is launched from '{1}', on the web: it needs the network, and SCORM Desktop plays "
              "courses offline from the files in their package.").format(what, url)
        ))
    path = local_path(url)
    if not path or path.startswith("../") or "/../" in f"/{path}/":
        raise PackageError(_("The launch URL '{0}' of {1} does not name a file inside the package.").format(url, what))
    if path not in files:
        lower = {f.lower(): f for f in files}
        hint = _(" (the package has '{0}': letter case differs)").format(lower[path.lower()]) \
            if path.lower() in lower else ""
        raise PackageError(_("The launch file '{0}' of {1} is missing from the package{2}.").format(path, what, hint))
    return path


def _query_and_fragment(url: str) -> str | None:
    rest = url.strip()
    for sep in ("?", "#"):
        if sep in rest:
            return rest[rest.index(sep):]
    return None


def cmi5_manifest(course: CourseStructure, files: set[str]) -> Manifest:
    resources: dict[str, Resource] = {}

    def item(node: AU | Block) -> Item:
        if isinstance(node, Block):
            return Item(identifier=node.id, title=node.title, children=[item(c) for c in node.children])
        ref = f"au-{len(resources) + 1}"
        path = _check_launch(node.url, _("the AU '{0}'").format(node.title), files)
        resources[ref] = Resource(identifier=ref, scorm_type="sco", href=path, files=[path])
        return Item(identifier=node.id, title=node.title, identifierref=ref, parameters=_query_and_fragment(node.url))

    items = [item(n) for n in course.children]
    org = Organization(identifier=course.id, title=course.title, items=items)
    warnings = []
    if any(f.lower() == _SCORM_MANIFEST for f in files):
        warnings.append(
            _("The package holds both a cmi5 course structure (cmi5.xml) and a SCORM manifest (imsmanifest.xml); "
              "it was imported as cmi5.")
        )
    return Manifest(
        identifier=course.id, standard=STANDARD_CMI5, edition=EDITION_CMI5, edition_guessed=False,
        organization=org, organizations=[org], resources=resources, warnings=warnings,
        course_structure={"kind": STANDARD_CMI5, **course.to_dict()},
    )


# --------------------------------------------------------------------------------------------------- Tin Can


def _text(el: Any) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def tincan_manifest(data: bytes, files: set[str], name: str = TINCAN_NAME) -> Manifest:
    """A Tin Can package per Rustici's tincan.xml: <tincan><activities><activity id type> with <name>,
    <description> and, on the launchable ones, <launch>."""
    root = parse_xml(data, name, "tincan")

    def kids(el: Any, tag: str) -> list:
        return [c for c in el if isinstance(c.tag, str) and c.tag.rsplit("}", 1)[-1] == tag]

    activities: list[dict[str, Any]] = []
    for group in kids(root, "activities"):
        for act in kids(group, "activity"):
            aid = (act.get("id") or "").strip()
            if not is_iri(aid):
                raise PackageError(_("An activity in {0} has the id '{1}', which is not an IRI (such as https://…).")
                                   .format(name, aid))
            if any(a["id"] == aid for a in activities):
                raise PackageError(_("The activity id '{0}' appears twice in {1}.").format(aid, name))
            atype = (act.get("type") or "").strip() or None
            if atype is not None and not is_iri(atype):
                raise PackageError(_("The activity '{0}' in {1} has the type '{2}', which is not an IRI.").format(
                    aid, name, atype))
            names = kids(act, "name")
            launches = kids(act, "launch")
            activities.append({
                "id": aid, "type": atype, "name": _text(names[0]) if names else aid,
                "description": _text(kids(act, "description")[0]) if kids(act, "description") else "",
                "launch": _text(launches[0]) if launches else None,
            })
    launchable = [a for a in activities if a["launch"]]
    if not launchable:
        raise PackageError(
            _("The file {0} names no activity with a <launch> file: there is nothing to play.").format(name))
    resources: dict[str, Resource] = {}
    items: list[Item] = []
    for n, act in enumerate(launchable, 1):
        path = _check_launch(act["launch"], _("the activity '{0}'").format(act["name"]), files)
        ref = f"act-{n}"
        resources[ref] = Resource(identifier=ref, scorm_type="sco", href=path, files=[path])
        items.append(Item(identifier=act["id"], title=act["name"], identifierref=ref,
                          parameters=_query_and_fragment(act["launch"])))
    main = launchable[0]
    org = Organization(identifier=main["id"], title=main["name"], items=items)
    warnings = []
    if any(f.lower() == _SCORM_MANIFEST for f in files):
        warnings.append(
            _("The package holds both a Tin Can descriptor (tincan.xml) and a SCORM manifest (imsmanifest.xml); "
              "it was imported as Tin Can.")
        )
    return Manifest(
        identifier=main["id"], standard=STANDARD_XAPI, edition=EDITION_XAPI, edition_guessed=False,
        organization=org, organizations=[org], resources=resources, warnings=warnings,
        course_structure={"kind": "tincan", "activities": activities},
    )
