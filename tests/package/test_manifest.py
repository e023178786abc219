"""Manifest parsing: every corpus package, then one hand-written manifest per feature or trap."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from scorm_desktop.package.archive import open_package
from scorm_desktop.package.manifest import parse_manifest
from scorm_desktop.package.model import SCORM_12, SCORM_2004, Manifest, PackageError

# --------------------------------------------------------------------------------------------------- corpus

#: good/ SCORM packages: (standard, edition, number of launchable items).
GOOD_SCORM = {
    "emp-cp-withmetadata-12.zip": (SCORM_12, "1.2", 1),
    "emp-prerequisites-12.zip": (SCORM_12, "1.2", 4),
    "golf-cp-onefilepersco-12.zip": (SCORM_12, "1.2", 18),
    "golf-cp-singlesco-2004-2nd.zip": (SCORM_2004, "2004 2nd Edition", 1),
    "golf-cp-singlesco-2004-3rd.zip": (SCORM_2004, "2004 3rd Edition", 1),
    "golf-rt-advanced-2004-3rd.zip": (SCORM_2004, "2004 3rd Edition", 1),
    "golf-rt-minimum-2004-3rd.zip": (SCORM_2004, "2004 3rd Edition", 18),
    "golf-seq-forcedseq-2004-3rd.zip": (SCORM_2004, "2004 3rd Edition", 5),
    "golf-seq-posttest-2004-4th.zip": (SCORM_2004, "2004 4th Edition", 5),
    "golf-seq-remediation-2004-3rd.zip": (SCORM_2004, "2004 3rd Edition", 8),
    "moodle-complexscorm.zip": (SCORM_12, "1.2", 8),
    "moodle-runtimeminimum-12.zip": (SCORM_12, "1.2", 18),
    "moodle-singlescobasic-12.zip": (SCORM_12, "1.2", 1),
}

#: good/ cmi5 and Tin Can packages: imported as such (tests/cmi5/test_cmi5_import.py).
GOOD_XAPI = {"catapult-cmi5-multi-au-framed.zip", "catapult-cmi5-single-au-basic-framed.zip", "tincan-golf-example.zip"}

#: bad/ packages that are refused as a whole: the exact sentence the trainer reads.
BAD_REFUSED = {
    "catapult-lts-209-not-a-zip.zip": "'catapult-lts-209-not-a-zip.zip' is not a ZIP archive.",
    # The ZIP holds only the manifest: the content the course launches is not there.
    "emp-bad-cts-cm01-brokendefaultorg.zip": (
        "The launch file 'resources/SequencingTest.htm' of item 'Activity 1' is missing from the package."
    ),
    "emp-bad-invalidfilerefs-12.zip": (
        "The launch file 'content/nonexistent.html' of item 'Test Item' is missing from the package."
    ),
    "emp-bad-malformedxml-12.zip": "The manifest imsmanifest.xml is not well-formed XML (line 27: mismatched tag).",
    "emp-bad-missingfields-12.zip": (
        "The launch file 'content/index.html' of item 'Test Item' is missing from the package."
    ),
    "emp-bad-missinglaunchurl-12.zip": "The package has no item that can be launched (no resource with an href).",
    "emp-bad-missingorgid-2004.zip": "The launch file 'index.html' of item 'Launch' is missing from the package.",
    "emp-bad-noschemaversion-2004.zip": (
        "The launch file 'index.html' of item 'Launch Item' is missing from the package."
    ),
    # The manifest sits in a single top folder (accepted) but is only an XML declaration.
    "moodle-badscorm.zip": "The manifest imsmanifest.xml is empty: it has no <manifest> element.",
    "moodle-invalid.zip": "The package has no imsmanifest.xml: it is not a SCORM package.",
    "moodle-validaicc.zip": "This is an AICC package; AICC is not supported yet.",
    "moodle-validscorm.zip": "The manifest imsmanifest.xml is empty: it has no <manifest> element.",
}

#: bad/ packages that still play safely: imported, with the warning that names what was tolerated.
BAD_IMPORTED = {
    "emp-bad-danglingidref-12.zip": (
        "Item 'item_1' refers to resource 'non_existent_resource', which the manifest does not define; it is skipped."
    ),
    "moodle-singlescobasic-missingorg.zip": (
        "The manifest defines no organization (no table of contents); the course was built from its "
        "only SCO resource."
    ),
}

#: bad/ manifests whose own problem is tolerated, read without the (missing) content: the warning they must carry.
BAD_MANIFEST_WARNINGS = {
    "emp-bad-cts-cm01-brokendefaultorg.zip": (
        "The default organization 'NONEXISTENT_ORG' does not exist; the first organization, "
        "'LMS Test Content Package CM-01', is used instead."
    ),
    "emp-bad-missingfields-12.zip": (
        "The organization 'default_org' has no title; the course is titled 'Test Item' instead."
    ),
    "emp-bad-missingorgid-2004.zip": (
        "The organization 'Minimal Course' has no identifier; it was given the identifier 'organization_1'."
    ),
    "emp-bad-noschemaversion-2004.zip": (
        "The manifest does not state its SCORM version (no <schemaversion>); it was read as SCORM 2004 2nd Edition, "
        "guessed from its namespaces."
    ),
}


def test_every_corpus_package_has_a_decision(corpus: Path) -> None:
    decided = set(GOOD_SCORM) | set(GOOD_XAPI) | set(BAD_REFUSED) | set(BAD_IMPORTED)
    present = {p.name for p in corpus.glob("*/*.zip")}
    assert present == decided


@pytest.mark.parametrize("name", sorted(GOOD_SCORM))
def test_good_scorm_package_imports(corpus: Path, name: str) -> None:
    standard, edition, launchable = GOOD_SCORM[name]
    with open_package(corpus / "good" / name) as src:
        manifest = src.manifest()
        assert manifest.standard == standard
        assert manifest.edition == edition
        assert not manifest.edition_guessed
        assert len(manifest.launchable_items()) == launchable
        assert manifest.title
        for item in manifest.launchable_items():
            path = manifest.launch_url(item).split("?")[0].split("#")[0]
            assert path in src.files
        assert Manifest.from_dict(manifest.to_dict()) == manifest


@pytest.mark.parametrize("name", sorted(BAD_REFUSED))
def test_bad_package_is_refused_with_a_clear_message(corpus: Path, name: str) -> None:
    with pytest.raises(PackageError) as info:
        with open_package(corpus / "bad" / name) as src:
            src.manifest()
    assert str(info.value) == BAD_REFUSED[name]


@pytest.mark.parametrize("name", sorted(BAD_IMPORTED))
def test_bad_but_playable_package_imports_with_warning(corpus: Path, name: str) -> None:
    with open_package(corpus / "bad" / name) as src:
        manifest = src.manifest()
    assert BAD_IMPORTED[name] in manifest.warnings
    assert manifest.launchable_items()


@pytest.mark.parametrize("name", sorted(BAD_MANIFEST_WARNINGS))
def test_bad_manifest_problem_is_tolerated_with_warning(corpus: Path, name: str) -> None:
    with zipfile.ZipFile(corpus / "bad" / name) as zf:
        manifest = parse_manifest(zf.read("imsmanifest.xml"))
    assert BAD_MANIFEST_WARNINGS[name] in manifest.warnings


def test_missing_org_package_builds_organization_from_scos(corpus: Path) -> None:
    with open_package(corpus / "bad" / "moodle-singlescobasic-missingorg.zip") as src:
        manifest = src.manifest()
    (item,) = manifest.launchable_items()
    assert manifest.launch_url(item) == "sso/launchpage.html"
    assert manifest.is_sco(item)


def test_dangling_identifierref_item_is_kept_without_resource(corpus: Path) -> None:
    with open_package(corpus / "bad" / "emp-bad-danglingidref-12.zip") as src:
        manifest = src.manifest()
    first, second = manifest.organization.items
    assert first.identifierref is None
    assert manifest.launchable_items() == [second]


def test_posttest_4th_edition_features(corpus: Path) -> None:
    with open_package(corpus / "good" / "golf-seq-posttest-2004-4th.zip") as src:
        manifest = src.manifest()
    org = manifest.organization
    assert org.objectives_global_to_system is False
    assert org.shared_data_global_to_system is False
    playing = org.items[0]
    assert playing.progress_weight == 0.5
    assert playing.data_maps == [
        {
            "target_id": "com.scorm.golfsamples.sequencing.forcedsequential.notesStorage",
            "read_shared_data": True,
            "write_shared_data": True,
        }
    ]
    assert playing.sequencing_xml and "imsss" in playing.sequencing_xml and "IDRef" in playing.sequencing_xml
    assert manifest.sequencing_collection_xml and "sequencingCollection" in manifest.sequencing_collection_xml


def test_prerequisites_and_12_attributes(corpus: Path) -> None:
    with open_package(corpus / "good" / "emp-prerequisites-12.zip") as src:
        items = src.manifest().organization.items
    assert items[0].mastery_score == 80
    assert items[0].max_time_allowed == "02:30:00"
    assert items[0].prerequisites is None
    assert items[0].prerequisites_type == "aicc_script"
    assert items[1].data_from_lms == "custom_data_for_module2"
    assert items[2].time_limit_action == "exit,message"
    assert items[3].prerequisites == "(module1 AND module2) OR module3"


# --------------------------------------------------------------------------------------------------- hand-written

CP12 = 'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"'
CP2004 = (
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" '
    'xmlns:imsss="http://www.imsglobal.org/xsd/imsss" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" '
    'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"'
)


RES_12 = '<resource identifier="r1" adlcp:scormtype="sco" href="index.html"/>'
RES_2004 = '<resource identifier="r1" adlcp:scormType="sco" href="index.html"/>'


def make(
    items: str = '<item identifier="i1" identifierref="r1"><title>One</title></item>',
    resources: str = '<resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="index.html"/>',
    *,
    ns: str = CP12,
    version: str | None = "1.2",
    org_attrs: str = 'identifier="o1"',
    default: str = "o1",
    extra_orgs: str = "",
    manifest_attrs: str = "",
    resources_attrs: str = "",
    tail: str = "",
) -> bytes:
    """A small manifest with the given parts."""
    meta = f"<metadata><schema>ADL SCORM</schema><schemaversion>{version}</schemaversion></metadata>" if version else ""
    return (
        f'<?xml version="1.0"?><manifest identifier="m1" {ns} {manifest_attrs}>{meta}'
        f'<organizations default="{default}"><organization {org_attrs}><title>Course</title>{items}</organization>'
        f"{extra_orgs}</organizations><resources {resources_attrs}>{resources}</resources>{tail}</manifest>"
    ).encode()


def test_minimal_12_manifest() -> None:
    manifest = parse_manifest(make(), {"index.html"})
    assert (manifest.standard, manifest.edition, manifest.edition_guessed) == (SCORM_12, "1.2", False)
    assert manifest.title == "Course"
    assert manifest.warnings == []
    assert [i.identifier for i in manifest.launchable_items()] == ["i1"]


def test_xml_base_on_manifest_resources_and_resource_combine() -> None:
    xml = make(
        resources='<resource identifier="r1" adlcp:scormtype="sco" href="a/../index.html" xml:base="sco1">'
        '<file href="index.html"/></resource>',
        manifest_attrs='xml:base="course/"',
        resources_attrs='xml:base="content\\"',
    )
    manifest = parse_manifest(xml, {"course/content/sco1/index.html"})
    res = manifest.resources["r1"]
    assert res.href == "course/content/sco1/index.html"
    assert res.files == ["course/content/sco1/index.html"]


def test_parameters_join_with_query_and_fragment() -> None:
    items = (
        '<item identifier="i1" identifierref="r1" parameters="?tc=1&amp;act=2"><title>A</title></item>'
        '<item identifier="i2" identifierref="r2" parameters="&amp;x=1"><title>B</title></item>'
        '<item identifier="i3" identifierref="r1" parameters="#page3"><title>C</title></item>'
    )
    resources = (
        '<resource identifier="r1" adlcp:scormtype="sco" href="index.html"/>'
        '<resource identifier="r2" adlcp:scormtype="sco" href="run.html?lang=en"/>'
    )
    manifest = parse_manifest(make(items, resources), {"index.html", "run.html"})
    urls = [manifest.launch_url(i) for i in manifest.launchable_items()]
    assert urls == ["index.html?tc=1&act=2", "run.html?lang=en&x=1", "index.html#page3"]


def test_12_item_attributes_any_case_and_prefix() -> None:
    items = (
        '<item identifier="i1" identifierref="r1" isvisible="false"><title>\n   Lesson   one\n </title>'
        "<adlcp:masteryscore>75</adlcp:masteryscore><adlcp:maxtimeallowed>00:30:00</adlcp:maxtimeallowed>"
        "<adlcp:timelimitaction>continue,no message</adlcp:timelimitaction>"
        "<adlcp:datafromlms>mode=review</adlcp:datafromlms>"
        '<adlcp:prerequisites type="aicc_script">i0</adlcp:prerequisites></item>'
    )
    resources = '<resource identifier="r1" adlcp:scormType="SCO" href="index.html"/>'
    manifest = parse_manifest(make(items, resources), {"index.html"})
    item = manifest.organization.items[0]
    assert item.title == "Lesson one"
    assert item.is_visible is False
    assert item.mastery_score == 75.0
    assert item.max_time_allowed == "00:30:00"
    assert item.time_limit_action == "continue,no message"
    assert item.data_from_lms == "mode=review"
    assert (item.prerequisites, item.prerequisites_type) == ("i0", "aicc_script")
    assert manifest.is_sco(item)


def test_manifest_without_any_namespace_is_read() -> None:
    xml = make(ns="", resources='<resource identifier="r1" scormtype="sco" href="index.html"/>')
    manifest = parse_manifest(xml, {"index.html"})
    assert manifest.is_sco(manifest.launchable_items()[0])


def test_2004_item_elements() -> None:
    items = (
        '<item identifier="i1" identifierref="r1"><title>A</title>'
        "<adlcp:dataFromLMS>x=1</adlcp:dataFromLMS>"
        "<adlcp:completionThreshold>0.75</adlcp:completionThreshold>"
        '<imsss:sequencing><imsss:limitConditions attemptAbsoluteDurationLimit="PT1H"/></imsss:sequencing>'
        "<adlnav:presentation><adlnav:navigationInterface><adlnav:hideLMSUI>continue</adlnav:hideLMSUI>"
        "<adlnav:hideLMSUI>previous</adlnav:hideLMSUI></adlnav:navigationInterface></adlnav:presentation>"
        "</item>"
    )
    resources = '<resource identifier="r1" adlcp:scormType="sco" href="index.html"/>'
    xml = make(items, resources, ns=CP2004, version="2004 3rd Edition")
    manifest = parse_manifest(xml, {"index.html"})
    item = manifest.organization.items[0]
    assert (manifest.standard, manifest.edition) == (SCORM_2004, "2004 3rd Edition")
    assert item.data_from_lms == "x=1"
    assert item.completion_threshold == 0.75
    assert item.max_time_allowed == "PT1H"
    assert item.hide_lms_ui == ["continue", "previous"]
    assert item.sequencing_xml is not None
    assert item.sequencing_xml.startswith("<imsss:sequencing")
    assert 'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"' in item.sequencing_xml


def test_2004_4th_completion_threshold_attributes_and_shared_data() -> None:
    items = (
        '<item identifier="i1" identifierref="r1"><title>A</title>'
        '<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.6" progressWeight="2"/>'
        '<adlcp:data><adlcp:map targetID="notes" readSharedData="false" writeSharedData="true"/></adlcp:data>'
        "</item>"
    )
    resources = '<resource identifier="r1" adlcp:scormType="sco" href="index.html"/>'
    xml = make(items, resources, ns=CP2004, version="2004 4th Edition")
    item = parse_manifest(xml, {"index.html"}).organization.items[0]
    assert item.completion_threshold == 0.6
    assert item.completed_by_measure is True
    assert item.progress_weight == 2.0
    assert item.data_maps == [{"target_id": "notes", "read_shared_data": False, "write_shared_data": True}]


def test_organization_sequencing_and_collection_kept_raw() -> None:
    items = '<item identifier="i1" identifierref="r1"><title>A</title><imsss:sequencing IDRef="common"/></item>'
    items += '<imsss:sequencing><imsss:controlMode choice="false" flow="true"/></imsss:sequencing>'
    tail = (
        '<imsss:sequencingCollection><imsss:sequencing ID="common">'
        '<imsss:limitConditions attemptAbsoluteDurationLimit="PT2H"/></imsss:sequencing></imsss:sequencingCollection>'
    )
    resources = '<resource identifier="r1" adlcp:scormType="sco" href="index.html"/>'
    manifest = parse_manifest(make(items, resources, ns=CP2004, version="2004 3rd Edition", tail=tail))
    assert manifest.organization.sequencing_xml and "controlMode" in manifest.organization.sequencing_xml
    assert manifest.sequencing_collection_xml and 'ID="common"' in manifest.sequencing_collection_xml
    assert manifest.organization.items[0].max_time_allowed == "PT2H"


@pytest.mark.parametrize(
    ("version", "edition"),
    [
        ("1.2", "1.2"),
        ("CAM 1.3", "2004 2nd Edition"),
        ("2004 3rd Edition", "2004 3rd Edition"),
        ("2004 4th Edition", "2004 4th Edition"),
        ("  2004 4th edition ", "2004 4th Edition"),
    ],
)
def test_schemaversion_is_normalised(version: str, edition: str) -> None:
    ns = CP12 if version == "1.2" else CP2004
    manifest = parse_manifest(make(ns=ns, version=version, resources=RES_2004 if ns == CP2004 else RES_12))
    assert manifest.edition == edition
    assert manifest.edition_guessed is False
    assert manifest.warnings == []


def test_missing_schemaversion_guesses_12_from_namespaces() -> None:
    manifest = parse_manifest(make(version=None))
    assert (manifest.standard, manifest.edition, manifest.edition_guessed) == (SCORM_12, "1.2", True)
    assert any("does not state its SCORM version" in w and "1.2" in w for w in manifest.warnings)


def test_missing_schemaversion_guesses_2004_2nd() -> None:
    manifest = parse_manifest(make(ns=CP2004, version=None, resources=RES_2004))
    assert (manifest.standard, manifest.edition, manifest.edition_guessed) == (SCORM_2004, "2004 2nd Edition", True)
    assert "guessed from its namespaces" in manifest.warnings[0]


def test_missing_schemaversion_with_shared_data_guesses_4th() -> None:
    items = (
        '<item identifier="i1" identifierref="r1"><title>A</title>'
        '<adlcp:data><adlcp:map targetID="notes"/></adlcp:data></item>'
    )
    manifest = parse_manifest(make(items, RES_2004, ns=CP2004, version=None))
    assert (manifest.edition, manifest.edition_guessed) == ("2004 4th Edition", True)


def test_missing_schemaversion_with_min_progress_measure_guesses_4th() -> None:
    items = (
        '<item identifier="i1" identifierref="r1"><title>A</title>'
        '<adlcp:completionThreshold minProgressMeasure="0.5"/></item>'
    )
    manifest = parse_manifest(make(items, RES_2004, ns=CP2004, version=None))
    assert manifest.edition == "2004 4th Edition"


def test_unknown_schemaversion_is_guessed_with_warning() -> None:
    manifest = parse_manifest(make(ns=CP2004, version="SCORM 2004 deluxe", resources=RES_2004))
    assert manifest.edition_guessed is True
    assert manifest.warnings == [
        "The manifest's schemaversion 'SCORM 2004 deluxe' is not a known SCORM version; it was read as SCORM "
        "2004 2nd Edition, guessed from its namespaces."
    ]


def test_default_organization_is_used() -> None:
    other = (
        '<organization identifier="o2"><title>Other</title>'
        '<item identifier="j1" identifierref="r1"><title>J</title></item></organization>'
    )
    manifest = parse_manifest(make(default="o2", extra_orgs=other))
    assert manifest.organization.identifier == "o2"
    assert len(manifest.organizations) == 2
    assert manifest.warnings == []


def test_default_organization_that_does_not_exist_falls_back_to_first() -> None:
    manifest = parse_manifest(make(default="nope"))
    assert manifest.organization.identifier == "o1"
    assert manifest.warnings == [
        "The default organization 'nope' does not exist; the first organization, 'Course', is used instead."
    ]


def test_organization_without_title_falls_back_to_lom_title() -> None:
    xml = make().replace(b"<title>Course</title>", b"").replace(
        b"</schemaversion>",
        b"</schemaversion><lom><general><title><langstring>Golf 101</langstring></title></general></lom>",
    )
    manifest = parse_manifest(xml)
    assert manifest.title == "Golf 101"
    assert manifest.warnings == ["The organization 'o1' has no title; the course is titled 'Golf 101' instead."]


def test_no_organization_builds_one_from_scos_in_document_order() -> None:
    xml = (
        f'<manifest identifier="m1" {CP12}><organizations/><resources>'
        '<resource identifier="b" adlcp:scormtype="sco" href="b.html"/>'
        '<resource identifier="asset" adlcp:scormtype="asset" href="x.css"/>'
        '<resource identifier="a" adlcp:scormtype="sco" href="a.html"/>'
        "</resources></manifest>"
    ).encode()
    manifest = parse_manifest(xml, {"a.html", "b.html", "x.css"})
    assert [i.identifierref for i in manifest.launchable_items()] == ["b", "a"]
    assert any("built from its 2 SCO resources" in w for w in manifest.warnings)


def test_item_with_unknown_resource_is_skipped_with_warning() -> None:
    items = (
        '<item identifier="item_1" identifierref="non_existent_resource"><title>X</title></item>'
        '<item identifier="i2" identifierref="r1"><title>Y</title></item>'
    )
    manifest = parse_manifest(make(items), {"index.html"})
    assert manifest.organization.items[0].identifierref is None
    assert manifest.warnings == [
        "Item 'item_1' refers to resource 'non_existent_resource', which the manifest does not define; it is skipped."
    ]


def test_launch_file_with_wrong_case_is_accepted_and_corrected() -> None:
    resources = '<resource identifier="r1" adlcp:scormtype="sco" href="Content/Index.HTML"/>'
    manifest = parse_manifest(make(resources=resources), {"content/index.html"})
    assert manifest.resources["r1"].href == "content/index.html"
    assert "different letter case" in manifest.warnings[0]


def test_percent_encoded_launch_file_is_found() -> None:
    resources = '<resource identifier="r1" adlcp:scormtype="sco" href="my%20course/index.html"/>'
    manifest = parse_manifest(make(resources=resources), {"my course/index.html"})
    assert manifest.warnings == []


def test_missing_launch_file_is_refused() -> None:
    resources = '<resource identifier="r1" adlcp:scormtype="sco" href="content/index.html"/>'
    items = '<item identifier="i1" identifierref="r1"><title>Test Item</title></item>'
    with pytest.raises(PackageError) as info:
        parse_manifest(make(items, resources), {"other.html"})
    assert str(info.value) == "The launch file 'content/index.html' of item 'Test Item' is missing from the package."


def test_several_missing_launch_files_are_joined_first_leading() -> None:
    items = (
        '<item identifier="i1" identifierref="r1"><title>A</title></item>'
        '<item identifier="i2" identifierref="r2"><title>B</title></item>'
    )
    resources = (
        '<resource identifier="r1" adlcp:scormtype="sco" href="a.html"/>'
        '<resource identifier="r2" adlcp:scormtype="sco" href="b.html"/>'
    )
    with pytest.raises(PackageError) as info:
        parse_manifest(make(items, resources), set())
    message = str(info.value)
    assert message.startswith("The launch file 'a.html' of item 'A' is missing from the package. Also: ")
    assert "'b.html'" in message


def test_listed_but_missing_files_are_one_warning() -> None:
    resources = (
        '<resource identifier="r1" adlcp:scormtype="sco" href="index.html">'
        '<file href="index.html"/><file href="a.js"/><file href="b.css"/></resource>'
    )
    manifest = parse_manifest(make(resources=resources), {"index.html"})
    assert manifest.warnings == ["The manifest lists files the package does not contain: 'a.js' and 1 more."]


def test_no_launchable_item_is_refused() -> None:
    resources = '<resource identifier="r1" adlcp:scormtype="sco"><file href="index.html"/></resource>'
    with pytest.raises(PackageError) as info:
        parse_manifest(make(resources=resources))
    assert str(info.value) == "The package has no item that can be launched (no resource with an href)."


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (b"", "The manifest imsmanifest.xml is empty."),
        (b'<?xml version="1.0"?>\n', "The manifest imsmanifest.xml is empty: it has no <manifest> element."),
        (
            b"<manifest><organizations></manifest>",
            "The manifest imsmanifest.xml is not well-formed XML (line 1: mismatched tag).",
        ),
        (
            b"<html><body/></html>",
            "The file imsmanifest.xml is not a SCORM manifest: its top element is <html>, not <manifest>.",
        ),
    ],
)
def test_broken_manifests_are_refused(xml: bytes, message: str) -> None:
    with pytest.raises(PackageError) as info:
        parse_manifest(xml)
    assert str(info.value) == message


ENTITY_MESSAGE = "The manifest uses XML entities or a DTD, which are refused for safety."


def test_rejects_billion_laughs() -> None:
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<manifest><title>&lol2;</title></manifest>"
    )
    with pytest.raises(PackageError) as info:
        parse_manifest(xml)
    assert str(info.value) == ENTITY_MESSAGE


def test_rejects_external_entity() -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><manifest>&xxe;</manifest>'
    with pytest.raises(PackageError) as info:
        parse_manifest(xml)
    assert str(info.value) == ENTITY_MESSAGE


def test_rejects_dtd() -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE manifest SYSTEM "http://example.com/m.dtd"><manifest/>'
    with pytest.raises(PackageError) as info:
        parse_manifest(xml)
    assert str(info.value) == ENTITY_MESSAGE


def test_utf8_bom_and_utf16_manifests_are_read() -> None:
    xml = make().decode()
    assert parse_manifest(b"\xef\xbb\xbf" + xml.encode()).title == "Course"
    utf16 = xml.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16")
    assert parse_manifest(utf16).title == "Course"


def test_manifest_round_trips_through_dict() -> None:
    manifest = parse_manifest(make(ns=CP2004, version="2004 4th Edition", resources=RES_2004))
    assert Manifest.from_dict(manifest.to_dict()) == manifest


def test_windows_1252_bytes_in_a_utf8_manifest_are_read_with_warning() -> None:
    xml = make().replace(b"<title>Course</title>", "<title>Café résumé</title>".encode("cp1252"))
    manifest = parse_manifest(xml)
    assert manifest.title == "Café résumé"
    assert manifest.warnings == ["The manifest imsmanifest.xml is not valid UTF-8; it was read as Windows-1252 text."]
