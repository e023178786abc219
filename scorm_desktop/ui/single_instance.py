"""One running app per data folder: a second start hands its files to the first one and exits.

The first instance listens on a local socket named after the data folder; a second start connects, sends the paths
it was given (one JSON message) and quits; the first brings its window forward and imports them.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 500


def server_name(data_root: Path) -> str:
    digest = hashlib.sha256(str(data_root.resolve()).encode()).hexdigest()[:16]
    return f"scorm-desktop-{digest}"


def hand_over(name: str, paths: list[str]) -> bool:
    """If an instance runs, give it the paths and return True (this process should then exit)."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    sock.write(json.dumps({"open": paths}).encode() + b"\n")
    sock.flush()
    sock.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    sock.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts. `openRequested(list[str])` fires with their paths (possibly empty)."""

    openRequested = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self._server.listen(name):
            # A stale socket from a crashed instance: nobody answered hand_over(), so it is safe to remove.
            QLocalServer.removeServer(name)
            if not self._server.listen(name):
                log.warning("single-instance socket %s unavailable: %s", name, self._server.errorString())
        if self._server.isListening():
            log.info("single-instance server listening as %s", name)
        self._server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, sock: QLocalSocket) -> None:
        while sock.canReadLine():
            line = bytes(sock.readLine().data()).strip()
            try:
                message = json.loads(line)
            except ValueError:
                log.warning("ignored a malformed message on the single-instance socket")
                continue
            paths = message.get("open") if isinstance(message, dict) else None
            if isinstance(paths, list) and all(isinstance(p, str) for p in paths):
                self.openRequested.emit(paths)
