"""What the LMS does around one SCO session: the values the page starts with, and the changes made when it ends.

Plain Python (no Qt). The page's run-time (``resources/player/runtime.js``) answers every API call from the values
``start_session`` returns; accepted writes stream back; when the session ends ``finish_session`` computes the LMS's own
changes (total time, status decisions, ...). See ``docs/runtime-protocol.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scorm_desktop.cmi import timefmt
from scorm_desktop.cmi.names import ROLES, parse_float
from scorm_desktop.cmi.datamodel import definition_cached, evaluated_status, normalize_version, pattern_of


@dataclass(frozen=True)
class SharedData:
    """One ``adlcp:data/adlcp:map`` declaration of a 2004 item, with the current value of its store (None: unset)."""

    id: str
    read: bool = True
    write: bool = True
    value: str | None = None


@dataclass(frozen=True)
class LaunchContext:
    """Everything about one launch that the LMS, not the content, owns."""

    version: str = "2004"  # "1.2" | "2004"
    learner_id: str = ""
    learner_name: str = ""
    launch_data: str | None = None  # adlcp:dataFromLMS / adlcp:datafromlms
    mastery_score: float | None = None  # 1.2 adlcp:masteryscore (0-100)
    scaled_passing_score: float | None = None  # 2004 imsss:minNormalizedMeasure when satisfiedByMeasure (-1..1)
    completion_threshold: float | None = None  # 2004 adlcp:completionThreshold (0..1)
    max_time_allowed: str | None = None  # any time-span form; converted to the version's form
    time_limit_action: str | None = None  # "exit,message" | "exit,no message" | "continue,message" | ...
    mode: str = "normal"  # "normal" | "review" | "browse"
    credit: bool = True  # False: the attempt is not for credit
    shared_data: tuple[SharedData, ...] = ()  # 2004 adl.data declarations
    nav_valid: dict[str, str] = field(default_factory=dict)  # "continue" -> "true", "choice.{target=x}" -> "false"
    comments_from_lms: tuple[tuple[str, str, str], ...] = ()  # (comment, location, timestamp); 1.2 uses comments only
    #: 2004: the objective IDs the manifest declares for the activity (primary first); cmi.objectives starts with them.
    objective_ids: tuple[str, ...] = ()

    @property
    def scorm_version(self) -> str:
        return normalize_version(self.version)


# Values the LMS owns: never taken from the stored values, always computed here.
_LMS_OWNED_PREFIXES = ("adl.nav.", "adl.data.")
_LMS_OWNED_12 = {
    "cmi._version", "cmi.core.entry", "cmi.core.credit", "cmi.core.lesson_mode", "cmi.core.total_time",
    "cmi.core.student_id", "cmi.core.student_name", "cmi.launch_data", "cmi.student_data.mastery_score",
    "cmi.student_data.max_time_allowed", "cmi.student_data.time_limit_action", "cmi.comments_from_lms",
    # Per-session, write-only: the previous session's values must not reach the new page.
    "cmi.core.session_time", "cmi.core.exit",
}
_LMS_OWNED_2004 = {
    "cmi._version", "cmi.entry", "cmi.credit", "cmi.mode", "cmi.total_time", "cmi.learner_id", "cmi.learner_name",
    "cmi.launch_data", "cmi.scaled_passing_score", "cmi.completion_threshold", "cmi.max_time_allowed",
    "cmi.time_limit_action", "cmi.session_time", "cmi.exit",
}


def _number(value: float) -> str:
    """A number as SCORM real/CMIDecimal text: no exponent, no trailing zeros."""
    text = f"{float(value):.7f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _is_lms_owned(version: str, key: str) -> bool:
    if key.startswith(_LMS_OWNED_PREFIXES) or key.startswith("cmi.comments_from_lms."):
        return True
    if key.endswith("._count") or key.endswith("._children"):
        return True  # the run-time derives these
    return key in (_LMS_OWNED_12 if version == "1.2" else _LMS_OWNED_2004)


def _first_launch(version: str, stored: dict[str, str]) -> bool:
    names = ROLES[version]
    if timefmt.try_parse(stored.get(names["total_time"])):
        return False  # an earlier session was counted
    return not any(not _is_lms_owned(version, k) or k in (names["exit"], names["session_time"]) for k in stored)


# 2004: the navigation request that suspends the whole activity tree (SN book; RTE 4.4.1 adl.nav.request).
_SUSPEND_ALL = "suspendAll"
_NAV_REQUEST = "adl.nav.request"


def _suspended(version: str, values: dict[str, str]) -> bool:
    """Whether the last session left the attempt suspended: exit "suspend", or (2004) a suspendAll request."""
    if values.get(ROLES[version]["exit"]) == "suspend":
        return True
    return version == "2004" and values.get(_NAV_REQUEST) == _SUSPEND_ALL


def entry_for(version: str, stored: dict[str, str]) -> str:
    """cmi.entry / cmi.core.entry: "resume" after an exit of "suspend" (2004: or a suspendAll navigation request),
    "ab-initio" on a first launch, else ""."""
    if _suspended(version, stored):
        return "resume"
    if _first_launch(version, stored):
        return "ab-initio"
    return ""


def start_session(ctx: LaunchContext, stored: dict[str, str]) -> dict[str, str]:
    """Every value the page starts with: the stored values of the attempt plus the LMS-owned ones.

    `stored` is what was persisted for this SCO's attempt (it may hold the last session's exit and session_time:
    these decide the entry and are not handed on). Only elements of the model are kept.
    """
    version = ctx.scorm_version
    names = ROLES[version]
    model = definition_cached(version)
    values: dict[str, str] = {}
    for key, value in stored.items():
        if value is None or _is_lms_owned(version, key) or pattern_of(key) not in model["elements"]:
            continue
        values[key] = str(value)

    values["cmi._version"] = model["elements"]["cmi._version"]["default"]
    values[names["entry"]] = entry_for(version, stored)
    credit = ctx.credit and ctx.mode == "normal"
    values[names["credit"]] = "credit" if credit else "no-credit"
    values[names["mode"]] = ctx.mode if ctx.mode in ("normal", "review", "browse") else "normal"
    total = timefmt.try_parse(stored.get(names["total_time"])) or 0
    values[names["total_time"]] = timefmt.format_for(version, total)
    values[names["learner_id"]] = ctx.learner_id or ""
    values[names["learner_name"]] = ctx.learner_name or ""
    if ctx.launch_data:
        values["cmi.launch_data"] = ctx.launch_data
    if ctx.max_time_allowed:
        limit = timefmt.try_parse(ctx.max_time_allowed)
        if limit is not None:
            values[names["max_time_allowed"]] = timefmt.format_for(version, limit)
    if ctx.time_limit_action:
        values[names["time_limit_action"]] = ctx.time_limit_action

    if version == "1.2":
        if ctx.mastery_score is not None:
            values["cmi.student_data.mastery_score"] = _number(ctx.mastery_score)
        values.setdefault("cmi.core.lesson_status", "not attempted")
        if ctx.comments_from_lms:
            values["cmi.comments_from_lms"] = ctx.comments_from_lms[0][0]
    else:
        if ctx.scaled_passing_score is not None:
            values["cmi.scaled_passing_score"] = _number(ctx.scaled_passing_score)
        if ctx.completion_threshold is not None:
            values["cmi.completion_threshold"] = _number(ctx.completion_threshold)
        for i, (comment, location, timestamp) in enumerate(ctx.comments_from_lms):
            values[f"cmi.comments_from_lms.{i}.comment"] = comment
            if location:
                values[f"cmi.comments_from_lms.{i}.location"] = location
            if timestamp:
                values[f"cmi.comments_from_lms.{i}.timestamp"] = timestamp
        values["cmi.comments_from_lms._count"] = str(len(ctx.comments_from_lms))
        _add_declared_objectives(values, ctx.objective_ids)
        values["adl.data._count"] = str(len(ctx.shared_data))
        for i, data in enumerate(ctx.shared_data):
            values[f"adl.data.{i}.id"] = data.id
            values[f"adl.data.{i}._access"] = ("r" if data.read else "") + ("w" if data.write else "")
            if data.value is not None:
                values[f"adl.data.{i}.store"] = data.value
        for key, answer in ctx.nav_valid.items():
            values[f"adl.nav.request_valid.{key}"] = answer
    return values


def _add_declared_objectives(values: dict[str, str], objective_ids: tuple[str, ...]) -> None:
    """RTE 4.2.17: the LMS initializes cmi.objectives with the activity's objectives that have an ID, keeping any
    stored already (content looks them up by id, e.g. to report per-objective scores)."""
    present = {v for k, v in values.items() if k.startswith("cmi.objectives.") and k.endswith(".id")}
    n = len(present)
    for objective_id in objective_ids:
        if objective_id and objective_id not in present:
            values[f"cmi.objectives.{n}.id"] = objective_id
            present.add(objective_id)
            n += 1


def session_centiseconds(ctx: LaunchContext, values: dict[str, str], elapsed_seconds: float) -> int:
    """The session's duration: the content's session_time when it set a readable one, else the measured time."""
    reported = timefmt.try_parse(values.get(ROLES[ctx.scorm_version]["session_time"]))
    return reported if reported is not None else timefmt.from_seconds(elapsed_seconds)


def finish_session(
    ctx: LaunchContext, values: dict[str, str], elapsed_seconds: float, terminated: bool
) -> dict[str, str]:
    """The changes the LMS makes when a session ends (only the elements whose value changes).

    - total_time += the session time (the content's session_time, or `elapsed_seconds` when it set none or an
      unreadable one);
    - 1.2: with a mastery score, credit and a score.raw, lesson_status becomes passed/failed; a status never set
      becomes "completed" at LMSFinish ("browsed" in browse mode), or "incomplete" when the content never finished;
    - 2004: completion_status / success_status are evaluated from completion_threshold + progress_measure and
      scaled_passing_score + score.scaled, and written as evaluated;
    - a session that was not terminated and set no exit is recorded as exit "suspend", so the next launch resumes
      (content that never calls Finish/Terminate would otherwise lose its place).
    """
    version = ctx.scorm_version
    names = ROLES[version]
    changes: dict[str, str] = {}

    previous = timefmt.try_parse(values.get(names["total_time"])) or 0
    total = previous + session_centiseconds(ctx, values, elapsed_seconds)
    changes[names["total_time"]] = timefmt.format_for(version, total)

    credit = values.get(names["credit"], "credit" if ctx.credit else "no-credit") == "credit"
    mode = values.get(names["mode"], ctx.mode)
    if version == "1.2":
        status = values.get(names["lesson_status"], "") or "not attempted"
        new_status = status
        mastery = parse_float(values.get("cmi.student_data.mastery_score"))
        if mastery is None and ctx.mastery_score is not None:
            mastery = float(ctx.mastery_score)
        raw = parse_float(values.get(names["score_raw"]))
        if status == "not attempted":
            if not terminated:
                new_status = "incomplete"
            else:
                new_status = "browsed" if mode == "browse" else "completed"
        if credit and mode == "normal" and mastery is not None and raw is not None:
            new_status = "passed" if raw >= mastery else "failed"
        if new_status != values.get(names["lesson_status"]):
            changes[names["lesson_status"]] = new_status
    else:
        # The thresholds are the LMS's (from the manifest), not stored with the SCO's values: evaluate with them.
        judged = dict(values)
        if ctx.scaled_passing_score is not None:
            judged.setdefault("cmi.scaled_passing_score", _number(ctx.scaled_passing_score))
        if ctx.completion_threshold is not None:
            judged.setdefault("cmi.completion_threshold", _number(ctx.completion_threshold))
        for key in ("completion_status", "success_status"):
            element = names[key]
            evaluated = evaluated_status(version, element, judged)
            if evaluated is not None and evaluated != values.get(element):
                changes[element] = evaluated

    if not terminated and not values.get(names["exit"]):
        changes[names["exit"]] = "suspend"
    if version == "2004" and values.get(_NAV_REQUEST) == _SUSPEND_ALL:
        # suspendAll suspends the attempt whatever cmi.exit says (ADL CTS DMB: exit "normal" + suspendAll, then the
        # next launch reads entry "resume" and its suspend_data). Record it as the exit, and consume the request so a
        # later session that issues none is not suspended again by this one.
        changes[names["exit"]] = "suspend"
        changes[_NAV_REQUEST] = "_none_"
    return {k: v for k, v in changes.items() if values.get(k) != v}


def attempt_ended(ctx: LaunchContext, values: dict[str, str]) -> bool:
    """Whether the learner attempt is over after this session (any exit but "suspend"; 2004 also logout/normal;
    a 2004 suspendAll navigation request suspends it)."""
    return not _suspended(ctx.scorm_version, values)
