"""What an import of the paths a user gave means: each path a package (ZIP or folder), or a folder of ZIPs."""

from __future__ import annotations

from pathlib import Path


def expand_sources(paths: list[Path]) -> list[Path]:
    """What to import for each path given: a ZIP or a package folder as it is; a folder that is no package (no
    imsmanifest.xml at its top) stands for every ZIP inside it, in name order."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir() and not any(p.name.lower() in _DESCRIPTORS for p in path.iterdir()):
            zips = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".zip")
            out.extend(zips if zips else [path])
        else:
            out.append(path)
    return out


#: The files that make a folder a package (SCORM, cmi5, Tin Can) rather than a folder of ZIPs.
_DESCRIPTORS = ("imsmanifest.xml", "cmi5.xml", "tincan.xml")
