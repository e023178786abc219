"""Open a content package safely, from a ZIP file or a folder, without trusting anything in it.

Plain Python, no Qt. `open_package()` refuses what is not a regular file or a folder, checks every entry (no absolute
paths, `..`, drive letters, links or device files; caps on entry count, total size, and compression ratio per entry
and for the whole archive), finds imsmanifest.xml (at the top, or in the one folder that holds everything), and
refuses cmi5, xAPI and AICC packages by name. Names the app keeps its own bookkeeping under (`RESERVED_NAMES`) are
left out of the package, with a warning. The manifest is capped in size and depth. Extraction streams, re-checks the
sizes actually written (lying headers) and can report progress; every stage can be cancelled.
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
from .manifest import MAX_DEPTH, parse_manifest
from .model import Cancelled, Manifest, PackageError

MANIFEST_NAME = "imsmanifest.xml"
#: Read size when streaming entries. zipfile's own extraction reads 64 KiB; 1 MiB reads made zlib work several times
#: harder (ZipExtFile re-copies the unconsumed input on every capped decompress call): 0.29 s instead of 0.03 s of
#: decompress time for 150 MiB (benchmarks/profiles/import.md).
BUFFER = 64 * 1024
#: Progress and cancel are reported once per this many bytes (and at the end of each file), not per read.
REPORT_EVERY = 1024 * 1024
GIB = 1024**3

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
        self._reported = -REPORT_EVERY

    def add(self, n: int) -> None:
        self.done += n
        if self.done > self.limit:
            raise PackageError(f"The package unpacks to more than {_human(self.limit)}, the size limit.")
        if self.done - self._reported >= REPORT_EVERY:
            self.report()

    def report(self) -> None:
        self._reported = self.done
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
        #: Sentences about what was left out of the package (reserved names), for the import's warnings.
        self.warnings: list[str] = []
        #: Asked between stages and inside long ones (manifest parsing, hashing, extraction); True stops with Cancelled.
        self.cancelled: CancelledCallback | None = None
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
        reserved = sorted({p.split("/", 1)[0] for p in self._sizes if is_reserved(p)})
        for name in reserved:
            self.warnings.append(
                f"The package's own '{name}' folder was left out: that name is reserved for the app's own files."
            )
        if reserved:
            self._sizes = {p: size for p, size in self._sizes.items() if not is_reserved(p)}
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

    def head(self, relpath: str, size: int) -> bytes:
        """The first `size` bytes of one file (b"" when it cannot be read: extraction reports that)."""
        try:
            with self._open(relpath) as src:
                return src.read(size)
        except (PackageError, OSError, zipfile.BadZipFile, zlib.error, EOFError, KeyError):
            return b""

    def read(self, relpath: str) -> bytes:
        """The whole content of one file (for small files such as the manifest)."""
        buf = io.BytesIO()
        self._stream(relpath, buf, _Budget(self._sizes.get(relpath, 0), self.limits.max_total_size))
        return buf.getvalue()

    def manifest(self) -> Manifest:
        """The parsed manifest, with the launch-file checks against `files` (cached). Refused when it is larger or
        nests deeper than the limits (one sentence); `self.cancelled` is asked while it is parsed."""
        if self._manifest is None:
            size = self._sizes.get(self.manifest_name, 0)
            if size > self.limits.max_manifest_size:
                raise PackageError(
                    f"The manifest {self.manifest_name} is {_human(size)}, more than the "
                    f"{_human(self.limits.max_manifest_size)} a manifest may be."
                )
            if xapi_package.is_descriptor(self.manifest_name):  # cmi5.xml or tincan.xml (scorm_desktop/cmi5)
                self._manifest = xapi_package.parse_descriptor(
                    self.read(self.manifest_name), self.files, self.manifest_name
                )
            else:
                self._manifest = parse_manifest(
                    self.read(self.manifest_name), self.files, self.manifest_name,
                    max_depth=self.limits.max_manifest_depth, cancelled=self.cancelled,
                )
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
            if self.cancelled is not None and self.cancelled():
                raise Cancelled()
            outer.update(b"%s\x00%d\x00%08x\n" % (relpath.encode("utf-8"), self._sizes[relpath], self._crc32(relpath)))
        return outer.hexdigest()

    def _crc32(self, relpath: str) -> int:
        """CRC-32 of one file's content (streamed; subclasses may know it without reading)."""
        writer = _CrcWriter()
        budget = _Budget(self._sizes.get(relpath, 0), self.limits.max_total_size, cancelled=self.cancelled)
        self._stream(relpath, writer, budget)
        return writer.crc

    def extract(
        self,
        dest: Path,
        progress: ProgressCallback | None = None,
        cancelled: CancelledCallback | None = None,
        first: Iterable[str] = (),
        after_first: Callable[[], None] | None = None,
    ) -> None:
        """Write every file under `dest` (created if needed), streaming; progress(done_bytes, total_bytes). The files
        in `first` are written before the others, then `after_first()` is called (the import starts probing media
        while the rest is extracted).

        Raises ExtractCancelled when `cancelled()` turns True, PackageError on a damaged or hostile entry; in both
        cases `dest` is left partly written (extract into a temporary folder and rename it).
        """
        dest = Path(dest)
        dest.mkdir(parents=True, exist_ok=True)
        base = dest.resolve()
        cancelled = cancelled or self.cancelled
        budget = _Budget(self.total_size, self.limits.max_total_size, progress, cancelled)
        if cancelled is not None and cancelled():
            raise ExtractCancelled()
        early = [p for p in first if p in self._sizes]
        folders: set[Path] = {base}
        for n, relpath in enumerate([*early, *sorted(self.files.difference(early))]):
            if n == len(early) and after_first is not None:
                after_first()
            # Entry names are normalised (no absolute path, drive or ".."), so the target is lexically inside; each
            # folder is resolved once to be sure no link leads out, and each file is created new (O_EXCL, no link
            # followed). This replaced a resolve() per file, a tenth of the extraction time for media-heavy packages.
            target = base / relpath
            parent = target.parent
            if parent not in folders:
                parent.mkdir(parents=True, exist_ok=True)
                real = parent.resolve()
                if real != base and base not in real.parents:
                    raise PackageError(f"The package entry '{relpath}' would be written outside the destination.")
                folders.add(parent)
            with os.fdopen(os.open(target, _CREATE_FLAGS, 0o644), "wb") as out:
                self._stream(relpath, out, budget)
            budget.report()
        if after_first is not None and len(early) == len(self.files):
            after_first()
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
            self._check_whole_ratio()
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
        if info.file_size >= limits.ratio_min_size and (
            info.compress_size <= 0 or info.file_size / info.compress_size > limits.max_ratio
        ):
            raise PackageError(
                f"The package entry '{path}' expands more than {limits.max_ratio:g} times its compressed size; "
                "it is refused as a likely zip bomb."
            )

    def _check_whole_ratio(self) -> None:
        """Thousands of entries each under the per-entry check can still be a bomb: cap the archive as a whole."""
        # Compared with the entries' compressed sizes, not the file's: padding the ZIP with junk must not help.
        total = sum(info.file_size for info in self._members.values())
        packed = max(1, sum(info.compress_size for info in self._members.values()))
        if total >= self.limits.ratio_min_size and total / packed > self.limits.max_ratio:
            raise PackageError(
                f"The package unpacks to {_human(total)} from {_human(packed)} of compressed data, more than "
                f"{self.limits.max_ratio:g} times as much; it is refused as a likely zip bomb."
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

    def __init__(self, path: Path, limits: Limits, cancelled: CancelledCallback | None = None) -> None:
        super().__init__(path, limits)
        self.cancelled = cancelled
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
            if self.cancelled is not None and self.cancelled():
                raise Cancelled()
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


def open_package(
    path: Path | str, limits: Limits | None = None, cancelled: CancelledCallback | None = None
) -> PackageSource:
    """Open a ZIP file or a folder as a package; PackageError (one sentence) when it is refused. `cancelled` is kept
    on the package and asked at every later stage (reading the folder, the manifest, hashing, extraction)."""
    path = Path(path)
    limits = limits or Limits()
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise PackageError(f"'{path.name}' does not exist.") from None
    except OSError as exc:
        raise PackageError(f"'{path.name}' cannot be read ({exc.strerror or exc}).") from None
    if stat.S_ISDIR(mode):
        pkg: PackageSource = FolderPackage(path.resolve(), limits, cancelled)
    elif stat.S_ISREG(mode):  # a device (/dev/urandom), pipe or socket would be read for ever
        xapi_package.refuse_bare_descriptor(path)
        pkg = ZipPackage(path, limits)
    else:
        raise PackageError(
            f"'{path.name}' is not a regular file or a folder; only ZIP files and package folders can be imported."
        )
    pkg.cancelled = cancelled
    return pkg
