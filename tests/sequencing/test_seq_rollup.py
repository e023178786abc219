"""Rollup: default rules, rule child sets, measure and completion-measure rollup, considerations, delivery controls."""

from __future__ import annotations

from seqkit import COMPLETED, FAILED, INCOMPLETE, PASSED, cluster, finish, leaf, seq, sequencer

FLOWSEQ = seq('<imsss:controlMode flow="true"/>')


def rollup_rule(child_set: str, condition: str, action: str, extra: str = "") -> str:
    return (f'<imsss:rollupRule childActivitySet="{child_set}" {extra}><imsss:rollupConditions>'
            f'<imsss:rollupCondition condition="{condition}"/></imsss:rollupConditions>'
            f'<imsss:rollupAction action="{action}"/></imsss:rollupRule>')


def run_all(s, values: list[dict]):
    s.navigate("start")
    out = None
    for v in values:
        out = finish(s, v)
    return out


def test_default_rules_all_completed_and_satisfied():
    s = sequencer([leaf("a"), leaf("b")])
    s.navigate("start")
    finish(s, PASSED)
    assert s.course_result()["completion_status"] == "unknown"
    out = finish(s, PASSED)
    assert out.ended
    r = s.course_result()
    assert (r["completion_status"], r["success_status"]) == ("completed", "passed")


def test_default_rules_one_failed_is_not_satisfied_one_incomplete_is_incomplete():
    s = sequencer([leaf("a"), leaf("b")])
    s.navigate("start")
    s.report("a", FAILED)
    s.navigate("continue")
    s.report("b", {**INCOMPLETE, "cmi.success_status": "passed"})
    r = s.course_result()
    assert (r["completion_status"], r["success_status"]) == ("incomplete", "failed")


def test_rollup_rule_child_sets():
    def course(rule: str):
        return sequencer([leaf("a"), leaf("b"), leaf("c")],
                         seq(f'<imsss:controlMode flow="true"/><imsss:rollupRules>{rule}</imsss:rollupRules>'))

    s = course(rollup_rule("any", "satisfied", "satisfied"))
    s.navigate("start")
    s.report("a", PASSED)
    assert s.course_result()["success_status"] == "passed"

    s = course(rollup_rule("atLeastCount", "completed", "completed", 'minimumCount="2"'))
    s.navigate("start")
    s.report("a", COMPLETED)
    assert s.course_result()["completion_status"] == "unknown"
    s.navigate("continue")
    s.report("b", COMPLETED)
    assert s.course_result()["completion_status"] == "completed"

    s = course(rollup_rule("atLeastPercent", "satisfied", "notSatisfied", 'minimumPercent="0.6"'))
    s.navigate("start")
    s.report("a", PASSED)
    s.navigate("continue")
    s.report("b", PASSED)
    s.navigate("continue")
    s.report("c", FAILED)
    assert s.course_result()["success_status"] == "failed"  # 2/3 satisfied >= 0.6 -> notSatisfied (as authored)

    s = course(rollup_rule("none", "attempted", "incomplete"))
    s.navigate("start")
    assert s.course_result()["completion_status"] == "unknown"  # a is attempted: "none" does not hold


def test_rollup_objective_satisfied_false_and_untracked_children_do_not_count():
    no_rollup = seq('<imsss:rollupRules rollupObjectiveSatisfied="false" rollupProgressCompletion="false"/>')
    untracked = seq('<imsss:deliveryControls tracked="false"/>')
    s = sequencer([leaf("a", no_rollup), leaf("b", untracked), leaf("test")])
    s.navigate("start")
    finish(s, FAILED)
    finish(s, FAILED)
    assert s.tree["b"].state.attempt_count == 0  # untracked: no attempts recorded
    finish(s, PASSED)
    r = s.course_result()
    assert (r["completion_status"], r["success_status"]) == ("completed", "passed")


def test_measure_rollup_is_weighted():
    half = seq('<imsss:rollupRules objectiveMeasureWeight="0.5"/>')
    s = sequencer([leaf("a", half), leaf("b")])
    s.navigate("start")
    finish(s, {**PASSED, "cmi.score.scaled": "1.0"})
    finish(s, {**PASSED, "cmi.score.scaled": "0.4"})
    assert abs(s.course_result()["score_scaled"] - (0.5 * 1.0 + 1 * 0.4) / 1.5) < 1e-9


def test_satisfied_by_measure_on_the_root_and_measure_satisfaction_if_active():
    root = seq('<imsss:controlMode flow="true"/><imsss:objectives><imsss:primaryObjective satisfiedByMeasure="true">'
               '<imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure></imsss:primaryObjective>'
               '</imsss:objectives>')
    s = sequencer([leaf("a")], root)
    s.navigate("start")
    s.report("a", {**COMPLETED, "cmi.score.scaled": "0.7"})
    assert s.course_result()["success_status"] == "passed"
    s.report("a", {**COMPLETED, "cmi.score.scaled": "0.5"})
    assert s.course_result()["success_status"] == "failed"
    root_inactive = root.replace("</imsss:sequencing>", '<adlseq:rollupConsiderations '
                                 'measureSatisfactionIfActive="false"/></imsss:sequencing>')
    s = sequencer([leaf("a")], root_inactive)
    s.navigate("start")
    s.report("a", {**COMPLETED, "cmi.score.scaled": "0.9"})
    assert s.course_result()["success_status"] == "unknown"  # the root is still active
    s.navigate("exitAll")
    assert s.course_result()["success_status"] == "passed"


def test_completion_measure_rollup_and_completed_by_measure():
    def item(i: str, weight: str) -> str:
        return leaf(i, extra=f'<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.5" '
                             f'progressWeight="{weight}"/>')

    s = sequencer([item("a", "3"), item("b", "1")])
    s.navigate("start")
    s.report("a", {"cmi.progress_measure": "0.6"})
    assert s.tree["a"].state.attempt_completion_status  # 0.6 >= 0.5: completed by measure
    assert abs(s.course_result()["progress_measure"] - 0.6 * 3 / 4) < 1e-9
    s.report("a", {"cmi.progress_measure": "0.2"})
    assert not s.tree["a"].state.attempt_completion_status


def test_required_for_satisfied_if_attempted():
    only_attempted = seq('<adlseq:rollupConsiderations requiredForSatisfied="ifAttempted" '
                         'requiredForCompleted="ifAttempted"/>')
    s = sequencer([leaf("a"), leaf("b", only_attempted)])
    s.navigate("start")
    s.report("a", PASSED)
    # b was never attempted: it does not count for satisfied/completed
    r = s.course_result()
    assert (r["completion_status"], r["success_status"]) == ("completed", "passed")


def test_required_if_not_skipped():
    skip = ('<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition '
            'condition="always"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule>'
            '</imsss:sequencingRules><adlseq:rollupConsiderations requiredForSatisfied="ifNotSkipped" '
            'requiredForCompleted="ifNotSkipped"/>')
    s = sequencer([leaf("a"), leaf("b", seq(skip))])
    out = run_all(s, [PASSED])
    assert out.ended
    assert s.course_result()["success_status"] == "passed"


def test_required_if_not_suspended():
    rc = seq('<adlseq:rollupConsiderations requiredForCompleted="ifNotSuspended" '
             'requiredForIncomplete="ifNotSuspended"/>')
    s = sequencer([leaf("a"), leaf("b", rc)])
    s.navigate("start")
    finish(s, COMPLETED)
    s.report("b", {**INCOMPLETE, "cmi.exit": "suspend"})
    assert s.course_result()["completion_status"] == "completed"  # b does not count while suspended
    s.report("b", {**INCOMPLETE, "cmi.exit": ""})
    assert s.course_result()["completion_status"] == "incomplete"


def test_lms_sets_status_when_content_does_not():
    s = sequencer([leaf("a"), leaf("b", seq('<imsss:deliveryControls completionSetByContent="true" '
                                            'objectiveSetByContent="true"/>'))])
    s.navigate("start")
    finish(s, {})  # a reports nothing: completionSetByContent=false -> completed and satisfied at End Attempt
    assert s.tree["a"].state.attempt_completion_status
    assert s.nav_ui_state()["toc"][1]["success_status"] == "passed"
    finish(s, {})
    toc = {e["id"]: e for e in s.nav_ui_state()["toc"]}
    assert toc["b"]["completion_status"] == "unknown" and toc["b"]["success_status"] == "unknown"


def test_objective_maps_write_and_read_globals():
    writer = seq('<imsss:objectives><imsss:primaryObjective objectiveID="p"><imsss:mapInfo targetObjectiveID="G" '
                 'writeSatisfiedStatus="true" writeNormalizedMeasure="true"/></imsss:primaryObjective>'
                 '</imsss:objectives>')
    reader = seq('<imsss:objectives><imsss:primaryObjective objectiveID="p"><imsss:mapInfo targetObjectiveID="G"/>'
                 '</imsss:primaryObjective></imsss:objectives>')
    s = sequencer([leaf("w", writer), leaf("r", reader)])
    s.navigate("start")
    s.report("w", {**PASSED, "cmi.score.scaled": "0.8"})
    g = s.tree.global_objectives["G"]
    assert g.progress_status and g.satisfied and g.measure == 0.8
    toc = {e["id"]: e for e in s.nav_ui_state()["toc"]}
    assert toc["r"]["success_status"] == "passed" and toc["r"]["score_scaled"] == 0.8


def test_cmi_objectives_map_to_declared_objectives_by_id():
    objectives = seq('<imsss:objectives><imsss:primaryObjective objectiveID="p"/><imsss:objective objectiveID="q">'
                     '<imsss:mapInfo targetObjectiveID="GQ" writeSatisfiedStatus="true"/></imsss:objective>'
                     '</imsss:objectives>')
    s = sequencer([leaf("a", objectives)])
    s.navigate("start")
    s.report("a", {"cmi.objectives._count": "2", "cmi.objectives.0.id": "q", "cmi.objectives.0.success_status": "failed",
                   "cmi.objectives.1.id": "other", "cmi.objectives.1.success_status": "passed",
                   "cmi.session_time": "PT1M30S", "cmi.exit": "suspend"})
    st = s.tree["a"].state
    assert st.objectives["q"].progress_status and not st.objectives["q"].satisfied
    assert "other" not in st.objectives
    assert s.tree.global_objectives["GQ"].progress_status and not s.tree.global_objectives["GQ"].satisfied
    assert st.attempt_experienced_duration == 9000 and st.is_suspended


def test_children_from_an_earlier_attempt_of_the_parent_do_not_count():
    m = cluster("m", [leaf("a"), leaf("b")], FLOWSEQ)
    s = sequencer([m, leaf("c")])
    s.navigate("start")
    finish(s, PASSED)
    finish(s, PASSED)
    assert s.tree["m"].state.objectives[""].satisfied
    s.navigate("choice", "b")  # a new attempt on m: a's data belongs to m's first attempt
    s.report("b", FAILED)
    assert s.tree["m"].state.attempt_count == 2
    toc = {e["id"]: e for e in s.nav_ui_state()["toc"]}
    assert toc["a"]["success_status"] == "passed"  # a keeps its own status for the TOC
    # m's second attempt: a's result is from the first one (useCurrentAttemptObjectiveInfo), so m is not decided
    assert toc["m"]["success_status"] == "unknown"
    s.report("b", PASSED)
    assert {e["id"]: e for e in s.nav_ui_state()["toc"]}["m"]["success_status"] == "unknown"
    finish(s, PASSED, "choice", "a")
    s.report("a", PASSED)
    assert {e["id"]: e for e in s.nav_ui_state()["toc"]}["m"]["success_status"] == "passed"
