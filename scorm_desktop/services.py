"""Everything the GUI and the CLI share, opened in one place and passed in explicitly (no global app object)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.orm import sessionmaker

from . import launch, owners
from .i18n import _, plural
from .library.courses import Library
from .package.model import PackageError
from .paths import DataPaths
from .resources import sample_course_dir
from .settings import Settings
from .storage import backup
from .storage.db import open_engine, session_factory
from .storage.records import LearnerInfo, Records
from .sync.bundles import this_device_id
from .xapi import StatementBuilder, XapiOptions

if TYPE_CHECKING:  # the sync engine and dispatch load when a sync runs, not when the data folder opens (`play`)
    from .sync.engine import SyncEngine
    from .sync.settings import SyncSettings

log = logging.getLogger(__name__)

SAMPLE_MARKER = ".sample-imported"


@dataclass
class Services:
    paths: DataPaths
    engine: Engine
    sessions: sessionmaker
    library: Library
    records: Records
    settings: Settings
    #: Sentences for the user about what happened while opening (a damaged database restored, ...).
    notices: list[str] = field(default_factory=list)

    def active_learner(self) -> LearnerInfo:
        """The learner the window records for (created on first use)."""
        return self.records.learner(self.settings.active_learner)

    def find_active_learner(self) -> LearnerInfo | None:
        """The active learner if there is one yet (never creates one: showing status must not add a learner)."""
        learners = self.records.learners()
        if self.settings.active_learner:
            return next((lr for lr in learners if lr.name == self.settings.active_learner), None)
        return min(learners, key=lambda lr: lr.id, default=None)

    def save_settings(self) -> None:
        self.settings.save(self.paths.settings_file)

    def maintenance(self) -> list[str]:
        """The start-up work whose cost grows with the library, for after the first page is shown (the app runs it
        on its Worker; `open_services(deferred=False)` runs it at once): the integrity check, the daily backup and
        the refresh of summaries an older version made. Returns sentences for the user (empty: all well)."""
        notices: list[str] = []
        if not self._maintained:
            self._maintained = True
            notices += _check_open_database(self.paths)
            backup.routine_backup(self.paths.database, self.paths.backups)
            refreshed = self.records.refresh_stale_summaries()
            if refreshed:
                log.info("refreshed %s stale attempt summaries", refreshed)
            _catch_up_counters(self)
        self.notices += notices
        return notices

    _maintained: bool = field(default=False, repr=False)

    def sync_engine(self, cfg: SyncSettings, password: str | None, **options) -> SyncEngine:
        """The sync engine with the app's work before each run: the trusted dispatch issuers' revocation lists are
        fetched and applied (and the dispatch statement counters catch up first). Sync sits below dispatch, so the
        step is given here rather than imported by the engine. `options`: SyncEngine's keywords."""
        from .dispatch.remote import refresh_revocations
        from .sync.engine import SyncEngine

        return SyncEngine(self.sessions, cfg, password, steps=(refresh_revocations,), **options)

    def close(self) -> None:
        self.engine.dispose()
        owners.release(self.paths.root)


def open_services(paths: DataPaths, with_sample: bool = True, *, deferred: bool = False) -> Services:
    """Open the data folder: migrate the database, tidy interrupted imports, finish sessions a crash left open, and
    import the bundled sample course on the very first run.

    `deferred=True` (the app window and `play`): nothing whose cost grows with the library runs here; the caller runs
    `services.maintenance()` once the first page is shown. Otherwise it runs before this returns, and a damaged
    database is set aside and its newest sound backup restored before it is opened."""
    paths.ensure()
    owners.claim(paths.root)  # held until close(): what this process runs is not "left open" to others
    notices = backup.apply_restore_request(paths.root, paths.database)
    if deferred:
        if backup.is_blank(paths.database):  # cheap, so never deferred: a lost database is restored before use
            notices += backup.check_at_start(paths.database, paths.backups)
        try:
            return _open(paths, notices, with_sample, deferred=True)
        except SQLAlchemyDatabaseError:
            # Damaged where start-up reads it: do what a full start does (set it aside, restore the newest backup).
            log.exception("the database could not be opened; checking it as a full start does")
    notices += backup.check_at_start(paths.database, paths.backups)
    backup.routine_backup(paths.database, paths.backups)
    return _open(paths, notices, with_sample, deferred=False)


def _open(paths: DataPaths, notices: list[str], with_sample: bool, deferred: bool) -> Services:
    engine = open_engine(paths.database, paths.backups)
    try:
        sessions = session_factory(engine)
        settings = Settings.load(paths.settings_file)
        services = Services(
            paths=paths,
            engine=engine,
            sessions=sessions,
            library=Library(paths, sessions),
            # Every accepted value is mapped to xAPI statements in the same transaction (see scorm_desktop/xapi).
            records=Records(sessions, StatementBuilder(XapiOptions.from_settings(settings, this_device_id(sessions)))),
            settings=settings,
            notices=notices,
            _maintained=not deferred,
        )
        if not deferred:
            services.records.refresh_stale_summaries()
            _catch_up_counters(services)
        services.library.tidy()
        recovered = launch.recover(services.library, services.records)
        if recovered:
            log.warning("finished %s session(s) left open by an earlier crash", recovered)
            services.notices.append(plural(
                recovered,
                _("{0} course session was still open when SCORM Desktop last stopped; what the learner did was kept "
                  "and they resume where they left off."),
                _("{0} course sessions were still open when SCORM Desktop last stopped; what the learners did was "
                  "kept and they resume where they left off."),
            ))
        _recover_cmi5_sessions(services)
        if with_sample:
            import_sample_once(services)
    except BaseException:
        engine.dispose()
        raise
    return services


def _catch_up_counters(services: Services) -> None:
    """The dispatch statement counters kept beside the database catch up with it (a process killed between a commit
    and the file's update left the file behind), at every start and not only before a sync: a USB export
    (`export-records`) sends numbers too, and a later restore must never give one of them out again."""
    from .storage.dispatch_sequence import catch_up

    catch_up(services.sessions)


def _recover_cmi5_sessions(services: Services) -> None:
    """cmi5 AU sessions a crash left open get their "abandoned" statement, once (scorm_desktop/cmi5/lms.py)."""
    from sqlalchemy import bindparam, text

    from .cmi5 import OPEN_STATES

    with services.sessions() as s:  # plain SQL: the LRS tables' mappings load only when there is something to do
        left_open = s.execute(text("SELECT EXISTS (SELECT 1 FROM cmi5_sessions WHERE state IN :states)").bindparams(
            bindparam("states", expanding=True)), {"states": list(OPEN_STATES)}).scalar()
    if not left_open:
        return  # the usual start: none left open, and the LMS and LRS modules are not loaded for nothing
    from .cmi5.lms import recover_sessions

    abandoned = recover_sessions(services.sessions)
    if abandoned:
        log.warning("recorded %s cmi5 session(s) left open by an earlier crash as abandoned", abandoned)


def _check_open_database(paths: DataPaths) -> list[str]:
    """The integrity check of a database already in use: a damaged one cannot be set aside while it is open, so the
    newest sound backup is asked to be restored at the next start, and the user is told."""
    if backup.integrity_ok(paths.database):
        return []
    log.error("the database %s failed its integrity check", paths.database)
    for candidate in backup.list_backups(paths.backups):
        if backup.integrity_ok(candidate.path):
            backup.request_restore(paths.root, candidate.path)
            return [
                "The library database is damaged. Quit and start SCORM Desktop again: the backup from "
                f"{candidate.label} will be restored (the damaged file is kept)."
            ]
    return ["The library database is damaged and no usable backup was found. Export or sync your records now."]


def import_sample_once(services: Services) -> None:
    """Import the sample course the first time a data folder is opened; never again (a removed sample stays gone)."""
    marker = services.paths.root / SAMPLE_MARKER
    if marker.exists():
        return
    source = sample_course_dir()
    try:
        services.library.import_package(source)
    except (PackageError, OSError) as exc:
        log.error("the bundled sample course could not be imported: %s", exc)
        return
    marker.write_text("The sample course was imported into this library once; it is not imported again.\n")
