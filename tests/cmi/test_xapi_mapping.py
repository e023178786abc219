"""SCORM run-time data → xAPI statements per the ADL xAPI SCORM profile (pure functions, no database)."""

from __future__ import annotations

import re

from lrs import quiz_events
from scorm_desktop.xapi import SessionFacts, StatementBuilder, XapiOptions
from scorm_desktop.xapi.interactions import response_12

REG = "0f8e7a36-3b1e-4c55-9a57-7a0f5f1d9b11"
NOW = "2026-11-22T06:40:01.123Z"
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def facts(version: str = "2004", mode: str = "normal", **kw) -> SessionFacts:
    base = dict(
        registration=REG, course_id=1, course_identifier="com.example.golf", course_title="Golf",
        version=version, item_identifier="ITEM-1", item_title="Playing", sco_attempt=1, session_id=7, mode=mode,
        learner_uid="c8498cc0-0000-4000-8000-000000000001", learner_name="Ada", initialized=True,
    )
    base.update(kw)
    return SessionFacts(**base)


def apply(events: list[dict], before: dict[str, str] | None = None) -> dict[str, str]:
    after = dict(before or {})
    for ev in events:
        if ev["op"] == "set":
            after[ev["element"]] = ev["value"]
    return after


def verbs(statements: list[dict]) -> list[str]:
    return [s["verb"]["display"]["en-US"] for s in statements]


def test_a_2004_session_maps_to_the_profile_verbs_in_event_order() -> None:
    b = StatementBuilder()
    events = quiz_events(answers=2)
    out = b.for_events(facts(), {}, apply(events), events, NOW)
    assert verbs(out) == ["initialized", "responded", "responded", "progressed", "scored", "completed", "passed"]
    for st in out:
        assert st["verb"]["id"] == "http://adlnet.gov/expapi/verbs/" + st["verb"]["display"]["en-US"]
        assert TIMESTAMP.match(st["timestamp"])
        ctx = st["context"]
        assert ctx["registration"] == REG
        grouping = ctx["contextActivities"]["grouping"]
        assert [g["definition"]["type"] for g in grouping] == [
            "http://adlnet.gov/expapi/activities/course", "http://adlnet.gov/expapi/activities/attempt",
        ]
        assert grouping[0]["id"] == "urn:scorm-desktop:course:com.example.golf"
        assert grouping[1]["id"].startswith("urn:scorm-desktop:course:com.example.golf/sco/ITEM-1?attemptId=")
        assert ctx["contextActivities"]["category"][0]["id"] == "https://w3id.org/xapi/scorm"
        assert st["actor"] == {
            "objectType": "Agent", "name": "Ada",
            "account": {"homePage": "https://scorm-desktop.invalid/learners", "name": facts().learner_uid},
        }
    sco = out[0]["object"]
    assert sco["id"] == "urn:scorm-desktop:course:com.example.golf/sco/ITEM-1"
    assert sco["definition"] == {"name": {"en-US": "Playing"}, "type": "http://adlnet.gov/expapi/activities/lesson"}
    assert out[3]["result"] == {"extensions": {"https://w3id.org/xapi/cmi5/result/extensions/progress": 100}}
    assert out[4]["result"] == {"score": {"min": 0.0, "max": 100.0, "raw": 90.0, "scaled": 0.9}}
    assert out[6]["result"]["success"] is True and out[6]["result"]["completion"] is True


def test_interactions_become_cmi_interaction_activities() -> None:
    events = quiz_events(answers=1)
    st = StatementBuilder().for_events(facts(), {}, apply(events), events, NOW)[1]
    assert st["object"]["id"] == "urn:scorm-desktop:course:com.example.golf/sco/ITEM-1/interactions/q1"
    assert st["object"]["definition"] == {
        "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
        "name": {"en-US": "q1"},
        "description": {"en-US": "Question 1"},
        "interactionType": "choice",
        "correctResponsesPattern": ["a[,]c"],
    }
    assert st["result"] == {"response": "a[,]c", "success": True, "duration": "PT0H0M4.5S"}
    assert st["context"]["contextActivities"]["parent"][0]["id"].endswith("/sco/ITEM-1")


def test_scorm_12_responses_are_converted() -> None:
    assert response_12("choice", "a,b") == "a[,]b"
    assert response_12("choice", "{a,b}") == "a[,]b"
    assert response_12("matching", "1.a,2.b") == "1[.]a[,]2[.]b"
    assert response_12("sequencing", "c,a,b") == "c[,]a[,]b"
    assert response_12("true-false", "t") == "true" and response_12("true-false", "0") == "false"
    assert response_12("fill-in", "Paris") == "Paris"
    events = [{"op": "initialize", "seq": 1}] + [
        {"op": "set", "element": f"cmi.interactions.0.{k}", "value": v, "seq": i}
        for i, (k, v) in enumerate(
            [("id", "tf"), ("type", "true-false"), ("correct_responses.0.pattern", "t"), ("student_response", "f"),
             ("result", "wrong"), ("latency", "0000:01:02.5")], 2)
    ]
    out = StatementBuilder().for_events(facts("1.2"), {}, apply(events), events, NOW)
    st = out[1]
    assert st["object"]["definition"]["correctResponsesPattern"] == ["true"]
    assert st["result"] == {"response": "false", "success": False, "duration": "PT0H1M2.5S"}


def test_scorm_12_status_and_score() -> None:
    events = [
        {"op": "set", "element": "cmi.core.score.raw", "value": "80", "seq": 1},
        {"op": "set", "element": "cmi.core.score.min", "value": "0", "seq": 2},
        {"op": "set", "element": "cmi.core.score.max", "value": "200", "seq": 3},
        {"op": "set", "element": "cmi.core.lesson_status", "value": "failed", "seq": 4},
    ]
    before = {"cmi.core.lesson_status": "incomplete"}
    out = StatementBuilder().for_events(facts("1.2"), before, apply(events, before), events, NOW)
    assert verbs(out) == ["scored", "completed", "failed"]
    assert out[0]["result"]["score"] == {"min": 0.0, "max": 200.0, "raw": 80.0, "scaled": 0.4}
    assert out[2]["result"]["success"] is False


def test_inconsistent_scores_keep_only_what_xapi_allows() -> None:
    events = [
        {"op": "set", "element": "cmi.score.raw", "value": "150", "seq": 1},
        {"op": "set", "element": "cmi.score.max", "value": "100", "seq": 2},
        {"op": "set", "element": "cmi.score.min", "value": "0", "seq": 3},
    ]
    out = StatementBuilder().for_events(facts(), {}, apply(events), events, NOW)
    assert out[0]["result"]["score"] == {"raw": 150.0}


def test_resume_and_end_statements() -> None:
    b = StatementBuilder()
    before = {"cmi.exit": "suspend", "cmi.location": "p2", "cmi.total_time": "PT1M"}
    out = b.for_events(facts(), before, before, [{"op": "initialize", "seq": 1}], NOW)
    assert verbs(out) == ["resumed"]
    after = {**before, "cmi.exit": "suspend", "cmi.total_time": "PT1M30S", "cmi.completion_status": "incomplete"}
    end = b.for_end(facts(), before, after, NOW)
    assert verbs(end) == ["suspended"]
    assert end[0]["result"] == {"completion": False, "duration": "PT0H0M30S"}
    after = {**after, "cmi.exit": "normal", "cmi.completion_status": "completed"}
    assert verbs(b.for_end(facts(), before, after, NOW)) == ["completed", "terminated"]
    assert b.for_end(facts(initialized=False), before, before, NOW) == []


def test_review_and_browse_make_nothing() -> None:
    events = quiz_events()
    for mode in ("review", "browse"):
        assert StatementBuilder().for_events(facts(mode=mode), {}, apply(events), events, NOW) == []
        assert StatementBuilder().for_end(facts(mode=mode), {}, apply(events), NOW) == []


def test_ids_are_deterministic_and_distinct() -> None:
    events = quiz_events(answers=2)
    a = StatementBuilder().for_events(facts(), {}, apply(events), events, NOW)
    b = StatementBuilder().for_events(facts(), {}, apply(events), events, "2030-01-01T00:00:00.000Z")
    assert [s["id"] for s in a] == [s["id"] for s in b]
    assert len({s["id"] for s in a}) == len(a)
    other = StatementBuilder().for_events(facts(session_id=8), {}, apply(events), events, NOW)
    assert not {s["id"] for s in a} & {s["id"] for s in other}
    assert all(re.match(r"^[0-9a-f-]{36}$", s["id"]) and s["id"][14] == "5" for s in a)  # uuid5


def test_events_without_seq_are_numbered_from_the_session_count() -> None:
    events = [{"op": "set", "element": "cmi.score.scaled", "value": "0.5"}]
    a = StatementBuilder().for_events(facts(), {}, apply(events), events, NOW, first_seq=10)
    b = StatementBuilder().for_events(facts(), {}, apply(events), events, NOW, first_seq=11)
    assert a[0]["id"] != b[0]["id"]


def test_options_base_iri_and_mbox_actor() -> None:
    opts = XapiOptions.from_mapping(
        {"base_iri": "https://lms.example.org/courses/", "actor": "mbox", "mboxes": {"Ada": "ada@example.org"},
         "mbox_domain": "example.com", "unknown": 1}
    )
    b = StatementBuilder(opts)
    st = b.for_events(facts(course_identifier="a b/c"), {}, {}, [{"op": "initialize", "seq": 1}], NOW)[0]
    assert st["object"]["id"] == "https://lms.example.org/courses/a%20b%2Fc/sco/ITEM-1"
    assert st["actor"] == {"objectType": "Agent", "name": "Ada", "mbox": "mailto:ada@example.org"}
    assert b.actor("u1", "Bob")["mbox"] == "mailto:Bob@example.com"
    no_domain = StatementBuilder(XapiOptions(actor="mbox"))
    assert "account" in no_domain.actor("u1", "Bob")  # no address known: the account is used
