"""Python's own check of run-time events (cmi/validate.py) agrees with runtime.js call for call, and refuses what a
forging page sends over the channel."""

from __future__ import annotations

import pytest

from scorm_desktop.cmi.events import RuntimeEvent, parse_batch
from scorm_desktop.cmi.validate import SessionValidator
from runtime_harness import _runtime_harness, rt  # noqa: F401  (fixtures)
from test_runtime_12 import LAUNCH as LAUNCH_12

LAUNCH_2004 = {
    "cmi.learner_id": "l-1", "cmi.learner_name": "Ada", "cmi.credit": "credit", "cmi.mode": "normal",
    "cmi.entry": "ab-initio", "cmi.total_time": "PT0S", "cmi.completion_threshold": "0.8",
    "adl.data.0.id": "shared", "adl.data.0.store": "", "adl.data.0._access": "r",
    "adl.nav.request_valid.continue": "true",
}

# Calls in order: valid ones build state (interaction ids before types, indices in order) that later ones depend on.
SETS_2004 = [
    ("cmi.location", "p1"), ("cmi.location", "x" * 1001), ("cmi.bogus", "1"), ("cmi.learner_id", "FORGED"),
    ("cmi.credit", "no-credit"), ("cmi.entry", "resume"), ("cmi.total_time", "PT9999H"),
    ("cmi.completion_status", "hacked"), ("cmi.completion_status", "completed"), ("cmi.score.raw", "1e308"),
    ("cmi.score.raw", "85.5"), ("cmi.score.scaled", "1.5"), ("cmi.score.scaled", "-0.5"),
    ("cmi.session_time", "PT1H2M"), ("cmi.session_time", "P0S"), ("cmi.session_time", "1 hour"),
    ("cmi.exit", "suspend"), ("cmi.exit", "quit"), ("cmi.interactions.1.id", "skip"),
    ("cmi.interactions.0.type", "choice"), ("cmi.interactions.0.id", "q1"), ("cmi.interactions.0.id", "has space"),
    ("cmi.interactions.0.learner_response", "a"), ("cmi.interactions.0.type", "choice"),
    ("cmi.interactions.0.learner_response", "a[,]b"), ("cmi.interactions.0.learner_response", "a[,]a"),
    ("cmi.interactions.0.correct_responses.0.pattern", "a[,]b"),
    ("cmi.interactions.0.correct_responses.1.pattern", "b[,]a"),
    ("cmi.interactions.0.result", "correct"), ("cmi.interactions.0.result", "maybe"),
    ("cmi.interactions.0.latency", "PT5S"), ("cmi.interactions.0.objectives.0.id", "o1"),
    ("cmi.interactions.0.objectives.1.id", "o1"), ("cmi.interactions.0.description", "{lang=en}Question"),
    ("cmi.interactions.1.id", "q2"), ("cmi.interactions.1.type", "numeric"),
    ("cmi.interactions.1.correct_responses.0.pattern", "1[:]5"),
    ("cmi.interactions.1.correct_responses.1.pattern", "2[:]3"),
    ("cmi.interactions._count", "3"), ("cmi._version", "2"), ("cmi.objectives.0.id", "obj"),
    ("cmi.objectives.0.id", "other"), ("cmi.objectives.0.score.scaled", "0.5"),
    ("cmi.objectives.0.success_status", "passed"), ("cmi.progress_measure", "2"),
    ("cmi.learner_preference.audio_level", "-1"), ("cmi.learner_preference.language", "en-GB"),
    ("adl.data.0.store", "x"), ("adl.data.1.id", "y"), ("adl.nav.request", "continue"),
    ("adl.nav.request", "{target=sco2}choice"), ("adl.nav.request_valid.continue", "true"),
    ("cmi.suspend_data", "s" * 64000), ("cmi.suspend_data", "s" * 64001), ("", "x"), ("cmi.comments_from_lms.0.comment", "x"),
    ("cmi.comments_from_learner.0.comment", "{lang=en}hi"), ("cmi.comments_from_learner.0.timestamp", "2020-01-01T10:00:00Z"),
    ("cmi.comments_from_learner.0.timestamp", "yesterday"), ("cmi.interactions.00.id", "x"),
    # Names runtime.js resolves by walking the model's patterns (issue 13): odd tokens, indices and targets.
    ("cmi.", "x"), ("cmi..location", "x"), ("cmi", "x"), ("cmi.interactions", "x"), ("cmi.interactions.0", "x"),
    ("cmi.interactions.01.id", "x"), ("cmi.interactions.-1.id", "x"), ("cmi.interactions.2.id", "q3"),
    ("cmi.interactions.1.objectives.0.id", "o2"), ("cmi.interactions.1.objectives.0.id.x", "o"),
    ("cmi.interactions.0.correct_responses.0.pattern.x", "a"), ("cmi.interactions._children", "x"),
    ("cmi.interactions.0.objectives._count", "1"), ("cmi.interactions.0.constructor", "x"), ("__proto__", "x"),
    ("cmi.__proto__", "x"), ("cmi.interactions.__proto__.id", "x"), ("adl.nav.request_valid.choice.{target=a.b}", "true"),
    ("adl.nav.request_valid.choice.{target=a}.b", "true"), ("adl.nav.{target=a}", "x"), ("{target=a}", "x"),
    ("cmi.interactions.2.learner_response", "1"), ("cmi.interactions.2.type", "numeric"),
    ("cmi.interactions.2.learner_response", "1.5"), ("cmi.interactions.99999999999999999999.id", "x"),
    # A literal "n" where an index goes is no element (401 on both sides); "__proto__" is a choice item like any other,
    # so a repeated one is refused in the page as in Python (a plain object as the page's "seen" missed it).
    ("cmi.interactions.n.id", "x"), ("cmi.interactions.0.objectives.n.id", "x"), ("cmi.objectives.n.score.raw", "1"),
    ("cmi.interactions.0.learner_response", "__proto__[,]__proto__"),
    ("cmi.interactions.0.correct_responses.0.pattern", "__proto__[,]__proto__"),
    ("cmi.interactions.0.learner_response", "__proto__[,]constructor"),
]

SETS_12 = [
    ("cmi.core.lesson_location", "p1"), ("cmi.core.lesson_location", "x" * 256), ("cmi.bogus.x", "1"),
    ("evil.arbitrary.element", "x"), ("cmi.core.student_id", "FORGED"), ("cmi.core.credit", "no-credit"),
    ("cmi.core.entry", "resume"), ("cmi.core.lesson_status", "hacked-status"),
    ("cmi.core.lesson_status", "not attempted"), ("cmi.core.lesson_status", "passed"),
    ("cmi.core.score.raw", "1e308"), ("cmi.core.score.raw", "101"), ("cmi.core.score.raw", "85"),
    ("cmi.core.score.raw", ""), ("cmi.core.total_time", "9999:59:59.99"), ("cmi.core.session_time", "0000:10:00"),
    ("cmi.core.session_time", "P0S"), ("cmi.core.session_time", "ten minutes"), ("cmi.core.exit", "suspend"),
    ("cmi.core.exit", "normal"), ("cmi.core._children", "x"), ("cmi.core._foo", "x"),
    ("cmi.suspend_data", "s" * 5000), ("cmi.suspend_data", "s" * 100_000),
    ("cmi.interactions.1.id", "skip"), ("cmi.interactions.0.id", "q1"), ("cmi.interactions.0.type", "choice"),
    ("cmi.interactions.0.student_response", "a,b"), ("cmi.interactions.0.result", "wrong"),
    ("cmi.interactions.0.latency", "0000:00:05"), ("cmi.interactions.0.time", "10:00:00"),
    ("cmi.interactions.0.objectives.0.id", "o1"), ("cmi.interactions.0.id", "has space"),
    ("cmi.objectives.0.id", "o"), ("cmi.objectives.0.score.raw", "50"), ("cmi.objectives.0.status", "bogus"),
    ("cmi.student_preference.audio", "101"), ("cmi.student_preference.speed", "-100"),
    ("cmi.student_data.mastery_score", "10"), ("cmi.comments", "c"), ("cmi.launch_data", "x"),
    ("cmi.objectives.n.score.raw", "50"), ("cmi.interactions.n.id", "x"), ("cmi.interactions.0.objectives.n.id", "x"),
]


def _compare(rt, version, launch, sets, options):
    """Python's answer to each SetValue equals runtime.js's; returns those answers [(result, code)]."""
    rt.started(version, launch, options)
    fn = "SetValue" if version == "2004" else "LMSSetValue"
    js = rt.calls([(fn, e, v) for e, v in sets])
    validator = SessionValidator(version, launch, options)
    assert validator.check(RuntimeEvent("initialize")) is None
    mismatches = []
    for (element, value), (result, code) in zip(sets, js):
        refusal = validator.check(RuntimeEvent("set", 0, element, value))
        py = ("true", "0") if refusal is None else ("false", str(refusal.code))
        if py != (result, code):
            mismatches.append((element, value[:30], "js", (result, code), "py", py))
    assert mismatches == []
    return js


@pytest.mark.parametrize("options", [None, {"lenientInteractions": False, "lenientTimes": False}])
def test_python_agrees_with_runtime_js_2004(rt, options):
    _compare(rt, "2004", LAUNCH_2004, SETS_2004, options)


@pytest.mark.parametrize("options", [None, {"lenientInteractions": False, "lenientTimes": False,
                                            "suspendDataLimit12": 4096}])
def test_python_agrees_with_runtime_js_12(rt, options):
    _compare(rt, "1.2", LAUNCH_12, SETS_12, options)


def test_undefined_12_element_is_401_not_201(rt):
    """SCORM 1.2 RTE 3.4.4: an element the data model does not define is 401 (not implemented)."""
    rt.started("1.2", LAUNCH_12)
    assert rt.set("cmi.bogus.x", "1") == ("false", "401")
    assert rt.get("cmi.bogus.x") == ("", "401")
    assert rt.set("cmi.core.lesson_location", "x" * 300) == ("false", "405")


def test_forged_values_are_refused_with_reasons():
    v = SessionValidator("1.2", LAUNCH_12, None)
    forged = [
        RuntimeEvent("set", 1, "cmi.core.lesson_location", "before init"),
        RuntimeEvent("initialize", 2),
        RuntimeEvent("set", 3, "cmi.core.student_id", "FORGED"),
        RuntimeEvent("set", 4, "cmi.core.credit", "no-credit"),
        RuntimeEvent("set", 5, "cmi.core.entry", "resume"),
        RuntimeEvent("set", 6, "cmi.core.lesson_status", "hacked-status"),
        RuntimeEvent("set", 7, "cmi.core.score.raw", "1e308"),
        RuntimeEvent("set", 8, "cmi.core.total_time", "9999:59:59.99"),
        RuntimeEvent("set", 9, "evil.arbitrary.element", "x"),
        RuntimeEvent("set", 10, "cmi.suspend_data", "x" * 100_000),
        RuntimeEvent("initialize", 11),
        RuntimeEvent("set", 12, "cmi.core.lesson_location", "fine"),
        RuntimeEvent("terminate", 13),
        RuntimeEvent("set", 14, "cmi.core.lesson_location", "after"),
        RuntimeEvent("commit", 15),
    ]
    refused = {ev.seq: v.check(ev) for ev in forged}
    assert sorted(seq for seq, r in refused.items() if r is None) == [2, 12, 13]
    assert refused[3].code == 403 and "read-only" in refused[3].reason
    assert refused[9].code == 401
    assert refused[6].code == 405 and refused[10].code == 405
    assert refused[1].code == 301 and refused[14].code == 301
    entry = refused[10].log_entry()
    assert entry["source"] == "player" and entry["result"] == "refused" and len(entry["args"][1]) == 200


def test_parse_batch_refuses_malformed_batches():
    assert parse_batch('[{"op":"set","seq":1,"element":"cmi.location","value":"a"}]') == [
        RuntimeEvent("set", 1, "cmi.location", "a")]
    for bad in ('{"op":"set"}', '[{"op":"drop"}]', '[{"op":"set","element":1,"value":"a"}]',
                '[{"op":"commit","seq":"1"}]', '[{"op":"commit","seq":true}]'):
        with pytest.raises(ValueError):
            parse_batch(bad)


def test_parse_batch_numbers_events_itself_when_asked():
    text = '[{"op":"initialize","seq":99},{"op":"set","seq":7,"element":"cmi.location","value":"a"},{"op":"commit"}]'
    assert parse_batch(text, 5) == [RuntimeEvent("initialize", 5), RuntimeEvent("set", 6, "cmi.location", "a"),
                                    RuntimeEvent("commit", 7)]
    with pytest.raises(ValueError):
        parse_batch('[{"op":"set","element":"cmi.location","value":3}]', 1)


def test_refusals_name_the_api_function_of_their_version():
    v12 = SessionValidator("1.2", {}, None)
    v2004 = SessionValidator("2004", {}, None)
    assert v12.check(RuntimeEvent("set", 1, "cmi.core.lesson_location", "x")).log_entry()["fn"] == "LMSSetValue"
    assert v2004.check(RuntimeEvent("commit", 1)).log_entry()["fn"] == "Commit"
