// The content guard: injected by bridge/profile.py into every frame of every page of a learner's profile, in the
// page's own world, before any of its scripts run. Course content is untrusted (ARCHITECTURE.md, "The content trust
// boundary"). Best effort: the request interceptor (bridge/profile.py) stays the real wall; this takes away what the
// interceptor cannot see and fails early what it would refuse anyway:
// - WebRTC: no RTCPeerConnection at all (its STUN/ICE/TURN traffic never passes request interception; qtenv.py's
//   Chromium flag keeps UDP off). A frame's first, empty document gets no user script from the engine, so the guard
//   installs itself in every same-origin frame and window it can see appear (inserted, opened or looked up);
// - for a course offline: navigator.sendBeacon and WebSocket to anything but the course (or the app's own services
//   allowed for it) fail at once, and a connection hint (<link rel=preconnect ...>) set by script loses its rel.
// `__SD_GUARD_CONFIG__` is replaced by ContentPolicy.guard_config() (bridge/policy.py): {scheme, online, services}.
(function (config) {
  "use strict";
  var guarded = new WeakSet();
  var HINTS = /^(?:preconnect|dns-prefetch|prefetch|prerender)$/i;
  var prefix = config.scheme + "://";

  function install(w) {
    try {
      if (!w || guarded.has(w)) { return; }
      guarded.add(w);
      noWebRTC(w);
      followFrames(w);
      offline(w);
    } catch (e) { /* a cross-origin window: its own document gets the guard from the engine */ }
  }

  function noWebRTC(w) {
    ["RTCPeerConnection", "webkitRTCPeerConnection"].forEach(function (name) {
      try {
        delete w[name];
        if (name in w) { Object.defineProperty(w, name, { value: undefined, writable: false, configurable: false }); }
      } catch (e) { /* nothing more to do */ }
    });
  }

  // Every way a script reaches a new frame's window first: inserting it, looking it up, opening a window.
  function followFrames(w) {
    function frames() {
      for (var i = 0; i < w.frames.length; i++) { install(w.frames[i]); }
    }
    function after(proto, name) {
      var native = proto && proto[name];
      if (typeof native !== "function") { return; }
      proto[name] = function () {
        var result = native.apply(this, arguments);
        frames();
        return result;
      };
    }
    function afterSet(proto, name) {
      var d = proto && Object.getOwnPropertyDescriptor(proto, name);
      if (!d || !d.set) { return; }
      Object.defineProperty(proto, name, {
        get: d.get, enumerable: d.enumerable, configurable: true,
        set: function (value) { d.set.call(this, value); frames(); }
      });
    }
    function windowOf(proto, name, toWindow) {
      var d = proto && Object.getOwnPropertyDescriptor(proto, name);
      if (!d || !d.get) { return; }
      Object.defineProperty(proto, name, {
        set: d.set, enumerable: d.enumerable, configurable: true,
        get: function () {
          var value = d.get.call(this);
          if (value) { install(toWindow(value)); }
          return value;
        }
      });
    }
    var N = w.Node && w.Node.prototype, E = w.Element && w.Element.prototype;
    ["appendChild", "insertBefore", "replaceChild"].forEach(function (m) { after(N, m); });
    ["append", "prepend", "before", "after", "replaceWith", "replaceChildren", "insertAdjacentElement",
      "insertAdjacentHTML", "setHTMLUnsafe"].forEach(function (m) { after(E, m); });
    ["append", "prepend", "replaceChildren"].forEach(function (m) { after(w.Document && w.Document.prototype, m); });
    ["write", "writeln"].forEach(function (m) { after(w.Document && w.Document.prototype, m); });
    afterSet(E, "innerHTML");
    afterSet(E, "outerHTML");
    ["HTMLIFrameElement", "HTMLFrameElement", "HTMLObjectElement"].forEach(function (kind) {
      var proto = w[kind] && w[kind].prototype;
      windowOf(proto, "contentWindow", function (win) { return win; });
      windowOf(proto, "contentDocument", function (doc) { return doc.defaultView; });
    });
    var open = w.open;
    if (typeof open === "function") {
      w.open = function () {
        var opened = open.apply(this, arguments);
        install(opened);
        return opened;
      };
    }
    // Frames the parser inserts: the observer runs before the page's next script does.
    try {
      new w.MutationObserver(frames).observe(w.document, { childList: true, subtree: true });
    } catch (e) { /* no document yet */ }
  }

  function offline(w) {
    var origin = String(w.origin || "").toLowerCase();  // inherited by about:blank and blob: frames; "null" for data:
    var host = origin.indexOf(prefix) === 0 ? origin.substring(prefix.length) : null;
    if (host !== null && config.online.indexOf(host) >= 0) { return; }
    for (var s = 0; s < config.services.length; s++) {
      if (config.services[s][0] === origin) { return; }  // the app's own service pages
    }

    function allowed(url) {
      var parsed;
      try { parsed = new URL(String(url), w.document.baseURI); } catch (e) { return true; }  // the engine refuses it
      var scheme = parsed.protocol.replace(/:$/, "").toLowerCase();
      if (scheme === config.scheme || scheme === "data" || scheme === "blob") { return true; }
      var target = (scheme + "://" + parsed.host).toLowerCase();
      for (var i = 0; i < config.services.length; i++) {
        var service = config.services[i];
        if (service[0] === target && (service[1] === null || service[1] === host)) { return true; }
      }
      return false;
    }

    var beacon = w.Navigator && w.Navigator.prototype.sendBeacon;
    if (beacon) {
      w.Navigator.prototype.sendBeacon = function sendBeacon(url) {
        if (!allowed(url)) { return false; }
        return beacon.apply(this, arguments);
      };
    }

    var NativeWebSocket = w.WebSocket;
    if (NativeWebSocket) {
      var GuardedWebSocket = function WebSocket(url) {
        if (!allowed(String(url).replace(/^ws/i, "http"))) {
          throw new w.DOMException("internet access is off for this course: " + url, "SecurityError");
        }
        return Reflect.construct(NativeWebSocket, arguments, new.target || GuardedWebSocket);
      };
      GuardedWebSocket.prototype = NativeWebSocket.prototype;
      ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (k) { GuardedWebSocket[k] = NativeWebSocket[k]; });
      Object.defineProperty(w, "WebSocket", { value: GuardedWebSocket, writable: true, configurable: true });
    }

    function withoutHints(value) {
      return String(value).split(/\s+/).filter(function (t) { return t && !HINTS.test(t); }).join(" ");
    }
    var Link = w.HTMLLinkElement;
    var rel = Link && Object.getOwnPropertyDescriptor(Link.prototype, "rel");
    if (rel && rel.set) {
      Object.defineProperty(Link.prototype, "rel", {
        get: rel.get, enumerable: rel.enumerable, configurable: true,
        set: function (value) { rel.set.call(this, withoutHints(value)); }
      });
    }
    var setAttribute = w.Element.prototype.setAttribute;
    w.Element.prototype.setAttribute = function setAttribute_(name, value) {
      if (Link && this instanceof Link && String(name).toLowerCase() === "rel") { value = withoutHints(value); }
      return setAttribute.call(this, name, value);
    };
  }

  install(window);
})(__SD_GUARD_CONFIG__);
