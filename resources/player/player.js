/* The player frame: owns the SCORM API object and streams accepted calls to Python.
 *
 * The web channel is not in this world (content is same-origin with this frame and could reach it): it lives in an
 * isolated script world (bridge-world.js), which this page talks to with DOM events: "sd-ready" asks for the launch
 * payload, "sd-launch" brings it (once), "sd-events" / "sd-log" carry batches as JSON text.
 *
 * Order of events: ask for the launch payload (data model + the SCO's state), create the run-time, install
 * window.API / window.API_1484_11, and only then load the SCO into the iframe, so the state the SCO reads is in the
 * page before the content starts. */
(function () {
  "use strict";
  var runtime = null;
  var started = false;
  // Our own references, taken before any content runs (content may replace the page's globals later).
  var stringify = JSON.stringify;
  var parse = JSON.parse;
  var doc = document;
  var Custom = window.CustomEvent;

  function post(type, text) {
    doc.dispatchEvent(new Custom(type, { detail: text }));
  }
  var logBuffer = [];
  var logTimer = null;

  function showStatus(text, isError) {
    var el = document.getElementById("status");
    el.textContent = text;
    el.className = isError ? "error" : "";
  }

  // Back-pressure. Every batch sent is numbered (1, 2, ...; Python numbers them the same way, in arrival order) and
  // kept as [number, time sent, events] until Python says it is durable: after each of its writes
  // (SD.durable(n), pushed) or in answer to a wait. When the oldest unacknowledged batch is older than the option
  // durableLagMs, or more than durableBacklog events are unacknowledged, the call that emits an event sends what
  // the run-time holds and waits (a synchronous XHR to /__durable__?seq=N, answered once batch N is durable or
  // after a short time-out): the content is slowed to the pace of the disk, and nothing is ever dropped.
  var sentBatches = 0;
  var durableBatch = 0;
  var unacked = [];
  var unackedEvents = 0;
  var XHR = window.XMLHttpRequest;
  var now = Date.now;

  function acked(n) {
    if (n > durableBatch) { durableBatch = n; }
    while (unacked.length && unacked[0][0] <= durableBatch) { unackedEvents -= unacked.shift()[2]; }
  }

  function waitDurable(n) {
    try {
      var xhr = new XHR();
      xhr.open("GET", "/__durable__?seq=" + n, false);
      xhr.send();
      var answer = parse(xhr.responseText);
      acked(answer.durable | 0);
      // Timed out, or the disk refuses writes (the values stay queued in Python): do not wait on these batches again.
      if (answer.late || answer.failing) { acked(n); }
    } catch (err) {
      // No answer (the player is closing): do not wait again on this batch.
      acked(n);
    }
  }

  function backpressure(pendingCount, flush) {
    var options = runtime ? runtime.options : null;
    if (!options || !(options.durableLagMs > 0)) { return; }
    var lag = options.durableLagMs;
    var backlog = options.durableBacklog;
    var t = now();
    if (!(unacked.length && t - unacked[0][1] > lag) && unackedEvents + pendingCount <= backlog) { return; }
    // Wait for the newest batch older than half the bound, and for enough of the backlog to halve it: the batches
    // after it stay in flight, so the content and the disk keep working at the same time (pipelined), and the wait
    // is for a batch Python is most likely writing already.
    var target = 0;
    var left = unackedEvents + pendingCount;
    for (var i = 0; i < unacked.length && (t - unacked[i][1] > lag / 2 || left > backlog / 2); i++) {
      target = unacked[i][0];
      left -= unacked[i][2];
    }
    if (target === 0 || left > backlog) { flush(); target = sentBatches; }
    if (target > durableBatch) { waitDurable(target); }
  }

  // The events go as the run-time made them, unnumbered: Python numbers them itself, in arrival order (it never
  // trusts a number from the page), so a number here would only lengthen every burst's text.
  function send(events) {
    post("sd-events", stringify(events));
    sentBatches++;
    unacked.push([sentBatches, now(), events.length]);
    unackedEvents += events.length;
  }

  function sendLog() {
    if (logTimer !== null) { clearTimeout(logTimer); logTimer = null; }
    var batch = logBuffer; logBuffer = [];
    if (batch.length) { post("sd-log", stringify(batch)); }
  }

  // Compact lines ([fn, args, result, error, ms, at]): the log crosses to Python with every burst of calls, so its
  // size is part of each call's cost. The bridge turns them back into named fields.
  function log(fn, args, result, error, ms, at) {
    logBuffer.push([fn, args, result, error, Math.round(ms * 1000) / 1000, at]);
    if (logBuffer.length >= 500) { sendLog(); return; }  // long bursts stream out as they go
    if (logTimer === null) { logTimer = setTimeout(sendLog, 0); }
  }

  function start(payload) {
    runtime = window.ScormRuntime.create({
      model: payload.model,
      values: payload.values,
      options: payload.options,
      send: send,
      logRow: log,
      backpressure: backpressure
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

  /* Called by the player (Python) when it closes the SCO: from now on the API refuses every call (what it accepted is
   * exactly what is stored), whatever is not yet streamed is sent over the channel, in order, and "sd-closed"
   * follows it: when Python sees that marker, every batch is in. */
  window.SD = {
    close: function () {
      if (!runtime) { return "none"; }
      runtime.close();
      sendLog();
      post("sd-closed", "");
      return "closing";
    },
    state: function () { return runtime ? runtime.state() : "not-loaded"; },
    /* Called by the player (Python) after each write: every batch up to n is durable. */
    durable: function (n) { acked(n | 0); },
    /* Called by the player (Python) with the sequencer's fresh adl.nav.request_valid.* answers (a JSON object). */
    setNavValid: function (json) {
      if (runtime && runtime.setNavValid) { runtime.setNavValid(JSON.parse(json)); }
    }
  };

  function boot() {
    doc.addEventListener("sd-launch", function (e) {
      if (started) { return; }
      started = true;
      try {
        start(parse(String(e.detail)));
      } catch (err) {
        showStatus("The course could not start: " + err, true);
        console.error("player start failed: " + (err && err.stack ? err.stack : err));
      }
    });
    post("sd-ready", "");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", boot);
  } else {
    boot();
  }
})();
