"""What the start does for course folders a crash or a lost database left without their row. Plain Python, no Qt.

`finish_interrupted_imports`: an import killed between renaming its folder into place and committing its row left an
intent record (`intents`); the import is finished from it, or its folder removed when it can no longer be recorded.

`reattach_folders`: after the database was replaced at start (a damaged, missing or zero-length file restored from a
backup, or a new library started), courses imported after the backup come back instead of lying in the data folder
unused.

Each folder is read as a package (its manifest is in it; the app's own reserved folders are left out, so its
content hash is the one computed at import) and what the import recorded in it (`intents.read_course_record`) gives
back its source name and warnings. A folder whose package or manifest identifier matches a row whose own folder is
gone is pointed at by that row (its learners' records stay attached); any other becomes a new course.
"""

from __future__ import annotations

import logging
import shutil
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..package.model import Manifest, PackageError
from ..storage import intents
from ..storage.models import Course

if TYPE_CHECKING:
    from .courses import CourseInfo, Library

log = logging.getLogger(__name__)


def finish_interrupted_imports(library: "Library") -> list[str]:
    """Finish (or undo) every import whose intent record no living process holds; returns their folder names."""
    handled: list[str] = []
    for orphan in intents.orphans(library.paths.courses):
        try:
            _finish_one(library, orphan.data)
        except Exception:  # never stop the start for this: the folder stays and is logged by tidy
            log.exception("the interrupted import into %s could not be finished", orphan.folder)
        else:
            handled.append(orphan.folder)
        orphan.remove()
    return handled


def _finish_one(library: "Library", data: dict) -> None:
    folder = data["folder"]
    path = library.paths.course_folder(folder)
    with library.sessions() as s:
        recorded = s.scalars(select(Course.id).where(Course.folder == folder)).first() is not None
        old = data.get("target_folder")
        old_named = bool(old) and s.scalars(select(Course.id).where(Course.folder == old)).first() is not None
    if recorded:  # the row was committed; only the replaced files may be left
        if old and old != folder and not old_named:
            shutil.rmtree(library.paths.course_folder(old), ignore_errors=True)
        return
    if not path.is_dir():  # killed before the rename: the staging leftover is tidied
        return
    manifest = Manifest.from_dict(data["manifest"])
    args = (manifest, data["hash"], folder, data["source_name"], int(data["size"]), list(data["warnings"]))
    target = None
    if data.get("target_id") is not None:
        try:
            target = library.course(int(data["target_id"]))
        except KeyError:
            target = None
        if target is None or target.folder.name != old:  # the course changed since: this import is stale
            log.warning("removed the files of an interrupted update (course %s changed since)", data["target_id"])
            shutil.rmtree(path, ignore_errors=True)
            return
    elif (dup := library._by_hash(data["hash"])) is not None and not dup.removed:
        log.warning("removed the files of an interrupted import: course %s holds the same package", dup.id)
        shutil.rmtree(path, ignore_errors=True)
        return
    course = library._commit(target, *args)
    log.warning("finished the import of %s that was interrupted (course %s)", data["source_name"], course.id)


def reattach_folders(library: "Library") -> list["CourseInfo"]:
    """Record every course folder no row names; returns the courses it attached."""
    from ..package.archive import open_package  # rare (after a restore): not loaded by every start's tidy

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
