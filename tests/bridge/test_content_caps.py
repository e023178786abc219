"""Issue 11: a hostile SCO cannot grow a learner record without bound.

Every element has a `cap` and each SCO attempt a budget (`limits.attemptChars`), both in the one data-model
definition (cmi/datamodel.py). The page (runtime.js in a real QtWebEngine page) and Python's re-validation
(cmi/validate.py, which every stored event passes) refuse the same calls with the same codes: SCORM 2004 351,
SCORM 1.2 405 over a cap and 101 over the budget.
"""

from __future__ import annotations

import pytest

from scorm_desktop.cmi.datamodel import definition
from scorm_desktop.cmi.events import RuntimeEvent
from scorm_desktop.cmi.validate import SessionValidator
from runtime_harness import _runtime_harness, rt  # noqa: F401  (fixtures)
from test_runtime_12 import LAUNCH as LAUNCH_12
from test_runtime_validate import LAUNCH_2004
from test_runtime_validate import _compare as both  # page and Python agree; returns the page's answers


def test_every_element_has_a_cap_and_each_model_a_budget():
    for version in ("1.2", "2004"):
        model = definition(version)
        assert model["limits"]["attemptChars"] > max(spec["cap"] for spec in model["elements"].values())
        for name, spec in model["elements"].items():
            assert isinstance(spec["cap"], int) and spec["cap"] > 0, name
    caps = definition("2004")["elements"]
    assert caps["cmi.suspend_data"]["cap"] == 4 * 64000 and caps["cmi.location"]["cap"] == 4000
    caps12 = definition("1.2")["elements"]
    assert caps12["cmi.core.lesson_location"]["cap"] == 255 and caps12["cmi.comments"]["cap"] == 4096


def test_2004_values_over_their_cap_are_351_in_the_page_and_in_python(rt):
    cap = definition("2004")["elements"]
    huge_number = "0" * 5000 + "1"  # a valid real_type, but 5,001 characters: unbounded before caps
    sets = [
        ("cmi.suspend_data", "s" * cap["cmi.suspend_data"]["cap"]),
        ("cmi.suspend_data", "s" * (cap["cmi.suspend_data"]["cap"] + 1)),
        ("cmi.location", "l" * 4001),
        ("cmi.score.raw", huge_number),
        ("cmi.interactions.0.id", "q" * 16001),
        ("cmi.interactions.0.id", "q1"),
        ("cmi.interactions.0.type", "other"),
        ("cmi.interactions.0.learner_response", "r" * 64001),
        ("cmi.interactions.0.learner_response", "r" * 4000),
        ("cmi.learner_id", "x" * 10**6),  # read-only comes first: 404, not 351
    ]
    assert both(rt, "2004", LAUNCH_2004, sets, {"lenientInteractions": False}) == [
        ("true", "0"), ("false", "351"), ("false", "351"), ("false", "351"), ("false", "351"), ("true", "0"),
        ("true", "0"), ("false", "351"), ("true", "0"), ("false", "404")]


def test_12_values_over_their_cap_are_405_in_the_page_and_in_python(rt):
    sets = [
        ("cmi.core.score.raw", "0" * 5000 + "1"),  # a CMIDecimal of 5,001 characters worth 1
        ("cmi.core.score.raw", "0" * 4095 + "1"),
        ("cmi.core.lesson_location", "x" * 256),
        ("cmi.suspend_data", "s" * 64001),
        ("cmi.core.student_id", "x" * 5000),  # read-only: 403
    ]
    assert both(rt, "1.2", LAUNCH_12, sets, None) == [
        ("false", "405"), ("true", "0"), ("false", "405"), ("false", "405"), ("false", "403")]


@pytest.mark.parametrize("version, code", [("2004", "351"), ("1.2", "101")])
def test_a_record_cannot_outgrow_its_budget(rt, version, code):
    """The record starts nearly full (what earlier sessions stored counts); new values that would overflow it are
    refused, overwriting a value with a shorter one is fine, and the space it frees can be used again."""
    budget = definition(version)["limits"]["attemptChars"]
    launch = dict(LAUNCH_2004 if version == "2004" else LAUNCH_12)
    if version == "2004":
        filler, comment, location = "cmi.comments_from_lms.0.comment", "cmi.comments_from_learner.0.comment", \
            "cmi.location"
    else:
        filler, comment, location = "cmi.comments_from_lms", "cmi.comments", "cmi.core.lesson_location"
    launch.pop(filler, None)
    launch[location] = "x" * 100
    used = sum(len(k) + len(v) for k, v in launch.items() if not k.endswith("._count"))
    launch[filler] = "f" * (budget - used - len(filler) - 100)  # 100 characters left
    sets = [
        (comment, "c" * 100),  # a new element: its name counts too, so it does not fit
        (location, "y" * 150),  # the same element, 50 more characters: fits
        (location, "y" * 250),  # 100 more: no
        (location, "z"),  # shorter: fine, and it frees 149 characters (199 left)
        (comment, "c" * 100),
    ]
    assert both(rt, version, launch, sets, None) == [
        ("false", code), ("true", "0"), ("false", code), ("true", "0"), ("true", "0")]


def test_python_refuses_an_endless_stream_of_new_records():
    """Forged events that skip the page: a SCO appending interactions for ever is stopped by the budget."""
    v = SessionValidator("2004", LAUNCH_2004, {"lenientInteractions": True})
    assert v.check(RuntimeEvent("initialize")) is None
    budget = definition("2004")["limits"]["attemptChars"]
    refused = None
    for i in range(budget // 4000 + 10):
        refused = v.check(RuntimeEvent("set", i, f"cmi.interactions.{i}.id", "i" * 4000))
        if refused is not None:
            break
    assert refused is not None and refused.code == 351 and "exceed" in refused.reason
    assert v.used <= budget
