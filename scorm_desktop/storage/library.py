"""The course library: packages imported atomically into the data folder, one database row each.

Plain Python, shared by the GUI (through the background helper) and the CLI.
"""

from __future__ import annotations

import json
import logging
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from ..media import probe as media_probe
from ..media.jobs import CourseJobs
from ..package.archive import ExtractCancelled, open_package
from ..package.model import Manifest, PackageError
from ..paths import DataPaths
from .db import utcnow
from .models import Course

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class CourseInfo:
    """A course as the rest of the app sees it (no ORM object leaves this module)."""

    id: int
    title: str
    identifier: str
    standard: str
    edition: str
    folder: Path
    source_name: str
    size_bytes: int
    sco_count: int
    imported_at: str
    warnings: list[str]
    manifest: Manifest
    #: What a launch does once the course was completed: "review" or "new-attempt".
    relaunch: str = "review"
    #: The course was removed from the library (its files are gone; its records were kept).
    removed: bool = False

    @property
    def scorm_version(self) -> str:
        """The run-time version the content talks: "1.2" or "2004"."""
        return "1.2" if self.standard == "scorm12" else "2004"

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "identifier": self.identifier,
            "standard": self.standard,
            "edition": self.edition,
            "scos": self.sco_count,
            "size_bytes": self.size_bytes,
            "source": self.source_name,
            "imported_at": self.imported_at,
            "warnings": self.warnings,
        }


@dataclass
class ImportOutcome:
    """What one import did: a new course, or the course that already holds the same package."""

    source: Path
    course: CourseInfo | None = None
    duplicate_of: CourseInfo | None = None
    #: The course this import updated or brought back (its id and records are kept).
    updated: CourseInfo | None = None
    warnings: list[str] = field(default_factory=list)
    #: Media files the player's engine cannot decode, with their codecs (converted in the background).
    media: list[media_probe.MediaFinding] = field(default_factory=list)


class Library:
    def __init__(self, paths: DataPaths, sessions: sessionmaker) -> None:
        self.paths = paths
        self.sessions = sessions

    # -- reading -------------------------------------------------------------------------------------------------
    def courses(self, include_removed: bool = False) -> list[CourseInfo]:
        with self.sessions() as s:
            q = select(Course).order_by(Course.id)
            if not include_removed:
                q = q.where(Course.removed_at.is_(None))
            return [self._info(c) for c in s.scalars(q)]

    def course(self, course_id: int) -> CourseInfo:
        with self.sessions() as s:
            row = s.get(Course, course_id)
            if row is None:
                raise KeyError(f"There is no course {course_id} in the library.")
            return self._info(row)

    def find(self, ref: str) -> CourseInfo:
        """A course by id, or by exact title or manifest identifier (for the CLI)."""
        if ref.isdigit():
            return self.course(int(ref))
        matches = [c for c in self.courses() if ref in (c.title, c.identifier)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise KeyError(f"There is no course '{ref}' in the library.")
        raise KeyError(f"Several courses match '{ref}'; give the course id instead.")

    def _info(self, row: Course) -> CourseInfo:
        return CourseInfo(
            id=row.id,
            title=row.title,
            identifier=row.identifier,
            standard=row.standard,
            edition=row.edition,
            folder=self.paths.course_folder(row.folder),
            source_name=row.source_name,
            size_bytes=row.size_bytes,
            sco_count=row.sco_count,
            imported_at=row.imported_at,
            warnings=json.loads(row.warnings_json),
            manifest=Manifest.from_dict(json.loads(row.manifest_json)),
            relaunch=row.relaunch or "review",
            removed=row.removed_at is not None,
        )

    def remove(self, course_id: int, delete_records: bool = False) -> None:
        """Take a course out of the library: its files always; its learners' records only when asked (otherwise they
        stay in reports, the dashboard and the sync queue, and importing the package again brings the course back
        with them)."""
        with self.sessions.begin() as s:
            row = s.get(Course, course_id)
            if row is None:
                raise KeyError(f"There is no course {course_id} in the library.")
            folder = row.folder
            if delete_records:
                s.delete(row)
            else:
                row.removed_at = utcnow()
        shutil.rmtree(self.paths.course_folder(folder), ignore_errors=True)
        log.info("removed course %s (%s)", course_id, "with its records" if delete_records else "records kept")

    def set_relaunch(self, course_id: int, relaunch: str) -> None:
        """What a launch does once the course was completed: "review" or "new-attempt"."""
        if relaunch not in ("review", "new-attempt"):
            raise ValueError(f"Unknown relaunch choice '{relaunch}'.")
        with self.sessions.begin() as s:
            row = s.get(Course, course_id)
            if row is None:
                raise KeyError(f"There is no course {course_id} in the library.")
            row.relaunch = relaunch

    # -- importing -----------------------------------------------------------------------------------------------
    def import_package(
        self,
        source: Path,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        update: bool = False,
    ) -> ImportOutcome:
        """Validate, extract into a staging folder, rename into place, then record it. Raises PackageError.

        With `update`, a package whose manifest identifier matches a course already in the library replaces that
        course's files, and learners keep their records for every SCO whose identifier still exists. A package
        identical to a removed course brings that course back with its records.

        A refusal or a crash at any point leaves the library as it was: the course folder only appears by one rename,
        and a folder without its database row is removed by `tidy()` at the next start.
        """
        source = Path(source)
        with open_package(source) as pkg:
            manifest = pkg.manifest()
            digest = pkg.content_hash()
            existing = self._by_hash(digest)
            if existing is not None and not existing.removed:
                return ImportOutcome(source, duplicate_of=existing, warnings=list(manifest.warnings))
            target = existing  # a removed course coming back
            if target is None and update:
                target = self._by_identifier(manifest.identifier)
                if target is None:
                    raise PackageError(
                        f"There is no course with the identifier '{manifest.identifier}' to update; "
                        "import it without --update to add it."
                    )
            folder_name = uuid.uuid4().hex
            self.paths.staging.mkdir(parents=True, exist_ok=True)
            staging = self.paths.staging / folder_name
            try:
                try:
                    pkg.extract(staging, progress=progress, cancelled=cancelled)
                except ExtractCancelled:
                    raise PackageError("The import was cancelled; nothing of it was kept.") from None
                except OSError as exc:
                    name = f" ('{exc.filename}')" if exc.filename else ""
                    raise PackageError(
                        f"The package could not be written into the library{name}: {exc.strerror or exc}."
                    ) from exc
                media, media_warning = _find_media(staging)
                final = self.paths.course_folder(folder_name)
                staging.rename(final)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            finally:
                _remove_if_empty(self.paths.staging)
            size = pkg.total_size
        try:
            warnings = list(manifest.warnings) + ([media_warning] if media_warning else [])
            if target is not None:
                course = self._replace(target, manifest, digest, folder_name, source.name, size, warnings)
            else:
                course = self._record(manifest, digest, folder_name, source.name, size, warnings)
        except BaseException:
            shutil.rmtree(self.paths.course_folder(folder_name), ignore_errors=True)
            raise
        if target is not None:
            if not target.removed:
                shutil.rmtree(target.folder, ignore_errors=True)
            log.info("course %s %s from %s", course.id, "restored" if target.removed else "updated", source)
            return ImportOutcome(source, course=course, warnings=warnings, media=media, updated=target)
        log.info("imported %s as course %s (%s)", source, course.id, course.title)
        return ImportOutcome(source, course=course, warnings=warnings, media=media)

    def _by_identifier(self, identifier: str) -> CourseInfo | None:
        with self.sessions() as s:
            row = s.scalars(
                select(Course).where(Course.identifier == identifier, Course.removed_at.is_(None)).order_by(Course.id)
            ).first()
            return self._info(row) if row is not None else None

    def _replace(
        self, target: CourseInfo, manifest: Manifest, digest: str, folder: str, source_name: str, size: int,
        warnings: list[str],
    ) -> CourseInfo:
        """Point an existing course row at new files (its id, and so every record, stays)."""
        with self.sessions.begin() as s:
            row = s.get(Course, target.id)
            row.title = manifest.title
            row.standard = manifest.standard
            row.edition = manifest.edition
            row.content_hash = digest
            row.folder = folder
            row.source_name = source_name
            row.size_bytes = size
            row.sco_count = sum(1 for i in manifest.launchable_items() if manifest.is_sco(i))
            row.imported_at = utcnow()
            row.manifest_json = json.dumps(manifest.to_dict())
            row.warnings_json = json.dumps(warnings)
            row.removed_at = None
            s.flush()
            return self._info(row)

    def _by_hash(self, digest: str) -> CourseInfo | None:
        with self.sessions() as s:
            row = s.scalars(select(Course).where(Course.content_hash == digest)).first()
            return self._info(row) if row is not None else None

    def _record(
        self, manifest: Manifest, digest: str, folder: str, source_name: str, size: int, warnings: list[str]
    ) -> CourseInfo:
        with self.sessions.begin() as s:
            row = Course(
                title=manifest.title,
                identifier=manifest.identifier,
                standard=manifest.standard,
                edition=manifest.edition,
                content_hash=digest,
                folder=folder,
                source_name=source_name,
                size_bytes=size,
                sco_count=sum(1 for i in manifest.launchable_items() if manifest.is_sco(i)),
                imported_at=utcnow(),
                manifest_json=json.dumps(manifest.to_dict()),
                warnings_json=json.dumps(warnings),
            )
            s.add(row)
            s.flush()
            return self._info(row)

    def tidy(self) -> list[Path]:
        """Remove what an interrupted import left in the staging folder; returns what was removed.

        A course folder that no database row names is kept: it may belong to the database as it was before a
        restore (the replaced database is kept beside it), so deleting it would make that database's courses
        unplayable. Such folders are only logged.
        """
        removed: list[Path] = []
        if self.paths.staging.exists():
            removed += [p for p in self.paths.staging.iterdir()]
            shutil.rmtree(self.paths.staging, ignore_errors=True)
        for p in removed:
            log.warning("removed leftover of an interrupted import: %s", p)
        if self.paths.courses.exists():
            with self.sessions() as s:
                known = set(s.scalars(select(Course.folder)))
            for child in self.paths.courses.iterdir():
                if child.is_dir() and not child.name.startswith(".") and child.name not in known:
                    log.info("course folder %s is not in this library's database; kept", child)
        return removed

def _find_media(folder: Path) -> tuple[list[media_probe.MediaFinding], str | None]:
    """Probe the extracted package's media and write its conversion plan (inside the folder, before the rename).
    Never refuses a package: a probe that fails is logged and reported as a warning."""
    try:
        found = media_probe.scan(folder)
    except media_probe.ProbeError as exc:
        log.warning("media of %s not probed: %s", folder, exc)
        return [], f"The package's audio and video could not be checked ({exc}); some may not play."
    todo = media_probe.needing_conversion(found)
    if todo:
        CourseJobs.plan(folder, todo)
    return todo, media_probe.warning_for(todo)


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


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass
