"""The IRIs cmi5 defines (verbs, categories, extensions, activity types) and the LMS's own generated ids."""

from __future__ import annotations

import uuid

ADL = "http://adlnet.gov/expapi/verbs/"
LAUNCHED, INITIALIZED, COMPLETED, PASSED, FAILED, TERMINATED = (
    ADL + v for v in ("launched", "initialized", "completed", "passed", "failed", "terminated")
)
ABANDONED = "https://w3id.org/xapi/adl/verbs/abandoned"
WAIVED = "https://w3id.org/xapi/adl/verbs/waived"
SATISFIED = "https://w3id.org/xapi/adl/verbs/satisfied"
VOIDED = ADL + "voided"
#: Verbs only the LMS may use in cmi5 defined statements.
LMS_VERBS = {LAUNCHED, ABANDONED, WAIVED, SATISFIED}
#: Verbs the AU may use in cmi5 defined statements.
AU_VERBS = {INITIALIZED, COMPLETED, PASSED, FAILED, TERMINATED}

CATEGORY_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
CATEGORY_MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
_EXT = "https://w3id.org/xapi/cmi5/context/extensions/"
EXT_SESSION = _EXT + "sessionid"
EXT_MASTERY = _EXT + "masteryscore"
EXT_LAUNCHMODE = _EXT + "launchmode"
EXT_LAUNCHURL = _EXT + "launchurl"
EXT_MOVEON = _EXT + "moveon"
EXT_LAUNCHPARAMS = _EXT + "launchparameters"
EXT_PROGRESS = "https://w3id.org/xapi/cmi5/result/extensions/progress"
EXT_REASON = "https://w3id.org/xapi/cmi5/result/extensions/reason"
TYPE_BLOCK = "https://w3id.org/xapi/cmi5/activitytype/block"
TYPE_COURSE = "https://w3id.org/xapi/cmi5/activitytype/course"

LAUNCH_DATA = "LMS.LaunchData"
LEARNER_PREFERENCES = "cmi5LearnerPreferences"
MODES = ("Normal", "Browse", "Review")

_NS = uuid.UUID("6f1c1d2e-8a5b-5c1e-9d0a-5c0de5c0de55")


def lms_id(kind: str, publisher_id: str) -> str:
    """The LMS's id for an AU, block or course: stable everywhere (the same on every device, so the central LRS
    sees one activity), never equal to the publisher's id, as cmi5 requires."""
    return "urn:uuid:" + str(uuid.uuid5(_NS, f"{kind}\n{publisher_id}"))

#: The reasons cmi5 allows for a waived AU (cmi5 9.5.4.1 "reason" extension of the waived statement).
WAIVE_REASONS = ("Tested Out", "Equivalent AU", "Equivalent Outside Activity", "Administrative")
