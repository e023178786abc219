"""The parsed content package: what a manifest says, in plain Python.

This module only defines the data; `manifest.py` fills it from an imsmanifest.xml and `archive.py` reads packages.
Everything here is JSON-serialisable through `to_dict()` so the library can store it beside the course files.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


class PackageError(Exception):
    """A package was refused. `str(error)` is one sentence for a learner or trainer that names the problem."""


class Cancelled(Exception):
    """The caller's `cancelled()` turned True while a package was being read; nothing was kept."""


#: Values of `Manifest.standard`.
SCORM_12 = "scorm12"
SCORM_2004 = "scorm2004"


@dataclass
class Resource:
    identifier: str
    #: "sco" or "asset" (from adlcp:scormtype / adlcp:scormType); None when absent (treated as asset).
    scorm_type: str | None
    #: The resource's href with every xml:base (manifest, resources, resource) applied, package-relative, "/" separated,
    #: without parameters. None when the resource has no href.
    href: str | None
    files: list[str] = field(default_factory=list)
    dependencies: list[str] = field(default_factory=list)


@dataclass
class Item:
    identifier: str
    title: str
    #: The resource identifier named by identifierref, or None for a cluster (an item with children only).
    identifierref: str | None = None
    #: The item's `parameters` attribute as written (e.g. "?tc=1&act=2" or "#frag").
    parameters: str | None = None
    is_visible: bool = True
    #: adlcp:datafromlms (1.2) / adlcp:dataFromLMS (2004): becomes cmi.launch_data.
    data_from_lms: str | None = None
    #: 1.2 adlcp:masteryscore (0-100) as written.
    mastery_score: float | None = None
    #: 1.2 adlcp:maxtimeallowed (HHHH:MM:SS) / 2004 from imsss:limitConditions attemptAbsoluteDurationLimit.
    max_time_allowed: str | None = None
    #: adlcp:timelimitaction: "exit,message" | "exit,no message" | "continue,message" | "continue,no message".
    time_limit_action: str | None = None
    #: 2004 adlcp:completionThreshold: the value (4th ed. minProgressMeasure attribute, or element text in 3rd ed.).
    completion_threshold: float | None = None
    #: 1.2 adlcp:prerequisites text and its type attribute (the sequencing issue interprets them).
    prerequisites: str | None = None
    #: The adlcp:prerequisites `type` attribute as written (normally "aicc_script").
    prerequisites_type: str | None = None
    #: 2004 4th adlcp:completionThreshold completedByMeasure attribute (False when absent).
    completed_by_measure: bool = False
    #: 2004 4th adlcp:completionThreshold progressWeight attribute (None when absent; the spec default is 1.0).
    progress_weight: float | None = None
    #: 2004: imsss:sequencing of this item serialised back to XML text, or None. Kept raw for the sequencing engine.
    sequencing_xml: str | None = None
    #: 2004: adlnav:presentation hideLMSUI values, e.g. ["continue", "previous"].
    hide_lms_ui: list[str] = field(default_factory=list)
    #: 2004 4th: adlcp:data/adlcp:map entries: {"target_id":..., "read_shared_data": bool, "write_shared_data": bool}
    data_maps: list[dict[str, Any]] = field(default_factory=list)
    children: list["Item"] = field(default_factory=list)

    def walk(self):
        """This item and every descendant, depth first, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Organization:
    identifier: str
    title: str
    items: list[Item] = field(default_factory=list)
    #: imsss:sequencing directly on the organization, raw XML, or None.
    sequencing_xml: str | None = None
    objectives_global_to_system: bool = True
    shared_data_global_to_system: bool = True

    def walk(self):
        for item in self.items:
            yield from item.walk()


@dataclass
class Manifest:
    identifier: str
    #: SCORM_12 or SCORM_2004.
    standard: str
    #: "1.2", "2004 2nd Edition", "2004 3rd Edition" or "2004 4th Edition" (normalised).
    edition: str
    #: True when <schemaversion> was missing or unknown and the edition was guessed from the namespaces.
    edition_guessed: bool
    #: The organization that plays (the default one, else the first one).
    organization: Organization
    organizations: list[Organization]
    resources: dict[str, Resource]
    #: imsss:sequencingCollection as raw XML text, or None.
    sequencing_collection_xml: str | None = None
    #: Sentences for the user about things tolerated (e.g. "The default organization 'X' does not exist; ...").
    warnings: list[str] = field(default_factory=list)
    #: cmi5 / Tin Can packages: their whole course structure as plain data (scorm_desktop.cmi5); None for SCORM.
    course_structure: dict[str, Any] | None = None

    @property
    def title(self) -> str:
        return self.organization.title

    def launchable_items(self) -> list[Item]:
        """Items, in document order, that reference a resource with an href (SCOs and assets)."""
        out = []
        for item in self.organization.walk():
            res = self.resources.get(item.identifierref or "")
            if res is not None and res.href:
                out.append(item)
        return out

    def launch_url(self, item: Item) -> str:
        """Package-relative URL for an item: the resource href plus the item's parameters (query/fragment merged)."""
        res = self.resources[item.identifierref or ""]
        return join_parameters(res.href or "", item.parameters)

    def is_sco(self, item: Item) -> bool:
        res = self.resources.get(item.identifierref or "")
        return res is not None and (res.scorm_type or "").lower() == "sco"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Manifest":
        def item(d: dict[str, Any]) -> Item:
            d = dict(d)
            d["children"] = [item(c) for c in d.get("children", [])]
            return Item(**d)

        def org(d: dict[str, Any]) -> Organization:
            d = dict(d)
            d["items"] = [item(i) for i in d.get("items", [])]
            return Organization(**d)

        d = dict(data)
        d["organization"] = org(d["organization"])
        d["organizations"] = [org(o) for o in d.get("organizations", [])]
        d["resources"] = {k: Resource(**v) for k, v in d.get("resources", {}).items()}
        return cls(**d)


def join_parameters(href: str, parameters: str | None) -> str:
    """Apply an item's `parameters` to a resource href the way the CP book describes.

    Leading "?" or "&" is dropped, then the rest is appended with "&" if the href already has a query, "?" otherwise;
    a parameter string that starts with "#" is a fragment and is appended unless the href has one already.
    """
    if not parameters:
        return href
    p = parameters.strip()
    if not p:
        return href
    if p.startswith("#"):
        return href if "#" in href else href + p
    p = p.lstrip("?&")
    if not p:
        return href
    base, hash_, frag = href.partition("#")
    sep = "&" if "?" in base else "?"
    return base + sep + p + (hash_ + frag)
