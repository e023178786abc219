"""Launching a SCO and ending its session: the plain-Python half of the player.

The Qt player (ui/player.py) and the headless CLI drive these functions; so does recovery after a crash. What the
page starts with and what the LMS writes when a session ends are decided here, nowhere else.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from .cmi import datamodel
from .cmi.names import ROLES
from .cmi.session import LaunchContext, finish_session, start_session
from .library.courses import CourseInfo, Library
from .package.model import Item
from .settings import RuntimeOptions
from .status import sco_status
from .storage.records import LearnerInfo, OpenSession, Records, SessionRecord

if TYPE_CHECKING:
    from .sequencing.definition import SequencingDefinition

log = logging.getLogger(__name__)

MODES = ("normal", "review", "browse")


@dataclass
class Launch:
    course: CourseInfo
    item: Item
    learner: LearnerInfo
    record: SessionRecord
    context: LaunchContext
    #: Every value the page starts with.
    values: dict[str, str]
    #: Package-relative launch URL (href + parameters).
    url: str
    started: float = field(default_factory=time.monotonic)
    terminated: bool = False
    finished: bool = False

    @property
    def version(self) -> str:
        return self.course.scorm_version

    def payload(self, options: RuntimeOptions) -> dict:
        """What the player page receives before the content starts."""
        return {
            "version": self.version,
            "model": datamodel.definition(self.version),
            "values": self.values,
            "options": options.to_runtime(),
            "launchUrl": self.url,
            "course": {"id": self.course.id, "title": self.course.title},
            "item": {"identifier": self.item.identifier, "title": self.item.title},
            "learner": {"name": self.learner.name},
        }


def choose_item(records: Records, course: CourseInfo, learner: LearnerInfo, item_identifier: str | None) -> Item:
    """The item to open: the one asked for; else the suspended one to resume; else the first launchable one."""
    items = course.manifest.launchable_items()
    if not items:
        raise ValueError(f"Course {course.id} has no launchable item.")
    if item_identifier:
        for item in items:
            if item.identifier == item_identifier:
                return item
        raise KeyError(f"Course {course.id} has no launchable item '{item_identifier}'.")
    rows = records.sco_rows(course_id=course.id, learner_id=learner.id)
    current = records.current_attempt_number(learner.id, course.id)
    suspended = [
        r for r in rows if r["attempt"] == current and _exit_of(course.scorm_version, r["values"]) == "suspend"
    ]
    if suspended:
        last = max(suspended, key=lambda r: r["last_activity"])
        for item in items:
            if item.identifier == last["item"]:
                return item
    return items[0]


def _exit_of(version: str, values: dict[str, str]) -> str:
    return values.get(ROLES[version]["exit"], "")


def context_for(
    course: CourseInfo, item: Item, learner: LearnerInfo, mode: str, nav_valid: dict[str, str] | None = None
) -> LaunchContext:
    objective_ids: tuple[str, ...] = ()
    scaled_passing = None
    if course.scorm_version == "2004":
        objective_ids, scaled_passing = declared_objectives(item, course.manifest.sequencing_collection_xml)
    return LaunchContext(
        version=course.scorm_version,
        learner_id=learner.uid,
        learner_name=learner.name,
        launch_data=item.data_from_lms or "",
        mastery_score=item.mastery_score,
        scaled_passing_score=scaled_passing,
        completion_threshold=item.completion_threshold,
        max_time_allowed=item.max_time_allowed or "",
        time_limit_action=item.time_limit_action or "",
        mode=mode,
        credit=mode == "normal",
        objective_ids=objective_ids,
        nav_valid=dict(nav_valid or {}),
    )


def declared_objectives(item: Item, collection_xml: str | None) -> tuple[tuple[str, ...], float | None]:
    """The activity's objective IDs (primary first, each once) and cmi.scaled_passing_score, read from its
    imsss:sequencing and the sequencingCollection entry it names by IDRef by the sequencer's own parse (the item's
    own objectives win; a minNormalizedMeasure outside -1..1 or unreadable is the SN default, 1.0)."""
    definition = _definition(item, collection_xml)
    ids = tuple(o.objective_id for o in definition.objectives if o.objective_id)
    primary = definition.primary_objective
    return ids, primary.min_normalized_measure if primary.satisfied_by_measure else None


def _definition(item: Item, collection_xml: str | None) -> SequencingDefinition:
    """The item's sequencing definition (sequencing/definition.py), its IDRef resolved in the collection."""
    from .sequencing.definition import definition_from_element, parse_collection, parse_xml

    return definition_from_element(parse_xml(item.sequencing_xml), parse_collection(collection_xml))


def _with_declared_ids(stored: dict[str, str], objective_ids: tuple[str, ...]) -> dict[str, str]:
    """The stored values with the declared objectives' ids back at the indices the LMS gave them (0, 1, ...): the
    preloaded ids are never stored, so a resumed SCO that added objectives of its own after them (index 5, 6, ...)
    would otherwise see the declared ones renumbered over its own (ADL OB-14b)."""
    present = {v for k, v in stored.items() if k.startswith("cmi.objectives.") and k.endswith(".id")}
    if not present:
        return stored
    out = dict(stored)
    for n, objective_id in enumerate(objective_ids):
        key = f"cmi.objectives.{n}.id"
        if objective_id and objective_id not in present and key not in out:
            out[key] = objective_id
            present.add(objective_id)
    return out


def _start_objectives(values: dict[str, str], stored: dict[str, str], objectives: dict[str, dict[str, str]]) -> None:
    """RTE 4.2.17: each declared objective's cmi.objectives.n.* starts from its tracking data (global objectives read
    through maps included). The tracking data wins over what the SCO stored in an earlier session of this attempt:
    it holds what the SCO reported then, and what other activities wrote to shared objectives since (ADL CO-10
    resumes a suspended SCO whose objectives another activity changed)."""
    del stored  # the stored values are already in `values`; the sequencer's view replaces them where it knows
    for key, value in list(values.items()):
        if key.startswith("cmi.objectives.") and key.endswith(".id") and value in objectives:
            prefix = key[: -len("id")]
            for name, v in objectives[value].items():
                values[prefix + name] = v


def manifest_values(item: Item, collection_xml: str | None) -> dict[str, str]:
    """cmi.max_time_allowed and cmi.scaled_passing_score exactly as the manifest writes them (RTE 4.2.13, 4.2.20:
    the LMS initialises them from attemptAbsoluteDurationLimit and minNormalizedMeasure; ADL's CM-01 reads back
    "P5Y6M4DT12H30M58S", not a normalised duration). Only values that are valid for their element are kept."""
    from .cmi import timefmt

    out: dict[str, str] = {}
    definition = _definition(item, collection_xml)
    limit = definition.limit_conditions.attempt_absolute_duration_limit
    if limit and timefmt.try_parse(limit) is not None:
        out["cmi.max_time_allowed"] = limit
    primary = definition.primary_objective
    if primary.satisfied_by_measure and primary.min_normalized_measure_text:
        out["cmi.scaled_passing_score"] = primary.min_normalized_measure_text
    return out


def prepare(
    library: Library,
    records: Records,
    course_id: int,
    learner_name: str | None = None,
    item_identifier: str | None = None,
    mode: str | None = None,
    preview: bool = False,
    sequenced: bool = False,
    nav_valid: dict[str, str] | None = None,
    objectives: dict[str, dict[str, str]] | None = None,
) -> Launch:
    """Open a session for the learner on the course's item (the resume point or the first item by default).

    With no mode given, a SCO whose last attempt ended complete opens in review (the record is shown, never changed),
    or, when the course is set to "new-attempt", starts the course afresh (the old attempt stays in history);
    otherwise "normal". A normal launch after an attempt ended starts a new SCO attempt: the ended one is kept.
    A preview launch (the trainer's) runs in browse mode under the preview learner: no credit, never synced.

    `sequenced`: the item was chosen by the course's navigation (`Navigator`), which also decided whether the course
    starts afresh or opens in review; with no mode given the launch is "normal", since sequencing may deliver a
    completed SCO again on purpose (remediation, a retried test). `nav_valid` answers
    adl.nav.request_valid.* for the content; `objectives` (`Sequencer.objective_values`) what each declared
    objective's cmi.objectives entry starts with, where the SCO's stored values say nothing.
    """
    if mode is not None and mode not in MODES:
        raise ValueError(f"Unknown launch mode '{mode}' (use one of {', '.join(MODES)}).")
    course = library.course(course_id)
    if course.removed:
        raise ValueError(f"'{course.title}' was removed from the library; import its package again to play it.")
    if not course.folder.is_dir():
        raise ValueError(f"The files of '{course.title}' are missing from the library; import its package again.")
    learner = records.preview_learner() if preview else records.learner(learner_name)
    if preview:
        mode = "browse"
    item = choose_item(records, course, learner, item_identifier)
    previous = records.latest_values(learner.id, course.id, item.identifier)
    ended = bool(previous) and _exit_of(course.scorm_version, previous) != "suspend"
    completed = ended and sco_status(course.scorm_version, previous).completion == "completed"
    summary = records.summaries(learner_id=learner.id, course_id=course.id) if not preview else []
    course_done = bool(summary) and summary[0]["completion"] == "completed" and not summary[0]["resumable"]
    if sequenced:
        mode = mode or "normal"  # the Navigator decided review (a finished course seen again) at the start
    elif mode is None and course_done and course.relaunch == "new-attempt":
        records.new_attempt(learner.id, course.id)
        item = choose_item(records, course, learner, item_identifier)
        previous, ended, mode = {}, False, "normal"
    if mode is None:
        mode = "review" if completed else "normal"
    new_attempt = ended and mode == "normal" and course.scorm_version == "2004"
    ctx = context_for(course, item, learner, mode, nav_valid)
    if not preview:  # a dispatched course's licence: refused (DispatchError, a ValueError) or counted here
        from .dispatch.gate import may_concern

        if may_concern(records.sessions, course.id):
            from .dispatch.store import admit_launch

            admit_launch(records, course, learner)
    record = records.begin_session(
        learner.id, course.id, item.identifier, mode, "credit" if ctx.credit else "no-credit", new_attempt
    )
    values = start_session(ctx, _with_declared_ids(record.stored, ctx.objective_ids))
    if course.scorm_version == "2004":
        values.update(manifest_values(item, course.manifest.sequencing_collection_xml))
        _start_objectives(values, record.stored, objectives or {})
    url = course.manifest.launch_url(item)
    log.info(
        "launch course %s item %s for %s in %s mode (session %s)",
        course.id, item.identifier, learner.name, mode, record.session_id,
    )
    return Launch(course, item, learner, record, ctx, values, url)


def finish(records: Records, launch: Launch, reason: str) -> dict[str, str]:
    """End the session (once), writing the LMS's end-of-session values with it; returns the SCO's values after.

    Call on the writer thread, after every event batch of the session has been applied.
    """
    values = records.session_values(launch.record.session_id)
    if launch.finished:
        return values
    launch.finished = True
    if launch.context.mode == "review":
        records.end_session(launch.record.session_id, reason, {})
        return values
    elapsed = time.monotonic() - launch.started
    # A learner's navigation request (a button, a choice) in a sequenced course ends the SCO the way Terminate would:
    # the content's own cmi.exit decides, no suspend is assumed (ADL OB-14a: the next visit is a new attempt reading
    # the globals). SCORM 1.2 keeps the old rule (LMSFinish there would also mark an unset status completed).
    terminated = launch.terminated or (reason == "navigated" and launch.version == "2004")
    changes = _end_of_session(records, launch.record.session_id, launch.context, values, elapsed, terminated)
    records.end_session(launch.record.session_id, reason, changes)
    log.info("session %s ended (%s)", launch.record.session_id, reason)
    after = {**values, **changes}
    if launch.version == "2004":
        # A status the LMS only defaulted to "unknown" was not reported by the content: the sequencer must not take
        # it for one the SCO set (End Attempt completes/satisfies what the content left unset; ADL RU-09, SX-02),
        # while an "unknown" the SCO set itself stays (ADL CM-06). The stored values keep the default.
        for element in ("cmi.completion_status", "cmi.success_status"):
            if element not in values and changes.get(element) == "unknown":
                del after[element]
    return after


def recover(library: Library, records: Records) -> int:
    """Finish every session a crash or a kill left open, so its time counts and the next launch resumes.

    A session that another living process runs (its owner still holds its claim on the data folder: the app, or a
    `play` beside this command) is not left open: it is that process's, and it is skipped."""
    from . import owners

    count = 0
    for sess in records.open_sessions():
        if owners.held_by_another(library.paths.root, sess.owner):
            log.info("session %s is running in process %s; left alone", sess.session_id, owners.pid_of(sess.owner))
            continue
        if sess.initialized_at is None:
            records.discard_empty_session(sess.session_id)
            records.end_session(sess.session_id, "abandoned", {})
            continue
        try:
            _recover_one(library, records, sess)
            count += 1
        except Exception:
            log.exception("could not recover session %s; closing it as it is", sess.session_id)
            records.end_session(sess.session_id, "recovered", {})
    return count


def _recover_one(library: Library, records: Records, sess: OpenSession) -> None:
    course = library.course(sess.course_id)
    learner = next(lr for lr in records.learners() if lr.id == sess.learner_id)
    item = next(
        (i for i in course.manifest.organization.walk() if i.identifier == sess.item_identifier),
        Item(identifier=sess.item_identifier, title=sess.item_identifier),
    )
    if sess.mode == "review":
        records.end_session(sess.session_id, "recovered", {})
        return
    ctx = context_for(course, item, learner, sess.mode)
    values = records.session_values(sess.session_id)
    elapsed = _seconds_between(sess.initialized_at, sess.last_event_at)
    changes = _end_of_session(records, sess.session_id, ctx, values, elapsed, False)
    records.end_session(sess.session_id, "recovered", changes, ended_at=sess.last_event_at or sess.started_at)
    log.warning("recovered session %s of course %s left open by a crash", sess.session_id, course.id)


#: Elements that belong to one session: a value left from an earlier session must not count for this one.
PER_SESSION = {
    version: (names["exit"], names["session_time"]) + (("adl.nav.request",) if version == "2004" else ())
    for version, names in ROLES.items()
}


def _end_of_session(
    records: Records, session_id: int, ctx: LaunchContext, values: dict[str, str], elapsed: float, terminated: bool
) -> dict[str, str]:
    """finish_session on what this session really set: an exit or session time stored by an earlier session is
    ignored (and cleared), so a resumed session that sets no session time counts its measured time, not the old
    one, and one that sets no exit ends its attempt instead of suspending it again."""
    fresh = records.set_during(session_id)
    stale = [el for el in PER_SESSION[ctx.scorm_version] if el in values and el not in fresh]
    current = {k: v for k, v in values.items() if k not in stale}
    changes = finish_session(ctx, current, elapsed, terminated)
    for el in stale:
        changes.setdefault(el, "")
    return {k: v for k, v in changes.items() if values.get(k) != v}


def _seconds_between(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 0.0
    try:
        fa = datetime.fromisoformat(a.replace("Z", "+00:00"))
        fb = datetime.fromisoformat(b.replace("Z", "+00:00"))
    except ValueError:
        return 0.0
    return max(0.0, (fb - fa).total_seconds())


# -- navigation between the items of a course ---------------------------------------------------------------------------
