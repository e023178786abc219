"""Parsing imsss / adlseq sequencing XML into the definition model, SN defaults, collection overrides, the tree."""

from __future__ import annotations

from seqkit import cluster, leaf, manifest, seq

from scorm_desktop.package.archive import open_package
from scorm_desktop.sequencing.definition import parse_collection, parse_sequencing
from scorm_desktop.sequencing.tree import ActivityTree

IMSSS = 'xmlns:imsss="http://www.imsglobal.org/xsd/imsss" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"'


def raw(body: str, attrs: str = "") -> str:
    return f"<imsss:sequencing {IMSSS} {attrs}>{body}</imsss:sequencing>"


def test_no_sequencing_gives_the_sn_defaults():
    d = parse_sequencing(None)
    cm = d.control_mode
    assert (cm.choice, cm.choice_exit, cm.flow, cm.forward_only) == (True, True, False, False)
    assert cm.use_current_attempt_objective_info and cm.use_current_attempt_progress_info
    assert not d.constrain_choice and not d.prevent_activation
    assert d.pre_rules == d.exit_rules == d.post_rules == d.rollup_rules == []
    assert d.limit_conditions.attempt_limit is None
    assert d.rollup_objective_satisfied and d.rollup_progress_completion and d.objective_measure_weight == 1.0
    assert d.rollup_considerations.required_for_satisfied == "always"
    assert d.rollup_considerations.measure_satisfaction_if_active
    assert [o.objective_id for o in d.objectives] == [""] and d.primary_objective.primary
    assert d.primary_objective.min_normalized_measure == 1.0
    assert (d.delivery.tracked, d.delivery.completion_set_by_content, d.delivery.objective_set_by_content) == (
        True, False, False)
    assert d.randomization.randomization_timing == "never" and d.randomization.select_count is None


def test_every_element_is_read():
    d = parse_sequencing(raw("""
      <imsss:controlMode choice="false" choiceExit="false" flow="true" forwardOnly="true"
          useCurrentAttemptObjectiveInfo="false" useCurrentAttemptProgressInfo="false"/>
      <imsss:sequencingRules>
        <imsss:preConditionRule>
          <imsss:ruleConditions conditionCombination="any">
            <imsss:ruleCondition referencedObjective="o2" operator="not" condition="satisfied"/>
            <imsss:ruleCondition condition="objectiveMeasureGreaterThan" measureThreshold="0.5"/>
          </imsss:ruleConditions>
          <imsss:ruleAction action="disabled"/>
        </imsss:preConditionRule>
        <imsss:exitConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="completed"/>
          </imsss:ruleConditions><imsss:ruleAction action="exit"/></imsss:exitConditionRule>
        <imsss:postConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="always"/>
          </imsss:ruleConditions><imsss:ruleAction action="retryAll"/></imsss:postConditionRule>
      </imsss:sequencingRules>
      <imsss:limitConditions attemptLimit="3" attemptAbsoluteDurationLimit="PT1H"/>
      <imsss:rollupRules rollupObjectiveSatisfied="false" rollupProgressCompletion="false" objectiveMeasureWeight="0.25">
        <imsss:rollupRule childActivitySet="atLeastPercent" minimumPercent="0.5">
          <imsss:rollupConditions conditionCombination="all">
            <imsss:rollupCondition operator="not" condition="attempted"/></imsss:rollupConditions>
          <imsss:rollupAction action="notSatisfied"/></imsss:rollupRule>
        <imsss:rollupRule childActivitySet="atLeastCount" minimumCount="2">
          <imsss:rollupConditions><imsss:rollupCondition condition="completed"/></imsss:rollupConditions>
          <imsss:rollupAction action="completed"/></imsss:rollupRule>
      </imsss:rollupRules>
      <imsss:objectives>
        <imsss:primaryObjective objectiveID="p" satisfiedByMeasure="true">
          <imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>
          <imsss:mapInfo targetObjectiveID="g1" writeSatisfiedStatus="true"/>
        </imsss:primaryObjective>
        <imsss:objective objectiveID="o2">
          <imsss:mapInfo targetObjectiveID="g2" readSatisfiedStatus="false" writeNormalizedMeasure="true"/>
        </imsss:objective>
      </imsss:objectives>
      <imsss:randomizationControls randomizationTiming="onEachNewAttempt" selectCount="2" reorderChildren="true"
          selectionTiming="once"/>
      <imsss:deliveryControls tracked="false" completionSetByContent="true" objectiveSetByContent="true"/>
      <adlseq:constrainedChoiceConsiderations constrainChoice="true" preventActivation="true"/>
      <adlseq:rollupConsiderations requiredForSatisfied="ifAttempted" requiredForNotSatisfied="ifNotSkipped"
          requiredForCompleted="ifNotSuspended" requiredForIncomplete="ifAttempted" measureSatisfactionIfActive="false"/>
      <adlseq:objectives><adlseq:objective objectiveID="p">
          <adlseq:mapInfo targetObjectiveID="g1" writeCompletionStatus="true" readProgressMeasure="false"/>
      </adlseq:objective></adlseq:objectives>
    """))
    cm = d.control_mode
    assert (cm.choice, cm.choice_exit, cm.flow, cm.forward_only) == (False, False, True, True)
    assert not cm.use_current_attempt_objective_info and not cm.use_current_attempt_progress_info
    assert d.constrain_choice and d.prevent_activation
    pre = d.pre_rules[0]
    assert pre.action == "disabled" and pre.combination == "any"
    assert (pre.conditions[0].referenced_objective, pre.conditions[0].operator, pre.conditions[0].condition) == (
        "o2", "not", "satisfied")
    assert pre.conditions[1].measure_threshold == 0.5 and pre.conditions[1].operator == "noOp"
    assert d.exit_rules[0].action == "exit" and d.exit_rules[0].combination == "all"
    assert d.post_rules[0].action == "retryAll"
    assert d.limit_conditions.attempt_limit == 3 and d.limit_conditions.attempt_absolute_duration_limit_cs == 360000
    assert not d.rollup_objective_satisfied and not d.rollup_progress_completion
    assert d.objective_measure_weight == 0.25
    r1, r2 = d.rollup_rules
    assert (r1.action, r1.child_activity_set, r1.minimum_percent, r1.combination) == (
        "notSatisfied", "atLeastPercent", 0.5, "all")
    assert (r2.action, r2.child_activity_set, r2.minimum_count, r2.combination) == ("completed", "atLeastCount", 2, "any")
    assert r1.conditions[0].operator == "not" and r1.conditions[0].condition == "attempted"
    p, o2 = d.objectives
    assert p.primary and p.satisfied_by_measure and p.min_normalized_measure == 0.6
    g1, g1x = p.maps
    assert (g1.read_satisfied, g1.read_measure, g1.write_satisfied, g1.write_measure) == (True, True, True, False)
    assert (g1x.read_completion, g1x.write_completion, g1x.read_progress_measure, g1x.read_satisfied) == (
        True, True, False, False)
    assert not o2.primary and not o2.maps[0].read_satisfied and o2.maps[0].write_measure
    rc = d.randomization
    assert (rc.randomization_timing, rc.select_count, rc.reorder_children, rc.selection_timing) == (
        "onEachNewAttempt", 2, True, "once")
    assert (d.delivery.tracked, d.delivery.completion_set_by_content, d.delivery.objective_set_by_content) == (
        False, True, True)
    c = d.rollup_considerations
    assert (c.required_for_satisfied, c.required_for_not_satisfied, c.required_for_completed,
            c.required_for_incomplete, c.measure_satisfaction_if_active) == (
        "ifAttempted", "ifNotSkipped", "ifNotSuspended", "ifAttempted", False)


def test_broken_values_keep_the_defaults():
    d = parse_sequencing(raw("""
      <imsss:controlMode choice="maybe" flow="TRUE"/>
      <imsss:limitConditions attemptLimit="many"/>
      <imsss:rollupRules objectiveMeasureWeight="7"/>
      <imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions>
          <imsss:ruleCondition condition="sunny"/></imsss:ruleConditions>
          <imsss:ruleAction action="explode"/></imsss:preConditionRule></imsss:sequencingRules>
    """))
    assert d.control_mode.choice is True and d.control_mode.flow is True
    assert d.limit_conditions.attempt_limit is None
    assert d.objective_measure_weight == 1.0
    assert d.pre_rules == []
    assert parse_sequencing("<not xml").control_mode.choice is True


def test_collection_entry_is_the_base_and_own_elements_replace_it_one_by_one():
    collection = parse_collection(f"""<imsss:sequencingCollection {IMSSS}>
      <imsss:sequencing ID="common">
        <imsss:controlMode flow="true" forwardOnly="true"/>
        <imsss:limitConditions attemptLimit="2"/>
        <imsss:deliveryControls completionSetByContent="true"/>
      </imsss:sequencing></imsss:sequencingCollection>""")
    d = parse_sequencing(raw('<imsss:limitConditions attemptLimit="5"/>', 'IDRef="common"'), collection)
    assert d.limit_conditions.attempt_limit == 5  # own element wins
    assert d.control_mode.flow and d.control_mode.forward_only  # inherited
    assert d.delivery.completion_set_by_content
    assert parse_sequencing(raw("", 'IDRef="missing"'), collection).control_mode.flow is False


def test_tree_from_a_manifest():
    m = manifest(
        [
            cluster("m1", [leaf("a", extra='<adlcp:completionThreshold completedByMeasure="true" '
                                          'minProgressMeasure="0.8" progressWeight="2"/>'),
                           leaf("b", extra="<adlnav:presentation><adlnav:navigationInterface>"
                                           "<adlnav:hideLMSUI>continue</adlnav:hideLMSUI>"
                                           "</adlnav:navigationInterface></adlnav:presentation>")],
                    seq('<imsss:controlMode flow="true"/>')),
            leaf("c", attrs='isvisible="false"'),
        ],
        org_attrs='adlseq:objectivesGlobalToSystem="false"',
    )
    tree = ActivityTree.from_manifest(m)
    assert tree.root.id == "org" and tree.root.title == "Course" and tree.root.definition.control_mode.flow
    assert [a.id for a in tree.preorder()] == ["org", "m1", "a", "b", "c"]
    assert [a.id for a in tree.leaves()] == ["a", "b", "c"]
    assert not tree["m1"].is_leaf and tree["m1"].depth == 1 and tree["a"].depth == 2
    a = tree["a"].definition
    assert a.completed_by_measure and a.min_progress_measure == 0.8 and a.progress_weight == 2.0
    assert tree["b"].hide_lms_ui == ("continue",)
    assert tree["c"].is_visible is False
    assert tree.objectives_global_to_system is False


def test_corpus_forced_sequential_inherits_the_collection(corpus):
    m = open_package(corpus / "good" / "golf-seq-forcedseq-2004-3rd.zip").manifest()
    tree = ActivityTree.from_manifest(m)
    etiquette = tree["etuqiette_item"].definition
    assert etiquette.objective_measure_weight == 0.0  # from the collection entry
    assert etiquette.delivery.completion_set_by_content and etiquette.delivery.objective_set_by_content
    assert etiquette.pre_rules[0].action == "disabled" and etiquette.pre_rules[0].combination == "any"
    assert [o.objective_id for o in etiquette.objectives] == ["etiquette_satisfied", "previous_sco_satisfied"]
    prev = etiquette.objectives[1].maps[0]
    assert prev.read_satisfied and not prev.write_satisfied
    assert tree.root.definition.control_mode.choice and tree.root.definition.control_mode.flow
