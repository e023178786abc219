"""Hand-written SCORM 2004 manifests for the sequencing tests: a few lines of XML per activity."""

from __future__ import annotations

from scorm_desktop.package.manifest import parse_manifest
from scorm_desktop.package.model import Manifest
from scorm_desktop.sequencing import ActivityTree, Sequencer

NS = (
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" '
    'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" '
    'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"'
)


def seq(body: str = "", attrs: str = "") -> str:
    return f"<imsss:sequencing {attrs}>{body}</imsss:sequencing>"


def leaf(ident: str, sequencing: str = "", extra: str = "", attrs: str = "") -> str:
    return f'<item identifier="{ident}" identifierref="r" {attrs}><title>{ident}</title>{extra}{sequencing}</item>'


def cluster(ident: str, children: list[str], sequencing: str = "", attrs: str = "") -> str:
    return f'<item identifier="{ident}" {attrs}><title>{ident}</title>{"".join(children)}{sequencing}</item>'


FLOW = seq('<imsss:controlMode choice="true" flow="true"/>')


def manifest(children: list[str], org_sequencing: str = FLOW, collection: str = "", org_attrs: str = "") -> Manifest:
    xml = f"""<?xml version="1.0"?>
<manifest identifier="m" version="1" {NS}>
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org" {org_attrs}><title>Course</title>
    {"".join(children)}{org_sequencing}
  </organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="a.html"><file href="a.html"/>
  </resource></resources>
  {f"<imsss:sequencingCollection>{collection}</imsss:sequencingCollection>" if collection else ""}
</manifest>"""
    return parse_manifest(xml.encode())


def sequencer(children: list[str], org_sequencing: str = FLOW, collection: str = "", org_attrs: str = "",
              seed: int = 1) -> Sequencer:
    m = manifest(children, org_sequencing, collection, org_attrs)
    s = Sequencer(ActivityTree.from_manifest(m, seed=seed))
    s.test_manifest = m  # type: ignore[attr-defined]  # lets a test build a fresh tree (save, quit, reopen)
    return s


PASSED = {"cmi.completion_status": "completed", "cmi.success_status": "passed"}
FAILED = {"cmi.completion_status": "completed", "cmi.success_status": "failed"}
COMPLETED = {"cmi.completion_status": "completed"}
INCOMPLETE = {"cmi.completion_status": "incomplete"}


def finish(s: Sequencer, values: dict[str, str], request: str = "continue", target: str | None = None):
    """The learner ends the current SCO with these values and asks for `request`."""
    assert s.current_activity is not None
    s.report(s.current_activity, values)
    return s.navigate(request, target)
