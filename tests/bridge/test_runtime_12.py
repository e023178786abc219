"""SCORM 1.2 conformance of resources/player/runtime.js, run in QtWebEngine (offscreen)."""

from __future__ import annotations

import pytest

from runtime_harness import _runtime_harness, rt  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui

LAUNCH = {
    "cmi._version": "3.4",
    "cmi.core.student_id": "learner-1",
    "cmi.core.student_name": "Lovelace, Ada",
    "cmi.core.credit": "credit",
    "cmi.core.lesson_mode": "normal",
    "cmi.core.entry": "ab-initio",
    "cmi.core.lesson_status": "not attempted",
    "cmi.core.total_time": "0001:02:03.00",
    "cmi.launch_data": "chapter=3",
    "cmi.student_data.mastery_score": "80",
    "cmi.student_data.max_time_allowed": "0000:30:00",
    "cmi.student_data.time_limit_action": "continue,no message",
    "cmi.comments_from_lms": "Welcome",
}

STRICT = {"lenientInteractions": False, "lenientTimes": False, "suspendDataLimit12": 4096}


def test_api_has_the_eight_12_functions(rt):
    rt.create("1.2", LAUNCH)
    assert sorted(rt.api_names) == sorted([
        "LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSGetLastError",
        "LMSGetErrorString", "LMSGetDiagnostic"])


def test_state_machine(rt):
    rt.create("1.2", LAUNCH)
    assert rt.calls([
        ("LMSGetValue", "cmi.core.lesson_status"),
        ("LMSSetValue", "cmi.core.lesson_location", "x"),
        ("LMSCommit", ""),
        ("LMSFinish", ""),
        ("LMSInitialize", "x"),
        ("LMSInitialize", ""),
        ("LMSInitialize", ""),
        ("LMSCommit", "x"),
        ("LMSFinish", ""),
        ("LMSFinish", ""),
        ("LMSGetValue", "cmi.core.lesson_status"),
        ("LMSSetValue", "cmi.core.lesson_location", "x"),
        ("LMSCommit", ""),
        ("LMSInitialize", ""),
    ]) == [("", "301"), ("false", "301"), ("false", "301"), ("false", "301"), ("false", "201"), ("true", "0"),
           ("false", "101"), ("false", "201"), ("true", "0"), ("false", "301"), ("", "301"), ("false", "301"),
           ("false", "301"), ("false", "101")]


def test_error_strings(rt):
    from scorm_desktop.cmi.datamodel import ERRORS_12

    rt.started("1.2", LAUNCH)
    answers = rt.calls([("LMSGetErrorString", str(code)) for code in ERRORS_12])
    assert [a[0] for a in answers] == list(ERRORS_12.values())
    assert rt.calls([("LMSGetValue", "cmi.core.exit"), ("LMSGetDiagnostic", "")])[1][0].startswith("cmi.core.exit")


@pytest.mark.parametrize("element, expected", [
    ("cmi._version", ("3.4", "0")),
    ("cmi.core._children", ("student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,"
                            "lesson_mode,exit,session_time", "0")),
    ("cmi.core.score._children", ("raw,min,max", "0")),
    ("cmi.objectives._children", ("id,score,status", "0")),
    ("cmi.objectives.0.score._children", ("raw,min,max", "0")),
    ("cmi.student_data._children", ("mastery_score,max_time_allowed,time_limit_action", "0")),
    ("cmi.student_preference._children", ("audio,language,speed,text", "0")),
    ("cmi.interactions._children", ("id,objectives,time,type,correct_responses,weighting,student_response,result,"
                                    "latency", "0")),
    ("cmi.core.student_id", ("learner-1", "0")),
    ("cmi.core.student_name", ("Lovelace, Ada", "0")),
    ("cmi.core.lesson_location", ("", "0")),
    ("cmi.core.credit", ("credit", "0")),
    ("cmi.core.lesson_status", ("not attempted", "0")),
    ("cmi.core.entry", ("ab-initio", "0")),
    ("cmi.core.score.raw", ("", "0")),
    ("cmi.core.total_time", ("0001:02:03.00", "0")),
    ("cmi.core.lesson_mode", ("normal", "0")),
    ("cmi.core.exit", ("", "404")),
    ("cmi.core.session_time", ("", "404")),
    ("cmi.suspend_data", ("", "0")),
    ("cmi.launch_data", ("chapter=3", "0")),
    ("cmi.comments", ("", "0")),
    ("cmi.comments_from_lms", ("Welcome", "0")),
    ("cmi.student_data.mastery_score", ("80", "0")),
    ("cmi.student_data.max_time_allowed", ("0000:30:00", "0")),
    ("cmi.student_data.time_limit_action", ("continue,no message", "0")),
    ("cmi.student_preference.audio", ("", "0")),
    ("cmi.objectives._count", ("0", "0")),
    ("cmi.interactions._count", ("0", "0")),
    ("cmi.core.lesson_status._children", ("", "202")),
    ("cmi.core._count", ("", "203")),
    ("cmi.core.score.raw._count", ("", "203")),
    ("cmi.bogus", ("", "401")),  # RTE 3.4.4: not in the data model: 401
    ("cmi.completion_status", ("", "401")),
    ("", ("", "201")),
    ("cmi.objectives.0.id", ("", "201")),
])
def test_get_value(rt, element, expected):
    rt.started("1.2", LAUNCH)
    assert rt.get(element) == expected


SET_CASES = [
    ("cmi.core.lesson_location", "slide-7", "0"),
    ("cmi.core.lesson_location", "x" * 255, "0"),
    ("cmi.core.lesson_location", "x" * 256, "405"),
    ("cmi.core.lesson_status", "passed", "0"),
    ("cmi.core.lesson_status", "completed", "0"),
    ("cmi.core.lesson_status", "failed", "0"),
    ("cmi.core.lesson_status", "incomplete", "0"),
    ("cmi.core.lesson_status", "browsed", "0"),
    ("cmi.core.lesson_status", "not attempted", "405"),
    ("cmi.core.lesson_status", "complete", "405"),
    ("cmi.core.score.raw", "85", "0"),
    ("cmi.core.score.raw", "85.25", "0"),
    ("cmi.core.score.raw", "", "0"),
    ("cmi.core.score.raw", "101", "405"),
    ("cmi.core.score.raw", "-1", "405"),
    ("cmi.core.score.raw", "abc", "405"),
    ("cmi.core.score.min", "0", "0"),
    ("cmi.core.score.max", "100", "0"),
    ("cmi.core.exit", "suspend", "0"),
    ("cmi.core.exit", "logout", "0"),
    ("cmi.core.exit", "time-out", "0"),
    ("cmi.core.exit", "", "0"),
    ("cmi.core.exit", "normal", "405"),
    ("cmi.core.session_time", "0000:01:30.5", "0"),
    ("cmi.core.session_time", "00:00:05", "0"),
    ("cmi.core.session_time", "9999:59:59.99", "0"),
    ("cmi.core.session_time", "1:30", "405"),
    ("cmi.core.session_time", "PT1M", "405"),
    ("cmi.suspend_data", "x" * 4096, "0"),
    ("cmi.suspend_data", "x" * 4097, "405"),
    ("cmi.comments", "Nice course", "0"),
    ("cmi.student_preference.audio", "-1", "0"),
    ("cmi.student_preference.audio", "100", "0"),
    ("cmi.student_preference.audio", "101", "405"),
    ("cmi.student_preference.audio", "loud", "405"),
    ("cmi.student_preference.language", "fr", "0"),
    ("cmi.student_preference.speed", "-100", "0"),
    ("cmi.student_preference.speed", "101", "405"),
    ("cmi.student_preference.text", "1", "0"),
    ("cmi.student_preference.text", "2", "405"),
    ("cmi.core.student_id", "x", "403"),
    ("cmi.core.student_name", "x", "403"),
    ("cmi.core.credit", "no-credit", "403"),
    ("cmi.core.entry", "resume", "403"),
    ("cmi.core.total_time", "0000:00:01", "403"),
    ("cmi.core.lesson_mode", "review", "403"),
    ("cmi.launch_data", "x", "403"),
    ("cmi.comments_from_lms", "x", "403"),
    ("cmi.student_data.mastery_score", "50", "403"),
    ("cmi.student_data.max_time_allowed", "0000:10:00", "403"),
    ("cmi.student_data.time_limit_action", "exit,message", "403"),
    ("cmi.core._children", "x", "402"),
    ("cmi.interactions._count", "3", "402"),
    ("cmi._version", "1", "402"),
    ("cmi.bogus", "x", "401"),
    ("cmi.completion_status", "completed", "401"),
    ("", "x", "201"),
    ("cmi.objectives.1.id", "skips", "201"),
]


@pytest.mark.parametrize("element, value, error", SET_CASES)
def test_set_value(rt, element, value, error):
    rt.started("1.2", LAUNCH, STRICT)
    assert rt.set(element, value) == ("true" if error == "0" else "false", error)
    events = rt.events()
    if error == "0":
        assert events == [{"op": "set", "element": element, "value": value}]
        if not element.endswith(("exit", "session_time")):
            assert rt.get(element) == (value, "0")
    else:
        assert events == []


def test_suspend_data_limit_defaults_to_64000(rt):
    rt.started("1.2", LAUNCH)
    assert rt.calls([
        ("LMSSetValue", "cmi.suspend_data", "x" * 64000),
        ("LMSSetValue", "cmi.suspend_data", "x" * 64001),
    ]) == [("true", "0"), ("false", "405")]


def test_lenient_session_time(rt):
    rt.started("1.2", LAUNCH)
    assert rt.calls([
        ("LMSSetValue", "cmi.core.session_time", "123:4:5.678"),
        ("LMSSetValue", "cmi.core.session_time", "PT1M30S"),
        ("LMSSetValue", "cmi.core.session_time", "later"),
    ]) == [("true", "0"), ("true", "0"), ("false", "405")]


def test_objectives(rt):
    rt.started("1.2", LAUNCH, STRICT)
    assert rt.calls([
        ("LMSSetValue", "cmi.objectives.0.id", "obj_1"),
        ("LMSSetValue", "cmi.objectives.0.score.raw", "75"),
        ("LMSSetValue", "cmi.objectives.0.score.max", "100"),
        ("LMSSetValue", "cmi.objectives.0.status", "not attempted"),
        ("LMSSetValue", "cmi.objectives.0.status", "passed"),
        ("LMSSetValue", "cmi.objectives.0.status", "done"),
        ("LMSSetValue", "cmi.objectives.0.id", "has space"),
        ("LMSGetValue", "cmi.objectives._count"),
        ("LMSGetValue", "cmi.objectives.0.id"),
        ("LMSGetValue", "cmi.objectives.0.score.raw"),
        ("LMSGetValue", "cmi.objectives.0.status"),
        ("LMSSetValue", "cmi.objectives.1.score.raw", "5"),  # 1.2 has no id-first rule
        ("LMSGetValue", "cmi.objectives._count"),
        ("LMSSetValue", "cmi.objectives.0.score._children", "x"),
    ]) == [("true", "0"), ("true", "0"), ("true", "0"), ("true", "0"), ("true", "0"), ("false", "405"),
           ("false", "405"), ("1", "0"), ("obj_1", "0"), ("75", "0"), ("passed", "0"), ("true", "0"), ("2", "0"),
           ("false", "402")]


def test_interactions_are_write_only(rt):
    rt.started("1.2", LAUNCH, STRICT)
    ix = "cmi.interactions.0"
    assert rt.calls([
        ("LMSSetValue", f"{ix}.id", "q1"),
        ("LMSSetValue", f"{ix}.type", "choice"),
        ("LMSSetValue", f"{ix}.objectives.0.id", "obj_1"),
        ("LMSSetValue", f"{ix}.time", "13:45:10"),
        ("LMSSetValue", f"{ix}.correct_responses.0.pattern", "a,b"),
        ("LMSSetValue", f"{ix}.correct_responses.1.pattern", "{c}"),
        ("LMSSetValue", f"{ix}.weighting", "1.5"),
        ("LMSSetValue", f"{ix}.student_response", "a"),
        ("LMSSetValue", f"{ix}.result", "wrong"),
        ("LMSSetValue", f"{ix}.result", "0.75"),
        ("LMSSetValue", f"{ix}.latency", "00:00:12.5"),
        ("LMSGetValue", f"{ix}.id"),
        ("LMSGetValue", f"{ix}.student_response"),
        ("LMSGetValue", "cmi.interactions._count"),
        ("LMSGetValue", f"{ix}.objectives._count"),
        ("LMSGetValue", f"{ix}.correct_responses._count"),
        ("LMSGetValue", f"{ix}.objectives._children"),
    ]) == [("true", "0")] * 11 + [("", "404"), ("", "404"), ("1", "0"), ("1", "0"), ("2", "0"), ("", "202")]


@pytest.mark.parametrize("element, value", [
    ("type", "long-fill-in"),
    ("result", "incorrect"),
    ("time", "2024-01-02T03:04:05"),
    ("latency", "PT12S"),
    ("student_response", "The red one"),
    ("correct_responses.0.pattern", "x" * 300),
])
def test_interaction_values_refused_strictly_but_accepted_leniently(rt, element, value):
    setup = [("LMSSetValue", "cmi.interactions.0.id", "q1"), ("LMSSetValue", "cmi.interactions.0.type", "choice")]
    rt.started("1.2", LAUNCH, STRICT)
    assert rt.calls(setup + [("LMSSetValue", f"cmi.interactions.0.{element}", value)])[-1] == ("false", "405")
    rt.started("1.2", LAUNCH)
    assert rt.calls(setup + [("LMSSetValue", f"cmi.interactions.0.{element}", value)])[-1] == ("true", "0")


@pytest.mark.parametrize("kind, good, bad", [
    ("true-false", "t", "x"),
    ("choice", "a,b,c", "a,,b"),
    ("fill-in", "anything", "x" * 256),
    ("numeric", "3.5", "three"),
    ("likert", "5", "55"),
    ("matching", "1.a,2.b", "1-a"),
    ("performance", "anything", "x" * 256),
    ("sequencing", "a,b,c", "abc"),
])
def test_cmifeedback_formats_strict(rt, kind, good, bad):
    rt.started("1.2", LAUNCH, STRICT)
    answers = rt.calls([
        ("LMSSetValue", "cmi.interactions.0.id", "q1"),
        ("LMSSetValue", "cmi.interactions.0.type", kind),
        ("LMSSetValue", "cmi.interactions.0.student_response", good),
        ("LMSSetValue", "cmi.interactions.0.student_response", bad),
    ])
    assert answers[2:] == [("true", "0"), ("false", "405")]


def test_events_in_order(rt):
    rt.create("1.2", LAUNCH)
    rt.calls([
        ("LMSInitialize", ""),
        ("LMSSetValue", "cmi.core.lesson_status", "incomplete"),
        ("LMSSetValue", "cmi.core.lesson_status", "not attempted"),  # refused: no event
        ("LMSSetValue", "cmi.core.score.raw", "90"),
        ("LMSCommit", ""),
    ])
    rt.calls([("LMSSetValue", "cmi.core.exit", "suspend"), ("LMSFinish", "")])
    assert rt.batches() == [
        [{"op": "initialize"},
         {"op": "set", "element": "cmi.core.lesson_status", "value": "incomplete"},
         {"op": "set", "element": "cmi.core.score.raw", "value": "90"},
         {"op": "commit"}],
        [{"op": "set", "element": "cmi.core.exit", "value": "suspend"}, {"op": "terminate"}],
    ]
    assert rt.state() == "terminated"


def test_2004_elements_are_unknown_in_12(rt):
    rt.started("1.2", LAUNCH)
    assert rt.calls([
        ("LMSGetValue", "cmi.location"),
        ("LMSSetValue", "cmi.score.scaled", "0.5"),
        ("LMSGetValue", "adl.nav.request"),
    ]) == [("", "401"), ("false", "401"), ("", "401")]


# --- conformance review additions (SCORM 1.2 RTE section 3) ---------------------------------------------------------


@pytest.mark.parametrize("calls, expected", [
    # LMSGetLastError / LMSGetErrorString / LMSGetDiagnostic work in every state and keep the last error.
    ([("LMSSetValue", "cmi.core.lesson_location", "x"), ("LMSGetLastError",), ("LMSGetErrorString", "301"),
      ("LMSGetLastError",)],
     [("false", "301"), ("301", "301"), ("Not initialized", "301"), ("301", "301")]),
    ([("LMSGetErrorString", ""), ("LMSGetErrorString", "999"), ("LMSGetDiagnostic", "999")],
     [("", "0"), ("", "0"), ("", "0")]),
    ([("LMSInitialize", ""), ("LMSGetValue", "cmi.bogus"), ("LMSGetValue", "cmi.core.credit")],
     [("true", "0"), ("", "401"), ("credit", "0")]),
    ([("LMSInitialize", ""), ("LMSFinish", "x"), ("LMSSetValue", "cmi.core.lesson_location", "still running")],
     [("true", "0"), ("false", "201"), ("true", "0")]),
])
def test_state_machine_and_error_functions(rt, calls, expected):
    rt.create("1.2", LAUNCH)
    assert rt.calls(calls) == expected


MORE_SET_CASES_12 = [
    # keywords: 402 for _children/_count/_version; other names are not elements (401)
    ("cmi.core.score._children", "x", "402"),
    ("cmi.objectives._count", "1", "402"),
    ("cmi.core._foo", "x", "401"),
    ("cmi.core.bogus", "x", "401"),
    ("cmi.student_data.bogus", "x", "401"),
    # cmi.core.lesson_status: the SCO cannot set "not attempted"; cmi.objectives.n.status can
    ("cmi.core.lesson_status", "", "405"),
    ("cmi.core.lesson_status", "Passed", "405"),
    # CMIDecimal / CMIBlank scores, 0..100
    ("cmi.core.score.raw", "0", "0"),
    ("cmi.core.score.raw", "100", "0"),
    ("cmi.core.score.raw", "100.0001", "405"),
    ("cmi.core.score.max", "", "0"),
    ("cmi.core.score.min", "-5", "405"),
    # student_preference ranges (CMISInteger)
    ("cmi.student_preference.audio", "0", "0"),
    ("cmi.student_preference.audio", "-2", "405"),
    ("cmi.student_preference.audio", "50.5", "405"),
    ("cmi.student_preference.speed", "0", "0"),
    ("cmi.student_preference.speed", "100", "0"),
    ("cmi.student_preference.speed", "-101", "405"),
    ("cmi.student_preference.text", "-1", "0"),
    ("cmi.student_preference.text", "0", "0"),
    ("cmi.student_preference.text", "-2", "405"),
    ("cmi.student_preference.language", "x" * 255, "0"),
    ("cmi.student_preference.language", "x" * 256, "405"),
    # CMITimespan, strictly
    ("cmi.core.session_time", "00:00:00.123", "405"),
    ("cmi.core.session_time", "12345:00:00", "405"),
    ("cmi.core.session_time", "00:60:00", "405"),
    ("cmi.comments", "x" * 4096, "0"),
    ("cmi.comments", "x" * 4097, "405"),
]


@pytest.mark.parametrize("element, value, error", MORE_SET_CASES_12)
def test_more_set_values(rt, element, value, error):
    rt.started("1.2", LAUNCH, STRICT)
    assert rt.set(element, value) == ("true" if error == "0" else "false", error)


@pytest.mark.parametrize("status", ["passed", "completed", "failed", "incomplete", "browsed", "not attempted"])
def test_objective_status_vocabulary(rt, status):
    rt.started("1.2", LAUNCH, STRICT)
    assert rt.calls([("LMSSetValue", "cmi.objectives.0.id", "o1"), ("LMSSetValue", "cmi.objectives.0.status", status),
                     ("LMSGetValue", "cmi.objectives.0.status")]) == [("true", "0"), ("true", "0"), (status, "0")]


@pytest.mark.parametrize("element", [
    "id", "objectives.0.id", "time", "type", "correct_responses.0.pattern", "weighting", "student_response", "result",
    "latency",
])
def test_every_interaction_element_is_write_only(rt, element):
    rt.started("1.2", LAUNCH, STRICT)
    values = {"id": "q1", "objectives.0.id": "o1", "time": "10:00:00", "type": "numeric",
              "correct_responses.0.pattern": "5", "weighting": "1", "student_response": "5", "result": "correct",
              "latency": "00:00:05"}
    setup = [("LMSSetValue", "cmi.interactions.0.id", "q1"), ("LMSSetValue", "cmi.interactions.0.type", "numeric")]
    answers = rt.calls(setup + [("LMSSetValue", f"cmi.interactions.0.{element}", values[element]),
                                ("LMSGetValue", f"cmi.interactions.0.{element}")])
    assert answers[-2:] == [("true", "0"), ("", "404")]


@pytest.mark.parametrize("element, value", [
    ("time", "24:00:00"), ("time", "1:00:00"), ("type", "essay"), ("weighting", "heavy"), ("result", "right"),
    ("latency", "5s"), ("id", "has space"), ("objectives.0.id", ""),
])
def test_interaction_types_strict(rt, element, value):
    rt.started("1.2", LAUNCH, STRICT)
    setup = [("LMSSetValue", "cmi.interactions.0.id", "q1")]
    assert rt.calls(setup + [("LMSSetValue", f"cmi.interactions.0.{element}", value)])[-1] == ("false", "405")


def test_interaction_counts_and_index_gaps(rt):
    rt.started("1.2", LAUNCH, STRICT)
    assert rt.calls([
        ("LMSGetValue", "cmi.interactions._count"),
        ("LMSSetValue", "cmi.interactions.1.id", "q2"),  # skips index 0
        ("LMSSetValue", "cmi.interactions.0.id", "q1"),
        ("LMSSetValue", "cmi.interactions.0.objectives.1.id", "o2"),
        ("LMSSetValue", "cmi.interactions.0.objectives.0.id", "o1"),
        ("LMSGetValue", "cmi.interactions._count"),
        ("LMSGetValue", "cmi.interactions.0.objectives._count"),
        ("LMSGetValue", "cmi.interactions.0.correct_responses._count"),
        ("LMSSetValue", "cmi.interactions._children", "x"),
        ("LMSGetValue", "cmi.interactions.0.id._count"),
    ]) == [("0", "0"), ("false", "201"), ("true", "0"), ("false", "201"), ("true", "0"), ("1", "0"), ("1", "0"),
           ("0", "0"), ("false", "402"), ("", "203")]
