"""Re-attach course folders the database does not know, after the database was replaced at start (a damaged,
missing or zero-length file restored from a backup, or a new library started): courses imported after the backup
come back instead of lying in the data folder unused. Plain Python, no Qt.

Each folder is read as a package (its manifest is in it; the app's own reserved folders are left out, so its
content hash is the one computed at import) and what the import recorded in it (`intents.read_course_record`) gives
back its source name and warnings. A folder whose package or manifest identifier matches a row whose own folder is
gone is pointed at by that row (its learners' records stay attached); any other becomes a new course.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..package.archive import open_package
from ..package.model import PackageError
from . import intents
from .models import Course

if TYPE_CHECKING:
    from .library import CourseInfo, Library

log = logging.getLogger(__name__)


def reattach_folders(library: "Library") -> list["CourseInfo"]:
    """Record every course folder no row names; returns the courses it attached."""
    courses = library.paths.courses
    if not courses.is_dir():
        return []
    with library.sessions() as s:
        found = list(s.scalars(select(Course).order_by(Course.id)))
        rows = [library._info(r) for r in found]
        hashes = {r.id: r.content_hash for r in found}
    named = {r.folder.name for r in rows}
    homeless = [r for r in rows if not r.folder.is_dir()]
    attached: list["CourseInfo"] = []
    for folder in sorted(p for p in courses.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if folder.name in named:
            continue
        try:
            with open_package(folder) as pkg:
                manifest = pkg.manifest()
                digest = pkg.content_hash()
                size = pkg.total_size
                extra = list(pkg.warnings)
        except PackageError as exc:
            log.warning("course folder %s was not re-attached: %s", folder, exc)
            continue
        record = intents.read_course_record(folder)
        source_name = record.get("source_name") if isinstance(record.get("source_name"), str) else folder.name
        warnings = record.get("warnings") if isinstance(record.get("warnings"), list) else extra + manifest.warnings
        taken = {a.id for a in attached}
        owner = next((r for r in homeless if r.id not in taken and hashes[r.id] == digest), None) or next(
            (r for r in homeless if r.id not in taken and r.identifier == manifest.identifier), None)
        if owner is not None:
            course = library._replace(owner, manifest, digest, folder.name, source_name, size, warnings)
        else:
            course = library._record(manifest, digest, folder.name, source_name, size, warnings)
        named.add(folder.name)
        attached.append(course)
        log.warning("re-attached the course folder %s as course %s (%s)", folder.name, course.id, course.title)
    return attached
