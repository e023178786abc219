"""Open a content package safely, from a ZIP file or a folder, without trusting anything in it.

Plain Python, no Qt. `open_package()` checks every entry (no absolute paths, `..`, drive letters, links or device
files; caps on entry count, total size and compression ratio), finds imsmanifest.xml (at the top, or in the one
folder that holds everything), and refuses cmi5, xAPI and AICC packages by name. Extraction streams, re-checks the
sizes actually written (lying headers) and can report progress and be cancelled.
"""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import re
import shutil
import stat
import zipfile
import zlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NoReturn, Protocol

from ..cmi5 import package as xapi_package
from .manifest import parse_manifest
from .model import Manifest, PackageError

MANIFEST_NAME = "imsmanifest.xml"
BUFFER = 1024 * 1024
GIB = 1024**3

ProgressCallback = Callable[[int, int], None]
CancelledCallback = Callable[[], bool]

_DRIVE = re.compile(r"^[A-Za-z]:")
_AICC_SUFFIXES = (".au", ".crs", ".des", ".cst")
#: Names that are never package content (macOS and Windows litter); left out of files, hash and extraction.
_JUNK_DIRS = ("__MACOSX",)
_JUNK_FILES = (".ds_store", "thumbs.db", "desktop.ini")


class ExtractCancelled(Exception):
    """`extract()` stopped because `cancelled()` returned True; the destination is left partly written."""


@dataclass(frozen=True)
class Limits:
    """Safety caps applied to every package."""

    max_total_size: int = 4 * GIB
    max_entries: int = 100_000
    #: Entries larger than `ratio_min_size` may not expand more than `max_ratio` times their compressed size.
    max_ratio: float = 200.0
    ratio_min_size: int = 1024 * 1024


# --------------------------------------------------------------------------------------------------- paths


def normalise_entry(name: str) -> str:
    """A safe package-relative path ("a/b.html") for an archive or folder entry name, or PackageError."""
    raw = name.replace("\\", "/")
    if "\x00" in raw:
        raise PackageError(f"The package entry '{name}' has a name with a NUL character, which is refused for safety.")
    if raw.startswith("/"):
        raise PackageError(f"The package entry '{name}' has an absolute path, which is refused for safety.")
    if _DRIVE.match(raw):
        raise PackageError(f"The package entry '{name}' names a drive letter, which is refused for safety.")
    parts = [p for p in raw.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise PackageError(
            f"The package entry '{name}' points outside the package ('..'), which is refused for safety."
        )
    return "/".join(parts)


def _is_junk(path: str) -> bool:
    parts = path.split("/")
    return parts[0] in _JUNK_DIRS or parts[-1].lower() in _JUNK_FILES


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
        raise PackageError(f"The package holds several manifests ({listed}); import each course on its own.")
    manifest = shallowest[0]
    root = posixpath.dirname(manifest)
    if root and not all(p.startswith(root + "/") for p in paths):
        raise PackageError(
            f"The package's imsmanifest.xml is in the folder '{root}', not at the top, "
            "and other files lie outside that folder."
        )
    return root, posixpath.basename(manifest)


def _refuse_other_formats(paths: Iterable[str]) -> NoReturn:
    """No manifest: name the format when it is one we recognise, else say it is not SCORM."""
    top = {_top_name(p).lower() for p in paths if not _is_junk(p)}
    if "cmi5.xml" in top:
        raise PackageError("This is a cmi5 package; cmi5 is not supported yet.")
    if "tincan.xml" in top:
        raise PackageError("This is an xAPI (Tin Can) package; xAPI packages are not supported yet.")
    if any(name.endswith(_AICC_SUFFIXES) for name in top):
        raise PackageError("This is an AICC package; AICC is not supported yet.")
    raise PackageError("The package has no imsmanifest.xml: it is not a SCORM package.")


def _refuse_file_folder_clash(paths: Iterable[str]) -> None:
    """A path that is both a file and a folder ("a" and "a/b") cannot be unpacked."""
    paths = set(paths)
    for path in sorted(paths):
        parent = posixpath.dirname(path)
        while parent:
            if parent in paths:
                raise PackageError(f"The package entry '{parent}' is both a file and a folder, which is refused.")
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
                f"The package entry '{self.entry}' holds more data than its header declares; "
                "it is refused as a likely zip bomb."
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

    def add(self, n: int) -> None:
        self.done += n
        if self.done > self.limit:
            raise PackageError(f"The package unpacks to more than {_human(self.limit)}, the size limit.")
        if self.progress is not None:
            self.progress(self.done, self.total)
        if self.cancelled is not None and self.cancelled():
            raise ExtractCancelled()


def _human(size: int) -> str:
    if size >= GIB:
        return f"{size / GIB:.1f} GiB"
    return f"{size / (1024 * 1024):.1f} MiB"


# --------------------------------------------------------------------------------------------------- sources


class PackageSource(ABC):
    """A package opened for reading; paths are relative to `root` (the folder holding imsmanifest.xml)."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        #: Folder inside the archive/folder that holds the manifest: "" or e.g. "course".
        self.root = ""
        #: The manifest's file name as spelled in the package (e.g. "IMSManifest.xml").
        self.manifest_name = MANIFEST_NAME
        #: Package files relative to `root`, "/" separated (no folders, no __MACOSX/.DS_Store litter).
        self.files: set[str] = set()
        #: Declared uncompressed size of `files`, in bytes.
        self.total_size = 0
        self._sizes: dict[str, int] = {}
        self._manifest: Manifest | None = None

    # --- subclass hooks
    @abstractmethod
    def _open(self, relpath: str) -> BinaryIO:
        """A binary stream over one file (relative to root)."""

    def close(self) -> None:
        """Release the underlying file (no-op for folders)."""

    def __enter__(self) -> "PackageSource":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- shared set-up
    def _index(self, entries: dict[str, int]) -> None:
        """Keep the entries (normalised path -> declared size), find the root, refuse other formats."""
        found = xapi_package.descriptor_root(p for p in entries if not _is_junk(p)) or _find_root(entries)
        if found is None:
            _refuse_other_formats(entries)
        _refuse_file_folder_clash(entries)
        self.root, self.manifest_name = found
        prefix = self.root + "/" if self.root else ""
        self._sizes = {p[len(prefix):]: size for p, size in entries.items() if p.startswith(prefix) and not _is_junk(p)}
        self.files = set(self._sizes)
        self.total_size = sum(self._sizes.values())
        if self.total_size > self.limits.max_total_size:
            raise PackageError(
                f"The package unpacks to {_human(self.total_size)}, more than the "
                f"{_human(self.limits.max_total_size)} size limit."
            )

    # --- public API
    def _stream(self, relpath: str, dst: _Writable | None, budget: _Budget) -> None:
        if relpath not in self._sizes:
            raise PackageError(f"The package has no file '{relpath}'.")
        writer = _LimitedWriter(dst, relpath, self._sizes[relpath], budget)
        try:
            with self._open(relpath) as src:
                shutil.copyfileobj(src, writer, BUFFER)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise PackageError(
                f"The package entry '{relpath}' is damaged: its data does not match its header ({exc})."
            ) from None
        if writer.written != self._sizes[relpath]:
            raise PackageError(f"The package entry '{relpath}' is damaged: its size does not match its header.")

    def read(self, relpath: str) -> bytes:
        """The whole content of one file (for small files such as the manifest)."""
        buf = io.BytesIO()
        self._stream(relpath, buf, _Budget(self._sizes.get(relpath, 0), self.limits.max_total_size))
        return buf.getvalue()

    def manifest(self) -> Manifest:
        """The parsed manifest, with the launch-file checks against `files` (cached)."""
        if self._manifest is None and xapi_package.is_descriptor(self.manifest_name):
            self._manifest = xapi_package.parse_descriptor(self.read(self.manifest_name), self.files, self.manifest_name)
        if self._manifest is None:
            self._manifest = parse_manifest(self.read(self.manifest_name), self.files, self.manifest_name)
        return self._manifest

    def content_hash(self) -> str:
        """Identity of the package content, equal for the same package as a ZIP or a folder: sha256 over the sorted
        (path, size, CRC-32) of every file.

        A ZIP's central directory already holds each entry's CRC-32 (and extraction verifies it), so a ZIP is
        identified without decompressing anything and an import makes a single pass over the data. It serves
        duplicate detection, not security: a package forged to match another is only reported as a duplicate.
        """
        outer = hashlib.sha256()
        for relpath in sorted(self.files):
            outer.update(b"%s\x00%d\x00%08x\n" % (relpath.encode("utf-8"), self._sizes[relpath], self._crc32(relpath)))
        return outer.hexdigest()

    def _crc32(self, relpath: str) -> int:
        """CRC-32 of one file's content (streamed; subclasses may know it without reading)."""
        writer = _CrcWriter()
        self._stream(relpath, writer, _Budget(self._sizes.get(relpath, 0), self.limits.max_total_size))
        return writer.crc

    def extract(
        self,
        dest: Path,
        progress: ProgressCallback | None = None,
        cancelled: CancelledCallback | None = None,
    ) -> None:
        """Write every file under `dest` (created if needed), streaming; progress(done_bytes, total_bytes).

        Raises ExtractCancelled when `cancelled()` turns True, PackageError on a damaged or hostile entry; in both
        cases `dest` is left partly written (extract into a temporary folder and rename it).
        """
        dest = Path(dest)
        dest.mkdir(parents=True, exist_ok=True)
        base = dest.resolve()
        budget = _Budget(self.total_size, self.limits.max_total_size, progress, cancelled)
        if cancelled is not None and cancelled():
            raise ExtractCancelled()
        for relpath in sorted(self.files):
            target = (base / relpath).resolve()
            if base != target and base not in target.parents:
                raise PackageError(f"The package entry '{relpath}' would be written outside the destination.")
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as out:
                self._stream(relpath, out, budget)
        if progress is not None:
            progress(budget.done, self.total_size)

    def iter_files(self) -> Iterator[tuple[str, int]]:
        """(relpath, declared size) for every file, sorted by path."""
        for relpath in sorted(self._sizes):
            yield relpath, self._sizes[relpath]


class _CrcWriter:
    def __init__(self) -> None:
        self.crc = 0

    def write(self, data: bytes) -> int:
        self.crc = zlib.crc32(data, self.crc)
        return len(data)


class ZipPackage(PackageSource):
    """A package in a ZIP file."""

    def __init__(self, path: Path, limits: Limits) -> None:
        super().__init__(path, limits)
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise PackageError(f"'{path.name}' is not a ZIP archive.") from None
        try:
            self._members = self._check_entries(self._zip.infolist())
            self._index({p: info.file_size for p, info in self._members.items()})
        except BaseException:
            self._zip.close()
            raise

    def _check_entries(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        if len(infos) > self.limits.max_entries:
            raise PackageError(
                f"The package has {len(infos):,} entries, more than the limit of {self.limits.max_entries:,}."
            )
        members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            path = normalise_entry(info.filename)
            if info.is_dir() or not path:
                continue
            self._check_entry(info, path)
            if path in members:
                raise PackageError(f"The package entry '{path}' appears twice in the ZIP, which is refused.")
            members[path] = info
        return members

    def _check_entry(self, info: zipfile.ZipInfo, path: str) -> None:
        mode = info.external_attr >> 16
        kind = stat.S_IFMT(mode)
        if kind == stat.S_IFLNK:
            raise PackageError(f"The package entry '{path}' is a symbolic link, which is refused for safety.")
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise PackageError(f"The package entry '{path}' is a device or special file, which is refused for safety.")
        if info.flag_bits & 0x1:
            raise PackageError(
                f"The package entry '{path}' is encrypted; password-protected packages are not supported."
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
            raise PackageError(
                f"The package entry '{path}' uses a compression method (number {info.compress_type}) this app cannot "
                "read; re-create the ZIP with standard compression."
            )
        limits = self.limits
        if info.file_size > limits.ratio_min_size and (
            info.compress_size <= 0 or info.file_size / info.compress_size > limits.max_ratio
        ):
            raise PackageError(
                f"The package entry '{path}' expands more than {limits.max_ratio:g} times its compressed size; "
                "it is refused as a likely zip bomb."
            )

    def _open(self, relpath: str) -> BinaryIO:
        prefix = self.root + "/" if self.root else ""
        return self._zip.open(self._members[prefix + relpath])  # type: ignore[return-value]

    def _crc32(self, relpath: str) -> int:
        prefix = self.root + "/" if self.root else ""
        return self._members[prefix + relpath].CRC

    def close(self) -> None:
        self._zip.close()


class FolderPackage(PackageSource):
    """A package already unpacked in a folder (links and special files are refused, never followed)."""

    def __init__(self, path: Path, limits: Limits) -> None:
        super().__init__(path, limits)
        try:
            entries = self._scan()
        except OSError as exc:
            raise PackageError(f"The folder '{path.name}' cannot be read ({exc.strerror or exc}).") from None
        self._index(entries)

    def _scan(self) -> dict[str, int]:
        entries: dict[str, int] = {}
        stack = [("", self.path)]
        while stack:
            rel, folder = stack.pop()
            with os.scandir(folder) as it:
                for entry in it:
                    relpath = f"{rel}/{entry.name}" if rel else entry.name
                    st = entry.stat(follow_symlinks=False)
                    if stat.S_ISLNK(st.st_mode):
                        raise PackageError(
                            f"The package file '{relpath}' is a symbolic link, which is refused for safety."
                        )
                    if stat.S_ISDIR(st.st_mode):
                        stack.append((relpath, Path(entry.path)))
                    elif stat.S_ISREG(st.st_mode):
                        entries[relpath] = st.st_size
                    else:
                        raise PackageError(
                            f"The package file '{relpath}' is a device or special file, which is refused for safety."
                        )
                    if len(entries) > self.limits.max_entries:
                        raise PackageError(f"The package has more than {self.limits.max_entries:,} files, the limit.")
        return entries

    def _open(self, relpath: str) -> BinaryIO:
        full = self.path / self.root / relpath if self.root else self.path / relpath
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(full, flags)
        except OSError as exc:
            raise PackageError(f"The package file '{relpath}' cannot be read ({exc.strerror}).") from None
        return os.fdopen(fd, "rb")


def open_package(path: Path | str, limits: Limits | None = None) -> PackageSource:
    """Open a ZIP file or a folder as a package; PackageError (one sentence) when it is refused."""
    path = Path(path)
    limits = limits or Limits()
    if path.is_dir():
        path = path.resolve()
        return FolderPackage(path, limits)
    if not path.exists():
        raise PackageError(f"'{path.name}' does not exist.")
    xapi_package.refuse_bare_descriptor(path)
    return ZipPackage(path, limits)
