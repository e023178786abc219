"""ADL's SCORM 2004 4th Edition LMS test cases (tests/conformance/adl/, Apache-2.0), read into plain data.

A case (`cases/<name>.properties`) is the list of launches the LMS must make, in order: for each, the activity
("Act3V2" = Activity 3, its second visit), the API calls the test SCO makes (`commands.N`, written in the short
vocabulary of `adl/Commands.properties`) with the answers it expects, and, after the SCO ends, what the tester does
(`CUI`: Continue, Previous, Choice~Activity N, Exit, relaunch the package, ...). The package is the case's
`packages/<name>.xml` manifest; its SCO is replaced by our replay page (`replay.js`).

`case.unattended` tells whether every tester action can be expressed as a navigation request of the player; when
not, `case.needs_tester` says why.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ADL = HERE / "adl"

#: What the tester does after a launch -> (action, argument). Anything else needs a person.
_NAV_CUI = {"Continue": ("continue", None), "Previous": ("previous", None), "TRIGExitAll": ("exitAll", None)}
#: Relaunch instructions that also say what to choose once the course is open again.
RELAUNCH_CHOICE = {"RelaunchCM10": "Activity 4"}
#: Tester instructions that only say "the test is over": nothing more to do (the course must not launch more).
_END_CUI = ("Exit", "AutoTest", "HasEnded", "OKEnd", "")


def _dictionary() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (ADL / "Commands.properties").read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            out[key.strip()] = value
    return out


WORDS = _dictionary()


@dataclass
class Command:
    """One scripted API call: fn is "I", "T", "C", "GET", "SET", "GLE", "GES", "GeDi" or "COI"."""

    fn: str
    element: str = ""
    value: str = ""
    expected: str = ""
    error: str = "0"

    def to_json(self) -> dict:
        return {"fn": self.fn, "element": self.element, "value": self.value}


@dataclass
class Launch:
    act: str  # the activity's number as the case names it ("3" for Activity 3)
    visit: int
    commands: list[Command] = field(default_factory=list)
    cui: str = ""
    uiq: str = ""
    uia: str = ""

    @property
    def tester_navigates(self) -> bool:
        return tester_request(self.cui) is not None


#: Instructions that end with the tester relaunching the course (after whatever they first ask).
_RELAUNCH_CUI = ("Relaunch", "ExitCM09ba", "ContinueExitCM8")
#: Instructions to choose an activity once the SCO has ended itself (the sequencing session goes on).
AFTER_END_CHOICE = {"RootSX4b": "the activity that corresponds to the root"}


def relaunches(cui: str) -> bool:
    return cui.startswith(_RELAUNCH_CUI)


def tester_request(cui: str) -> tuple[str, str | None] | None:
    """The navigation event a tester instruction asks for while the SCO runs: (request, activity title), or None."""
    if cui in _NAV_CUI:
        return _NAV_CUI[cui]
    if cui == "ContinueExitCM8":
        return "continue", None
    if cui == "ExitCM09ba":
        return "exitAll", None  # "exit the package" while the SCO runs: its suspendAll is replaced
    if cui.startswith(("Choice~", "ChoiceExit~")):
        return "choice", cui.split("~", 1)[1]
    if cui.lower().startswith("suspend"):
        return "suspendAll", None
    return None


@dataclass
class Case:
    name: str
    start: str  # "." (start the course) or the title of the activity to choose first
    launches: list[Launch]
    manifest: str

    @property
    def needs_tester(self) -> str:
        """Why the case needs a person ("" when it runs unattended)."""
        for launch in self.launches:
            cui = launch.cui
            if "corresponds to the root" in cui or cui in AFTER_END_CHOICE:
                return (f"after Activity {launch.act} the tester chooses the organization itself (the root), which "
                        "the player's contents list does not offer")
            if cui in _END_CUI or tester_request(cui) or relaunches(cui):
                continue
            return f"after Activity {launch.act} the tester must: {cui}"
        for launch in self.launches:
            for c in launch.commands:
                if c.fn not in ("I", "T", "C", "GET", "SET", "GLE", "GES", "GeDi", "COI"):
                    return f"unknown command {c.fn}"
        if self.start != "." and not re.match(r"^Activity \d+$", self.start):
            return f"the tester starts by choosing “{self.start}”"
        return ""

    @property
    def unattended(self) -> bool:
        return not self.needs_tester

    def titles(self) -> dict[str, str]:
        """Item title -> identifier, from the manifest; the tester's "the activity that corresponds to the root of
        ..." names the organization."""
        out = {m.group(2).strip(): m.group(1) for m in re.finditer(
            r'<item\s[^>]*identifier\s*=\s*"([^"]+)"[^>]*>\s*<title>([^<]*)</title>', self.manifest)}
        org = re.search(r'<organization\s[^>]*identifier\s*=\s*"([^"]+)"', self.manifest)
        if org:
            out[AFTER_END_CHOICE["RootSX4b"]] = org.group(1).strip()
            for launch in self.launches:
                if "corresponds to the root" in launch.cui:
                    out[launch.cui.split("~", 1)[1]] = org.group(1).strip()
        return out

    def script_json(self) -> str:
        """What the replay page needs: every launch's activity and calls, in order, and whether the SCO terminates
        itself (not when the tester ends it with a navigation event: then the LMS's request replaces whatever
        adl.nav.request the SCO left, ADL CM-09aa)."""
        return json.dumps({"tc": self.name, "launches": [
            {"act": la.act, "commands": [c.to_json() for c in la.commands], "terminate": not la.tester_navigates}
            for la in self.launches]})


def _word(token: str) -> str:
    return WORDS.get(token, token)


def _tokens(text: str, sep: str) -> str:
    """'c~OB~&obj1&~SS' -> 'cmi.objectives.&obj1&.success_status'; 'tar~act~TY.c' -> '{target=act}choice'."""
    parts = text.split("~") if text else []
    out: list[str] = []
    i = 0
    while i < len(parts):
        tok = parts[i]
        if tok == "tar" and i + 1 < len(parts):
            out.append("{target=%s}" % parts[i + 1])
            i += 2
            continue
        out.append(_word(tok))
        i += 1
    if sep == "":
        return "".join(out)
    # a target glues to the word before it in an element: adl.nav.request_valid.choice.{target=x}
    return sep.join(out)


def decode(line: str) -> Command:
    parts = line.split("->")
    fn = parts[0]
    param = parts[1] if len(parts) > 1 else ""
    expected = parts[2] if len(parts) > 2 else ""
    error = parts[3] if len(parts) > 3 else "0"
    if fn == "COI":
        return Command("COI", value=param, expected=param)
    element, value = param, ""
    if "!" in param:
        element, value = param.split("!", 1)
        value = _tokens(value, "")
    element = _tokens(element, ".")
    expected_value = _tokens(expected, "")
    return Command(fn, element, value, expected_value, error or "0")


def load_case(name: str) -> Case:
    text = (ADL / "cases" / f"{name}.properties").read_text(encoding="utf-8", errors="replace")
    text = text.replace("\\\n", "")
    start = "."
    launches: list[Launch] = []
    current = None
    for raw in text.splitlines():
        if "=" not in raw or raw.startswith("#"):
            continue
        key, value = raw.split("=", 1)
        key = key.strip()
        if key == "start":
            start = value.strip()
            continue
        m = re.match(r"^Act(\d+)V(\d+)\.(\w+)", key)
        if not m:
            continue
        tag = (m.group(1), int(m.group(2)))
        if current is None or (current.act, current.visit) != tag:
            current = Launch(m.group(1), tag[1])
            launches.append(current)
        what = m.group(3)
        if what == "commands":
            current.commands.append(decode(value))
        elif what == "CUI":
            current.cui = value.strip()
        elif what == "UIQ":
            current.uiq = value.strip()
        elif what == "UIA":
            current.uia = value.strip()
    manifest = (ADL / "packages" / f"{name}.xml").read_text(encoding="utf-8", errors="replace")
    return Case(name, start, launches, manifest)


def all_cases() -> list[Case]:
    return [load_case(p.stem) for p in sorted((ADL / "cases").glob("*.properties"))]


def write_package(case: Case, folder: Path) -> Path:
    """The case's package: its manifest, and our replay page where ADL's test SCO was (resources/SequencingTest.htm
    and every other file the manifest lists, so the import's file checks pass)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "imsmanifest.xml").write_text(case.manifest, encoding="utf-8")
    page = (HERE / "replay.html").read_text(encoding="utf-8").replace("/*SCRIPT*/null", case.script_json())
    for m in re.finditer(r'<resource\s[^>]*>.*?</resource>', case.manifest, re.S):
        res = m.group(0)
        base = re.search(r'xml:base\s*=\s*"([^"]*)"', res)
        prefix = base.group(1) if base else ""
        hrefs = re.findall(r'<file\s+href\s*=\s*"([^"]+)"', res)
        head = re.search(r'<resource\s[^>]*href\s*=\s*"([^"]+)"', res)
        if head:
            hrefs.append(head.group(1))
        for href in hrefs:
            path = folder / (prefix + href.split("?")[0])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page if path.suffix.lower() in (".htm", ".html") else "", encoding="utf-8")
    return folder


def check_launch(launch: Launch, results: list[dict]) -> list[str]:
    """Differences between what the script expects and what the replay page got, one sentence each."""
    problems = []
    for i, (cmd, got) in enumerate(zip(launch.commands, results)):
        if cmd.fn == "COI":
            want = sorted(x for x in cmd.expected.split(",") if x)
            have = sorted(got.get("ids") or [])
            if want != have:
                problems.append(f"#{i} objective ids {have}, expected {want}")
            continue
        value, error = got.get("value"), str(got.get("error"))
        if value is None:
            problems.append(f"#{i} {cmd.fn} {cmd.element}: {error}")
            continue
        # what ADL's TestCaseEvaluator compares: learner_name, GetErrorString and GetDiagnostic by error code only;
        # an objective's id looked up by id with no expected value must be that id
        if cmd.fn == "GET" and "&" in cmd.element and cmd.element.endswith(".id") and cmd.expected == "":
            want = cmd.element.split("&")[1]
        elif (cmd.fn == "GET" and "learner_name" in cmd.element) or cmd.fn in ("GES", "GeDi", "GLE"):
            want = value
        else:
            want = cmd.expected
        if value != want:
            problems.append(f"#{i} {cmd.fn} {cmd.element} {cmd.value!r} returned {value!r}, expected {want!r}")
        if cmd.fn != "GLE" and error != cmd.error:
            problems.append(f"#{i} {cmd.fn} {cmd.element} {cmd.value!r} error {error}, expected {cmd.error}")
    if len(results) < len(launch.commands):
        problems.append(f"only {len(results)} of {len(launch.commands)} calls made")
    return problems
