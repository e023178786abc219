"""The course library on disk: imports from the shared corpus, duplicates, refusals that leave no trace, cancellation,
tidying after a crash, lookup, and the sample course imported once per data folder."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from scorm_desktop.package.archive import is_reserved
from scorm_desktop.package.model import PackageError
from scorm_desktop.paths import DataPaths
from scorm_desktop.resources import sample_course_dir
from scorm_desktop.services import SAMPLE_MARKER, Services, open_services
from scorm_desktop.storage.models import Base, load_all

load_all()  # Base.metadata holds every table, the LRS's and dispatch's too (they map on first use)

DATA = Path(__file__).resolve().parent.parent / "data"

#: Corpus packages the library imports: (folder, file, standard; None where the package mixes signals).
IMPORTABLE = [
    ("good", "emp-cp-withmetadata-12.zip", "scorm12"),
    ("good", "emp-prerequisites-12.zip", "scorm12"),
    ("good", "golf-cp-onefilepersco-12.zip", "scorm12"),
    ("good", "golf-cp-singlesco-2004-2nd.zip", "scorm2004"),
    ("good", "golf-cp-singlesco-2004-3rd.zip", "scorm2004"),
    ("good", "golf-rt-advanced-2004-3rd.zip", "scorm2004"),
    ("good", "golf-rt-minimum-2004-3rd.zip", "scorm2004"),
    ("good", "golf-seq-forcedseq-2004-3rd.zip", "scorm2004"),
    ("good", "golf-seq-posttest-2004-4th.zip", "scorm2004"),
    ("good", "golf-seq-remediation-2004-3rd.zip", "scorm2004"),
    ("good", "moodle-complexscorm.zip", None),
    ("good", "moodle-runtimeminimum-12.zip", "scorm12"),
    ("good", "moodle-singlescobasic-12.zip", "scorm12"),
]

#: Corpus packages refused, with a phrase the message must hold (it names the problem).
REFUSED = [
    ("bad", "catapult-lts-209-not-a-zip.zip", "not a ZIP archive"),
    ("bad", "emp-bad-cts-cm01-brokendefaultorg.zip", "'resources/SequencingTest.htm'"),
    ("bad", "emp-bad-invalidfilerefs-12.zip", "'content/nonexistent.html'"),
    ("bad", "emp-bad-malformedxml-12.zip", "not well-formed XML"),
    ("bad", "emp-bad-missingfields-12.zip", "is missing from the package"),
    ("bad", "emp-bad-missinglaunchurl-12.zip", "no item that can be launched"),
    ("bad", "emp-bad-missingorgid-2004.zip", "is missing from the package"),
    ("bad", "emp-bad-noschemaversion-2004.zip", "is missing from the package"),
    ("bad", "moodle-badscorm.zip", "empty"),
    ("bad", "moodle-invalid.zip", "no imsmanifest.xml"),
    ("bad", "moodle-validaicc.zip", "AICC"),
    ("bad", "moodle-validscorm.zip", "empty"),
]

MANIFEST_12 = (
    b'<?xml version="1.0"?><manifest identifier="hostile" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
    b'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"><metadata><schemaversion>1.2</schemaversion>'
    b'</metadata><organizations default="o"><organization identifier="o"><title>Hostile</title>'
    b'<item identifier="i" identifierref="r"><title>Lesson</title></item></organization></organizations>'
    b'<resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html">'
    b'<file href="index.html"/></resource></resources></manifest>'
)


def snapshot(svc: Services) -> tuple[dict[str, str], dict[str, int]]:
    """Every file and folder under the data folder with its content hash, and the row count of every table."""
    root = svc.paths.root
    files: dict[str, str] = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.name.endswith("-shm"):  # SQLite's shared-memory index: changes on every read, holds no data
            continue
        files[rel] = "<dir>" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
    with svc.sessions() as s:
        counts = {
            t.name: s.execute(select(func.count()).select_from(t)).scalar_one() for t in Base.metadata.sorted_tables
        }
    return files, counts


def course_folders(svc: Services) -> list[Path]:
    return sorted(p for p in svc.paths.courses.iterdir()) if svc.paths.courses.exists() else []


def make_zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def _junk(name: str) -> bool:
    """Operating-system litter the library leaves out on purpose (macOS resource forks, Finder and Explorer files)."""
    parts = name.split("/")
    return parts[0] == "__MACOSX" or parts[-1].lower() in (".ds_store", "thumbs.db", "desktop.ini")


def unzip(source: Path, dest: Path) -> Path:
    with zipfile.ZipFile(source) as zf:
        zf.extractall(dest)
    return dest


# --------------------------------------------------------------------------------------------------- importing


@pytest.mark.parametrize(("folder", "name", "standard"), IMPORTABLE, ids=[n for _, n, _ in IMPORTABLE])
def test_imports_corpus_package(services: Services, corpus: Path, folder: str, name: str, standard: str | None) -> None:
    source = corpus / folder / name
    outcome = services.library.import_package(source)
    course = outcome.course
    assert course is not None and outcome.duplicate_of is None
    assert course.source_name == name
    if standard:
        assert course.standard == standard
    assert course.title
    # SCOs are counted, assets are not (golf-cp-onefilepersco-12 launches assets only).
    assert 0 <= course.sco_count <= len(course.manifest.launchable_items())
    if name == "golf-cp-onefilepersco-12.zip":
        assert course.sco_count == 0
    else:
        assert course.sco_count >= 1
    assert [c.id for c in services.library.courses()] == [course.id]
    assert course_folders(services) == [course.folder]
    # Every file of the ZIP is in the course folder with its content, and nothing else is.
    with zipfile.ZipFile(source) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        manifest = min((i.filename for i in infos if i.filename.lower().endswith("imsmanifest.xml")), key=len)
        prefix = manifest[: -len("imsmanifest.xml")]
        expected = {
            i.filename[len(prefix):]: zf.read(i)
            for i in infos
            if i.filename.startswith(prefix) and not _junk(i.filename)
        }
    on_disk = {p.relative_to(course.folder).as_posix(): p.read_bytes() for p in course.folder.rglob("*") if p.is_file()}
    assert {k: v for k, v in on_disk.items() if not is_reserved(k)} == expected  # + the app's own reserved folder
    assert course.size_bytes == sum(len(b) for b in expected.values())
    # The launch file of the first item exists in the folder.
    first = course.manifest.launchable_items()[0]
    assert (course.folder / course.manifest.launch_url(first).split("?")[0].split("#")[0]).is_file()
    assert not services.paths.staging.exists()


def test_complexscorm_warns_about_its_missing_default_organization(services: Services, corpus: Path) -> None:
    outcome = services.library.import_package(corpus / "good" / "moodle-complexscorm.zip")
    assert outcome.course is not None
    assert any("default organization" in w for w in outcome.warnings)
    assert services.library.course(outcome.course.id).warnings == outcome.warnings


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("emp-bad-danglingidref-12.zip", "non_existent_resource"),
        ("moodle-singlescobasic-missingorg.zip", "no organization"),
    ],
)
def test_playable_bad_package_is_imported_with_a_warning(
    services: Services, corpus: Path, name: str, phrase: str
) -> None:
    outcome = services.library.import_package(corpus / "bad" / name)
    assert outcome.course is not None
    assert any(phrase in w for w in outcome.warnings), outcome.warnings
    assert outcome.course.warnings == outcome.warnings
    assert outcome.course.manifest.launchable_items()


def test_imports_a_folder_and_keeps_the_source(services: Services) -> None:
    source = DATA / "sco-multi-12"
    before = sorted(p.name for p in source.iterdir())
    outcome = services.library.import_package(source)
    assert outcome.course is not None and outcome.course.source_name == "sco-multi-12"
    assert sorted(p.name for p in outcome.course.folder.iterdir() if not is_reserved(p.name)) == before
    assert sorted(p.name for p in source.iterdir()) == before


def test_progress_reaches_the_total(services: Services, corpus: Path) -> None:
    calls: list[tuple[int, int]] = []
    outcome = services.library.import_package(
        corpus / "good" / "golf-cp-singlesco-2004-3rd.zip", progress=lambda d, t: calls.append((d, t))
    )
    assert len(calls) > 1
    assert calls[-1] == (outcome.course.size_bytes, outcome.course.size_bytes)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


# --------------------------------------------------------------------------------------------------- duplicates


def test_same_package_as_zip_then_folder_is_a_duplicate(services: Services, corpus: Path, tmp_path: Path) -> None:
    source = corpus / "good" / "golf-cp-singlesco-2004-3rd.zip"
    first = services.library.import_package(source).course
    before = snapshot(services)

    folder = unzip(source, tmp_path / "unzipped")
    outcome = services.library.import_package(folder)
    assert outcome.course is None
    assert outcome.duplicate_of is not None and outcome.duplicate_of.id == first.id
    assert snapshot(services) == before
    assert course_folders(services) == [first.folder]


def test_same_package_as_folder_then_zip_is_a_duplicate(services: Services, tmp_path: Path) -> None:
    source = DATA / "sco-api-probe-12"
    first = services.library.import_package(source).course
    zipped = make_zip(tmp_path / "probe.zip", {p.name: p.read_bytes() for p in source.iterdir()})
    again = services.library.import_package(zipped)
    assert again.course is None and again.duplicate_of.id == first.id
    assert again.duplicate_of.folder == first.folder
    assert len(services.library.courses()) == 1 and course_folders(services) == [first.folder]


def test_changed_content_is_not_a_duplicate(services: Services, tmp_path: Path) -> None:
    source = DATA / "sco-api-probe-12"
    files = {p.name: p.read_bytes() for p in source.iterdir()}
    first = services.library.import_package(make_zip(tmp_path / "a.zip", files)).course
    files["index.html"] += b"\n<!-- edited -->\n"
    second = services.library.import_package(make_zip(tmp_path / "b.zip", files))
    assert second.course is not None and second.duplicate_of is None
    assert second.course.id != first.id and second.course.folder != first.folder


# --------------------------------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(("folder", "name", "phrase"), REFUSED, ids=[n for _, n, _ in REFUSED])
def test_refused_corpus_package_leaves_the_library_as_it_was(
    services: Services, corpus: Path, folder: str, name: str, phrase: str
) -> None:
    services.library.import_package(DATA / "sco-api-probe-2004")  # a library that is not empty
    before = snapshot(services)
    with pytest.raises(PackageError) as info:
        services.library.import_package(corpus / folder / name)
    assert phrase in str(info.value)
    assert snapshot(services) == before


def _hostile(tmp_path: Path) -> dict[str, Path]:
    ok = {"imsmanifest.xml": MANIFEST_12, "index.html": b"<html>x</html>"}
    out = {
        "parent_traversal": make_zip(tmp_path / "traversal.zip", {**ok, "../../evil.sh": b"rm -rf ~"}),
        "absolute_path": make_zip(tmp_path / "absolute.zip", {**ok, "/etc/cron.d/evil": b"* * * * * x"}),
        "drive_letter": make_zip(tmp_path / "drive.zip", {**ok, "C:/Windows/evil.dll": b"MZ"}),
        "zip_bomb": make_zip(tmp_path / "bomb.zip", {**ok, "zeros.bin": bytes(8 * 1024 * 1024)}),
        "file_folder_clash": make_zip(tmp_path / "clash.zip", {**ok, "a": b"1", "a/b": b"2"}),
    }
    link = tmp_path / "symlink.zip"
    make_zip(link, ok)
    info = zipfile.ZipInfo("escape")
    info.create_system = 3
    info.external_attr = (0o120777) << 16
    with zipfile.ZipFile(link, "a") as zf:
        zf.writestr(info, "/etc/passwd")
    out["symlink"] = link
    return out


ATTACKS = ["parent_traversal", "absolute_path", "drive_letter", "zip_bomb", "file_folder_clash", "symlink"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_hostile_zip_leaves_the_library_as_it_was(services: Services, tmp_path: Path, attack: str) -> None:
    services.library.import_package(DATA / "sco-api-probe-2004")
    before = snapshot(services)
    with pytest.raises(PackageError):
        services.library.import_package(_hostile(tmp_path)[attack])
    assert snapshot(services) == before
    assert not (tmp_path / "evil.sh").exists() and not (tmp_path.parent / "evil.sh").exists()


def test_failure_midway_through_extraction_leaves_nothing(services: Services, tmp_path: Path) -> None:
    """Files sorted before the bad entry are written to staging first; the failure must remove them all."""
    services.library.import_package(DATA / "sco-api-probe-2004")
    before = snapshot(services)
    entries = {"imsmanifest.xml": MANIFEST_12, "index.html": b"<html>x</html>"}
    entries.update({f"assets/{i:03}.txt": b"x" * 1000 for i in range(20)})
    entries["zz/" + "n" * 300 + ".txt"] = b"a name too long for any file system"
    with pytest.raises((PackageError, OSError)):
        services.library.import_package(make_zip(tmp_path / "longname.zip", entries))
    assert snapshot(services) == before


# --------------------------------------------------------------------------------------------------- cancellation


def test_cancelled_before_extraction_leaves_nothing(services: Services, corpus: Path) -> None:
    before = snapshot(services)
    with pytest.raises(PackageError, match="cancelled"):
        services.library.import_package(corpus / "good" / "golf-cp-singlesco-2004-3rd.zip", cancelled=lambda: True)
    assert snapshot(services) == before
    assert services.library.courses() == []


def test_cancelled_midway_leaves_nothing(services: Services, corpus: Path) -> None:
    before = snapshot(services)
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 5  # some files are already written to staging by then

    with pytest.raises(PackageError, match="cancelled"):
        services.library.import_package(corpus / "good" / "golf-cp-singlesco-2004-3rd.zip", cancelled=cancelled)
    assert asked > 5
    assert snapshot(services) == before
    # The same package imports afterwards: the cancelled attempt left no row that would make it a duplicate.
    assert services.library.import_package(corpus / "good" / "golf-cp-singlesco-2004-3rd.zip").course is not None


# --------------------------------------------------------------------------------------------------- tidy


def test_tidy_removes_staging_leftovers_and_keeps_unknown_course_folders(services: Services) -> None:
    kept = services.library.import_package(DATA / "sco-api-probe-2004").course
    orphan = services.paths.courses / "0123456789abcdef0123456789abcdef"
    (orphan / "sub").mkdir(parents=True)
    (orphan / "sub" / "index.html").write_text("half an import")
    leftover = services.paths.staging / "fedcba9876543210fedcba9876543210"
    leftover.mkdir(parents=True)
    (leftover / "imsmanifest.xml").write_text("<manifest/>")
    stray_file = services.paths.courses / "notes.txt"  # not a course folder: tidy removes folders only
    stray_file.write_text("left by a user")

    removed = services.library.tidy()
    assert set(removed) == {leftover}
    assert not services.paths.staging.exists()
    # A course folder the database does not name is kept: it may belong to a database set aside by a restore.
    assert (orphan / "sub" / "index.html").exists()
    assert stray_file.exists()
    assert sorted(p.name for p in kept.folder.iterdir()) == [".scorm-desktop", "imsmanifest.xml", "index.html"]
    assert services.library.tidy() == []


def test_open_services_tidies_at_start(paths: DataPaths) -> None:
    first = open_services(paths, with_sample=False)
    first.close()
    orphan = paths.courses / "deadbeefdeadbeefdeadbeefdeadbeef"
    orphan.mkdir()
    (orphan / "a.html").write_text("x")
    (paths.staging / "x").mkdir(parents=True)
    second = open_services(paths, with_sample=False)
    try:
        assert orphan.exists() and not paths.staging.exists()
    finally:
        second.close()


# --------------------------------------------------------------------------------------------------- find


def test_find_by_id_title_and_identifier(services: Services) -> None:
    probe = services.library.import_package(DATA / "sco-api-probe-2004").course
    multi = services.library.import_package(DATA / "sco-multi-12").course
    assert services.library.find(str(probe.id)).id == probe.id
    assert services.library.find(multi.title).id == multi.id
    assert services.library.find("org.scormdesktop.test.probe2004").id == probe.id
    assert services.library.course(multi.id) == services.library.find(str(multi.id))
    with pytest.raises(KeyError, match="no course 'nothing'"):
        services.library.find("nothing")
    with pytest.raises(KeyError, match="no course 999"):
        services.library.find("999")


def test_find_refuses_an_ambiguous_title(services: Services, tmp_path: Path) -> None:
    files = {p.name: p.read_bytes() for p in (DATA / "sco-api-probe-12").iterdir()}
    a = services.library.import_package(make_zip(tmp_path / "a.zip", files)).course
    files["index.html"] += b"<!-- v2 -->"
    b = services.library.import_package(make_zip(tmp_path / "b.zip", files)).course
    assert a.title == b.title
    with pytest.raises(KeyError, match="Several courses"):
        services.library.find(a.title)
    assert services.library.find(str(b.id)).id == b.id


# --------------------------------------------------------------------------------------------------- sample course


def test_sample_course_is_imported_exactly_once(paths: DataPaths) -> None:
    first = open_services(paths)
    try:
        (sample,) = first.library.courses()
        assert sample.source_name == sample_course_dir().name
        assert (paths.root / SAMPLE_MARKER).is_file()
    finally:
        first.close()

    second = open_services(paths)
    try:
        assert [c.id for c in second.library.courses()] == [sample.id]
        assert course_folders(second) == [sample.folder]
        # The learner removes the sample (with its records): its row and its files go.
        second.library.remove(sample.id, delete_records=True)
    finally:
        second.close()

    third = open_services(paths)
    try:
        assert third.library.courses() == []
        assert course_folders(third) == []
    finally:
        third.close()


def test_sample_course_is_not_imported_when_asked_not_to(paths: DataPaths) -> None:
    svc = open_services(paths, with_sample=False)
    try:
        assert svc.library.courses() == []
        assert not (paths.root / SAMPLE_MARKER).exists()
    finally:
        svc.close()
