"""The records split by table (issue 19): each part works on its own over a real database, one outbox module, and
the status of a sequenced course attempt is decided in status.py."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from scorm_desktop import launch
from scorm_desktop.status import Status, sequenced_status
from scorm_desktop.storage.attempts import Attempts
from scorm_desktop.storage.learners import Learners
from scorm_desktop.storage.outbox import Outbox
from scorm_desktop.storage.summaries import Summaries

PROBE_2004 = Path(__file__).resolve().parent.parent / "data" / "sco-api-probe-2004"


def test_the_parts_work_alone_over_one_database(services) -> None:
    course_id = services.library.import_package(PROBE_2004).course.id
    learners, attempts, summaries = Learners(services.sessions), Attempts(services.sessions), Summaries(services.sessions)
    ada = learners.add_learner("Ada", pin="4711")
    assert learners.check_pin(ada.id, "4711") and not learners.check_pin(ada.id, "1")
    run = attempts.begin_session(ada.id, course_id, "ITEM-PROBE-2004", "normal", "credit")
    attempts.apply_events(run.session_id, [{"op": "initialize", "seq": 1},
                                           {"op": "set", "seq": 2, "element": "cmi.completion_status",
                                            "value": "completed"}])
    (row,) = summaries.summaries(learner_id=ada.id)
    assert row["completion"] == "completed"  # the summary was refreshed in the write's transaction
    assert services.records.summaries(learner_id=ada.id) == [row]  # the facade reads the same


def test_one_outbox_module() -> None:
    assert importlib.util.find_spec("scorm_desktop.sync.outbox") is None
    assert callable(Outbox.queue_statements)
    from scorm_desktop.storage.records import Records

    assert Records.queue_statements is Outbox.queue_statements  # the facade's name is the outbox's function


def test_a_facade_launch_still_records(services) -> None:
    course_id = services.library.import_package(PROBE_2004).course.id
    run = launch.prepare(services.library, services.records, course_id, "Ada")
    services.records.apply_events(run.record.session_id, [{"op": "initialize", "seq": 1}])
    launch.finish(services.records, run, "closed")
    assert services.records.history(run.learner.id, course_id)[0]["launches"][0]["end"] == "closed"


def test_sequenced_status_is_the_rollup_of_the_root_with_the_scos_figures_where_rollup_gives_none() -> None:
    own = Status(completion="incomplete", success="unknown", score=0.4, progress=0.5, total_seconds=90.0)
    done = sequenced_status({"completion_status": "completed", "success_status": "passed", "score_scaled": 0.9}, own)
    assert (done.label, done.score, done.progress, done.total_seconds) == ("passed", 0.9, 1.0, 90.0)
    # nothing rolled up yet but the SCOs were worked on: in progress, with their score and progress
    early = sequenced_status({"completion_status": None, "success_status": None}, own)
    assert (early.completion, early.success, early.score, early.progress) == ("incomplete", "unknown", 0.4, 0.5)
    assert sequenced_status({"completion_status": "unknown"}, Status()).completion == "incomplete"
    assert sequenced_status({"suspended": True}, Status()).resumable
    assert sequenced_status({"progress_measure": None}, own).progress == 0.5


def test_one_float_parser() -> None:
    """Stored values and manifest attributes are read as numbers by one function: no module keeps a parser of its
    own (a function answering float-or-None around a float() that may fail)."""
    import ast

    from scorm_desktop.cmi.names import parse_float

    assert [parse_float(t) for t in (None, "", "  ", "0.5", " 2 ", "-1e2", "x", "nan")] == [
        None, None, None, 0.5, 2.0, -100.0, None, None]
    package = Path(__file__).resolve().parent.parent.parent / "scorm_desktop"
    parsers = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and ast.unparse(node.returns or ast.Constant(None)) == "float | None":
                tries = [t for t in ast.walk(node) if isinstance(t, ast.Try)]
                calls = [c for t in tries for c in ast.walk(t) if isinstance(c, ast.Call)
                         and isinstance(c.func, ast.Name) and c.func.id == "float"]
                if calls:
                    parsers.append(f"{path.relative_to(package)}:{node.name}")
    # Retry-After is an HTTP header (seconds or a date), not a stored number
    assert sorted(parsers) == ["cmi/names.py:parse_float", "sync/client.py:retry_after"]
