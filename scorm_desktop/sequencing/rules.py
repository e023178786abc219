"""Objective access through objective maps, rule conditions, and the SN utility processes UP.1, UP.2 and UP.5.

Reading an objective goes through its read maps: a mapped global objective whose value is known wins over the local
value (SN 4.2.1.2). Writing copies known local values to every global named by a write map. Conditions evaluate to
True, False or None (unknown); `not` keeps unknown unknown, `all` / `any` combine three-valued.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scorm_desktop.sequencing.definition import ObjectiveDefinition, RuleCondition, SequencingRule
from scorm_desktop.sequencing.tree import Activity, ObjectiveState

if TYPE_CHECKING:
    from scorm_desktop.sequencing.tree import ActivityTree


# --- objective reads (read maps) -----------------------------------------------------------------------------------


def _objective(act: Activity, objective_id: str | None) -> ObjectiveDefinition | None:
    return act.definition.objective(objective_id)


def satisfaction(
    tree: "ActivityTree", act: Activity, objective_id: str | None = None, local_ok: bool = True
) -> tuple[bool, bool]:
    """(Objective Progress Status, Objective Satisfied Status) of an objective (the primary one by default)."""
    obj = _objective(act, objective_id)
    if obj is None:
        return False, False
    if obj.satisfied_by_measure:
        # satisfiedByMeasure: the measure (read through maps first) decides, whatever status was recorded or read
        # (ADL OB-17a: obj4 recorded "failed" with measure 0.99 >= 0.75 reads back "passed"; OB-16d: a cluster
        # reading a global measure). An active cluster without measureSatisfactionIfActive has no status yet.
        if obj.primary and act.children and act.state.is_active \
                and not act.definition.rollup_considerations.measure_satisfaction_if_active:
            return False, False
        known, value = measure(tree, act, obj.objective_id, local_ok)
        return (True, value >= obj.min_normalized_measure) if known else (False, False)
    for m in obj.maps:
        if m.read_satisfied:
            # a read map makes the global decide, unknown included: ADL creates every global as "unknown" and
            # never falls back to the local status while it is (CM-13: a satisfied activity reading an unknown
            # global is not hidden from choice)
            g = tree.global_objectives.get(m.target_id)
            return (True, g.satisfied) if g is not None and g.progress_status else (False, False)
    local = act.state.objectives.get(obj.objective_id) if local_ok else None
    if local is None or not local.progress_status:
        return False, False
    return True, local.satisfied


def measure(
    tree: "ActivityTree", act: Activity, objective_id: str | None = None, local_ok: bool = True
) -> tuple[bool, float]:
    """(Objective Measure Status, Objective Normalized Measure)."""
    obj = _objective(act, objective_id)
    if obj is None:
        return False, 0.0
    for m in obj.maps:
        if m.read_measure:
            g = tree.global_objectives.get(m.target_id)
            return (True, g.measure) if g is not None and g.measure_status else (False, 0.0)
    local = act.state.objectives.get(obj.objective_id) if local_ok else None
    if local is None or not local.measure_status:
        return False, 0.0
    return True, local.measure


def completion(
    tree: "ActivityTree", act: Activity, objective_id: str | None = None, local_ok: bool = True,
    by_measure: bool = True,
) -> tuple[bool, bool]:
    """(progress known, completed): the attempt's for the primary objective, the objective's own for others (4th)."""
    obj = _objective(act, objective_id)
    if obj is None:
        return False, False
    if obj.primary and act.definition.completed_by_measure and by_measure:
        # completedByMeasure: the progress measure (read through maps first) decides (ADL CO-02a: 0.8 written by
        # another activity completes this one, minProgressMeasure 0.5, though the status written was incomplete;
        # CO-12d: a cluster reading the measure a child wrote)
        known, value = progress_measure(tree, act, obj.objective_id, local_ok)
        return (True, value >= act.definition.min_progress_measure) if known else (False, False)
    for m in obj.maps:
        if m.read_completion:
            g = tree.global_objectives.get(m.target_id)
            if g is not None and g.completion_known:  # 4th-ed. maps fall back to the local value (ADL CO-09)
                return True, g.completed
    if not local_ok:
        return False, False
    if obj.primary:
        st = act.state
        return (True, st.attempt_completion_status) if st.attempt_progress_status else (False, False)
    local = act.state.objectives.get(obj.objective_id)
    if local is None or not local.completion_known:
        return False, False
    return True, local.completed


def progress_measure(
    tree: "ActivityTree", act: Activity, objective_id: str | None = None, local_ok: bool = True
) -> tuple[bool, float]:
    """(Attempt Completion Amount Status, Attempt Completion Amount) for the primary objective, else the objective's."""
    obj = _objective(act, objective_id)
    if obj is None:
        return False, 0.0
    for m in obj.maps:
        if m.read_progress_measure:
            g = tree.global_objectives.get(m.target_id)
            if g is not None and g.progress_measure_status:
                return True, g.progress_measure
    if not local_ok:
        return False, 0.0
    if obj.primary:
        st = act.state
        return (True, st.attempt_completion_amount) if st.attempt_completion_amount_status else (False, 0.0)
    local = act.state.objectives.get(obj.objective_id)
    if local is None or not local.progress_measure_status:
        return False, 0.0
    return True, local.progress_measure


def score_part(tree: "ActivityTree", act: Activity, objective_id: str | None, name: str) -> float | None:
    """score.raw / .min / .max of an objective ("raw", "min", "max"), read through the 4th ed. read maps."""
    obj = _objective(act, objective_id)
    if obj is None:
        return None
    for m in obj.maps:
        if getattr(m, f"read_{name}"):
            g = tree.global_objectives.get(m.target_id)
            if g is not None and getattr(g, name) is not None:
                return getattr(g, name)
    local = act.state.objectives.get(obj.objective_id)
    return getattr(local, name) if local is not None else None


def number_texts(tree: "ActivityTree", act: Activity, objective_id: str | None) -> dict[str, str]:
    """The numbers of an objective as written, from the globals its read maps name, else from the local state."""
    obj = _objective(act, objective_id)
    if obj is None:
        return {}
    out: dict[str, str] = {}
    local = act.state.objectives.get(obj.objective_id)
    if local is not None:
        out.update(local.text)
    for m in obj.maps:
        g = tree.global_objectives.get(m.target_id)
        if g is None:
            continue
        for name, flag in (("measure", m.read_measure), ("progress_measure", m.read_progress_measure),
                           ("raw", m.read_raw), ("min", m.read_min), ("max", m.read_max)):
            if flag and name in g.text:
                out[name] = g.text[name]
    return out


# --- objective writes (write maps) ---------------------------------------------------------------------------------


def write_maps(tree: "ActivityTree", act: Activity, cleared: frozenset[str] = frozenset()) -> None:
    """Copy the activity's known local objective values to the globals its write maps name; `cleared` names the
    objectives whose satisfaction the content has just set to unknown (written as unknown), and with "\0completion"
    appended those whose completion it set to unknown."""
    for obj in act.definition.objectives:
        if not obj.maps:
            continue
        local = act.state.objectives.get(obj.objective_id) or ObjectiveState()
        if obj.primary:
            st = act.state
            comp_known, comp = st.attempt_progress_status, st.attempt_completion_status
            pm_known, pm = st.attempt_completion_amount_status, st.attempt_completion_amount
            if act.definition.completed_by_measure and not act.children:
                # completedByMeasure: the status written is the measure's verdict, unknown without one (ADL CO-04c)
                comp_known, comp = pm_known, pm_known and pm >= act.definition.min_progress_measure
        else:
            comp_known, comp = local.completion_known, local.completed
            pm_known, pm = local.progress_measure_status, local.progress_measure
        sat_known, sat = local.progress_status, local.satisfied
        if obj.satisfied_by_measure:
            # the status written is the measure's verdict, unknown without a measure (ADL OB-05c)
            sat_known, sat = local.measure_status, local.measure_status and local.measure >= obj.min_normalized_measure
        for m in obj.maps:
            g = tree.global_objectives.get(m.target_id)
            if g is None:
                g = ObjectiveState()
            changed = False
            if m.write_satisfied and sat_known:
                g.progress_status, g.satisfied, changed = True, sat, True
            elif m.write_satisfied and obj.objective_id in cleared and g.progress_status:
                # the content set the status back to unknown: the global forgets it too (ADL OB-17a)
                g.progress_status, g.satisfied, changed = False, False, True
            if m.write_measure and local.measure_status:
                g.measure_status, g.measure, changed = True, local.measure, True
                _copy_text(local, g, "measure")
            if m.write_completion and comp_known:
                g.completion_known, g.completed, changed = True, comp, True
            elif m.write_completion and obj.objective_id + "\0completion" in cleared and g.completion_known:
                g.completion_known, g.completed, changed = False, False, True  # set back to unknown (ADL SX-11b)
            if m.write_progress_measure and pm_known:
                g.progress_measure_status, g.progress_measure, changed = True, pm, True
                _copy_text(local, g, "progress_measure")
            for flag, name in ((m.write_raw, "raw"), (m.write_min, "min"), (m.write_max, "max")):
                if flag and getattr(local, name) is not None:
                    setattr(g, name, getattr(local, name))
                    _copy_text(local, g, name)
                    changed = True
            if changed:
                tree.global_objectives[m.target_id] = g


def _copy_text(local: ObjectiveState, g: ObjectiveState, name: str) -> None:
    if name in local.text:
        g.text[name] = local.text[name]
    else:
        g.text.pop(name, None)


# --- conditions ----------------------------------------------------------------------------------------------------


def attempt_limit_exceeded(act: Activity) -> bool:
    limit = act.definition.limit_conditions.attempt_limit
    return bool(limit) and act.state.activity_progress_status and act.state.attempt_count >= (limit or 0)


def time_limit_exceeded(act: Activity) -> bool:
    limit = act.definition.limit_conditions.attempt_absolute_duration_limit_cs
    return bool(limit) and act.state.attempt_absolute_duration >= (limit or 0)


def condition_value(tree: "ActivityTree", act: Activity, condition: str, objective_id: str | None = None,
                    threshold: float = 0.0, objective_ok: bool = True, progress_ok: bool = True) -> bool | None:
    """One condition of the vocabulary on an activity (for rollup: on a child, its primary objective).

    `objective_ok` / `progress_ok` False make the activity's local objective / attempt progress data count as unknown
    (rollup of a child not attempted during the parent's current attempt); globals read through maps still count.
    """
    if condition == "always":
        return True
    if not act.definition.delivery.tracked:
        # an untracked activity has no tracking status for its rules, not even through maps (ADL CO-05a: a
        # tracked="false" cluster reading a completed global is not "activity progress known"); its SCO's
        # cmi.objectives still start from the globals (OB-10a)
        return None
    if condition == "satisfied":
        known, sat = satisfaction(tree, act, objective_id, objective_ok)
        return sat if known else None
    if condition == "objectiveStatusKnown":
        return satisfaction(tree, act, objective_id, objective_ok)[0]
    if condition == "objectiveMeasureKnown":
        return measure(tree, act, objective_id, objective_ok)[0]
    if condition == "objectiveMeasureGreaterThan":
        known, value = measure(tree, act, objective_id, objective_ok)
        return value > threshold if known else None
    if condition == "objectiveMeasureLessThan":
        known, value = measure(tree, act, objective_id, objective_ok)
        return value < threshold if known else None
    if condition == "completed":
        known, done = completion(tree, act, objective_id, progress_ok)
        return done if known else None
    if condition == "activityProgressKnown":
        # completion known, read through the 4th-ed. maps too: an activity not attempted yet can know it from a
        # global another activity wrote (ADL CO-06)
        return completion(tree, act, objective_id, progress_ok)[0]
    if condition == "attempted":
        return act.state.activity_progress_status
    if condition == "attemptLimitExceeded":
        return attempt_limit_exceeded(act)
    if condition == "timeLimitExceeded":
        return time_limit_exceeded(act)
    if condition == "outsideAvailableTimeRange":
        return False  # begin/end time limits are not part of SCORM 2004's manifest binding
    return None


def negate(value: bool | None, operator: str) -> bool | None:
    if operator == "not" and value is not None:
        return not value
    return value


def combine(values: list[bool | None], combination: str) -> bool | None:
    """Three-valued `all` / `any` (an empty list is unknown)."""
    if not values:
        return None
    if combination == "any":
        if any(v is True for v in values):
            return True
        return None if any(v is None for v in values) else False
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def rule_condition(tree: "ActivityTree", act: Activity, cond: RuleCondition) -> bool | None:
    value = condition_value(tree, act, cond.condition, cond.referenced_objective, cond.measure_threshold)
    return negate(value, cond.operator)


def sequencing_rule_check_subprocess(tree: "ActivityTree", act: Activity, rule: SequencingRule) -> bool | None:
    """Sequencing Rule Check Subprocess [UP.2.1]: the rule's conditions combined (True means the rule applies)."""
    return combine([rule_condition(tree, act, c) for c in rule.conditions], rule.combination)


def sequencing_rules_check(tree: "ActivityTree", act: Activity, rules: list[SequencingRule],
                           actions: tuple[str, ...]) -> str | None:
    """Sequencing Rules Check Process [UP.2]: the action of the first rule with one of `actions` that applies."""
    for rule in rules:
        if rule.action in actions and sequencing_rule_check_subprocess(tree, act, rule) is True:
            return rule.action
    return None


def limit_conditions_check(act: Activity) -> bool:
    """Limit Conditions Check Process [UP.1]: True when a limit is violated."""
    if not act.definition.delivery.tracked:
        return False
    if act.state.is_active or act.state.is_suspended:
        return False
    if attempt_limit_exceeded(act):
        return True
    if time_limit_exceeded(act):
        return True
    return False


def check_activity(tree: "ActivityTree", act: Activity) -> bool:
    """Check Activity Process [UP.5]: True when the activity is disabled or violates its limit conditions."""
    if sequencing_rules_check(tree, act, act.definition.pre_rules, ("disabled",)) is not None:
        return True
    return limit_conditions_check(act)
