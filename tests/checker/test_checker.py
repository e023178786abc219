"""The course checker (issue 17): package validation, unattended runs in the real player, verdicts, reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from data.crafted.checker import make_checker_package
from scorm_desktop.checker.idle import IdleWatch
from scorm_desktop.checker.report import BROKEN, OK, WARNINGS
from scorm_desktop.checker.static import check_static

ROOT = Path(__file__).resolve().parent.parent.parent

#: bad/ package -> the finding code that names what its file name says is wrong.
BAD = {
    "catapult-lts-209-not-a-zip.zip": ("refused", "not a ZIP archive"),
    "emp-bad-cts-cm01-brokendefaultorg.zip": ("default-org", "NONEXISTENT_ORG"),
    "emp-bad-danglingidref-12.zip": ("dangling-ref", "non_existent_resource"),
    "emp-bad-invalidfilerefs-12.zip": ("missing-launch-file", "content/nonexistent.html"),
    "emp-bad-malformedxml-12.zip": ("refused", "not well-formed"),
    "emp-bad-missingfields-12.zip": ("missing-launch-file", "content/index.html"),
    "emp-bad-missinglaunchurl-12.zip": ("refused", "no item that can be launched"),
    "emp-bad-missingorgid-2004.zip": ("missing-org-id", "has no identifier"),
    "emp-bad-noschemaversion-2004.zip": ("no-schemaversion", "schemaversion"),
    "moodle-badscorm.zip": ("refused", "empty"),
    "moodle-invalid.zip": ("refused", "no imsmanifest.xml"),
    "moodle-singlescobasic-missingorg.zip": ("no-organization", "no organization"),
    "moodle-validaicc.zip": ("refused", "AICC"),
    "moodle-validscorm.zip": ("refused", "empty"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_packages_are_broken_for_the_reason_their_name_gives(corpus, name):
    code, words = BAD[name]
    report = check_static(corpus / "bad" / name).report
    report.decide()
    assert report.verdict == BROKEN
    hits = [f for f in report.findings if f.code == code]
    assert hits, [(f.code, f.message) for f in report.findings]
    assert words.lower() in hits[0].message.lower()
    assert report.reason  # one sentence for the verdict


def test_every_bad_package_is_listed(corpus):
    assert sorted(BAD) == sorted(p.name for p in (corpus / "bad").glob("*.zip"))


def test_valid_manifests_of_each_edition_pass_their_schemas(corpus):
    for name in ("golf-cp-onefilepersco-12.zip", "golf-cp-singlesco-2004-2nd.zip", "golf-cp-singlesco-2004-3rd.zip",
                 "golf-seq-posttest-2004-4th.zip", "golf-rt-minimum-2004-3rd.zip"):
        report = check_static(corpus / "good" / name).report
        assert not [f.message for f in report.findings if f.level != "note"], name


def test_a_schema_violation_is_named_with_its_place(corpus):
    # the prerequisites sample writes adlcp:dataFromLMS, which SCORM 1.2 spells adlcp:datafromlms
    report = check_static(corpus / "good" / "emp-prerequisites-12.zip").report
    schema = [f for f in report.findings if f.code == "schema"]
    assert schema and "adlcp:dataFromLMS" in schema[0].message
    assert schema[0].detail["schemas"] == "scorm12"
    notes = {f.code for f in report.findings if f.level == "note"}
    assert {"prerequisites", "launch-data"} <= notes  # unusual but legal: noted, not held against it
    report.decide()
    assert report.verdict == WARNINGS


def test_the_crafted_package_is_checked_statically(tmp_path):
    pkg = make_checker_package(tmp_path / "crafted.zip")
    result = check_static(pkg)
    codes = {(f.code, f.detail.get("path")) for f in result.report.findings}
    assert ("missing-file", "images/missing.png") in codes
    assert ("case-mismatch", "Images/Logo.PNG") in codes
    assert [i.identifier for i in result.report.items] == ["good", "image", "case", "noinit", "invalid"]
    assert result.runnable


def test_duplicate_identifiers_and_undeliverable_sequencing(tmp_path):
    folder = tmp_path / "dup"
    folder.mkdir()
    (folder / "a.html").write_text("<p>a</p>", encoding="utf-8")
    (folder / "imsmanifest.xml").write_text("""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="dup" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Dup</title>
    <item identifier="x" identifierref="r"><title>One</title></item>
    <item identifier="x" identifierref="r"><title>Two</title></item>
    <imsss:sequencing><imsss:controlMode choice="false" flow="false"/></imsss:sequencing>
  </organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="a.html"><file href="a.html"/>
  </resource></resources>
</manifest>""", encoding="utf-8")
    report = check_static(folder).report
    codes = {f.code for f in report.findings}
    assert {"duplicate-id", "undeliverable"} <= codes
    report.decide()
    assert report.verdict == BROKEN


def test_idle_watch_counts_calls_and_waits_for_quiet():
    now = [0.0]
    watch = IdleWatch(10, clock=lambda: now[0])
    watch.api_calls(3)
    now[0] = 9.9
    assert not watch.idle()
    watch.activity()  # a navigation
    now[0] = 19.8
    assert not watch.idle()
    now[0] = 20.0
    assert watch.idle()
    assert "after 3 API calls:" in watch.sentence()


def _cli(tmp_path, *args, timeout=240):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", str(tmp_path / "data"), "check", *args],
                          capture_output=True, text=True, timeout=timeout, env=env)


def test_check_command_static_json_and_exit_status(tmp_path, corpus):
    out = _cli(tmp_path, "--static", "--json", str(corpus / "good" / "golf-cp-singlesco-2004-3rd.zip"),
               str(corpus / "bad" / "emp-bad-danglingidref-12.zip"))
    assert out.returncode == 1, out.stderr
    doc = json.loads(out.stdout)
    assert doc["verdict"] == BROKEN
    first, second = doc["packages"]
    assert first["verdict"] == OK and first["edition"] == "2004 3rd Edition"
    assert second["verdict"] == BROKEN and second["findings"][0]["code"] == "dangling-ref"
    assert set(first) >= {"source", "title", "identifier", "standard", "edition", "findings", "items", "verdict",
                          "reason", "seconds"}
    assert set(first["items"][0]) >= {"identifier", "title", "kind", "href", "run", "findings", "verdict", "reason"}
    assert "Traceback" not in out.stderr


def test_check_command_refuses_what_names_nothing(tmp_path):
    out = _cli(tmp_path, "no-such-package.zip")
    assert out.returncode == 2
    assert out.stderr.strip() == ("error: 'no-such-package.zip' is neither a package (a ZIP file or a folder) nor a "
                                  "course in the library.")
    assert "Traceback" not in out.stderr
