"""The data model definitions: complete, JSON-able, internally consistent."""

from __future__ import annotations

import json
import re

import pytest

from scorm_desktop.cmi import datamodel
from scorm_desktop.cmi.datamodel import definition


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_definition_is_json_and_a_fresh_copy(version):
    model = definition(version)
    assert json.loads(json.dumps(model)) == model
    model["elements"].clear()
    assert definition(version)["elements"]


def test_versions_are_normalized():
    assert definition("2004 4th Edition")["version"] == "2004"
    assert definition("CAM 1.3")["version"] == "2004"
    assert definition("1.2")["version"] == "1.2"
    with pytest.raises(ValueError):
        definition("3.0")


def test_error_codes():
    assert sorted(definition("2004")["errors"], key=int) == [str(c) for c in (
        0, 101, 102, 103, 104, 111, 112, 113, 122, 123, 132, 133, 142, 143, 201, 301, 351, 391, 401, 402, 403, 404,
        405, 406, 407, 408)]
    assert sorted(definition("1.2")["errors"], key=int) == [str(c) for c in (
        0, 101, 201, 202, 203, 301, 401, 402, 403, 404, 405)]
    for version in ("1.2", "2004"):
        model = definition(version)
        for condition, code in model["codes"].items():
            assert str(code) in model["errors"], (version, condition)


SCORM_2004_ELEMENTS = """
cmi._version cmi.comments_from_learner._children cmi.comments_from_learner._count
cmi.comments_from_learner.n.comment cmi.comments_from_learner.n.location cmi.comments_from_learner.n.timestamp
cmi.comments_from_lms._children cmi.comments_from_lms._count cmi.comments_from_lms.n.comment
cmi.comments_from_lms.n.location cmi.comments_from_lms.n.timestamp cmi.completion_status cmi.completion_threshold
cmi.credit cmi.entry cmi.exit cmi.interactions._children cmi.interactions._count cmi.interactions.n.id
cmi.interactions.n.type cmi.interactions.n.objectives._count cmi.interactions.n.objectives.n.id
cmi.interactions.n.timestamp cmi.interactions.n.correct_responses._count
cmi.interactions.n.correct_responses.n.pattern cmi.interactions.n.weighting cmi.interactions.n.learner_response
cmi.interactions.n.result cmi.interactions.n.latency cmi.interactions.n.description cmi.launch_data cmi.learner_id
cmi.learner_name cmi.learner_preference._children cmi.learner_preference.audio_level cmi.learner_preference.language
cmi.learner_preference.delivery_speed cmi.learner_preference.audio_captioning cmi.location cmi.max_time_allowed
cmi.mode cmi.objectives._children cmi.objectives._count cmi.objectives.n.id cmi.objectives.n.score._children
cmi.objectives.n.score.scaled cmi.objectives.n.score.raw cmi.objectives.n.score.min cmi.objectives.n.score.max
cmi.objectives.n.success_status cmi.objectives.n.completion_status cmi.objectives.n.progress_measure
cmi.objectives.n.description cmi.progress_measure cmi.scaled_passing_score cmi.score._children cmi.score.scaled
cmi.score.raw cmi.score.min cmi.score.max cmi.session_time cmi.success_status cmi.suspend_data
cmi.time_limit_action cmi.total_time adl.nav.request adl.nav.request_valid.continue adl.nav.request_valid.previous
adl.nav.request_valid.choice.{target=} adl.nav.request_valid.jump.{target=} adl.data._children adl.data._count
adl.data.n.id adl.data.n.store
""".split()

SCORM_12_ELEMENTS = """
cmi._version cmi.core._children cmi.core.student_id cmi.core.student_name cmi.core.lesson_location cmi.core.credit
cmi.core.lesson_status cmi.core.entry cmi.core.score._children cmi.core.score.raw cmi.core.score.min
cmi.core.score.max cmi.core.total_time cmi.core.lesson_mode cmi.core.exit cmi.core.session_time cmi.suspend_data
cmi.launch_data cmi.comments cmi.comments_from_lms cmi.objectives._children cmi.objectives._count
cmi.objectives.n.id cmi.objectives.n.score._children cmi.objectives.n.score.raw cmi.objectives.n.score.min
cmi.objectives.n.score.max cmi.objectives.n.status cmi.student_data._children cmi.student_data.mastery_score
cmi.student_data.max_time_allowed cmi.student_data.time_limit_action cmi.student_preference._children
cmi.student_preference.audio cmi.student_preference.language cmi.student_preference.speed
cmi.student_preference.text cmi.interactions._children cmi.interactions._count cmi.interactions.n.id
cmi.interactions.n.objectives._count cmi.interactions.n.objectives.n.id cmi.interactions.n.time
cmi.interactions.n.type cmi.interactions.n.correct_responses._count cmi.interactions.n.correct_responses.n.pattern
cmi.interactions.n.weighting cmi.interactions.n.student_response cmi.interactions.n.result
cmi.interactions.n.latency
""".split()


@pytest.mark.parametrize("version, expected", [("2004", SCORM_2004_ELEMENTS), ("1.2", SCORM_12_ELEMENTS)])
def test_every_element_is_defined(version, expected):
    assert sorted(datamodel.elements(version)) == sorted(expected)


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_specs_are_consistent(version):
    model = definition(version)
    for pattern, spec in model["elements"].items():
        assert spec["access"] in ("r", "w", "rw"), pattern
        type_ = spec["type"]
        if isinstance(type_, str):
            assert type_ in model["types"], (pattern, type_)
        if pattern.endswith("._children"):
            assert pattern[: -len("._children")] in model["children"], pattern
        if pattern.endswith("._count"):
            assert pattern[: -len("._count")] in model["arrays"], pattern
        for required in spec.get("requires", []):
            assert required in model["elements"], required
        lenient = spec.get("lenient")
        if lenient:
            assert lenient["option"] in datamodel.OPTION_DEFAULTS
    for array in model["arrays"]:
        assert array + "._count" in model["elements"], array
    for parent in model["children"]:
        for child in model["children"][parent].split(","):
            prefix = f"{parent}.n.{child}" if parent in model["arrays"] else f"{parent}.{child}"
            assert any(p == prefix or p.startswith(prefix + ".") for p in model["elements"]), prefix
    for kind in model["responses"]:
        assert set(model["responses"][kind]) >= {"pattern", "learner"}


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_regexes_compile_in_python(version):
    model = definition(version)

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "regex":
                    re.compile(v)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(model)
    for source in model["syntax"].values():
        re.compile(source)


def test_access_examples():
    spec = datamodel.element_spec
    assert spec("2004", "cmi.exit")["access"] == "w"
    assert spec("2004", "cmi.total_time")["access"] == "r"
    assert spec("2004", "cmi.interactions.12.correct_responses.3.pattern")["access"] == "rw"
    assert spec("1.2", "cmi.interactions.0.id")["access"] == "w"
    assert spec("1.2", "cmi.core.lesson_status")["default"] == "not attempted"
    assert spec("2004", "adl.nav.request_valid.choice.{target=a.b.c}")["default"] == "unknown"
    assert spec("2004", "cmi.nothing") is None


def test_pattern_of():
    assert datamodel.pattern_of("cmi.interactions.3.objectives.10.id") == "cmi.interactions.n.objectives.n.id"
    assert datamodel.pattern_of("adl.nav.request_valid.jump.{target=x.1.y}") == "adl.nav.request_valid.jump.{target=}"


@pytest.mark.parametrize("values, completion, success", [
    ({}, "unknown", "unknown"),
    ({"cmi.completion_status": "completed", "cmi.success_status": "failed"}, "completed", "failed"),
    ({"cmi.completion_threshold": "0.5"}, "unknown", "unknown"),
    ({"cmi.completion_threshold": "0.5", "cmi.progress_measure": "0.5", "cmi.completion_status": "incomplete"},
     "completed", "unknown"),
    ({"cmi.completion_threshold": "0.5", "cmi.progress_measure": "0.4"}, "incomplete", "unknown"),
    ({"cmi.scaled_passing_score": "0.6", "cmi.score.scaled": "0.6"}, "unknown", "passed"),
    ({"cmi.scaled_passing_score": "0.6", "cmi.score.scaled": "0.2", "cmi.success_status": "passed"},
     "unknown", "failed"),
])
def test_evaluated_status(values, completion, success):
    assert datamodel.evaluated_status("2004", "cmi.completion_status", values) == completion
    assert datamodel.evaluated_status("2004", "cmi.success_status", values) == success
    assert datamodel.evaluated_status("2004", "cmi.location", values) is None


def test_error_string():
    assert datamodel.error_string("2004", 408) == "Data Model Dependency Not Established"
    assert datamodel.error_string("1.2", "405") == "Incorrect data type"
    assert datamodel.error_string("1.2", 999) == ""


def test_response_grammar_conformance_fields():
    responses = definition("2004")["responses"]
    assert responses["choice"]["uniquePatterns"] == "set"
    assert responses["sequencing"]["uniquePatterns"] == "exact"
    assert responses["numeric"]["pattern"]["required"] is True  # min[:]max, the separator is required
    assert not responses["matching"]["pattern"].get("empty")  # a correct matching pattern is never empty
    assert responses["matching"]["learner"]["empty"] is True
    assert not responses["sequencing"]["pattern"].get("empty")
    assert {k for k, v in responses.items() if v.get("maxPatterns") == 1} == {"true-false", "likert", "numeric", "other"}
    assert definition("2004")["apiVersion"] == "1.0"
    assert "apiVersion" not in definition("1.2")
