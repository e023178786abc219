"""Crafted cmi5 and Tin Can packages, generated in a test's tmp_path (never committed as binaries).

`course_xml()` writes a cmi5.xml from plain arguments; `package()` zips it with the files named; the named helpers
make each hostile or broken variant the import must refuse.
"""

from __future__ import annotations

import json
import uuid
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
COURSE_ID = "https://example.com/courses/crafted"


def langs(tag: str, text: str) -> str:
    return f"<{tag}><langstring lang='en-US'>{escape(text)}</langstring></{tag}>"


def au(au_id: str = "https://example.com/au/1", url: str = "index.html", title: str = "AU one", *,
       extra: str = "", attrs: dict[str, str] | None = None) -> str:
    attr = "".join(f" {k}={quoteattr(v)}" for k, v in (attrs or {}).items())
    return (f"<au id={quoteattr(au_id)}{attr}>{langs('title', title)}{langs('description', title)}"
            f"<url>{escape(url)}</url>{extra}</au>")


def block(block_id: str, *children: str, title: str = "Block") -> str:
    return f"<block id={quoteattr(block_id)}>{langs('title', title)}{langs('description', title)}{''.join(children)}</block>"


def course_xml(*children: str, course_id: str = COURSE_ID, objectives: str = "", title: str = "Crafted course") -> str:
    body = "".join(children) if children else au()
    return (f"<?xml version='1.0' encoding='utf-8'?><courseStructure xmlns='{NS}'>"
            f"<course id={quoteattr(course_id)}>{langs('title', title)}{langs('description', title)}</course>"
            f"{objectives}{body}</courseStructure>")


def package(tmp: Path, xml: str, files: dict[str, str] | None = None, name: str = "crafted.zip",
            descriptor: str = "cmi5.xml") -> Path:
    path = Path(tmp) / name
    files = {"index.html": "<html><body>AU</body></html>"} if files is None else files
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(descriptor, xml)
        for rel, text in files.items():
            z.writestr(rel, text)
    return path


def tincan_xml(activities: str | None = None) -> str:
    acts = activities if activities is not None else (
        "<activity id='https://example.com/tincan/course' type='http://adlnet.gov/expapi/activities/course'>"
        "<name>Crafted Tin Can</name><description lang='en-US'>d</description><launch lang='en-us'>index.html</launch>"
        "</activity>"
    )
    return f"<?xml version='1.0'?><tincan xmlns='http://projecttincan.com/tincan.xsd'><activities>{acts}</activities></tincan>"


# ------------------------------------------------------------------------------------------------ named variants


def duplicate_au_ids(tmp: Path) -> Path:
    return package(tmp, course_xml(au("https://example.com/au/1"), au("https://example.com/au/1", title="Again")))


def missing_launch_file(tmp: Path) -> Path:
    return package(tmp, course_xml(au(url="lesson/start.html?x=1")))


def bad_au_iri(tmp: Path) -> Path:
    return package(tmp, course_xml(au("not an iri")))


def absolute_url_au(tmp: Path) -> Path:
    return package(tmp, course_xml(au(url="https://courses.example.com/au/index.html")))


def bare_remote_structure(tmp: Path) -> Path:
    path = Path(tmp) / "cmi5.xml"
    path.write_text(course_xml(au(url="https://courses.example.com/au/index.html")), encoding="utf-8")
    return path


def bad_move_on(tmp: Path) -> Path:
    return package(tmp, course_xml(au(attrs={"moveOn": "Whenever"})))


def bad_mastery_score(tmp: Path) -> Path:
    return package(tmp, course_xml(au(attrs={"masteryScore": "1.5"})))


def entity_bomb(tmp: Path) -> Path:
    xml = ("<?xml version='1.0'?><!DOCTYPE lol [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;'>]>"
           + course_xml().split("?>", 1)[1].replace("Crafted course", "&b;"))
    return package(tmp, xml)


def both_manifests(tmp: Path) -> Path:
    return package(tmp, course_xml(), files={
        "index.html": "<html></html>",
        "imsmanifest.xml": "<manifest identifier='m'><organizations/><resources/></manifest>",
    })


# ------------------------------------------------------------------------------------------------ a course and an AU

ENDPOINT = "course://c9/__xapi__/"
FETCH = "course://c9/__cmi5_fetch__/"
AU1, AU2, AU3 = (f"https://example.com/au/{n}" for n in (1, 2, 3))
BLOCK = "https://example.com/block/1"
CATEGORY_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
CATEGORY_MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
BLOCK_COURSE_FILES = {"a1/index.html": "<html/>", "a2/index.html": "<html/>", "a3/index.html": "<html/>"}


def block_course_xml() -> str:
    """A block of two AUs (moveOn Completed; Passed with masteryScore 0.8) and a NotApplicable AU."""
    return course_xml(
        block(
            BLOCK,
            au(AU1, "a1/index.html", "Lesson", attrs={"moveOn": "Completed"}),
            au(AU2, "a2/index.html?lang=en", "Quiz", attrs={"moveOn": "Passed", "masteryScore": "0.8"},
               extra="<launchParameters>level=2</launchParameters>"),
        ),
        au(AU3, "a3/index.html", "Extra", attrs={"moveOn": "NotApplicable"}),
    )


class AU:
    """A crafted AU, written from the cmi5 spec and the launch URL only. `rig` has .lms (fetch) and .lrs (handle).

    What an AU does with its launch URL: fetch the token once, read LMS.LaunchData, send statements."""

    def __init__(self, rig, launch) -> None:
        self.rig, self.launch = rig, launch
        q = {k: vals[0] for k, vals in parse_qs(urlsplit(launch.url).query).items()}
        self.endpoint, self.fetch_url = q["endpoint"], q["fetch"]
        self.actor, self.registration, self.activity_id = json.loads(q["actor"]), q["registration"], q["activityId"]
        self.token = None

    def fetch(self) -> tuple[int, dict]:
        return self.rig.lms.fetch(self.fetch_url[len(FETCH):])

    def start(self) -> dict:
        status, body = self.fetch()
        assert status == 200, body
        self.token = body["auth-token"]
        q = {"activityId": self.activity_id, "agent": json.dumps(self.actor), "registration": self.registration,
             "stateId": "LMS.LaunchData"}
        resp = self.request("GET", "activities/state", q)
        assert resp.status == 200, resp.body
        self.launch_data = resp.json()
        return self.launch_data

    def request(self, method, path, query=None, body=b""):
        from scorm_desktop.lrs import Request

        headers = {"X-Experience-API-Version": "1.0.3", "Authorization": f"Basic {self.token}",
                   "Content-Type": "application/json"}
        return self.rig.lrs.handle(Request(method, path, query or {}, headers, body))

    def statement(self, verb: str, result: dict | None = None, defined: bool = True, **over) -> dict:
        ctx = json.loads(json.dumps(self.launch_data["contextTemplate"]))
        ctx["registration"] = self.registration
        cats = [{"id": CATEGORY_CMI5}] if defined else []
        if result and ("success" in result or "completion" in result):
            cats.append({"id": CATEGORY_MOVEON})
        if cats:
            ctx["contextActivities"]["category"] = cats
        st = {"id": str(uuid.uuid4()), "actor": self.actor, "verb": {"id": verb},
              "object": {"objectType": "Activity", "id": self.activity_id}, "context": ctx}
        if result is not None:
            st["result"] = result
        st.update(over)
        return st

    def send(self, verb: str, result: dict | None = None, **kw):
        return self.request("POST", "statements", body=json.dumps(self.statement(verb, result, **kw)).encode())


#: An AU written for the tests from the cmi5 spec alone (plain fetch, no library): it fetches its token, reads
#: LMS.LaunchData, and sends initialized, completed and terminated, logging each answer's status to the console.
SELF_COMPLETING_AU = """<!doctype html><html><head><meta charset="utf-8"><title>Self-completing AU</title></head>
<body><p id="out">starting</p><script>
(async () => {
  const CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  const MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  const q = new URLSearchParams(location.search);
  const endpoint = q.get("endpoint"), actor = JSON.parse(q.get("actor"));
  const reg = q.get("registration"), act = q.get("activityId");
  const token = (await (await fetch(q.get("fetch"), {method: "POST"})).json())["auth-token"];
  const H = {"Authorization": "Basic " + token, "X-Experience-API-Version": "1.0.3",
             "Content-Type": "application/json"};
  const sq = new URLSearchParams({activityId: act, agent: JSON.stringify(actor), registration: reg,
                                  stateId: "LMS.LaunchData"});
  const ld = await (await fetch(endpoint + "activities/state?" + sq, {headers: H})).json();
  const send = async (verb, result, moveon) => {
    const ctx = JSON.parse(JSON.stringify(ld.contextTemplate));
    ctx.registration = reg;
    ctx.contextActivities.category = [{id: CMI5}].concat(moveon ? [{id: MOVEON}] : []);
    const st = {actor, verb: {id: "http://adlnet.gov/expapi/verbs/" + verb}, object: {id: act}, context: ctx};
    if (result) st.result = result;
    const r = await fetch(endpoint + "statements", {method: "POST", headers: H, body: JSON.stringify(st)});
    console.log(verb + " " + r.status);
  };
  await send("initialized");
  if (ld.launchMode === "Normal") await send("completed", {completion: true, duration: "PT1S"}, true);
  await send("terminated", {duration: "PT2S"});
  document.getElementById("out").textContent = "done";
})().catch(e => console.log("AU error " + e));
</script></body></html>"""


def self_completing_course(tmp: Path) -> Path:
    xml = course_xml(au("https://example.com/au/self", url="au.html", title="Self-completing",
                        attrs={"moveOn": "Completed"}), title="Self-completing course")
    return package(tmp, xml, {"au.html": SELF_COMPLETING_AU}, name="self-completing.zip")
