"""The object the player page talks to over QWebChannel. It carries the SCORM run-time and nothing else.

The channel is published in an isolated script world of the player page (`QWebEngineScript.ApplicationWorld`), not
in the world the content shares with the player frame: content is same-origin with the player (the standard API
discovery needs that), so in the main world it could reach `qt.webChannelTransport`, call the object's QObject
members (`objectName`, `deleteLater`), or start a second channel client. In the isolated world only
`resources/player/bridge-world.js` runs; it relays three things between the page and Python as JSON text:
`launch` (the state the SCO starts with), `events` (ordered batches of accepted calls), `closed` (the page has sent
all it held, when the player closes it) and `apiLog` (the page's own account of each API call, marked as reported by
the page). Nothing the page sends is trusted: batches are parsed
here and every event is checked against the data model before it is stored (`storage/writes.py`).
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QFile, QIODevice, QObject, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript

from ..resources import player_dir

log = logging.getLogger(__name__)

#: The script world the channel lives in: not the content's.
CHANNEL_WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld

_relay_source: str | None = None


def _relay() -> str:
    """qwebchannel.js (from Qt's resources) followed by bridge-world.js: the isolated world's whole program."""
    global _relay_source
    if _relay_source is None:
        f = QFile(":/qtwebchannel/qwebchannel.js")
        qwebchannel = bytes(f.readAll()).decode("utf-8") if f.open(QIODevice.OpenModeFlag.ReadOnly) else ""
        own = (player_dir() / "bridge-world.js").read_text(encoding="utf-8")
        _relay_source = qwebchannel + "\n;\n" + own
    return _relay_source


class ScormBridge(QObject):
    """One per SCO launch. `eventsReceived(str)` fires on the UI thread with each batch as the page sent it (JSON
    text: the receiver parses and numbers it with `cmi.events.parse_batch`), in order; `apiLogged(str)` with the
    page's API-log rows as JSON text (`apilog.page_calls` reads them, off the UI thread); `drained()` when the page
    has sent everything after the player closed it."""

    eventsReceived = Signal(str)
    apiLogged = Signal(str)
    #: The page stopped its run-time and sent everything it held (see `SD.close` in player.js).
    drained = Signal()
    #: The launch payload has arrived (`set_payload`): the page asks `launch()` again.
    launchReady = Signal()

    def __init__(self, payload: dict | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._payload = "" if payload is None else json.dumps(payload)

    def set_payload(self, payload: dict) -> None:
        """The payload of a page that was loaded before its launch was prepared (the page waits for it)."""
        self._payload = json.dumps(payload)
        self.launchReady.emit()

    @Slot(result=str)
    def launch(self) -> str:
        """The launch payload as JSON text; "" while it is not prepared yet (`launchReady` follows)."""
        return self._payload

    @Slot(str)
    def events(self, batch: str) -> None:
        if isinstance(batch, str) and batch:
            self.eventsReceived.emit(batch)

    @Slot()
    def closed(self) -> None:
        self.drained.emit()

    @Slot(str)
    def apiLog(self, entries: str) -> None:  # noqa: N802 (the JavaScript name)
        if isinstance(entries, str) and entries:
            self.apiLogged.emit(entries)


def install(page: QWebEnginePage, bridge: ScormBridge) -> QWebChannel:
    """Publish `bridge` to `page` in the isolated world only, with the relay script that talks to the page."""
    channel = QWebChannel(page)
    channel.registerObject("scorm", bridge)
    page.setWebChannel(channel, CHANNEL_WORLD)
    script = QWebEngineScript()
    script.setName("scorm-desktop-bridge")
    script.setWorldId(CHANNEL_WORLD)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setRunsOnSubFrames(False)
    script.setSourceCode(_relay())
    page.scripts().insert(script)
    return channel
