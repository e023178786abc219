"""The course library: packages imported atomically into the data folder, one database row each.

Plain Python, shared by the GUI (through the background helper) and the CLI.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from ..i18n import _
from ..package.model import Cancelled, Manifest, PackageError
from ..paths import DataPaths
from ..storage import intents
from ..storage.backup import REATTACH_REQUEST
from ..storage.db import utcnow
from ..storage.models import Course

if TYPE_CHECKING:  # the import path's modules load when a package is imported, not when the library opens (`play`)
    from ..media import probe as media_probe

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
#: Test-only: set to a stage name ("after-rename") to make an import print `paused at STAGE` to stderr and sleep there,
#: so a test can SIGKILL it at that exact point. Nothing reads it otherwise.
PAUSE_ENV = "SCORM_DESKTOP_TEST_PAUSE_IMPORT"


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
    #: The user allowed the course's pages to reach the internet (off by default: content is untrusted).
    allow_network: bool = False

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
            "allow_network": self.allow_network,
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
    #: What happened, in a word: "imported", "duplicate", "updated", or "restored" (a removed course came back).
    status: str = "imported"


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
                raise KeyError(_("There is no course {0} in the library.").format(course_id))
            return self._info(row)

    def find(self, ref: str) -> CourseInfo:
        """A course by id, or by exact title or manifest identifier (for the CLI)."""
        if ref.isdigit():
            return self.course(int(ref))
        matches = [c for c in self.courses() if ref in (c.title, c.identifier)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise KeyError(_("There is no course '{0}' in the library.").format(ref))
        raise KeyError(_("Several courses match '{0}'; give the course id instead.").format(ref))

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
            allow_network=bool(row.allow_network),
        )

    def remove(self, course_id: int, delete_records: bool = False) -> None:
        """Take a course out of the library: its files always; its learners' records only when asked (otherwise they
        stay in reports, the dashboard and the sync queue, and importing the package again brings the course back
        with them)."""
        with self.sessions.begin() as s:
            row = s.get(Course, course_id)
            if row is None:
                raise KeyError(_("There is no course {0} in the library.").format(course_id))
            folder = row.folder
            if delete_records:
                s.delete(row)
            elif row.removed_at is None:  # removing it again keeps the first removal's time
                row.removed_at = utcnow()
        shutil.rmtree(self.paths.course_folder(folder), ignore_errors=True)
        log.info("removed course %s (%s)", course_id, "with its records" if delete_records else "records kept")

    def set_relaunch(self, course_id: int, relaunch: str) -> None:
        """What a launch does once the course was completed: "review" or "new-attempt"."""
        if relaunch not in ("review", "new-attempt"):
            raise ValueError(_("Unknown relaunch choice '{0}'.").format(relaunch))
        with self.sessions.begin() as s:
            row = s.get(Course, course_id)
            if row is None:
                raise KeyError(_("There is no course {0} in the library.").format(course_id))
            row.relaunch = relaunch

    def set_network(self, course_id: int, allowed: bool) -> None:
        """Whether the course's pages may reach the internet (http(s), ws(s)); off by default."""
        if not isinstance(allowed, bool):
            raise ValueError(_("'Allow internet access' is true or false, not {0!r}.").format(allowed))
        with self.sessions.begin() as s:
            row = s.get(Course, course_id)
            if row is None:
                raise KeyError(_("There is no course {0} in the library.").format(course_id))
            row.allow_network = int(allowed)

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

        A refusal, a cancel or a crash at any point leaves the library as it was or finishes the import at the next
        start: the course folder only appears by one rename, after an intent record (see `intents`) that lets
        `tidy()` finish or undo an import killed between that rename and its database row.
        """
        source = Path(source)
        from ..dispatch.receive import import_if_dispatch  # a dispatch file: its licence checked, then its course

        if (dispatched := import_if_dispatch(self, source, progress, cancelled)) is not None:
            return dispatched
        try:
            return self._import(source, progress, cancelled, update)
        except Cancelled:
            raise PackageError(_("The import was cancelled; nothing of it was kept.")) from None

    def _import(
        self, source: Path, progress: Progress | None, cancelled: Callable[[], bool] | None, update: bool
    ) -> ImportOutcome:
        from ..media import probe as media_probe
        from ..package.archive import open_package

        with open_package(source, cancelled=cancelled) as pkg:
            manifest = pkg.manifest()
            digest = pkg.content_hash()
            existing = self._by_hash(digest)
            warnings = list(pkg.warnings) + list(manifest.warnings)
            if existing is not None and not existing.removed:
                return ImportOutcome(source, duplicate_of=existing, warnings=warnings, status="duplicate")
            target = existing  # a removed course coming back
            if target is None and update:
                target = self._by_identifier(manifest.identifier)
                if target is None:
                    raise PackageError(
                        _("There is no course with the identifier '{0}' to update; "
                          "import it without --update to add it.").format(manifest.identifier)
                    )
            folder_name = uuid.uuid4().hex
            self.paths.staging.mkdir(parents=True, exist_ok=True)
            staging = self.paths.staging / folder_name
            media_files, for_ffmpeg = _media_files(pkg)
            # Containers whose headers sniff.py cannot read go to FFmpeg: its child process starts now, loads FFmpeg
            # while the package is extracted, and probes them (extracted first) while the rest is written.
            probe = media_probe.ProbeSession.start() if for_ffmpeg else None
            try:
                try:
                    pkg.extract(
                        staging, progress=progress, cancelled=cancelled, first=for_ffmpeg,
                        after_first=(lambda: probe.submit(staging, for_ffmpeg)) if probe else None,
                    )
                except OSError as exc:
                    name = f" ('{exc.filename}')" if exc.filename else ""
                    raise PackageError(
                        _("The package could not be written into the library{0}: {1}.").format(
                            name, exc.strerror or exc)
                    ) from exc
                media, media_warning = _find_media(staging, media_files, for_ffmpeg, probe, cancelled)
                if media_warning:
                    warnings.append(media_warning)
                record = {
                    "hash": digest, "source_name": source.name, "size": pkg.total_size, "warnings": warnings,
                    "imported_at": utcnow(),
                }
                intents.write_course_record(staging, record)
                if cancelled is not None and cancelled():  # the last moment a cancel can undo everything
                    raise Cancelled()
                intent = intents.Intent(self.paths.courses, folder_name, {
                    **record, "manifest": manifest.to_dict(),
                    "target_id": target.id if target else None,
                    "target_folder": target.folder.name if target else None,
                    "target_removed": bool(target and target.removed),
                })
                try:
                    staging.rename(self.paths.course_folder(folder_name))
                except BaseException:
                    intent.done()
                    raise
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            finally:
                if probe is not None:
                    probe.close()
                _remove_if_empty(self.paths.staging)
        _pause_for_tests("after-rename")
        try:
            course = self._commit(target, manifest, digest, folder_name, source.name, pkg.total_size, warnings)
        except BaseException:
            shutil.rmtree(self.paths.course_folder(folder_name), ignore_errors=True)
            intent.done()
            raise
        intent.done()
        if target is not None:
            log.info("course %s %s from %s", course.id, "restored" if target.removed else "updated", source)
            return ImportOutcome(source, course=course, warnings=warnings, media=media, updated=target,
                                 status="restored" if target.removed else "updated")
        log.info("imported %s as course %s (%s)", source, course.id, course.title)
        return ImportOutcome(source, course=course, warnings=warnings, media=media)

    def _commit(
        self, target: CourseInfo | None, manifest: Manifest, digest: str, folder: str, source_name: str, size: int,
        warnings: list[str],
    ) -> CourseInfo:
        """The database row of a course folder already renamed into place; then the replaced files go."""
        if target is None:
            return self._record(manifest, digest, folder, source_name, size, warnings)
        course = self._replace(target, manifest, digest, folder, source_name, size, warnings)
        if not target.removed and target.folder.name != folder:
            shutil.rmtree(target.folder, ignore_errors=True)
        return course

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
        self.finish_interrupted_imports()  # imports killed between their rename and their row (library/recovery.py)
        self._reattach_if_requested()  # folders a database replaced at start does not know (library/recovery.py)
        removed = self._tidy_staging()
        if self.paths.courses.exists():
            with self.sessions() as s:
                known = set(s.scalars(select(Course.folder)))
            for child in self.paths.courses.iterdir():
                if child.is_dir() and not child.name.startswith(".") and child.name not in known:
                    log.info("course folder %s is not in this library's database; kept", child)
        return removed

    # -- recovery ------------------------------------------------------------------------------------------------
    def finish_interrupted_imports(self) -> list[str]:
        """Deal with the imports a killed process left between renaming a course folder into place and recording it
        (their intent records; records held by a live import in another process are left alone). A folder whose
        row is missing is recorded now (the import finishes); one that can no longer be recorded is removed.
        Returns the folder names it dealt with."""
        from .recovery import finish_interrupted_imports

        return finish_interrupted_imports(self)

    def _reattach_if_requested(self) -> None:
        """After the database was replaced at start (backup.check_at_start), take back the course folders it does
        not know (library/recovery.py)."""
        marker = self.paths.root / REATTACH_REQUEST
        if marker.exists():
            from .recovery import reattach_folders

            reattach_folders(self)
            marker.unlink(missing_ok=True)

    def _tidy_staging(self) -> list[Path]:
        """Remove the staging folders of imports no living process runs: each process extracts into
        `courses/.staging-<its owner token>/`; another living process's folder is its import in progress and stays."""
        from .. import owners
        from ..paths import STAGING_PREFIX

        removed: list[Path] = []
        if not self.paths.courses.is_dir():
            return removed
        for folder in self.paths.courses.iterdir():
            name = folder.name
            if not folder.is_dir() or not (name == STAGING_PREFIX or name.startswith(STAGING_PREFIX + "-")):
                continue
            owner = name[len(STAGING_PREFIX) + 1:] or None
            if owners.held_by_another(self.paths.root, owner):
                log.info("staging folder %s belongs to a running import; kept", folder)
                continue
            removed += list(folder.iterdir())
            shutil.rmtree(folder, ignore_errors=True)
        for p in removed:
            log.warning("removed leftover of an interrupted import: %s", p)
        return removed


def _pause_for_tests(stage: str) -> None:
    """Test-only hook (see PAUSE_ENV): inert unless that variable names this stage."""
    if os.environ.get(PAUSE_ENV) == stage:
        print(f"paused at {stage}", file=sys.stderr, flush=True)
        time.sleep(600)


def _media_files(pkg) -> tuple[list[str], list[str]]:
    """(the package's files that are audio or video by name and by their first bytes, those of them whose container
    only FFmpeg reads), both read from the package before extraction."""
    from ..media import probe as media_probe
    from ..media.sniff import quick_container

    media: list[str] = []
    for_ffmpeg: list[str] = []
    for rel in sorted(pkg.files):
        if Path(rel).suffix.lower() not in media_probe.MEDIA_SUFFIXES:
            continue
        head = pkg.head(rel, media_probe.HEAD_SIZE)
        if media_probe.looks_like_media(head):
            media.append(rel)
            if not quick_container(head):
                for_ffmpeg.append(rel)
    return media, for_ffmpeg


def _find_media(
    folder: Path, rels: list[str], for_ffmpeg: list[str], session: media_probe.ProbeSession | None,
    cancelled: Callable[[], bool] | None,
) -> tuple[list[media_probe.MediaFinding], str | None]:
    """What the media files hold (from their headers, or from the FFmpeg probe started during extraction), and the
    conversion plan written from it (inside the folder, before the rename). Never refuses a package: a probe that
    fails is logged and reported as a warning. Raises Cancelled."""
    from ..media import probe as media_probe
    from ..media.jobs import CourseJobs

    if not rels:
        return [], None
    if cancelled is not None and cancelled():
        raise Cancelled()
    try:
        found, late = media_probe.quick_findings(folder, [r for r in rels if r not in for_ffmpeg])
        if session is not None:
            found += session.result(cancelled=cancelled)
        if late:  # a known container with something unusual inside: FFmpeg after all
            found += media_probe.ProbeSession.start().probe(folder, late, cancelled=cancelled)
    except media_probe.ProbeError as exc:
        log.warning("media of %s not probed: %s", folder, exc)
        return [], _("The package's audio and video could not be checked ({0}); some may not play.").format(exc)
    todo = media_probe.needing_conversion(sorted(found, key=lambda f: f.path))
    if todo:
        CourseJobs.plan(folder, todo)
    return todo, media_probe.warning_for(todo)


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass
