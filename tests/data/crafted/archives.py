"""Hostile packages for the import, parser and media-plan findings, generated here (never committed as binaries).

Each function writes one package into a folder the test gives and returns its path. They are small on disk: the
attacks live in headers, ratios and repetition, not in bulk.
"""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

MIB = 1024 * 1024

MANIFEST_12 = (
    '<?xml version="1.0"?><manifest identifier="{ident}" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"><metadata><schemaversion>1.2</schemaversion></metadata>'
    "{extra}"
    '<organizations default="o"><organization identifier="o"><title>{title}</title>'
    '<item identifier="i" identifierref="r"><title>Lesson</title></item></organization></organizations>'
    '<resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html">'
    '<file href="index.html"/></resource></resources></manifest>'
)
INDEX = b"<!doctype html><html><body>crafted</body></html>"


def manifest(ident: str = "crafted", title: str = "Crafted course", extra: str = "") -> bytes:
    return MANIFEST_12.format(ident=ident, title=title, extra=extra).encode()


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def planted_media_plan(folder: Path, victim: Path, depth: int = 8) -> Path:
    """A package carrying its own `.converted/jobs.json` whose entry points `depth` folders up and then at `victim`
    (an absolute path turned into `../../…/tmp/victim.wav`): the app's bookkeeping planted by content."""
    rel = "../" * depth + str(victim).lstrip("/")
    plan = {"version": 1, "files": [
        {"path": rel, "kind": "audio", "codecs": ["aac"], "duration": 1.0, "size": 10, "status": "pending"},
    ]}
    return _zip(folder / "planted-plan.zip", {
        "imsmanifest.xml": manifest("crafted.planted"),
        "index.html": INDEX,
        ".converted/jobs.json": json.dumps(plan).encode(),
        ".converted/index.html.webm": b"not a video: content must not be able to plant converted files either",
    })


def exact_mib_entries(folder: Path, count: int = 64) -> Path:
    """`count` entries of exactly 1 MiB of zeros (each ~1 KB compressed): the per-entry ratio check skipped them."""
    entries = {"imsmanifest.xml": manifest("crafted.mib"), "index.html": INDEX}
    entries.update({f"pad/{i:04d}.bin": bytes(MIB) for i in range(count)})
    return _zip(folder / "exact-mib.zip", entries)


def just_under_mib_entries(folder: Path, count: int = 64) -> Path:
    """Entries one byte under 1 MiB, never ratio-checked one by one: only a whole-archive cap sees the bomb."""
    entries = {"imsmanifest.xml": manifest("crafted.undermib"), "index.html": INDEX}
    entries.update({f"pad/{i:04d}.bin": bytes(MIB - 1) for i in range(count)})
    return _zip(folder / "under-mib.zip", entries)


def _filler(size: int, seed: int = 11) -> str:
    """Text that deflates about 70 times (256-character runs drawn from 64 random ones), like the reported 80 MB
    comment in a 1.1 MB ZIP: under the per-entry zip-bomb ratio, so only a manifest size cap refuses it."""
    rnd = random.Random(seed)
    runs = ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(256)) for _ in range(64)]
    return "".join(rnd.choice(runs) for _ in range(size // 256 + 1))[:size]


def huge_comment_manifest(folder: Path, comment_mib: int = 80) -> Path:
    """A manifest with a `comment_mib` MiB XML comment: parsing it was quadratic (208 s for 80 MiB)."""
    extra = "<!--" + _filler(comment_mib * MIB) + "-->"
    return _zip(folder / "huge-comment.zip", {"imsmanifest.xml": manifest("crafted.comment", extra=extra),
                                               "index.html": INDEX})


def big_manifest_within_limit(folder: Path, comment_kib: int = 4096) -> Path:
    """A manifest that is large but allowed (a long comment): its parsing takes long enough to be cancelled."""
    extra = "<!--" + _filler(comment_kib * 1024) + "-->"
    return _zip(folder / "big-manifest.zip", {"imsmanifest.xml": manifest("crafted.bigman", extra=extra),
                                               "index.html": INDEX})


def deep_nesting_manifest(folder: Path, depth: int = 990) -> Path:
    """A manifest whose items nest `depth` deep: reading them raised RecursionError (a traceback, exit 1)."""
    items = "".join(f'<item identifier="i{n}"><title>Level {n}</title>' for n in range(depth))
    items += '<item identifier="leaf" identifierref="r"><title>Leaf</title></item>' + "</item>" * depth
    xml = manifest("crafted.deep").replace(
        b'<item identifier="i" identifierref="r"><title>Lesson</title></item>', items.encode())
    return _zip(folder / "deep.zip", {"imsmanifest.xml": xml, "index.html": INDEX})
