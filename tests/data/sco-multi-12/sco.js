/* Shared by sco1.html and sco2.html: find the SCORM 1.2 API, Initialize, complete, LMSFinish.
 * Logs "MULTI-SCO {json}" to the console and shows it in the page. */
function runMultiSco(scoName) {
  "use strict";
  function scan(win) {
    var depth = 0;
    try {
      while (win && !win.API && win.parent && win.parent !== win) {
        depth += 1;
        if (depth > 500) { return null; }
        win = win.parent;
      }
      return win ? (win.API || null) : null;
    } catch (e) { return null; }
  }
  var api = scan(window);
  if (!api) {
    try { if (window.opener) { api = scan(window.opener); } } catch (e) { api = null; }
  }
  var out = { sco: scoName, api: !!api, calls: [] };
  var ok = !!api;
  function record(fn, args, result) {
    var entry = { fn: fn, args: args, result: String(result), error: String(api.LMSGetLastError()) };
    if (entry.result !== "true" || entry.error !== "0") { ok = false; }
    out.calls.push(entry);
  }
  if (api) {
    record("LMSInitialize", [""], api.LMSInitialize(""));
    record("LMSSetValue", ["cmi.core.lesson_status", "completed"], api.LMSSetValue("cmi.core.lesson_status", "completed"));
    record("LMSFinish", [""], api.LMSFinish(""));
  }
  out.ok = ok;
  var line = "MULTI-SCO " + JSON.stringify(out);
  if (window.console && console.log) { console.log(line); }
  var pre = document.createElement("pre");
  pre.textContent = line;
  document.body.appendChild(pre);
}
