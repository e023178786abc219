"""The Waive dialog (ui/waive_dialog.py) on the real Worker and a real data folder: it lists the AUs the learner may
still be exempted from, records "waived" through cmi5/waive.py, and shows a refusal without closing."""

from __future__ import annotations

import json

from sqlalchemy import select

from data.crafted.cmi5 import AU1, AU2
from scorm_desktop.cmi5 import vocab as v
from scorm_desktop.storage.models import LrsStatement
from scorm_desktop.ui.tasks import Worker
from scorm_desktop.ui.waive_dialog import WaiveDialog, can_waive
from test_cmi5_lms import rig  # noqa: F401  (the block course, learner Ana; AU3 is NotApplicable)


def waived(rig) -> list[dict]:
    with rig.svc.sessions() as s:
        return [json.loads(b) for b in s.scalars(select(LrsStatement.body).where(LrsStatement.verb_id == v.WAIVED))]


def test_dialog_lists_waivable_aus_and_records_the_choice(qtbot, rig) -> None:  # noqa: F811
    assert can_waive(rig.course)
    worker = Worker()
    dlg = WaiveDialog(rig.svc, worker, rig.course, rig.learner)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.ok.isEnabled(), timeout=5000)
    assert [dlg.au.itemData(i) for i in range(dlg.au.count())] == [AU1, AU2]  # AU3 is NotApplicable: satisfied
    dlg.au.setCurrentIndex(dlg.au.findData(AU2))
    dlg.reason.setCurrentIndex(dlg.reason.findData("Tested Out"))
    with qtbot.waitSignal(dlg.waived, timeout=5000) as got:
        dlg.ok.click()
    assert got.args[0].au_id == AU2 and dlg.result() == dlg.DialogCode.Accepted
    (st,) = waived(rig)
    assert st["object"]["id"] == v.lms_id("au", AU2) and st["result"]["extensions"] == {v.EXT_REASON: "Tested Out"}
    worker.stop()


def test_a_refusal_is_shown_and_the_dialog_stays(qtbot, rig) -> None:  # noqa: F811
    from scorm_desktop.cmi5.waive import waive

    worker = Worker()
    dlg = WaiveDialog(rig.svc, worker, rig.course, rig.learner)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.ok.isEnabled(), timeout=5000)
    dlg.au.setCurrentIndex(dlg.au.findData(AU1))
    waive(rig.svc, rig.course, rig.learner, AU1)  # someone else was quicker (the CLI, another window)
    dlg.ok.click()
    qtbot.waitUntil(lambda: "Not waived" in dlg.message.text(), timeout=5000)
    assert "already exempted" in dlg.message.text() and dlg.result() == 0  # not accepted: still open
    assert len(waived(rig)) == 1
    waive(rig.svc, rig.course, rig.learner, AU2)
    again = WaiveDialog(rig.svc, worker, rig.course, rig.learner)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: "nothing to waive" in again.message.text(), timeout=5000)
    assert not again.ok.isEnabled() and again.au.count() == 0
    worker.stop()
