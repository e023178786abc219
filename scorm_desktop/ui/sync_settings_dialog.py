"""Sync › Settings…: the LRS endpoint, user and password (the password in the keyring, never in settings.json), the
learners' account home page, and "Test connection" (`check_connection`, on a thread of its own)."""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..sync import client as lrs_client
from ..sync.settings import SyncSettings, get_password, store_password
from .tasks import UiRelay, Worker, as_outcome

if TYPE_CHECKING:
    from ..services import Services

log = logging.getLogger(__name__)


class SyncSettingsDialog(QDialog):
    """The LRS endpoint, user and password (kept in the keyring, never in settings.json), and the learners' account
    home page. "Test connection" probes the LRS with what is typed, off the UI thread."""

    tested = Signal(str, bool)
    #: The settings (and the password, if one was typed) are on disk / in the keyring.
    saved = Signal()

    def __init__(self, services: Services, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.worker = worker
        self.setWindowTitle(self.tr("Sync settings"))
        cfg = SyncSettings.from_settings(services.settings)
        xapi = dict(services.settings.extra.get("xapi") or {})
        self.endpoint = QLineEdit(cfg.endpoint, self)
        self.endpoint.setPlaceholderText("https://lrs.example.org/xAPI/")
        self.endpoint.setToolTip(self.tr("The LRS's xAPI base address: the part before 'statements'"))
        self.username = QLineEdit(cfg.username, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username.setAccessibleDescription(self.tr("The LRS account the records are sent with"))
        self.password.setAccessibleDescription(self.tr(
            "Kept in the system's keyring when there is one; the characters typed are hidden"))
        self.password.setPlaceholderText(self.tr("unchanged") if cfg.username else "")
        self.home_page = QLineEdit(str(xapi.get("home_page") or ""), self)
        self.home_page.setPlaceholderText(self.services.records.statements.options.home_page
                                          if self.services.records.statements else "")
        self.home_page.setToolTip(self.tr("The address the learners' accounts belong to (statements' actor)"))
        form = QFormLayout()
        form.addRow(self.tr("&Endpoint:"), self.endpoint)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("Learner account &home page:"), self.home_page)
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.test_button.setAccessibleDescription(self.tr("Ask the LRS whether this address and account work"))
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self.tested.connect(self._show_test)
        self._relay = UiRelay(self)  # the probe's thread answers through it

    def settings(self) -> SyncSettings:
        cfg = SyncSettings.from_settings(self.services.settings)
        cfg.endpoint = self.endpoint.text().strip()
        cfg.username = self.username.text().strip()
        return cfg

    def test_connection(self) -> None:
        cfg, typed = self.settings(), self.password.text()
        if not cfg.endpoint:
            self._show_test(self.tr("Enter the LRS endpoint first."), False)
            return
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Testing…"))
        config_dir = self.services.paths.config

        def probe() -> None:  # its own thread: a dead LRS may take the whole time-out to answer
            password = typed or (get_password(cfg, config_dir) if cfg.username else None)
            message, ok = check_connection(cfg, password)
            self._relay.post(lambda: self.tested.emit(message, ok))

        threading.Thread(target=probe, name="scorm-desktop-sync-test", daemon=True).start()

    @Slot(str, bool)
    def _show_test(self, message: str, ok: bool) -> None:
        self.test_button.setEnabled(True)
        self.result.setText(("✔ " if ok else "✘ ") + message)

    def accept(self) -> None:
        cfg = self.settings()
        if cfg.endpoint and not cfg.endpoint.lower().startswith(("http://", "https://")):
            QMessageBox.warning(self, self.windowTitle(), self.tr("The endpoint must start with https:// (or http://)."))
            return
        s = self.services.settings
        sync = dict(s.extra.get("sync") or {})
        sync.update(endpoint=cfg.endpoint, username=cfg.username)
        s.extra["sync"] = sync
        xapi = dict(s.extra.get("xapi") or {})
        home = self.home_page.text().strip()
        if home:
            xapi["home_page"] = home
        else:
            xapi.pop("home_page", None)
        s.extra["xapi"] = xapi
        builder = self.services.records.statements
        if builder is not None:  # statements written from now on name learners with the new home page
            builder.options = replace(builder.options, home_page=home or type(builder.options)().home_page)
        password = self.password.text()
        self.saved_password_in: str | None = None
        services = self.services

        def save() -> str | None:
            services.save_settings()
            if password and cfg.username:
                return store_password(cfg, services.paths.config, password)
            return None

        self.worker.submit(as_outcome(save), on_done=self._saved)
        super().accept()

    def _saved(self, outcome: tuple[bool, object]) -> None:
        ok, where = outcome
        if not ok:
            self._save_failed(where)  # type: ignore[arg-type]
            return
        self.saved_password_in = where  # type: ignore[assignment]
        if where and where != "keyring":
            log.warning("no keyring: the LRS password is kept in %s (readable by this user only)", where)
        self.saved.emit()

    def _save_failed(self, exc: BaseException) -> None:
        QMessageBox.critical(self.parentWidget(), self.tr("Sync settings"),
                             self.tr("The sync settings could not be saved: {0}").format(exc))


def check_connection(cfg: SyncSettings, password: str | None) -> tuple[str, bool]:
    """Probe the LRS (GET about), then the credentials (GET statements?limit=1): one sentence, and whether it works."""
    client = lrs_client.LrsClient(cfg, password)
    try:
        about = client.about()
        if about.kind != lrs_client.OK:
            return f"The LRS did not answer as an LRS: {about.message or about.status}.", False
        try:
            resp = client.http.get(cfg.statements_url, params={"limit": 1})
        except Exception as exc:
            return f"The LRS answers, but reading statements failed ({type(exc).__name__}).", False
        if resp.status_code == 200:
            return "Connected: the LRS answers and accepts these credentials.", True
        if resp.status_code == 401:
            return "The LRS answers, but refuses this user name and password (HTTP 401).", False
        if resp.status_code == 403:
            return ("The LRS answers and knows these credentials, but they may not read statements (HTTP 403); "
                    "they may still be allowed to send them."), True
        return f"The LRS answers /about, but statements gave HTTP {resp.status_code}.", False
    finally:
        client.close()
