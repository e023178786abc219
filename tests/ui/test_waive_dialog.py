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


def test_the_course_menu_offers_waive_for_a_cmi5_course_only(qtbot, tmp_path, corpus) -> None:
    """Course › Waive an AU… is enabled when the selected course is cmi5, and opens the dialog for that course and
    the active learner; for a SCORM course it is disabled."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from scorm_desktop.paths import DataPaths
    from scorm_desktop.services import open_services
    from scorm_desktop.ui.main_window import MainWindow
    from scorm_desktop.ui.webenv import delete_now

    services = open_services(DataPaths(tmp_path / "data", explicit=True))  # with the sample (SCORM 2004)
    cmi5 = services.library.import_package(corpus / "good" / "catapult-cmi5-multi-au-framed.zip").course
    services.records.add_learner("Ana")
    services.settings.active_learner = "Ana"
    win = MainWindow(services)
    win.show()
    try:
        qtbot.waitUntil(lambda: win.proxy.rowCount() == 2 and win.active_learner is not None, timeout=15000)
        menu = win.course_menu
        for row in range(win.proxy.rowCount()):
            win.table.selectRow(row)
            course = menu.current_course()
            menu._update_waive()
            assert menu.waive_action.isEnabled() == (course.id == cmi5.id), course.title
            if course.id == cmi5.id:
                seen: list = []

                def close_dialog() -> None:
                    dialog = QApplication.activeModalWidget()
                    if dialog is None:
                        QTimer.singleShot(20, close_dialog)
                        return
                    course_of = getattr(dialog, "course", None)
                    seen.append((course_of.id, dialog.learner.name) if course_of is not None else dialog.text())
                    dialog.reject()

                QTimer.singleShot(0, close_dialog)
                menu.waive_action.trigger()
                assert seen == [(cmi5.id, win.active_learner.name)]
    finally:
        win.close()
        win.dispose()
        delete_now(win)
        services.close()
