"""What a package's entries may be, before anything is written: their names normalised and checked, the root that
holds imsmanifest.xml found, junk and the app's reserved names left out, other formats (cmi5, xAPI, AICC) refused;
the limits on count, size and compression ratio, and the writers that hold extraction to them.

Plain Python, no Qt; archive.py opens the packages.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NoReturn, Protocol

from ..i18n import GIB, _, human_size
from .manifest import MAX_DEPTH
from .model import Cancelled, PackageError


MANIFEST_NAME = "imsmanifest.xml"
#: Read size when streaming entries. zipfile's own extraction reads 64 KiB; 1 MiB reads made zlib work several times
#: harder (ZipExtFile re-copies the unconsumed input on every capped decompress call): 0.29 s instead of 0.03 s of
#: decompress time for 150 MiB (benchmarks/profiles/import.md).
BUFFER = 64 * 1024
#: Progress and cancel are reported once per this many bytes (and at the end of each file), not per read.
REPORT_EVERY = 1024 * 1024

ProgressCallback = Callable[[int, int], None]
CancelledCallback = Callable[[], bool]

_DRIVE = re.compile(r"^[A-Za-z]:")
#: Extraction creates every file new: never through a link, never over an existing file.
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
_AICC_SUFFIXES = (".au", ".crs", ".des", ".cst")
#: Names that are never package content (macOS and Windows litter); left out of files, hash and extraction.
_JUNK_DIRS = ("__MACOSX",)
_JUNK_FILES = (".ds_store", "thumbs.db", "desktop.ini")
#: Top-level names inside a course folder that belong to the app, never to the package (compared without case):
#: `.converted` holds converted media and their plan (media/jobs.py), `.scorm-desktop` what the import recorded.
#: Content carrying them is never read as the app's own: they are left out at import, with a warning.
RESERVED_NAMES = (".converted", ".scorm-desktop")


class ExtractCancelled(Cancelled):
    """`extract()` stopped because `cancelled()` returned True; the destination is left partly written."""


@dataclass(frozen=True)
class Limits:
    """Safety caps applied to every package."""

    max_total_size: int = 4 * GIB
    max_entries: int = 100_000
    #: Entries larger than `ratio_min_size` may not expand more than `max_ratio` times their compressed size.
    max_ratio: float = 200.0
    ratio_min_size: int = 1024 * 1024
    #: The whole archive may not expand more than `max_ratio` times its size on disk (once it unpacks to more than
    #: `ratio_min_size`): thousands of small, very compressible entries each pass the per-entry check.
    #: The manifest is read into memory and parsed: its size and element depth are capped.
    max_manifest_size: int = 16 * 1024 * 1024
    max_manifest_depth: int = MAX_DEPTH


# --------------------------------------------------------------------------------------------------- paths


def normalise_entry(name: str) -> str:
    """A safe package-relative path ("a/b.html") for an archive or folder entry name, or PackageError."""
    raw = name.replace("\\", "/")
    if "\x00" in raw:
        raise PackageError(
            _("The package entry '{0}' has a name with a NUL character, which is refused for safety.").format(name))
    if raw.startswith("/"):
        raise PackageError(_("The package entry '{0}' has an absolute path, which is refused for safety.").format(name))
    if _DRIVE.match(raw):
        raise PackageError(_("The package entry '{0}' names a drive letter, which is refused for safety.").format(name))
    parts = [p for p in raw.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise PackageError(
            _("The package entry '{0}' points outside the package ('..'), which is refused for safety.").format(name)
        )
    return "/".join(parts)


def _is_junk(path: str) -> bool:
    parts = path.split("/")
    return parts[0] in _JUNK_DIRS or parts[-1].lower() in _JUNK_FILES


def is_reserved(relpath: str) -> bool:
    """True for a package-relative path under a name the app reserves for itself (`RESERVED_NAMES`)."""
    return relpath.split("/", 1)[0].lower() in RESERVED_NAMES


def _find_root(paths: Iterable[str]) -> tuple[str, str] | None:
    """(root folder, manifest name) for the shallowest imsmanifest.xml, or None when there is none.

    Accepted: a manifest at the top, or a manifest in a folder that holds every file of the package
    (a ZIP of the course folder). Anything else is refused with a sentence naming where the manifest is.
    """
    paths = [p for p in paths if not _is_junk(p)]
    manifests = sorted((p for p in paths if posixpath.basename(p).lower() == MANIFEST_NAME), key=lambda p: p.count("/"))
    if not manifests:
        return None
    depth = manifests[0].count("/")
    shallowest = [m for m in manifests if m.count("/") == depth]
    if len(shallowest) > 1:
        listed = ", ".join(f"'{m}'" for m in shallowest[:3])
        raise PackageError(_("The package holds several manifests ({0}); import each course on its own.").format(listed))
    manifest = shallowest[0]
    root = posixpath.dirname(manifest)
    if root and not all(p.startswith(root + "/") for p in paths):
        raise PackageError(
            _("The package's imsmanifest.xml is in the folder '{0}', not at the top, "
              "and other files lie outside that folder.").format(root)
        )
    return root, posixpath.basename(manifest)


def _refuse_other_formats(paths: Iterable[str]) -> NoReturn:
    """No manifest: name the format when it is one we recognise, else say it is not SCORM."""
    top = {_top_name(p).lower() for p in paths if not _is_junk(p)}
    if "cmi5.xml" in top:
        raise PackageError(_("This is a cmi5 package; cmi5 is not supported yet."))
    if "tincan.xml" in top:
        raise PackageError(_("This is an xAPI (Tin Can) package; xAPI packages are not supported yet."))
    if any(name.endswith(_AICC_SUFFIXES) for name in top):
        raise PackageError(_("This is an AICC package; AICC is not supported yet."))
    raise PackageError(_("The package has no imsmanifest.xml: it is not a SCORM package."))


def _refuse_file_folder_clash(paths: Iterable[str]) -> None:
    """A path that is both a file and a folder ("a" and "a/b") cannot be unpacked."""
    paths = set(paths)
    for path in sorted(paths):
        parent = posixpath.dirname(path)
        while parent:
            if parent in paths:
                raise PackageError(
                    _("The package entry '{0}' is both a file and a folder, which is refused.").format(parent))
            parent = posixpath.dirname(parent)


def _top_name(path: str) -> str:
    """The file name when the path is at the top or inside a single top folder ("a.xml", "course/a.xml")."""
    parts = path.split("/")
    return parts[-1] if len(parts) <= 2 else ""


# --------------------------------------------------------------------------------------------------- streaming


class _Writable(Protocol):
    def write(self, data: bytes, /) -> int: ...


class _LimitedWriter:
    """A write-only wrapper that counts bytes and refuses more than the entry declared; the budget does the rest."""

    def __init__(self, dst: _Writable | None, entry: str, declared: int, budget: "_Budget") -> None:
        self.dst, self.entry, self.declared, self.budget = dst, entry, declared, budget
        self.written = 0

    def write(self, data: bytes) -> int:
        self.written += len(data)
        if self.written > self.declared:
            raise PackageError(
                _("The package entry '{0}' holds more data than its header declares; "
                  "it is refused as a likely zip bomb.").format(self.entry)
            )
        self.budget.add(len(data))
        if self.dst is not None:
            self.dst.write(data)
        return len(data)


class _Budget:
    """Bytes produced across a whole operation: total cap, progress and cancellation."""

    def __init__(
        self,
        total: int,
        limit: int,
        progress: ProgressCallback | None = None,
        cancelled: CancelledCallback | None = None,
    ) -> None:
        self.total, self.limit, self.progress, self.cancelled = total, limit, progress, cancelled
        self.done = 0
        self._reported = -REPORT_EVERY

    def add(self, n: int) -> None:
        self.done += n
        if self.done > self.limit:
            raise PackageError(_("The package unpacks to more than {0}, the size limit.").format(human_size(self.limit)))
        if self.done - self._reported >= REPORT_EVERY:
            self.report()

    def report(self) -> None:
        self._reported = self.done
        if self.progress is not None:
            self.progress(self.done, self.total)
        if self.cancelled is not None and self.cancelled():
            raise ExtractCancelled()

