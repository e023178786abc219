"""The Golf Explained sequencing packages, walked through as their manifests' comments describe, with the values a
learner's SCOs would report."""

from __future__ import annotations

import json

from scorm_desktop.package.archive import open_package
from scorm_desktop.sequencing import ActivityTree, Sequencer

SCO_DONE = {"cmi.completion_status": "completed", "cmi.success_status": "passed", "cmi.exit": ""}


def load(corpus, name: str) -> Sequencer:
    return Sequencer(ActivityTree.from_manifest(open_package(corpus / "good" / f"{name}.zip").manifest()))


def choosable(s: Sequencer) -> list[str]:
    return [k[len("choice.{target="):-1] for k, v in s.valid_requests().items() if k.startswith("choice.") and v == "true"]


def test_forced_sequential_order(corpus):
    s = load(corpus, "golf-seq-forcedseq-2004-3rd")
    order = ["playing_item", "etuqiette_item", "handicapping_item", "havingfun_item", "assessment_item"]
    assert s.navigate("start").deliver == "playing_item"
    # nothing ahead can be chosen before the first SCO is satisfied; continue is refused too
    assert [a for a in choosable(s) if a in order] == ["playing_item"]
    assert s.valid_requests()["continue"] == "false"
    out = s.navigate("choice", "handicapping_item")
    assert not out.valid and out.exception == "DB.1.1-3"  # disabled: the previous SCO is not satisfied
    # the learner finishes "Playing": the next one (only) opens up
    s.report("playing_item", SCO_DONE)
    assert [a for a in choosable(s) if a in order] == order[:2]
    assert s.navigate("continue").deliver == "etuqiette_item"
    # jumping back to review is allowed
    s.report("etuqiette_item", {"cmi.completion_status": "incomplete", "cmi.exit": "suspend"})
    assert s.navigate("choice", "playing_item").deliver == "playing_item"
    assert s.tree["playing_item"].state.attempt_count == 2  # a review is a new attempt; the SCO reports again
    s.report("playing_item", SCO_DONE)
    assert s.navigate("choice", "handicapping_item").exception == "DB.1.1-3"
    assert s.navigate("choice", "etuqiette_item").deliver == "etuqiette_item"
    assert s.tree["etuqiette_item"].state.attempt_count == 1  # resumed the suspended attempt
    for item in order[1:4]:
        s.report(item, SCO_DONE)
        assert s.navigate("continue").deliver == order[order.index(item) + 1]
    assert s.course_result()["completion_status"] == "unknown"  # the quiz is still open
    s.report("assessment_item", {"cmi.completion_status": "completed", "cmi.success_status": "passed",
                                 "cmi.score.scaled": "0.9"})
    out = s.navigate("continue")
    assert out.ended
    r = s.course_result()
    assert (r["completion_status"], r["success_status"], r["score_scaled"]) == ("completed", "passed", None)
    # objectivesGlobalToSystem="false": the course's own store holds the shared objectives
    assert s.tree.objectives_global_to_system is False
    assert s.tree.global_objectives[
        "com.scorm.golfsamples.sequencing.forcedsequential.havingfun_satisfied"].satisfied


def test_post_test_rollup_counts_only_the_test_and_jump_skips_ahead(corpus):
    s = load(corpus, "golf-seq-posttest-2004-4th")
    assert s.navigate("start").deliver == "playing_item"
    valid = s.valid_requests()
    # the quiz is hidden from choice until "Having Fun" is completed, but the content may jump to it
    assert valid["choice.{target=assessment_item}"] == "false" and valid["jump.{target=assessment_item}"] == "true"
    assert valid["choice.{target=etuqiette_item}"] == "false"  # completion drives the prerequisites (4th ed.)
    s.report("playing_item", {"cmi.completion_status": "completed", "cmi.progress_measure": "1"})
    assert s.valid_requests()["choice.{target=etuqiette_item}"] == "true"
    # content SCOs do not count towards rollup: completing all of them completes nothing
    for item, nxt in (("playing_item", "etuqiette_item"), ("etuqiette_item", "handicapping_item"),
                      ("handicapping_item", "havingfun_item")):
        s.report(item, {"cmi.completion_status": "completed", "cmi.progress_measure": "1"})
        assert s.navigate("continue").deliver == nxt
    s.report("havingfun_item", {"cmi.completion_status": "completed", "cmi.success_status": "passed",
                                "cmi.progress_measure": "1"})
    r = s.course_result()
    assert (r["completion_status"], r["success_status"]) == ("unknown", "unknown")
    assert abs(r["progress_measure"] - (0.5 + 0.3 + 0.4 + 0.3) / 1.6) < 1e-9  # progress weights
    assert s.valid_requests()["choice.{target=assessment_item}"] == "true"
    # failing the test fails the course, passing it passes the course
    assert s.navigate("continue").deliver == "assessment_item"
    s.report("assessment_item", {"cmi.completion_status": "completed", "cmi.success_status": "failed",
                                 "cmi.score.scaled": "0.4", "cmi.progress_measure": "1"})
    r = s.course_result()
    assert (r["completion_status"], r["success_status"], r["score_scaled"]) == ("completed", "failed", 0.4)
    out = s.navigate("choice", "assessment_item")
    assert out.deliver == "assessment_item" and s.tree["assessment_item"].state.attempt_count == 2
    s.report("assessment_item", {"cmi.completion_status": "completed", "cmi.success_status": "passed",
                                 "cmi.score.scaled": "0.85", "cmi.progress_measure": "1"})
    r = s.course_result()
    assert (r["completion_status"], r["success_status"], r["score_scaled"]) == ("completed", "passed", 0.85)
    assert abs(r["progress_measure"] - 1.0) < 1e-9


def test_post_test_jump_straight_to_the_test(corpus):
    s = load(corpus, "golf-seq-posttest-2004-4th")
    s.navigate("start")
    s.report("playing_item", {"cmi.completion_status": "incomplete", "adl.nav.request": "{target=assessment_item}jump"})
    out = s.content_nav_request("{target=assessment_item}jump")
    assert out.deliver == "assessment_item"
    s.report("assessment_item", {"cmi.completion_status": "completed", "cmi.success_status": "passed",
                                 "cmi.score.scaled": "1"})
    assert s.course_result()["success_status"] == "passed"
    # once attempted, the quiz shows up for choice
    assert s.valid_requests()["choice.{target=assessment_item}"] == "true"


def test_remediation_sends_the_learner_back(corpus):
    s = load(corpus, "golf-seq-remediation-2004-3rd")
    assert s.navigate("start").deliver == "playing_item"
    assert s.valid_requests()["choice.{target=etuqiette_item}"] == "false"  # flow only
    ui = s.nav_ui_state()
    assert ui["buttons"]["continue"] and not ui["buttons"]["previous"]
    delivered = ["playing_item"]
    # first pass: every SCO, then the four tests; the etiquette test is failed
    scores = {"test_1": "passed", "test_2": "failed", "test_3": "passed", "test_4": "passed"}
    for _ in range(7):
        cur = s.current_activity
        values = {"cmi.completion_status": "completed"}
        if cur in scores:
            values["cmi.success_status"] = scores[cur]
            values["cmi.score.scaled"] = "0.9" if scores[cur] == "passed" else "0.3"
        s.report(cur, values)
        delivered.append(s.navigate("continue").deliver)
    assert delivered == ["playing_item", "etuqiette_item", "handicapping_item", "havingfun_item",
                         "test_1", "test_2", "test_3", "test_4"]
    # the last test exits the wrapper; it is not satisfied, so it is retried: only the etiquette material comes back
    s.report("test_4", {"cmi.completion_status": "completed", "cmi.success_status": "passed",
                        "cmi.score.scaled": "0.9"})
    out = s.navigate("continue")
    assert out.deliver == "etuqiette_item"
    assert s.tree["content_wrapper"].state.attempt_count == 2
    # save and reopen in the middle of remediation
    state = json.loads(json.dumps(s.to_state()))
    s = Sequencer.from_state(load(corpus, "golf-seq-remediation-2004-3rd").tree, state)
    s.report("etuqiette_item", {"cmi.completion_status": "completed"})
    assert s.navigate("continue").deliver == "test_2"
    s.report("test_2", {"cmi.completion_status": "completed", "cmi.success_status": "passed", "cmi.score.scaled": "1"})
    # test_4 declares its own sequencingRules (exitParent), which replace the collection's skip rule: it comes back
    assert s.navigate("continue").deliver == "test_4"
    s.report("test_4", {"cmi.completion_status": "completed", "cmi.success_status": "passed",
                        "cmi.score.scaled": "0.9"})
    out = s.navigate("continue")
    assert out.ended  # everything satisfied: exitAll
    r = s.course_result()
    assert (r["completion_status"], r["success_status"]) == ("completed", "passed")
