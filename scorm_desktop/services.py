"""Everything the GUI and the CLI share, opened in one place and passed in explicitly (no global app object)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from . import launch
from .package.model import PackageError
from .paths import DataPaths
from .resources import sample_course_dir
from .settings import Settings
from .storage import backup, owners
from .storage.db import open_engine, session_factory
from .storage.library import Library
from .storage.records import LearnerInfo, Records
from .sync.bundles import this_device_id
from .xapi import StatementBuilder, XapiOptions

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

    def close(self) -> None:
        self.engine.dispose()
        owners.release(self.paths.root)


def open_services(paths: DataPaths, with_sample: bool = True) -> Services:
    """Open the data folder: migrate the database, tidy interrupted imports, finish sessions a crash left open, and
    import the bundled sample course on the very first run."""
    paths.ensure()
    owners.claim(paths.root)  # held until close(): what this process runs is not "left open" to others
    notices = backup.apply_restore_request(paths.root, paths.database)
    notices += backup.check_at_start(paths.database, paths.backups)
    backup.routine_backup(paths.database, paths.backups)
    engine = open_engine(paths.database, paths.backups)
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
    )
    services.records.refresh_stale_summaries()
    services.library.tidy()
    recovered = launch.recover(services.library, services.records)
    if recovered:
        log.warning("finished %s session(s) left open by an earlier crash", recovered)
        services.notices.append(
            f"{recovered} course session(s) were still open when SCORM Desktop last stopped; "
            "what the learner did was kept and they resume where they left off."
        )
    _recover_cmi5_sessions(services)
    if with_sample:
        import_sample_once(services)
    return services


def _recover_cmi5_sessions(services: Services) -> None:
    """cmi5 AU sessions a crash left open get their "abandoned" statement, once (scorm_desktop/cmi5/lms.py)."""
    from .cmi5.lms import recover_sessions

    abandoned = recover_sessions(services.sessions)
    if abandoned:
        log.warning("recorded %s cmi5 session(s) left open by an earlier crash as abandoned", abandoned)


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
