"""SCORM 1.2 adlcp:prerequisites: the AICC script grammar, evaluation, and launchable items of a course."""

from __future__ import annotations

import pytest

from scorm_desktop.package.archive import open_package
from scorm_desktop.sequencing.prerequisites import PrerequisiteError, evaluate_course_12, parse_prerequisites


@pytest.mark.parametrize(
    ("script", "statuses", "met"),
    [
        ("", {}, True),
        ("a", {"a": "passed"}, True),
        ("a", {"a": "completed"}, True),
        ("a", {"a": "failed"}, False),
        ("a", {"a": "browsed"}, False),
        ("a", {}, False),
        ("a & b", {"a": "passed"}, False),
        ("a & b", {"a": "passed", "b": "completed"}, True),
        ("a | b", {"b": "passed"}, True),
        ("~a", {}, True),
        ("~a", {"a": "passed"}, False),
        ("a & (b | c)", {"a": "passed", "c": "passed"}, True),
        ("a | b & c", {"a": "passed"}, True),  # & binds tighter than |
        ("(a | b) & c", {"a": "passed"}, False),
        ("2*{a,b,c}", {"a": "passed", "c": "completed"}, True),
        ("2*{a,b,c}", {"a": "passed"}, False),
        ("{a,b}", {"a": "passed"}, False),
        ("a = failed", {"a": "failed"}, True),
        ('a="incomplete"', {"a": "incomplete"}, True),
        ("a <> p", {"a": "passed"}, False),
        ("a=n", {}, True),
        ("module1 AND module2", {"module1": "passed", "module2": "passed"}, True),
        ("NOT m1 OR m2", {"m1": "passed"}, False),
    ],
)
def test_scripts(script, statuses, met):
    assert parse_prerequisites(script).met(statuses) is met


@pytest.mark.parametrize("script", ["a &", "(a", "a b", "& a", "2*a", "{a,}", "a = "])
def test_broken_scripts_name_the_problem(script):
    with pytest.raises(PrerequisiteError) as info:
        parse_prerequisites(script)
    assert script.strip() in str(info.value) or "ends too early" in str(info.value)


def test_an_item_called_and_is_an_identifier():
    assert parse_prerequisites("AND & b", known={"AND", "b"}).met({"AND": "passed", "b": "passed"})


def test_identifiers_are_collected():
    assert parse_prerequisites("a & ~(b | 1*{c, d})").identifiers == ["a", "b", "c", "d"]


def test_corpus_prerequisites_package(corpus):
    m = open_package(corpus / "good" / "emp-prerequisites-12.zip").manifest()
    state = evaluate_course_12(m, {})
    assert state.launchable == {"module1": True, "module2": False, "module3": False, "module4": False}
    assert state.next_item(None) == "module1" and state.next_item("module1") is None
    state = evaluate_course_12(m, {"module1": "passed"})
    assert state.launchable == {"module1": True, "module2": True, "module3": False, "module4": False}
    state = evaluate_course_12(m, {"module1": "passed", "module2": "failed"})
    assert state.launchable["module3"] is False and state.launchable["module4"] is False
    state = evaluate_course_12(m, {"module1": "passed", "module2": "completed"})
    assert all(state.launchable.values()) and state.warnings == []
    assert state.course.completion == "incomplete"
    state = evaluate_course_12(m, {f"module{i}": "passed" for i in range(1, 5)})
    assert (state.course.completion, state.course.success) == ("completed", "passed")
    assert state.previous_item("module3") == "module2"


def test_corpus_moodle_complex_package(corpus):
    m = open_package(corpus / "good" / "moodle-complexscorm.zip").manifest()
    ids = [i.identifier for i in m.launchable_items()]
    gated = ids[-1]
    first, second = ids[0], ids[1]
    assert evaluate_course_12(m, {}).launchable[gated] is False
    assert evaluate_course_12(m, {first: "completed"}).launchable[gated] is False
    assert evaluate_course_12(m, {first: "completed", second: "passed"}).launchable[gated] is True
    assert all(v for k, v in evaluate_course_12(m, {}).launchable.items() if k != gated)


def test_unknown_identifiers_and_broken_scripts_do_not_lock_the_learner(corpus):
    m = open_package(corpus / "good" / "emp-prerequisites-12.zip").manifest()
    m.organization.items[1].prerequisites = "nosuchitem"
    m.organization.items[2].prerequisites = "module1 &"
    state = evaluate_course_12(m, {})
    assert state.launchable["module2"] and state.launchable["module3"]
    assert len(state.warnings) == 2 and "nosuchitem" in state.warnings[0] and "Module 3" in state.warnings[1]
