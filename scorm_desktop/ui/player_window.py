"""The player window: the course's content, its table of contents with a status per item, the navigation buttons the
course allows, the course's progress, and a close action that never loses what the learner did."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSplitter,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

from ..launch import Launch
from ..services import Services
from ..navigation import course_done
from .api_log_panel import ApiLogPanel
from .icons import STATUS_TEXT, status_icon
from .player import Player
from .webenv import WebEnv

def course_text(course: dict) -> str:
    """The course's status in one line ("Course: passed — score 80%"), from its completion, success and score."""
    success, completion, score = course.get("success"), course.get("completion"), course.get("score")
    if success in ("passed", "failed"):
        text = (QCoreApplication.translate("PlayerWindow", "Course: passed") if success == "passed"
                else QCoreApplication.translate("PlayerWindow", "Course: failed"))
    elif completion == "completed":
        text = QCoreApplication.translate("PlayerWindow", "Course: completed")
    elif completion in ("not attempted", None):
        text = QCoreApplication.translate("PlayerWindow", "Course: not started")
    else:
        text = QCoreApplication.translate("PlayerWindow", "Course: in progress")
    if score is not None and (success in ("passed", "failed") or completion == "completed"):
        text += QCoreApplication.translate("PlayerWindow", " — score {0}%").format(int(round(score * 100)))
    return text


def lay_out(window: QMainWindow, view: QWidget, *below: QWidget) -> QToolBar:
    """The frame both player windows share (this one and ui/xapi_window.py): the window sized to the screen; the
    contents `window.toc` (with `below` under it) in `window.side`, beside `window.banner` over `view`, in
    `window.splitter`; the toolbar with `window.title_label`, returned for the window's own actions."""
    window.resize(1200, 820)
    screen = window.screen().availableGeometry() if window.screen() is not None else None
    if screen is not None:  # never larger than the screen (a 1280x800 laptop, say)
        window.resize(min(1200, screen.width() - 40), min(820, screen.height() - 60))
    toc = window.toc = QTreeWidget(window)
    toc.setHeaderHidden(True)
    toc.setIndentation(16)
    toc.setIconSize(QSize(16, 16))
    toc.setAccessibleName(QCoreApplication.translate("PlayerWindow", "Course items"))
    heading = QLabel(QCoreApplication.translate("PlayerWindow", "Contents"), window)
    heading.setStyleSheet("font-weight: 600; padding: 2px 0;")
    side = window.side = QWidget(window)
    side_layout = QVBoxLayout(side)
    side_layout.setContentsMargins(6, 6, 0, 6)
    side_layout.addWidget(heading)
    side_layout.addWidget(toc, 1)
    for widget in below:
        side_layout.addWidget(widget)

    # -- a banner above the content for what the learner should know (waiting for a choice, the end, ...) -----
    banner = window.banner = QLabel(window)
    banner.setWordWrap(True)
    # The palette's tooltip colours (a note's colours in every scheme, high contrast included), not fixed ones.
    banner.setStyleSheet(
        "background: palette(tooltip-base); color: palette(tooltip-text); border: 1px solid palette(mid);"
        " border-radius: 4px; padding: 8px 10px;"
    )
    banner.hide()
    main = QWidget(window)
    main_layout = QVBoxLayout(main)
    main_layout.setContentsMargins(0, 0, 0, 0)
    main_layout.setSpacing(4)
    main_layout.addWidget(banner)
    main_layout.addWidget(view, 1)
    splitter = window.splitter = QSplitter(Qt.Orientation.Horizontal, window)
    splitter.addWidget(side)
    splitter.addWidget(main)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([270, 930])
    window.setCentralWidget(splitter)

    bar = QToolBar(QCoreApplication.translate("PlayerWindow", "Player"), window)
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    window.title_label = QLabel(window)
    window.title_label.setStyleSheet("font-weight: 600; padding: 0 8px;")
    bar.addWidget(window.title_label)
    bar.addSeparator()
    window.addToolBar(bar)
    return bar


def fit_contents(toc: QTreeWidget, splitter: QSplitter) -> None:
    """Widen the contents (`toc`, in the splitter's first pane) to its longest title, up to two fifths of the
    splitter: a title that still does not fit is elided in the middle, where its start and end stay readable, and its
    tooltip gives it whole."""
    toc.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    rows, widest = [toc.topLevelItem(i) for i in range(toc.topLevelItemCount())], 0
    while rows:
        row = rows.pop()
        depth, parent = 1, row.parent()
        while parent is not None:
            depth, parent = depth + 1, parent.parent()
        text = QFontMetrics(row.font(0)).horizontalAdvance(row.text(0))
        widest = max(widest, text + depth * toc.indentation() + toc.iconSize().width())
        rows += [row.child(i) for i in range(row.childCount())]
    margins = splitter.widget(0).layout().contentsMargins()
    need = widest + 60 + margins.left() + margins.right()  # item and icon padding, frame, a scroll bar
    sizes = splitter.sizes()
    side = min(need, sum(sizes) * 2 // 5)
    if len(sizes) == 2 and sizes[0] < side:
        splitter.setSizes([side, sum(sizes) - side])


def make_close_action(window: QMainWindow) -> QAction:
    """The player's Close (Ctrl+W): the window's close, which saves and ends the session first."""
    action = QAction(QCoreApplication.translate("PlayerWindow", "Close"), window)
    # Ctrl+W as the tooltip says, on every platform (StandardKey.Close is only Ctrl+F4 on some).
    close_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Close)
    action.setShortcuts(close_keys + [k for k in [QKeySequence("Ctrl+W")] if k not in close_keys])
    action.setToolTip(QCoreApplication.translate("PlayerWindow", "Save progress and close the course (Ctrl+W)"))
    action.triggered.connect(window.close)
    return action


class PlayerWindow(QMainWindow):
    #: The window closed and its session is saved.
    finished = Signal()
    #: A session ended (for the library to refresh its status column).
    recordsChanged = Signal()

    #: (request, label, tooltip) of the toolbar's navigation buttons, in order.
    NAV_BUTTONS = (
        ("previous", QT_TRANSLATE_NOOP("PlayerWindow", "◀  Previous"),
         QT_TRANSLATE_NOOP("PlayerWindow", "Go back to the previous item (Alt+Left)")),
        ("continue", QT_TRANSLATE_NOOP("PlayerWindow", "Continue  ▶"),
         QT_TRANSLATE_NOOP("PlayerWindow", "Go on to the next item (Alt+Right)")),
        ("exit", QT_TRANSLATE_NOOP("PlayerWindow", "Exit item"),
         QT_TRANSLATE_NOOP("PlayerWindow", "Leave this item; then choose what to do next")),
        ("suspendAll", QT_TRANSLATE_NOOP("PlayerWindow", "Suspend"),
         QT_TRANSLATE_NOOP("PlayerWindow", "Save your place and leave the course; it resumes here next time")),
        ("exitAll", QT_TRANSLATE_NOOP("PlayerWindow", "Exit course"),
         QT_TRANSLATE_NOOP("PlayerWindow", "End this attempt of the course")),
    )
    #: Requests that throw away what the current attempt did: offered in a menu, not as buttons.
    MORE_BUTTONS = (
        ("abandon", QT_TRANSLATE_NOOP("PlayerWindow", "Abandon item"),
         QT_TRANSLATE_NOOP("PlayerWindow", "Leave this item without keeping its results")),
        ("abandonAll", QT_TRANSLATE_NOOP("PlayerWindow", "Abandon course"),
         QT_TRANSLATE_NOOP("PlayerWindow", "Leave the course without keeping this attempt's results")),
    )

    #: Requests about the running item: nothing to apply them to once it has ended.
    ITEM_REQUESTS = ("exit", "abandon")
    #: Requests that leave the course: nothing to leave once it is finished and nothing runs (Close says it all).
    COURSE_REQUESTS = ("suspendAll", "exitAll", "abandonAll")

    def __init__(self, services: Services, env: WebEnv, learner: str | None = None, mode: str | None = None, parent=None,
                 preview: bool = False):
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("SCORM Desktop player"))
        self.view = QWebEngineView(self)
        self.player = Player(services, env, self.view, learner=learner, mode=mode, parent=self, preview=preview)
        self.preview = preview

        # -- the table of contents, the course's progress ------------------------------------------------------------
        self.progress = QProgressBar(self)
        self.course_status = QLabel(self)
        bar = lay_out(self, self.view, self.progress, self.course_status)
        self.toc.setRootIsDecorated(False)
        self.toc.setAccessibleDescription(self.tr(
            "Press Enter on an item to open it; each item says its status: not started, in progress, completed, "
            "passed or failed"))
        self.toc.itemActivated.connect(self._choose_item)
        self.toc.itemClicked.connect(self._choose_item)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%p% done"))
        self.progress.setAccessibleName(self.tr("Course progress"))
        self.course_status.setWordWrap(True)
        self.course_status.setStyleSheet("padding: 2px 0;")

        # -- the toolbar ---------------------------------------------------------------------------------------------
        self.nav_actions: dict[str, QAction] = {}
        for request, label, tip in self.NAV_BUTTONS:
            action = QAction(self.tr(label), self)
            action.setToolTip(self.tr(tip))
            action.setEnabled(False)
            action.triggered.connect(lambda _=False, r=request: self._request(r))
            self.nav_actions[request] = action
            bar.addAction(action)
        self.nav_actions["previous"].setShortcut(QKeySequence("Alt+Left"))
        self.nav_actions["continue"].setShortcut(QKeySequence("Alt+Right"))
        self.more_menu = QMenu(self.tr("More"), self)
        for request, label, tip in self.MORE_BUTTONS:
            action = QAction(self.tr(label), self)
            action.setToolTip(self.tr(tip))
            action.setEnabled(False)
            action.triggered.connect(lambda _=False, r=request: self._request(r))
            self.nav_actions[request] = action
            self.more_menu.addAction(action)
        self.more_button = QToolButton(self)
        self.more_button.setText(self.tr("More ▾"))
        self.more_button.setMenu(self.more_menu)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_action = bar.addWidget(self.more_button)
        self.more_action.setVisible(False)
        bar.addSeparator()

        close_action = self.close_action = make_close_action(self)
        self.api_panel = ApiLogPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.api_panel)
        self.api_panel.hide()
        self.player.apiLogged.connect(self.api_panel.add)
        log_action = self.api_panel.toggleViewAction()
        log_action.setText(self.tr("API log"))
        log_action.setShortcut(QKeySequence(Qt.Key.Key_F12))
        log_action.setToolTip(self.tr("Show every SCORM call the course makes (F12)"))
        bar.addAction(close_action)
        bar.addAction(log_action)
        for action in self.nav_actions.values():
            action.setVisible(False)

        self.player.itemStarted.connect(self._on_item_started)
        self.player.sessionEnded.connect(self._on_session_ended)
        self.player.courseEnded.connect(self._on_course_ended)
        self.player.failed.connect(self._on_failed)
        self.player.storageProblem.connect(self._on_storage_problem)
        self.player.navChanged.connect(self._on_nav_changed)
        self.player.navMessage.connect(self._show_banner)
        self.player.waiting.connect(self._on_waiting)
        self._closing_done = False
        self._course_id: int | None = None
        self._busy = False
        self._nav_state: dict = {}

    def _running(self) -> bool:
        """A SCO is on screen and has not ended (terminated, or its session finished)."""
        launch = self.player.current
        return launch is not None and not launch.terminated and not launch.finished

    def _reviewing(self) -> bool:
        """The item shown was opened for review: nothing the learner does changes the record."""
        launch = self.player.current
        return launch is not None and launch.context.mode == "review"

    def _standing_message(self) -> str:
        """What the status bar says while nothing else is going on: review and preview say that nothing is kept."""
        if self._reviewing():
            return self.tr("Review: you can look through this course; nothing you do here changes your record.")
        if self.preview:
            return self.tr("Preview: nothing you do here is recorded.")
        return ""

    def _show_standing(self) -> None:
        text = self._standing_message()
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def open_course(self, course_id: int, item: str | None = None) -> None:
        self._course_id = course_id
        self.statusBar().showMessage(self.tr("Opening the course…"))
        self.player.open(course_id, item)

    # -- reacting to the player ----------------------------------------------------------------------------------
    def _on_item_started(self, launch: Launch) -> None:
        course = launch.course
        self._busy = False
        self.setWindowTitle(f"{course.title} — SCORM Desktop" + (self.tr(" — PREVIEW (not recorded)") if self.preview else ""))
        self.title_label.setText(course.title)
        self.banner.hide()
        self._apply_buttons()  # an item runs again: its own requests apply
        if self._standing_message():
            self._show_standing()
        else:
            self.statusBar().showMessage(self.tr("Playing “{0}” as {1}. Progress is saved as you go.").format(
                launch.item.title, launch.learner.name))

    def _on_nav_changed(self, state: dict) -> None:
        """Buttons enabled exactly when the course allows them, the table of contents, the progress bar."""
        self._busy = False
        self._nav_state = state
        self._apply_buttons()
        self._fill_toc(state.get("toc", []), self.player.course_over)
        progress = state.get("progress")
        self.progress.setValue(int(round((progress or 0.0) * 100)))
        self.course_status.setText(course_text(state.get("course", {})))

    def _apply_buttons(self) -> None:
        """Each button shown when the course's version has it and enabled when the sequencer allows it and it can
        apply now: the item's requests while the item runs, leaving the course while it is not finished or an item
        runs, Suspend never in review (nothing would be kept)."""
        state = self._nav_state
        version = state.get("version")
        buttons = state.get("buttons", {})
        hidden = set(state.get("hidden", []))
        over = self.player.course_over
        running = self._running()
        done = course_done(state.get("course", {}))
        for request, action in self.nav_actions.items():
            applicable = request in ("previous", "continue") or version == "2004"
            action.setVisible(applicable and request not in hidden)
            applies = ((request not in self.ITEM_REQUESTS or running)
                       and (request not in self.COURSE_REQUESTS or running or not done)
                       and not (request == "suspendAll" and self._reviewing()))
            action.setEnabled(bool(buttons.get(request)) and not over and applies)
        self.more_action.setVisible(version == "2004" and any(
            self.nav_actions[r].isVisible() for r, _l, _t in self.MORE_BUTTONS))
        self.more_button.setEnabled(any(self.nav_actions[r].isEnabled() for r, _l, _t in self.MORE_BUTTONS))

    def _fill_toc(self, entries: list[dict], over: bool) -> None:
        self.toc.blockSignals(True)
        self.toc.clear()
        parents: list[QTreeWidgetItem] = []
        current_row = None
        for e in entries:
            row = QTreeWidgetItem([e["title"]])
            row.setData(0, Qt.ItemDataRole.UserRole, e["id"])
            row.setData(0, Qt.ItemDataRole.UserRole + 1, e)
            status = e["status"]
            row.setIcon(0, status_icon(status))
            tip = self.tr(STATUS_TEXT.get(status, status))
            if e.get("tooltip"):
                tip += " — " + e["tooltip"]
            row.setToolTip(0, f"{e['title']}\n{tip}")  # the whole title: a long one is elided in the pane
            row.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, tip)  # the status in words, not only an icon
            flags = Qt.ItemFlag.ItemIsEnabled
            if e["enabled"] and not over:
                flags |= Qt.ItemFlag.ItemIsSelectable
            else:
                row.setForeground(0, self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            if not e["enabled"] and e.get("is_leaf", True):
                row.setFlags(Qt.ItemFlag.NoItemFlags)  # greyed; the tooltip still says why
            else:
                row.setFlags(flags)
            if e.get("current"):
                font = QFont(row.font(0))
                font.setBold(True)
                row.setFont(0, font)
                row.setBackground(0, self.palette().alternateBase())  # with the bold: not by colour alone
                current_row = row
            depth = int(e.get("depth", 0))
            del parents[depth:]
            if parents:
                parents[-1].addChild(row)
            else:
                self.toc.addTopLevelItem(row)
            parents.append(row)
        self.toc.expandAll()
        if current_row is not None:
            self.toc.setCurrentItem(current_row)
            self.toc.scrollToItem(current_row)
        self.toc.blockSignals(False)
        self.side.setVisible(len(entries) > 1)
        fit_contents(self.toc, self.splitter)

    def _show_banner(self, text: str) -> None:
        if text:
            self.banner.setText(text)
            self.banner.show()

    def _on_waiting(self, text: str) -> None:
        """The sequencer has answered and waits for the learner: say what is possible (the navigator's guidance),
        replace "Opening the course…", and when an item can be chosen, show the contents and put the focus there."""
        self._busy = False
        self._show_banner(text)
        self._show_standing()  # the banner says it; the status bar does not repeat it
        rows = [self.toc.topLevelItem(i) for i in range(self.toc.topLevelItemCount())]
        choosable = []
        while rows:
            row = rows.pop(0)
            if (row.data(0, Qt.ItemDataRole.UserRole + 1) or {}).get("enabled"):
                choosable.append(row)
            rows[:0] = [row.child(i) for i in range(row.childCount())]
        if not choosable or self.player.course_over:
            return
        self.side.setVisible(True)
        current = self.toc.currentItem()
        if current is None or current not in choosable:
            self.toc.setCurrentItem(choosable[0])
        self.toc.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_session_ended(self, launch: Launch, reason: str) -> None:
        self.recordsChanged.emit()
        if reason == "terminated" and self._standing_message():
            self._show_standing()
        elif reason == "terminated":
            self.statusBar().showMessage(self.tr("“{0}” has ended; your progress is saved.").format(launch.item.title))

    def _on_course_ended(self, reason: str) -> None:
        for action in self.nav_actions.values():
            action.setEnabled(False)
        self.more_button.setEnabled(False)
        self.recordsChanged.emit()
        if reason in ("finished", "suspended"):
            msg = (
                self.tr("You have reached the end of the course. Your results are saved; you can close the player.")
                if reason == "finished"
                else self.tr("The course is suspended; it resumes where you left off next time. "
                             "You can close the player.")
            )
            self._show_banner(msg)
            self._show_standing()  # the banner says it
        elif self.statusBar().currentMessage() == self.tr("Opening the course…"):
            self.statusBar().clearMessage()  # the sequencer has answered: never leave "Opening" up

    def _on_storage_problem(self, message: str) -> None:
        if message:
            self._show_banner(message)
            self.statusBar().showMessage(message)
        else:
            self.banner.hide()
            self.statusBar().showMessage(self.tr("Everything is saved again."), 8000)

    def _on_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("The course could not start: {0}").format(message))
        self._show_banner(self.tr("The course could not start: {0}").format(message))

    # -- the learner's navigation -----------------------------------------------------------------------------------
    def _request(self, request: str) -> None:
        if self._busy or self.player.course_over:
            return
        self._busy = True
        for action in self.nav_actions.values():
            action.setEnabled(False)  # until the course's answer comes back
        self.statusBar().showMessage(self.tr("Moving on…") if self._standing_message()
                                     else self.tr("Saving and moving on…"))
        self.player.navigate(request)

    def _choose_item(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        entry = row.data(0, Qt.ItemDataRole.UserRole + 1) or {}
        target = row.data(0, Qt.ItemDataRole.UserRole)
        if not entry.get("enabled") or self._busy or self.player.course_over:
            if entry.get("tooltip"):
                self.statusBar().showMessage(entry["tooltip"])
            return
        current = self.player.current
        if current is not None and current.item.identifier == target and not current.finished:
            return
        self._busy = True
        self.statusBar().showMessage(self.tr("Opening “{0}”…").format(entry.get("title", target)))
        self.player.navigate("choice", target)

    # -- closing -------------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._closing_done:
            event.accept()
            return
        event.ignore()
        self.statusBar().showMessage(self.tr("Closing…") if self._standing_message()
                                     else self.tr("Saving your progress…"))
        self.setEnabled(False)
        self.player.close("closed", then=self._really_close)

    def _really_close(self) -> None:
        self._closing_done = True
        self.recordsChanged.emit()
        self.close()
        self.finished.emit()
