/*
 * SCORM run-time (SCORM 1.2 and SCORM 2004 4th edition), answered entirely in the page.
 *
 *   var rt = ScormRuntime.create({model, values, send, log, options, backpressure});
 *   rt.api       the API object (2004: Initialize, ...; 1.2: LMSInitialize, ...)
 *   rt.flush()   send pending events now
 *   rt.state()   "not-initialized" | "running" | "terminated"
 *
 * The data model is NOT described here: `model` is scorm_desktop.cmi.datamodel.definition(version) and every element,
 * type, vocabulary, error code and dependency comes from it. See docs/runtime-protocol.md.
 * Plain ES5 and Map, no dependencies.
 */
(function (global) {
  "use strict";

  var INDEX = /^(?:0|[1-9][0-9]*)$/;
  var TARGET = ".{target=";
  var KEYWORDS = /^_(?:children|count|version)$/;
  var DELIMITER = /^\{([a-z_]+)=([^}]*)\}/;

  function noop() {}

  function has(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }

  var perf = global.performance && global.performance.now ? global.performance : null;
  function now() {
    return perf !== null ? perf.now() : new Date().getTime();
  }

  function asString(value) {
    if (value === undefined || value === null) { return ""; }
    return String(value);
  }

  // Split a concrete element name into tokens; a trailing "{target=...}" segment (may contain dots) is one token.
  function tokenize(element) {
    var at = element.indexOf(TARGET);
    if (at >= 0) {
      var head = element.substring(0, at).split(".");
      head.push(element.substring(at + 1));
      return head;
    }
    return element.split(".");
  }

  // The model pattern of a token list: indices become "n", target segments "{target=}".
  function patternOf(tokens) {
    var out = [];
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i];
      if (INDEX.test(t)) { out.push("n"); }
      else if (t.indexOf("{target=") === 0) { out.push("{target=}"); }
      else { out.push(t); }
    }
    return out.join(".");
  }

  function create(config) {
    config = config || {};
    var model = config.model;
    if (!model || !model.elements) { throw new Error("ScormRuntime.create: config.model is required"); }
    var send = typeof config.send === "function" ? config.send : noop;
    var logger = typeof config.log === "function" ? config.log : noop;
    // logRow(fn, args, result, error, ms, at): the same record without building an object per call (the player's).
    var logRow = typeof config.logRow === "function" ? config.logRow : null;
    // backpressure(pendingCount, flush): called after each accepted call that emits an event; may send and wait.
    var backpressure = typeof config.backpressure === "function" ? config.backpressure : null;
    var options = {};
    var key;
    var defaults = model.optionDefaults || {};  // the options' defaults live in the data model (datamodel.py)
    for (key in defaults) { if (has(defaults, key)) { options[key] = defaults[key]; } }
    if (config.options) {
      for (key in config.options) { if (has(config.options, key)) { options[key] = config.options[key]; } }
    }

    var codes = model.codes;
    var elements = model.elements;
    var arrays = model.arrays || {};
    var childrenOf = model.children || {};
    var computed = model.computed || {};
    var types = model.types || {};
    var syntax = model.syntax || {};
    var strictUninitialized = model.uninitialized === "error";

    // Maps, not objects: content writes thousands of distinct names, and a Map takes a new key several times faster
    // than an object, which first makes the name an internal string.
    var values = new Map();
    var counts = new Map();
    // Size limits (datamodel.py: each element's "cap", the record's "limits.attemptChars"): content is untrusted.
    var budget = model.limits && typeof model.limits.attemptChars === "number" ? model.limits.attemptChars : Infinity;
    var used = 0;  // characters (names and values) the record holds
    var state = "not-initialized";
    var lastError = 0;
    var diagnostic = "";
    var pending = [];
    var BURST = 500;  // events per batch before a batch is sent without waiting for the task to end
    var timer = null;
    var regexCache = {};

    function regex(source) {
      if (!has(regexCache, source)) { regexCache[source] = new RegExp("^(?:" + source + ")$"); }
      return regexCache[source];
    }

    // --- element resolution --------------------------------------------------------------------------------------

    // The model's element patterns as a tree of tokens ("n" for an index, "{target=}" for a target), so that a name
    // is resolved in one walk over its text: no token array, no pattern built by concatenation.
    function node(pattern) {
      return { next: Object.create(null), item: null, target: null, pattern: pattern, spec: null, keyword: false };
    }
    var tree = node("");
    for (var pat in elements) {
      if (!has(elements, pat)) { continue; }
      var parts = tokenize(pat);
      var at = tree;
      for (var pi = 0; pi < parts.length; pi++) {
        var part = parts[pi];
        var sub = at.pattern === "" ? part : at.pattern + "." + part;
        if (part === "n" && pi > 0) { at = at.item || (at.item = node(sub)); }
        else if (part === "{target=}") { at = at.target || (at.target = node(sub)); }
        else { at = at.next[part] || (at.next[part] = node(sub)); }
      }
      at.spec = elements[pat];
      at.keyword = KEYWORDS.test(parts[parts.length - 1]);
    }

    // resolve() depends only on the name (never on values or counts): content writes the same names over and over,
    // so each name is resolved once (the caches are emptied if they ever grow past RESOLVED_MAX names).
    var RESOLVED_MAX = 50000;
    var resolved = new Map();
    var records = new Map();  // concrete record name ("cmi.interactions.3") -> its level, shared by its names
    function resolve(element) {
      var r = resolved.get(element);
      if (r === undefined) {
        if (resolved.size >= RESOLVED_MAX) { resolved.clear(); records.clear(); }
        r = resolveName(element);
        resolved.set(element, r);
      }
      return r;
    }

    var NO_LEVELS = [];

    // An array index: "0" or digits without a leading zero (INDEX), read from element[start, end).
    function isIndexAt(element, start, end) {
      if (end <= start) { return false; }
      var c = element.charCodeAt(start);
      if (c === 48) { return end === start + 1; }
      for (var i = start; i < end; i++) {
        c = element.charCodeAt(i);
        if (c < 48 || c > 57) { return false; }
      }
      return true;
    }

    // Levels and resolutions are made by constructors, every field set once: object literals whose fields are null
    // in some and set in others, or set after the object is made, made V8 throw away the optimized code of
    // resolveName and setValue again and again while new names arrived ("storing to a constant field").
    function Level(record, path, index, array, outer) {
      this.keyName = array && array.key ? record + "." + array.key : null;
      this.typeName = record + ".type";
      this.path = path;
      this.index = index;
      this.array = array;
      this.record = record;
      this.levels = outer.concat([this]);  // this record's levels from the outermost: [..., this]
    }

    function Resolved(pattern, spec, levels, rest, keyword, requires) {
      this.pattern = pattern;
      this.spec = spec;
      this.levels = levels;
      this.rest = rest;
      this.keyword = keyword;
      this.requires = requires;
    }

    // The level of record element[0, end) (its index at [start, end)) of the array `at`, under `outer`'s levels.
    function recordLevel(element, start, end, at, outer) {
      var name = element.substring(0, end);
      var level = records.get(name);
      if (level === undefined) {
        level = new Level(name, element.substring(0, start - 1), parseInt(element.substring(start, end), 10),
                          arrays[at.pattern] || null, outer);
        records.set(name, level);
      }
      return level;
    }

    // {pattern, spec, levels, rest, keyword, requires} for a concrete name; spec is null for a name the model does
    // not define. levels: one per array index in the name, outermost first ({path, index, array, record, keyName,
    // typeName}: shared by every name of that record); rest: what follows the innermost index; requires: the
    // concrete names of spec.requires (null without). The result is shared (cached): callers never change it.
    function resolveName(element) {
      var at = tree;
      var levels = NO_LEVELS;
      var rest = "";
      var start = 0;
      var end;
      for (var i = 0; at !== null; i++) {
        if (i > 0 && element.charCodeAt(start) === 123 && element.substring(start, start + 8) === "{target=") {
          at = at.target;  // a "{target=...}" token runs to the end of the name (it may hold dots)
          break;
        }
        end = element.indexOf(".", start);
        if (end < 0) { end = element.length; }
        if (i > 0 && isIndexAt(element, start, end)) {
          if (at.item === null) { at = null; break; }
          var level = recordLevel(element, start, end, at, levels);
          levels = level.levels;
          rest = element.substring(end + 1);
          at = at.item;
        } else {
          var next = at.next[element.substring(start, end)];
          at = next === undefined ? null : next;
        }
        if (end === element.length) { break; }
        start = end + 1;
      }
      if (at === null || at.spec === null) {
        var tokens = tokenize(element);
        return new Resolved(null, null, levels, rest, KEYWORDS.test(tokens[tokens.length - 1]), null);
      }
      var requires = null;
      if (at.spec.requires) {
        requires = [];
        for (var q = 0; q < at.spec.requires.length; q++) { requires.push(concrete(at.spec.requires[q], levels)); }
      }
      return new Resolved(at.pattern, at.spec, levels, rest, at.keyword, requires);
    }

    // A name the model knows as an element or as a container of elements (for 202/203 versus 201/401).
    function isKnownPath(element) {
      var pattern = patternOf(tokenize(element));
      if (has(elements, pattern) || has(childrenOf, pattern) || has(arrays, pattern)) { return true; }
      var prefix = pattern + ".";
      for (var p in elements) {
        if (has(elements, p) && p.indexOf(prefix) === 0) { return true; }
      }
      return false;
    }

    // Array indices out of range for reading: true when some level's record does not exist.
    function missingRecord(levels) {
      for (var i = 0; i < levels.length; i++) {
        if (!levels[i].array || levels[i].index >= (counts.get(levels[i].path) || 0)) { return true; }
      }
      return false;
    }

    // The concrete name of a sibling pattern, with the indices of `levels` put back in order.
    function concrete(pattern, levels) {
      var parts = pattern.split(".");
      var k = 0;
      for (var i = 0; i < parts.length; i++) {
        if (parts[i] === "n") {
          if (k >= levels.length) { return null; }
          parts[i] = String(levels[k].index);
          k++;
        }
      }
      return parts.join(".");
    }

    // --- initial values and counts -------------------------------------------------------------------------------

    function noteRecords(levels) {
      for (var i = 0; i < levels.length; i++) {
        var need = levels[i].index + 1;
        if ((counts.get(levels[i].path) || 0) < need) { counts.set(levels[i].path, need); }
      }
    }

    var initial = config.values || {};
    var explicitCounts = [];
    for (key in initial) {
      if (!has(initial, key)) { continue; }
      var text = asString(initial[key]);
      if (/\._count$/.test(key)) {
        explicitCounts.push([key.substring(0, key.length - 7), parseInt(text, 10) || 0]);
        continue;
      }
      values.set(key, text);
      used += key.length + text.length;
      var r0 = resolve(key);
      if (r0.levels.length) { noteRecords(r0.levels); }
    }
    for (var c = 0; c < explicitCounts.length; c++) {
      if ((counts.get(explicitCounts[c][0]) || 0) < explicitCounts[c][1]) { counts.set(explicitCounts[c][0], explicitCounts[c][1]); }
    }

    // --- events ------------------------------------------------------------------------------------------------

    function flush() {
      if (timer !== null) { clearTimeout(timer); timer = null; }
      if (!pending.length) { return; }
      var batch = pending;
      pending = [];
      send(batch);
    }

    function emit(event) {
      pending.push(event);
      // A long synchronous burst (content writing hundreds of interactions in one loop) streams out as it goes,
      // so Python persists the first values while the content is still calling.
      if (pending.length >= BURST) { flush(); }
      else if (timer === null) {
        timer = setTimeout(function () { timer = null; flush(); }, 0);
      }
      // Back-pressure (the player's): when what was sent is not durable soon enough, wait here, inside the call.
      if (backpressure !== null) { backpressure(pending.length, flush); }
    }

    // --- errors ------------------------------------------------------------------------------------------------

    function fail(condition, detail) {
      var code = has(codes, condition) ? codes[condition] : codes.general;
      lastError = code;
      diagnostic = detail || "";
      return code;
    }

    function ok() {
      lastError = 0;
      diagnostic = "";
    }

    // --- value types ---------------------------------------------------------------------------------------------

    function typeOf(t) {
      return typeof t === "string" ? types[t] : t;
    }

    function effectiveType(spec) {
      var lenient = spec.lenient;
      if (lenient && options[lenient.option]) { return typeOf(lenient.type); }
      return typeOf(spec.type);
    }

    function isLenient(spec) {
      return !!(spec.lenient && options[spec.lenient.option]);
    }

    // Each check returns null when the value is valid, else [condition, detail].
    function mismatch(detail) { return ["typeMismatch", detail]; }

    function checkNumber(t, value, pattern) {
      if (t.blank && value === "") { return null; }
      if (!regex(pattern).test(value)) { return mismatch("not a number: '" + value + "'"); }
      var n = parseFloat(value);
      if ((t.min !== undefined && t.min !== null && n < t.min) || (t.max !== undefined && t.max !== null && n > t.max)) {
        return ["outOfRange", value + " is outside [" + (t.min === undefined ? "" : t.min) + ", " +
          (t.max === undefined ? "" : t.max) + "]"];
      }
      return null;
    }

    // Leading reserved delimiters "{name=value}" (RTE 4.1.1: lang, case_matters, order_matters). Only the names in
    // `allowed` are delimiters here, each once; anything else is part of the text (as in ADL's run-time).
    // Returns the text after them, or [condition, detail] when one is malformed.
    function stripDelimiters(value, allowed) {
      if (value.charCodeAt(0) !== 123) { return value; }  // no leading "{": no delimiter (the common case)
      var m;
      var re = DELIMITER;
      var seen = {};
      while ((m = re.exec(value)) !== null) {
        var name = m[1];
        if (!allowed || allowed.indexOf(name) < 0 || has(seen, name)) { break; }
        if (name === "lang") {
          if (!regex(syntax.language).test(m[2])) { return mismatch("bad language code '" + m[2] + "'"); }
        } else if (m[2] !== "true" && m[2] !== "false") {
          return mismatch("{" + name + "} must be true or false");
        }
        seen[name] = true;
        value = value.substring(m[0].length);
      }
      if (allowed && allowed.indexOf("lang") >= 0 && !has(seen, "lang") && value.indexOf("{lang=") === 0) {
        return mismatch("unterminated {lang=} delimiter");
      }
      return value;
    }

    // localized_string_type: an optional {lang=<language_type>} (and the type's own delimiters), then any text.
    function checkLocalized(t, value) {
      if (value.charCodeAt(0) !== 123) { return null; }  // no delimiter: any text
      var rest = stripDelimiters(value, ["lang"].concat(t.delimiters || []));
      return typeof rest === "string" ? null : rest;
    }

    function check(t, value, ctx) {
      t = typeOf(t);
      if (!t) { return null; }
      var max;
      switch (t.kind) {
        case "any":
          return null;
        case "string":
          max = t.maxOption ? options[t.maxOption] : t.max;
          if (typeof max === "number" && value.length > max) { return mismatch("longer than " + max + " characters"); }
          if (t.min && value.length < t.min) { return mismatch("must not be empty"); }
          return null;
        case "localized":
          return checkLocalized(t, value);
        case "regex":
          if (typeof t.max === "number" && value.length > t.max) { return mismatch("longer than " + t.max + " characters"); }
          return regex(t.regex).test(value) ? null : mismatch("'" + value + "' has the wrong format");
        case "short_identifier":
        case "long_identifier":
          return regex(syntax.identifier).test(value) ? null : mismatch("'" + value + "' is not an identifier");
        case "real":
          return checkNumber(t, value, syntax.real);
        case "integer":
          return checkNumber(t, value, syntax.integer);
        case "vocab":
          if (t.values.indexOf(value) >= 0) { return null; }
          if (t.or) { return check(t.or, value, ctx); }
          return mismatch("'" + value + "' is not one of: " + t.values.join(", "));
        case "response":
          return checkResponse(t, value, ctx);
        case "list":
          return checkList(t, value, ctx);
        case "pair":
          return checkPair(t, value, ctx);
        case "step_answer":
          if (value.indexOf("[:]") >= 0) { return checkRange(value, true); }
          return null;
        case "range":
          return checkRange(value, !!t.required);
        default:
          return null;
      }
    }

    // A real number range "min[:]max" (either bound may be empty); without `required`, a plain number also passes.
    function checkRange(value, required) {
      var parts = value.split("[:]");
      if (parts.length === 1) {
        if (required) { return mismatch("a range is min[:]max"); }
        return regex(syntax.real).test(value) ? null : mismatch("not a number or range");
      }
      if (parts.length !== 2) { return mismatch("a range is min[:]max"); }
      for (var i = 0; i < 2; i++) {
        if (parts[i] !== "" && !regex(syntax.real).test(parts[i])) { return mismatch("'" + parts[i] + "' is not a number"); }
      }
      if (parts[0] !== "" && parts[1] !== "" && parseFloat(parts[0]) > parseFloat(parts[1])) {
        return mismatch("range minimum above maximum");
      }
      return null;
    }

    function checkList(t, value, ctx) {
      var rest = stripDelimiters(value, t.delimiters);
      if (typeof rest !== "string") { return rest; }
      if (rest === "") { return t.empty ? null : mismatch("must not be empty"); }
      var items = rest.split(t.sep);
      var seen = t.unique ? new Set() : null;  // a Set: an item named "__proto__" is an item like any other
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        var bad = check(t.item, item, ctx);
        if (bad) { return bad; }
        if (seen !== null) {
          if (seen.has(item)) { return mismatch("'" + item + "' is repeated"); }
          seen.add(item);
        }
      }
      return null;
    }

    function checkPair(t, value, ctx) {
      var parts = value.split(t.sep);
      if (parts.length !== 2) { return mismatch("'" + value + "' must be two parts joined by " + t.sep); }
      if (parts[0] === "" && parts[1] === "") { return mismatch("empty pair"); }
      if (parts[0] === "") { if (!t.leftOptional) { return mismatch("missing left part"); } }
      else { var l = check(t.left, parts[0], ctx); if (l) { return l; } }
      if (parts[1] === "") { if (!t.rightOptional) { return mismatch("missing right part"); } }
      else { var r = check(t.right, parts[1], ctx); if (r) { return r; } }
      return null;
    }

    function interactionType(ctx) {
      if (!ctx || !ctx.levels.length) { return null; }
      var name = ctx.levels[0].typeName;
      var type = values.get(name);
      return type === undefined ? null : type;
    }

    function checkResponse(t, value, ctx) {
      var kind = interactionType(ctx);
      var grammar = kind && model.responses && model.responses[kind];
      if (!grammar) {
        // 1.2 allows a response before the type: CMIFeedback is then a plain CMIString255.
        return value.length > 255 ? mismatch("longer than 255 characters") : null;
      }
      return check(grammar[t.role], value, ctx);
    }

    // The sorted items of a "[,]" list, for comparing choice patterns as sets.
    function itemSet(value) {
      return value.split("[,]").sort().join("[,]");
    }

    // For a correct response pattern whose interaction type wants distinct patterns: the name of an existing pattern
    // equal to `value`, else null.
    function samePattern(spec, r, value) {
      var t = typeOf(spec.type);
      if (!t || t.kind !== "response" || t.role !== "pattern" || !r.levels.length) { return null; }
      var kind = interactionType(r);
      var grammar = kind && model.responses && model.responses[kind];
      if (!grammar || !grammar.uniquePatterns) { return null; }
      var own = r.levels[r.levels.length - 1];
      var asSet = grammar.uniquePatterns === "set";
      var wanted = asSet ? itemSet(value) : value;
      var n = counts.get(own.path) || 0;
      for (var i = 0; i < n; i++) {
        if (i === own.index) { continue; }
        var name = own.path + "." + i + "." + r.rest;
        var other = values.get(name);
        if (other !== undefined && (asSet ? itemSet(other) : other) === wanted) { return name; }
      }
      return null;
    }

    // --- the API functions -------------------------------------------------------------------------------------

    function getValue(element) {
      if (state === "not-initialized") { fail("getBeforeInit", "GetValue before Initialize"); return ""; }
      if (state === "terminated") { fail("getAfterTerminate", "GetValue after Terminate"); return ""; }
      element = asString(element);
      if (element === "") { fail("getEmpty", "no element named"); return ""; }

      var r = resolve(element);
      // Only a name ending in a keyword needs its parent's name (r.keyword: the last token is _children, _count or
      // _version); other names are answered from their resolution alone.
      var tokens = r.keyword ? tokenize(element) : null;
      var last = r.keyword ? tokens[tokens.length - 1] : "";
      var parent = r.keyword ? tokens.slice(0, -1).join(".") : "";
      if (last === "_children") {
        if (r.spec && has(childrenOf, patternOf(tokenize(parent)))) {
          ok();
          return childrenOf[patternOf(tokenize(parent))];
        }
        if (parent && isKnownPath(parent)) { fail("noChildren", parent + " has no children"); return ""; }
        fail("undefined", element + " is not a data model element");
        return "";
      }
      if (last === "_count") {
        if (r.spec && has(arrays, patternOf(tokenize(parent)))) {
          if (missingRecord(r.levels)) { fail("getIndex", "no such record in " + parent); return ""; }
          ok();
          return String(counts.get(parent) || 0);
        }
        if (parent && isKnownPath(parent)) { fail("noCount", parent + " is not an array"); return ""; }
        fail("undefined", element + " is not a data model element");
        return "";
      }

      var spec = r.spec;
      if (!spec) {
        fail("undefined", element + " is not a data model element");
        return "";
      }
      if (spec.implemented === false) { fail("unimplemented", element + " is not implemented"); return ""; }
      if (missingRecord(r.levels)) { fail("getIndex", "no record at this index: " + element); return ""; }
      var access = spec.access;
      if (spec.accessFrom) {
        var accessKey = concrete(spec.accessFrom, r.levels);
        if (accessKey !== null && values.has(accessKey)) { access = values.get(accessKey); }
      }
      if (access.indexOf("r") < 0) { fail("writeOnly", element + " is write-only"); return ""; }

      if (has(computed, r.pattern)) {
        var value = evaluate(r.pattern);
        if (value !== null) { ok(); return value; }
      }
      if (values.has(element)) { ok(); return values.get(element); }
      if (has(spec, "default")) { ok(); return spec["default"]; }
      if (strictUninitialized) { fail("notInitialized", element + " has no value yet"); return ""; }
      ok();
      return "";
    }

    function numberOf(name) {
      var text = values.get(name);
      if (text === undefined || text === "" || !regex(syntax.real).test(text)) { return null; }
      return parseFloat(text);
    }

    // Statuses the LMS evaluates on GetValue (2004 RTE 4.2.4.1, 4.2.22.1); null: use the stored value.
    function evaluate(element) {
      var rule = computed[element];
      var threshold = numberOf(rule.threshold);
      if (threshold === null) { return null; }
      var measure = numberOf(rule.measure);
      if (measure === null) { return rule.noMeasure; }
      return measure >= threshold ? rule.met : rule.notMet;
    }

    function setValue(element, value) {
      if (state === "not-initialized") { fail("setBeforeInit", "SetValue before Initialize"); return "false"; }
      if (state === "terminated") { fail("setAfterTerminate", "SetValue after Terminate"); return "false"; }
      element = asString(element);
      value = asString(value);
      if (element === "") { fail("setEmpty", "no element named"); return "false"; }

      var r = resolve(element);
      var spec = r.spec;
      if (r.keyword) {
        if (spec || isKnownPath(tokenize(element).slice(0, -1).join("."))) {
          fail("keywordSet", element + " is a keyword: it cannot be set");
          return "false";
        }
        fail("undefined", element + " is not a data model element");
        return "false";
      }
      if (!spec) { fail("undefined", element + " is not a data model element"); return "false"; }
      if (spec.implemented === false) { fail("unimplemented", element + " is not implemented"); return "false"; }
      var access = spec.access;
      if (spec.accessFrom) {
        var accessKey = concrete(spec.accessFrom, r.levels);
        if (accessKey !== null && values.has(accessKey)) { access = values.get(accessKey); }
      }
      if (access.indexOf("w") < 0) { fail("readOnly", element + " is read-only"); return "false"; }
      if (typeof spec.cap === "number" && value.length > spec.cap) {
        fail("overCap", element + ": " + value.length + " characters, more than the " + spec.cap + " kept");
        return "false";
      }

      var lenient = isLenient(spec);
      var levels = r.levels;
      for (var i = 0; i < levels.length; i++) {
        var level = levels[i];
        var arraySpec = level.array;
        if (!arraySpec) { fail("undefined", element + " is not a data model element"); return "false"; }
        var count = counts.get(level.path) || 0;
        if (level.index > count) {
          fail("setIndex", "index " + level.index + " skips ahead of " + level.path + "._count (" + count + ")");
          return "false";
        }
        var innermost = i === levels.length - 1;
        var keyName = level.keyName;
        if (level.index === count) {
          if (arraySpec.fixed) { fail("setIndex", level.path + " cannot be extended by the content"); return "false"; }
          if (arraySpec.key && !(innermost && r.rest === arraySpec.key)) {
            fail("dependency", level.record + "." + arraySpec.key + " must be set first");
            return "false";
          }
          if (arraySpec.maxFrom === "responses" && !lenient) {
            var kind = interactionType(r);
            var grammar = kind && model.responses && model.responses[kind];
            if (grammar && grammar.maxPatterns && level.index >= grammar.maxPatterns) {
              fail("tooMany", "a " + kind + " interaction has at most " + grammar.maxPatterns + " correct response pattern(s)");
              return "false";
            }
          }
        } else if (keyName && !values.has(keyName) && !(innermost && r.rest === arraySpec.key)) {
          fail("dependency", keyName + " must be set first");
          return "false";
        }
      }
      if (r.requires !== null) {
        // The concrete names depend on the name only: worked out with its resolution.
        for (var q = 0; q < r.requires.length; q++) {
          var needed = r.requires[q];
          if (needed !== null && !values.has(needed)) {
            fail("dependency", needed + " must be set first");
            return "false";
          }
        }
      }

      var bad = check(effectiveType(spec), value, r);
      if (bad) { fail(bad[0], element + ": " + bad[1]); return "false"; }
      if (!lenient) {
        var same = samePattern(spec, r, value);
        if (same) { fail("notUnique", "'" + value + "' repeats " + same); return "false"; }
      }

      if (spec.unique && levels.length) {
        var own = levels[levels.length - 1];
        var siblings = counts.get(own.path) || 0;
        for (var s = 0; s < siblings; s++) {
          if (s === own.index) { continue; }
          var other = own.path + "." + s + "." + r.rest;
          if (values.get(other) === value) {
            fail("notUnique", "'" + value + "' is already used by " + other);
            return "false";
          }
        }
      }
      var before = values.get(element);
      if (spec.immutable && before !== undefined && before !== value) {
        fail("immutable", element + " cannot change once set");
        return "false";
      }

      var grows = before !== undefined ? value.length - before.length : element.length + value.length;
      if (used + grows > budget) {
        fail("overBudget", element + ": the record would exceed its " + budget + " characters");
        return "false";
      }
      used += grows;
      values.set(element, value);
      noteRecords(levels);
      ok();
      emit({ op: "set", element: element, value: value });
      return "true";
    }

    function initialize(arg) {
      if (state === "running") { fail("alreadyInitialized", "already initialized"); return "false"; }
      if (state === "terminated") { fail("initializeAfterTerminate", "the session has ended"); return "false"; }
      if (asString(arg) !== "") { fail("argument", "the argument must be an empty string"); return "false"; }
      state = "running";
      ok();
      emit({ op: "initialize" });
      return "true";
    }

    function terminate(arg) {
      if (state === "not-initialized") { fail("terminateBeforeInit", "not initialized"); return "false"; }
      if (state === "terminated") { fail("terminateAfterTerminate", "already terminated"); return "false"; }
      if (asString(arg) !== "") { fail("argument", "the argument must be an empty string"); return "false"; }
      state = "terminated";
      ok();
      emit({ op: "terminate" });
      // The content's window often goes away right after Terminate: do not wait for the next task.
      flush();
      return "true";
    }

    function commit(arg) {
      if (state === "not-initialized") { fail("commitBeforeInit", "not initialized"); return "false"; }
      if (state === "terminated") { fail("commitAfterTerminate", "already terminated"); return "false"; }
      if (asString(arg) !== "") { fail("argument", "the argument must be an empty string"); return "false"; }
      ok();
      emit({ op: "commit" });
      return "true";
    }

    function getLastError() {
      return String(lastError);
    }

    function getErrorString(code) {
      var k = asString(code);
      return has(model.errors, k) ? model.errors[k] : "";
    }

    function getDiagnostic(code) {
      var k = asString(code);
      if (k === "" || k === String(lastError)) {
        return diagnostic || (has(model.errors, String(lastError)) ? model.errors[String(lastError)] : "");
      }
      return has(model.errors, k) ? model.errors[k] : "";
    }

    // --- the API object, with logging and a guard: the content never sees an exception -------------------------

    var api = {};
    var names = model.api;
    // The log's wall-clock time, formatted once per millisecond rather than once per call.
    var isoAt = 0;
    var isoText = "";
    function isoNow() {
      var ms = Date.now();
      if (ms !== isoAt) { isoAt = ms; isoText = new Date(ms).toISOString(); }
      return isoText;
    }
    function expose(role, fn, failure, sets) {
      var name = names[role];
      api[name] = function () {
        var n = arguments.length;
        var args = new Array(n);
        for (var i = 0; i < n; i++) { args[i] = asString(arguments[i]); }
        var t0 = now();
        var result;
        try {
          result = n === 0 ? fn() : n === 1 ? fn(arguments[0]) : fn(arguments[0], arguments[1]);
        } catch (e) {
          if (sets) { fail("general", "internal error: " + (e && e.message ? e.message : e)); }
          result = failure;
        }
        try {
          if (logRow !== null) { logRow(name, args, result, String(lastError), now() - t0, isoNow()); }
          else { logger({ fn: name, args: args, result: result, error: String(lastError), ms: now() - t0, at: isoNow() }); }
        } catch (ignored) { /* a broken logger must not break the content */ }
        return result;
      };
    }
    expose("initialize", initialize, "false", true);
    expose("terminate", terminate, "false", true);
    expose("getValue", getValue, "", true);
    expose("setValue", setValue, "false", true);
    expose("commit", commit, "false", true);
    expose("getLastError", getLastError, "0", false);
    expose("getErrorString", getErrorString, "", false);
    expose("getDiagnostic", getDiagnostic, "", false);
    if (model.apiVersion) {
      // RTE 3.1 (2004): the API instance has a "version" attribute; not enumerable, so the API's keys stay its functions.
      Object.defineProperty(api, "version", { value: model.apiVersion, enumerable: false, writable: false });
    }

    return {
      api: api,
      flush: flush,
      // The player closes the SCO: every later call is refused as after Terminate (no event), pending ones are sent.
      close: function () {
        state = "terminated";
        flush();
      },
      state: function () { return state; },
      // A copy of every current value (for the player's own use: reports, the final commit on close).
      values: function () {
        var copy = {};
        values.forEach(function (v, k) { copy[k] = v; });
        return copy;
      },
      options: options,
      // adl.nav.request_valid.* as the sequencer now answers them ({"continue": "true", "choice.{target=x}": ...}):
      // the player pushes a fresh set after each batch of values it stores (the SCO reads them synchronously).
      setNavValid: function (map) {
        for (var k in map) {
          if (has(map, k)) { values.set("adl.nav.request_valid." + k, String(map[k])); }
        }
      }
    };
  }

  global.ScormRuntime = { create: create };
})(typeof window !== "undefined" ? window : this);
