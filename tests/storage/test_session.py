"""Session start and finish: the LMS's side of each SCO session."""

from __future__ import annotations

import pytest

from scorm_desktop.cmi.session import LaunchContext, SharedData, attempt_ended, finish_session, start_session


def ctx12(**kw) -> LaunchContext:
    return LaunchContext(version="1.2", learner_id="u1", learner_name="Lovelace, Ada", **kw)


def ctx2004(**kw) -> LaunchContext:
    return LaunchContext(version="2004", learner_id="u1", learner_name="Ada Lovelace", **kw)


# --- start_session -------------------------------------------------------------------------------------------------


def test_first_launch_2004():
    values = start_session(ctx2004(launch_data="a=1", completion_threshold=0.8, scaled_passing_score=0.7,
                                   max_time_allowed="PT1H", time_limit_action="exit,message"), {})
    assert values == {
        "cmi._version": "1.0",
        "cmi.entry": "ab-initio",
        "cmi.credit": "credit",
        "cmi.mode": "normal",
        "cmi.total_time": "PT0H0M0S",
        "cmi.learner_id": "u1",
        "cmi.learner_name": "Ada Lovelace",
        "cmi.launch_data": "a=1",
        "cmi.max_time_allowed": "PT1H",
        "cmi.time_limit_action": "exit,message",
        "cmi.scaled_passing_score": "0.7",
        "cmi.completion_threshold": "0.8",
        "cmi.comments_from_lms._count": "0",
        "adl.data._count": "0",
    }


def test_first_launch_12():
    values = start_session(ctx12(mastery_score=80, launch_data="x", max_time_allowed="00:30:00"), {})
    assert values == {
        "cmi._version": "3.4",
        "cmi.core.entry": "ab-initio",
        "cmi.core.credit": "credit",
        "cmi.core.lesson_mode": "normal",
        "cmi.core.total_time": "0000:00:00.00",
        "cmi.core.student_id": "u1",
        "cmi.core.student_name": "Lovelace, Ada",
        "cmi.launch_data": "x",
        "cmi.student_data.max_time_allowed": "0000:30:00.00",
        "cmi.student_data.mastery_score": "80",
        "cmi.core.lesson_status": "not attempted",
    }


@pytest.mark.parametrize("version, exit_, entry", [
    ("2004", "suspend", "resume"),
    ("2004", "", ""),
    ("2004", "normal", ""),
    ("2004", "logout", ""),
    ("1.2", "suspend", "resume"),
    ("1.2", "", ""),
    ("1.2", "logout", ""),
])
def test_entry_from_last_exit(version, exit_, entry):
    if version == "2004":
        stored = {"cmi.exit": exit_, "cmi.session_time": "PT5M", "cmi.total_time": "PT5M", "cmi.location": "p3"}
        values = start_session(ctx2004(), stored)
        assert values["cmi.entry"] == entry
        assert "cmi.exit" not in values and "cmi.session_time" not in values  # per-session values
        assert values["cmi.location"] == "p3"
        assert values["cmi.total_time"] == "PT5M"
    else:
        stored = {"cmi.core.exit": exit_, "cmi.core.session_time": "00:05:00", "cmi.core.total_time": "0000:05:00.00",
                  "cmi.core.lesson_location": "p3", "cmi.core.lesson_status": "incomplete"}
        values = start_session(ctx12(), stored)
        assert values["cmi.core.entry"] == entry
        assert "cmi.core.exit" not in values and "cmi.core.session_time" not in values
        assert values["cmi.core.lesson_location"] == "p3"
        assert values["cmi.core.lesson_status"] == "incomplete"
        assert values["cmi.core.total_time"] == "0000:05:00.00"


def test_stored_lms_values_do_not_override_the_context():
    stored = {"cmi.learner_id": "someone-else", "cmi.credit": "no-credit", "cmi.entry": "resume",
              "cmi.interactions._count": "9", "cmi.bogus": "x", "cmi.interactions.0.id": "q1"}
    values = start_session(ctx2004(), stored)
    assert values["cmi.learner_id"] == "u1"
    assert values["cmi.credit"] == "credit"
    assert values["cmi.entry"] == ""  # not a first launch (data exists), not a resume
    assert "cmi.interactions._count" not in values and "cmi.bogus" not in values
    assert values["cmi.interactions.0.id"] == "q1"


@pytest.mark.parametrize("mode, credit, expected", [
    ("normal", True, "credit"), ("normal", False, "no-credit"), ("review", True, "no-credit"),
    ("browse", True, "no-credit"),
])
def test_credit_and_mode(mode, credit, expected):
    values = start_session(ctx2004(mode=mode, credit=credit), {})
    assert values["cmi.credit"] == expected and values["cmi.mode"] == mode
    values = start_session(ctx12(mode=mode, credit=credit), {})
    assert values["cmi.core.credit"] == expected and values["cmi.core.lesson_mode"] == mode


def test_shared_data_comments_and_navigation_2004():
    ctx = ctx2004(
        shared_data=(SharedData("s.one", value="v1"), SharedData("s.two", read=True, write=False)),
        nav_valid={"continue": "true", "previous": "false", "choice.{target=intro}": "true"},
        comments_from_lms=(("Welcome", "start", "2024-01-01T00:00:00"),),
    )
    values = start_session(ctx, {"adl.data.0.store": "stale"})
    assert values["adl.data._count"] == "2"
    assert values["adl.data.0.id"] == "s.one" and values["adl.data.0.store"] == "v1"
    assert values["adl.data.0._access"] == "rw" and values["adl.data.1._access"] == "r"
    assert "adl.data.1.store" not in values
    assert values["adl.nav.request_valid.continue"] == "true"
    assert values["adl.nav.request_valid.choice.{target=intro}"] == "true"
    assert values["cmi.comments_from_lms._count"] == "1"
    assert values["cmi.comments_from_lms.0.location"] == "start"


def test_broken_stored_total_time_counts_as_what_it_says():
    values = start_session(ctx2004(), {"cmi.total_time": "PT1.5S", "cmi.location": "x"})
    assert values["cmi.total_time"] == "PT1.5S"
    values = start_session(ctx12(), {"cmi.core.total_time": "123:00:00"})
    assert values["cmi.core.total_time"] == "0123:00:00.00"
    assert values["cmi.core.entry"] == ""  # time was counted: not a first launch


# --- finish_session -----------------------------------------------------------------------------------------------


def test_total_time_accumulates_content_session_time():
    ctx = ctx2004()
    values = start_session(ctx, {"cmi.total_time": "PT1H"})
    values["cmi.session_time"] = "PT30M"
    changes = finish_session(ctx, values, elapsed_seconds=5000, terminated=True)
    assert changes["cmi.total_time"] == "PT1H30M"


@pytest.mark.parametrize("session_time, expected", [
    (None, "PT1H12.5S"),  # none set: the measured time
    ("P0S", "PT1H"),  # broken but readable
    ("PT1.23456S", "PT1H1.23S"),
    ("garbage", "PT1H12.5S"),  # unreadable: the measured time
])
def test_total_time_falls_back_to_elapsed(session_time, expected):
    ctx = ctx2004()
    values = start_session(ctx, {"cmi.total_time": "PT1H"})
    if session_time is not None:
        values["cmi.session_time"] = session_time
    changes = finish_session(ctx, values, elapsed_seconds=12.5, terminated=True)
    assert changes.get("cmi.total_time", values["cmi.total_time"]) == expected


def test_total_time_12():
    ctx = ctx12()
    values = start_session(ctx, {"cmi.core.total_time": "0099:59:00.00", "cmi.core.lesson_status": "incomplete"})
    values["cmi.core.session_time"] = "00:02:00"
    assert finish_session(ctx, values, 1, True) == {"cmi.core.total_time": "0100:01:00.00"}


@pytest.mark.parametrize("status, raw, mode, credit, terminated, expected", [
    (None, None, "normal", True, True, "completed"),  # never set: completed at LMSFinish
    (None, None, "browse", True, True, "browsed"),
    (None, None, "normal", True, False, "incomplete"),  # never finished
    ("incomplete", None, "normal", True, True, None),  # the content's status stands
    (None, "85", "normal", True, True, "passed"),  # mastery score decides
    (None, "79", "normal", True, True, "failed"),
    ("completed", "79", "normal", True, True, "failed"),
    ("passed", "50", "normal", False, True, None),  # no credit: no decision
    ("completed", "", "normal", True, True, None),  # no raw score: no decision
])
def test_12_status_rules(status, raw, mode, credit, terminated, expected):
    ctx = ctx12(mastery_score=80, mode=mode, credit=credit)
    values = start_session(ctx, {})
    if status is not None:
        values["cmi.core.lesson_status"] = status
    if raw is not None:
        values["cmi.core.score.raw"] = raw
    changes = finish_session(ctx, values, 10, terminated)
    assert changes.get("cmi.core.lesson_status") == expected


@pytest.mark.parametrize("sets, expected", [
    ({}, {"cmi.completion_status": "unknown", "cmi.success_status": "unknown"}),
    ({"cmi.completion_status": "completed", "cmi.success_status": "passed"}, {}),
    ({"cmi.completion_threshold": "0.8", "cmi.progress_measure": "0.9", "cmi.completion_status": "incomplete"},
     {"cmi.completion_status": "completed", "cmi.success_status": "unknown"}),
    ({"cmi.scaled_passing_score": "0.5", "cmi.score.scaled": "0.4", "cmi.success_status": "passed",
      "cmi.completion_status": "completed"}, {"cmi.success_status": "failed"}),
])
def test_2004_status_evaluation(sets, expected):
    ctx = ctx2004()
    values = start_session(ctx, {})
    values.update(sets)
    changes = finish_session(ctx, values, 1, True)
    changes.pop("cmi.total_time")
    assert changes == expected


@pytest.mark.parametrize("version, exit_key", [("2004", "cmi.exit"), ("1.2", "cmi.core.exit")])
def test_unfinished_session_is_recorded_as_suspended(version, exit_key):
    ctx = ctx2004() if version == "2004" else ctx12()
    values = start_session(ctx, {})
    assert finish_session(ctx, values, 1, terminated=False)[exit_key] == "suspend"
    assert exit_key not in finish_session(ctx, values, 1, terminated=True)
    values[exit_key] = "logout"
    assert exit_key not in finish_session(ctx, values, 1, terminated=False)


def test_resume_round_trip():
    """Launch, suspend, finish, relaunch: the next session resumes with the data and the accumulated time."""
    ctx = ctx2004()
    values = start_session(ctx, {})
    values.update({"cmi.location": "p9", "cmi.suspend_data": "s", "cmi.exit": "suspend", "cmi.session_time": "PT10S"})
    values.update(finish_session(ctx, values, 11, True))
    assert not attempt_ended(ctx, values)
    again = start_session(ctx, values)
    assert again["cmi.entry"] == "resume"
    assert again["cmi.location"] == "p9" and again["cmi.suspend_data"] == "s"
    assert again["cmi.total_time"] == "PT10S"
    assert "cmi.session_time" not in again and "cmi.exit" not in again


def test_declared_objectives_start_cmi_objectives_once_and_keep_stored_ones():
    ctx = LaunchContext(version="2004", objective_ids=("PRIMARY", "obj_a", "obj_b"))
    first = start_session(ctx, {})
    assert [first[f"cmi.objectives.{i}.id"] for i in range(3)] == ["PRIMARY", "obj_a", "obj_b"]
    # Stored objectives keep their indices; only the missing declared ones are added after them.
    stored = {"cmi.objectives.0.id": "obj_b", "cmi.objectives.0.score.scaled": "0.5", "cmi.exit": "suspend"}
    again = start_session(ctx, stored)
    assert again["cmi.objectives.0.id"] == "obj_b"
    assert again["cmi.objectives.0.score.scaled"] == "0.5"
    assert {again["cmi.objectives.1.id"], again["cmi.objectives.2.id"]} == {"PRIMARY", "obj_a"}
    assert "cmi.objectives.3.id" not in again


def test_finish_session_judges_success_with_the_manifests_passing_score():
    """The scaled passing score comes from the manifest (not stored with the SCO): a score below it fails."""
    ctx = LaunchContext(version="2004", scaled_passing_score=0.7, completion_threshold=0.8)
    values = {"cmi.score.scaled": "0.6", "cmi.progress_measure": "0.9", "cmi.success_status": "unknown"}
    changes = finish_session(ctx, values, 10.0, True)
    assert changes["cmi.success_status"] == "failed"
    assert changes["cmi.completion_status"] == "completed"
    values["cmi.score.scaled"] = "0.7"
    assert finish_session(ctx, values, 10.0, True)["cmi.success_status"] == "passed"


# --- conformance review additions ----------------------------------------------------------------------------------


def test_cts_dmb_total_time_accumulates_in_the_forms_the_cts_reads_back():
    """ADL CTS DMB Act1V1-V5: session times PT01M, PT0H0M0S, PT01H059M020S, PT0H05M49S; total_time read back."""
    ctx = ctx2004()
    stored: dict[str, str] = {}
    seen = []
    for session_time in ("PT01M", "PT0H0M0S", "PT01H059M020S", "PT0H05M49S"):
        values = start_session(ctx, stored)
        seen.append(values["cmi.total_time"])
        values.update({"cmi.session_time": session_time, "cmi.exit": "suspend"})
        values.update(finish_session(ctx, values, 1.0, True))
        stored = values
    seen.append(start_session(ctx, stored)["cmi.total_time"])
    assert seen == ["PT0H0M0S", "PT1M", "PT1M", "PT2H20S", "PT2H6M9S"]
    # Act1V6-V7: a new attempt reports a session of P0Y029DT0H, read back as P29D.
    values = start_session(ctx, {})
    values.update({"cmi.session_time": "P0Y029DT0H", "cmi.exit": "suspend"})
    values.update(finish_session(ctx, values, 1.0, True))
    assert start_session(ctx, values)["cmi.total_time"] == "P29D"


@pytest.mark.parametrize("exit_", ["", "normal", "logout", "suspend"])
def test_suspend_all_suspends_the_attempt_whatever_the_exit(exit_):
    """ADL CTS DMB Act1V6/Act1V10: adl.nav.request=suspendAll, then the next launch resumes with the suspend_data."""
    ctx = ctx2004()
    values = start_session(ctx, {})
    values.update({"cmi.suspend_data": "foobar", "adl.nav.request": "suspendAll"})
    if exit_:
        values["cmi.exit"] = exit_
    changes = finish_session(ctx, values, 1.0, True)
    values.update(changes)
    assert values["cmi.exit"] == "suspend"
    assert values["adl.nav.request"] == "_none_"  # consumed: a later session without one is not suspended by it
    assert not attempt_ended(ctx, values)
    again = start_session(ctx, values)
    assert again["cmi.entry"] == "resume"
    assert again["cmi.suspend_data"] == "foobar"
    assert "adl.nav.request" not in again  # the request is the LMS's: the page starts with _none_


def test_other_navigation_requests_do_not_suspend():
    ctx = ctx2004()
    values = start_session(ctx, {})
    values.update({"adl.nav.request": "exitAll", "cmi.exit": "normal"})
    values.update(finish_session(ctx, values, 1.0, True))
    assert values["cmi.exit"] == "normal" and values["adl.nav.request"] == "exitAll"
    assert attempt_ended(ctx, values)


@pytest.mark.parametrize("threshold, measure, set_status, expected", [
    # ADL CTS DMB Act2 (completion_threshold 0.8): the status stored at the end is the evaluated one.
    (0.8, "0.5", "not attempted", "incomplete"),
    (0.8, "0.9", "incomplete", "completed"),
    (0.8, None, "completed", "unknown"),
])
def test_cts_dmb_completion_recorded_as_evaluated(threshold, measure, set_status, expected):
    ctx = ctx2004(completion_threshold=threshold)
    values = start_session(ctx, {})
    values["cmi.completion_status"] = set_status
    if measure is not None:
        values["cmi.progress_measure"] = measure
    assert finish_session(ctx, values, 1.0, True).get("cmi.completion_status", set_status) == expected


@pytest.mark.parametrize("scaled, set_status, expected", [
    # ADL CTS DMB Act3/Act4 (scaled_passing_score -0.5)
    ("-0.5", "failed", "passed"),
    ("-1.0", "passed", "failed"),
    ("-0.2", "unknown", "passed"),
    (None, "passed", "unknown"),
])
def test_cts_dmb_success_recorded_as_evaluated(scaled, set_status, expected):
    ctx = ctx2004(scaled_passing_score=-0.5)
    values = start_session(ctx, {})
    assert values["cmi.scaled_passing_score"] == "-0.5"
    values["cmi.success_status"] = set_status
    if scaled is not None:
        values["cmi.score.scaled"] = scaled
    assert finish_session(ctx, values, 1.0, True).get("cmi.success_status", set_status) == expected
