/* The player frame: owns the SCORM API object and streams accepted calls to Python over QWebChannel.
 *
 * Order of events: connect the channel, fetch the launch payload (data model + the SCO's state), create the
 * run-time, install window.API / window.API_1484_11, and only then load the SCO into the iframe, so the state the
 * SCO reads is in the page before the content starts. */
(function () {
  "use strict";
  var bridge = null;
  var runtime = null;
  var seq = 0;
  var draining = null;     // when set, batches are collected here instead of being sent (see SD.drain)
  var logBuffer = [];
  var logTimer = null;

  function showStatus(text, isError) {
    var el = document.getElementById("status");
    el.textContent = text;
    el.className = isError ? "error" : "";
  }

  function send(events) {
    for (var i = 0; i < events.length; i++) { events[i].seq = ++seq; }
    if (draining) { Array.prototype.push.apply(draining, events); return; }
    bridge.events(JSON.stringify(events));
  }

  function sendLog() {
    if (logTimer !== null) { clearTimeout(logTimer); logTimer = null; }
    var batch = logBuffer; logBuffer = [];
    if (bridge && batch.length) { bridge.apiLog(JSON.stringify(batch)); }
  }

  function log(entry) {
    logBuffer.push(entry);
    if (logBuffer.length >= 500) { sendLog(); return; }  // long bursts stream out as they go
    if (logTimer === null) { logTimer = setTimeout(sendLog, 0); }
  }

  function start(payload) {
    runtime = window.ScormRuntime.create({
      model: payload.model,
      values: payload.values,
      options: payload.options,
      send: send,
      log: log
    });
    if (payload.version === "1.2") { window.API = runtime.api; } else { window.API_1484_11 = runtime.api; }
    document.title = payload.course.title + " \u2014 " + payload.item.title;
    var frame = document.getElementById("sco");
    frame.addEventListener("load", function () {
      frame.className = "ready";
      document.getElementById("status").className = "hidden";
    });
    frame.src = payload.contentUrl;
  }

  /* Called by the player (Python) when it closes the SCO: whatever the content set and was not yet streamed is
   * returned here, in order, instead of going over the channel. */
  window.SD = {
    drain: function () {
      if (!runtime) { return "[]"; }
      draining = [];
      try { runtime.flush(); } finally { var out = draining; draining = null; }
      return JSON.stringify(out);
    },
    state: function () { return runtime ? runtime.state() : "not-loaded"; },
    /* Called by the player (Python) with the sequencer's fresh adl.nav.request_valid.* answers (a JSON object). */
    setNavValid: function (json) {
      if (runtime && runtime.setNavValid) { runtime.setNavValid(JSON.parse(json)); }
    }
  };

  function boot() {
    if (typeof qt === "undefined" || !qt.webChannelTransport) {
      showStatus("The player could not reach SCORM Desktop (no web channel).", true);
      return;
    }
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.scorm;
      bridge.launch(function (json) {
        try {
          start(JSON.parse(json));
        } catch (e) {
          showStatus("The course could not start: " + e, true);
          console.error("player start failed: " + (e && e.stack ? e.stack : e));
        }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", boot);
  } else {
    boot();
  }
})();
