"""cmi5 and Tin Can packages through the real library import: the CATAPULT courses and the Tin Can golf example of
the corpus are accepted, crafted faulty course structures are refused with one sentence, and nothing is written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from data.crafted import cmi5 as crafted
from scorm_desktop.package.course_structure import CourseStructure
from scorm_desktop.package.model import PackageError
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def services(tmp_path: Path):
    svc = open_services(DataPaths(tmp_path / "data"))
    yield svc
    svc.close()


def _course_count(services) -> int:
    return len(services.library.courses())


def test_catapult_multi_au_imports_as_cmi5_with_its_structure(services, corpus: Path) -> None:
    outcome = services.library.import_package(corpus / "good" / "catapult-cmi5-multi-au-framed.zip")
    course = outcome.course
    assert course.standard == "cmi5"
    assert course.sco_count == 8
    structure = CourseStructure.from_dict(
        {k: v for k, v in course.manifest.course_structure.items() if k != "kind"}
    )
    aus = structure.aus()
    assert [a.id.rsplit("/", 1)[1] for a in aus] == ["1", "2", "3", "4", "5", "6", "7", "quiz"]
    assert aus[-1].move_on == "CompletedAndPassed"
    assert course.manifest.launch_url(course.manifest.launchable_items()[-1]) == "index.html?pages=quiz&complete=quiz"
    assert (course.folder / "index.html").is_file()


def test_tincan_golf_imports_as_xapi(services, corpus: Path) -> None:
    course = services.library.import_package(corpus / "good" / "tincan-golf-example.zip").course
    assert (course.standard, course.title, course.sco_count) == ("xapi", "Tin Can Golf Example", 1)
    assert course.manifest.course_structure["activities"][0]["launch"] == "index.html"


def test_not_a_zip_is_refused_by_name(services, corpus: Path) -> None:
    with pytest.raises(PackageError, match="is not a ZIP archive"):
        services.library.import_package(corpus / "bad" / "catapult-lts-209-not-a-zip.zip")


@pytest.mark.parametrize(
    "maker, sentence",
    [
        (crafted.duplicate_au_ids, r"The AU id 'https://example.com/au/1' appears twice"),
        (crafted.missing_launch_file, r"The launch file 'lesson/start.html' of the AU 'AU one' is missing"),
        (crafted.bad_au_iri, r"has the id 'not an iri', which is not an IRI"),
        (crafted.absolute_url_au, r"on the web: it needs the network"),
        (crafted.bare_remote_structure, r"launches its AUs from the web .*needs the network"),
        (crafted.bad_move_on, r"moveOn 'Whenever'; it must be one of"),
        (crafted.bad_mastery_score, r"masteryScore '1.5'; it must be a decimal from 0 to 1"),
        (crafted.entity_bomb, r"XML entities or a DTD"),
    ],
)
def test_faulty_cmi5_packages_are_refused_with_one_sentence(services, tmp_path: Path, maker, sentence) -> None:
    before = _course_count(services)
    with pytest.raises(PackageError, match=sentence) as err:
        services.library.import_package(maker(tmp_path))
    message = str(err.value)
    assert "\n" not in message and message.endswith(".")
    assert _course_count(services) == before
    assert not any(services.paths.staging.glob("*")) if services.paths.staging.exists() else True


def test_block_structure_objectives_and_attributes_are_kept(services, tmp_path: Path) -> None:
    objectives = (
        "<objectives><objective id='https://example.com/obj/1'>"
        f"{crafted.langs('title', 'O1')}{crafted.langs('description', 'O1')}</objective></objectives>"
    )
    au = crafted.au(
        "https://example.com/au/q", url="quiz/index.html",
        attrs={"moveOn": "Passed", "masteryScore": "0.8", "launchMethod": "OwnWindow",
               "activityType": "http://adlnet.gov/expapi/activities/assessment"},
        extra="<launchParameters>{\"level\": 2}</launchParameters><entitlementKey>KEY-1</entitlementKey>",
    )
    au = au.replace("<url>", "<objectives><objective idref='https://example.com/obj/1'/></objectives><url>")
    xml = crafted.course_xml(crafted.block("https://example.com/block/1", au), objectives=objectives)
    course = services.library.import_package(crafted.package(tmp_path, xml, {"quiz/index.html": "<html/>"})).course
    cs = course.manifest.course_structure
    blk = cs["children"][0]
    assert blk["kind"] == "block" and blk["id"] == "https://example.com/block/1"
    got = blk["children"][0]
    assert (got["move_on"], got["mastery_score"], got["launch_method"]) == ("Passed", 0.8, "OwnWindow")
    assert got["launch_parameters"] == '{"level": 2}' and got["entitlement_key"] == "KEY-1"
    assert got["objectives"] == ["https://example.com/obj/1"]
    assert [i.identifier for i in course.manifest.organization.walk()] == [
        "https://example.com/block/1", "https://example.com/au/q",
    ]


def test_undeclared_objective_reference_is_refused(services, tmp_path: Path) -> None:
    au = crafted.au().replace("<url>", "<objectives><objective idref='https://example.com/obj/x'/></objectives><url>")
    with pytest.raises(PackageError, match="refers to the objective 'https://example.com/obj/x'"):
        services.library.import_package(crafted.package(tmp_path, crafted.course_xml(au)))


def test_scorm_manifest_beside_cmi5_picks_cmi5_with_a_warning(services, tmp_path: Path) -> None:
    outcome = services.library.import_package(crafted.both_manifests(tmp_path))
    assert outcome.course.standard == "cmi5"
    assert any("imported as cmi5" in w for w in outcome.warnings)


def test_tincan_without_a_launch_is_refused(services, tmp_path: Path) -> None:
    xml = crafted.tincan_xml("<activity id='https://example.com/a' type='http://adlnet.gov/expapi/activities/course'>"
                             "<name>A</name></activity>")
    with pytest.raises(PackageError, match="names no activity with a <launch> file"):
        services.library.import_package(crafted.package(tmp_path, xml, descriptor="tincan.xml"))


def test_cli_courses_json_shows_the_standards(tmp_path: Path, corpus: Path) -> None:
    data = tmp_path / "cli"
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = [sys.executable, "-m", "scorm_desktop", "--data-dir", str(data)]
    imp = subprocess.run(
        run + ["import", str(corpus / "good" / "catapult-cmi5-single-au-basic-framed.zip"),
               str(corpus / "good" / "tincan-golf-example.zip"), str(crafted.bare_remote_structure(tmp_path))],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert imp.returncode == 1, imp.stderr
    assert "needs the network" in imp.stderr and "Traceback" not in imp.stderr
    out = subprocess.run(run + ["courses", "--json"], capture_output=True, text=True, env=env, timeout=60)
    standards = sorted(c["standard"] for c in json.loads(out.stdout))
    assert standards == ["cmi5", "scorm2004", "xapi"]


@pytest.mark.parametrize(
    ("entries", "sentence"),
    [
        ({"cmi5.xml": "<courseStructure/>", "index.html": ""}, "The file cmi5.xml must hold exactly one <course>; it holds 0."),
        ({"course/cmi5.xml": "<x/>"}, "The file cmi5.xml is not valid: its top element is <x>, not <courseStructure>."),
        ({"tincan.xml": "<tincan/>"}, "The file tincan.xml names no activity with a <launch> file: there is nothing to play."),
    ],
)
def test_empty_descriptors_are_refused_by_the_archive(tmp_path: Path, entries: dict[str, str], sentence: str) -> None:
    from scorm_desktop.package.archive import open_package

    path = tmp_path / "p.zip"
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        for name, text in entries.items():
            z.writestr(name, text)
    with pytest.raises(PackageError) as err:
        with open_package(path) as src:
            src.manifest()
    assert str(err.value) == sentence


def test_a_course_of_more_than_a_thousand_aus_imports(services, tmp_path: Path) -> None:
    """The cmi5 spec: an LMS MUST support course structures with more than 1000 AUs."""
    aus = [crafted.au(f"https://example.com/au/{n}", url=f"index.html?au={n}", title=f"AU {n}") for n in range(1001)]
    course = services.library.import_package(crafted.package(tmp_path, crafted.course_xml(*aus))).course
    assert course.sco_count == 1001


def test_library_and_cli_name_the_standard(services, corpus: Path, tmp_path: Path) -> None:
    from scorm_desktop.ui.library_model import standard_label

    cmi5 = services.library.import_package(corpus / "good" / "catapult-cmi5-single-au-basic-framed.zip").course
    golf = services.library.import_package(corpus / "good" / "tincan-golf-example.zip").course
    assert (standard_label(cmi5), standard_label(golf)) == ("cmi5", "xAPI (Tin Can)")
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", str(services.paths.root), "courses"],
                         capture_output=True, text=True, env=env, timeout=60)
    lines = {line.split()[0]: line for line in out.stdout.splitlines()[1:]}
    assert "cmi5 " in lines[str(cmi5.id)] and "xAPI (Tin Can)" in lines[str(golf.id)]


def test_a_cmi5_package_folder_imports_as_one_course(tmp_path: Path) -> None:
    import zipfile

    folder = tmp_path / "unpacked"
    with zipfile.ZipFile(crafted.self_completing_course(tmp_path)) as z:
        z.extractall(folder)
    with zipfile.ZipFile(folder / "handout.zip", "w") as z:  # a ZIP among the course's own files
        z.writestr("handout.txt", "notes")
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", str(tmp_path / "d"), "import", "--json",
                          str(folder)], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    (line,) = out.stdout.splitlines()
    assert json.loads(line)["course"]["standard"] == "cmi5"
