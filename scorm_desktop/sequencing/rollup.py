"""Rollup (SN 4.6, RB.1.x): measure, completion measure, objective and activity progress rollup up the tree.

When an activity defines no rollup rule for satisfaction (or for completion) the SN default rules apply: all children
satisfied -> satisfied, all children's status known -> not satisfied (evaluated first, so satisfied wins), and the
same pair with completed / activityProgressKnown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scorm_desktop.sequencing import rules as R
from scorm_desktop.sequencing.definition import RollupCondition, RollupRule
from scorm_desktop.sequencing.tree import Activity

if TYPE_CHECKING:
    from scorm_desktop.sequencing.tree import ActivityTree

DEFAULT_SATISFACTION_RULES = (
    RollupRule("satisfied", [RollupCondition("satisfied")], child_activity_set="all"),
    RollupRule("notSatisfied", [RollupCondition("objectiveStatusKnown")], child_activity_set="all"),
)
DEFAULT_COMPLETION_RULES = (
    RollupRule("completed", [RollupCondition("completed")], child_activity_set="all"),
    RollupRule("incomplete", [RollupCondition("activityProgressKnown")], child_activity_set="all"),
)


def current_info(parent: Activity, child: Activity) -> tuple[bool, bool]:
    """(objective info counts, progress info counts) for the child in the parent's rollup.

    With useCurrentAttemptObjectiveInfo / useCurrentAttemptProgressInfo (both default true) a child's local data only
    counts when the child's current attempt began during the parent's current attempt (SN 3.2.1).
    """
    mode = parent.definition.control_mode
    same = child.state.parent_attempt == parent.state.attempt_count
    return (same or not mode.use_current_attempt_objective_info, same or not mode.use_current_attempt_progress_info)


def rules_for(act: Activity, action: str) -> list[RollupRule]:
    """The activity's rollup rules with this action, or the default ones when none of its pair is defined."""
    pair = ("satisfied", "notSatisfied") if action in ("satisfied", "notSatisfied") else ("completed", "incomplete")
    defined = [r for r in act.definition.rollup_rules if r.action in pair]
    source = defined or (DEFAULT_SATISFACTION_RULES if pair[0] == "satisfied" else DEFAULT_COMPLETION_RULES)
    return [r for r in source if r.action == action]


def measure_rollup(tree: "ActivityTree", act: Activity) -> None:
    """Measure Rollup Process [RB.1.1]: the primary objective's measure is the weighted mean of the children's."""
    total, counted, valid = 0.0, 0.0, False
    for child in act.available_children:
        if not child.definition.delivery.tracked:
            continue
        weight = child.definition.objective_measure_weight
        counted += weight
        known, value = R.measure(tree, child, None, current_info(act, child)[0])
        if known:
            total += value * weight
            valid = True
    target = act.objective_state(act.definition.primary_objective.objective_id)
    if valid and counted > 0:
        target.measure_status, target.measure = True, total / counted
    else:
        target.measure_status = False


def completion_measure_rollup(tree: "ActivityTree", act: Activity) -> None:
    """Completion Measure Rollup Process [RB.1.1 b] (4th ed.): progress measure weighted by progressWeight."""
    total, counted, valid = 0.0, 0.0, False
    for child in act.available_children:
        if not child.definition.delivery.tracked:
            continue
        weight = child.definition.progress_weight
        counted += weight
        known, value = R.progress_measure(tree, child, None, current_info(act, child)[1])
        if known:
            total += value * weight
            valid = True
    st = act.state
    if valid and counted > 0:
        st.attempt_completion_amount_status, st.attempt_completion_amount = True, total / counted
    else:
        st.attempt_completion_amount_status = False


def check_child_for_rollup(tree: "ActivityTree", child: Activity, action: str) -> bool:
    """Check Child for Rollup Subprocess [RB.1.4.2]: does the child contribute to this rollup action?"""
    d, st = child.definition, child.state
    rc = d.rollup_considerations
    if action in ("satisfied", "notSatisfied"):
        if not d.rollup_objective_satisfied:
            return False
        required = rc.required_for_satisfied if action == "satisfied" else rc.required_for_not_satisfied
    else:
        if not d.rollup_progress_completion:
            return False
        required = rc.required_for_completed if action == "completed" else rc.required_for_incomplete
    if required == "ifNotSuspended":
        if not st.activity_progress_status or (st.attempt_count > 0 and st.is_suspended):
            return False
    elif required == "ifAttempted":
        if not st.activity_progress_status or st.attempt_count == 0:
            return False
    elif required == "ifNotSkipped":
        if R.sequencing_rules_check(tree, child, d.pre_rules, ("skip",)) is not None:
            return False
    return True


def evaluate_rollup_conditions(tree: "ActivityTree", child: Activity, rule: RollupRule) -> bool | None:
    """Evaluate Rollup Conditions Subprocess [RB.1.4.1] on one child."""
    obj_ok, prog_ok = current_info(child.parent, child) if child.parent is not None else (True, True)
    values = [
        R.negate(R.condition_value(tree, child, c.condition, None, 0.0, obj_ok, prog_ok), c.operator)
        for c in rule.conditions
    ]
    return R.combine(values, rule.combination)


def rollup_rule_check(tree: "ActivityTree", act: Activity, action: str) -> bool:
    """Rollup Rule Check Subprocess [RB.1.4]: does any rule with this action apply to the activity's children?"""
    for rule in rules_for(act, action):
        bag: list[bool | None] = []
        for child in act.available_children:
            if child.definition.delivery.tracked and check_child_for_rollup(tree, child, action):
                bag.append(evaluate_rollup_conditions(tree, child, rule))
        if not bag:
            # no child contributes: an "all" rule holds vacuously, as in the reference sequencer (ADL RU-11: a
            # cluster of untracked SCOs is "completed if all ... not objective status known")
            if rule.child_activity_set == "all":
                return True
            continue
        trues = sum(1 for v in bag if v is True)
        s = rule.child_activity_set
        if s == "all":
            applies = trues == len(bag)
        elif s == "any":
            applies = trues > 0
        elif s == "none":
            applies = all(v is False for v in bag)
        elif s == "atLeastCount":
            applies = trues >= rule.minimum_count
        else:  # atLeastPercent
            applies = trues / len(bag) >= rule.minimum_percent
        if applies:
            return True
    return False


def objective_rollup_using_measure(tree: "ActivityTree", act: Activity) -> None:
    """Objective Rollup Using Measure Process [RB.1.2 a]."""
    obj = act.definition.primary_objective
    target = act.objective_state(obj.objective_id)
    known, value = R.measure(tree, act)
    if not known:
        target.progress_status = False
        return
    if not act.state.is_active or act.definition.rollup_considerations.measure_satisfaction_if_active:
        target.progress_status, target.satisfied = True, value >= obj.min_normalized_measure
    else:
        target.progress_status = False


def objective_rollup_using_rules(tree: "ActivityTree", act: Activity) -> None:
    """Objective Rollup Using Rules Process [RB.1.2 b] (the default rules when the activity defines none)."""
    target = act.objective_state(act.definition.primary_objective.objective_id)
    if rollup_rule_check(tree, act, "notSatisfied"):
        target.progress_status, target.satisfied = True, False
    if rollup_rule_check(tree, act, "satisfied"):
        target.progress_status, target.satisfied = True, True


def objective_rollup(tree: "ActivityTree", act: Activity) -> None:
    """Objective Rollup Process [RB.1.2]: by measure when the primary objective is satisfied by measure, else rules."""
    if act.definition.primary_objective.satisfied_by_measure:
        objective_rollup_using_measure(tree, act)
    elif act.available_children:
        objective_rollup_using_rules(tree, act)


def activity_progress_rollup_using_measure(tree: "ActivityTree", act: Activity) -> None:
    """Activity Progress Rollup Using Measure Process [RB.1.3 a] (4th ed.): completion from the completion threshold."""
    st = act.state
    if not st.attempt_completion_amount_status:
        st.attempt_progress_status = False
        return
    st.attempt_progress_status = True
    st.attempt_completion_status = st.attempt_completion_amount >= act.definition.min_progress_measure


def activity_progress_rollup_using_rules(tree: "ActivityTree", act: Activity) -> None:
    """Activity Progress Rollup Using Rules Process [RB.1.3 b]."""
    st = act.state
    if rollup_rule_check(tree, act, "incomplete"):
        st.attempt_progress_status, st.attempt_completion_status = True, False
    if rollup_rule_check(tree, act, "completed"):
        st.attempt_progress_status, st.attempt_completion_status = True, True


def activity_progress_rollup(tree: "ActivityTree", act: Activity) -> None:
    """Activity Progress Rollup Process [RB.1.3]."""
    if act.definition.completed_by_measure:
        activity_progress_rollup_using_measure(tree, act)
    elif act.available_children:
        activity_progress_rollup_using_rules(tree, act)


def overall_rollup(tree: "ActivityTree", act: Activity) -> None:
    """Overall Rollup Process [RB.1.5]: from the activity up to the root; write maps after each step."""
    for a in act.ancestors(include_self=True):
        if a.available_children:
            measure_rollup(tree, a)
            completion_measure_rollup(tree, a)
        objective_rollup(tree, a)
        activity_progress_rollup(tree, a)
        R.write_maps(tree, a)


def _writes(act: Activity) -> set[str]:
    return {m.target_id for o in act.definition.objectives for m in o.maps
            if m.write_satisfied or m.write_measure or m.write_completion or m.write_progress_measure}


def _reads(act: Activity) -> set[str]:
    return {m.target_id for o in act.definition.objectives for m in o.maps
            if m.read_satisfied or m.read_measure or m.read_completion or m.read_progress_measure}


def rollup_with_readers(tree: "ActivityTree", act: Activity) -> None:
    """Overall Rollup from `act`, then from every other activity that reads a global objective this rollup wrote:
    their clusters' status depends on it (ADL CO-03: a cluster none of whose children ran is satisfied because each
    child reads "completed" from a global; the reference sequencer rolls up the readers of the globals it wrote)."""
    overall_rollup(tree, act)
    written: set[str] = set()
    for a in act.ancestors(include_self=True):
        written |= _writes(a)
    if not written:
        return
    mine = set(act.ancestors(include_self=True))
    for reader in tree.preorder():
        if reader not in mine and reader.parent is not None and _reads(reader) & written:
            overall_rollup(tree, reader.parent)
