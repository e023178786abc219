"""Runs resources/player/runtime.js inside a real QtWebEngine page (offscreen) for the run-time tests.

One page per test session; each test creates a fresh runtime in it (``harness.create(...)``) and sends many API calls
per JavaScript round trip (``harness.calls([...])``) to keep the suite fast.
"""

from __future__ import annotations

import ctypes
import json
import sys
import time
from pathlib import Path
from typing import Any

import pytest



# QtWebEngine must be imported before the QApplication exists.
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWidgets import QApplication

from scorm_desktop.cmi.datamodel import definition

if QApplication.instance() is None:
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)

_NULL = "\u0000null"
RUNTIME_JS = Path(__file__).resolve().parent.parent.parent / "resources" / "player" / "runtime.js"

# Helper code in the test page: records what the runtime sends and logs, runs batches of calls.
_HELPER_JS = r"""
window.__h = {
  models: {}, rt: null, batches: [], logs: [],
  create: function (version, values, options) {
    var h = this;
    h.batches = []; h.logs = [];
    h.rt = ScormRuntime.create({
      model: h.models[version], values: values, options: options,
      send: function (batch) { h.batches.push(JSON.parse(JSON.stringify(batch))); },
      log: function (entry) { h.logs.push(entry); }
    });
    return JSON.stringify(Object.keys(h.rt.api));
  },
  run: function (calls) {
    var api = this.rt.api, out = [];
    for (var i = 0; i < calls.length; i++) {
      var fn = calls[i][0], args = calls[i].slice(1);
      var result = api[fn].apply(api, args);
      var names = Object.keys(api);
      var lastErr = api[names.filter(function (n) { return /GetLastError$/.test(n); })[0]]();
      out.push([result, lastErr]);
    }
    return JSON.stringify(out);
  }
};
"""


class RuntimeHarness:
    """Drive one QWebEnginePage holding runtime.js."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.profile = QWebEngineProfile()  # off the record: nothing written to disk
        self.page = QWebEnginePage(self.profile)
        self.version = "2004"
        self.api_names: list[str] = []
        loaded: list[bool] = []
        self.page.loadFinished.connect(loaded.append)
        source = RUNTIME_JS.read_text(encoding="utf-8")
        html = f"<!doctype html><html><head><script>{source}</script><script>{_HELPER_JS}</script></head></html>"
        self.page.setHtml(html, QUrl("about:blank"))
        self._spin(lambda: bool(loaded), "the test page did not load")
        assert loaded[0], "the test page failed to load"
        for version in ("1.2", "2004"):
            self.js(f"(window.__h.models[{json.dumps(version)}] = {json.dumps(definition(version))}, true)")

    def _spin(self, done, message: str, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() > deadline:
                raise TimeoutError(message)
            self.app.processEvents()
            time.sleep(0.0005)

    def js(self, code: str) -> Any:
        """Evaluate `code` in the page and return its (JSON-converted) result."""
        box: list[Any] = []
        # Never let a null/undefined result reach the callback: PySide6 then drops a reference to None too many and
        # the interpreter aborts at exit ("none_dealloc").
        wrapped = f"(function () {{ var r = ({code}); return (r === undefined || r === null) ? {_NULL!r} : r; }})()"
        self.page.runJavaScript(wrapped, 0, box.append)
        self._spin(lambda: bool(box), f"no answer from JavaScript: {code[:80]}")
        return None if box[0] == _NULL else box[0]

    def js_json(self, code: str) -> Any:
        text = self.js(f"JSON.stringify({code})")
        return None if text is None else json.loads(text)

    def create(self, version: str = "2004", values: dict[str, str] | None = None,
               options: dict[str, Any] | None = None) -> "RuntimeHarness":
        """A fresh runtime for `version` with the given launch values and options."""
        self.version = version
        names = self.js(
            f"window.__h.create({json.dumps(version)}, {json.dumps(values or {})}, "
            f"{json.dumps(options) if options is not None else 'undefined'})"
        )
        self.api_names = json.loads(names)
        return self

    def calls(self, calls: list[tuple]) -> list[tuple[str, str]]:
        """Run API calls (fn, *args) in one round trip; each answer is (result, GetLastError() after it)."""
        out = json.loads(self.js(f"window.__h.run({json.dumps([list(c) for c in calls])})"))
        return [tuple(x) for x in out]

    def call(self, fn: str, *args: Any) -> tuple[str, str]:
        return self.calls([(fn, *args)])[0]

    def started(self, version: str = "2004", values: dict[str, str] | None = None,
                options: dict[str, Any] | None = None) -> "RuntimeHarness":
        """A fresh runtime already initialized (and its initialize event drained)."""
        self.create(version, values, options)
        init = "Initialize" if version == "2004" else "LMSInitialize"
        assert self.call(init, "") == ("true", "0")
        self.batches()
        return self

    def get(self, element: str) -> tuple[str, str]:
        return self.call("GetValue" if self.version == "2004" else "LMSGetValue", element)

    def set(self, element: str, value: Any) -> tuple[str, str]:
        return self.call("SetValue" if self.version == "2004" else "LMSSetValue", element, value)

    def batches(self, wait: bool = True) -> list[list[dict[str, Any]]]:
        """The batches `send` received so far (after letting pending timers run); clears them."""
        if wait:
            # Two round trips: the runtime's setTimeout(0) runs between JavaScript tasks.
            self.js("0")
            self.js("0")
        result = self.js_json("window.__h.batches.splice(0)")
        return result

    def events(self) -> list[dict[str, Any]]:
        return [e for batch in self.batches() for e in batch]

    def logs(self) -> list[dict[str, Any]]:
        return self.js_json("window.__h.logs.splice(0)")

    def state(self) -> str:
        return self.js("window.__h.rt.state()")

    def close(self) -> None:
        # Delete page before profile (see DESIGN-NOTES: teardown order).
        self.page.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.page = None
        self.profile.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.profile = None


@pytest.fixture(scope="session")
def _runtime_harness(qapp):
    harness = RuntimeHarness(qapp)
    yield harness
    harness.close()


@pytest.fixture
def rt(_runtime_harness) -> RuntimeHarness:
    """The shared runtime harness; call ``rt.create(...)`` / ``rt.started(...)`` for a fresh runtime."""
    _runtime_harness.create("2004")
    return _runtime_harness
