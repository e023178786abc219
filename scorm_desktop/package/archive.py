"""Open a content package safely, from a ZIP file or a folder, without trusting anything in it.

Plain Python, no Qt. `open_package()` refuses what is not a regular file or a folder, checks every entry (no absolute
paths, `..`, drive letters, links or device files; caps on entry count, total size, and compression ratio per entry
and for the whole archive), finds imsmanifest.xml (at the top, or in the one folder that holds everything), and
refuses cmi5, xAPI and AICC packages by name. Names the app keeps its own bookkeeping under (`RESERVED_NAMES`) are
left out of the package, with a warning. The manifest is capped in size and depth. Extraction streams, re-checks the
sizes actually written (lying headers) and can report progress; every stage can be cancelled.

The entries' rules and limits are entries.py; the sources (a ZIP file, a folder) are here.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import stat
import zipfile
import zlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..i18n import _, human_size
from . import descriptor as xapi_package
from .entries import (
    BUFFER,
    CancelledCallback,
    ExtractCancelled,
    Limits,
    MANIFEST_NAME,
    ProgressCallback,
    _Budget,
    _CREATE_FLAGS,
    _LimitedWriter,
    _Writable,
    _find_root,
    _is_junk,
    _refuse_file_folder_clash,
    _refuse_other_formats,
    is_reserved,
    normalise_entry,
)
from .manifest import parse_manifest
from .model import Cancelled, Manifest, PackageError


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
                _("The package's own '{0}' folder was left out: that name is reserved for the app's own files.")
                .format(name)
            )
        if reserved:
            self._sizes = {p: size for p, size in self._sizes.items() if not is_reserved(p)}
        self.files = set(self._sizes)
        self.total_size = sum(self._sizes.values())
        if self.total_size > self.limits.max_total_size:
            raise PackageError(_("The package unpacks to {0}, more than the {1} size limit.").format(
                human_size(self.total_size), human_size(self.limits.max_total_size)))

    # --- public API
    def _stream(self, relpath: str, dst: _Writable | None, budget: _Budget) -> None:
        if relpath not in self._sizes:
            raise PackageError(_("The package has no file '{0}'.").format(relpath))
        writer = _LimitedWriter(dst, relpath, self._sizes[relpath], budget)
        try:
            with self._open(relpath) as src:
                shutil.copyfileobj(src, writer, BUFFER)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise PackageError(
                _("The package entry '{0}' is damaged: its data does not match its header ({1}).").format(relpath, exc)
            ) from None
        if writer.written != self._sizes[relpath]:
            raise PackageError(
                _("The package entry '{0}' is damaged: its size does not match its header.").format(relpath))

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
                raise PackageError(_("The manifest {0} is {1}, more than the {2} a manifest may be.").format(
                    self.manifest_name, human_size(size), human_size(self.limits.max_manifest_size)))
            if xapi_package.is_descriptor(self.manifest_name):  # cmi5.xml or tincan.xml (package/descriptor.py)
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
                    raise PackageError(
                        _("The package entry '{0}' would be written outside the destination.").format(relpath))
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
            raise PackageError(_("'{0}' is not a ZIP archive.").format(path.name)) from None
        try:
            self._members = self._check_entries(self._zip.infolist())
            self._check_whole_ratio()
            self._index({p: info.file_size for p, info in self._members.items()})
        except BaseException:
            self._zip.close()
            raise

    def _check_entries(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        if len(infos) > self.limits.max_entries:
            raise PackageError(_("The package has {0:,} entries, more than the limit of {1:,}.").format(
                len(infos), self.limits.max_entries))
        members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            path = normalise_entry(info.filename)
            if info.is_dir() or not path:
                continue
            self._check_entry(info, path)
            if path in members:
                raise PackageError(
                    _("The package entry '{0}' appears twice in the ZIP, which is refused.").format(path))
            members[path] = info
        return members

    def _check_entry(self, info: zipfile.ZipInfo, path: str) -> None:
        mode = info.external_attr >> 16
        kind = stat.S_IFMT(mode)
        if kind == stat.S_IFLNK:
            raise PackageError(
                _("The package entry '{0}' is a symbolic link, which is refused for safety.").format(path))
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise PackageError(
                _("The package entry '{0}' is a device or special file, which is refused for safety.").format(path))
        if info.flag_bits & 0x1:
            raise PackageError(
                _("The package entry '{0}' is encrypted; password-protected packages are not supported.").format(path)
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
            raise PackageError(
                _("The package entry '{0}' uses a compression method (number {1}) this app cannot "
                  "read; re-create the ZIP with standard compression.").format(path, info.compress_type)
            )
        limits = self.limits
        if info.file_size >= limits.ratio_min_size and (
            info.compress_size <= 0 or info.file_size / info.compress_size > limits.max_ratio
        ):
            raise PackageError(
                _("The package entry '{0}' expands more than {1:g} times its compressed size; "
                  "it is refused as a likely zip bomb.").format(path, limits.max_ratio)
            )

    def _check_whole_ratio(self) -> None:
        """Thousands of entries each under the per-entry check can still be a bomb: cap the archive as a whole."""
        # Compared with the entries' compressed sizes, not the file's: padding the ZIP with junk must not help.
        total = sum(info.file_size for info in self._members.values())
        packed = max(1, sum(info.compress_size for info in self._members.values()))
        if total >= self.limits.ratio_min_size and total / packed > self.limits.max_ratio:
            raise PackageError(
                _("The package unpacks to {0} from {1} of compressed data, more than "
                  "{2:g} times as much; it is refused as a likely zip bomb.").format(
                    human_size(total), human_size(packed), self.limits.max_ratio)
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
            raise PackageError(
                _("The folder '{0}' cannot be read ({1}).").format(path.name, exc.strerror or exc)) from None
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
                            _("The package file '{0}' is a symbolic link, which is refused for safety.").format(relpath)
                        )
                    if stat.S_ISDIR(st.st_mode):
                        stack.append((relpath, Path(entry.path)))
                    elif stat.S_ISREG(st.st_mode):
                        entries[relpath] = st.st_size
                    else:
                        raise PackageError(
                            _("The package file '{0}' is a device or special file, which is refused for safety.")
                            .format(relpath)
                        )
                    if len(entries) > self.limits.max_entries:
                        raise PackageError(
                            _("The package has more than {0:,} files, the limit.").format(self.limits.max_entries))
        return entries

    def _open(self, relpath: str) -> BinaryIO:
        full = self.path / self.root / relpath if self.root else self.path / relpath
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(full, flags)
        except OSError as exc:
            raise PackageError(
                _("The package file '{0}' cannot be read ({1}).").format(relpath, exc.strerror)) from None
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
        raise PackageError(_("'{0}' does not exist.").format(path.name)) from None
    except OSError as exc:
        raise PackageError(_("'{0}' cannot be read ({1}).").format(path.name, exc.strerror or exc)) from None
    if stat.S_ISDIR(mode):
        pkg: PackageSource = FolderPackage(path.resolve(), limits, cancelled)
    elif stat.S_ISREG(mode):  # a device (/dev/urandom), pipe or socket would be read for ever
        xapi_package.refuse_bare_descriptor(path)
        pkg = ZipPackage(path, limits)
    else:
        raise PackageError(
            _("'{0}' is not a regular file or a folder; only ZIP files and package folders can be imported.")
            .format(path.name)
        )
    pkg.cancelled = cancelled
    return pkg
