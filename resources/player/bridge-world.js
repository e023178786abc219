/* Runs in the player page's isolated script world (QWebEngineScript.ApplicationWorld), never in the world the
 * content shares with the player frame: only this world has `qt.webChannelTransport`, so content (same-origin with the
 * player, so it can reach `parent`) can neither see the channel nor start a second client on it.
 *
 * The page's world talks to it with DOM events on `document` (the DOM is shared, the JavaScript objects are not):
 *   page -> here: "sd-ready" (the player is listening), "sd-events" (a batch, JSON text), "sd-log" (API log, JSON text),
 *                 "sd-closed" (the player closed the run-time: everything it held was sent before this)
 *   here -> page: "sd-launch" (the launch payload, JSON text), once. The page may load before Python has prepared
 *                 the launch: `launch()` then answers "" and the bridge's `launchReady` signal says when to ask again.
 * Anything the page sends is data that Python checks (cmi/validate.py); nothing here trusts it.
 * qwebchannel.js is prepended to this file when it is injected. */
(function () {
  "use strict";
  var transport = qt.webChannelTransport;
  var bridge = null;
  var pageReady = false;
  var launched = false;

  function text(e) {
    return typeof e.detail === "string" ? e.detail : "";
  }

  function deliverLaunch() {
    if (launched || !bridge || !pageReady) { return; }
    bridge.launch(function (json) {
      if (launched || !json) { return; }
      launched = true;
      document.dispatchEvent(new CustomEvent("sd-launch", { detail: String(json) }));
    });
  }

  document.addEventListener("sd-ready", function () { pageReady = true; deliverLaunch(); });
  document.addEventListener("sd-events", function (e) { if (bridge) { bridge.events(text(e)); } });
  document.addEventListener("sd-log", function (e) { if (bridge) { bridge.apiLog(text(e)); } });
  document.addEventListener("sd-closed", function () { if (bridge) { bridge.closed(); } });

  new QWebChannel(transport, function (channel) {
    bridge = channel.objects.scorm;
    bridge.launchReady.connect(deliverLaunch);
    deliverLaunch();
  });
})();
