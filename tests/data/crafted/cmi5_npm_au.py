"""A cmi5 AU written for the tests with a third-party client library: `@xapi/cmi5` from npm (installed by
scripts/setup-cmi5-client.sh into .cmi5-client/), whose browser bundle the package carries unchanged. So the launch
parameters, the fetch, LMS.LaunchData, the learner preferences, a state document and the statements are all sent by
code nobody here wrote. Built in a test's tmp_path, never committed as a binary.

The page: on load, `Cmi5.instance` reads the launch URL, `initialize()` fetches the token and sends "initialized";
the AU then writes and reads back a "bookmark" state document and enables its Finish button. Finish sends
progressed (50 %), passed (0.9), completed and terminated, then goes to LaunchData's returnURL. It asks for a window
of its own (launchMethod OwnWindow): the player window is that window. `window.au` says
where it is (`state`: loading, ready, finishing, terminated, error) for the test that drives it.
"""

from __future__ import annotations

from pathlib import Path

from . import cmi5 as crafted

ROOT = Path(__file__).resolve().parents[3]
#: Where scripts/setup-cmi5-client.sh puts the library's browser bundle.
BUNDLE = ROOT / ".cmi5-client" / "node_modules" / "@xapi" / "cmi5" / "dist" / "Cmi5.umd.js"
AU_ID = "https://example.com/npm-cmi5/au/1"
MASTERY = 0.8

INDEX = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>npm cmi5 AU</title>
<script src="Cmi5.umd.js"></script></head>
<body>
<h1>An AU built on @xapi/cmi5</h1>
<p>Launch mode: <span id="mode">?</span></p>
<button id="finish" disabled onclick="finish()">Finish</button>
<ul id="log"></ul>
<script>
window.au = {state: "loading", error: null, bookmark: null};
function note(text) {
  const li = document.createElement("li"); li.textContent = text; document.getElementById("log").appendChild(li);
}
function failed(e) {
  window.au.state = "error";
  window.au.error = String((e && e.response && JSON.stringify(e.response.data)) || (e && e.message) || e);
  note("error: " + window.au.error);
}
(async () => {
  try {
    const cmi5 = Cmi5.instance;
    window.au.cmi5 = cmi5;
    await cmi5.initialize();
    const lp = cmi5.getLaunchParameters();
    document.getElementById("mode").textContent = cmi5.getLaunchData().launchMode;
    const where = {agent: lp.actor, activityId: lp.activityId, registration: lp.registration, stateId: "bookmark"};
    await cmi5.xapi.setState(Object.assign({state: {page: 2}}, where));
    window.au.bookmark = (await cmi5.xapi.getState(where)).data;
    window.au.preferences = cmi5.getLearnerPreferences();
    window.au.state = "ready";
    document.getElementById("finish").disabled = false;
    note("ready");
  } catch (e) { failed(e); }
})();
async function finish() {
  const cmi5 = window.au.cmi5;
  window.au.state = "finishing";
  try {
    await cmi5.progress(50);
    await cmi5.pass(0.9);
    await cmi5.complete();
    await cmi5.terminate();
    window.au.state = "terminated";
    const back = cmi5.getLaunchData().returnURL;
    if (back) { window.location.href = back; }
  } catch (e) { failed(e); }
}
</script>
</body></html>
"""


def build(tmp: Path, bundle: Path = BUNDLE) -> Path:
    """The AU's package (cmi5.xml, index.html, the library's bundle as published) in `tmp`."""
    xml = crafted.course_xml(crafted.au(AU_ID, url="index.html", title="npm cmi5 AU",
                                        attrs={"moveOn": "CompletedAndPassed", "masteryScore": str(MASTERY),
                                               "launchMethod": "OwnWindow"}),
                             course_id="https://example.com/npm-cmi5/course", title="An AU on @xapi/cmi5")
    return crafted.package(tmp, xml, {"index.html": INDEX, "Cmi5.umd.js": bundle.read_text(encoding="utf-8")},
                           name="npm-cmi5-au.zip")
