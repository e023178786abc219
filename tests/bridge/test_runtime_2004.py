"""SCORM 2004 4th edition conformance of resources/player/runtime.js, run in QtWebEngine (offscreen)."""

from __future__ import annotations

import pytest

from runtime_harness import _runtime_harness, rt  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui

LAUNCH = {
    "cmi._version": "1.0",
    "cmi.entry": "ab-initio",
    "cmi.credit": "credit",
    "cmi.mode": "normal",
    "cmi.total_time": "PT1H2M3S",
    "cmi.learner_id": "learner-1",
    "cmi.learner_name": "Ada Lovelace",
    "cmi.launch_data": "chapter=3",
}

STRICT = {"lenientInteractions": False, "lenientTimes": False}


# --- the state machine ---------------------------------------------------------------------------------------------


def test_api_has_the_eight_2004_functions(rt):
    rt.create("2004", LAUNCH)
    assert sorted(rt.api_names) == sorted(
        ["Initialize", "Terminate", "GetValue", "SetValue", "Commit", "GetLastError", "GetErrorString", "GetDiagnostic"]
    )
    assert rt.state() == "not-initialized"


def test_calls_before_initialize(rt):
    rt.create("2004", LAUNCH)
    assert rt.calls([
        ("GetValue", "cmi.location"),
        ("SetValue", "cmi.location", "x"),
        ("Commit", ""),
        ("Terminate", ""),
    ]) == [("", "122"), ("false", "132"), ("false", "142"), ("false", "112")]
    assert rt.state() == "not-initialized"


def test_lifecycle_and_errors_after_terminate(rt):
    rt.create("2004", LAUNCH)
    assert rt.calls([
        ("Initialize", ""),
        ("Initialize", ""),
        ("Terminate", ""),
        ("Terminate", ""),
        ("GetValue", "cmi.location"),
        ("SetValue", "cmi.location", "x"),
        ("Commit", ""),
        ("Initialize", ""),
    ]) == [("true", "0"), ("false", "103"), ("true", "0"), ("false", "113"), ("", "123"), ("false", "133"),
           ("false", "143"), ("false", "104")]
    assert rt.state() == "terminated"


@pytest.mark.parametrize("fn", ["Initialize", "Commit", "Terminate"])
def test_non_empty_argument_is_201(rt, fn):
    rt.create("2004", LAUNCH)
    if fn != "Initialize":
        rt.call("Initialize", "")
    assert rt.call(fn, "x") == ("false", "201")


def test_missing_argument_is_tolerated(rt):
    rt.create("2004", LAUNCH)
    assert rt.calls([("Initialize",), ("Commit",), ("Terminate",)]) == [("true", "0")] * 3


def test_error_strings_and_diagnostic(rt):
    rt.started("2004", LAUNCH)
    assert rt.calls([
        ("GetErrorString", "403"),
        ("GetErrorString", "0"),
        ("GetErrorString", "999"),
        ("GetErrorString", ""),
    ]) == [("Data Model Element Value Not Initialized", "0"), ("No Error", "0"), ("", "0"), ("", "0")]
    # GetLastError / GetErrorString / GetDiagnostic do not change the last error.
    answers = rt.calls([("GetValue", "cmi.nothing"), ("GetErrorString", "401"), ("GetDiagnostic", "")])
    assert answers[0] == ("", "401")
    assert answers[1] == ("Undefined Data Model Element", "401")
    assert "cmi.nothing" in answers[2][0] and answers[2][1] == "401"


def test_error_string_for_every_code(rt):
    from scorm_desktop.cmi.datamodel import ERRORS_2004

    rt.started("2004", LAUNCH)
    answers = rt.calls([("GetErrorString", str(code)) for code in ERRORS_2004])
    assert [a[0] for a in answers] == list(ERRORS_2004.values())


# --- reading -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("element, expected", [
    ("cmi._version", ("1.0", "0")),
    ("cmi.learner_id", ("learner-1", "0")),
    ("cmi.learner_name", ("Ada Lovelace", "0")),
    ("cmi.entry", ("ab-initio", "0")),
    ("cmi.credit", ("credit", "0")),
    ("cmi.mode", ("normal", "0")),
    ("cmi.total_time", ("PT1H2M3S", "0")),
    ("cmi.launch_data", ("chapter=3", "0")),
    ("cmi.completion_status", ("unknown", "0")),
    ("cmi.success_status", ("unknown", "0")),
    ("cmi.time_limit_action", ("continue,no message", "0")),
    ("cmi.learner_preference.audio_level", ("1", "0")),
    ("cmi.learner_preference.language", ("", "0")),
    ("cmi.learner_preference.delivery_speed", ("1", "0")),
    ("cmi.learner_preference.audio_captioning", ("0", "0")),
    ("cmi.location", ("", "403")),
    ("cmi.suspend_data", ("", "403")),
    ("cmi.progress_measure", ("", "403")),
    ("cmi.score.scaled", ("", "403")),
    ("cmi.score.raw", ("", "403")),
    ("cmi.completion_threshold", ("", "403")),
    ("cmi.scaled_passing_score", ("", "403")),
    ("cmi.max_time_allowed", ("", "403")),
    ("cmi.exit", ("", "405")),
    ("cmi.session_time", ("", "405")),
    ("cmi.bogus", ("", "401")),
    ("", ("", "301")),
    ("adl.nav.request", ("_none_", "0")),
    ("adl.nav.request_valid.continue", ("true", "0")),
    ("adl.nav.request_valid.previous", ("unknown", "0")),
    ("adl.nav.request_valid.choice.{target=intro.page}", ("false", "0")),
    ("adl.nav.request_valid.jump.{target=x}", ("unknown", "0")),
])
def test_get_value(rt, element, expected):
    values = dict(LAUNCH)
    values["adl.nav.request_valid.continue"] = "true"
    values["adl.nav.request_valid.choice.{target=intro.page}"] = "false"
    rt.started("2004", values)
    assert rt.get(element) == expected


@pytest.mark.parametrize("element, expected", [
    ("cmi.comments_from_learner._children", "comment,location,timestamp"),
    ("cmi.comments_from_lms._children", "comment,location,timestamp"),
    ("cmi.interactions._children",
     "id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description"),
    ("cmi.learner_preference._children", "audio_level,language,delivery_speed,audio_captioning"),
    ("cmi.objectives._children", "id,score,success_status,completion_status,progress_measure,description"),
    ("cmi.score._children", "scaled,raw,min,max"),
    ("adl.data._children", "id,store"),
])
def test_children(rt, element, expected):
    rt.started("2004", LAUNCH)
    assert rt.get(element) == (expected, "0")


def test_children_and_count_errors(rt):
    rt.started("2004", LAUNCH)
    rt.calls([("SetValue", "cmi.objectives.0.id", "obj1")])
    assert rt.calls([
        ("GetValue", "cmi.objectives.0.score._children"),
        ("GetValue", "cmi.location._children"),
        ("GetValue", "cmi.location._count"),
        ("GetValue", "cmi.score._count"),
        ("GetValue", "cmi.bogus._children"),
        ("GetValue", "cmi.bogus._count"),
        ("GetValue", "cmi.objectives._count"),
        ("GetValue", "cmi.interactions._count"),
        ("GetValue", "cmi.interactions.0.objectives._count"),
        ("SetValue", "cmi.objectives._count", "3"),
        ("SetValue", "cmi.score._children", "x"),
        ("SetValue", "cmi._version", "2"),
    ]) == [("scaled,raw,min,max", "0"), ("", "301"), ("", "301"), ("", "301"), ("", "401"), ("", "401"),
           ("1", "0"), ("0", "0"), ("", "301"), ("false", "404"), ("false", "404"), ("false", "404")]


# --- writing: one table, element by element ------------------------------------------------------------------------

SET_CASES = [
    # element, value, expected error ("0" = accepted)
    ("cmi.location", "page-12", "0"),
    ("cmi.location", "", "0"),
    ("cmi.suspend_data", "x" * 64000, "0"),
    ("cmi.completion_status", "completed", "0"),
    ("cmi.completion_status", "incomplete", "0"),
    ("cmi.completion_status", "not attempted", "0"),
    ("cmi.completion_status", "unknown", "0"),
    ("cmi.completion_status", "done", "406"),
    ("cmi.completion_status", "Completed", "406"),
    ("cmi.success_status", "passed", "0"),
    ("cmi.success_status", "failed", "0"),
    ("cmi.success_status", "unknown", "0"),
    ("cmi.success_status", "completed", "406"),
    ("cmi.score.scaled", "0.5", "0"),
    ("cmi.score.scaled", "-1", "0"),
    ("cmi.score.scaled", "1", "0"),
    ("cmi.score.scaled", "1.0000001", "407"),
    ("cmi.score.scaled", "-1.5", "407"),
    ("cmi.score.scaled", "abc", "406"),
    ("cmi.score.scaled", "", "406"),
    ("cmi.score.raw", "85.5", "0"),
    ("cmi.score.raw", "-300", "0"),
    ("cmi.score.raw", "12e3", "406"),
    ("cmi.score.min", "0", "0"),
    ("cmi.score.max", "100", "0"),
    ("cmi.score.max", "1,5", "406"),
    ("cmi.progress_measure", "0.75", "0"),
    ("cmi.progress_measure", "1.2", "407"),
    ("cmi.progress_measure", "-0.1", "407"),
    ("cmi.exit", "suspend", "0"),
    ("cmi.exit", "normal", "0"),
    ("cmi.exit", "logout", "0"),
    ("cmi.exit", "time-out", "0"),
    ("cmi.exit", "", "0"),
    ("cmi.exit", "quit", "406"),
    ("cmi.session_time", "PT1H30M5.25S", "0"),
    ("cmi.session_time", "P1DT2H", "0"),
    ("cmi.session_time", "PT0.5S", "0"),
    ("cmi.session_time", "P", "406"),
    ("cmi.session_time", "PT", "406"),
    ("cmi.session_time", "P0S", "406"),
    ("cmi.session_time", "01:00:00", "406"),
    ("cmi.learner_preference.audio_level", "0.5", "0"),
    ("cmi.learner_preference.audio_level", "-1", "407"),
    ("cmi.learner_preference.delivery_speed", "2", "0"),
    ("cmi.learner_preference.language", "en-US", "0"),
    ("cmi.learner_preference.language", "", "0"),
    ("cmi.learner_preference.language", "english!", "406"),
    ("cmi.learner_preference.audio_captioning", "-1", "0"),
    ("cmi.learner_preference.audio_captioning", "2", "406"),
    ("cmi.comments_from_learner.0.comment", "{lang=en}Great", "0"),
    ("cmi.comments_from_learner.0.comment", "{lang=??}Great", "406"),
    ("cmi.comments_from_learner.0.timestamp", "2024-03-01T10:20:30.5Z", "0"),
    ("cmi.comments_from_learner.0.timestamp", "2024-13-01", "406"),
    ("cmi.comments_from_learner.1.comment", "skips an index", "351"),
    ("cmi.comments_from_lms.0.comment", "read only", "404"),
    ("cmi.credit", "no-credit", "404"),
    ("cmi.entry", "resume", "404"),
    ("cmi.mode", "review", "404"),
    ("cmi.total_time", "PT1S", "404"),
    ("cmi.learner_id", "x", "404"),
    ("cmi.learner_name", "x", "404"),
    ("cmi.launch_data", "x", "404"),
    ("cmi.completion_threshold", "0.5", "404"),
    ("cmi.scaled_passing_score", "0.5", "404"),
    ("cmi.max_time_allowed", "PT1H", "404"),
    ("cmi.time_limit_action", "exit,message", "404"),
    ("cmi.bogus", "x", "401"),
    ("cmi.core.lesson_status", "completed", "401"),
    ("cmi.objectives.00.id", "leading-zero-index", "401"),
    ("cmi.objectives.-1.id", "negative-index", "401"),
    ("", "x", "351"),
    ("adl.nav.request", "continue", "0"),
    ("adl.nav.request", "suspendAll", "0"),
    ("adl.nav.request", "{target=intro}choice", "0"),
    ("adl.nav.request", "{target=intro}jump", "0"),
    ("adl.nav.request", "next", "406"),
    ("adl.nav.request_valid.continue", "true", "404"),
]


@pytest.mark.parametrize("element, value, error", SET_CASES)
def test_set_value(rt, element, value, error):
    rt.started("2004", LAUNCH, STRICT)
    result = rt.set(element, value)
    assert result == ("true" if error == "0" else "false", error)
    events = rt.events()
    if error == "0":
        assert events == [{"op": "set", "element": element, "value": value}]
        if not element.endswith(("exit", "session_time")):
            assert rt.get(element) == (value, "0")
    else:
        assert events == []  # a failed SetValue produces no event


def test_numbers_are_stored_as_strings(rt):
    rt.started("2004", LAUNCH)
    assert rt.calls([("SetValue", "cmi.score.raw", 80), ("GetValue", "cmi.score.raw")]) == [("true", "0"), ("80", "0")]


# --- statuses evaluated on GetValue -----------------------------------------------------------------------------


@pytest.mark.parametrize("launch, sets, expected", [
    ({}, [("cmi.completion_status", "incomplete")], "incomplete"),
    ({"cmi.completion_threshold": "0.8"}, [], "unknown"),
    ({"cmi.completion_threshold": "0.8"}, [("cmi.completion_status", "completed")], "unknown"),
    ({"cmi.completion_threshold": "0.8"}, [("cmi.progress_measure", "0.8")], "completed"),
    ({"cmi.completion_threshold": "0.8"}, [("cmi.progress_measure", "0.79")], "incomplete"),
    ({"cmi.completion_threshold": "0.8"},
     [("cmi.completion_status", "completed"), ("cmi.progress_measure", "0.5")], "incomplete"),
])
def test_completion_status_evaluation(rt, launch, sets, expected):
    rt.started("2004", {**LAUNCH, **launch})
    for element, value in sets:
        assert rt.set(element, value) == ("true", "0")
    assert rt.get("cmi.completion_status") == (expected, "0")


@pytest.mark.parametrize("launch, sets, expected", [
    ({}, [("cmi.success_status", "passed")], "passed"),
    ({"cmi.scaled_passing_score": "0.7"}, [], "unknown"),
    ({"cmi.scaled_passing_score": "0.7"}, [("cmi.success_status", "passed")], "unknown"),
    ({"cmi.scaled_passing_score": "0.7"}, [("cmi.score.scaled", "0.7")], "passed"),
    ({"cmi.scaled_passing_score": "0.7"}, [("cmi.score.scaled", "0.69")], "failed"),
    ({"cmi.scaled_passing_score": "-0.5"}, [("cmi.score.scaled", "-0.2")], "passed"),
])
def test_success_status_evaluation(rt, launch, sets, expected):
    rt.started("2004", {**LAUNCH, **launch})
    for element, value in sets:
        assert rt.set(element, value) == ("true", "0")
    assert rt.get("cmi.success_status") == (expected, "0")


# --- arrays: interactions ------------------------------------------------------------------------------------------


def test_interaction_dependencies_and_counts(rt):
    rt.started("2004", LAUNCH, STRICT)
    ix = "cmi.interactions"
    assert rt.calls([
        ("SetValue", f"{ix}.0.type", "choice"),  # id must come first
        ("SetValue", f"{ix}.1.id", "q2"),  # index skips ahead
        ("SetValue", f"{ix}.0.id", "q1"),
        ("GetValue", f"{ix}._count"),
        ("SetValue", f"{ix}.0.learner_response", "a"),  # type not set yet
        ("SetValue", f"{ix}.0.correct_responses.0.pattern", "a"),  # type not set yet
        ("SetValue", f"{ix}.0.type", "choice"),
        ("SetValue", f"{ix}.0.learner_response", "a[,]b"),
        ("SetValue", f"{ix}.0.correct_responses.0.pattern", "b[,]a"),
        ("SetValue", f"{ix}.0.correct_responses.2.pattern", "c"),
        ("GetValue", f"{ix}.0.correct_responses._count"),
        ("GetValue", f"{ix}.0.correct_responses.0.pattern"),
        ("SetValue", f"{ix}.0.objectives.0.id", "obj-1"),
        ("SetValue", f"{ix}.0.objectives.1.id", "obj-1"),  # ids unique within the interaction
        ("SetValue", f"{ix}.0.objectives.1.id", "obj-2"),
        ("GetValue", f"{ix}.0.objectives._count"),
        ("GetValue", f"{ix}.0.objectives.5.id"),
        ("GetValue", f"{ix}.3.id"),
        ("SetValue", f"{ix}.0.result", "correct"),
        ("SetValue", f"{ix}.0.result", "0.5"),
        ("SetValue", f"{ix}.0.result", "wrong"),
        ("SetValue", f"{ix}.0.weighting", "2"),
        ("SetValue", f"{ix}.0.latency", "PT12.5S"),
        ("SetValue", f"{ix}.0.timestamp", "2024-01-02T03:04:05"),
        ("SetValue", f"{ix}.0.description", "{lang=fr}Quelle couleur ?"),
        ("GetValue", f"{ix}.0.latency"),
        ("GetValue", f"{ix}.0.weighting"),
        ("GetValue", f"{ix}.0.description"),
        ("GetValue", f"{ix}.0.id"),
        ("SetValue", f"{ix}.1.id", "q2"),
        ("GetValue", f"{ix}._count"),
        ("GetValue", f"{ix}.1.type"),
    ]) == [
        ("false", "408"), ("false", "351"), ("true", "0"), ("1", "0"), ("false", "408"), ("false", "408"),
        ("true", "0"), ("true", "0"), ("true", "0"), ("false", "351"), ("1", "0"), ("b[,]a", "0"),
        ("true", "0"), ("false", "351"), ("true", "0"), ("2", "0"), ("", "301"), ("", "301"),
        ("true", "0"), ("true", "0"), ("false", "406"), ("true", "0"), ("true", "0"), ("true", "0"),
        ("true", "0"), ("PT12.5S", "0"), ("2", "0"), ("{lang=fr}Quelle couleur ?", "0"), ("q1", "0"),
        ("true", "0"), ("2", "0"), ("", "403"),
    ]


RESPONSE_CASES = [
    # type, learner_response, pattern, learner error, pattern error (strict mode)
    ("true-false", "true", "false", "0", "0"),
    ("true-false", "yes", "1", "406", "406"),
    ("choice", "a[,]b[,]c", "", "0", "0"),
    ("choice", "a[,]a", "a b", "406", "406"),
    ("fill-in", "{lang=en}blue[,]red", "{case_matters=true}{order_matters=false}blue", "0", "0"),
    ("fill-in", "anything at all", "{case_matters=maybe}x", "0", "406"),
    ("long-fill-in", "{lang=en}A long essay", "{case_matters=false}Essay", "0", "0"),
    ("likert", "strongly_agree", "agree", "0", "0"),
    ("likert", "strongly agree", "agree", "406", "0"),
    ("matching", "1[.]a[,]2[.]b", "1[.]a[,]2[.]b", "0", "0"),
    ("matching", "1-a", "1[.]", "406", "406"),
    ("performance", "step1[.]answer[,][.]3[:]5", "{order_matters=true}s1[.]x[,]s2[.]1[:]2", "0", "0"),
    ("performance", "", "[.]", "406", "406"),
    ("sequencing", "a[,]b[,]c", "c[,]b[,]a", "0", "0"),
    ("numeric", "3.14", "1[:]5", "0", "0"),
    ("numeric", "pi", "5[:]1", "406", "406"),
    ("numeric", "-2", "[:]5", "0", "0"),
    ("other", "anything {goes} [,] here", "whatever", "0", "0"),
]


@pytest.mark.parametrize("kind, learner, pattern, learner_error, pattern_error", RESPONSE_CASES)
def test_interaction_response_formats_strict(rt, kind, learner, pattern, learner_error, pattern_error):
    rt.started("2004", LAUNCH, STRICT)
    assert rt.calls([("SetValue", "cmi.interactions.0.id", "q1"), ("SetValue", "cmi.interactions.0.type", kind)]) \
        == [("true", "0"), ("true", "0")]
    assert rt.set("cmi.interactions.0.learner_response", learner)[1] == learner_error
    assert rt.set("cmi.interactions.0.correct_responses.0.pattern", pattern)[1] == pattern_error


@pytest.mark.parametrize("kind", ["true-false", "likert", "numeric", "other"])
def test_single_pattern_interactions_reject_a_second_pattern_in_strict_mode(rt, kind):
    first = {"true-false": "true", "likert": "a", "numeric": "1[:]2", "other": "x"}[kind]
    rt.started("2004", LAUNCH, STRICT)
    assert rt.calls([
        ("SetValue", "cmi.interactions.0.id", "q1"),
        ("SetValue", "cmi.interactions.0.type", kind),
        ("SetValue", "cmi.interactions.0.correct_responses.0.pattern", first),
        ("SetValue", "cmi.interactions.0.correct_responses.1.pattern", first),
    ])[-1] == ("false", "351")


def test_lenient_interactions_accept_authoring_tool_output(rt):
    rt.started("2004", LAUNCH)  # lenientInteractions defaults to true
    ix = "cmi.interactions.0"
    answers = rt.calls([
        ("SetValue", f"{ix}.id", "Question 1 – Which colour?"),  # spaces: not a URI
        ("SetValue", f"{ix}.type", "choice"),
        ("SetValue", f"{ix}.learner_response", "The red one[,]The blue one"),
        ("SetValue", f"{ix}.correct_responses.0.pattern", "The red one"),
        ("SetValue", f"{ix}.correct_responses.1.pattern", "The blue one"),
        ("SetValue", f"{ix}.result", "wrong"),
        ("SetValue", f"{ix}.latency", "PT0H0M1.23456S"),
        ("SetValue", f"{ix}.timestamp", "2024-01-02T03:04:05.123+01:00"),
        ("SetValue", f"{ix}.objectives.0.id", "Objective one"),
    ])
    assert answers == [("true", "0")] * 9
    # Still not anything goes: the id-first dependency and value types other than responses hold.
    assert rt.calls([
        ("SetValue", "cmi.interactions.1.type", "choice"),
        ("SetValue", f"{ix}.weighting", "heavy"),
        ("SetValue", f"{ix}.type", "quiz"),
    ]) == [("false", "408"), ("false", "406"), ("false", "406")]


def test_lenient_times_accept_broken_session_time(rt):
    rt.started("2004", LAUNCH)
    assert rt.calls([
        ("SetValue", "cmi.session_time", "P0S"),
        ("SetValue", "cmi.session_time", "PT"),
        ("SetValue", "cmi.session_time", "PT0H0M1.23456S"),
        ("SetValue", "cmi.session_time", "soon"),
    ]) == [("true", "0"), ("true", "0"), ("true", "0"), ("false", "406")]


# --- arrays: objectives, comments, shared data ----------------------------------------------------------------


def test_objectives(rt):
    rt.started("2004", LAUNCH, STRICT)
    ob = "cmi.objectives"
    assert rt.calls([
        ("SetValue", f"{ob}.0.score.scaled", "0.5"),
        ("SetValue", f"{ob}.0.id", "has space"),
        ("SetValue", f"{ob}.0.id", "urn:bad"),
        ("SetValue", f"{ob}.0.id", "urn:adl:objective-1"),
        ("SetValue", f"{ob}.0.id", "urn:adl:objective-1"),  # same value: fine
        ("SetValue", f"{ob}.0.id", "other"),  # identifiers cannot change
        ("SetValue", f"{ob}.1.id", "urn:adl:objective-1"),  # must be unique
        ("SetValue", f"{ob}.1.id", "obj2"),
        ("GetValue", f"{ob}.0.success_status"),
        ("GetValue", f"{ob}.0.completion_status"),
        ("GetValue", f"{ob}.0.score.scaled"),
        ("SetValue", f"{ob}.0.score.scaled", "0.5"),
        ("SetValue", f"{ob}.0.score.scaled", "5"),
        ("SetValue", f"{ob}.0.success_status", "passed"),
        ("SetValue", f"{ob}.0.completion_status", "completed"),
        ("SetValue", f"{ob}.0.progress_measure", "0.3"),
        ("SetValue", f"{ob}.0.description", "{lang=en-GB}First"),
        ("GetValue", f"{ob}._count"),
        ("GetValue", f"{ob}.1.id"),
        ("GetValue", f"{ob}.0.score.scaled"),
    ]) == [
        ("false", "408"), ("false", "406"), ("false", "406"), ("true", "0"), ("true", "0"), ("false", "351"),
        ("false", "351"), ("true", "0"), ("unknown", "0"), ("unknown", "0"), ("", "403"), ("true", "0"),
        ("false", "407"), ("true", "0"), ("true", "0"), ("true", "0"), ("true", "0"), ("2", "0"), ("obj2", "0"),
        ("0.5", "0"),
    ]


def test_stored_arrays_are_counted_at_launch(rt):
    values = {
        **LAUNCH,
        "cmi.objectives.0.id": "a",
        "cmi.objectives.1.id": "b",
        "cmi.interactions.0.id": "q1",
        "cmi.interactions.0.type": "numeric",
        "cmi.interactions.0.correct_responses.0.pattern": "1[:]2",
        "cmi.comments_from_lms.0.comment": "Welcome",
        "cmi.comments_from_lms._count": "1",
    }
    rt.started("2004", values)
    assert rt.calls([
        ("GetValue", "cmi.objectives._count"),
        ("GetValue", "cmi.interactions._count"),
        ("GetValue", "cmi.interactions.0.correct_responses._count"),
        ("GetValue", "cmi.comments_from_lms._count"),
        ("GetValue", "cmi.comments_from_lms.0.comment"),
        ("GetValue", "cmi.comments_from_lms.0.timestamp"),
        ("GetValue", "cmi.comments_from_learner._count"),
        ("SetValue", "cmi.comments_from_lms.1.comment", "x"),
    ]) == [("2", "0"), ("1", "0"), ("1", "0"), ("1", "0"), ("Welcome", "0"), ("", "403"), ("0", "0"),
           ("false", "404")]


def test_shared_data(rt):
    values = {
        **LAUNCH,
        "adl.data._count": "3",
        "adl.data.0.id": "shared.rw", "adl.data.0._access": "rw", "adl.data.0.store": "hello",
        "adl.data.1.id": "shared.ro", "adl.data.1._access": "r",
        "adl.data.2.id": "shared.wo", "adl.data.2._access": "w",
    }
    rt.started("2004", values)
    assert rt.calls([
        ("GetValue", "adl.data._count"),
        ("GetValue", "adl.data.0.id"),
        ("GetValue", "adl.data.0.store"),
        ("SetValue", "adl.data.0.store", "bye"),
        ("GetValue", "adl.data.0.store"),
        ("GetValue", "adl.data.1.store"),
        ("SetValue", "adl.data.1.store", "x"),
        ("GetValue", "adl.data.2.store"),
        ("SetValue", "adl.data.2.store", "x"),
        ("SetValue", "adl.data.0.id", "x"),
        ("SetValue", "adl.data.3.store", "x"),
        ("GetValue", "adl.data.3.id"),
        ("GetValue", "adl.data.0._access"),
    ]) == [("3", "0"), ("shared.rw", "0"), ("hello", "0"), ("true", "0"), ("bye", "0"), ("", "403"),
           ("false", "404"), ("", "405"), ("true", "0"), ("false", "404"), ("false", "351"), ("", "301"),
           ("", "401")]


# --- events and logs ----------------------------------------------------------------------------------------------


def test_events_are_batched_per_task_and_in_order(rt):
    rt.create("2004", LAUNCH)
    rt.calls([
        ("Initialize", ""),
        ("SetValue", "cmi.location", "p1"),
        ("SetValue", "cmi.score.scaled", "9"),  # refused: no event
        ("SetValue", "cmi.location", "p2"),
        ("Commit", ""),
    ])
    rt.calls([("SetValue", "cmi.suspend_data", "abc")])
    rt.calls([("Terminate", "")])
    assert rt.batches() == [
        [{"op": "initialize"}, {"op": "set", "element": "cmi.location", "value": "p1"},
         {"op": "set", "element": "cmi.location", "value": "p2"}, {"op": "commit"}],
        [{"op": "set", "element": "cmi.suspend_data", "value": "abc"}],
        [{"op": "terminate"}],
    ]


def test_a_long_synchronous_burst_streams_out_while_the_content_is_still_calling(rt):
    """1,200 SetValue calls in one JavaScript task: batches leave every 500 events, not only when the task ends."""
    rt.create("2004", LAUNCH)
    out = rt.js_json("(function(){ var a = window.__h.rt.api; a.Initialize(''); var sent = [];"
                     " for (var i = 0; i < 1200; i++) { a.SetValue('cmi.suspend_data', 'v' + i);"
                     "   sent.push(window.__h.batches.length); }"
                     " return [sent[497], sent[498], sent[997], sent[998], sent[1199]]; })()")
    # Initialize + 499 sets = 500 events: the first batch leaves inside the loop, the second at 1,000 events.
    assert out == [0, 1, 1, 2, 2]
    batches = rt.batches()
    assert [len(b) for b in batches] == [500, 500, 201]
    values = [e["value"] for b in batches for e in b if e["op"] == "set"]
    assert values == [f"v{i}" for i in range(1200)]  # nothing lost, nothing reordered


def test_terminate_flushes_synchronously(rt):
    rt.create("2004", LAUNCH)
    rt.calls([("Initialize", ""), ("SetValue", "cmi.location", "p1"), ("Terminate", "")])
    assert rt.batches(wait=False) == [
        [{"op": "initialize"}, {"op": "set", "element": "cmi.location", "value": "p1"}, {"op": "terminate"}]]


def test_flush_sends_pending_events_now(rt):
    rt.create("2004", LAUNCH)
    out = rt.js_json("(function(){ var a = window.__h.rt.api; a.Initialize(''); a.SetValue('cmi.location','x');"
                     " var before = window.__h.batches.length; window.__h.rt.flush();"
                     " return [before, window.__h.batches.length]; })()")
    assert out == [0, 1]
    assert rt.batches() == [[{"op": "initialize"}, {"op": "set", "element": "cmi.location", "value": "x"}]]


def test_every_call_is_logged(rt):
    rt.create("2004", LAUNCH)
    rt.js("(function(){ var a = window.__h.rt.api; a.Initialize(''); a.SetValue('cmi.score.scaled','2');"
          " a.GetValue('cmi.location'); a.GetErrorString('403'); })()")
    logs = rt.logs()
    assert [(e["fn"], e["args"], e["result"], e["error"]) for e in logs] == [
        ("Initialize", [""], "true", "0"),
        ("SetValue", ["cmi.score.scaled", "2"], "false", "407"),
        ("GetValue", ["cmi.location"], "", "403"),
        ("GetErrorString", ["403"], "Data Model Element Value Not Initialized", "403"),
    ]
    assert all(isinstance(e["ms"], (int, float)) and e["ms"] >= 0 for e in logs)


def test_a_throwing_send_or_log_never_reaches_the_content(rt):
    rt.js("(window.__bad = ScormRuntime.create({model: window.__h.models['2004'], values: {},"
          " log: function () { throw new Error('boom'); }}), true)")
    assert rt.js("window.__bad.api.Initialize('')") == "true"
    assert rt.js("window.__bad.api.SetValue('cmi.location', 'x')") == "true"


def test_state(rt):
    rt.create("2004", LAUNCH)
    assert rt.state() == "not-initialized"
    rt.call("Initialize", "")
    assert rt.state() == "running"
    rt.call("Terminate", "")
    assert rt.state() == "terminated"


# --- conformance review additions (SCORM 2004 4th edition RTE; ADL CTS behaviours) --------------------------------


def test_api_instance_has_a_version_attribute(rt):
    """RTE 3.1 / ADL CTS "API Implementation Test 1": the API object has a "version" attribute starting "1.0"."""
    rt.create("2004", LAUNCH)
    assert rt.js("window.__h.rt.api.version") == "1.0"
    assert len(rt.api_names) == 8  # not enumerable: the API's keys stay its eight functions
    rt.create("1.2", {})
    assert rt.js("String(window.__h.rt.api.version)") == "undefined"


@pytest.mark.parametrize("calls, expected", [
    # The error functions work in every state and never change the last error.
    ([("GetValue", "cmi.location"), ("GetLastError",), ("GetErrorString", "122"), ("GetDiagnostic", "")],
     [("", "122"), ("122", "122"), ("Retrieve Data Before Initialization", "122"), (None, "122")]),
    ([("Initialize", "x"), ("GetLastError",), ("Initialize", ""), ("GetLastError",)],
     [("false", "201"), ("201", "201"), ("true", "0"), ("0", "0")]),
    ([("Initialize", ""), ("Terminate", "x"), ("SetValue", "cmi.location", "still running"), ("Commit", "yes")],
     [("true", "0"), ("false", "201"), ("true", "0"), ("false", "201")]),
    ([("Initialize", ""), ("Terminate", ""), ("GetValue", "cmi.location"), ("GetErrorString", "123"),
      ("GetLastError",), ("GetDiagnostic", "123")],
     [("true", "0"), ("true", "0"), ("", "123"), ("Retrieve Data After Termination", "123"), ("123", "123"),
      (None, "123")]),
    ([("Initialize", ""), ("GetValue", "cmi.bogus"), ("GetValue", "cmi.mode")],
     [("true", "0"), ("", "401"), ("normal", "0")]),  # a successful call clears the last error
    ([("GetErrorString", "abc"), ("GetErrorString", "1000"), ("GetDiagnostic", "999")],
     [("", "0"), ("", "0"), ("", "0")]),
])
def test_state_machine_and_error_functions(rt, calls, expected):
    rt.create("2004", LAUNCH)
    answers = rt.calls(calls)
    for got, want in zip(answers, expected):
        if want[0] is None:
            assert got[0] and got[1] == want[1]  # a non-empty diagnostic
        else:
            assert got == want


@pytest.mark.parametrize("element, error", [
    ("cmi.interactions.0.objectives._children", "301"),  # not a _children parent in the 2004 model
    ("cmi.interactions.0.correct_responses._children", "301"),
    ("cmi.score.scaled._children", "301"),
    ("cmi.learner_preference._count", "301"),
    ("cmi.objectives.0.score._count", "301"),
    ("cmi.score", "401"),  # a container, not an element
    ("cmi.objectives.0", "401"),
    ("cmi.objectives.0.bogus", "401"),
    ("cmi.interactions.1.id", "301"),  # index beyond _count
    ("cmi.comments_from_learner.0.comment", "301"),
])
def test_get_value_errors(rt, element, error):
    rt.started("2004", LAUNCH, STRICT)
    rt.calls([("SetValue", "cmi.interactions.0.id", "q1"), ("SetValue", "cmi.objectives.0.id", "o1")])
    assert rt.get(element) == ("", error)


TYPE_CASES_2004 = [
    # keywords: only _children, _count and _version are keywords (404); other names are undefined (401)
    ("cmi.comments_from_learner._children", "x", "404"),
    ("cmi.interactions._count", "1", "404"),
    ("cmi.location._foo", "x", "401"),
    ("cmi._foo", "x", "401"),
    # time (second,10,2): YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]], years 1970-2038
    ("cmi.comments_from_learner.0.timestamp", "1970-01-01T00:00:00", "0"),
    ("cmi.comments_from_learner.0.timestamp", "2038-01-19T03:14:07", "0"),
    ("cmi.comments_from_learner.0.timestamp", "2024", "0"),
    ("cmi.comments_from_learner.0.timestamp", "2024-05-06T07:08", "0"),
    ("cmi.comments_from_learner.0.timestamp", "2024-05-06T07:08:09+05:30", "0"),
    ("cmi.comments_from_learner.0.timestamp", "2024-05-06T07:08:09.1-08", "0"),
    ("cmi.comments_from_learner.0.timestamp", "2039-01-01", "406"),
    ("cmi.comments_from_learner.0.timestamp", "2024-1-06", "406"),
    ("cmi.comments_from_learner.0.timestamp", "2024-05-06 07:08:09", "406"),
    ("cmi.comments_from_learner.0.timestamp", "", "406"),
    # timeinterval (second,10,2)
    ("cmi.session_time", "P1Y2M3DT4H5M6.7S", "0"),
    ("cmi.session_time", "PT01H059M020S", "0"),  # leading zeros (ADL CTS DMB)
    ("cmi.session_time", "P0Y029DT0H", "0"),
    ("cmi.session_time", "P1DT", "406"),
    ("cmi.session_time", "PT1H2", "406"),
    ("cmi.session_time", "-PT1S", "406"),
    ("cmi.session_time", "", "406"),
    # localized_string_type: an optional leading {lang=<language_type>}
    ("cmi.comments_from_learner.0.comment", "{lang=en-US}Great", "0"),
    ("cmi.comments_from_learner.0.comment", "{lang=i-klingon}Qapla'", "0"),
    ("cmi.comments_from_learner.0.comment", "{lang=x-private}x", "0"),
    ("cmi.comments_from_learner.0.comment", "{lang=zh-Hant-TW}x", "0"),
    ("cmi.comments_from_learner.0.comment", "plain text", "0"),
    ("cmi.comments_from_learner.0.comment", "", "0"),
    ("cmi.comments_from_learner.0.comment", "text then {lang=en}", "0"),
    ("cmi.comments_from_learner.0.comment", "{lang=e}x", "406"),
    ("cmi.comments_from_learner.0.comment", "{lang=english}x", "406"),
    ("cmi.comments_from_learner.0.location", "x" * 250, "0"),
    ("cmi.comments_from_learner.0.comment", "x" * 4000, "0"),
    ("cmi.learner_preference.language", "zh-Hant-TW", "0"),
    ("cmi.learner_preference.language", "1en", "406"),
    # long_identifier_type (a URI; a URN must be well formed)
    ("cmi.objectives.0.id", "urn:isbn:0451450523", "0"),
    ("cmi.objectives.0.id", "http://example.com/obj?x=1#a", "0"),
    ("cmi.objectives.0.id", "o" * 4000, "0"),
    ("cmi.objectives.0.id", "urn:", "406"),
    ("cmi.objectives.0.id", "", "406"),
    ("cmi.objectives.0.id", "a b", "406"),
    ("cmi.interactions.0.id", "", "406"),
    # real(10,7) ranges
    ("cmi.learner_preference.audio_level", "0", "0"),
    ("cmi.learner_preference.audio_level", "100", "0"),
    ("cmi.learner_preference.audio_level", "-0.1", "407"),
    ("cmi.learner_preference.delivery_speed", "0", "0"),
    ("cmi.learner_preference.delivery_speed", "-1", "407"),
    ("cmi.learner_preference.delivery_speed", "fast", "406"),
    ("cmi.learner_preference.audio_captioning", "1", "0"),
    ("cmi.learner_preference.audio_captioning", "0", "0"),
    ("cmi.learner_preference.audio_captioning", "-2", "406"),
    ("cmi.score.scaled", "-1.0", "0"),
    ("cmi.score.scaled", "1.0000000", "0"),
    ("cmi.progress_measure", "0", "0"),
    ("cmi.progress_measure", "1", "0"),
    ("cmi.success_status", "", "406"),
    ("cmi.completion_status", "", "406"),
    # adl.nav.request vocabulary
    ("adl.nav.request", "exitAll", "0"),
    ("adl.nav.request", "abandonAll", "0"),
    ("adl.nav.request", "abandon", "0"),
    ("adl.nav.request", "exit", "0"),
    ("adl.nav.request", "previous", "0"),
    ("adl.nav.request", "_none_", "0"),
    ("adl.nav.request", "choice", "406"),
    ("adl.nav.request", "{target=}choice", "406"),
    ("adl.nav.request", "{target=a}continue", "406"),
]


@pytest.mark.parametrize("element, value, error", TYPE_CASES_2004)
def test_set_value_data_types(rt, element, value, error):
    rt.started("2004", LAUNCH, STRICT)
    assert rt.set(element, value) == ("true" if error == "0" else "false", error)
    if error == "0" and element not in ("cmi.session_time",):
        assert rt.get(element) == (value, "0")


RESPONSE_CASES_MORE = [
    # type, learner_response, pattern, learner error, pattern error (strict mode; RTE 4.2.9.1 / ADL validators)
    ("numeric", "-2.5", "5", "0", "406"),  # a pattern is min[:]max: the separator is required
    ("numeric", "1e3", "[:]", "406", "0"),
    ("numeric", "0", "1[:]2[:]3", "0", "406"),
    ("numeric", "0", "2[:]2", "0", "0"),
    ("numeric", "", "a[:]2", "406", "406"),
    ("sequencing", "", "", "406", "406"),  # at least one step
    ("sequencing", "a[,]a", "a[,]b[,]a", "0", "0"),  # steps may repeat
    ("sequencing", "a[,]", "a b", "406", "406"),
    ("matching", "", "", "0", "406"),  # an empty response is fine, an empty correct pattern is not
    ("matching", "1[.]a[,]", "1[.]a[.]b", "406", "406"),
    ("choice", "", "a[,]", "0", "406"),
    ("choice", "a[,][,]b", "a", "406", "0"),
    ("performance", "[.]", "s1[.]", "406", "0"),
    ("performance", "s1[.]1[:]0", "{order_matters=false}s1[.]x", "406", "0"),
    ("performance", "s1", "[.]x[,]s2[.]y", "406", "0"),
    ("likert", "", "", "406", "406"),
    ("true-false", "", "true", "406", "0"),
    ("true-false", "True", "TRUE", "406", "406"),
    ("fill-in", "", "", "0", "0"),
    ("fill-in", "{lang=e}x", "{lang=en}x[,]{lang=xx1}y", "406", "406"),
    # A delimiter the element does not define is part of the text (ADL RTE); a defined one must be well formed.
    ("fill-in", "{case_matters=true}x", "{order_matters=true}{case_matters=false}x", "0", "0"),
    ("fill-in", "a", "{case_matters=false}{case_matters=yes}x", "0", "0"),
    ("fill-in", "a", "{order_matters=1}x", "0", "406"),
    ("long-fill-in", "{lang=de}Ein Aufsatz", "{case_matters=true}{lang=de}Aufsatz", "0", "0"),
    ("long-fill-in", "x", "{order_matters=true}x", "0", "0"),
    ("long-fill-in", "{case_matters=true}x", "{lang=de}{case_matters=true}Aufsatz", "0", "0"),
    ("long-fill-in", "{lang=??}x", "{case_matters=false}{lang=??}x", "406", "406"),
    ("long-fill-in", "x", "{case_matters=maybe}x", "0", "406"),
    ("other", "x" * 4000, "", "0", "0"),
]


@pytest.mark.parametrize("kind, learner, pattern, learner_error, pattern_error", RESPONSE_CASES_MORE)
def test_more_response_formats_strict(rt, kind, learner, pattern, learner_error, pattern_error):
    rt.started("2004", LAUNCH, STRICT)
    assert rt.calls([("SetValue", "cmi.interactions.0.id", "q1"), ("SetValue", "cmi.interactions.0.type", kind)]) \
        == [("true", "0"), ("true", "0")]
    assert rt.set("cmi.interactions.0.learner_response", learner)[1] == learner_error
    assert rt.set("cmi.interactions.0.correct_responses.0.pattern", pattern)[1] == pattern_error


@pytest.mark.parametrize("kind, first, second, error", [
    # ADL RTE: choice and sequencing patterns are unique within an interaction (351); choice compares as sets.
    ("choice", "a[,]b", "b[,]a", "351"),
    ("choice", "a[,]b", "a[,]b", "351"),
    ("choice", "a", "b", "0"),
    ("choice", "", "", "351"),
    ("sequencing", "a[,]b", "a[,]b", "351"),
    ("sequencing", "a[,]b", "b[,]a", "0"),
    ("fill-in", "x", "x", "0"),
    ("matching", "1[.]a", "1[.]a", "0"),
    ("performance", "s[.]1", "s[.]1", "0"),
])
def test_correct_response_pattern_uniqueness(rt, kind, first, second, error):
    ix = "cmi.interactions.0"
    rt.started("2004", LAUNCH, STRICT)
    assert rt.calls([
        ("SetValue", f"{ix}.id", "q1"),
        ("SetValue", f"{ix}.type", kind),
        ("SetValue", f"{ix}.correct_responses.0.pattern", first),
        ("SetValue", f"{ix}.correct_responses.0.pattern", first),  # rewriting its own value is fine
    ]) == [("true", "0")] * 4
    assert rt.set(f"{ix}.correct_responses.1.pattern", second) == ("true" if error == "0" else "false", error)
    assert rt.get(f"{ix}.correct_responses._count") == ("1" if error != "0" else "2", "0")
    # Lenient interactions (the product default) keep whatever the content sends.
    rt.started("2004", LAUNCH)
    assert rt.calls([
        ("SetValue", f"{ix}.id", "q1"),
        ("SetValue", f"{ix}.type", kind),
        ("SetValue", f"{ix}.correct_responses.0.pattern", first),
        ("SetValue", f"{ix}.correct_responses.1.pattern", second),
    ])[-1] == ("true", "0")


def test_dependencies_on_new_records_are_408_and_index_gaps_351(rt):
    """ADL RTE: a new record's first element must be its id (408); a skipped index is 351 whatever the element."""
    rt.started("2004", LAUNCH, STRICT)
    assert rt.calls([
        ("SetValue", "cmi.objectives.0.score.raw", "1"),
        ("SetValue", "cmi.objectives.0.description", "x"),
        ("SetValue", "cmi.objectives.1.id", "o2"),
        ("SetValue", "cmi.interactions.0.correct_responses.0.pattern", "a"),
        ("SetValue", "cmi.interactions.0.objectives.0.id", "o1"),
        ("SetValue", "cmi.interactions.0.timestamp", "2024"),
        ("SetValue", "cmi.interactions.0.weighting", "1"),
        ("SetValue", "cmi.interactions.0.description", "x"),
        ("SetValue", "cmi.interactions.2.id", "q3"),
        ("SetValue", "cmi.comments_from_learner.0.location", "p1"),  # comments have no id: any element starts one
        ("GetValue", "cmi.comments_from_learner._count"),
        ("GetValue", "cmi.comments_from_learner.0.comment"),
        ("GetValue", "cmi.objectives._count"),
        ("GetValue", "cmi.interactions._count"),
    ]) == [("false", "408"), ("false", "408"), ("false", "351"), ("false", "408"), ("false", "408"),
           ("false", "408"), ("false", "408"), ("false", "408"), ("false", "351"), ("true", "0"), ("1", "0"),
           ("", "403"), ("0", "0"), ("0", "0")]


def test_cts_dmb_status_evaluation_sequence(rt):
    """ADL CTS DMB Act6V1 (completion_threshold 0.6, scaled_passing_score 0.6): evaluated statuses win on GetValue."""
    rt.started("2004", {**LAUNCH, "cmi.completion_threshold": "0.6", "cmi.scaled_passing_score": "0.6"})
    steps = [
        ("GetValue", "cmi.completion_status", "unknown"), ("GetValue", "cmi.success_status", "unknown"),
        ("SetValue", "cmi.completion_status", "completed"), ("SetValue", "cmi.success_status", "passed"),
        ("GetValue", "cmi.completion_status", "unknown"), ("GetValue", "cmi.success_status", "unknown"),
        ("SetValue", "cmi.progress_measure", "0.7"), ("SetValue", "cmi.score.scaled", "0.7"),
        ("GetValue", "cmi.completion_status", "completed"), ("GetValue", "cmi.success_status", "passed"),
        ("SetValue", "cmi.completion_status", "unknown"), ("SetValue", "cmi.success_status", "unknown"),
        ("GetValue", "cmi.completion_status", "completed"), ("GetValue", "cmi.success_status", "passed"),
        ("SetValue", "cmi.completion_status", "incomplete"), ("SetValue", "cmi.success_status", "failed"),
        ("GetValue", "cmi.completion_status", "completed"), ("GetValue", "cmi.success_status", "passed"),
        ("SetValue", "cmi.progress_measure", "0.5"), ("SetValue", "cmi.score.scaled", "0.5"),
        ("GetValue", "cmi.completion_status", "incomplete"), ("GetValue", "cmi.success_status", "failed"),
        ("SetValue", "cmi.completion_status", "completed"), ("SetValue", "cmi.success_status", "passed"),
        ("GetValue", "cmi.completion_status", "incomplete"), ("GetValue", "cmi.success_status", "failed"),
        ("GetValue", "cmi.completion_threshold", "0.6"), ("GetValue", "cmi.scaled_passing_score", "0.6"),
    ]
    answers = rt.calls([(fn, el, v) if fn == "SetValue" else (fn, el) for fn, el, v in steps])
    expected = [("true", "0") if fn == "SetValue" else (v, "0") for fn, el, v in steps]
    assert answers == expected


def test_cts_dmb_statuses_without_thresholds_are_what_the_sco_set(rt):
    """ADL CTS DMB Act9V1: no threshold, no passing score: the SCO's values (including "not attempted") stand."""
    rt.started("2004", LAUNCH)
    assert rt.calls([
        ("SetValue", "cmi.completion_status", "not attempted"), ("GetValue", "cmi.completion_status"),
        ("SetValue", "cmi.completion_status", "completed"), ("SetValue", "cmi.progress_measure", "0.0"),
        ("SetValue", "cmi.success_status", "passed"), ("SetValue", "cmi.score.scaled", "-1.0"),
        ("GetValue", "cmi.completion_status"), ("GetValue", "cmi.success_status"),
    ]) == [("true", "0"), ("not attempted", "0"), ("true", "0"), ("true", "0"), ("true", "0"), ("true", "0"),
           ("completed", "0"), ("passed", "0")]
