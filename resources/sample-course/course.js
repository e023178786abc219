/*
 * SCORM Desktop sample course: "Working offline with SCORM Desktop".
 * A single SCORM 2004 (4th edition) SCO. Plain ES5, no dependencies, no network.
 */
(function () {
  "use strict";

  var TOTAL_PAGES = 5;          // 4 content pages + the quiz page
  var QUIZ_PAGE = 4;            // zero-based index of the quiz page
  var PASS_SCALED = 0.75;

  var QUESTIONS = [
    {
      id: "q1_when_saved",
      field: "q1",
      type: "choice",
      correct: "b",
      description: "When does SCORM Desktop save your progress?",
      explainRight: "Right: progress is written to this computer as soon as the course reports it.",
      explainWrong: "Not quite: progress is written to this computer as soon as the course reports it, online or not."
    },
    {
      id: "q2_internet_needed",
      field: "q2",
      type: "true-false",
      correct: "false",
      description: "True or false: you need an internet connection to take a course in SCORM Desktop.",
      explainRight: "Right: courses run entirely from this computer once imported.",
      explainWrong: "Not quite: once imported, courses run entirely from this computer, without a connection."
    },
    {
      id: "q3_reopen_course",
      field: "q3",
      type: "choice",
      correct: "b",
      description: "You closed a course halfway through. What happens when you open it again?",
      explainRight: "Right: the course gets its bookmark back and resumes where you left off.",
      explainWrong: "Not quite: a course you leave early is suspended, and reopening it resumes where you left off."
    },
    {
      id: "q4_results_sync_later",
      field: "q4",
      type: "true-false",
      correct: "true",
      description: "True or false: results recorded offline are sent to your organization's learning platform later.",
      explainRight: "Right: results recorded offline are sent once a connection is available.",
      explainWrong: "Not quite: results recorded offline are sent once a connection is available."
    }
  ];

  /* ------------------------------------------------------------------ *
   * SCORM 2004 API discovery (the standard walk: parents, then opener)  *
   * ------------------------------------------------------------------ */
  var MAX_PARENTS = 500;

  function scanForApi(win) {
    var tries = 0;
    try {
      while (win && !win.API_1484_11 && win.parent && win.parent !== win) {
        tries += 1;
        if (tries > MAX_PARENTS) { return null; }
        win = win.parent;
      }
      return win ? (win.API_1484_11 || null) : null;
    } catch (e) {
      return null; // a frame from another origin: stop there
    }
  }

  function findApi() {
    var api = scanForApi(window);
    if (!api) {
      try {
        if (window.opener && !window.opener.closed) {
          api = scanForApi(window.opener);
        }
      } catch (e) {
        api = null;
      }
    }
    return api;
  }

  /* ------------------------------------------------------------------ *
   * Thin wrapper around the API                                         *
   * ------------------------------------------------------------------ */
  var lms = {
    api: null,
    active: false,     // Initialize succeeded and Terminate not called yet
    terminated: false,

    init: function () {
      this.api = findApi();
      if (!this.api) { return false; }
      var ok = String(this.api.Initialize("")) === "true";
      if (!ok) { this.report("Initialize"); }
      this.active = ok;
      return ok;
    },

    get: function (element) {
      if (!this.active) { return ""; }
      var value = this.api.GetValue(element);
      var code = String(this.api.GetLastError());
      if (code !== "0" && code !== "403") { this.report("GetValue(" + element + ")"); }
      return value === null || value === undefined ? "" : String(value);
    },

    set: function (element, value) {
      if (!this.active) { return false; }
      var ok = String(this.api.SetValue(element, String(value))) === "true";
      if (!ok) { this.report("SetValue(" + element + ")"); }
      return ok;
    },

    commit: function () {
      if (!this.active) { return false; }
      var ok = String(this.api.Commit("")) === "true";
      if (!ok) { this.report("Commit"); }
      return ok;
    },

    terminate: function () {
      if (!this.active) { return false; }
      this.active = false;
      this.terminated = true;
      var ok = String(this.api.Terminate("")) === "true";
      if (!ok) { this.report("Terminate"); }
      return ok;
    },

    report: function (what) {
      try {
        var code = this.api.GetLastError();
        var text = this.api.GetErrorString(code);
        if (window.console && console.warn) {
          console.warn("SCORM " + what + " failed: " + code + " " + text);
        }
      } catch (e) { /* nothing more to say */ }
    }
  };

  /* ------------------------------------------------------------------ *
   * Time helpers                                                        *
   * ------------------------------------------------------------------ */
  function pad2(n) { return (n < 10 ? "0" : "") + n; }

  // ISO 8601 local timestamp, YYYY-MM-DDThh:mm:ss (SCORM 2004 "time (second,10,0)").
  function timestamp(d) {
    return d.getFullYear() + "-" + pad2(d.getMonth() + 1) + "-" + pad2(d.getDate()) +
      "T" + pad2(d.getHours()) + ":" + pad2(d.getMinutes()) + ":" + pad2(d.getSeconds());
  }

  // ISO 8601 duration such as PT1M5.5S, to a hundredth of a second.
  function isoDuration(ms) {
    var cs = Math.max(0, Math.round(ms / 10));   // centiseconds
    var hours = Math.floor(cs / 360000);
    cs -= hours * 360000;
    var minutes = Math.floor(cs / 6000);
    cs -= minutes * 6000;
    var seconds = cs / 100;
    var out = "PT";
    if (hours > 0) { out += hours + "H"; }
    if (minutes > 0) { out += minutes + "M"; }
    if (seconds > 0 || out === "PT") {
      out += String(Math.round(seconds * 100) / 100) + "S";
    }
    return out;
  }

  /* ------------------------------------------------------------------ *
   * Course state                                                        *
   * ------------------------------------------------------------------ */
  var startTime = new Date().getTime();
  var finished = false;

  var state = {
    page: 0,
    seen: [],           // zero-based page indexes seen
    answers: {},        // field -> value
    submitted: false,
    correct: 0
  };

  function hasSeen(i) {
    for (var k = 0; k < state.seen.length; k++) {
      if (state.seen[k] === i) { return true; }
    }
    return false;
  }

  function progressMeasure() {
    var p = state.seen.length / TOTAL_PAGES;
    return Math.round(Math.min(1, p) * 100) / 100;
  }

  function isComplete() {
    return hasSeen(TOTAL_PAGES - 1);
  }

  function suspendData() {
    return JSON.stringify({
      v: 1,
      page: state.page,
      seen: state.seen,
      answers: state.answers,
      submitted: state.submitted,
      correct: state.correct
    });
  }

  function restore(json) {
    var data;
    try { data = JSON.parse(json); } catch (e) { return; }
    if (!data || typeof data !== "object") { return; }
    if (data.seen && data.seen.length) {
      for (var i = 0; i < data.seen.length; i++) {
        var n = parseInt(data.seen[i], 10);
        if (n >= 0 && n < TOTAL_PAGES && !hasSeen(n)) { state.seen.push(n); }
      }
    }
    if (data.answers && typeof data.answers === "object") {
      for (var q = 0; q < QUESTIONS.length; q++) {
        var f = QUESTIONS[q].field;
        if (typeof data.answers[f] === "string") { state.answers[f] = data.answers[f]; }
      }
    }
    state.submitted = data.submitted === true;
    state.correct = parseInt(data.correct, 10) || 0;
    if (typeof data.page === "number") { state.page = data.page; }
  }

  function pageFromLocation(loc) {
    var m = /^page-(\d+)$/.exec(loc || "");
    if (!m) { return -1; }
    var n = parseInt(m[1], 10) - 1;
    return n >= 0 && n < TOTAL_PAGES ? n : -1;
  }

  function saveProgress() {
    if (!lms.active) { return; }
    lms.set("cmi.location", "page-" + (state.page + 1));
    lms.set("cmi.progress_measure", progressMeasure());
    lms.set("cmi.completion_status", isComplete() ? "completed" : "incomplete");
    lms.set("cmi.suspend_data", suspendData());
    lms.commit();
  }

  function saveAnswersOnly() {
    if (!lms.active) { return; }
    lms.set("cmi.suspend_data", suspendData());
  }

  /* ------------------------------------------------------------------ *
   * DOM                                                                 *
   * ------------------------------------------------------------------ */
  function $(id) { return document.getElementById(id); }

  var pages = [];
  for (var p = 1; p <= TOTAL_PAGES; p++) { pages.push($("page-" + p)); }

  var btnBack = $("btn-back");
  var btnNext = $("btn-next");
  var quizForm = $("quiz");

  function renderProgress() {
    var steps = $("steps").getElementsByTagName("li");
    for (var i = 0; i < steps.length; i++) {
      var li = steps[i];
      li.className = (hasSeen(i) ? "seen" : "") + (i === state.page && !finished ? " current" : "");
      if (i === state.page && !finished) {
        li.setAttribute("aria-current", "step");
      } else {
        li.removeAttribute("aria-current");
      }
    }
    var pct = Math.round(progressMeasure() * 100);
    $("bar-fill").style.width = pct + "%";
    var bar = $("progressbar");
    bar.setAttribute("aria-valuenow", String(pct));
    bar.setAttribute("aria-valuetext", state.seen.length + " of " + TOTAL_PAGES + " pages seen");
    $("page-count").textContent = finished ? "Course finished" :
      "Page " + (state.page + 1) + " of " + TOTAL_PAGES;
  }

  function renderNav() {
    btnBack.disabled = finished || state.page === 0;
    var last = state.page === TOTAL_PAGES - 1;
    btnNext.disabled = finished || last;
    btnNext.hidden = last || finished;
    $("btn-submit").hidden = !last || finished || state.submitted;
    $("navbar").hidden = finished;
  }

  function showPage(index, moveFocus) {
    if (index < 0) { index = 0; }
    if (index > TOTAL_PAGES - 1) { index = TOTAL_PAGES - 1; }
    state.page = index;
    if (!hasSeen(index)) { state.seen.push(index); }
    for (var i = 0; i < pages.length; i++) { pages[i].hidden = i !== index; }
    $("page-done").hidden = true;
    $("stage").scrollTop = 0;
    renderProgress();
    renderNav();
    if (index === QUIZ_PAGE) { renderQuiz(); }
    saveProgress();
    if (moveFocus) {
      var h = pages[index].getElementsByTagName("h1")[0];
      if (h) { h.focus(); }
    }
  }

  /* ---------------- Quiz ---------------- */
  function radios(field) {
    return quizForm.querySelectorAll('input[name="' + field + '"]');
  }

  function selectedValue(field) {
    var list = radios(field);
    for (var i = 0; i < list.length; i++) {
      if (list[i].checked) { return list[i].value; }
    }
    return "";
  }

  function renderQuiz() {
    for (var q = 0; q < QUESTIONS.length; q++) {
      var question = QUESTIONS[q];
      var list = radios(question.field);
      var answer = state.answers[question.field] || "";
      for (var i = 0; i < list.length; i++) {
        list[i].checked = list[i].value === answer;
        list[i].disabled = state.submitted;
        var label = list[i].parentNode;
        label.className = !state.submitted ? "" :
          (list[i].value === answer ? "chosen" : "") +
          (list[i].value === question.correct ? " answer" : "");
      }
      var box = $(question.field);
      var fb = $(question.field + "-feedback");
      if (state.submitted) {
        var right = answer === question.correct;
        box.className = "question answered " + (right ? "correct" : "incorrect");
        fb.textContent = right ? question.explainRight : question.explainWrong;
        fb.hidden = false;
      } else {
        box.className = "question";
        fb.textContent = "";
        fb.hidden = true;
      }
    }
    renderNav();
    $("quiz-error").hidden = true;
    renderResult();
  }

  function renderResult() {
    var box = $("result");
    if (!state.submitted) { box.hidden = true; return; }
    var scaled = state.correct / QUESTIONS.length;
    var percent = Math.round(scaled * 100);
    var passed = scaled >= PASS_SCALED;
    $("result-percent").textContent = percent + "%";
    var badge = $("result-badge");
    badge.textContent = passed ? "Passed" : "Not passed yet";
    badge.className = "result-badge" + (passed ? "" : " failed");
    $("result-text").textContent = "You answered " + state.correct + " of " + QUESTIONS.length +
      " questions correctly. " + (passed ?
        "Well done \u2014 choose Finish to close the course, or try the quiz again." :
        "The pass mark is 75%. Review the feedback above and try again, or choose Finish to stop here.");
    box.hidden = false;
  }

  function interactionIndex() {
    var n = parseInt(lms.get("cmi.interactions._count"), 10);
    return isNaN(n) ? 0 : n;
  }

  function recordInteractions(when) {
    if (!lms.active) { return; }
    var n = interactionIndex();
    var stamp = timestamp(when);
    for (var q = 0; q < QUESTIONS.length; q++) {
      var question = QUESTIONS[q];
      var answer = state.answers[question.field] || "";
      var prefix = "cmi.interactions." + (n + q) + ".";
      lms.set(prefix + "id", question.id);
      lms.set(prefix + "type", question.type);
      lms.set(prefix + "timestamp", stamp);
      lms.set(prefix + "description", question.description);
      lms.set(prefix + "correct_responses.0.pattern", question.correct);
      lms.set(prefix + "learner_response", answer);
      lms.set(prefix + "result", answer === question.correct ? "correct" : "incorrect");
    }
  }

  function submitQuiz(ev) {
    if (ev && ev.preventDefault) { ev.preventDefault(); }
    if (state.submitted) { return; }
    var missing = [];
    var q;
    for (q = 0; q < QUESTIONS.length; q++) {
      var value = selectedValue(QUESTIONS[q].field);
      if (value) {
        state.answers[QUESTIONS[q].field] = value;
      } else {
        missing.push(q + 1);
      }
    }
    if (missing.length) {
      var err = $("quiz-error");
      err.textContent = "Please answer question" + (missing.length > 1 ? "s " : " ") + missing.join(", ") + " first.";
      err.hidden = false;
      var first = radios(QUESTIONS[missing[0] - 1].field)[0];
      if (first) { first.focus(); }
      return;
    }

    var correct = 0;
    for (q = 0; q < QUESTIONS.length; q++) {
      if (state.answers[QUESTIONS[q].field] === QUESTIONS[q].correct) { correct += 1; }
    }
    state.submitted = true;
    state.correct = correct;
    var scaled = correct / QUESTIONS.length;

    if (lms.active) {
      recordInteractions(new Date());
      lms.set("cmi.score.raw", Math.round(scaled * 100));
      lms.set("cmi.score.min", 0);
      lms.set("cmi.score.max", 100);
      lms.set("cmi.score.scaled", scaled);
      lms.set("cmi.success_status", scaled >= PASS_SCALED ? "passed" : "failed");
      lms.set("cmi.completion_status", "completed");
      lms.set("cmi.progress_measure", progressMeasure());
      lms.set("cmi.suspend_data", suspendData());
      lms.commit();
    }

    renderQuiz();
    $("result").focus();
  }

  function retryQuiz() {
    state.submitted = false;
    state.correct = 0;
    state.answers = {};
    renderQuiz();
    saveAnswersOnly();
    lms.commit();
    var first = radios(QUESTIONS[0].field)[0];
    if (first) { first.focus(); }
  }

  /* ---------------- Ending the session ---------------- */
  function endSession() {
    if (!lms.active) { return; }
    lms.set("cmi.exit", finished ? "normal" : "suspend");
    lms.set("cmi.session_time", isoDuration(new Date().getTime() - startTime));
    lms.terminate();
  }

  function finishCourse() {
    finished = true;
    if (lms.active) {
      lms.set("cmi.suspend_data", suspendData());
    }
    endSession();
    for (var i = 0; i < pages.length; i++) { pages[i].hidden = true; }
    var done = $("page-done");
    var summary = "";
    if (state.submitted) {
      var percent = Math.round(state.correct / QUESTIONS.length * 100);
      summary = "Your quiz score: " + percent + "% (" +
        (state.correct / QUESTIONS.length >= PASS_SCALED ? "passed" : "not passed") + "). ";
    }
    $("done-text").textContent = summary + (lms.terminated ?
      "Your results are saved. You can close this course now." :
      "No LMS was found, so your results were not saved.");
    done.hidden = false;
    renderProgress();
    renderNav();
    $("h-done").focus();
  }

  /* ------------------------------------------------------------------ *
   * Start-up                                                            *
   * ------------------------------------------------------------------ */
  function start() {
    var first = 0;
    if (lms.init()) {
      if (lms.get("cmi.entry") === "resume") {
        restore(lms.get("cmi.suspend_data"));
        var fromLocation = pageFromLocation(lms.get("cmi.location"));
        first = fromLocation >= 0 ? fromLocation : state.page;
      }
    } else {
      $("lms-notice").hidden = false;
    }
    if (!(first >= 0 && first < TOTAL_PAGES)) { first = 0; }

    btnBack.addEventListener("click", function () { showPage(state.page - 1, true); });
    btnNext.addEventListener("click", function () { showPage(state.page + 1, true); });
    quizForm.addEventListener("submit", submitQuiz);
    quizForm.addEventListener("change", function (ev) {
      var t = ev.target;
      if (t && t.type === "radio" && !state.submitted) {
        state.answers[t.name] = t.value;
        $("quiz-error").hidden = true;
        saveAnswersOnly();
      }
    });
    $("btn-retry").addEventListener("click", retryQuiz);
    $("btn-finish").addEventListener("click", finishCourse);

    // Leaving the page: suspend unless the learner chose Finish.
    window.addEventListener("pagehide", endSession);
    window.addEventListener("beforeunload", endSession);

    showPage(first, false);
  }

  start();
}());
