"""The IRIs the statements use: ADL verbs and activity types, the SCORM profile's category, result extensions."""

from __future__ import annotations

XAPI_VERSION = "1.0.3"

_ADL_VERB = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    name: _ADL_VERB + name
    for name in (
        "initialized", "resumed", "suspended", "terminated", "completed", "passed", "failed", "scored", "progressed",
        "responded",
    )
}

_ADL_ACTIVITY = "http://adlnet.gov/expapi/activities/"
COURSE = _ADL_ACTIVITY + "course"
LESSON = _ADL_ACTIVITY + "lesson"  # a SCO
ATTEMPT = _ADL_ACTIVITY + "attempt"
INTERACTION = _ADL_ACTIVITY + "cmi.interaction"
PROFILE_TYPE = _ADL_ACTIVITY + "profile"

#: contextActivities.category of every statement: the xAPI SCORM profile.
SCORM_PROFILE = "https://w3id.org/xapi/scorm"

#: result.extensions key for progress (an integer percentage, as cmi5 defines it) on "progressed".
PROGRESS_EXTENSION = "https://w3id.org/xapi/cmi5/result/extensions/progress"

#: context.extensions key for the installation that recorded the statement (its stable device id, a UUID string:
#: the ``devices`` row with is_self = 1, made on first start; the same id signs its USB record bundles). No registered
#: IRI for "recording device" exists in the ADL vocabulary or the xAPI SCORM profile, so this one is SCORM Desktop's
#: own (the key is configurable as ``xapi.device_extension``). Its value is the device id; an LRS or a report can
#: group statements by the computer they were recorded on with it.
DEVICE_EXTENSION = "https://w3id.org/xapi/scorm-desktop/device"

#: xAPI interactionType values; SCORM's interaction types map one to one (SCORM 1.2 lacks long-fill-in and other).
INTERACTION_TYPES = {
    "true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric",
    "other",
}
