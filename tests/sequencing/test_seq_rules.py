"""Sequencing rules (pre, exit, post), conditions with not/unknown, limit conditions, objective maps in conditions."""

from __future__ import annotations

import pytest
from seqkit import COMPLETED, FAILED, PASSED, cluster, finish, leaf, seq, sequencer

from scorm_desktop.sequencing.rules import combine, negate


def pre(action: str, condition: str, operator: str = "noOp", extra: str = "") -> str:
    return (f'<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions>'
            f'<imsss:ruleCondition condition="{condition}" operator="{operator}" {extra}/></imsss:ruleConditions>'
            f'<imsss:ruleAction action="{action}"/></imsss:preConditionRule></imsss:sequencingRules>')


def post(action: str, condition: str = "always", operator: str = "noOp") -> str:
    return (f'<imsss:sequencingRules><imsss:postConditionRule><imsss:ruleConditions>'
            f'<imsss:ruleCondition condition="{condition}" operator="{operator}"/></imsss:ruleConditions>'
            f'<imsss:ruleAction action="{action}"/></imsss:postConditionRule></imsss:sequencingRules>')


def test_three_valued_logic():
    assert negate(None, "not") is None and negate(True, "not") is False and negate(False, "noOp") is False
    assert combine([True, None], "all") is None and combine([False, None], "all") is False
    assert combine([True, True], "all") is True
    assert combine([None, False], "any") is None and combine([None, True], "any") is True
    assert combine([], "any") is None


def test_skip_rule_is_passed_over_by_flow():
    s = sequencer([leaf("a"), leaf("b", seq(pre("skip", "always"))), leaf("c")])
    assert s.navigate("start").deliver == "a"
    assert finish(s, COMPLETED).deliver == "c"
    assert finish(s, COMPLETED, "previous").deliver == "a"  # skipped backward too


def test_skip_of_a_first_activity_at_start():
    s = sequencer([leaf("a", seq(pre("skip", "always"))), leaf("b")])
    assert s.navigate("start").deliver == "b"


def test_disabled_blocks_flow_and_choice_but_stays_in_the_toc():
    s = sequencer([leaf("a"), leaf("b", seq(pre("disabled", "always"))), leaf("c")])
    s.navigate("start")
    valid = s.valid_requests()
    assert valid["continue"] == "false" and valid["choice.{target=b}"] == "false"
    assert valid["choice.{target=c}"] == "true"
    out = finish(s, COMPLETED)
    assert not out.valid and out.exception == "SB.2.2-2"
    out = s.navigate("choice", "b")
    assert not out.valid and out.exception == "DB.1.1-3"
    toc = {e["id"]: e for e in s.nav_ui_state()["toc"]}
    assert toc["b"]["visible"] and toc["b"]["disabled"] and not toc["b"]["enabled"]


def test_hidden_from_choice_refuses_choice_but_not_flow():
    s = sequencer([leaf("a"), leaf("b", seq(pre("hiddenFromChoice", "attempted", "not"))), leaf("c")])
    s.navigate("start")
    assert s.navigate("choice", "b").exception == "SB.2.9-3"
    assert s.valid_requests()["choice.{target=b}"] == "false"
    assert s.navigate("continue").deliver == "b"
    assert s.valid_requests()["choice.{target=b}"] == "true"  # attempted now


def test_stop_forward_traversal_blocks_choosing_past_it():
    s = sequencer([leaf("a", seq(pre("stopForwardTraversal", "satisfied", "not"))), leaf("b"), leaf("c")])
    s.navigate("start")
    assert s.valid_requests()["choice.{target=c}"] == "true"  # unknown: "not satisfied" is unknown, rule off
    s.report("a", FAILED)
    valid = s.valid_requests()
    assert valid["choice.{target=b}"] == "false" and valid["choice.{target=c}"] == "false"
    assert valid["continue"] == "true"  # the rule limits choice, not flow
    assert s.navigate("choice", "c").exception == "SB.2.4-1"
    s.navigate("choice", "a")
    s.report("a", PASSED)
    assert s.valid_requests()["choice.{target=c}"] == "true"


def test_exit_condition_rule_on_a_cluster_ends_it_and_flow_resumes_after_it():
    rules = ('<imsss:sequencingRules><imsss:exitConditionRule><imsss:ruleConditions>'
             '<imsss:ruleCondition condition="satisfied"/></imsss:ruleConditions>'
             '<imsss:ruleAction action="exit"/></imsss:exitConditionRule>'
             '<imsss:postConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="always"/>'
             '</imsss:ruleConditions><imsss:ruleAction action="continue"/></imsss:postConditionRule>'
             '</imsss:sequencingRules><imsss:controlMode flow="true"/>')
    s = sequencer([cluster("m", [leaf("a"), leaf("b")], seq(rules)), leaf("c")])
    assert s.navigate("start").deliver == "a"
    # m is satisfied by measure: (0.9 + unknown b counted as weight) / 2 = 0.45 >= 0.4 (RB.1.1)
    s.tree["m"].definition.primary_objective.satisfied_by_measure = True
    s.tree["m"].definition.primary_objective.min_normalized_measure = 0.4
    s.report("a", {**COMPLETED, "cmi.score.scaled": "0.9"})
    out = s.navigate("exit")
    # exit rule on m fired: its attempt ended; its post condition "continue" moved on to c
    assert out.deliver == "c"
    assert not s.tree["m"].state.is_active and s.tree["m"].state.attempt_count == 1


def test_post_condition_retry_and_retry_all():
    s = sequencer([cluster("m", [leaf("a"), leaf("b")],
                           seq('<imsss:controlMode flow="true"/>' + post("retry", "satisfied", "not"))), leaf("c")])
    s.navigate("start")
    finish(s, FAILED)
    out = finish(s, PASSED)  # leaving m (exit parent by flow) -> m is not satisfied -> retry m
    assert out.deliver == "c"  # flow leaves m through continue: post conditions only for the activity terminated
    s2 = sequencer([leaf("a", seq(post("retryAll", "satisfied", "not"))), leaf("b")])
    s2.navigate("start")
    out = finish(s2, FAILED)
    assert out.deliver == "a" and s2.tree.root.state.attempt_count == 2 and s2.tree["a"].state.attempt_count == 2
    assert finish(s2, PASSED).deliver == "b"


def test_post_condition_exit_parent_then_retry_on_the_cluster():
    m_seq = seq('<imsss:controlMode flow="true"/>' + post("retry", "satisfied", "not"))
    s = sequencer([cluster("m", [leaf("a"), leaf("b", seq(post("exitParent")))], m_seq), leaf("c")])
    s.navigate("start")
    finish(s, PASSED)
    out = finish(s, FAILED)
    assert out.deliver == "a" and s.tree["m"].state.attempt_count == 2
    finish(s, PASSED)
    assert finish(s, PASSED).deliver == "c"


def test_post_condition_previous_and_exit_all():
    s = sequencer([leaf("a"), leaf("b", seq(post("previous", "satisfied", "not")))])
    s.navigate("start")
    finish(s, PASSED)
    assert finish(s, FAILED).deliver == "a"
    s2 = sequencer([leaf("a", seq(post("exitAll", "satisfied"))), leaf("b")])
    s2.navigate("start")
    out = finish(s2, PASSED)
    assert out.ended and s2.current_activity is None


def test_attempt_limit():
    s = sequencer([leaf("a", seq('<imsss:limitConditions attemptLimit="1"/>')), leaf("b")])
    s.navigate("start")
    finish(s, COMPLETED)
    assert s.valid_requests()["choice.{target=a}"] == "false"
    assert s.navigate("choice", "a").exception == "DB.1.1-3"
    assert s.valid_requests()["previous"] == "false"


def test_attempt_limit_exceeded_condition():
    s = sequencer([leaf("a", seq(pre("hiddenFromChoice", "attemptLimitExceeded")
                                 + '<imsss:limitConditions attemptLimit="2"/>')), leaf("b")])
    s.navigate("start")
    finish(s, COMPLETED)
    assert s.valid_requests()["choice.{target=a}"] == "true"
    s.navigate("choice", "a")
    finish(s, COMPLETED, "choice", "b")
    assert s.valid_requests()["choice.{target=a}"] == "false"


@pytest.mark.parametrize(("score", "expected"), [("0.7", "false"), ("0.3", "true"), (None, "true")])
def test_measure_threshold_condition_reads_the_referenced_objective(score, expected):
    objectives = ('<imsss:objectives><imsss:primaryObjective objectiveID="p"/>'
                  '<imsss:objective objectiveID="q"><imsss:mapInfo targetObjectiveID="G"/></imsss:objective>'
                  '</imsss:objectives>')
    rule = pre("disabled", "objectiveMeasureGreaterThan", "noOp", 'referencedObjective="q" measureThreshold="0.5"')
    writer = ('<imsss:objectives><imsss:primaryObjective objectiveID="w">'
              '<imsss:mapInfo targetObjectiveID="G" writeNormalizedMeasure="true"/></imsss:primaryObjective>'
              '</imsss:objectives>')
    s = sequencer([leaf("w", seq(writer)), leaf("b", seq(rule + objectives))])
    s.navigate("start")
    values = dict(COMPLETED)
    if score is not None:
        values["cmi.score.scaled"] = score
    out = finish(s, values)
    # b is disabled when G's measure > 0.5; unknown measure -> the rule does not apply
    assert (out.deliver == "b") == (expected == "true")
