"""Navigation requests through OP.1: flow, choice and its constraints, exits, suspend/resume, validity, UI state."""

from __future__ import annotations

import json

import pytest
from seqkit import COMPLETED, PASSED, cluster, finish, leaf, seq, sequencer

from scorm_desktop.sequencing import Sequencer, parse_nav_request

FLOWSEQ = seq('<imsss:controlMode flow="true"/>')


def two_modules(m1_seq: str = FLOWSEQ, m2_seq: str = FLOWSEQ, org: str | None = None) -> Sequencer:
    children = [cluster("m1", [leaf("a"), leaf("b")], m1_seq), cluster("m2", [leaf("c"), leaf("d")], m2_seq)]
    return sequencer(children) if org is None else sequencer(children, org)


def test_flow_through_clusters_and_off_the_end():
    s = two_modules()
    assert s.navigate("start").deliver == "a"
    assert [finish(s, COMPLETED).deliver for _ in range(3)] == ["b", "c", "d"]
    assert finish(s, COMPLETED, "previous").deliver == "c"
    assert s.navigate("continue").deliver == "d"
    out = finish(s, COMPLETED)
    assert out.valid and out.ended and s.current_activity is None
    assert not any(a.state.is_active for a in s.tree.activities.values())
    assert s.course_result()["completion_status"] == "completed"


def test_navigation_request_exceptions():
    s = two_modules()
    assert s.navigate("continue").exception == "NB.2.1-2"
    assert s.navigate("resumeAll").exception == "NB.2.1-3"
    assert s.navigate("exit").exception == "NB.2.1-2"
    assert s.navigate("choice", "nowhere").exception == "NB.2.1-11"
    assert s.navigate("dance").exception == "NB.2.1-13"
    assert s.navigate("start").valid
    assert s.navigate("start").exception == "NB.2.1-1"
    assert s.navigate("previous").exception == "SB.2.1-3"  # nothing before the first activity
    assert s.current_activity == "a"  # the failed previous still ended a's attempt
    assert not s.tree["a"].state.is_active
    assert s.navigate("abandon").exception == "NB.2.1-12"


def test_flow_false_refuses_continue_and_start_needs_a_choice():
    s = sequencer([leaf("a"), leaf("b")], org_sequencing="")
    out = s.navigate("start")
    assert not out.valid and out.exception == "SB.2.2-1"
    ui = s.nav_ui_state()
    assert [e["id"] for e in ui["toc"] if e["enabled"]] == ["a", "b"]
    assert s.navigate("choice", "b").deliver == "b"
    assert s.navigate("continue").exception == "NB.2.1-4"


def test_forward_only_refuses_previous():
    s = two_modules(m1_seq=seq('<imsss:controlMode flow="true" forwardOnly="true"/>'))
    s.navigate("start")
    finish(s, COMPLETED)
    assert s.valid_requests()["previous"] == "false"
    assert s.navigate("previous").exception == "NB.2.1-5"
    assert s.valid_requests()["choice.{target=a}"] == "false"  # backward choice in a forward-only cluster
    assert s.navigate("choice", "a").exception == "SB.2.4-2"


def test_choice_not_allowed_by_the_parent():
    s = two_modules(m2_seq=seq('<imsss:controlMode choice="false" flow="true"/>'))
    s.navigate("start")
    assert s.navigate("choice", "c").exception == "NB.2.1-10"
    assert s.valid_requests()["choice.{target=m2}"] == "true"  # the cluster itself may be chosen
    assert s.navigate("choice", "m2").deliver == "c"


def test_choice_exit_false_keeps_the_learner_inside():
    s = two_modules(m1_seq=seq('<imsss:controlMode flow="true" choiceExit="false"/>'))
    s.navigate("start")
    valid = s.valid_requests()
    assert valid["choice.{target=c}"] == "false" and valid["choice.{target=b}"] == "true"
    assert s.navigate("choice", "c").exception == "NB.2.1-8"
    assert s.navigate("choice", "b").deliver == "b"


def test_constrain_choice_allows_only_the_next_and_previous_neighbours():
    root = seq('<imsss:controlMode flow="true"/>')
    children = [cluster("m1", [leaf("a")], seq('<imsss:controlMode flow="true"/><adlseq:constrainedChoiceConsiderations '
                                              'constrainChoice="true"/>')),
                cluster("m2", [leaf("c")], FLOWSEQ), cluster("m3", [leaf("e")], FLOWSEQ)]
    s = sequencer(children, root)
    s.navigate("start")
    valid = s.valid_requests()
    assert valid["choice.{target=c}"] == "true" and valid["choice.{target=e}"] == "false"
    assert s.navigate("choice", "e").exception == "SB.2.9-8"
    assert s.navigate("choice", "c").deliver == "c"


def test_prevent_activation():
    m2 = seq('<imsss:controlMode flow="true"/><adlseq:constrainedChoiceConsiderations preventActivation="true"/>')
    s = two_modules(m2_seq=m2)
    s.navigate("start")
    assert s.navigate("choice", "d").exception == "SB.2.9-6"
    finish(s, COMPLETED)
    assert finish(s, COMPLETED).deliver == "c"  # flow may enter m2
    assert s.navigate("choice", "d").deliver == "d"  # inside m2 now: m2 is active


def test_exit_then_continue_and_abandon():
    s = two_modules()
    s.navigate("start")
    s.report("a", COMPLETED)
    out = s.navigate("exit")
    assert out.valid and out.deliver is None and s.current_activity == "a"
    assert s.navigate("continue").deliver == "b"
    out = s.navigate("abandon")
    assert out.valid and not s.tree["b"].state.is_active
    assert s.tree["b"].state.attempt_progress_status is False  # abandon does not end the attempt normally


def test_exit_all_and_abandon_all_end_the_session():
    s = two_modules()
    s.navigate("start")
    assert s.navigate("exitAll").ended
    s2 = two_modules()
    s2.navigate("start")
    assert s2.navigate("abandonAll").ended
    assert s2.navigate("start").deliver == "a"  # a new session


def test_suspend_all_save_quit_resume_all():
    s = two_modules()
    s.navigate("start")
    finish(s, PASSED)
    s.report("b", {"cmi.completion_status": "incomplete", "cmi.exit": "suspend"})
    out = s.navigate("suspendAll")
    assert out.ended and s.suspended_activity == "b"
    saved = json.loads(json.dumps(s.to_state()))
    tree = type(s.tree).from_manifest(s.test_manifest)
    s2 = Sequencer.from_state(tree, saved)
    assert s2.suspended_activity == "b" and s2.tree["b"].state.is_suspended
    out = s2.navigate("resumeAll")
    assert out.deliver == "b"
    assert s2.tree["b"].state.attempt_count == 1  # resumed, not a new attempt
    assert not s2.tree["b"].state.is_suspended and s2.suspended_activity is None
    assert s2.tree["a"].state.objectives[""].satisfied


def test_jump_ignores_choice_controls_but_not_disabled():
    disabled = ('<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition '
                'condition="always"/></imsss:ruleConditions><imsss:ruleAction action="disabled"/>'
                '</imsss:preConditionRule></imsss:sequencingRules>')
    s = sequencer([leaf("a"), leaf("b"), leaf("c", seq(disabled))], seq('<imsss:controlMode choice="false" flow="true"/>'))
    s.navigate("start")
    valid = s.valid_requests()
    assert valid["choice.{target=b}"] == "false" and valid["jump.{target=b}"] == "true"
    assert valid["jump.{target=c}"] == "false"
    assert s.content_nav_request("{target=b}jump").deliver == "b"
    assert s.content_nav_request("{target=c}jump").exception == "DB.1.1-3"


def test_parse_nav_request():
    assert parse_nav_request("_none_") is None
    assert parse_nav_request("continue") == ("continue", None)
    assert parse_nav_request("{target=x.y-1}choice") == ("choice", "x.y-1")
    assert parse_nav_request("{target=q}jump") == ("jump", "q")
    for bad in ("start", "choice", "{target=q}fly", "resumeAll"):
        with pytest.raises(ValueError):
            parse_nav_request(bad)


def test_valid_requests_change_nothing():
    s = two_modules()
    s.navigate("start")
    before = json.dumps(s.to_state(), sort_keys=True)
    valid = s.valid_requests()
    s.nav_ui_state()
    assert json.dumps(s.to_state(), sort_keys=True) == before
    assert valid["continue"] == "true" and valid["previous"] == "false"
    assert {k for k in valid if k.startswith("choice.")} == {f"choice.{{target={i}}}" for i in
                                                             ("org", "m1", "a", "b", "m2", "c", "d")}


def test_nav_ui_state_buttons_respect_hide_lms_ui():
    hide = ("<adlnav:presentation><adlnav:navigationInterface><adlnav:hideLMSUI>continue</adlnav:hideLMSUI>"
            "<adlnav:hideLMSUI>suspendAll</adlnav:hideLMSUI></adlnav:navigationInterface></adlnav:presentation>")
    s = sequencer([leaf("a", extra=hide), leaf("b")])
    ui = s.nav_ui_state()
    assert not any(ui["buttons"].values())
    s.navigate("start")
    ui = s.nav_ui_state()
    assert ui["buttons"] == {"previous": False, "continue": False, "exit": True, "exitAll": True,
                             "suspendAll": False, "abandon": True, "abandonAll": True}
    s.navigate("continue")
    assert s.nav_ui_state()["buttons"]["continue"] is True  # b hides nothing; continue from the last one ends
    assert s.valid_requests()["continue"] == "true"
    entry = {e["id"]: e for e in s.nav_ui_state()["toc"]}["b"]
    assert entry["current"] and entry["title"] == "b" and entry["attempted"] and entry["visible"]


def test_selection_once_is_kept_in_the_state():
    rc = seq('<imsss:controlMode flow="true"/><imsss:randomizationControls selectCount="2" selectionTiming="once" '
             'reorderChildren="true" randomizationTiming="once"/>')
    s = sequencer([cluster("m", [leaf(x) for x in "abcde"], rc)], seed=7)
    chosen = [c.id for c in s.tree["m"].available_children]
    assert len(chosen) == 2
    s.navigate("start")
    assert s.current_activity == chosen[0]
    tree2 = type(s.tree).from_manifest(s.test_manifest, seed=99)
    s2 = Sequencer.from_state(tree2, json.loads(json.dumps(s.to_state())))
    assert [c.id for c in s2.tree["m"].available_children] == chosen
    assert s2.valid_requests()[f"choice.{{target={next(x for x in 'abcde' if x not in chosen)}}}"] == "false"

