"""Waiving a cmi5 AU for a learner (cmi5 9.3.9: the LMS exempts the learner, e.g. tested out): the service the CLI
(`waive`, `cmi5/commands.py`) and the dialog (`ui/waive_dialog.py`) call. Plain Python, no Qt.

The statement itself is the LMS's (`Cmi5LMS.waive`, lms.py): "waived" on the AU's LMS activity id, in the learner's
current registration, with the cmi5 context (category, session id) and `result` success and completion true and the
reason extension; once per registration and only for an AU whose moveOn is not met yet; then "satisfied" for each
block and the course whose AUs now all meet their moveOn, and the attempt's derived status is stored. Like every
LMS statement it is forwarded on sync (a preview learner's never: waiving is not offered for previews).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..i18n import _
from ..package.course_structure import AU, CourseStructure
from ..package.descriptor import STANDARD_CMI5
from ..storage.models import Attempt, Learner, LrsStatement
from . import vocab as v
from .lms import Cmi5LMS, actor_for, registration_status, structure_of
from .rules import au_facts, meets_move_on

#: The reasons cmi5 defines for the reason extension of "waived" (cmi5 9.5.4.1 / 9.3.9).
REASONS = v.WAIVE_REASONS


class WaiveError(ValueError):
    """Why the AU cannot be waived, in one sentence."""


@dataclass(frozen=True)
class Waived:
    au_id: str
    registration: str
    statement_id: str
    #: The course's status for the registration afterwards (`registration_status`), e.g. label "completed".
    status: dict


def can_waive(course) -> bool:
    """Whether waiving applies to this library course (a cmi5 course with its structure)."""
    manifest = getattr(course, "manifest", None)
    return getattr(course, "standard", None) == STANDARD_CMI5 and bool(
        manifest is not None and getattr(manifest, "course_structure", None))


def structure(course) -> CourseStructure:
    if not can_waive(course):
        raise WaiveError(_("Course {0} ({1}) is not a cmi5 course: only cmi5 AUs can be waived.").format(
            course.id, course.title))
    return structure_of(course.manifest.course_structure)


def waivable(services, course, learner) -> list[AU]:
    """The AUs of `course` that `learner` may be exempted from now: not waived and not satisfied yet in the
    learner's current registration (nothing is created to find out)."""
    cs = structure(course)
    with services.sessions() as s:
        registration = s.scalars(select(Attempt.registration).where(
            Attempt.learner_id == learner.id, Attempt.course_id == course.id).order_by(Attempt.number.desc())).first()
        if registration is None:
            return list(cs.aus())
        return [au for au in cs.aus() if not meets_move_on(au.move_on, au_facts(s, registration,
                                                                              v.lms_id("au", au.id)))]


def find_au(cs: CourseStructure, ref: str) -> AU:
    """An AU by its publisher id, or by its title when that names one AU."""
    for au in cs.aus():
        if au.id == ref:
            return au
    by_title = [au for au in cs.aus() if au.title == ref]
    if len(by_title) == 1:
        return by_title[0]
    names = ", ".join(f"{au.id!r}" for au in cs.aus())
    raise WaiveError(_("The course has no AU {0}; its AUs are {1}.").format(repr(ref), names))


def waive(services, course, learner, au_ref: str, reason: str = "Administrative") -> Waived:
    """Record "waived" for `learner` on the AU `au_ref` (id or title) of `course`, in their current registration.
    Raises WaiveError (a sentence) when it does not apply."""
    if reason not in REASONS:
        raise WaiveError(_("The reason {0} is not one cmi5 defines; use one of: {1}.").format(
            repr(reason), ", ".join(REASONS)))
    with services.sessions() as s:
        row = s.get(Learner, learner.id)
        if row is None or row.is_preview:
            raise WaiveError(_("Only a learner of the library can be exempted (not the trainer's preview)."))
    cs = structure(course)
    au = find_au(cs, au_ref)
    _attempt, registration = services.records.current_attempt(learner.id, course.id)
    activity_id = v.lms_id("au", au.id)
    with services.sessions() as s:
        facts = au_facts(s, registration, activity_id)
    if facts.waived:
        raise WaiveError(_("{0} is already exempted from {1} in this attempt.").format(learner.name, repr(au.title)))
    if meets_move_on(au.move_on, facts):
        raise WaiveError(_("{0} has already satisfied {1} in this attempt (moveOn {2}), so there is nothing to "
                           "waive.").format(learner.name, repr(au.title), au.move_on))
    lms = Cmi5LMS(services.sessions, "", "")
    if not lms.waive(cs, au.id, actor_for(learner.uid, learner.name), registration, reason):
        raise WaiveError(_("{0} has meanwhile satisfied or been exempted from {1}.").format(
            learner.name, repr(au.title)))
    with services.sessions() as s:
        statement_id = s.scalars(select(LrsStatement.statement_id).where(
            LrsStatement.registration == registration, LrsStatement.activity_id == activity_id,
            LrsStatement.verb_id == v.WAIVED)).one()
    return Waived(au.id, registration, statement_id, registration_status(services.sessions, cs, registration))
