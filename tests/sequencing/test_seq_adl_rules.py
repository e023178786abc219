"""The sequencer's behaviour where ADL's 4th-edition conformance cases settled what the SN book leaves open (each
test names the case it comes from; the whole cases run through the player in tests/conformance/)."""

from __future__ import annotations

from seqkit import FLOW, PASSED, cluster, finish, leaf, seq, sequencer

from scorm_desktop.sequencing import rules as R

NOT_CHOICE_FLOW = seq('<imsss:controlMode choice="false" flow="true"/>')


def test_a_read_map_makes_an_unknown_global_win_over_a_local_status():
    """CM-13: an activity satisfied by its own attempt, reading a global nobody wrote, is not 'satisfied'."""
    hidden = seq('<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition '
                 'condition="satisfied"/></imsss:ruleConditions><imsss:ruleAction action="hiddenFromChoice"/>'
                 '</imsss:preConditionRule></imsss:sequencingRules><imsss:objectives><imsss:primaryObjective '
                 'objectiveID="p"><imsss:mapInfo targetObjectiveID="g"/></imsss:primaryObjective></imsss:objectives>')
    s = sequencer([leaf("a", hidden), leaf("b")])
    s.navigate("start")
    finish(s, {"cmi.exit": "normal"})  # End Attempt satisfies a's own objective
    assert R.satisfaction(s.tree, s.tree["a"]) == (False, False)
    assert s.navigate("choice", "a").deliver == "a"


def test_satisfied_by_measure_decides_over_the_recorded_status():
    """OB-17a: 'failed' recorded with a measure of 0.99 >= 0.75 reads 'passed'."""
    by_measure = seq('<imsss:objectives><imsss:primaryObjective objectiveID="p"/><imsss:objective '
                     'satisfiedByMeasure="true" objectiveID="o"><imsss:minNormalizedMeasure>0.75'
                     '</imsss:minNormalizedMeasure></imsss:objective></imsss:objectives>')
    s = sequencer([leaf("a", by_measure), leaf("b")])
    s.navigate("start")
    s.report("a", {"cmi.objectives.0.id": "o", "cmi.objectives.0.success_status": "failed",
                   "cmi.objectives.0.score.scaled": "0.99"})
    assert R.satisfaction(s.tree, s.tree["a"], "o") == (True, True)
    assert s.objective_values("a")["o"]["success_status"] == "passed"


def test_completed_by_measure_reads_the_progress_another_activity_wrote():
    """CO-02a: 0.8 written to a global completes an activity whose threshold is 0.5: its skip rule applies."""
    writer = seq('<imsss:objectives><imsss:primaryObjective objectiveID="p"/></imsss:objectives><adlseq:objectives>'
                 '<adlseq:objective objectiveID="p"><adlseq:mapInfo targetObjectiveID="g" writeCompletionStatus="true"'
                 ' writeProgressMeasure="true"/></adlseq:objective></adlseq:objectives>')
    reader = seq('<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition '
                 'condition="completed"/></imsss:ruleConditions><imsss:ruleAction action="skip"/>'
                 '</imsss:preConditionRule></imsss:sequencingRules><imsss:objectives><imsss:primaryObjective '
                 'objectiveID="p"/></imsss:objectives><adlseq:objectives><adlseq:objective objectiveID="p">'
                 '<adlseq:mapInfo targetObjectiveID="g"/></adlseq:objective></adlseq:objectives>')
    threshold = '<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.5"/>'
    s = sequencer([leaf("a", writer), leaf("b", reader, extra=threshold), leaf("c")], NOT_CHOICE_FLOW)
    s.navigate("start")
    s.report("a", {"cmi.objectives.0.id": "p", "cmi.objectives.0.progress_measure": "0.8",
                   "cmi.objectives.0.completion_status": "incomplete"})
    assert s.navigate("continue").deliver == "c"


def test_a_status_the_sco_set_to_unknown_is_not_completed_by_end_attempt():
    """CM-06: 'unknown' set by the content keeps activityProgressKnown false, so 'retry' does not fire."""
    retry = seq('<imsss:sequencingRules><imsss:postConditionRule><imsss:ruleConditions><imsss:ruleCondition '
                'condition="activityProgressKnown"/></imsss:ruleConditions><imsss:ruleAction action="retry"/>'
                '</imsss:postConditionRule></imsss:sequencingRules>')
    s = sequencer([leaf("a"), leaf("b", retry), leaf("c")], NOT_CHOICE_FLOW)
    s.navigate("start")
    finish(s, {"cmi.exit": "normal"})
    assert finish(s, {"cmi.completion_status": "unknown", "cmi.exit": "normal"}).deliver == "c"


def test_an_all_rollup_rule_with_no_contributing_child_holds():
    """RU-11: 'completed if all children are not objective-status-known' completes a cluster of untracked SCOs."""
    untracked = seq('<imsss:deliveryControls tracked="false"/>')
    rules = seq('<imsss:controlMode choice="false" flow="true"/><imsss:sequencingRules><imsss:exitConditionRule>'
                '<imsss:ruleConditions><imsss:ruleCondition condition="completed"/></imsss:ruleConditions>'
                '<imsss:ruleAction action="exit"/></imsss:exitConditionRule><imsss:postConditionRule>'
                '<imsss:ruleConditions><imsss:ruleCondition condition="completed"/></imsss:ruleConditions>'
                '<imsss:ruleAction action="previous"/></imsss:postConditionRule></imsss:sequencingRules>'
                '<imsss:rollupRules><imsss:rollupRule childActivitySet="all"><imsss:rollupConditions>'
                '<imsss:rollupCondition operator="not" condition="objectiveStatusKnown"/></imsss:rollupConditions>'
                '<imsss:rollupAction action="completed"/></imsss:rollupRule></imsss:rollupRules>')
    s = sequencer([leaf("a"), cluster("m", [leaf("x", untracked), leaf("y", untracked)], rules), leaf("z")],
                  NOT_CHOICE_FLOW)
    s.navigate("start")
    assert finish(s, {"cmi.exit": "normal"}).deliver == "x"
    assert finish(s, PASSED).deliver == "a"


def test_prevent_activation_does_not_stop_choosing_the_cluster_itself():
    """CM-17b: the course starts by choosing a preventActivation cluster; its first child is delivered."""
    prevent = seq('<imsss:controlMode flow="true"/><adlseq:constrainedChoiceConsiderations preventActivation="true"/>')
    s = sequencer([leaf("a"), cluster("m", [leaf("x"), leaf("y")], prevent)], FLOW)
    assert s.navigate("choice", "m").deliver == "x"


def test_objective_ids_are_decoded_and_collapsed():
    """OB-12a / OB-02a: ' ob%20j%201 ' is the objective 'ob j 1' in cmi.objectives and in rule references."""
    ids = seq('<imsss:objectives><imsss:primaryObjective/><imsss:objective objectiveID=" ob%20j%201     "/>'
              '</imsss:objectives>')
    s = sequencer([leaf("a", ids)])
    assert [o.objective_id for o in s.tree["a"].definition.objectives] == ["", "ob j 1"]
