"""The manifest against the IMS/ADL schemas of its edition, shipped in resources/schemas/ (see its README for where
each set comes from and its licence). Never the network: schema locations the manifest declares are ignored, and
the validator may read local files only.

Validator: `xmlschema` (PyPI, MIT, pure Python; needs `elementpath`): it implements XSD 1.0 and 1.1 and validates an
already parsed ElementTree, so the manifest is parsed once, safely (defusedxml). The SCORM 1.2 schemas break XSD 1.0's
Unique Particle Attribution rule (IMS metadata), which XSD 1.1 relaxes: they are loaded as XSD 1.1.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..resources import resource_dir

#: Namespace -> schema file, per schema set.
_NS_2004 = {
    "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
    "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
    "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
    "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
    "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
    "http://ltsc.ieee.org/xsd/LOM": "lom.xsd",
}
_NS_12 = {
    "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
    "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1": "imsmd_rootv1p2p1.xsd",
}
_PREFIXES = {
    "http://www.imsglobal.org/xsd/imscp_v1p1": "", "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "",
    "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp:", "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp:",
    "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq:", "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav:",
    "http://www.imsglobal.org/xsd/imsss": "imsss:", "http://ltsc.ieee.org/xsd/LOM": "lom:",
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1": "imsmd:",
}
#: At most this many schema problems are reported one by one.
MAX_REPORTED = 12


def schema_set(standard: str, edition: str) -> str:
    """The folder under resources/schemas/ for an edition ("scorm12", "scorm2004-3rd", ...)."""
    if standard == "scorm12":
        return "scorm12"
    for key in ("2nd", "3rd", "4th"):
        if key in edition:
            return f"scorm2004-{key}"
    return "scorm2004-4th"


@lru_cache(maxsize=None)
def _schema(folder: str):
    import xmlschema

    base = resource_dir() / "schemas" / folder
    namespaces = _NS_12 if folder == "scorm12" else _NS_2004
    main = next(base / f for f in namespaces.values() if f.startswith("imscp"))
    locations = [(ns, str((base / f).resolve())) for ns, f in namespaces.items() if (base / f).is_file()]
    cls = xmlschema.XMLSchema11 if folder == "scorm12" else xmlschema.XMLSchema
    return cls(str(main.resolve()), locations=locations, allow="local", defuse="always")


def validate(root, standard: str, edition: str) -> tuple[str, list[tuple[str, str]]]:
    """(the schema set used, [(sentence, path)]) for a parsed manifest root element; [] when it is valid."""
    folder = schema_set(standard, edition)
    schema = _schema(folder)
    problems: list[tuple[str, str]] = []
    for error in schema.iter_errors(root, use_location_hints=False):
        path = short_path(str(error.path or ""))
        problems.append((_sentence(error, path), path))
    return folder, problems


def short_path(path: str) -> str:
    """'/{ns}manifest/{ns}organizations/{ns}organization' -> '/manifest/organizations/organization'."""
    return re.sub(r"\{([^}]*)\}", lambda m: _PREFIXES.get(m.group(1), "{" + m.group(1) + "}"), path)


def _sentence(error, path: str) -> str:
    reason = " ".join(str(error.reason or error.message or "invalid").split())
    reason = short_path(reason)
    if len(reason) > 220:
        reason = reason[:217] + "…"
    where = f" at {path}" if path else ""
    return f"The manifest does not follow the schema{where}: {reason.rstrip('.')}."


def schema_files(folder: str) -> list[Path]:
    return sorted((resource_dir() / "schemas" / folder).rglob("*.xsd"))
