"""Accessibility: every control says what it is to a screen reader, the app is driven by the keyboard alone through
its main flows, status is never told by colour alone, and fonts and colours follow the system's.

Names are read the way a screen reader reads them: through Qt's accessibility interface (QAccessibleInterface.text),
not from our own attributes.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QAccessible  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from scorm_desktop.paths import DataPaths  # noqa: E402
from scorm_desktop.services import open_services  # noqa: E402
from scorm_desktop.ui.webenv import delete_now  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent.parent
MULTI = ROOT / "tests" / "data" / "sco-multi-12"
CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QTabBar)


def buddy_text(w: QWidget) -> str:
    """The text of the label whose buddy `w` is (what a screen reader announces as the control's label)."""
    top = w.window()
    return next((lb.text() for lb in top.findChildren(QLabel) if lb.buddy() is w), "")


def unnamed_controls(root: QWidget) -> list[str]:
    """The focusable controls a screen reader would announce without a name or without a description."""
    bad = []
    for w in [root, *root.findChildren(QWidget)]:
        if not isinstance(w, CONTROLS) or w.focusPolicy() == Qt.FocusPolicy.NoFocus or not w.isVisibleTo(root):
            continue
        if isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the editor inside a combo box or spin box: the box itself is announced
        iface = QAccessible.queryAccessibleInterface(w)
        if isinstance(w, (QComboBox, QAbstractSpinBox)):
            # On Linux a combo box's Name is its current value: its purpose comes from a label or its own name.
            name = w.accessibleName() or buddy_text(w)
        else:
            name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        description = iface.text(QAccessible.Text.Description) if iface is not None else ""
        if isinstance(w, QTabBar) and iface is not None:  # a tab bar is read tab by tab: each tab needs one
            tabs = [iface.child(i) for i in range(iface.childCount())]
            description = "x" if all(t.text(QAccessible.Text.Description).strip() for t in tabs
                                     if t.role() == QAccessible.Role.PageTab) else ""
        where = f"{type(w).__name__} {name or w.objectName()!r} in {type(w.window()).__name__}"
        if not name.strip():
            bad.append(f"{where}: no name")
        if not description.strip() and not isinstance(w.parent(), QDialogButtonBox):  # OK, Cancel, Close say it all
            bad.append(f"{where}: no description")
    return bad


@pytest.fixture
def library(tmp_path):
    services = open_services(DataPaths(tmp_path / "data", explicit=True))
    services.library.import_package(MULTI)
    services.records.add_learner("Ana")
    services.settings.active_learner = "Ana"
    services.settings.welcomed = True
    yield services
    services.close()


@pytest.fixture
def main_window(qtbot, library):
    from scorm_desktop.ui.main_window import MainWindow

    win = MainWindow(library)
    win.show()
    qtbot.waitUntil(lambda: win.proxy.rowCount() >= 2, timeout=5000)
    yield win
    if win.player_window is not None:
        with qtbot.waitSignal(win.player_window.finished, timeout=10000):
            win.player_window.close()
    win.close()
    win.dispose()
    delete_now(win)


def test_every_control_of_the_windows_and_dialogs_has_an_accessible_name(qtbot, main_window, library):
    from scorm_desktop.ui.learner_dialogs import CourseDetailsDialog
    from scorm_desktop.ui.settings_dialog import SettingsDialog

    assert unnamed_controls(main_window) == [], "\n".join(unnamed_controls(main_window))
    dash = main_window.dashboards.open()
    qtbot.wait(800)
    assert unnamed_controls(dash) == [], "\n".join(unnamed_controls(dash))
    dash.widget.tabs.setCurrentIndex(1) if hasattr(dash.widget, "tabs") else None
    qtbot.wait(300)
    assert unnamed_controls(dash) == [], "\n".join(unnamed_controls(dash))
    dash.close()
    details = CourseDetailsDialog(library.library.courses()[0], main_window)
    details.show()
    assert unnamed_controls(details) == [], "\n".join(unnamed_controls(details))
    details.close()
    settings = SettingsDialog(library.settings, library.paths.root, False, main_window)
    settings.show()
    assert unnamed_controls(settings) == [], "\n".join(unnamed_controls(settings))
    settings.close()
    from scorm_desktop.ui.learner_dialogs import PinDialog, SwitchLearnerDialog
    from scorm_desktop.ui.sync_settings_dialog import SyncSettingsDialog
    from scorm_desktop.ui.welcome import WelcomeDialog

    for dialog in (WelcomeDialog("Ana", main_window), SwitchLearnerDialog(library.records.learners(), "Ana", main_window),
                   PinDialog("Ana", main_window, new=True), SyncSettingsDialog(library, main_window.env.worker,
                                                                               main_window)):
        dialog.show()
        problems = unnamed_controls(dialog)
        dialog.close()
        assert problems == [], "\n".join(problems)


def test_player_controls_have_accessible_names(qtbot, main_window):
    course = next(c for c in main_window.services.library.courses() if "Two SCOs" in c.title)
    main_window.play(course.id)
    qtbot.waitUntil(lambda: main_window.player_window is not None, timeout=5000)
    pw = main_window.player_window
    qtbot.waitUntil(lambda: pw.toc.topLevelItemCount() == 2, timeout=15000)
    assert unnamed_controls(pw) == [], "\n".join(unnamed_controls(pw))


# -- the keyboard alone ------------------------------------------------------------------------------------------
def keys(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """One key press on whatever has the keyboard focus, as a learner's keyboard sends it."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def activate(qtbot, win: QWidget) -> None:
    """What the window manager does when a dialog or window closes: give the keyboard back to `win` (the offscreen
    platform has no window manager to do it)."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)


def focus_chain(win: QWidget, start: QWidget, steps: int) -> list[QWidget]:
    out, w = [], start
    for _ in range(steps):
        w = w.nextInFocusChain()
        while w.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus or not w.isVisible():
            w = w.nextInFocusChain()
        out.append(w)
    return out


def test_tab_order_of_the_main_window_is_search_filter_then_library(main_window):
    chain = focus_chain(main_window, main_window.search, 2)
    assert chain == [main_window.status_filter, main_window.table]


def test_main_flows_with_the_keyboard_only(qtbot, main_window, corpus):
    """Import (Ctrl+O, a path typed into the file dialog), find and play the two-SCO course (Ctrl+F, Tab, Enter),
    go on to the second SCO (Alt+Right), close the player (Ctrl+W), open the dashboard (Ctrl+D), sync now (F9)."""
    win = main_window
    activate(qtbot, win)
    win.table.setFocus()
    package = corpus / "good" / "golf-cp-singlesco-2004-3rd.zip"

    def answer_file_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog), dialog
        type_text(qtbot, str(package))  # the file name field has the focus when the dialog opens
        keys(qtbot, Qt.Key.Key_Return)

    QTimer.singleShot(500, answer_file_dialog)
    keys(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.proxy.rowCount() == 3, timeout=20000)  # imported
    activate(qtbot, win)

    keys(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is win.search
    type_text(qtbot, "Two SCOs")
    qtbot.waitUntil(lambda: win.proxy.rowCount() == 1, timeout=2000)
    keys(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is win.table
    keys(qtbot, Qt.Key.Key_Down)
    keys(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.player_window is not None, timeout=5000)
    pw = win.player_window
    qtbot.waitUntil(lambda: pw.toc.topLevelItemCount() == 2, timeout=15000)
    qtbot.waitUntil(lambda: pw.nav_actions["continue"].isEnabled(), timeout=15000)
    activate(qtbot, pw)
    first = pw.toc.currentItem().text(0)
    keys(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: pw.toc.currentItem() is not None and pw.toc.currentItem().text(0) != first,
                    timeout=15000)
    with qtbot.waitSignal(pw.finished, timeout=15000):
        keys(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.player_window is None, timeout=5000)

    activate(qtbot, win)
    keys(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.dashboards.window is not None, timeout=5000)
    dash = win.dashboards.window
    qtbot.waitUntil(dash.isVisible, timeout=5000)
    dash.close()

    activate(qtbot, win)
    with qtbot.waitSignal(win.sync.sync_action.triggered, timeout=3000):
        keys(qtbot, Qt.Key.Key_F9)


# -- status not by colour alone; the system's fonts and colours ---------------------------------------------------
def ink_mask(icon) -> list[bool]:
    """Where an icon has dark ink (opaque and not white): its shape, whatever its hue."""
    img = icon.pixmap(32, 32).toImage()
    return [img.pixelColor(x, y).alpha() > 128 and img.pixelColor(x, y).lightness() < 200
            for y in range(img.height()) for x in range(img.width())]


def test_status_icons_differ_by_shape_not_only_by_colour(qapp):
    from scorm_desktop.ui.icons import STATUS_TEXT, status_icon

    masks = {status: ink_mask(status_icon(status)) for status in STATUS_TEXT}
    names = list(masks)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            differ = sum(x != y for x, y in zip(masks[a], masks[b]))
            assert differ > 30, f"{a} and {b} have the same shape"


def test_status_is_told_in_words_in_the_library_contents_and_dashboard(qtbot, main_window, library):
    words = {"not started", "in progress", "completed", "passed", "failed"}
    assert {main_window.proxy.index(r, 2).data() for r in range(main_window.proxy.rowCount())} <= words
    course = next(c for c in library.library.courses() if "Two SCOs" in c.title)
    main_window.play(course.id)
    qtbot.waitUntil(lambda: main_window.player_window is not None, timeout=5000)
    pw = main_window.player_window
    qtbot.waitUntil(lambda: pw.toc.topLevelItemCount() == 2, timeout=15000)
    for i in range(pw.toc.topLevelItemCount()):
        said = pw.toc.topLevelItem(i).data(0, Qt.ItemDataRole.AccessibleDescriptionRole)
        assert any(said.lower().startswith(w) for w in words), said
    with qtbot.waitSignal(pw.finished, timeout=15000):
        pw.close()
    dash = main_window.dashboards.open()
    dash.widget.tabs.setCurrentIndex(1)
    tab = dash.widget.course_tab
    tab.course_list.setCurrentIndex(tab.course_list.model().index(0, 0))
    qtbot.waitUntil(lambda: tab.pie.count() > 0, timeout=5000)
    for piece in tab.pie.slices():  # each slice's legend entry names its status and count
        assert re.fullmatch(r"(not started|in progress|completed|passed|failed) \(\d+\)", piece.label()), piece.label()
    dash.close()


def stylesheet_colours(root: QWidget) -> list[str]:
    """Fixed colours in the style sheets of `root` and its children (palette(...) references are fine)."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        sheet = re.sub(r"palette\([a-z-]+\)", "", w.styleSheet())
        if re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|\b(white|black|red|green|blue|yellow|gr[ae]y)\b", sheet):
            found.append(f"{type(w).__name__}: {w.styleSheet()}")
    return found


def test_windows_follow_the_system_palette_and_font_size(qtbot, library):
    """A high-contrast palette and a large system font reach every widget: no fixed colours in style sheets, no
    font set smaller than the system's."""
    from PySide6.QtGui import QColor, QFont, QPalette

    from scorm_desktop.ui.main_window import MainWindow
    from scorm_desktop.ui.player_window import PlayerWindow
    from scorm_desktop.ui.webenv import WebEnv

    app = QApplication.instance()
    old_palette, old_font = app.palette(), app.font()
    contrast = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "black"), (QPalette.ColorRole.WindowText, "white"),
                         (QPalette.ColorRole.Base, "black"), (QPalette.ColorRole.Text, "white"),
                         (QPalette.ColorRole.ToolTipBase, "black"), (QPalette.ColorRole.ToolTipText, "yellow"),
                         (QPalette.ColorRole.Highlight, "yellow"), (QPalette.ColorRole.HighlightedText, "black")):
        contrast.setColor(role, QColor(colour))
    big = QFont(old_font)
    big.setPointSizeF(20)
    app.setPalette(contrast)
    app.setFont(big)
    env = None
    try:
        win = MainWindow(library)
        win.show()
        dash = win.dashboards.open()
        env = WebEnv(library)
        pw = PlayerWindow(library, env, learner="Ana")
        pw.show()
        pw.open_course(library.library.courses()[0].id)
        qtbot.wait(1000)
        for top in (win, dash, pw):
            assert stylesheet_colours(top) == []
            for w in [top, *top.findChildren(QWidget)]:
                assert w.font().pointSizeF() >= 20 or w.font().pointSizeF() < 0, f"{type(w).__name__} font too small"
                assert w.palette().color(QPalette.ColorRole.Window) == QColor("black"), type(w).__name__
        assert dash.widget.course_tab.chart.backgroundBrush().color() == QColor("black")
        with qtbot.waitSignal(pw.finished, timeout=10000):
            pw.close()
        dash.close()
        win.close()
        win.dispose()
        delete_now(pw)
        delete_now(win)
    finally:
        app.setPalette(old_palette)
        app.setFont(old_font)
        if env is not None:
            env.shutdown()


def mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


@pytest.mark.parametrize("code", ["en", "fr", "es"])
def test_every_menu_entry_has_its_own_access_key_in_every_language(qtbot, qapp, library, code):
    """Alt+letter reaches each menu and each entry in one key press: no two entries of a menu share a letter."""
    from PySide6.QtWidgets import QMenu

    from scorm_desktop.ui import translator
    from scorm_desktop.ui.main_window import MainWindow

    translator.install(qapp, code)
    try:
        win = MainWindow(library)
        problems = []
        menus = [("menu bar", [a for a in win.menuBar().actions()])]
        menus += [(a.text(), a.menu().actions()) for a in win.menuBar().actions() if a.menu() is not None]
        for name, actions in menus:
            letters = [mnemonic(a.text()) for a in actions if not a.isSeparator() and a.text()]
            if None in letters:
                problems.append(f"{name}: an entry without an access key")
            dup = {x for x in letters if x and letters.count(x) > 1}
            if dup:
                problems.append(f"{name}: {sorted(dup)} used twice: {[a.text() for a in actions]}")
        win.close()
        win.dispose()
        delete_now(win)
    finally:
        translator.install(qapp, "en")
    assert problems == [], "\n".join(problems)
