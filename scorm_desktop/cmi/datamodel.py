"""The SCORM 1.2 and SCORM 2004 (4th edition) run-time data models, as data.

This module is the single definition of both data models. ``definition(version)`` returns a JSON-able dict that the
player page hands to ``resources/player/runtime.js``, which interprets it (there is no second element table in
JavaScript). Python uses the same dict to list elements, validate stored values and evaluate statuses.

Shape of ``definition(version)``::

    {
      "version": "2004" | "1.2",
      "api": {"initialize": "Initialize", ...},          # API function names
      "apiVersion": "1.0",                                # the API object's "version" attribute (2004 only)
      "errors": {"0": "No Error", ...},                   # code -> error string
      "codes": {"alreadyInitialized": 103, ...},          # condition -> error code (None: not an error here)
      "types": {name: type spec},                          # shared value types
      "elements": {pattern: element spec},                 # "cmi.interactions.n.id": {...}
      "children": {pattern: "a,b,c"},                      # _children answers
      "arrays": {pattern: array spec},                     # "cmi.interactions": {"spm": 250, "key": "id"}
      "responses": {interaction type: response grammar},   # 2004 and 1.2 response formats
      "computed": {element: rule},                         # statuses evaluated on GetValue (2004)
      "uninitialized": "error" | "empty",                  # unset elements: 403 (2004) or "" (1.2)
      "syntax": {"real": R, "integer": R, "identifier": R, "language": R},  # regexes for the type kinds
      "optionDefaults": {"suspendDataLimit12": 64000, ...},  # OPTION_DEFAULTS: the run-time options' one home
      "limits": {"attemptChars": N},                      # LIMITS: what one SCO's attempt record may hold
    }

Patterns use ``n`` for an array index and ``{target=}`` for a ``{target=<identifier>}`` segment.

Type specs (``"kind"`` decides how a value is checked; ``regex`` strings are written in the subset shared by Python
``re`` and JavaScript ``RegExp`` and are matched against the whole value):

- ``{"kind": "string", "spm": N, "max": M}``: any characters; ``max`` (if present) is a hard limit, ``spm`` only
  documents the smallest permitted maximum.
- ``{"kind": "localized", "spm": N}``: 2004 localized_string_type, an optional ``{lang=<language_type>}`` prefix.
- ``{"kind": "regex", "regex": R, "max": M}``: the whole value matches R.
- ``{"kind": "real", "min": a, "max": b, "blank": bool}``: a decimal number (``blank``: "" allowed, 1.2 CMIBlank).
- ``{"kind": "integer", "min": a, "max": b}``.
- ``{"kind": "vocab", "values": [...], "or": type}``: one of the tokens, or (if ``or``) a value of that type.
- ``{"kind": "response", "role": "pattern" | "learner"}``: format depends on the interaction's type (``responses``).

Element specs: ``access`` ("r", "w", "rw"), ``type`` (a name in ``types`` or an inline spec), optional ``default``
(the value an unset element reads as), ``lenient`` (``{"option": name, "type": spec}``: the type used instead when
that runtime option is true), ``requires`` (sibling patterns that must be set first: dependency error), ``unique``
(the value must differ from the same element of the sibling records), ``immutable`` (once set it cannot change),
``implemented`` (False: known but unimplemented, error 402/401), ``cap`` (the most characters a value may have, set
on every element: content is untrusted, so no value is unbounded; see `_capped`).

Size limits (issue 11: a hostile SCO must not grow a learner record without bound). Each element's ``cap`` is a hard
limit whatever the type says; ``limits.attemptChars`` bounds the sum, over one SCO's attempt, of every stored element
name and value length (what the content wrote plus the values it started with). The rule, in runtime.js and in
`cmi.validate` alike (both read it from here): a value over its element's cap is refused with condition ``overCap``,
a value that would take the record over the budget with ``overBudget``. SCORM 2004 answers both with 351 (General Set
Failure, the code of the RTE's "Smallest Permitted Maximum exceeded" condition: an LMS must keep the SPM, may keep
more, and refuses with 351 what it will not keep; the diagnostic says which limit). SCORM 1.2 has no set-failure code:
over the cap is 405 (Incorrect Data Type, as for CMIString4096's own limit), over the budget 101 (General Exception,
the code 1.2 gives for a failure on the LMS's side).
"""

from __future__ import annotations

import copy
import re
from typing import Any

VERSIONS = ("1.2", "2004")

# --- regular expressions shared with runtime.js (keep to the common subset of Python re and JS RegExp) -------------

REAL = r"-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)"
INTEGER = r"-?[0-9]+"
# 2004 identifiers are URIs: no white space; a "urn:" must be a well-formed URN.
IDENTIFIER = r"(?:[uU][rR][nN]:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\S+|(?![uU][rR][nN]:)\S+)"
LANGUAGE = r"(?:(?:[a-zA-Z]{2,3}|[iI]|[xX])(?:-[a-zA-Z0-9]{1,8})*)"
_TZD = r"(?:Z|[+-](?:[01][0-9]|2[0-3])(?::?[0-5][0-9])?)"
TIME_2004 = (
    r"(?:19[7-9][0-9]|20[0-2][0-9]|203[0-8])"
    r"(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01])(?:T(?:[01][0-9]|2[0-3])"
    r"(?::[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,2})?" + _TZD + r"?)?)?)?)?)?"
)
TIMEINTERVAL = (
    r"P(?=[0-9]|T[0-9])(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?"
    r"(?:T(?=[0-9])(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\.[0-9]+)?S)?)?"
)
# The broken forms real content sends (P0S, PT, PT1.5S, P1DT, ...): accepted when the "lenientTimes" option is on.
TIMEINTERVAL_LOOSE = r"[pP](?:[0-9]+(?:[.,][0-9]*)?[yYmMwWdDhHsS])*(?:[tT](?:[0-9]+(?:[.,][0-9]*)?[hHmMsS])*)?"
CMITIMESPAN = r"[0-9]{2,4}:[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,2})?"
CMITIMESPAN_LOOSE = r"[0-9]+:[0-9]{1,2}:[0-9]{1,2}(?:[.,][0-9]*)?|" + TIMEINTERVAL_LOOSE
CMITIME = r"(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,2})?"
CMIIDENTIFIER = r"[^\s]{1,255}"
CMIDECIMAL = REAL
# Building blocks the run-time needs for the type kinds ("real", "integer", identifiers, {lang=} delimiters).
SYNTAX = {"real": REAL, "integer": INTEGER, "identifier": IDENTIFIER, "language": LANGUAGE}

ERRORS_2004: dict[int, str] = {
    0: "No Error",
    101: "General Exception",
    102: "General Initialization Failure",
    103: "Already Initialized",
    104: "Content Instance Terminated",
    111: "General Termination Failure",
    112: "Termination Before Initialization",
    113: "Termination After Termination",
    122: "Retrieve Data Before Initialization",
    123: "Retrieve Data After Termination",
    132: "Store Data Before Initialization",
    133: "Store Data After Termination",
    142: "Commit Before Initialization",
    143: "Commit After Termination",
    201: "General Argument Error",
    301: "General Get Failure",
    351: "General Set Failure",
    391: "General Commit Failure",
    401: "Undefined Data Model Element",
    402: "Unimplemented Data Model Element",
    403: "Data Model Element Value Not Initialized",
    404: "Data Model Element Is Read Only",
    405: "Data Model Element Is Write Only",
    406: "Data Model Element Type Mismatch",
    407: "Data Model Element Value Out Of Range",
    408: "Data Model Dependency Not Established",
}

ERRORS_12: dict[int, str] = {
    0: "No error",
    101: "General exception",
    201: "Invalid argument error",
    202: "Element cannot have children",
    203: "Element not an array. Cannot have count.",
    301: "Not initialized",
    401: "Not implemented error",
    402: "Invalid set value, element is a keyword",
    403: "Element is read only",
    404: "Element is write only",
    405: "Incorrect data type",
}

# Which error code each failing condition gives, per version.
CODES_2004: dict[str, int] = {
    "general": 101,
    "argument": 201,
    "alreadyInitialized": 103,
    "initializeAfterTerminate": 104,
    "terminateBeforeInit": 112,
    "terminateAfterTerminate": 113,
    "getBeforeInit": 122,
    "getAfterTerminate": 123,
    "setBeforeInit": 132,
    "setAfterTerminate": 133,
    "commitBeforeInit": 142,
    "commitAfterTerminate": 143,
    "getEmpty": 301,
    "setEmpty": 351,
    "undefined": 401,
    "unimplemented": 402,
    "notInitialized": 403,
    "readOnly": 404,
    "writeOnly": 405,
    "keywordSet": 404,
    "noChildren": 301,
    "noCount": 301,
    "typeMismatch": 406,
    "outOfRange": 407,
    "dependency": 408,
    "getIndex": 301,
    "setIndex": 351,
    "notUnique": 351,
    "immutable": 351,
    "tooMany": 351,
    "overCap": 351,
    "overBudget": 351,
}

CODES_12: dict[str, int] = {
    "general": 101,
    "argument": 201,
    "alreadyInitialized": 101,
    "initializeAfterTerminate": 101,
    "terminateBeforeInit": 301,
    "terminateAfterTerminate": 301,
    "getBeforeInit": 301,
    "getAfterTerminate": 301,
    "setBeforeInit": 301,
    "setAfterTerminate": 301,
    "commitBeforeInit": 301,
    "commitAfterTerminate": 301,
    "getEmpty": 201,
    "setEmpty": 201,
    # RTE 3.4.4 (1.2): a call on an element outside the data model ("xyz.score.result", "cmi.bogus") is 401.
    "undefined": 401,
    "unimplemented": 401,
    "notInitialized": 0,
    "readOnly": 403,
    "writeOnly": 404,
    "keywordSet": 402,
    "noChildren": 202,
    "noCount": 203,
    "typeMismatch": 405,
    "outOfRange": 405,
    "dependency": 201,
    "getIndex": 201,
    "setIndex": 201,
    "notUnique": 405,
    "immutable": 405,
    "tooMany": 201,
    "overCap": 405,
    "overBudget": 101,
}

API_2004 = {
    "initialize": "Initialize",
    "terminate": "Terminate",
    "getValue": "GetValue",
    "setValue": "SetValue",
    "commit": "Commit",
    "getLastError": "GetLastError",
    "getErrorString": "GetErrorString",
    "getDiagnostic": "GetDiagnostic",
}
API_12 = {key: "LMS" + name.replace("Terminate", "Finish") for key, name in API_2004.items()}

COMPLETION_2004 = ["completed", "incomplete", "not attempted", "unknown"]
SUCCESS_2004 = ["passed", "failed", "unknown"]
INTERACTION_TYPES_2004 = [
    "true-false", "choice", "fill-in", "long-fill-in", "likert", "matching",
    "performance", "sequencing", "numeric", "other",
]
INTERACTION_TYPES_12 = ["true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert", "numeric"]
LESSON_STATUS_12 = ["passed", "completed", "failed", "incomplete", "browsed", "not attempted"]
TIME_LIMIT_ACTIONS = ["exit,message", "exit,no message", "continue,message", "continue,no message"]
NAV_REQUESTS = ["continue", "previous", "exit", "exitAll", "abandon", "abandonAll", "suspendAll", "_none_"]

LENIENT_INTERACTIONS = "lenientInteractions"
LENIENT_TIMES = "lenientTimes"
SUSPEND_DATA_LIMIT_12 = "suspendDataLimit12"
DURABLE_LAG_MS = "durableLagMs"
DURABLE_BACKLOG = "durableBacklog"

# Runtime options and their defaults: the one place they are written (settings.RuntimeOptions starts from them;
# runtime.js reads them from the definition it is handed, "optionDefaults").
OPTION_DEFAULTS: dict[str, Any] = {
    SUSPEND_DATA_LIMIT_12: 64000, LENIENT_INTERACTIONS: True, LENIENT_TIMES: True,
    # Back-pressure (player.js, bridge/durable.py): the page waits for its values to be durable when the oldest one
    # not yet acknowledged is older than this (ms; 0: never), or more than this many are not acknowledged.
    DURABLE_LAG_MS: 50, DURABLE_BACKLOG: 2000,
}

#: The most the 1.2 suspend-data limit may be set to (the settings dialog's range) and so that element's cap.
SUSPEND_DATA_CAP_12 = 10_000_000
#: Size limits shared by runtime.js and cmi.validate ("limits" in the definition): the characters, names included, one
#: SCO's attempt record may hold. Above the largest cap, so that one legal value always fits an empty record.
LIMITS: dict[str, int] = {"attemptChars": 12_000_000}
#: An element's cap when its type states no size: numbers, times, vocabularies, identifiers (SCORM 2004: 4 x the SPM
#: of a sized type, as the SPM is only a floor).
DEFAULT_CAP = {"1.2": 4096, "2004": 4000}
SPM_FACTOR_2004 = 4
#: Interaction responses: their grammar depends on the interaction's type, so one cap covers them all.
RESPONSE_CAP = {"1.2": 4096, "2004": 64000}


def _el(access: str, type_: Any, **extra: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {"access": access, "type": type_}
    spec.update(extra)
    return spec


def _vocab(*values: str, or_: Any = None) -> dict[str, Any]:
    spec: dict[str, Any] = {"kind": "vocab", "values": list(values)}
    if or_ is not None:
        spec["or"] = or_
    return spec


def _lenient(type_: Any, option: str = LENIENT_INTERACTIONS) -> dict[str, Any]:
    return {"option": option, "type": type_}


# --- SCORM 2004 4th edition ------------------------------------------------------------------------------------------


def _types_2004() -> dict[str, Any]:
    return {
        "characterstring": {"kind": "string"},
        "long_identifier": {"kind": "regex", "regex": IDENTIFIER, "spm": 4000},
        "short_identifier": {"kind": "regex", "regex": IDENTIFIER, "spm": 250},
        "real": {"kind": "real"},
        "real_0_1": {"kind": "real", "min": 0, "max": 1},
        "real_-1_1": {"kind": "real", "min": -1, "max": 1},
        "real_0_inf": {"kind": "real", "min": 0},
        "time": {"kind": "regex", "regex": TIME_2004},
        "timeinterval": {"kind": "regex", "regex": TIMEINTERVAL},
        "timeinterval_loose": {"kind": "regex", "regex": TIMEINTERVAL_LOOSE},
        "localized_250": {"kind": "localized", "spm": 250},
        "localized_4000": {"kind": "localized", "spm": 4000},
        "lenient_text": {"kind": "string", "spm": 4000},
        "completion": _vocab(*COMPLETION_2004),
        "success": _vocab(*SUCCESS_2004),
    }


def _elements_2004() -> dict[str, dict[str, Any]]:
    e: dict[str, dict[str, Any]] = {}
    e["cmi._version"] = _el("r", "characterstring", default="1.0")

    for box, access in (("comments_from_learner", "rw"), ("comments_from_lms", "r")):
        e[f"cmi.{box}._children"] = _el("r", "characterstring")
        e[f"cmi.{box}._count"] = _el("r", "characterstring")
        e[f"cmi.{box}.n.comment"] = _el(access, "localized_4000")
        e[f"cmi.{box}.n.location"] = _el(access, {"kind": "string", "spm": 250})
        e[f"cmi.{box}.n.timestamp"] = _el(access, "time")

    e["cmi.completion_status"] = _el("rw", "completion", default="unknown")
    e["cmi.completion_threshold"] = _el("r", "real_0_1")
    e["cmi.credit"] = _el("r", _vocab("credit", "no-credit"), default="credit")
    e["cmi.entry"] = _el("r", _vocab("ab-initio", "resume", ""), default="ab-initio")
    e["cmi.exit"] = _el("w", _vocab("time-out", "suspend", "logout", "normal", ""))

    ix = "cmi.interactions"
    e[f"{ix}._children"] = _el("r", "characterstring")
    e[f"{ix}._count"] = _el("r", "characterstring")
    loose_text = _lenient("lenient_text")
    e[f"{ix}.n.id"] = _el("rw", "long_identifier", lenient=_lenient({"kind": "string", "min": 1, "spm": 4000}))
    e[f"{ix}.n.type"] = _el("rw", _vocab(*INTERACTION_TYPES_2004), lenient=_lenient(
        _vocab(*INTERACTION_TYPES_2004, "long_fill_in", "true_false", "multiple_choice", "fill_in")))
    e[f"{ix}.n.objectives._count"] = _el("r", "characterstring")
    e[f"{ix}.n.objectives.n.id"] = _el("rw", "long_identifier", unique=True,
                                       lenient=_lenient({"kind": "string", "min": 1, "spm": 4000}))
    e[f"{ix}.n.timestamp"] = _el("rw", "time", lenient=_lenient({"kind": "string", "spm": 250}))
    e[f"{ix}.n.correct_responses._count"] = _el("r", "characterstring")
    e[f"{ix}.n.correct_responses.n.pattern"] = _el(
        "rw", {"kind": "response", "role": "pattern"}, requires=[f"{ix}.n.type"], lenient=loose_text)
    e[f"{ix}.n.weighting"] = _el("rw", "real")
    e[f"{ix}.n.learner_response"] = _el(
        "rw", {"kind": "response", "role": "learner"}, requires=[f"{ix}.n.type"], lenient=loose_text)
    result = _vocab("correct", "incorrect", "unanticipated", "neutral", or_="real")
    e[f"{ix}.n.result"] = _el("rw", result, lenient=_lenient(
        _vocab("correct", "incorrect", "unanticipated", "neutral", "wrong", "true", "false", or_="real")))
    e[f"{ix}.n.latency"] = _el("rw", "timeinterval", lenient=_lenient("timeinterval_loose"))
    e[f"{ix}.n.description"] = _el("rw", "localized_250", lenient=loose_text)

    e["cmi.launch_data"] = _el("r", {"kind": "string", "spm": 4000})
    e["cmi.learner_id"] = _el("r", {"kind": "string", "spm": 4000}, default="")
    e["cmi.learner_name"] = _el("r", "localized_250", default="")
    lp = "cmi.learner_preference"
    e[f"{lp}._children"] = _el("r", "characterstring")
    e[f"{lp}.audio_level"] = _el("rw", "real_0_inf", default="1")
    e[f"{lp}.language"] = _el("rw", {"kind": "regex", "regex": f"(?:{LANGUAGE})?", "spm": 250}, default="")
    e[f"{lp}.delivery_speed"] = _el("rw", "real_0_inf", default="1")
    e[f"{lp}.audio_captioning"] = _el("rw", _vocab("-1", "0", "1"), default="0")
    e["cmi.location"] = _el("rw", {"kind": "string", "spm": 1000})
    e["cmi.max_time_allowed"] = _el("r", "timeinterval")
    e["cmi.mode"] = _el("r", _vocab("browse", "normal", "review"), default="normal")

    ob = "cmi.objectives"
    e[f"{ob}._children"] = _el("r", "characterstring")
    e[f"{ob}._count"] = _el("r", "characterstring")
    e[f"{ob}.n.id"] = _el("rw", "long_identifier", unique=True, immutable=True)
    e[f"{ob}.n.score._children"] = _el("r", "characterstring")
    e[f"{ob}.n.score.scaled"] = _el("rw", "real_-1_1")
    e[f"{ob}.n.score.raw"] = _el("rw", "real")
    e[f"{ob}.n.score.min"] = _el("rw", "real")
    e[f"{ob}.n.score.max"] = _el("rw", "real")
    e[f"{ob}.n.success_status"] = _el("rw", "success", default="unknown")
    e[f"{ob}.n.completion_status"] = _el("rw", "completion", default="unknown")
    e[f"{ob}.n.progress_measure"] = _el("rw", "real_0_1")
    e[f"{ob}.n.description"] = _el("rw", "localized_250")

    e["cmi.progress_measure"] = _el("rw", "real_0_1")
    e["cmi.scaled_passing_score"] = _el("r", "real_-1_1")
    e["cmi.score._children"] = _el("r", "characterstring")
    e["cmi.score.scaled"] = _el("rw", "real_-1_1")
    e["cmi.score.raw"] = _el("rw", "real")
    e["cmi.score.min"] = _el("rw", "real")
    e["cmi.score.max"] = _el("rw", "real")
    e["cmi.session_time"] = _el("w", "timeinterval", lenient=_lenient("timeinterval_loose", LENIENT_TIMES))
    e["cmi.success_status"] = _el("rw", "success", default="unknown")
    e["cmi.suspend_data"] = _el("rw", {"kind": "string", "spm": 64000})
    e["cmi.time_limit_action"] = _el("r", _vocab(*TIME_LIMIT_ACTIONS), default="continue,no message")
    e["cmi.total_time"] = _el("r", "timeinterval", default="PT0H0M0S")

    # Navigation (SCORM 2004 4th edition, ADL namespace).
    target = r"\{target=[^}\s]+\}"
    e["adl.nav.request"] = _el("rw", _vocab(*NAV_REQUESTS, or_={"kind": "regex", "regex": target + "(?:choice|jump)"}),
                               default="_none_")
    tri = _vocab("true", "false", "unknown")
    e["adl.nav.request_valid.continue"] = _el("r", tri, default="unknown")
    e["adl.nav.request_valid.previous"] = _el("r", tri, default="unknown")
    e["adl.nav.request_valid.choice.{target=}"] = _el("r", tri, default="unknown")
    e["adl.nav.request_valid.jump.{target=}"] = _el("r", tri, default="unknown")
    # Shared data (adl.data): records come from the launch values; access per record from "adl.data.<n>._access".
    e["adl.data._children"] = _el("r", "characterstring")
    e["adl.data._count"] = _el("r", "characterstring")
    e["adl.data.n.id"] = _el("r", "long_identifier")
    e["adl.data.n.store"] = _el("rw", {"kind": "string", "spm": 64000}, accessFrom="adl.data.n._access")
    return e


def _responses_2004() -> dict[str, Any]:
    """Formats of correct_responses.n.pattern and learner_response by interaction type (RTE 4.2.9).

    ``maxPatterns``: the type allows only that many correct response patterns (more: 351); ``spmPatterns``: the
    smallest number an LMS must keep (more are accepted); ``uniquePatterns``: a pattern equal to another pattern of
    the same interaction is refused (351): "exact" compares the strings, "set" the sets of ``[,]`` items."""
    sid = {"kind": "short_identifier"}
    loc = {"kind": "localized", "spm": 250}
    return {
        "true-false": {"maxPatterns": 1, "pattern": {"kind": "vocab", "values": ["true", "false"]},
                       "learner": {"kind": "vocab", "values": ["true", "false"]}},
        # Two choice patterns are the same when they hold the same set of identifiers (order does not count).
        "choice": {"spmPatterns": 10, "uniquePatterns": "set",
                   "pattern": {"kind": "list", "sep": "[,]", "spm": 36, "unique": True, "empty": True, "item": sid},
                   "learner": {"kind": "list", "sep": "[,]", "spm": 36, "unique": True, "empty": True, "item": sid}},
        "fill-in": {"spmPatterns": 5,
                    "pattern": {"kind": "list", "sep": "[,]", "spm": 10, "empty": True, "item": loc,
                                "delimiters": ["case_matters", "order_matters"]},
                    "learner": {"kind": "list", "sep": "[,]", "spm": 10, "empty": True, "item": loc}},
        "long-fill-in": {"spmPatterns": 5,
                         "pattern": {"kind": "localized", "spm": 4000, "delimiters": ["case_matters"]},
                         "learner": {"kind": "localized", "spm": 4000}},
        "likert": {"maxPatterns": 1, "pattern": sid, "learner": sid},
        # A correct matching pattern has at least one pair; the learner's response may be empty.
        "matching": {"spmPatterns": 5,
                     "pattern": {"kind": "list", "sep": "[,]", "spm": 36,
                                 "item": {"kind": "pair", "sep": "[.]", "left": sid, "right": sid}},
                     "learner": {"kind": "list", "sep": "[,]", "spm": 36, "empty": True,
                                 "item": {"kind": "pair", "sep": "[.]", "left": sid, "right": sid}}},
        "performance": {"spmPatterns": 5,
                        "pattern": {"kind": "list", "sep": "[,]", "spm": 125, "delimiters": ["order_matters"],
                                    "item": {"kind": "pair", "sep": "[.]", "leftOptional": True, "rightOptional": True,
                                             "left": sid, "right": {"kind": "step_answer"}}},
                        "learner": {"kind": "list", "sep": "[,]", "spm": 125,
                                    "item": {"kind": "pair", "sep": "[.]", "leftOptional": True, "rightOptional": True,
                                             "left": sid, "right": {"kind": "step_answer"}}}},
        # A sequence has at least one step; steps may repeat. Each correct pattern must differ from the others.
        "sequencing": {"spmPatterns": 5, "uniquePatterns": "exact",
                       "pattern": {"kind": "list", "sep": "[,]", "spm": 36, "item": sid},
                       "learner": {"kind": "list", "sep": "[,]", "spm": 36, "item": sid}},
        # The pattern is <min>[:]<max> (the separator is required, either bound may be empty, min <= max).
        "numeric": {"maxPatterns": 1, "pattern": {"kind": "range", "sep": "[:]", "required": True},
                    "learner": {"kind": "real"}},
        "other": {"maxPatterns": 1, "pattern": {"kind": "string", "spm": 4000},
                  "learner": {"kind": "string", "spm": 4000}},
    }


def _capped(version: str, elements: dict[str, dict[str, Any]], types: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Give every element its ``cap`` (kept when written beside the element): the type's hard ``max`` (1.2), 4 x its
    SPM (2004), else the version's default; responses take RESPONSE_CAP. A lenient type never raises the cap."""
    for spec in elements.values():
        if "cap" in spec:
            continue
        t = types.get(spec["type"]) if isinstance(spec["type"], str) else spec["type"]
        if t.get("kind") == "response":
            spec["cap"] = RESPONSE_CAP[version]
        elif isinstance(t.get("max"), int) and t.get("kind") in ("string", "regex"):
            spec["cap"] = t["max"]
        elif t.get("spm"):
            spec["cap"] = SPM_FACTOR_2004 * t["spm"] if version == "2004" else t["spm"]
        else:
            spec["cap"] = DEFAULT_CAP[version]
    return elements


def _definition_2004() -> dict[str, Any]:
    types = _types_2004()
    return {
        "version": "2004",
        "api": dict(API_2004),
        # The API object's "version" attribute (RTE 3.1: "1.0" for SCORM 2004 4th edition, IEEE 1484.11.2).
        "apiVersion": "1.0",
        "errors": {str(k): v for k, v in ERRORS_2004.items()},
        "codes": dict(CODES_2004),
        "types": types,
        "elements": _capped("2004", _elements_2004(), types),
        "children": {
            "cmi.comments_from_learner": "comment,location,timestamp",
            "cmi.comments_from_lms": "comment,location,timestamp",
            "cmi.interactions": "id,type,objectives,timestamp,correct_responses,weighting,"
            "learner_response,result,latency,description",
            "cmi.learner_preference": "audio_level,language,delivery_speed,audio_captioning",
            "cmi.objectives": "id,score,success_status,completion_status,progress_measure,description",
            "cmi.objectives.n.score": "scaled,raw,min,max",
            "cmi.score": "scaled,raw,min,max",
            "adl.data": "id,store",
        },
        "arrays": {
            "cmi.comments_from_learner": {"spm": 250},
            "cmi.comments_from_lms": {"spm": 250, "fixed": True},
            "cmi.interactions": {"spm": 250, "key": "id"},
            "cmi.interactions.n.objectives": {"spm": 10, "key": "id"},
            "cmi.interactions.n.correct_responses": {"spm": 10, "maxFrom": "responses"},
            "cmi.objectives": {"spm": 100, "key": "id"},
            "adl.data": {"spm": 0, "fixed": True},
        },
        "responses": _responses_2004(),
        "computed": {
            "cmi.completion_status": {"measure": "cmi.progress_measure", "threshold": "cmi.completion_threshold",
                                      "met": "completed", "notMet": "incomplete", "noMeasure": "unknown"},
            "cmi.success_status": {"measure": "cmi.score.scaled", "threshold": "cmi.scaled_passing_score",
                                   "met": "passed", "notMet": "failed", "noMeasure": "unknown"},
        },
        "uninitialized": "error",
        "syntax": dict(SYNTAX),
    }


# --- SCORM 1.2 -------------------------------------------------------------------------------------------------------


def _types_12() -> dict[str, Any]:
    return {
        "CMIString255": {"kind": "string", "max": 255},
        "CMIString4096": {"kind": "string", "max": 4096},
        "CMIIdentifier": {"kind": "regex", "regex": CMIIDENTIFIER},
        "CMIDecimal": {"kind": "real"},
        "CMIScore": {"kind": "real", "min": 0, "max": 100, "blank": True},
        "CMITimespan": {"kind": "regex", "regex": CMITIMESPAN},
        "CMITimespan_loose": {"kind": "regex", "regex": CMITIMESPAN_LOOSE},
        "CMITime": {"kind": "regex", "regex": CMITIME},
        "lenient_text": {"kind": "string", "max": 4096},
        "status": _vocab("passed", "completed", "failed", "incomplete", "browsed"),
    }


def _elements_12() -> dict[str, dict[str, Any]]:
    e: dict[str, dict[str, Any]] = {}
    e["cmi._version"] = _el("r", "CMIString255", default="3.4")
    c = "cmi.core"
    e[f"{c}._children"] = _el("r", "CMIString255")
    e[f"{c}.student_id"] = _el("r", "CMIString255")
    e[f"{c}.student_name"] = _el("r", "CMIString255")
    e[f"{c}.lesson_location"] = _el("rw", "CMIString255")
    e[f"{c}.credit"] = _el("r", _vocab("credit", "no-credit"), default="credit")
    e[f"{c}.lesson_status"] = _el("rw", "status", default="not attempted")
    e[f"{c}.entry"] = _el("r", _vocab("ab-initio", "resume", ""))
    e[f"{c}.score._children"] = _el("r", "CMIString255")
    e[f"{c}.score.raw"] = _el("rw", "CMIScore")
    e[f"{c}.score.min"] = _el("rw", "CMIScore")
    e[f"{c}.score.max"] = _el("rw", "CMIScore")
    e[f"{c}.total_time"] = _el("r", "CMITimespan", default="0000:00:00.00")
    e[f"{c}.lesson_mode"] = _el("r", _vocab("browse", "normal", "review"), default="normal")
    e[f"{c}.exit"] = _el("w", _vocab("time-out", "suspend", "logout", ""))
    e[f"{c}.session_time"] = _el("w", "CMITimespan", lenient=_lenient("CMITimespan_loose", LENIENT_TIMES))
    e["cmi.suspend_data"] = _el("rw", "CMIString4096", lenient={
        "option": SUSPEND_DATA_LIMIT_12, "type": {"kind": "string", "maxOption": SUSPEND_DATA_LIMIT_12}},
        cap=SUSPEND_DATA_CAP_12)
    e["cmi.launch_data"] = _el("r", "CMIString4096")
    e["cmi.comments"] = _el("rw", "CMIString4096")
    e["cmi.comments_from_lms"] = _el("r", "CMIString4096")

    ob = "cmi.objectives"
    e[f"{ob}._children"] = _el("r", "CMIString255")
    e[f"{ob}._count"] = _el("r", "CMIString255")
    e[f"{ob}.n.id"] = _el("rw", "CMIIdentifier")
    e[f"{ob}.n.score._children"] = _el("r", "CMIString255")
    e[f"{ob}.n.score.raw"] = _el("rw", "CMIScore")
    e[f"{ob}.n.score.min"] = _el("rw", "CMIScore")
    e[f"{ob}.n.score.max"] = _el("rw", "CMIScore")
    e[f"{ob}.n.status"] = _el("rw", _vocab(*LESSON_STATUS_12))

    sd = "cmi.student_data"
    e[f"{sd}._children"] = _el("r", "CMIString255")
    e[f"{sd}.mastery_score"] = _el("r", "CMIScore")
    e[f"{sd}.max_time_allowed"] = _el("r", "CMITimespan")
    e[f"{sd}.time_limit_action"] = _el("r", _vocab(*TIME_LIMIT_ACTIONS))

    sp = "cmi.student_preference"
    e[f"{sp}._children"] = _el("r", "CMIString255")
    e[f"{sp}.audio"] = _el("rw", {"kind": "integer", "min": -1, "max": 100})
    e[f"{sp}.language"] = _el("rw", "CMIString255")
    e[f"{sp}.speed"] = _el("rw", {"kind": "integer", "min": -100, "max": 100})
    e[f"{sp}.text"] = _el("rw", {"kind": "integer", "min": -1, "max": 1})

    ix = "cmi.interactions"
    loose = _lenient("lenient_text")
    e[f"{ix}._children"] = _el("r", "CMIString255")
    e[f"{ix}._count"] = _el("r", "CMIString255")
    e[f"{ix}.n.id"] = _el("w", "CMIIdentifier", lenient=_lenient({"kind": "string", "min": 1, "max": 4096}))
    e[f"{ix}.n.objectives._count"] = _el("r", "CMIString255")
    e[f"{ix}.n.objectives.n.id"] = _el("w", "CMIIdentifier", lenient=_lenient({"kind": "string", "min": 1, "max": 4096}))
    e[f"{ix}.n.time"] = _el("w", "CMITime", lenient=_lenient({"kind": "string", "max": 255}))
    e[f"{ix}.n.type"] = _el("w", _vocab(*INTERACTION_TYPES_12), lenient=_lenient(
        _vocab(*INTERACTION_TYPES_12, "long-fill-in", "other")))
    e[f"{ix}.n.correct_responses._count"] = _el("r", "CMIString255")
    e[f"{ix}.n.correct_responses.n.pattern"] = _el("w", {"kind": "response", "role": "pattern"}, lenient=loose)
    e[f"{ix}.n.weighting"] = _el("w", "CMIDecimal")
    e[f"{ix}.n.student_response"] = _el("w", {"kind": "response", "role": "learner"}, lenient=loose)
    e[f"{ix}.n.result"] = _el("w", _vocab("correct", "wrong", "unanticipated", "neutral", or_="CMIDecimal"),
                              lenient=_lenient(_vocab("correct", "wrong", "incorrect", "unanticipated", "neutral",
                                                      or_="CMIDecimal")))
    e[f"{ix}.n.latency"] = _el("w", "CMITimespan", lenient=_lenient("CMITimespan_loose"))
    return e


def _responses_12() -> dict[str, Any]:
    """CMIFeedback formats by interaction type (SCORM 1.2 RTE 3.4.4)."""
    char = r"[0-9a-zA-Z]"
    fb = {"kind": "string", "max": 255}
    choice = {"kind": "regex", "regex": rf"(?:\{{{char}(?:,{char})*\}}|{char}(?:,{char})*)?"}
    same = {
        "true-false": {"kind": "vocab", "values": ["0", "1", "t", "f", "true", "false"]},
        "choice": choice,
        "fill-in": fb,
        "numeric": {"kind": "real"},
        "likert": {"kind": "regex", "regex": f"{char}?"},
        "matching": {"kind": "regex", "regex": rf"(?:\{{{char}\.{char}(?:,{char}\.{char})*\}}|{char}\.{char}(?:,{char}\.{char})*)?"},
        "performance": fb,
        "sequencing": {"kind": "regex", "regex": rf"(?:{char}(?:,{char})*)?"},
    }
    return {t: {"pattern": spec, "learner": spec} for t, spec in same.items()}


def _definition_12() -> dict[str, Any]:
    types = _types_12()
    return {
        "version": "1.2",
        "api": dict(API_12),
        "errors": {str(k): v for k, v in ERRORS_12.items()},
        "codes": dict(CODES_12),
        "types": types,
        "elements": _capped("1.2", _elements_12(), types),
        "children": {
            "cmi.core": "student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,"
            "lesson_mode,exit,session_time",
            "cmi.core.score": "raw,min,max",
            "cmi.objectives": "id,score,status",
            "cmi.objectives.n.score": "raw,min,max",
            "cmi.student_data": "mastery_score,max_time_allowed,time_limit_action",
            "cmi.student_preference": "audio,language,speed,text",
            "cmi.interactions": "id,objectives,time,type,correct_responses,weighting,student_response,result,latency",
        },
        "arrays": {
            "cmi.objectives": {"spm": 100},
            "cmi.interactions": {"spm": 250},
            "cmi.interactions.n.objectives": {"spm": 10},
            "cmi.interactions.n.correct_responses": {"spm": 10},
        },
        "responses": _responses_12(),
        "computed": {},
        "uninitialized": "empty",
        "syntax": dict(SYNTAX),
    }


_BUILDERS = {"1.2": _definition_12, "2004": _definition_2004}
_CACHE: dict[str, dict[str, Any]] = {}


def _build(v: str) -> dict[str, Any]:
    built = _BUILDERS[v]()
    built["optionDefaults"] = dict(OPTION_DEFAULTS)
    built["limits"] = dict(LIMITS)
    return built


def normalize_version(version: str) -> str:
    """Map "1.2", "2004", "2004 4th Edition", "CAM 1.3", "SCORM_12" ... to "1.2" or "2004"."""
    v = (version or "").strip().lower()
    if v in ("1.2", "12", "scorm_12", "scorm 1.2", "scorm12"):
        return "1.2"
    if v.startswith("2004") or "2004" in v or "1.3" in v or v == "cam 1.3":
        return "2004"
    raise ValueError(f"unknown SCORM version: {version!r}")


def definition(version: str) -> dict[str, Any]:
    """The data model of `version` ("1.2" or "2004") as a JSON-able dict (a fresh copy: callers may change it)."""
    v = normalize_version(version)
    if v not in _CACHE:
        _CACHE[v] = _build(v)
    return copy.deepcopy(_CACHE[v])


# --- Python-side helpers over the same data ---------------------------------------------------------------------------

_INDEX = re.compile(r"\.(\d+)(?=\.|$)")


def pattern_of(element: str) -> str:
    """The model pattern of a concrete element name: "cmi.interactions.3.id" -> "cmi.interactions.n.id"."""
    if element.startswith("adl.nav.request_valid.") and ".{target=" in element:
        head = element.split(".{target=", 1)[0]
        return head + ".{target=}"
    return _INDEX.sub(".n", element)


def element_spec(version: str, element: str) -> dict[str, Any] | None:
    """The spec of a concrete element, or None when the model has no such element."""
    return definition_cached(version)["elements"].get(pattern_of(element))


def definition_cached(version: str) -> dict[str, Any]:
    """Like `definition` but shared (do not modify the result)."""
    v = normalize_version(version)
    if v not in _CACHE:
        _CACHE[v] = _build(v)
    return _CACHE[v]


def error_string(version: str, code: int | str) -> str:
    return definition_cached(version)["errors"].get(str(code), "")


def _to_float(text: str | None) -> float | None:
    if text is None or text == "" or not re.fullmatch(REAL, text.strip()):
        return None
    return float(text)


def evaluated_status(version: str, element: str, values: dict[str, str]) -> str | None:
    """The value GetValue answers for a computed element (2004 completion/success status), or None if not computed.

    Rules (RTE 4.2.4.1 / 4.2.22.1): with a threshold defined, a set measure decides (met at or above the threshold);
    a threshold with no measure gives "unknown"; without a threshold the stored value (or its default) stands.
    """
    model = definition_cached(version)
    rule = model["computed"].get(element)
    if rule is None:
        return None
    threshold = _to_float(values.get(rule["threshold"]))
    if threshold is not None:
        measure = _to_float(values.get(rule["measure"]))
        if measure is None:
            return rule["noMeasure"]
        return rule["met"] if measure >= threshold else rule["notMet"]
    stored = values.get(element)
    if stored is None or stored == "":
        return model["elements"][element].get("default", "")
    return stored


def elements(version: str) -> list[str]:
    """Every element pattern of the model, in definition order."""
    return list(definition_cached(version)["elements"])
